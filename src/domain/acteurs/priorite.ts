/**
 * Acteurs: the Pays Voironnais matrix (guide ch. 2, « Classer les acteurs en
 * fonction de leurs impacts sur le territoire et la facilité à les
 * mobiliser »). Thresholds come from `Paramètres` (model.seuils).
 *
 * - Potentiel de mobilisation = impact × facilité (1 to 16).
 * - Priorité:
 *   - impact ≥ seuils.impactEleve and relation not established (empty, or not
 *     in seuils.relationsEtablies, i.e. Aucune / Ponctuelle) → `À contacter d'urgence`;
 *   - impact ≥ seuils.impactEleve and relation established → `Lien à entretenir`;
 *   - otherwise → `Rester en veille`;
 *   - no impact typed → no priority (the cell stays empty).
 */
import type { Acteur } from '../model/types';
import type { Seuils } from '../parametres/read-seuils';
import { PRIORITES_ACTEUR } from '../schema/lists';
import { normalizeKey } from '../table/normalize';

export type PrioriteActeur = (typeof PRIORITES_ACTEUR)[number];
export const A_CONTACTER: PrioriteActeur = PRIORITES_ACTEUR[0];
export const LIEN_A_ENTRETENIR: PrioriteActeur = PRIORITES_ACTEUR[1];
export const EN_VEILLE: PrioriteActeur = PRIORITES_ACTEUR[2];

export function relationEtablie(relation: string | null, seuils: Pick<Seuils, 'relationsEtablies'>): boolean {
  if (!relation) return false;
  const k = normalizeKey(relation);
  return seuils.relationsEtablies.some((r) => normalizeKey(r) === k);
}

export function prioriteActeur(
  a: Pick<Acteur, 'impact' | 'relation'>,
  seuils: Pick<Seuils, 'impactEleve' | 'relationsEtablies'>,
): PrioriteActeur | null {
  if (a.impact === null) return null;
  if (a.impact < seuils.impactEleve) return EN_VEILLE;
  return relationEtablie(a.relation, seuils) ? LIEN_A_ENTRETENIR : A_CONTACTER;
}

export function potentielMobilisation(a: Pick<Acteur, 'impact' | 'facilite'>): number | null {
  return a.impact === null || a.facilite === null ? null : a.impact * a.facilite;
}

export interface ActeurCalcule {
  readonly acteur: Acteur;
  readonly potentiel: number | null;
  readonly priorite: PrioriteActeur | null;
}

export function calculerActeurs(acteurs: readonly Acteur[], seuils: Seuils): ActeurCalcule[] {
  return acteurs.map((acteur) => ({ acteur, potentiel: potentielMobilisation(acteur), priorite: prioriteActeur(acteur, seuils) }));
}

export interface PointMatrice {
  readonly nom: string;
  readonly ligne: number;
  readonly impact: number;
  readonly facilite: number;
  readonly potentiel: number;
  readonly priorite: PrioriteActeur;
  readonly categorie: string | null;
  readonly relation: string | null;
}

/** Acteurs placed on the impact × facilité matrix (both axes typed), highest potentiel first. */
export function matriceActeurs(calcules: readonly ActeurCalcule[]): PointMatrice[] {
  return calcules
    .filter((c) => c.acteur.impact !== null && c.acteur.facilite !== null && c.priorite !== null)
    .map((c) => ({
      nom: c.acteur.nom,
      ligne: c.acteur.rowNumber,
      impact: c.acteur.impact!,
      facilite: c.acteur.facilite!,
      potentiel: c.potentiel!,
      priorite: c.priorite!,
      categorie: c.acteur.categorie,
      relation: c.acteur.relation,
    }))
    .sort((a, b) => b.potentiel - a.potentiel || a.nom.localeCompare(b.nom, 'fr'));
}
