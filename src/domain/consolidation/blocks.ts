/**
 * Turning cell changes into as few rectangular writes as possible, without
 * ever covering a column the engine does not own (a user's column inserted
 * between ours keeps its content), and without writing what did not change.
 */
import type { BlockWrite } from '../install/plan';
import type { Cell, Grid } from '../table/cell';

/** Same content as a spreadsheet would show: blank equals blank, dates by instant. */
export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA && blankB;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** Row → column → new value (0-based). */
export type CellChanges = Map<number, Map<number, Cell>>;

export function setChange(changes: CellChanges, row: number, col: number, value: Cell): void {
  let line = changes.get(row);
  if (!line) changes.set(row, (line = new Map()));
  line.set(col, value);
}

function runs(sorted: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[last.length - 1] + 1) last.push(n);
    else out.push([n]);
  }
  return out;
}

export interface BlockOptions {
  /** Columns the engine owns in this table (0-based); a block never spans another column. */
  readonly ownedCols: readonly number[];
  /** One block per run of consecutive changed rows (instead of one from the first to the last changed row). */
  readonly splitRows?: boolean;
}

/**
 * The writes that apply `changes` to `grid`: per run of adjacent owned
 * columns, one block over the changed rows (unchanged cells inside the block
 * keep their current value). Changes equal to the current value are dropped.
 */
export function blockWrites(sheet: string, grid: Grid, changes: CellChanges, opts: BlockOptions): BlockWrite[] {
  const real: CellChanges = new Map();
  for (const [r, line] of changes) {
    for (const [c, v] of line) if (!sameCell(grid[r]?.[c] ?? null, v)) setChange(real, r, c, v);
  }
  if (real.size === 0) return [];
  const owned = new Set(opts.ownedCols);
  for (const line of real.values()) {
    for (const c of line.keys()) if (!owned.has(c)) throw new Error(`blockWrites: column ${c} of ${sheet} is not owned`);
  }
  const writes: BlockWrite[] = [];
  for (const cols of runs([...new Set(opts.ownedCols)].sort((a, b) => a - b))) {
    const colSet = new Set(cols);
    const rows: number[] = [];
    let first = Infinity;
    let last = -Infinity;
    for (const [r, line] of real) {
      let hit = false;
      for (const c of line.keys()) {
        if (!colSet.has(c)) continue;
        hit = true;
        if (c < first) first = c;
        if (c > last) last = c;
      }
      if (hit) rows.push(r);
    }
    if (rows.length === 0) continue;
    rows.sort((a, b) => a - b);
    const rowGroups = opts.splitRows ? runs(rows) : [rows];
    for (const group of rowGroups) {
      const top = group[0];
      const bottom = group[group.length - 1];
      const values: Grid = [];
      for (let r = top; r <= bottom; r++) {
        const line: Cell[] = [];
        for (let c = first; c <= last; c++) {
          const change = real.get(r);
          line.push(change && change.has(c) ? change.get(c)! : (grid[r]?.[c] ?? null));
        }
        values.push(line);
      }
      writes.push({ sheet, row: top, col: first, values });
    }
  }
  return writes;
}
