/**
 * Acteurs to mobilise: the impact × facilité matrix with its legend, names
 * never cut (a cell too full for its names sends to a list that follows),
 * then the acteurs to contact urgently with who takes them on.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS, PRIORITE_ACTEUR_COLOURS } from '../../schema/colours';
import type { DeckBlock, MatrixCell, MatrixLine, Slide } from '../deck';
import { cell, columnsOf, fittedText, INK, listSlides, para, slide, tableSlides } from '../deck-kit';
import { paragraphsFit } from '../fit';
import { LAYOUT, matrixCellParagraphs, matrixGeometry } from '../primitives';
import { typographie } from '../../text/typography';
import type { CopilContext } from './context';
import { section, type Section } from './section';

const M = COPIL_MESSAGES.acteurs;
const C = LAYOUT.content;
const SIZE = 12;

export function acteurs(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.acteurs;
  const a = ctx.d.acteurs;
  if (a.matrice.length === 0) return section('acteurs', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: M.notes, bullet: false }));
  const urgent = PRIORITE_ACTEUR_COLOURS[0].equals;
  const nonPlaces = a.total - a.matrice.length;
  const legendText = [M.legende, nonPlaces > 0 ? M.nonPlaces(nonPlaces) : ''].filter(Boolean).join(' ');
  const legend = fittedText({ x: C.x, y: C.y + C.h - 44, w: C.w, h: 44 }, (s) => [para(legendText, s, { colour: COLOURS.greyText })], [12]);
  const frame = { ...C, h: C.h - 48 };
  const skeleton = { rows: 4, cols: 4, cells: [] as MatrixCell[], rowLabels: [...M.lignes], colLabels: [...M.colonnes], yTitle: typographie(M.impact), xTitle: typographie(M.facilite) };
  const { cell: size } = matrixGeometry(skeleton, frame);
  const impactEleve = ctx.input.model.seuils.impactEleve;
  const cells: MatrixCell[] = [];
  const renvois: Array<{ impact: number; facilite: number; noms: string[] }> = [];
  for (let impact = 4; impact >= 1; impact--) {
    for (let facilite = 1; facilite <= 4; facilite++) {
      const here = a.matrice
        .filter((p) => p.impact === impact && p.facilite === facilite)
        .sort((x, y) => Number(y.priorite === urgent) - Number(x.priorite === urgent) || x.nom.localeCompare(y.nom, 'fr'));
      const fill = impact >= impactEleve ? (facilite >= 3 ? COLOURS.brandLight : '#FBEFD5') : COLOURS.computedFill;
      const lines: MatrixLine[] = here.map((p) => (p.priorite === urgent ? { text: typographie(p.nom), bold: true, colour: COLOURS.redText } : { text: typographie(p.nom) }));
      let c: MatrixCell = { fill, colour: INK, size: SIZE, lines };
      if (!paragraphsFit(matrixCellParagraphs(c), size.w, size.h)) {
        renvois.push({ impact, facilite, noms: here.map((p) => p.nom) });
        const urgents = here.filter((p) => p.priorite === urgent).length;
        const renvoi = (text: string): MatrixCell => ({ ...c, lines: [{ text: typographie(text), bold: urgents > 0, colour: urgents > 0 ? COLOURS.redText : INK }] });
        const options = M.renvois(here.length, urgents).map(renvoi);
        c = options.find((o) => paragraphsFit(matrixCellParagraphs(o), size.w, size.h)) ?? options[options.length - 1];
      }
      cells.push(c);
    }
  }
  const blocks: DeckBlock[] = [{ kind: 'matrix', frame, matrix: { ...skeleton, cells } }, legend];
  const slides: Slide[] = [slide(M.titre(a.aContacterDUrgence.length), blocks, M.notes)];
  if (renvois.length) {
    const cols = columnsOf(M.listeColonnes, [160, 512], C.w);
    slides.push(...tableSlides({ title: M.listeTitre, columns: cols, rows: renvois.map((r) => [cell(M.cellule(r.impact, r.facilite), { bold: true }), cell(r.noms.join(', '))]), notes: M.notes }));
  }
  if (a.aContacterDUrgence.length) {
    const points = new Map(a.matrice.map((p) => [p.nom, p]));
    const byName = new Map(ctx.input.model.acteurs.map((x) => [x.nom, x]));
    const cols = columnsOf(M.urgenceColonnes, [220, 150, 70, 70, 162], C.w, { 2: 'center', 3: 'center' });
    const rows = a.aContacterDUrgence.map((nom) => {
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
    slides.push(...tableSlides({ title: M.urgenceTitre(rows.length), columns: cols, rows, notes: M.notes }));
  }
  return section('acteurs', label, slides);
}
