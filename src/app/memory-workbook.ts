/**
 * An in-memory workbook implementing the ports: used by tests of use cases and
 * as the working copy of the offline engine between reading and writing a file.
 * It records calls so tests can assert the cost contract.
 */
import { pasteBlock, type Grid } from '../domain/table/cell';
import type { SheetFormat } from '../domain/install/format';
import type { FormatterPort, WorkbookPort } from './ports';
import type { DashboardLayout } from '../domain/dashboard/layout';

export interface RecordedCall {
  readonly op: 'read' | 'write' | 'createSheet' | 'applyFormat';
  readonly sheet: string;
  readonly rows?: number;
  readonly cols?: number;
}

export class MemoryWorkbook implements WorkbookPort, FormatterPort {
  private readonly order: string[] = [];
  private readonly grids = new Map<string, Grid>();
  readonly formats = new Map<string, SheetFormat>();
  /** Dashboard layouts (styles, merges, data bars) the .xlsx writer applies after the formats. */
  readonly layouts = new Map<string, DashboardLayout>();
  readonly calls: RecordedCall[] = [];

  constructor(initial?: Iterable<[string, Grid]>) {
    if (initial) for (const [name, grid] of initial) {
      this.order.push(name);
      this.grids.set(name, grid.map((r) => r.slice()));
    }
  }

  sheetNames(): string[] {
    return [...this.order];
  }

  read(sheet: string): Grid {
    this.calls.push({ op: 'read', sheet });
    const g = this.grids.get(sheet);
    if (!g) throw new Error(`No such sheet: ${sheet}`);
    return trim(g).map((r) => r.slice());
  }

  write(sheet: string, row: number, col: number, values: Grid): void {
    this.calls.push({ op: 'write', sheet, rows: values.length, cols: values[0]?.length ?? 0 });
    const g = this.grids.get(sheet);
    if (!g) throw new Error(`No such sheet: ${sheet}`);
    pasteBlock(g, row, col, values);
  }

  createSheet(name: string, index: number): void {
    this.calls.push({ op: 'createSheet', sheet: name });
    if (this.grids.has(name)) throw new Error(`Sheet exists: ${name}`);
    this.order.splice(Math.min(index, this.order.length), 0, name);
    this.grids.set(name, []);
  }

  applyFormat(sheet: string, format: SheetFormat): void {
    this.calls.push({ op: 'applyFormat', sheet });
    this.formats.set(sheet, format);
  }

  /** DashboardRendererPort: the offline engine draws the layout when it writes the file. */
  render(sheet: string, layout: DashboardLayout): void {
    this.layouts.set(sheet, layout);
  }

  /** Direct access for tests and adapters (no call recorded). */
  grid(sheet: string): Grid {
    return this.grids.get(sheet) ?? [];
  }

  /** Replaces a whole tab (used by loaders; no call recorded). */
  setGrid(sheet: string, grid: Grid): void {
    if (!this.grids.has(sheet)) this.order.push(sheet);
    this.grids.set(sheet, grid.map((r) => r.slice()));
  }

  deleteSheet(sheet: string): void {
    this.grids.delete(sheet);
    const i = this.order.indexOf(sheet);
    if (i >= 0) this.order.splice(i, 1);
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  count(op: RecordedCall['op'], sheet?: string): number {
    return this.calls.filter((c) => c.op === op && (sheet === undefined || c.sheet === sheet)).length;
  }
}

/** Drops trailing empty rows and columns, as a data range would. */
function trim(g: Grid): Grid {
  let rows = g.length;
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  while (rows > 0 && g[rows - 1].every(blank)) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    let c = g[r].length;
    while (c > 0 && blank(g[r][c - 1])) c--;
    cols = Math.max(cols, c);
  }
  return g.slice(0, rows).map((r) => {
    const line = r.slice(0, cols);
    while (line.length < cols) line.push(null);
    return line;
  });
}
