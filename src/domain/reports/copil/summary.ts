/** The one-slide summary: one sentence per headline (score, star, next star, budget, deadlines, audit, actions). */
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS } from '../../schema/colours';
import { formatDateFr } from '../../text/numbers';
import { listSlides, type ListItem } from '../deck-kit';
import type { CopilContext } from './context';
import { cheminEtoile } from './decisions';
import { figuresCommunes } from './figures';
import { section, type Section } from './section';
import { notesCopil } from './shared';

const M = COPIL_MESSAGES.essentiel;

export function summary(ctx: CopilContext): Section {
  const d = ctx.d;
  const e = d.etoiles;
  const L = M.leads;
  const items: ListItem[] = [];
  const prev = ctx.historique[ctx.historique.length - 1];
  const first = ctx.historique[0];
  let score = M.score(e.scoreRealise, e.scorePrevisionnel);
  if (prev) score += ` ${M.progression(e.scoreRealise - prev.scoreRealise, formatDateFr(prev.seance))}`;
  if (first && first !== prev) score += ` ${M.progressionDebut(e.scoreRealise - first.scoreRealise, formatDateFr(first.seance))}`;
  items.push({ lead: `${L.score} : `, text: score });
  items.push({ lead: `${L.etoile} : `, text: M.etoile(e.actuelle, Math.max(e.actuelle, e.atteignable)) });
  const chemin = cheminEtoile(ctx);
  items.push({ lead: `${L.prochaine} : `, text: e.prochaine ? M.prochaine(e.prochaine.etoile, e.prochaine.ecartPourcentage, e.prochaine.criteresManquants.length, e.prochaine.ecartPourcentage > 0 ? chemin?.etapes.length ?? 0 : 0) : M.maximum });
  items.push({ lead: `${L.budget} : `, text: ctx.budget.total > 0 ? M.budget(ctx.budget.total, ctx.budget.finance, ctx.budget.aTrouver, ctx.fiches.filter((x) => x.budget > 0).length) : M.budgetVide });
  items.push({ lead: `${L.retards} : `, text: M.retards(ctx.enRetard.length, ctx.aVenir.length, ctx.horizonMois), colour: ctx.enRetard.length ? COLOURS.redText : undefined });
  const sans = ctx.preuves.filter((p) => !p.responsable?.trim()).length;
  items.push({ lead: `${L.preuves} : `, text: M.preuves(d.preuves.pretes, d.preuves.attendues, sans) });
  items.push({ lead: `${L.phares} : `, text: M.phares(ctx.phares.length, d.actions.total) });
  const f = figuresCommunes(ctx);
  const slides = listSlides({ title: M.titre(e.scoreRealise, e.actuelle), items, notes: notesCopil('essentiel', M.notes), bullet: false, sizes: [17, 16, 15, 14] });
  return section('essentiel', COPIL_MESSAGES.sections.essentiel, slides, [f.score, ...(ctx.budget.total > 0 ? [f.budget] : []), f.retards]);
}
