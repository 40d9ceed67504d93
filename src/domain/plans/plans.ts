/**
 * Plans: the Roannais colour code of their circular-economy level (guide
 * ch. 2). Actions and budgets per plan come from the consolidation
 * (`consolidation/budgets.ts` › `budgetsByPlan`, one rule for the `Plans`
 * tab, the dashboard and the deck); a plan cited by an action but absent
 * from `Plans` is reported by the validation of the service tabs
 * (`plan-inconnu`, on the row the service typed) and shown in the dashboard
 * as « absent de Plans ».
 */
import { NIVEAU_EC_COLOURS, COLOURS } from '../schema/colours';
import { NIVEAUX_EC } from '../schema/lists';
import type { ActionRow } from '../model/types';

export interface CouleurNiveau {
  readonly libelle: string;
  readonly fond: string;
  readonly texte: string;
}

export function couleurNiveauEc(niveau: number | null): CouleurNiveau {
  if (niveau === null || niveau < 0 || niveau > 3) return { libelle: 'Non renseigné', fond: COLOURS.white, texte: COLOURS.greyText };
  const rule = NIVEAU_EC_COLOURS[niveau];
  return { libelle: NIVEAUX_EC[niveau], fond: rule.background, texte: rule.font };
}

/** Total budget of the actions (each once, attached to a plan or not). */
export function budgetTotalActions(actions: readonly ActionRow[]): number {
  return actions.reduce((s, a) => s + (a.budget ?? 0), 0);
}
