/**
 * Rows that are not actions (issue 13, item 3) and cell content the engine
 * must keep (control characters, escape-like text, implausible amounts, dates
 * typed in text columns): consolidation and validation, through the offline
 * engine's MemoryWorkbook.
 */
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateResult } from '../../src/app/consolidate';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { validate } from '../../src/app/validate';
import { memoSource } from '../../src/domain/model/read';
import { readWorkbookModel } from '../../src/domain/model/read';
import { totalLabel } from '../../src/domain/parse/non-data-rows';
import { TAB } from '../../src/domain/schema/tabs';
import type { Cell } from '../../src/domain/table/cell';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { actionsView, columnValues, installed, PLANS_HEADERS, ports, register, SERVICE_HEADERS, setPlans, setServiceTab, snapshot } from './support';

const DEC = 'Service – Déchets';
const T = "Intitulé de l'action";
const B = 'Budget (€ HT)';

function done(r: ConsolidateResult): Extract<ConsolidateResult, { status: 'done' }> {
  if (r.status !== 'done') throw new Error(`consolidation ${r.status}: ${r.message}`);
  return r;
}

function base(rows: ReadonlyArray<Readonly<Record<string, Cell>>>): MemoryWorkbook {
  const wb = installed();
  register(wb, [{ service: 'Déchets', onglet: DEC, code: 'DEC' }]);
  setPlans(wb, [
    { Type: 'PLPDMA', Intitulé: 'Programme local de prévention' },
    { Type: 'PCAET', Intitulé: 'Plan climat' },
  ]);
  setServiceTab(wb, DEC, rows);
  return wb;
}

const header = (): Record<string, Cell> => Object.fromEntries(SERVICE_HEADERS.map((h) => [h, h]));

