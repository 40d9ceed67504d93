/**
 * What was done since the last COPIL, from dated data only: milestones and
 * commitments done whose deadline falls in the period, fiches started or
 * finished, preuves ready, instances held, score change recorded in
 * Historique.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import { estPrete } from '../../preuves/readiness';
import { formatDateFr } from '../../text/numbers';
import { listSlides, type ListItem } from '../deck-kit';
import type { CopilContext } from './context';
import { section, type Section } from './section';
import { listeResumee, notesCopil } from './shared';

const M = COPIL_MESSAGES.depuis;

export function since(ctx: CopilContext): Section {
  const model = ctx.input.model;
  const fin = ctx.seance.date.getTime();
  const debut = ctx.precedent?.date?.getTime() ?? Number.NEGATIVE_INFINITY;
  const dans = (d: Date | null) => d !== null && d.getTime() > debut && d.getTime() < fin;
  const items: Array<ListItem & { date: number }> = [];
  const fiches = new Map(model.planActions.map((f) => [f.numero, f]));
  for (const i of model.instances) {
    if (i === ctx.seance.instance || !dans(i.date)) continue;
    items.push({ date: i.date!.getTime(), text: M.instance(i.type ?? 'Instance', formatDateFr(i.date!), i.intitule) });
  }
  for (const j of model.jalons) {
    if (j.statut !== 'Fait' || !dans(j.echeance)) continue;
    const f = fiches.get(j.fiche);
    items.push({ date: j.echeance!.getTime(), text: M.jalon(j.jalon, f ? `fiche ${f.numero} — ${f.titre}` : null, formatDateFr(j.echeance!)) });
  }
  for (const e of model.engagements) {
    if (e.statut !== 'Fait' || !dans(e.echeance)) continue;
    items.push({ date: e.echeance!.getTime(), text: M.engagement(e.quoi, e.qui, formatDateFr(e.echeance!)) });
  }
  for (const f of model.planActions) {
    if (dans(f.debut)) items.push({ date: f.debut!.getTime(), text: M.ficheDemarree(f.numero, f.titre, formatDateFr(f.debut!)) });
    if (f.statut === 'Réalisé' && dans(f.fin)) items.push({ date: f.fin!.getTime(), text: M.ficheRealisee(f.numero, f.titre) });
  }
  items.sort((a, b) => b.date - a.date);
  const pretes = ctx.preuves.filter((p) => estPrete(p) && dans(p.echeance)).length;
  const tail: ListItem[] = [];
  if (pretes) tail.push({ text: M.preuve(pretes) });
  const prev = ctx.historique[ctx.historique.length - 1];
  if (prev && ctx.precedent?.date && prev.seance.getTime() >= ctx.precedent.date.getTime()) {
    tail.push({ text: M.score(prev.scoreRealise, ctx.d.etoiles.scoreRealise, formatDateFr(prev.seance)), bold: true });
  }
  const all: ListItem[] = [...tail, ...items.map(({ date: _d, ...x }) => x)];
  const dateLabel = ctx.precedent?.date ? formatDateFr(ctx.precedent.date) : null;
  const title = M.titre(items.length + (pretes ? 1 : 0), dateLabel);
  const intro = dateLabel ? M.intro(M.fenetre(dateLabel, ctx.dateLibelle)) : undefined;
    const slides = all.length
    ? listeResumee({ title, intro, items: all, max: 1, reste: M.reste, notes: (omis) => notesCopil('depuis', M.notes, { critere: M.critere, omis }), sizes: [16, 15, 14] })
    : listSlides({ title, items: [{ text: M.rien(dateLabel) }], notes: notesCopil('depuis', M.notes), bullet: false });
  return section('depuis', COPIL_MESSAGES.sections.depuis, slides);
}
