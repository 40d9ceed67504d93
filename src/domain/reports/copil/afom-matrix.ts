/** The AFOM in a 2 × 2 matrix, by importance; what does not fit continues on « (suite) » slides, never cut. */
import { COPIL_MESSAGES } from '../../messages/copil';
import type { AfomItem, TypeAfom } from '../../model/types';
import { COLOURS } from '../../schema/colours';
import { TYPES_AFOM } from '../../schema/lists';
import { typographie } from '../../text/typography';
import type { MatrixCell, MatrixLine, Slide } from '../deck';
import { listSlides, slide } from '../deck-kit';
import { paragraphsFit } from '../fit';
import { LAYOUT, matrixCellParagraphs, matrixGeometry } from '../primitives';
import type { CopilContext } from './context';
import { section, type Section } from './section';
import { AFOM_COLOURS, afomSansReponse, byImportance, lighten } from './shared';

const M = COPIL_MESSAGES.afom;
const C = LAYOUT.content;
const SIZE = 14;

export function afomMatrix(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.afom;
  const items = ctx.input.model.afom.filter((a) => a.enonce || a.id);
  if (!items.length) return section('afom', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: M.notes, bullet: false }));
  const sans = new Set(afomSansReponse(ctx.input).map((a) => a.rowNumber));
  const queues = new Map<TypeAfom, AfomItem[]>(TYPES_AFOM.map((t) => [t, byImportance(items.filter((a) => a.type === t))]));
  const line = (a: AfomItem): MatrixLine => {
    const open = sans.has(a.rowNumber) && (a.type === 'Faiblesse' || a.type === 'Menace');
    return { text: typographie(`${a.enonce || a.id}${open ? M.sansReponse : ''}`), bold: (a.importance ?? 0) >= 3, colour: open ? COLOURS.redText : undefined };
  };
  const f = items.filter((a) => a.type === 'Faiblesse').length;
  const m = items.filter((a) => a.type === 'Menace').length;
  const n = items.filter((a) => sans.has(a.rowNumber) && (a.type === 'Faiblesse' || a.type === 'Menace')).length;
  const title = M.titre(f, m, n);
  const slides: Slide[] = [];
  for (let page = 0; page < 50 && (page === 0 || [...queues.values()].some((q) => q.length)); page++) {
    // The 2 × 2 first; continuation slides give the whole room to the quadrants that still have items.
    const types = page === 0 ? [...TYPES_AFOM] : TYPES_AFOM.filter((t) => queues.get(t)!.length > 0);
    const cols = types.length === 1 ? 1 : 2;
    const rows = types.length <= 2 ? 1 : 2;
    const skeleton = { rows, cols, cells: [] as MatrixCell[] };
    const { cell: size } = matrixGeometry(skeleton, C);
    const cells: MatrixCell[] = types.map((t) => {
      const q = queues.get(t)!;
      const total = items.filter((a) => a.type === t).length;
      const colours = AFOM_COLOURS[t];
      const base = { title: typographie(page === 0 ? `${M.quadrants[t]} (${total})` : `${M.quadrants[t]} (${M.suiteQuadrant})`), fill: lighten(colours.background), colour: colours.font, size: SIZE };
      if (page === 0 && q.length === 0) return { ...base, lines: [{ text: typographie(M.vides[t]), italic: true, colour: COLOURS.greyText }] };
      const lines: MatrixLine[] = [];
      // At least one item per page, so the loop always advances.
      while (q.length && (lines.length === 0 || paragraphsFit(matrixCellParagraphs({ ...base, lines: [...lines, line(q[0])] }), size.w, size.h))) lines.push(line(q.shift()!));
      return { ...base, lines };
    });
    while (cells.length < rows * cols) cells.push({ fill: COLOURS.white, colour: COLOURS.greyText, size: SIZE, lines: [] });
    slides.push(slide(page === 0 ? title : COPIL_MESSAGES.suite(title), [{ kind: 'matrix', frame: C, matrix: { ...skeleton, cells } }], M.notes));
  }
  return section('afom', label, slides);
}