describe('Rows that are not actions', () => {
  const rows: Array<Record<string, Cell>> = [
    { [T]: 'Composteurs partagés', [B]: 10000, 'Plans de rattachement': 'PLPDMA' },
    { [T]: 'Collecte totale des biodéchets', [B]: '5 000 €', 'Plans de rattachement': 'PLPDMA' },
    { [T]: 'Sous-total', [B]: 15000 }, // row 4
    header(), // row 5: header pasted again
    { [T]: 'Ressourcerie', [B]: 2500, 'Plans de rattachement': 'PLPDMA, PCAET' },
    { [T]: 'Total zéro déchet au marché', [B]: 1200, Pilote: 'Mme Durand' },
    { [B]: 3700 }, // row 8: a =SOMME() without caption
    { [T]: 'TOTAL GÉNÉRAL (€ HT)', [B]: '18 700 €', Description: 18700 }, // row 9
    { [B]: 0, Description: 0 }, // row 10: formulas copied down
  ];

  it('are neither actions nor counted in any budget; each is reported with tab, row and column; nothing in the tab changes but new Réf.s', () => {
    const wb = base(rows);
    const before = snapshot(wb).get(DEC)!;
    const r = done(consolidate(ports(wb)));
    const view = actionsView(wb);
    expect(view.rows.map((a) => a[T])).toEqual(['Composteurs partagés', 'Collecte totale des biodéchets', 'Ressourcerie', 'Total zéro déchet au marché']);
    expect(view.rows.map((a) => a.Origine)).toEqual([2, 3, 6, 7].map((n) => `${DEC}, ligne ${n}`));
    expect(r.report.actions).toBe(4);
    expect(r.report.services).toEqual([{ onglet: DEC, lignes: 4 }]);
    const skipped = r.anomalies.filter((a) => a.code.startsWith('ligne-'));
    expect(skipped.map((a) => [a.onglet, a.ligne, a.colonne, a.code, a.bloquante])).toEqual([
      [DEC, 4, T, 'ligne-total', false],
      [DEC, 5, 'Réf.', 'ligne-entete-repetee', false],
      [DEC, 8, B, 'ligne-somme', false],
      [DEC, 9, T, 'ligne-total', false],
      [DEC, 10, null, 'ligne-zeros', false],
    ]);
    expect(skipped[0].message).toMatch(/Ligne de total \(« Sous-total »\).*pas lue comme une action.*15\u202f000\u202f€.*aucun budget/);
    expect(skipped[1].message).toMatch(/Ligne d'en-têtes répétée \(« Réf\. », « Intitulé de l'action », « Description »…\)/);
    // In the report too, in sheet order among the rows' own anomalies.
    expect(r.report.anomalies.map((a) => a.ligne)).toEqual([...r.report.anomalies.map((a) => a.ligne)].sort((x, y) => (x ?? 0) - (y ?? 0)));
    // Budgets: each action once.
    expect(r.plan.budgets.total).toEqual({ nbActions: 3, budget: 17500 });
    expect(r.plan.budgets.sansPlan).toEqual({ nbActions: 1, budget: 1200 });
    expect(columnValues(wb, TAB.plans, 'Budget EC (€)')).toEqual([17500, 2500]);
    // No Réf. on the rows that are not actions; nothing else touched in the tab.
    const after = wb.grid(DEC);
    const refCol = SERVICE_HEADERS.indexOf('Réf.');
    expect(after.map((l) => l[refCol] ?? null)).toEqual(['Réf.', 'DEC-001', 'DEC-002', null, 'Réf.', 'DEC-003', 'DEC-004', null, null, null]);
    for (let i = 0; i < before.length; i++) {
      expect(after[i].filter((_, c) => c !== refCol)).toEqual(before[i].filter((_, c) => c !== refCol));
    }
  });

  it('is idempotent, and a total row that received a Réf. from an earlier version stays out of Actions', () => {
    const wb = base(rows);
    wb.grid(DEC)[3][SERVICE_HEADERS.indexOf('Réf.')] = 'DEC-009';
    done(consolidate(ports(wb)));
    const once = snapshot(wb);
    const r2 = done(consolidate(ports(wb)));
    const twice = snapshot(wb);
    for (const [tab, g] of once) if (tab !== TAB.journal) expect(twice.get(tab)).toEqual(g);
    expect(r2.report.actions).toBe(4);
    expect(actionsView(wb).rows.map((a) => a['Réf.'])).not.toContain('DEC-009');
  });

  it('Vérifier les saisies reports the same rows, and the model reads no action from them', () => {
    const wb = base(rows);
    const check = validate(ports(wb));
    const skipped = check.anomalies.filter((a) => a.code.startsWith('ligne-'));
    expect(skipped.map((a) => [a.onglet, a.ligne, a.code])).toEqual([
      [DEC, 4, 'ligne-total'],
      [DEC, 5, 'ligne-entete-repetee'],
      [DEC, 8, 'ligne-somme'],
      [DEC, 9, 'ligne-total'],
      [DEC, 10, 'ligne-zeros'],
    ]);
    // No « intitulé manquant » for the sum and zeros rows.
    expect(check.anomalies.filter((a) => a.onglet === DEC && a.bloquante)).toEqual([]);
    const r = done(consolidate(ports(wb)));
    expect(r.anomalies.filter((a) => a.code.startsWith('ligne-'))).toEqual(skipped);
  });

  it('in Plans: a total row is not a plan, receives no figure, and its own cells are left alone', () => {
    const wb = base([{ [T]: 'Compostage', [B]: 4000, 'Plans de rattachement': 'PLPDMA' }]);
    const lines: Array<Record<string, Cell>> = [
      { Type: 'PLPDMA', Intitulé: 'Programme local de prévention' },
      { Intitulé: 'Total', "Nb d'actions EC": 1, 'Budget EC (€)': 4000 },
    ];
    const plans = [PLANS_HEADERS.slice(), ...lines.map((p) => PLANS_HEADERS.map((h) => (h in p ? p[h] : null)))];
    wb.setGrid(TAB.plans, plans);
    const r = done(consolidate(ports(wb)));
    expect(r.plan.budgets.parPlan.map((p) => p.plan.intitule)).toEqual(['Programme local de prévention']);
    expect(columnValues(wb, TAB.plans, 'Budget EC (€)')).toEqual([4000, 4000]);
    const model = readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.grid(n)));
    expect(model.model.plans.map((p) => p.intitule)).toEqual(['Programme local de prévention']);
    const v = validateWorkbook(memoSource(wb.sheetNames(), (n) => wb.grid(n)));
    expect(v.anomalies.filter((a) => a.onglet === TAB.plans).map((a) => [a.ligne, a.code])).toEqual([[3, 'ligne-total']]);
    expect(v.anomalies.find((a) => a.onglet === TAB.plans)!.message).toMatch(/pas lue comme un plan/);
  });
});

