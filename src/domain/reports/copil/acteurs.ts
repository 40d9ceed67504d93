/**
 * Acteurs to mobilise: the impact × facilité matrix read in four quadrants
 * (strong impact from the threshold of Paramètres, easy to mobilise from 3),
 * with the names of each quadrant where they fit (a full quadrant shows its
 * first names, the urgent ones first, and counts the others, whose names go
 * to the notes), then the acteurs to contact urgently with who takes them on.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS, PRIORITE_ACTEUR_COLOURS } from '../../schema/colours';
import type { DeckBlock, MatrixCell, MatrixLine, Slide } from '../deck';
import { cell, columnsOf, fittedText, INK, listSlides, para, slide } from '../deck-kit';
import { paragraphsFit } from '../fit';
import { LAYOUT, matrixCellParagraphs, matrixGeometry } from '../primitives';
import { typographie } from '../../text/typography';
import type { CopilContext } from './context';
import { section, type Section } from './section';
import { notesCopil, tableResumee } from './shared';

const M = COPIL_MESSAGES.acteurs;
const C = LAYOUT.content;
const SIZE = 12;

export function acteurs(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.acteurs;
  const a = ctx.d.acteurs;
  if (a.matrice.length === 0) return section('acteurs', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: notesCopil('acteurs', M.notes), bullet: false }));
  const urgent = PRIORITE_ACTEUR_COLOURS[0].equals;
  const nonPlaces = a.total - a.matrice.length;
  const legendText = [M.legendeQuadrants, nonPlaces > 0 ? M.nonPlaces(nonPlaces) : ''].filter(Boolean).join(' ');
  const legend = fittedText({ x: C.x, y: C.y + C.h - 44, w: C.w, h: 44 }, (s) => [para(legendText, s, { colour: COLOURS.greyText })], [12]);
  const frame = { ...C, h: C.h - 48 };
  const seuil = ctx.input.model.seuils.impactEleve;
  const lignes = M.lignesQuadrants(seuil);
  // The 2 × 2 reading of the 1-to-4 scores (the colours of the legend): a 4 × 4 grid leaves room for one name per cell.
  const skeleton = { rows: 2, cols: 2, cells: [] as MatrixCell[], rowLabels: lignes, colLabels: [...M.colonnesQuadrants], yTitle: typographie(M.impact), xTitle: typographie(M.facilite) };
  const { cell: size } = matrixGeometry(skeleton, frame);
  const cells: MatrixCell[] = [];
  const omis: string[] = [];
  const fits = (c: MatrixCell) => paragraphsFit(matrixCellParagraphs(c), size.w, size.h);
  for (const fort of [true, false]) {
    for (const facile of [false, true]) {
      const here = a.matrice
        .filter((p) => p.impact >= seuil === fort && p.facilite >= 3 === facile)
        .sort((x, y) => Number(y.priorite === urgent) - Number(x.priorite === urgent) || y.impact - x.impact || y.facilite - x.facilite || x.nom.localeCompare(y.nom, 'fr'));
      const fill = fort ? (facile ? COLOURS.brandLight : '#FBEFD5') : COLOURS.computedFill;
      const base: MatrixCell = { fill, colour: INK, size: SIZE, lines: [] };
      // The names run on, separated by « · »: the urgent ones first (red, bold), then the others.
      const linesOf = (shown: readonly (typeof here)[number][]): MatrixLine[] => {
        const u = shown.filter((p) => p.priorite === urgent).map((p) => p.nom);
        const o = shown.filter((p) => p.priorite !== urgent).map((p) => p.nom);
        return [...(u.length ? [{ text: typographie(u.join(' · ')), bold: true, colour: COLOURS.redText }] : []), ...(o.length ? [{ text: typographie(o.join(' · ')) }] : [])];
      };
      const rest = (left: readonly (typeof here)[number][]): MatrixLine => {
        const urgents = left.filter((p) => p.priorite === urgent).length;
        return { text: typographie(M.autresCase(left.length, urgents)), italic: true, bold: urgents > 0, colour: urgents > 0 ? COLOURS.redText : COLOURS.greyText };
      };
      let c: MatrixCell | null = here.length ? null : { ...base, lines: [{ text: typographie(M.quadrantVide), italic: true, colour: COLOURS.greyText }] };
      let shown = here.length;
      for (let k = here.length; !c && k >= 1; k--) {
        const candidate = { ...base, lines: [...linesOf(here.slice(0, k)), ...(k < here.length ? [rest(here.slice(k))] : [])] };
        if (fits(candidate)) {
          c = candidate;
          shown = k;
        }
      }
      if (!c) {
        shown = 0;
        const urgents = here.filter((p) => p.priorite === urgent).length;
        const options = M.renvois(here.length, urgents).map((text): MatrixCell => ({ ...base, lines: [{ text: typographie(text), bold: urgents > 0, colour: urgents > 0 ? COLOURS.redText : INK }] }));
        c = options.find(fits) ?? options[options.length - 1];
      }
      if (shown < here.length) omis.push(M.nonAffichesQuadrant(M.quadrant(fort ? 'fort' : 'faible', facile ? 'facile' : 'difficile'), here.slice(shown).map((p) => p.nom)));
      cells.push(c);
    }
  }
  const blocks: DeckBlock[] = [{ kind: 'matrix', frame, matrix: { ...skeleton, cells } }, legend];
  const slides: Slide[] = [slide(M.titre(a.aContacterDUrgence.length), blocks, notesCopil('acteurs', M.notes, { critere: M.critereQuadrant, omis }))];
  if (a.aContacterDUrgence.length) {
    const points = new Map(a.matrice.map((p) => [p.nom, p]));
    const byName = new Map(ctx.input.model.acteurs.map((x) => [x.nom, x]));
    const noms = [...a.aContacterDUrgence].sort(
      (x, y) => (points.get(y)?.impact ?? 0) - (points.get(x)?.impact ?? 0) || (points.get(y)?.facilite ?? 0) - (points.get(x)?.facilite ?? 0) || x.localeCompare(y, 'fr'),
    );
    const cols = columnsOf(M.urgenceColonnes, [220, 150, 70, 70, 162], C.w, { 2: 'center', 3: 'center' });
    const rows = noms.map((nom) => {
      const x = byName.get(nom);
      const p = points.get(nom);
      return [
        cell(nom, { bold: true, colour: COLOURS.redText }),
        cell(x?.categorie ?? '—'),
        cell(p ? String(p.impact) : '—', { align: 'center' }),
        cell(p ? String(p.facilite) : '—', { align: 'center' }),
        cell(x?.serviceReferent ?? M.referentAbsent, x?.serviceReferent ? {} : { colour: COLOURS.redText }),
      ];
    });
    slides.push(
      ...tableResumee({
        title: M.urgenceTitre(rows.length),
        columns: cols,
        rows,
        labels: noms.map((nom) => `${nom} (${byName.get(nom)?.serviceReferent ?? M.referentAbsent})`),
        max: 1,
        reste: M.resteUrgence,
        notes: (o) => notesCopil('urgence', M.notes, { critere: M.critereUrgence, omis: o }),
      }),
    );
  }
  return section('acteurs', label, slides);
}
