/**
 * Issue 13, item 7: consolidation searched with hostile service tabs
 * (fast-check). Through the offline engine's working copy (MemoryWorkbook):
 *
 * - every value typed in a service tab reaches `Actions` unchanged (or as its
 *   documented reading), or is named in the report; rows that are not
 *   actions never become actions and are always reported;
 * - budgets count each action once, never a total row, and stay finite;
 * - everything outside what the engine owns is unchanged;
 * - consolidation is idempotent;
 * - *Vérifier les saisies* reports the same rows that are not actions and the
 *   same control characters.
 *
 * A fixed seed (replayable, the same cases on every run) plus random cases;
 * fast-check prints the seed and the shrunk case of any failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateResult } from '../../src/app/consolidate';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { memoSource } from '../../src/domain/model/read';
import { readLookups, readServiceTab, serviceTabsIn } from '../../src/domain/validation/service-tabs';
import { serviceAnomalies } from '../../src/domain/validation/validate';
import { readAmount } from '../../src/domain/parse/values';
import { TAB, tableSection } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';
import { locateTable } from '../../src/domain/table/locate';
import { actionsView, installed, ports, register, setPlans, snapshot } from '../consolidation/support';
import { gridDiff, judgeTab } from './oracle';
import { BUDGET, FIXED_SEED, HEADERS, REF, serviceRows, tabGrid, userTab, type GenRow } from './service-tabs';

const FIXED_RUNS = 40;
const RANDOM_RUNS = Number(process.env.CAP_PROPERTY_RUNS ?? 200);

const TABS = ['Service – Déchets', 'Service – Achats', 'Service - Voirie'];
const USER_TAB = 'Mes notes';

interface Case {
  readonly tabs: ReadonlyArray<{ readonly name: string; readonly rows: GenRow[]; readonly headers: readonly string[] }>;
  readonly notes: Grid;
  readonly registered: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(
    fc.array(fc.tuple(serviceRows, fc.boolean(), fc.shuffledSubarray(HEADERS, { minLength: HEADERS.length })), { minLength: 1, maxLength: TABS.length }),
    userTab,
    fc.boolean(),
  )
  .map(([tabs, notes, registered]) => ({
    tabs: tabs.map(([rows, shuffle, order], i) => ({ name: TABS[i], rows, headers: shuffle ? order : HEADERS })),
    notes,
    registered,
  }));

function done(r: ConsolidateResult): Extract<ConsolidateResult, { status: 'done' }> {
  if (r.status !== 'done') throw new Error(`consolidation ${r.status}: ${r.message}`);
  return r;
}

function workbookOf(c: Case): MemoryWorkbook {
  const wb = installed();
  if (c.registered) register(wb, [{ service: 'Déchets', onglet: TABS[0], code: 'DEC' }]);
  setPlans(wb, [
    { Type: 'PLPDMA', Intitulé: 'Programme local de prévention' },
    { Type: 'PCAET', Intitulé: 'Plan climat' },
    { Type: 'CODEC', Intitulé: 'Contrat d’objectifs' },
  ]);
  for (const t of c.tabs) wb.setGrid(t.name, tabGrid(t.rows, t.headers));
  wb.createSheet(USER_TAB, wb.sheetNames().length);
  wb.setGrid(USER_TAB, c.notes.map((r) => r.slice()));
  return wb;
}

/** What the engine may change: Actions, Journal, the registry, computed columns, new Réf.s. */
const ENGINE_TABS = new Set<string>([TAB.actions, TAB.journal, TAB.parametres, TAB.plans, TAB.afom]);