describe('Rows that are not actions: where the caption is, and when « Total … » is a title', () => {
  it('finds a caption typed left of the table, in a column without header', () => {
    const wb = base([]);
    const headers = [null, ...SERVICE_HEADERS];
    const at = (values: Record<string, Cell>, left: Cell = null) => [left, ...SERVICE_HEADERS.map((h) => (h in values ? values[h] : null))];
    wb.setGrid(DEC, [headers, at({ [T]: 'Compostage', [B]: 100 }), at({ [T]: 'Broyage', [B]: 200 }), at({ [B]: 300 }, 'TOTAL')]);
    const r = done(consolidate(ports(wb)));
    expect(r.report.actions).toBe(2);
    const total = r.anomalies.find((a) => a.code === 'ligne-total')!;
    expect([total.ligne, total.colonne, total.cellule]).toEqual([4, null, 'A4']);
  });

  it('« Total … » followed by other words is a total only when its amount is the sum of the rows above', () => {
    const wb = base([
      { [T]: 'Compostage', [B]: 100 },
      { [T]: 'Broyage', [B]: 200 },
      { [T]: 'Total zéro déchet au marché', [B]: 450 }, // an action
      { [T]: 'Total recyclage', [B]: 750 }, // 100 + 200 + 450
      { [T]: 'Total zéro plastique', [B]: 750, Pilote: 'M. Petit' }, // another text: an action
    ]);
    const r = done(consolidate(ports(wb)));
    expect(actionsView(wb).rows.map((a) => a[T])).toEqual(['Compostage', 'Broyage', 'Total zéro déchet au marché', 'Total zéro plastique']);
    expect(r.anomalies.filter((a) => a.code.startsWith('ligne-')).map((a) => [a.ligne, a.code])).toEqual([[5, 'ligne-total']]);
  });

  it('a row without title whose amount is not a sum stays an action missing its title (blocking)', () => {
    const wb = base([{ [T]: 'Compostage', [B]: 100 }, { [T]: 'Broyage', [B]: 200 }, { [B]: 250 }]);
    const r = done(consolidate(ports(wb)));
    expect(r.report.actions).toBe(3);
    expect(r.anomalies.filter((a) => a.bloquante).map((a) => [a.ligne, a.code])).toEqual([[4, 'obligatoire']]);
  });

  it('a row captioned TOTAL whose amount is implausible (over 1 000 billion) is still a total, never an action (fast-check counterexample, seed 963501849)', () => {
    const wb = base([
      { [T]: 'Compostage', [B]: '1' },
      { [T]: 'Bilan', [B]: 1_000_000_000_000 },
      { [T]: 'TOTAL', [B]: '1 000 000 000 001 €' },
    ]);
    const r = done(consolidate(ports(wb)));
    expect(actionsView(wb).rows.map((a) => a[T])).toEqual(['Compostage', 'Bilan']);
    expect(r.report.actions).toBe(2);
  });

  it('in Actions, a total row typed by the lead is not read as an action by the dashboard’s model', () => {
    const wb = base([{ [T]: 'Compostage', [B]: 100 }]);
    done(consolidate(ports(wb)));
    const grid = wb.grid(TAB.actions);
    const header = grid[0].map((h) => String(h));
    const line = header.map((h) => (h === T ? 'TOTAL' : h === B ? 100 : null));
    grid.splice(2, 0, line);
    const model = readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.grid(n)));
    expect(model.model.actions.map((a) => a.intitule)).toEqual(['Compostage']);
    expect(model.anomalies.filter((a) => a.onglet === TAB.actions).map((a) => [a.ligne, a.code])).toEqual([[3, 'ligne-total']]);
  });
});

describe('Total captions', () => {
  it.each([
    ['TOTAL', 'strong'],
    ['Total :', 'strong'],
    ['Sous-total', 'strong'],
    ['sous total Déchets', 'strong'],
    ['S/Total', 'strong'],
    ['Total général', 'strong'],
    ['TOTAL GENERAL (€ HT)', 'strong'],
    ['Grand total', 'strong'],
    ['Totaux', 'strong'],
    ['Total 2025', 'strong'],
    ['Montant total', 'strong'],
    ['Total des actions du service', 'strong'],
    ['Total zéro déchet au marché', 'weak'],
    ['Total recyclage', 'weak'],
  ])('%s is a total caption (%s)', (s, kind) => expect(totalLabel(s)).toBe(kind));

  it.each(['Collecte totale des biodéchets', 'Totalement compostable', 'Totalité des déchets verts', 'Bilan total', 'Réduction totale', 'Subtotal', 'Montant', 'Budget participatif', 'Sous-traitance', 'Stotalisation'])(
    '%s is not',
    (s) => expect(totalLabel(s)).toBeNull(),
  );
});

