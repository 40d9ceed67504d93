/** Preuves and audit readiness: by service, what is ready, what is missing, what has no owner; then the label's checklist. */
import { COPIL_MESSAGES } from '../../messages/copil';
import { estPrete } from '../../preuves/readiness';
import { COLOURS } from '../../schema/colours';
import { formatNumberFr } from '../../text/numbers';
import type { DeckTableCell } from '../deck';
import { cell, columnsOf, listSlides, tableSlides } from '../deck-kit';
import { LAYOUT } from '../primitives';
import type { CopilContext } from './context';
import { section, type Section } from './section';
import { notesCopil, tableResumee } from './shared';
import { sansOnglet } from '../sans-onglet';

const M = COPIL_MESSAGES.preuves;
const R = COPIL_MESSAGES.resume;

export function preuves(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.preuves;
  const all = ctx.preuves;
  if (!all.length) return section('preuves', label, listSlides({ title: M.titreVide, items: [{ text: M.aucunePreuve }], notes: notesCopil('preuves', M.notes), bullet: false }));
  const groups = new Map<string, { attendues: number; pretes: number; sans: number }>();
  for (const p of all) {
    const k = p.service?.trim() || '';
    const g = groups.get(k) ?? { attendues: 0, pretes: 0, sans: 0 };
    g.attendues++;
    if (estPrete(p)) g.pretes++;
    else if (!p.responsable?.trim()) g.sans++;
    groups.set(k, g);
  }
  const n = (v: number, o: Partial<DeckTableCell> = {}) => cell(formatNumberFr(v), { align: 'right', ...o });
  const groupes = [...groups.entries()].sort(([a, x], [b, y]) => Number(a === '') - Number(b === '') || y.sans - x.sans || a.localeCompare(b, 'fr'))
  const rows = groupes.map(([k, g]) => [
      cell(k || M.sansService, k ? {} : { colour: COLOURS.greyText }),
      n(g.attendues),
      n(g.pretes),
      n(g.attendues - g.pretes),
      n(g.sans, g.sans ? { colour: COLOURS.redText, bold: true } : { colour: COLOURS.greyText }),
    ]);
  const tot = [...groups.values()].reduce((a, g) => ({ attendues: a.attendues + g.attendues, pretes: a.pretes + g.pretes, sans: a.sans + g.sans }), { attendues: 0, pretes: 0, sans: 0 });
  const f = { fill: COLOURS.computedFill, bold: true };
  const totalRow = [cell(M.total, f), n(tot.attendues, f), n(tot.pretes, f), n(tot.attendues - tot.pretes, f), n(tot.sans, { ...f, colour: tot.sans ? COLOURS.redText : undefined })];
  // What does not fit is summed on one row: the total stays the total of every service.
  const tail = (omis: readonly number[]) => {
    if (!omis.length) return [totalRow];
    const g = omis.reduce((a, i) => ({ attendues: a.attendues + groupes[i][1].attendues, pretes: a.pretes + groupes[i][1].pretes, sans: a.sans + groupes[i][1].sans }), { attendues: 0, pretes: 0, sans: 0 });
    const grey = { colour: COLOURS.greyText };
    return [[cell(R.groupe(omis.length, M.reste.singulier, M.reste.pluriel), grey), n(g.attendues, grey), n(g.pretes, grey), n(g.attendues - g.pretes, grey), n(g.sans, grey)], totalRow];
  };
  const columns = columnsOf(M.colonnes, [272, 100, 100, 100, 100], LAYOUT.content.w, { 1: 'right', 2: 'right', 3: 'right', 4: 'right' });
  const slides = tableResumee({
    title: M.titre(tot.pretes, tot.attendues, tot.sans),
    columns,
    rows,
    labels: groupes.map(([k]) => k || M.sansService),
    tail,
    max: 1,
    reste: M.reste,
    notes: (omis) => notesCopil('preuves', M.notes, { critere: M.critere, omis }),
    intro: M.intro(tot.attendues ? tot.pretes / tot.attendues : 0),
  });
  const a = ctx.d.audit;
  if (a.checklist.length) {
    const ccols = columnsOf(M.checklistColonnes, [250, 96, 326], LAYOUT.content.w);
    const crows = a.checklist.map((l) => [cell(sansOnglet(l.libelle)), cell(l.etat, { fill: l.couleur.fond, colour: l.couleur.texte, bold: true }), cell(sansOnglet(l.detail) || '—')]);
    const ordre = a.checklist.map((l, i) => ({ l, i, row: crows[i] })).sort((x, y) => Number(x.l.etat === 'Prêt') - Number(y.l.etat === 'Prêt') || x.i - y.i);
    slides.push(
      ...tableResumee({
        title: M.checklistTitre(a.prets, a.checklist.length),
        columns: ccols,
        rows: ordre.map((x) => x.row),
        labels: ordre.map((x) => sansOnglet(x.l.libelle)),
        max: 1,
        reste: M.checklistReste,
        notes: (omis) => notesCopil('checklist', M.checklistNotes, { critere: M.checklistCritere, omis }),
      }),
    );
  }
  return section('preuves', label, slides);
}
