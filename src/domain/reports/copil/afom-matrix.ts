/**
 * The AFOM in a 2 × 2 matrix on one slide: each quadrant shows its items by
 * importance at the largest size (14 to 12 pt) that holds them; a quadrant too
 * full shows its most important items and counts the others (named in the
 * notes, in full in the AFOM document). A second slide only when items of
 * importance 3 do not fit on the first.
 */
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
import { AFOM_COLOURS, afomSansReponse, lighten, notesCopil } from './shared';

const M = COPIL_MESSAGES.afom;
const C = LAYOUT.content;
const SIZES = [14, 13, 12] as const;
/** Slides of the AFOM at most. */
const MAX_SLIDES = 2;

export function afomMatrix(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.afom;
  const items = ctx.input.model.afom.filter((a) => a.enonce || a.id);
  if (!items.length) return section('afom', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: notesCopil('afom', M.notes), bullet: false }));
  const sans = new Set(afomSansReponse(ctx.input).map((a) => a.rowNumber));
  const open = (a: AfomItem) => sans.has(a.rowNumber) && (a.type === 'Faiblesse' || a.type === 'Menace');
  const ordered = (t: TypeAfom) =>
    items.filter((a) => a.type === t).sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || Number(open(b)) - Number(open(a)) || a.rowNumber - b.rowNumber);
  const line = (a: AfomItem): MatrixLine => ({ text: typographie(`${a.enonce || a.id}${open(a) ? M.sansReponse : ''}`), bold: (a.importance ?? 0) >= 3, colour: open(a) ? COLOURS.redText : undefined });
  const f = items.filter((a) => a.type === 'Faiblesse').length;
  const m = items.filter((a) => a.type === 'Menace').length;
  const n = items.filter((a) => open(a)).length;
  const title = M.titre(f, m, n);

  /** The slides at `size`: each quadrant filled in order; the last slide counts what is left. */
  const layout = (size: number, pages: number) => {
    const queues = new Map<TypeAfom, AfomItem[]>(TYPES_AFOM.map((t) => [t, ordered(t)]));
    const slides: Array<{ cells: MatrixCell[]; rows: number; cols: number }> = [];
    for (let page = 0; page < pages; page++) {
      const last = page === pages - 1;
      const types = page === 0 ? [...TYPES_AFOM] : TYPES_AFOM.filter((t) => queues.get(t)!.length > 0);
      if (!types.length) break;
      const cols = types.length === 1 ? 1 : 2;
      const rows = types.length <= 2 ? 1 : 2;
      const { cell: box } = matrixGeometry({ rows, cols, cells: [] }, C);
      const fits = (c: MatrixCell) => paragraphsFit(matrixCellParagraphs(c), box.w, box.h);
      const cells: MatrixCell[] = types.map((t) => {
        const q = queues.get(t)!;
        const total = items.filter((a) => a.type === t).length;
        const colours = AFOM_COLOURS[t];
        const base = { title: typographie(page === 0 ? `${M.quadrants[t]} (${total})` : `${M.quadrants[t]} (${M.suiteQuadrant})`), fill: lighten(colours.background), colour: colours.font, size, lines: [] as MatrixLine[] };
        if (page === 0 && q.length === 0) return { ...base, lines: [{ text: typographie(M.vides[t]), italic: true, colour: COLOURS.greyText }] };
        const shown: AfomItem[] = [];
        while (q.length && fits({ ...base, lines: [...shown, q[0]].map(line) })) shown.push(q.shift()!);
        if (last && q.length) {
          // The count of what is left must fit too: give items back until it does.
          const rest = (k: number): MatrixLine => ({ text: typographie(M.autresQuadrant(k)), italic: true, colour: COLOURS.greyText });
          while (shown.length && !fits({ ...base, lines: [...shown.map(line), rest(q.length)] })) q.unshift(shown.pop()!);
          return { ...base, lines: [...shown.map(line), rest(q.length)] };
        }
        return { ...base, lines: shown.map(line) };
      });
      while (cells.length < rows * cols) cells.push({ fill: COLOURS.white, colour: COLOURS.greyText, size, lines: [] });
      slides.push({ cells, rows, cols });
    }
    const left = [...queues.values()].flat();
    return { slides, left, topLeft: left.some((a) => (a.importance ?? 0) >= 3) };
  };

  // One slide at the largest size that holds everything; else one at 12 pt, or two when items of importance 3 would be left out.
  let best = SIZES.map((s) => layout(s, 1)).find((l) => l.left.length === 0) ?? layout(12, 1);
  if (best.topLeft) best = layout(12, MAX_SLIDES);
  // The left-out items are named in the notes of the slide that counts them, the last one.
  const notes = (last: boolean) => notesCopil('afom', M.notes, { critere: M.critere, omis: last ? best.left.map((a) => `${a.type} : ${a.enonce || a.id}`) : [] });
  const slides: Slide[] = best.slides.map((s, i) =>
    slide(i === 0 ? title : COPIL_MESSAGES.suite(title), [{ kind: 'matrix', frame: C, matrix: { rows: s.rows, cols: s.cols, cells: s.cells } }], notes(i === best.slides.length - 1)),
  );
  return section('afom', label, slides);
}
