/**
 * *En retard* for `Jalons` and `Engagements`, and the overdue / upcoming
 * lists of the dashboard. A deadline is late from the day after it: on the
 * day itself the item is still due today, not late. An item whose Statut is
 * `Fait` is never late; an item without Échéance never is either.
 */
import type { Echeance } from '../dashboard/types';
import type { Engagement, Jalon } from '../model/types';
import { TAB } from '../schema/tabs';
import { formatDateFr } from '../format';
import { STEERING_MESSAGES as M } from '../messages/steering';
import { ajouterMois, isoJour, jourDe, joursEntre } from './jours';

export interface AvecEcheance {
  readonly rowNumber: number;
  readonly echeance: Date | null;
  readonly statut: string | null;
}

export function estEnRetard(item: Pick<AvecEcheance, 'echeance' | 'statut'>, today: Date): boolean {
  if (item.echeance === null || item.statut === 'Fait') return false;
  return joursEntre(jourDe(today), item.echeance) < 0;
}

/** Values of the `En retard` column by 1-based row: `En retard` or null (clears a stale mark). */
export function colonneEnRetard(items: readonly AvecEcheance[], today: Date): Map<number, string | null> {
  return new Map(items.map((i) => [i.rowNumber, estEnRetard(i, today) ? M.enRetard : null]));
}

/** An overdue or upcoming milestone or commitment, as the dashboard shows it. */
export type EcheanceItem = Echeance;

function items(jalons: readonly Jalon[], engagements: readonly Engagement[]) {
  return [
    ...jalons.map((j) => ({ source: 'jalon' as const, onglet: TAB.jalons, row: j, libelle: j.jalon, reference: j.fiche || null, qui: j.responsable })),
    ...engagements.map((e) => ({ source: 'engagement' as const, onglet: TAB.engagements, row: e, libelle: e.quoi, reference: e.instance === null ? null : String(e.instance), qui: e.qui || null })),
  ];
}

/**
 * Overdue items (most late first) and items due within `horizonMois` months
 * from today, today included (soonest first). Done items are left out.
 */
export function echeances(
  jalons: readonly Jalon[],
  engagements: readonly Engagement[],
  today: Date,
  horizonMois: number,
): { enRetard: EcheanceItem[]; aVenir: EcheanceItem[] } {
  const jour = jourDe(today);
  const limite = ajouterMois(jour, horizonMois);
  const enRetard: EcheanceItem[] = [];
  const aVenir: EcheanceItem[] = [];
  for (const it of items(jalons, engagements)) {
    const d = it.row.echeance;
    if (d === null || it.row.statut === 'Fait') continue;
    const delta = joursEntre(jour, d);
    const base = { source: it.source, onglet: it.onglet, ligne: it.row.rowNumber, libelle: it.libelle, reference: it.reference, qui: it.qui, echeance: isoJour(d), echeanceLibelle: formatDateFr(d) };
    if (delta < 0) enRetard.push({ ...base, jours: -delta });
    else if (d.getTime() <= limite.getTime()) aVenir.push({ ...base, jours: delta });
  }
  enRetard.sort((a, b) => b.jours - a.jours || a.ligne - b.ligne);
  aVenir.sort((a, b) => a.jours - b.jours || a.ligne - b.ligne);
  return { enRetard, aVenir };
}
