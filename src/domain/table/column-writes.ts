/**
 * Turns "values for some columns of some rows" into as few rectangular
 * writes as possible: one per run of adjacent columns, covering the table's
 * data rows. Columns are found by header, so a user who moved a computed
 * column away from the others costs one more write, never a wrong cell.
 */
import type { Cell, Grid } from './cell';
import type { LocatedTable } from './locate';

export interface ColumnBlockWrite {
  readonly row: number;
  readonly col: number;
  readonly values: Grid;
}

/**
 * `rows` maps a 0-based grid row index to the values by column key. Rows of
 * the table not in the map get `null` in those columns (stale values are cleared).
 * `lastRow` (exclusive) lets the caller also clear rows left below the data.
 */
export function columnWrites(
  located: LocatedTable,
  keys: readonly string[],
  rows: ReadonlyMap<number, Readonly<Record<string, Cell>>>,
  lastRow: number = located.dataEnd,
): ColumnBlockWrite[] {
  const cols = keys
    .map((k) => ({ key: k, idx: located.columns.get(k) }))
    .filter((c): c is { key: string; idx: number } => c.idx !== undefined)
    .sort((a, b) => a.idx - b.idx);
  const first = located.dataStart;
  const end = Math.max(lastRow, first);
  if (cols.length === 0 || end === first) return [];
  const runs: Array<Array<{ key: string; idx: number }>> = [];
  for (const c of cols) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].idx === c.idx - 1) run.push(c);
    else runs.push([c]);
  }
  return runs.map((run) => {
    const values: Grid = [];
    for (let r = first; r < end; r++) {
      const v = rows.get(r);
      values.push(run.map((c) => (v ? (v[c.key] ?? null) : null)));
    }
    return { row: first, col: run[0].idx, values };
  });
}
