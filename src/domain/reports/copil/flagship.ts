/** The flagship actions: the actions of the services marked « action phare » (not the fiches). */
import { COPIL_MESSAGES } from '../../messages/copil';
import { formatDateFr, formatEuroHT } from '../../text/numbers';
import { cell, columnsOf, listSlides } from '../deck-kit';
import { LAYOUT } from '../primitives';
import { libelleMesure, type CopilContext } from './context';
import { section, type Section } from './section';
import { notesCopil, tableResumee } from './shared';

const M = COPIL_MESSAGES.phares;

export function flagship(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.phares;
  // What the committee can still act on first: deadlines from the meeting on, soonest first; then those passed, most recent first; undated last.
  const seance = ctx.seance.date.getTime();
  const rang = (a: (typeof ctx.phares)[number]) => (a.fin === null ? [2, 0] : a.fin.getTime() >= seance ? [0, a.fin.getTime()] : [1, -a.fin.getTime()]);
  const phares = [...ctx.phares].sort((a, b) => {
    const [ra, ka] = rang(a);
    const [rb, kb] = rang(b);
    return ra - rb || ka - kb || a.intitule.localeCompare(b.intitule, 'fr');
  });
  if (!phares.length) return section('phares', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: notesCopil('phares', M.notes), bullet: false }));
  const columns = columnsOf(M.colonnes, [300, 130, 110, 66, 66], LAYOUT.content.w, { 4: 'right' });
  const rows = phares.map((a) => [
    cell(a.intitule, { bold: true }),
    cell(a.service ?? '—'),
    cell(a.pilote ?? '—'),
    cell(a.fin ? formatDateFr(a.fin) : M.sansEcheance),
    cell(a.budget && a.budget > 0 ? formatEuroHT(a.budget) : M.sansBudget, { align: 'right' }),
  ]);
  // The référentiel's mesures of the actions shown (the left-out ones are named, not detailed: the notes stay short).
  const sources = (shown: number) => {
    const mesures = phares.slice(0, shown).filter((a) => a.mesure).map((a) => `${a.intitule} : ${libelleMesure(a.mesure!)}`);
    return `${M.notes}${mesures.length ? ` Mesures du référentiel : ${mesures.join(' ; ')}.` : ''}`;
  };
  const slides = tableResumee({
    title: M.titre(phares.length, ctx.d.actions.total),
    columns,
    rows,
    labels: phares.map((a) => `${a.intitule}${a.service ? ` (${a.service})` : ''}`),
    max: 1,
    reste: M.reste,
    notes: (omis) => notesCopil('phares', sources(phares.length - omis.length), { critere: M.critere, omis }),
  });
  return section('phares', label, slides);
}
