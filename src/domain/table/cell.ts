/**
 * A cell as both adapters hand it over: what `Range.getValues()` returns in
 * Apps Script, and what the exceljs reader normalises to (formula → cached
 * result, rich text → plain text, error → its code as text).
 */
export type Cell = string | number | boolean | Date | null;
/** Row-major, 0-based; row 0 is the sheet's row 1. */
export type Grid = Cell[][];

/** Spreadsheet error values that can reach us as text. */
const ERROR_VALUES = new Set([
  '#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!', '#GETTING_DATA',
]);

export function isErrorValue(v: Cell): boolean {
  return typeof v === 'string' && ERROR_VALUES.has(v.trim().toUpperCase());
}

export function isBlank(v: Cell | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((c) => isBlank(c));
}

/** Text of a cell for messages and text columns; dates in French format. */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return '';
    const d = String(v.getUTCDate()).padStart(2, '0');
    const m = String(v.getUTCMonth() + 1).padStart(2, '0');
    return `${d}/${m}/${v.getUTCFullYear()}`;
  }
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  return String(v).trim();
}

/** A copy of a grid padded to a rectangle (Apps Script's setValues requires one). */
export function rectangular(grid: Grid, width?: number): Grid {
  const w = width ?? grid.reduce((m, r) => Math.max(m, r.length), 0);
  return grid.map((r) => {
    const out = r.slice(0, w);
    while (out.length < w) out.push(null);
    return out;
  });
}

/** Pastes a block into a grid in place, growing it as needed (what a rectangular write does to a sheet). */
export function pasteBlock(grid: Grid, row: number, col: number, values: Grid): void {
  values.forEach((line, i) => {
    while (grid.length <= row + i) grid.push([]);
    const target = grid[row + i];
    line.forEach((v, j) => {
      while (target.length <= col + j) target.push(null);
      target[col + j] = v;
    });
  });
}
