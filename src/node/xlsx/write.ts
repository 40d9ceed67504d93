/**
 * Writes a MemoryWorkbook and its SheetFormats to `.xlsx`. When the workbook
 * was read from a file, the original exceljs document is updated in place:
 * only cells whose value changed are rewritten (a user's formula whose cached
 * result is unchanged stays a formula), and unknown tabs, extra columns and
 * the user's styling survive. Values are values: a string starting with `=`
 * is written as text, never as a formula.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { applyDashboardLayouts } from './dashboard-bars';
import type { MemoryWorkbook } from '../../app/memory-workbook';
import type { Cell, Grid } from '../../domain/table/cell';
import { LISTS_SHEET, LISTS_SHEET_FALLBACK } from './constants';
import { applySheetFormat, ListsSheetBuilder } from './format';
import { isListsSheet, type XlsxSource } from './read';
import { compactValidations } from './validations';

/** Updates (or creates) the exceljs document for `workbook`. The source, if any, is updated too. */
export function toExcel(workbook: MemoryWorkbook, source?: XlsxSource): ExcelJS.Workbook {
  const excel = source?.excel ?? newExcel();
  const snapshot = source?.snapshot ?? new Map<string, Grid>();
  const names = workbook.sheetNames();
  const listsName = names.includes(LISTS_SHEET) ? LISTS_SHEET_FALLBACK : LISTS_SHEET;

  // Tabs deleted from the working copy, and our previous lists tab (rebuilt below).
  for (const ws of excel.worksheets) {
    if (isListsSheet(ws) || !names.includes(ws.name)) {
      excel.removeWorksheet(ws.id);
      snapshot.delete(ws.name);
    }
  }

  for (const name of names) {
    const ws = excel.getWorksheet(name) ?? excel.addWorksheet(name);
    writeValues(ws, workbook.grid(name), snapshot.get(name) ?? []);
    snapshot.set(name, workbook.grid(name).map((r) => r.slice()));
  }

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

  // Tab order of the working copy; the lists tab last.
  // (`orderNo` is what exceljs sorts tabs by; its typings omit it.)
  names.forEach((name, i) => setOrder(excel.getWorksheet(name)!, i));
  const listsWs = excel.getWorksheet(listsName);
  if (listsWs && !names.includes(listsName)) setOrder(listsWs, names.length);
  for (const ws of excel.worksheets) compactValidations(ws);
  // The first visible tab opens first (a removed tab may have been the active one).
  const view = excel.views?.[0] ?? { x: 0, y: 0, width: 20000, height: 12000, visibility: 'visible' as const };
  excel.views = [{ ...view, firstSheet: 0, activeTab: 0 }];
  return excel;
}

function setOrder(ws: ExcelJS.Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
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
    for (let c = 0; c < cols; c++) {
      const v = now[c] ?? null;
      if (same(v, old[c] ?? null)) continue;
      ws.getCell(r + 1, c + 1).value = toExcelValue(v);
    }
  }
}

/** A Cell as exceljs stores it: plain values only, so `=…` text stays text. */
function toExcelValue(v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

export async function writeXlsxBuffer(workbook: MemoryWorkbook, source?: XlsxSource): Promise<Buffer> {
  const excel = toExcel(workbook, source);
  const data = await excel.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/**
 * Writes the file through a temporary file in the same folder, then renames
 * it: an interrupted write never leaves half a workbook (nor damages the
 * input when rewriting it with --in-place).
 */
export async function writeXlsxFile(workbook: MemoryWorkbook, path: string, source?: XlsxSource): Promise<void> {
  const data = await writeXlsxBuffer(workbook, source);
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
