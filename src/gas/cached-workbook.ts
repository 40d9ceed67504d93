/**
 * A WorkbookPort decorator that remembers what it read and applies its own
 * writes to that memory. One command (install, then its Journal row) thus
 * reads each tab once, as the cost contract requires, even when two steps
 * need the same tab. Valid for one command under the document lock only.
 */
import type { WorkbookPort } from '../app/ports';
import { pasteBlock, type Grid } from '../domain/table/cell';

export class CachedWorkbook implements WorkbookPort {
  private names: string[] | null = null;
  private readonly grids = new Map<string, Grid>();

  constructor(private readonly inner: WorkbookPort) {}

  sheetNames(): string[] {
    this.names ??= this.inner.sheetNames();
    return [...this.names];
  }

  read(sheet: string): Grid {
    let g = this.grids.get(sheet);
    if (!g) {
      g = this.inner.read(sheet);
      this.grids.set(sheet, g);
    }
    return g.map((r) => r.slice());
  }

  write(sheet: string, row: number, col: number, values: Grid): void {
    this.inner.write(sheet, row, col, values);
    const g = this.grids.get(sheet);
    if (g) pasteBlock(g, row, col, values);
  }

  createSheet(name: string, index: number): void {
    const names = this.sheetNames();
    this.inner.createSheet(name, index);
    names.splice(Math.min(index, names.length), 0, name);
    this.names = names;
    this.grids.set(name, []);
  }
}
