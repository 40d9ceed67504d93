/**
 * Budgets of the plan d'actions by year and by financeur.
 *
 * By year (documented rule, shown in the dashboard's note): a fiche's
 * `Budget prévisionnel total` is spread over the calendar days from its
 * Date de début to its Date de fin, both included, pro rata temporis, and
 * summed by calendar year. A fiche from 01/07/2025 to 30/06/2027 with
 * 30 000 € gives about 7 500 € in 2025, 15 000 € in 2026 and 7 500 € in 2027.
 * - only one of the two dates: the whole budget goes to that date's year;
 * - no date, or the end before the start: the budget goes to « Non daté »;
 * - amounts are rounded to the euro, the rounding remainder goes to the last
 *   year, so that the years of a fiche add up to its budget exactly.
 *
 * By financeur: montants of Financeur 1–3 summed by name (case and spaces
 * ignored, first spelling kept; a montant without a name is not counted as
 * covered); the part of the budget total not covered by
 * named financeurs is reported as « Non ventilé entre financeurs ».
 */
import type { FicheAction } from '../model/types';
import { normalizeKey } from '../table/normalize';
import { STEERING_MESSAGES as M } from '../messages/steering';

const DAY = 86_400_000;

/** Euros of one budget by year, pro rata of days. */
export function repartirParAnnee(budget: number, debut: Date | null, fin: Date | null): Map<number | 'nonDate', number> {
  const out = new Map<number | 'nonDate', number>();
  if (!budget) return out;
  if (!debut && !fin) return out.set('nonDate', budget);
  if (!debut || !fin) return out.set((debut ?? fin)!.getUTCFullYear(), budget);
  if (fin.getTime() < debut.getTime()) return out.set('nonDate', budget);
  const totalDays = Math.round((fin.getTime() - debut.getTime()) / DAY) + 1;
  const y0 = debut.getUTCFullYear();
  const y1 = fin.getUTCFullYear();
  let assigned = 0;
  for (let y = y0; y <= y1; y++) {
    const from = Math.max(debut.getTime(), Date.UTC(y, 0, 1));
    const to = Math.min(fin.getTime(), Date.UTC(y, 11, 31));
    const days = Math.round((to - from) / DAY) + 1;
    const amount = y === y1 ? Math.round((budget - assigned) * 100) / 100 : Math.round((budget * days) / totalDays);
    assigned += amount;
    out.set(y, amount);
  }
  return out;
}

export interface BudgetAnnee {
  readonly annee: number | null;
  readonly libelle: string;
  readonly budget: number;
}

/** Years in order, then « Non daté » when some budget has no date. */
export function budgetsParAnnee(fiches: readonly FicheAction[]): BudgetAnnee[] {
  const sums = new Map<number | 'nonDate', number>();
  for (const f of fiches) {
    for (const [k, v] of repartirParAnnee(f.budgetTotal ?? 0, f.debut, f.fin)) sums.set(k, (sums.get(k) ?? 0) + v);
  }
  const years = [...sums.keys()].filter((k): k is number => k !== 'nonDate').sort((a, b) => a - b);
  const out: BudgetAnnee[] = years.map((y) => ({ annee: y, libelle: String(y), budget: sums.get(y)! }));
  if (sums.has('nonDate')) out.push({ annee: null, libelle: M.nonDate, budget: sums.get('nonDate')! });
  return out;
}

export interface BudgetFinanceur {
  readonly financeur: string;
  readonly montant: number;
}

export function budgetsParFinanceur(fiches: readonly FicheAction[]): BudgetFinanceur[] {
  const sums = new Map<string, { financeur: string; montant: number }>();
  let nonVentile = 0;
  for (const f of fiches) {
    let couvert = 0;
    for (const fin of f.financeurs) {
      const montant = fin.montant ?? 0;
      if (!fin.nom) continue;
      couvert += montant;
      const k = normalizeKey(fin.nom);
      const e = sums.get(k) ?? sums.set(k, { financeur: fin.nom.trim(), montant: 0 }).get(k)!;
      e.montant += montant;
    }
    const reste = (f.budgetTotal ?? 0) - couvert;
    if (reste > 0) nonVentile += reste;
  }
  const out = [...sums.values()].sort((a, b) => b.montant - a.montant || a.financeur.localeCompare(b.financeur, 'fr'));
  if (nonVentile > 0) out.push({ financeur: M.nonVentile, montant: nonVentile });
  return out;
}
