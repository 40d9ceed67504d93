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
  return budgetsByPlanOf(actions, AS_IS, plans);
}

/** How to read an action for budgetsByPlanOf. */
export interface BudgetAccess<A> {
  ref(a: A): string | null | undefined;
  plans(a: A): readonly string[];
  budget(a: A): number | null;
}

const AS_IS: BudgetAccess<ActionForBudget> = { ref: (a) => a.ref, plans: (a) => a.plans, budget: (a) => a.budget };

/** budgetsByPlan over actions of any shape, read through `access` (no intermediate object per action). */
export function budgetsByPlanOf<A, P extends PlanLike>(actions: readonly A[], access: BudgetAccess<A>, plans: readonly P[]): BudgetsByPlan<P> {
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
  // The action that last counted in each plan: an action citing a plan twice counts once.
  const countedBy = new Array<number>(plans.length).fill(-1);
  for (let n = 0; n < actions.length; n++) {
    const a = actions[n];
    const amount = access.budget(a);
    const budget = typeof amount === 'number' && Number.isFinite(amount) ? amount : 0;
    const cited = access.plans(a);
    if (cited.length === 0) {
      sansPlan.nbActions++;
      sansPlan.budget += budget;
      continue;
    }
    let attached = false;
    let seenUnknown: Set<string> | null = null;
    for (let r = 0; r < cited.length; r++) {
      const ref = cited[r];
      const i = match(ref);
      if (i >= 0) {
        if (countedBy[i] === n) continue;
        countedBy[i] = n;
        attached = true;
        per[i].nbActions++;
        per[i].budget += budget;
        const actionRef = access.ref(a);
        if (actionRef) per[i].refs.push(actionRef);
        continue;
      }
      const k = normalizeKey(ref);
      if (k === '' || seenUnknown?.has(k)) continue;
      (seenUnknown ??= new Set()).add(k);
      const u = unknown.get(k) ?? unknown.set(k, { libelle: ref.trim(), nbActions: 0, budget: 0 }).get(k)!;
      u.nbActions++;
      u.budget += budget;
    }
    if (attached) {
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
    if (a.repondA.length === 0) continue;
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
