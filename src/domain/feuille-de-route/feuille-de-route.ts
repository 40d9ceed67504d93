/**
 * The feuille de route of `Accueil`: every row matched back to its practice
 * (by wording: the tab has no id column), detectable practices checked
 * against the workbook.
 *
 * Write rules:
 * - `Détecté automatiquement` (engine column) is rewritten on every row: the
 *   evidence for a detectable practice, empty otherwise;
 * - `Statut` (the user's column) is written ONLY where the detector says the
 *   practice is in place and the cell is empty or `À faire`: a `Fait` or
 *   `En cours` typed by the user is never changed, and a detector that stops
 *   seeing the evidence never downgrades a status.
 */
import type { PratiqueRow } from '../model/types';
import { normalizeKey } from '../table/normalize';
import { ETAPES, PRATIQUES, type Pratique } from './pratiques';
import { detecter, type Detection, type DetectionContext } from './detecteurs';

export interface LigneFeuilleDeRoute {
  readonly rowNumber: number;
  readonly pratique: Pratique | null;
  readonly etape: string;
  readonly detection: Detection | null;
  /** Statut after this run (the cell's, or `Fait` when written). */
  readonly statut: string | null;
  /** True when the engine writes `Fait` in Statut. */
  readonly ecrireStatut: boolean;
  /** Text of `Détecté automatiquement` (null clears it). */
  readonly detecte: string | null;
}

export const PREFIXE_DETECTE = 'Détecté : ';
export const PREFIXE_NON_DETECTE = 'Pas encore : ';

export function trouverPratique(texte: string): Pratique | null {
  const k = normalizeKey(texte);
  if (!k) return null;
  const exact = PRATIQUES.find((p) => normalizeKey(p.pratique) === k || (p.anciennesFormulations ?? []).some((a) => normalizeKey(a) === k));
  if (exact) return exact;
  // A user who shortened or completed the wording: containment either way, if unambiguous.
  const close = PRATIQUES.filter((p) => normalizeKey(p.pratique).includes(k) || k.includes(normalizeKey(p.pratique)));
  return close.length === 1 ? close[0] : null;
}

export function calculerFeuilleDeRoute(rows: readonly PratiqueRow[], ctx: DetectionContext): LigneFeuilleDeRoute[] {
  return rows.map((r) => {
    const pratique = trouverPratique(r.pratique);
    const detection = pratique?.detecteur ? detecter(pratique.detecteur, ctx) : null;
    const modifiable = r.statut === null || r.statut === 'À faire';
    const ecrireStatut = !!detection?.fait && modifiable;
    return {
      rowNumber: r.rowNumber,
      pratique,
      etape: r.etape || pratique?.etape || '',
      detection,
      statut: ecrireStatut ? 'Fait' : r.statut,
      ecrireStatut,
      detecte: detection ? (detection.fait ? PREFIXE_DETECTE : PREFIXE_NON_DETECTE) + detection.preuve : null,
    };
  });
}

export interface ProgressionEtape {
  readonly etape: string;
  readonly court: string;
  readonly total: number;
  readonly fait: number;
  readonly enCours: number;
  readonly aFaire: number;
  readonly ratio: number;
}

/** Progress by step, in the guide's order; rows whose step is not one of the guide's come last, by their label. */
export function progressionParEtape(lignes: readonly Pick<LigneFeuilleDeRoute, 'etape' | 'statut'>[]): ProgressionEtape[] {
  const groups = new Map<string, { etape: string; court: string; order: number; items: Array<string | null> }>();
  for (const l of lignes) {
    const k = normalizeKey(l.etape);
    const known = ETAPES.find((e) => normalizeKey(e.libelle) === k || normalizeKey(e.titre) === k);
    const key = known ? known.libelle : l.etape || '—';
    const g = groups.get(key) ?? groups.set(key, { etape: key, court: known?.court ?? key, order: known?.numero ?? 99, items: [] }).get(key)!;
    g.items.push(l.statut);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.etape.localeCompare(b.etape, 'fr'))
    .map((g) => {
      const fait = g.items.filter((s) => s === 'Fait').length;
      const enCours = g.items.filter((s) => s === 'En cours').length;
      return { etape: g.etape, court: g.court, total: g.items.length, fait, enCours, aFaire: g.items.length - fait - enCours, ratio: g.items.length ? Math.round((fait / g.items.length) * 1000) / 1000 : 0 };
    });
}
