/**
 * Statuses a collectivité enters on a line of the référentiel.
 *
 * `non_renseigne` is kept as a value because users write it (sheet, CSV), but the engine treats
 * it exactly like the absence of a status: the platform does the same for the score (its
 * "non renseigné" carries no progress).
 */
import eci from './data/eci.json';
import { normalizeKey } from '../table/normalize';
import type { Level } from './tree';

export type StatutId = 'fait' | 'programme' | 'pas_fait' | 'detaille' | 'non_concerne' | 'non_renseigne';

export const STATUT_IDS: readonly StatutId[] = [
  'non_renseigne',
  'fait',
  'programme',
  'pas_fait',
  'detaille',
  'non_concerne',
];

/** Fractions must add up to 1 within this tolerance. */
export const TOLERANCE_FRACTIONS = 1e-6;

// Type-level brand only: it never exists at run time, it just makes `statutDetaille` the one
// way to obtain a StatutDetaille, so unchecked fractions cannot reach the score.
declare const fractionsVerifiees: unique symbol;

export interface StatutDetaille {
  readonly statut: 'detaille';
  readonly fait: number;
  readonly programme: number;
  readonly pasFait: number;
  readonly [fractionsVerifiees]: true;
}

export interface StatutSimple {
  readonly statut: Exclude<StatutId, 'detaille'>;
}

export type Statut = StatutSimple | StatutDetaille;

export const STATUT: {
  readonly fait: Statut;
  readonly programme: Statut;
  readonly pas_fait: Statut;
  readonly non_concerne: Statut;
  readonly non_renseigne: Statut;
} = {
  fait: { statut: 'fait' },
  programme: { statut: 'programme' },
  pas_fait: { statut: 'pas_fait' },
  non_concerne: { statut: 'non_concerne' },
  non_renseigne: { statut: 'non_renseigne' },
};

export type ErreurFractions = 'non_numerique' | 'hors_bornes' | 'somme';

export function verifierFractions(fait: number, programme: number, pasFait: number): ErreurFractions | null {
  const values = [fait, programme, pasFait];
  if (values.some((v) => !Number.isFinite(v))) return 'non_numerique';
  if (values.some((v) => v < 0 || v > 1)) return 'hors_bornes';
  if (Math.abs(fait + programme + pasFait - 1) > TOLERANCE_FRACTIONS) return 'somme';
  return null;
}

/** Throws a RangeError on invalid fractions: check user input with `verifierFractions` first. */
export function statutDetaille(fait: number, programme: number, pasFait: number): StatutDetaille {
  const erreur = verifierFractions(fait, programme, pasFait);
  if (erreur) throw new RangeError(`Invalid détaillé fractions (${erreur}): ${fait}, ${programme}, ${pasFait}`);
  return { statut: 'detaille', fait, programme, pasFait } as StatutDetaille;
}

/**
 * [fait, programmé, pas fait] fractions of a status that counts points, null for the two
 * statuses that carry no progress (non renseigné, non concerné).
 */
export function avancement(s: Statut): readonly [number, number, number] | null {
  switch (s.statut) {
    case 'fait':
      return [1, 0, 0];
    case 'programme':
      return [0, 1, 0];
    case 'pas_fait':
      return [0, 0, 1];
    case 'detaille':
      return [s.fait, s.programme, s.pasFait];
    case 'non_concerne':
    case 'non_renseigne':
      return null;
  }
}

/** True when the status says something (anything but non renseigné). */
export function estRenseigne(s: Statut | undefined): s is Statut {
  return s !== undefined && s.statut !== 'non_renseigne';
}

/** Statuses are entered on sous-mesures and tâches only; higher levels are sums. */
export const NIVEAUX_DE_SAISIE: readonly Level[] = ['sous-mesure', 'tache'];

export function peutRecevoirStatut(level: Level): boolean {
  return NIVEAUX_DE_SAISIE.includes(level);
}

const LABELS: ReadonlyMap<StatutId, string> = new Map(
  eci.statuses
    .filter((s): s is typeof s & { id: StatutId } => (STATUT_IDS as readonly string[]).includes(s.id))
    .map((s) => [s.id, s.label]),
);

/** French label, as on the platform ("Détaillé au %"). */
export function libelleStatut(id: StatutId): string {
  return LABELS.get(id)!;
}

/** The table comparison key, with underscores read as spaces so that ids meet labels (`pas_fait`, `Pas fait`). */
export function normaliserLibelle(text: string): string {
  return normalizeKey(text.replace(/_/g, ' '));
}

const BY_NORMALISED: ReadonlyMap<string, StatutId> = new Map<string, StatutId>([
  ...STATUT_IDS.map((id): [string, StatutId] => [normaliserLibelle(id), id]),
  ...STATUT_IDS.map((id): [string, StatutId] => [normaliserLibelle(libelleStatut(id)), id]),
  ['detaille au pourcentage', 'detaille'],
  ['detaille %', 'detaille'],
]);

/** Reads a status id (`pas_fait`) or French label (`Pas fait`, `PROGRAMMÉ`, `Détaillé au %`). */
export function parseStatutId(text: string): StatutId | null {
  return BY_NORMALISED.get(normaliserLibelle(text)) ?? null;
}
