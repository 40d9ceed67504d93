/** Builders for the steering tests: an installed workbook, rows typed by header, the model. */
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { memoSource, readWorkbookModel } from '../../src/domain/model/read';
import type { ModelRead, WorkbookModel } from '../../src/domain/model/types';
import { tableSection } from '../../src/domain/schema/tabs';
import type { Cell, Grid } from '../../src/domain/table/cell';
import { locateTable, tableRows } from '../../src/domain/table/locate';

export function installed(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  wb.resetCalls();
  return wb;
}

/** Appends rows (values by exact header) below the section's existing rows. */
export function addRows(wb: MemoryWorkbook, tab: string, section: string, rows: ReadonlyArray<Record<string, Cell>>): void {
  const grid: Grid = wb.grid(tab).map((r) => r.slice());
  const spec = tableSection(tab, section);
  const located = locateTable(grid, spec)!;
  const existing = tableRows(grid, located);
  let r = existing.length ? existing[existing.length - 1].index + 1 : located.dataStart;
  for (const values of rows) {
    while (grid.length <= r) grid.push([]);
    for (const [header, v] of Object.entries(values)) {
      const col = spec.columns.find((c) => c.header === header);
      if (!col) throw new Error(`Unknown header ${tab} › ${header}`);
      const idx = located.columns.get(col.key)!;
      while (grid[r].length <= idx) grid[r].push(null);
      grid[r][idx] = v;
    }
    r++;
  }
  wb.setGrid(tab, grid);
}

/** Completes prefilled rows of a section: the row whose `matchHeader` cell equals `match`. */
export function setRow(wb: MemoryWorkbook, tab: string, section: string, matchHeader: string, match: string, values: Record<string, Cell>): void {
  const grid: Grid = wb.grid(tab).map((r) => r.slice());
  const spec = tableSection(tab, section);
  const located = locateTable(grid, spec)!;
  const key = spec.columns.find((c) => c.header === matchHeader)!.key;
  const row = tableRows(grid, located).find((r) => String(r.cells[key] ?? '') === match);
  if (!row) throw new Error(`No row ${match} in ${tab} › ${section}`);
  for (const [header, v] of Object.entries(values)) {
    const idx = located.columns.get(spec.columns.find((c) => c.header === header)!.key)!;
    grid[row.index][idx] = v;
  }
  wb.setGrid(tab, grid);
}

export function readModel(wb: MemoryWorkbook): ModelRead {
  return readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.read(n)));
}

let cachedEmpty: WorkbookModel | null = null;
/** The model of an installed empty workbook, to spread overrides onto. */
export function emptyModel(): WorkbookModel {
  cachedEmpty ??= readModel(installed()).model;
  return cachedEmpty;
}

export function model(overrides: Partial<WorkbookModel>): WorkbookModel {
  return { ...emptyModel(), ...overrides };
}

/** A UTC calendar day. */
export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** An instant of the local calendar day (the injected clock). */
export const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);

/** Values of a section's rows by header, as the user sees them. */
export function rowsByHeader(wb: MemoryWorkbook, tab: string, section: string): Array<Record<string, Cell>> {
  const grid = wb.grid(tab);
  const spec = tableSection(tab, section);
  const located = locateTable(grid, spec)!;
  return tableRows(grid, located).map((r) => {
    const o: Record<string, Cell> = {};
    for (const c of spec.columns) if (located.columns.has(c.key)) o[c.header] = r.cells[c.key] ?? null;
    return o;
  });
}
