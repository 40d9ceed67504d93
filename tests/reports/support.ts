/**
 * Inputs of the report tests: the sample territory (installed, loaded,
 * consolidated, with the project lead's annotations of `Actions`, as the
 * demo builds it) and an almost empty workbook, read the way the use case
 * reads them (`readReportInput`).
 */
import { readReportInput } from '../../src/app/generate-report';
import { consolidate } from '../../src/app/consolidate';
import { installWorkbook } from '../../src/app/install';
import { loadSample, type LeadAnnotation } from '../../src/app/load-sample';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { ReportInput } from '../../src/domain/reports/input';
import { LEAD_COLUMNS, TAB, tableSection } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';
import { locateTable, tableRows } from '../../src/domain/table/locate';
import { readSampleFolder } from '../../src/node/sample';

export const SAMPLE_DIR = 'sheets-templates/val-de-loue';
/** A fixed instant: 28 November 2026, 16:20 local time. */
export const NOW = new Date(2026, 10, 28, 16, 20);
export const clock = { now: () => NOW };

export function installed(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  return wb;
}

/** Writes the lead's annotations into the consolidated `Actions`, by Réf. */
export function applyLeadAnnotations(wb: MemoryWorkbook, annotations: readonly LeadAnnotation[]): void {
  const grid: Grid = wb.grid(TAB.actions).map((r) => r.slice());
  const spec = tableSection(TAB.actions, 'actions');
  const located = locateTable(grid, spec);
  if (!located) return;
  const refCol = located.columns.get('ref')!;
  for (const a of annotations) {
    const row = tableRows(grid, located).find((r) => String(r.cells.ref ?? '') === a.ref);
    if (!row) continue;
    for (const [header, v] of Object.entries(a.values)) {
      const c = LEAD_COLUMNS.find((x) => x.header === header);
      const idx = c ? located.columns.get(c.key) : undefined;
      if (idx === undefined) continue;
      while (grid[row.index].length <= idx) grid[row.index].push(null);
      grid[row.index][idx] = v;
    }
    void refCol;
  }
  wb.setGrid(TAB.actions, grid);
}

let cached: MemoryWorkbook | null = null;

/** The sample territory's workbook, built once per test file (tests must not modify it: copy with `copyOf`). */
export async function sampleWorkbook(): Promise<MemoryWorkbook> {
  if (cached) return copyOf(cached);
  const wb = installed();
  const loaded = loadSample(await readSampleFolder(SAMPLE_DIR), wb);
  installWorkbook({ workbook: wb, formatter: wb });
  consolidate({ workbook: wb, lock: { tryLock: () => true, release: () => undefined }, clock, user: { email: () => 'cheffe.projet@val-de-loue.fr' } });
  applyLeadAnnotations(wb, loaded.leadAnnotations);
  cached = wb;
  return copyOf(wb);
}

export function copyOf(wb: MemoryWorkbook): MemoryWorkbook {
  return new MemoryWorkbook(wb.sheetNames().map((n) => [n, wb.grid(n)] as [string, Grid]));
}

export async function sampleInput(now: Date = NOW): Promise<ReportInput> {
  return readReportInput(await sampleWorkbook(), now).input;
}

/** An installed workbook with only the collectivité's name: no AFOM, no actions, no plan, no instance. */
export function almostEmptyWorkbook(): MemoryWorkbook {
  const wb = installed();
  const g = wb.grid(TAB.accueil).map((r) => r.slice());
  const r = g.findIndex((row) => row[0] === 'Nom de la collectivité');
  if (r >= 0) g[r][1] = 'Commune de Saint-Exemple';
  wb.setGrid(TAB.accueil, g);
  return wb;
}

export function almostEmptyInput(now: Date = NOW): ReportInput {
  return readReportInput(almostEmptyWorkbook(), now).input;
}

/** Every string (and number) leaf of a value, with its path. */
export function leaves(v: unknown, path = '$', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) leaves(x, `${path}.${k}`, out);
  else out.push([path, v]);
  return out;
}

/** Leaves that betray a bug: undefined, NaN, Infinity, `[object Object]`, `undefined`/`NaN`/`null` printed in a text. */
export function badLeaves(v: unknown): Array<[string, unknown]> {
  return leaves(v).filter(
    ([, x]) =>
      x === undefined ||
      (typeof x === 'number' && !Number.isFinite(x)) ||
      (typeof x === 'string' && /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b|Infinity/.test(x)),
  );
}

/** What the use case reads from a workbook (model, scores, dashboard). */
export function readReportInputOf(wb: MemoryWorkbook, now: Date = NOW): ReportInput {
  return readReportInput(wb, now).input;
}
