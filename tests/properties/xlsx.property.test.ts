/**
 * Issue 13, item 7, through `.xlsx` files: a workbook with hostile service
 * tabs is written, then consolidated as `cap-circulaire consolidate --in-place`
 * does it (readXlsxFile → consolidate → writeXlsxFile onto the same file),
 * and read back. Properties:
 *
 * - every cell outside what the engine owns (service tabs but their new Réf.s,
 *   the user's own tab, Plans' input columns) reads back exactly as before;
 * - every value of a service tab, as the file holds it, reaches `Actions` in
 *   the file unchanged (or as its documented reading), or is named in the
 *   report.
 *
 * (That a file holds exactly the text that was typed, control characters and
 * `_x0041_` included, is the xlsx reader's and writer's own test.)
 *
 * Fewer cases than the in-memory property (each writes and reads two files),
 * a fixed seed plus random ones.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { consolidate, type ConsolidateResult } from '../../src/app/consolidate';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { TAB } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';
import { readXlsxFile, writeXlsxFile } from '../../src/node/xlsx-files';
import { actionsView, installed, ports, setPlans } from '../consolidation/support';
import { gridDiff, judgeTab } from './oracle';
import { FIXED_SEED, HEADERS, REF, serviceRows, tabGrid, userTab, type GenRow } from './service-tabs';

const RUNS = Number(process.env.CAP_XLSX_PROPERTY_RUNS ?? 5);
const TABS = ['Service – Déchets', 'Service – Achats'];
const USER_TAB = 'Mes notes';
/** The tabs consolidation reads or writes, and a user's tab (the rest of an installed workbook is covered by the in-memory property). */
const KEPT = [TAB.parametres, TAB.plans, TAB.actions, TAB.afom, TAB.journal];

const dir = mkdtempSync(join(tmpdir(), 'cap-properties-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  readonly tabs: ReadonlyArray<{ readonly name: string; readonly rows: GenRow[] }>;
  readonly notes: Grid;
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(fc.array(serviceRows, { minLength: 1, maxLength: TABS.length }), userTab)
  .map(([tabs, notes]) => ({ tabs: tabs.map((rows, i) => ({ name: TABS[i], rows })), notes }));

function done(r: ConsolidateResult): Extract<ConsolidateResult, { status: 'done' }> {
  if (r.status !== 'done') throw new Error(`consolidation ${r.status}: ${r.message}`);
  return r;
}

function workbookOf(c: Case): MemoryWorkbook {
  const full = installed();
  setPlans(full, [
    { Type: 'PLPDMA', Intitulé: 'Programme local de prévention' },
    { Type: 'PCAET', Intitulé: 'Plan climat' },
  ]);
  const wb = new MemoryWorkbook(KEPT.map((n) => [n, full.grid(n)] as [string, Grid]));
  for (const t of c.tabs) {
    wb.createSheet(t.name, wb.sheetNames().length);
    wb.setGrid(t.name, tabGrid(t.rows));
  }
  wb.createSheet(USER_TAB, wb.sheetNames().length);
  wb.setGrid(USER_TAB, c.notes.map((r) => r.slice()));
  return wb;
}

let n = 0;

async function problemsOf(c: Case): Promise<string[]> {
  const file = join(dir, `classeur-${++n}.xlsx`);
  const typed = workbookOf(c);
  await writeXlsxFile(typed, file);
  const input = await readXlsxFile(file);
  const before = new Map(input.workbook.sheetNames().map((s) => [s, input.workbook.grid(s).map((r) => r.slice())]));
  const r = done(consolidate(ports(input.workbook)));
  await writeXlsxFile(input.workbook, file, input.source);
  const output = await readXlsxFile(file);
  const engine: string[] = [];

  // Outside what the engine owns, the file reads back as it was.
  const refCol = HEADERS.indexOf(REF);
  for (const t of c.tabs) {
    engine.push(...gridDiff(t.name, before.get(t.name)!, output.workbook.grid(t.name), (row, col) => col === refCol && row > 0 && t.rows[row - 1]?.kind === 'action'));
  }
  engine.push(...gridDiff(USER_TAB, before.get(USER_TAB)!, output.workbook.grid(USER_TAB)));

  // Values reach Actions in the file: those the engine read from the file.
  const actions = actionsView(output.workbook).rows;
  for (const t of c.tabs) {
    const asRead = before.get(t.name)!;
    const rows = t.rows.map((row, i) => ({ kind: row.kind, cells: Object.fromEntries(HEADERS.map((h, col) => [h, asRead[i + 1]?.[col] ?? null])) }));
    engine.push(...judgeTab(t.name, rows, actions, r.anomalies));
  }
  return engine;
}

const failIf = (problems: readonly string[]) => {
  if (problems.length > 0) throw new Error(problems.slice(0, 8).join('\n'));
};
const engineProperty = fc.asyncProperty(caseArb, async (c) => failIf(await problemsOf(c)));

describe('Consolidation of hostile service tabs, through .xlsx files (fast-check)', () => {
  it(`keeps the file's cells outside what the engine owns, and every value read (seed ${FIXED_SEED})`, async () => {
    await fc.assert(engineProperty, { seed: FIXED_SEED, numRuns: RUNS });
  });

  it(`holds on ${RUNS} random cases`, async () => {
    await fc.assert(engineProperty, { numRuns: RUNS });
  });
});
