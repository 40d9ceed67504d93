/**
 * Derived figures of the consolidation: actions and budgets per plan, and the
 * actions answering each AFOM item.
 *
 * Plan matching (the same rule as the dashboard's, src/domain/plans): a
 * reference designates the plan whose Intitulé equals it, or else the first
 * plan whose Type equals it (case, accents and spaces ignored).
 *
 * Counting: an action attached to several plans counts, with its whole
 * budget, in each of them (per-plan view: « how much EC money flows through
 * this plan »), and once in the totals.
 */
import { normalizeKey } from '../table/normalize';

export interface PlanLike {
  readonly type: string | null;
  readonly intitule: string;
}

export interface ActionForBudget {
  readonly ref?: string | null;
  /** References to plans as typed or canonical (type or intitulé). */
  readonly plans: readonly string[];
  readonly budget: number | null;
}

export interface PlanFigures<P extends PlanLike = PlanLike> {
  readonly plan: P;
  /** Actions attached to this plan (each action once per plan). */
  readonly nbActions: number;
  /** Sum of their budgets (€ HT), an action's whole budget in each of its plans. */
  readonly budget: number;
  /** Réf.s of those actions, in input order (those without a Réf. are counted but not listed). */
  readonly refs: readonly string[];
}

export interface BudgetsByPlan<P extends PlanLike = PlanLike> {
  /** One entry per plan, in the order given. */
  readonly parPlan: ReadonlyArray<PlanFigures<P>>;
  /** References that match no plan, with what they carry. */
  readonly nonRattaches: ReadonlyArray<{ readonly libelle: string; readonly nbActions: number; readonly budget: number }>;
  /** Actions attached to at least one known plan, each counted once, and their budget. */
  readonly total: { readonly nbActions: number; readonly budget: number };
  /** Sum of the per-plan figures (counts an action once per plan): what a naive column sum gives. */
  readonly sommeParPlan: { readonly nbActions: number; readonly budget: number };
  /** Actions attached to no known plan. */
  readonly sansPlan: { readonly nbActions: number; readonly budget: number };
}

/** Index of the plan a reference designates, or -1. */
export function matchPlan(plans: readonly PlanLike[], reference: string): number {
  const k = normalizeKey(reference);
  if (k === '') return -1;
  const byTitle = plans.findIndex((p) => normalizeKey(p.intitule) === k);
  if (byTitle >= 0) return byTitle;
  return plans.findIndex((p) => p.type !== null && normalizeKey(p.type) === k);
}

export function budgetsByPlan<P extends PlanLike>(actions: readonly ActionForBudget[], plans: readonly P[]): BudgetsByPlan<P> {
  const per = plans.map(() => ({ nbActions: 0, budget: 0, refs: [] as string[] }));
  const unknown = new Map<string, { libelle: string; nbActions: number; budget: number }>();
  const total = { nbActions: 0, budget: 0 };
  const sansPlan = { nbActions: 0, budget: 0 };
  // Matching is memoised: a workbook cites a handful of plans many times.
  const cache = new Map<string, number>();
  const match = (ref: string) => {
    let i = cache.get(ref);
    if (i === undefined) cache.set(ref, (i = matchPlan(plans, ref)));
    return i;
  };
  for (const a of actions) {
    const budget = typeof a.budget === 'number' && Number.isFinite(a.budget) ? a.budget : 0;
    if (a.plans.length === 0) {
      sansPlan.nbActions++;
      sansPlan.budget += budget;
      continue;
    }
    const seen = new Set<number>();
    const seenUnknown = new Set<string>();
    for (const ref of a.plans) {
      const i = match(ref);
      if (i >= 0) {
        if (seen.has(i)) continue;
        seen.add(i);
        per[i].nbActions++;
        per[i].budget += budget;
        if (a.ref) per[i].refs.push(a.ref);
        continue;
      }
      const k = normalizeKey(ref);
      if (k === '' || seenUnknown.has(k)) continue;
      seenUnknown.add(k);
      const u = unknown.get(k) ?? unknown.set(k, { libelle: ref.trim(), nbActions: 0, budget: 0 }).get(k)!;
      u.nbActions++;
      u.budget += budget;
    }
    if (seen.size > 0) {
      total.nbActions++;
      total.budget += budget;
    } else {
      sansPlan.nbActions++;
      sansPlan.budget += budget;
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  const parPlan = plans.map((plan, i) => ({ plan, nbActions: per[i].nbActions, budget: round(per[i].budget), refs: per[i].refs }));
  return {
    parPlan,
    nonRattaches: [...unknown.values()].map((u) => ({ ...u, budget: round(u.budget) })),
    total: { nbActions: total.nbActions, budget: round(total.budget) },
    sommeParPlan: { nbActions: parPlan.reduce((s, p) => s + p.nbActions, 0), budget: round(parPlan.reduce((s, p) => s + p.budget, 0)) },
    sansPlan: { nbActions: sansPlan.nbActions, budget: round(sansPlan.budget) },
  };
}

/** AFOM id → Réf.s of the actions whose « Répond à » cites it (ids compared without case), in action order. */
export function actionsLieesParAfom(actions: ReadonlyArray<{ readonly ref: string; readonly repondA: readonly string[] }>, afomIds: readonly string[]): Map<string, string[]> {
  const byKey = new Map<string, string>();
  for (const id of afomIds) if (!byKey.has(normalizeKey(id))) byKey.set(normalizeKey(id), id);
  const out = new Map<string, string[]>(afomIds.map((id) => [id, []]));
  for (const a of actions) {
    const seen = new Set<string>();
    for (const cited of a.repondA) {
      const id = byKey.get(normalizeKey(cited));
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      out.get(id)!.push(a.ref);
    }
  }
  return out;
}
