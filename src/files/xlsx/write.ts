/**
 * Writes a MemoryWorkbook and its SheetFormats to `.xlsx`.
 *
 * - Read from a file (`source`): the package is patched (patch.ts): only the
 *   cells and formats the engine changed are written, every other part of
 *   the user's file is copied byte for byte.
 * - Built in memory (template, demo): exceljs creates the workbook, with the
 *   formats applied through its model (format.ts, dashboard-bars.ts). Values
 *   are values: a string starting with `=` is written as text, never as a
 *   formula. exceljs builds the archive stored, fflate compresses it
 *   (zip.ts), and blank cells share their style while the file is written
 *   (shareBlankStyles).
 */
import ExcelJS from 'exceljs';
import { applyDashboardLayouts } from './dashboard-bars';
import type { MemoryWorkbook } from '../../app/memory-workbook';
import type { Cell, Grid } from '../../domain/table/cell';
import { LISTS_SHEET, LISTS_SHEET_FALLBACK } from './constants';
import { applySheetFormat, ListsSheetBuilder } from './format';
import { patchXlsx } from './patch';
import type { XlsxSource } from './read';
import { compactValidations } from './validations';
import { deflateStoredZip } from './zip';

/** The exceljs document of a workbook built in memory (no source file). */
export function toExcel(workbook: MemoryWorkbook): ExcelJS.Workbook {
  const excel = newExcel();
  const names = workbook.sheetNames();
  const listsName = names.includes(LISTS_SHEET) ? LISTS_SHEET_FALLBACK : LISTS_SHEET;
  for (const name of names) writeValues(excel.addWorksheet(name), workbook.grid(name), []);

  const lists = new ListsSheetBuilder(listsName);
  for (const name of names) {
    const format = workbook.formats.get(name);
    if (format) applySheetFormat(excel.getWorksheet(name)!, format, lists);
  }
  applyDashboardLayouts(excel, workbook.layouts);
  if (lists.columns.length > 0) {
    const ws = excel.addWorksheet(listsName, { state: 'hidden' });
    lists.columns.forEach((values, c) => values.forEach((v, r) => (ws.getCell(r + 1, c + 1).value = v)));
  }
  for (const ws of excel.worksheets) compactValidations(ws);
  excel.views = [{ x: 0, y: 0, width: 20000, height: 12000, visibility: 'visible', firstSheet: 0, activeTab: 0 }];
  return excel;
}

function newExcel(): ExcelJS.Workbook {
  const excel = new ExcelJS.Workbook();
  excel.creator = 'Cap Circulaire';
  return excel;
}

function same(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** Writes the cells whose value differs from what the file held. */
function writeValues(ws: ExcelJS.Worksheet, grid: Grid, before: Grid): void {
  const rows = Math.max(grid.length, before.length);
  for (let r = 0; r < rows; r++) {
    const now = grid[r] ?? [];
    const old = before[r] ?? [];
    const cols = Math.max(now.length, old.length);
    // The row is fetched (or created) once, at its first changed cell.
    let row: ExcelJS.Row | null = null;
    for (let c = 0; c < cols; c++) {
      const v = now[c] ?? null;
      if (same(v, old[c] ?? null)) continue;
      row ??= ws.getRow(r + 1);
      row.getCell(c + 1).value = toExcelValue(v);
    }
  }
}

/** A Cell as exceljs stores it: plain values only, so `=…` text stays text. */
function toExcelValue(v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/**
 * The `.xlsx` bytes of `workbook`: the source file patched when there is one
 * (its `writingIssues` then say which cells were left alone), else a new
 * workbook.
 */
export async function writeXlsxBuffer(workbook: MemoryWorkbook, source?: XlsxSource): Promise<Uint8Array> {
  if (source) return patchXlsx(workbook, source);
  const excel = toExcel(workbook);
  const restore = shareBlankStyles(excel);
  let stored: Uint8Array;
  try {
    // Stored by exceljs, compressed by fflate (deflateStoredZip: same archive, much quicker).
    const data = (await excel.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as unknown as Uint8Array | ArrayBuffer;
    stored = data instanceof Uint8Array ? data : new Uint8Array(data);
  } finally {
    restore();
  }
  return deflateStoredZip(stored);
}

/** exceljs' ValueType values used below (its typings declare a non-const enum we do not import at runtime). */
const NULL_TYPE = 0;
const NUMBER_TYPE = 2;
const DATE_TYPE = 4;
const FORMULA_TYPE = 6;

/**
 * While the file is written, gives every cell without any style one shared
 * empty style object per kind of value; returns what puts fresh objects back.
 *
 * exceljs gives each new cell its own empty style object, and when writing
 * it looks a cell's style up by object (a WeakMap), else renders the style to
 * XML to find its index: once per cell, the largest cost of writing the
 * rebuilt `Actions`. The index of an empty style depends only on the kind of
 * value (numbers and empty cells get the General format, dates a date
 * format, others none), so one object per kind gives the same file. Formula
 * cells keep their own object. Fresh objects are put back afterwards: a
 * style set later through a cell (`cell.font = …`) must not reach others.
 */
function shareBlankStyles(excel: ExcelJS.Workbook): () => void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const changed: ExcelJS.Cell[] = [];
  for (const ws of excel.worksheets) {
    // The existing rows and cells only (exceljs' eachRow and eachCell with includeEmpty create the missing ones).
    for (const row of (ws as unknown as { _rows: Array<ExcelJS.Row | undefined> })._rows) {
      if (!row) continue;
      for (const cell of (row as unknown as { _cells: Array<ExcelJS.Cell | undefined> })._cells) {
        if (!cell || !isBlankStyle(cell.style)) continue;
        const type = cell.type as number;
        if (type === FORMULA_TYPE) continue;
        const kind = type === NULL_TYPE || type === NUMBER_TYPE ? 'number' : type === DATE_TYPE ? 'date' : 'other';
        let style = shared.get(kind);
        if (!style) shared.set(kind, (style = {}));
        cell.style = style;
        changed.push(cell);
      }
    }
  }
  return () => {
    for (const cell of changed) cell.style = {};
  };
}

function isBlankStyle(style: Partial<ExcelJS.Style> | undefined): boolean {
  if (!style) return false;
  for (const key in style) if (Object.prototype.hasOwnProperty.call(style, key)) return false;
  return true;
}
