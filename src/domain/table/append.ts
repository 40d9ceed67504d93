/**
 * Appending one row to a located table in one rectangular write: after the
 * last row where any of the table's own columns holds something (tables laid
 * side by side share rows, and a longer neighbour must not count), spanning
 * the table's columns. A cell of someone else's column caught between ours
 * keeps its value, so the write never erases what it does not own.
 */
import type { Cell, Grid } from '../table/cell';
import { isBlank } from '../table/cell';
import type { LocatedTable } from '../table/locate';

export interface RowAppend {
  /** 0-based row and first column of the block. */
  readonly row: number;
  readonly col: number;
  readonly values: Cell[];
}

export function appendRowBlock(grid: Grid, located: LocatedTable, values: Readonly<Record<string, Cell>>): RowAppend {
  const cols = [...located.columns.values()];
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  let last = located.headerRow;
  for (let r = located.dataStart; r < grid.length; r++) {
    if (cols.some((c) => !isBlank(grid[r]?.[c]))) last = r;
  }
  const row = last + 1;
  const existing = grid[row] ?? [];
  const line: Cell[] = [];
  for (let c = min; c <= max; c++) line.push(existing[c] ?? null);
  for (const [key, idx] of located.columns) if (key in values) line[idx - min] = values[key];
  return { row, col: min, values: line };
}
