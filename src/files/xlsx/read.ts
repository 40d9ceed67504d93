/**
 * Reads an `.xlsx` into a MemoryWorkbook, with cells normalised to what
 * Apps Script's `getValues()` hands over, so the use cases see the same grid
 * on both platforms: a formula gives its cached result, rich text and
 * hyperlinks their text, an error value its code (`#REF!`), a merged range
 * its value in the master cell only.
 *
 * The exceljs workbook is kept beside the grids (`XlsxSource`): the writer
 * updates it rather than recreating the file, so the user's formats, extra
 * tabs and columns survive a rewrite.
 */
import ExcelJS from 'exceljs';
import { MemoryWorkbook } from '../../app/memory-workbook';
import type { Cell, Grid } from '../../domain/table/cell';
import { LISTS_SHEET, LISTS_SHEET_FALLBACK } from './constants';

/** exceljs' ValueType values (its typings declare a non-const enum we do not import at runtime). */
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

/** The file a MemoryWorkbook was read from: the exceljs document and the grids as read. */
export interface XlsxSource {
  readonly excel: ExcelJS.Workbook;
  /** Grid of each tab as read (updated after each write), to write back only what changed. */
  readonly snapshot: Map<string, Grid>;
}

export interface LoadedWorkbook {
  readonly workbook: MemoryWorkbook;
  readonly source: XlsxSource;
}

export async function readXlsxBuffer(data: ArrayBuffer | Uint8Array): Promise<LoadedWorkbook> {
  const excel = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer type; a Node Buffer is what it reads.
  await excel.xlsx.load(Buffer.from(data as Uint8Array) as unknown as ExcelJS.Buffer);
  return fromExcel(excel);
}

/** Builds the MemoryWorkbook of an exceljs document (our hidden lists tab left out). */
export function fromExcel(excel: ExcelJS.Workbook): LoadedWorkbook {
  const entries: Array<[string, Grid]> = [];
  const snapshot = new Map<string, Grid>();
  for (const ws of excel.worksheets) {
    if (isListsSheet(ws)) continue;
    const grid = gridOf(ws);
    entries.push([ws.name, grid]);
    // The MemoryWorkbook copies the grids it is given: the snapshot keeps these.
    snapshot.set(ws.name, grid);
  }
  return { workbook: new MemoryWorkbook(entries), source: { excel, snapshot } };
}

/** Our hidden lists tab (rebuilt at each write), not user data. */
export function isListsSheet(ws: ExcelJS.Worksheet): boolean {
  return (ws.name === LISTS_SHEET || ws.name === LISTS_SHEET_FALLBACK) && ws.state !== 'visible';
}

/** The used range of a worksheet from A1, trailing empty rows and cells dropped. */
export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValue(cell);
      if (v === null) return;
      while (line.length < colNumber - 1) line.push(null);
      line[colNumber - 1] = v;
    });
    if (line.length === 0) return;
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = line;
  });
  return grid;
}

/** One cell, normalised (see the file comment). */
export function cellValue(cell: ExcelJS.Cell): Cell {
  switch (cell.type as number) {
    case T.Null:
    case T.Merge:
      // A merged range's value lives in its master cell only, as in Google Sheets.
      return null;
    case T.Formula:
      return plain(cell.result as unknown);
    default:
      return plain(cell.value as unknown);
  }
}

/** A raw exceljs value (or formula result) → Cell. */
function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return richText(o.richText);
    if ('hyperlink' in o || 'text' in o) return plain(o.text);
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
    if ('result' in o) return plain(o.result);
  }
  return String(v);
}

function richText(parts: unknown[]): string {
  return parts.map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join('');
}