describe('Cell content is kept exactly', () => {
  it('control characters reach Actions unchanged and are named (U+0007…), as a warning, by consolidation and validation', () => {
    const bell = 'Compost\u0007 partagé\u001b';
    const wb = base([{ [T]: bell, Commentaire: 'ok\u0000fin', Pilote: '_x0041_ et _x000D_' }]);
    const r = done(consolidate(ports(wb)));
    const a = actionsView(wb).rows[0];
    expect(a[T]).toBe(bell);
    expect(a.Commentaire).toBe('ok\u0000fin');
    expect(a.Pilote).toBe('_x0041_ et _x000D_');
    const flagged = r.anomalies.filter((x) => x.code === 'caractere-controle');
    expect(flagged.map((x) => [x.onglet, x.ligne, x.colonne, x.cellule, x.bloquante])).toEqual([
      [DEC, 2, T, 'B2', false],
      [DEC, 2, 'Commentaire', 'P2', false],
    ]);
    expect(flagged[0].message).toContain('U+0007, U+001B');
    expect(flagged[1].message).toContain('U+0000');
    expect(String(a.Anomalies)).toContain('U+0007');
    const v = validate(ports(wb));
    expect(v.anomalies.filter((x) => x.code === 'caractere-controle').map((x) => [x.ligne, x.colonne])).toEqual([
      [2, T],
      [2, 'Commentaire'],
    ]);
    // The service tab itself: untouched but its Réf.
    expect(wb.grid(DEC)[1][SERVICE_HEADERS.indexOf(T)]).toBe(bell);
  });

  it('an implausible amount is reported as blocking, kept as typed in Actions, and counts in no total', () => {
    const wb = base([
      { [T]: 'A', [B]: 1e308, 'Plans de rattachement': 'PLPDMA' },
      { [T]: 'B', [B]: 1e308, 'Plans de rattachement': 'PLPDMA' },
      { [T]: 'C', [B]: '2 000 000 000 000 €', 'Plans de rattachement': 'PLPDMA' },
      { [T]: 'D', [B]: 500, 'Plans de rattachement': 'PLPDMA' },
      { [T]: 'E', [B]: 1e12, 'Plans de rattachement': 'PLPDMA' },
    ]);
    const r = done(consolidate(ports(wb)));
    const flagged = r.anomalies.filter((x) => x.code === 'montant-invraisemblable');
    expect(flagged.map((x) => [x.ligne, x.colonne, x.bloquante])).toEqual([
      [2, B, true],
      [3, B, true],
      [4, B, true],
    ]);
    expect(flagged[0].message).toMatch(/1,00e\+308 est un montant invraisemblable/);
    expect(flagged[2].message).toMatch(/2\u202f000\u202f000\u202f000\u202f000 est un montant invraisemblable/);
    expect(actionsView(wb).rows.map((a) => a[B])).toEqual([1e308, 1e308, '2 000 000 000 000 €', 500, 1e12]);
    expect(columnValues(wb, TAB.plans, 'Budget EC (€)')).toEqual([1e12 + 500, 0]);
    expect(r.plan.budgets.total.budget).toBe(1e12 + 500);
  });

  it('a date typed in a text column reaches Actions as its French text, never as a serial number', () => {
    const d = new Date(Date.UTC(2025, 3, 3));
    const wb = base([{ [T]: 'Compostage', Pilote: d, Commentaire: new Date(Date.UTC(2025, 3, 3, 14, 30)), 'Date de début': d }]);
    done(consolidate(ports(wb)));
    const a = actionsView(wb).rows[0];
    expect(a.Pilote).toBe('03/04/2025');
    // With a time of day: the same value (its text would depend on a time zone).
    expect(a.Commentaire).toEqual(new Date(Date.UTC(2025, 3, 3, 14, 30)));
    // In a date column, a date.
    expect(a['Date de début']).toEqual(d);
  });
});