function problemsOf(c: Case): string[] {
  const wb = workbookOf(c);
  const before = snapshot(wb);
  const r = done(consolidate(ports(wb)));
  const after = snapshot(wb);
  const actions = actionsView(wb).rows;
  const problems: string[] = [];

  // Values reach Actions, rows that are not actions are reported.
  for (const t of c.tabs) problems.push(...judgeTab(t.name, t.rows, actions, r.anomalies));

  // Outside what the engine owns, nothing changes: service tabs but new Réf.s in action rows, the user's tab, every other tab.
  for (const t of c.tabs) {
    const refCol = t.headers.indexOf(REF);
    const blankRef = (r: number) => {
      const v = before.get(t.name)![r]?.[refCol];
      return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    };
    problems.push(...gridDiff(t.name, before.get(t.name)!, after.get(t.name)!, (row, col) => col === refCol && row > 0 && t.rows[row - 1]?.kind === 'action' && blankRef(row)));
  }
  for (const [name, grid] of before) if (!ENGINE_TABS.has(name) && !c.tabs.some((t) => t.name === name)) problems.push(...gridDiff(name, grid, after.get(name)!));
  const plansLocated = locateTable(before.get(TAB.plans)!, tableSection(TAB.plans, 'plans'))!;
  const computed = new Set([plansLocated.columns.get('nbActions'), plansLocated.columns.get('budgetEc')]);
  problems.push(...gridDiff(TAB.plans, before.get(TAB.plans)!, after.get(TAB.plans)!, (_, col) => computed.has(col)));

  // Budgets: each action once, never a total row; finite.
  let expected = 0;
  for (const t of c.tabs) for (const row of t.rows) if (row.kind === 'action') {
    const a = row.cells[BUDGET];
    const read = a === undefined || a === null ? null : readAmount(a);
    if (read?.ok) expected += read.value;
  }
  const counted = r.plan.budgets.total.budget + r.plan.budgets.sansPlan.budget;
  if (!(Math.abs(counted - expected) <= 0.02 + 1e-9 * Math.abs(expected))) problems.push(`budgets: ${counted} counted for ${expected} typed`);
  for (const p of r.plan.budgets.parPlan) if (!Number.isFinite(p.budget)) problems.push(`plan ${p.plan.intitule}: budget ${p.budget}`);

  // Idempotent: a second run changes nothing but the Journal, and plans no write.
  const r2 = done(consolidate(ports(wb)));
  if (r2.plan.writes.length > 0) problems.push(`second run writes ${r2.plan.writes.map((w) => w.sheet).join(', ')}`);
  const again = snapshot(wb);
  for (const [name, grid] of after) if (name !== TAB.journal) problems.push(...gridDiff(`${name} (2nd run)`, grid, again.get(name)!));
  // (The first run's events, Réf.s given and tabs registered, are reported once: the reports may differ, not the counts.)
  if (JSON.stringify(r2.report.services) !== JSON.stringify(r.report.services) || r2.report.actions !== r.report.actions) problems.push('the second run counts other actions');

  // Vérifier les saisies names the same rows and characters.
  const key = (a: { onglet: string; ligne: number | null; colonne: string | null; code: string }) => `${a.onglet}|${a.ligne}|${a.colonne}|${a.code}`;
  const watched = (a: { onglet: string; code: string }) => c.tabs.some((t) => t.name === a.onglet) && (a.code.startsWith('ligne-') || a.code === 'caractere-controle');
  // (The service tabs' part of validateWorkbook: the whole check, model included, is tested in tests/consolidation/non-action-rows.test.ts.)
  const src = memoSource(wb.sheetNames(), (n) => wb.grid(n));
  const lookups = readLookups(src);
  const checked = serviceAnomalies(serviceTabsIn(src.sheetNames).map((n) => readServiceTab(n, src.grid(n.tab) ?? [], lookups)), () => '');
  const fromCheck = checked.filter(watched).map(key).sort();
  const fromRun = r.anomalies.filter(watched).map(key).sort();
  if (JSON.stringify(fromCheck) !== JSON.stringify(fromRun)) problems.push(`validation and consolidation disagree: ${fromCheck.length} and ${fromRun.length} anomalies`);
  return problems;
}

const property = fc.property(caseArb, (c) => {
  const problems = problemsOf(c);
  if (problems.length > 0) throw new Error(problems.slice(0, 8).join('\n'));
});

describe('Consolidation of hostile service tabs (fast-check)', () => {
  it(`keeps every typed value or names it, reports every row that is not an action, changes nothing it does not own, and is idempotent (seed ${FIXED_SEED})`, () => {
    fc.assert(property, { seed: FIXED_SEED, numRuns: FIXED_RUNS });
  });

  it('holds on the cases random runs once found wrong (replayed by seed and path)', () => {
    // Seed 963501849, case 148: a row captioned TOTAL whose amount is implausible became an action.
    fc.assert(property, { seed: 963501849, path: '147', numRuns: 1 });
  });

  it(`holds on ${RANDOM_RUNS} random cases`, () => {
    fc.assert(property, { numRuns: RANDOM_RUNS });
  });

  it('generates what it claims: hostile cells, every kind of row, long texts', () => {
    const samples = fc.sample(caseArb, { seed: FIXED_SEED, numRuns: FIXED_RUNS });
    const kinds = new Set(samples.flatMap((s) => s.tabs.flatMap((t) => t.rows.map((r) => r.kind))));
    expect([...kinds].sort()).toEqual(['action', 'entete', 'somme', 'total', 'vide', 'zeros']);
    const cells = samples.flatMap((s) => s.tabs.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells))));
    expect(cells.some((v) => typeof v === 'string' && /[\u0000-\u0008]/.test(v))).toBe(true);
    expect(cells.some((v) => typeof v === 'string' && /_x[0-9A-F]{4}_/.test(v))).toBe(true);
    expect(cells.some((v) => v instanceof Date)).toBe(true);
    expect(cells.some((v) => typeof v === 'string' && v.length > 32_767)).toBe(true);
    expect(cells.some((v) => typeof v === 'string' && /^\d{1,3}( \d{3})+/.test(v))).toBe(true);
  });
});
