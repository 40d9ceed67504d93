/** budgetsByPlan (for the dashboard) and actionsLieesParAfom, pure. */
import { describe, expect, it } from 'vitest';
import { actionsLieesParAfom, budgetsByPlan, matchPlan } from '../../src/domain/consolidation/budgets';

const plans = [
  { type: 'PLPDMA', intitule: 'Programme local de prévention 2022-2027' },
  { type: 'PCAET', intitule: 'Plan climat' },
  { type: 'PCAET', intitule: 'PCAET 2027 (en élaboration)' },
  { type: 'CODEC', intitule: 'CODEC' },
];

describe('budgetsByPlan', () => {
  it('counts an action in each of its plans, and once in the totals', () => {
    const r = budgetsByPlan(
      [
        { ref: 'DEC-001', plans: ['PLPDMA', 'Plan climat'], budget: 10_000 },
        { ref: 'DEC-002', plans: ['plpdma', 'Programme local de prévention 2022-2027'], budget: 2_500.5 },
        { ref: 'ACH-001', plans: ['CODEC'], budget: null },
        { ref: 'ACH-002', plans: [], budget: 700 },
        { ref: 'VOI-001', plans: ['CRTE', 'crte '], budget: 300 },
      ],
      plans,
    );
    expect(r.parPlan.map((p) => [p.plan.intitule, p.nbActions, p.budget, p.refs])).toEqual([
      ['Programme local de prévention 2022-2027', 2, 12_500.5, ['DEC-001', 'DEC-002']],
      ['Plan climat', 1, 10_000, ['DEC-001']],
      ['PCAET 2027 (en élaboration)', 0, 0, []],
      ['CODEC', 1, 0, ['ACH-001']],
    ]);
    expect(r.total).toEqual({ nbActions: 3, budget: 12_500.5 });
    expect(r.sommeParPlan).toEqual({ nbActions: 4, budget: 22_500.5 });
    expect(r.sansPlan).toEqual({ nbActions: 2, budget: 1_000 });
    expect(r.nonRattaches).toEqual([{ libelle: 'CRTE', nbActions: 1, budget: 300 }]);
  });

  it('matches the intitulé first, then the first plan of the type', () => {
    expect(matchPlan(plans, 'pcaet')).toBe(1);
    expect(matchPlan(plans, 'PCAET 2027 (en élaboration)')).toBe(2);
    expect(matchPlan(plans, 'codec')).toBe(3);
    expect(matchPlan(plans, ' ')).toBe(-1);
  });
});

describe('actionsLieesParAfom', () => {
  it('lists the Réf.s whose Répond à cites each AFOM id, ids compared without case', () => {
    const m = actionsLieesParAfom(
      [
        { ref: 'DEC-001', repondA: ['F1', 'o2'] },
        { ref: 'DEC-002', repondA: ['f1', 'F1'] },
        { ref: 'ACH-001', repondA: ['Z9'] },
      ],
      ['F1', 'O2', 'M1'],
    );
    expect([...m]).toEqual([
      ['F1', ['DEC-001', 'DEC-002']],
      ['O2', ['DEC-001']],
      ['M1', []],
    ]);
  });
});
