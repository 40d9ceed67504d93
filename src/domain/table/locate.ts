/**
 * Finds a section's header row and columns in a grid, by header name. Users
 * reorder, insert, rename the case of, or move down headers; the engine must
 * still find its own columns and say clearly which ones are missing.
 */
import type { ColumnSpec, TableSectionSpec } from '../schema/types';
import { cellText, isBlank, isBlankRow, type Cell, type Grid } from './cell';
import { normalizeKey } from './normalize';

/** Header rows are searched within the first rows only, so data is never mistaken for a header. */
export const HEADER_SEARCH_ROWS = 30;

export interface LocatedTable {
  readonly section: TableSectionSpec;
  /** 0-based index of the header row in the grid. */
  readonly headerRow: number;
  /** Column key → 0-based column index. */
  readonly columns: ReadonlyMap<string, number>;
  readonly missing: readonly ColumnSpec[];
  /** Columns under the header that the schema does not know (kept, never touched). */
  readonly extra: ReadonlyArray<{ readonly header: string; readonly index: number }>;
  /** Header cells found twice: only the first is used. */
  readonly duplicates: ReadonlyArray<{ readonly header: string; readonly index: number }>;
  /** 0-based first data row and exclusive end. */
  readonly dataStart: number;
  readonly dataEnd: number;
}

function headerIndex(section: TableSectionSpec): Map<string, ColumnSpec> {
  const m = new Map<string, ColumnSpec>();
  for (const c of section.columns) m.set(normalizeKey(c.header), c);
  return m;
}

/** A header cell merged or wrapped over two lines still names its column. */
function headerKey(v: Cell): string {
  return normalizeKey(cellText(v).replace(/\s*\n\s*/g, ' '));
}

/**
 * Locates the section: the header row is the first row (within the search
 * window, from `fromRow`) holding the most of the section's headers, at
 * least half of them or its first column. Returns null when absent.
 */
export function locateTable(grid: Grid, section: TableSectionSpec, fromRow = 0): LocatedTable | null {
  const byKey = headerIndex(section);
  const firstKey = normalizeKey(section.columns[0].header);
  let best: { row: number; hits: number } | null = null;
  const last = Math.min(grid.length, fromRow + HEADER_SEARCH_ROWS);
  for (let r = fromRow; r < last; r++) {
    const row = grid[r] ?? [];
    let hits = 0;
    let hasFirst = false;
    const seen = new Set<string>();
    for (const v of row) {
      const k = headerKey(v);
      if (byKey.has(k) && !seen.has(k)) {
        hits++;
        seen.add(k);
        if (k === firstKey) hasFirst = true;
      }
    }
    const enough = hits >= Math.max(1, Math.ceil(section.columns.length / 2)) || (hasFirst && hits >= Math.min(2, section.columns.length));
    if (enough && (!best || hits > best.hits)) best = { row: r, hits };
  }
  if (!best) return null;
  return describe(grid, section, best.row);
}

/** Describes the table whose header is at `headerRow` (for a side-by-side layout, all sections share it). */
export function describe(grid: Grid, section: TableSectionSpec, headerRow: number): LocatedTable {
  const byKey = headerIndex(section);
  const columns = new Map<string, number>();
  const extra: { header: string; index: number }[] = [];
  const duplicates: { header: string; index: number }[] = [];
  const row = grid[headerRow] ?? [];
  row.forEach((v, i) => {
    if (isBlank(v)) return;
    const spec = byKey.get(headerKey(v));
    if (!spec) {
      extra.push({ header: cellText(v), index: i });
    } else if (columns.has(spec.key)) {
      duplicates.push({ header: cellText(v), index: i });
    } else {
      columns.set(spec.key, i);
    }
  });
  const missing = section.columns.filter((c) => !columns.has(c.key));
  const dataStart = headerRow + 1;
  let dataEnd = grid.length;
  if (section.extent === 'toBlank') {
    const own = [...columns.values()];
    dataEnd = dataStart;
    while (dataEnd < grid.length && !own.every((i) => isBlank(grid[dataEnd]?.[i]))) dataEnd++;
  } else {
    while (dataEnd > dataStart && isBlankRow(grid[dataEnd - 1])) dataEnd--;
  }
  return { section, headerRow, columns, missing, extra, duplicates, dataStart, dataEnd };
}

/** One data row read by column key. */
export interface TableRow {
  /** 0-based index in the grid. */
  readonly index: number;
  /** 1-based row number as the user sees it. */
  readonly rowNumber: number;
  readonly cells: Readonly<Record<string, Cell>>;
}

/** Data rows of a located table, skipping rows whose own columns are all blank. */
export function tableRows(grid: Grid, t: LocatedTable): TableRow[] {
  const out: TableRow[] = [];
  const own = [...t.columns.entries()];
  for (let r = t.dataStart; r < t.dataEnd; r++) {
    const row = grid[r] ?? [];
    const cells: Record<string, Cell> = {};
    let blank = true;
    for (const [key, i] of own) {
      const v = row[i] ?? null;
      cells[key] = v;
      if (!isBlank(v)) blank = false;
    }
    if (!blank) out.push({ index: r, rowNumber: r + 1, cells });
  }
  return out;
}

/** Column letter(s) for messages: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
