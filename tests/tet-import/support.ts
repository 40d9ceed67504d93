/** Builders of the TeT import tests: workbooks, TeT files as sheets, rows of `Plan d'actions` by header. */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { installWorkbook } from '../../src/app/install';
import { loadSample } from '../../src/app/load-sample';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { prepareExportTet } from '../../src/app/export-tet';
import { TAB, tableSection } from '../../src/domain/schema/tabs';
import type { Cell } from '../../src/domain/table/cell';
import { locateTable, tableRows } from '../../src/domain/table/locate';
import type { FeuilleTet } from '../../src/domain/tet/import';
import { readSampleFolder } from '../../src/node/sample';
import { sampleFolder } from '../../src/node/paths';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { classeurToBuffer } from '../../src/files/xlsx/classeur-export';

export const TET = new URL('../fixtures/tet', import.meta.url).pathname;
export const ACCEPTE = `${TET}/import-plan-accepte.xlsx`;
export const EXPORT_PLAN = `${TET}/export_plan_action.xlsx`;

/** An installed, empty workbook (the template). */
export function template(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  wb.resetCalls();
  return wb;
}

/** The sample territory (Val de Loue) loaded into an installed workbook. */
export async function sample(): Promise<MemoryWorkbook> {
  const wb = template();
  loadSample(await readSampleFolder(sampleFolder()), wb);
  wb.resetCalls();
  return wb;
}

/** The sheets of an .xlsx (as the CLI reads them). */
export async function feuilles(data: Uint8Array | string): Promise<FeuilleTet[]> {
  const bytes = typeof data === 'string' ? readFileSync(data) : data;
  const { workbook } = await readXlsxBuffer(bytes);
  return workbook.sheetNames().map((name) => ({ name, grid: workbook.grid(name) }));
}

/** TeT export of a workbook, written and read back as a file. */
export async function exportTetDe(wb: MemoryWorkbook): Promise<Uint8Array> {
  return classeurToBuffer(prepareExportTet(wb, new Date(Date.UTC(2026, 10, 15))).classeur);
}

/** Rows of a table by column key (blank rows skipped). */
export function lignes(wb: MemoryWorkbook, tab: string, section: string): Array<{ rowNumber: number; cells: Record<string, Cell> }> {
  const grid = wb.grid(tab);
  const located = locateTable(grid, tableSection(tab, section))!;
  return tableRows(grid, located).map((r) => ({ rowNumber: r.rowNumber, cells: { ...r.cells } }));
}

export const fiches = (wb: MemoryWorkbook) => lignes(wb, TAB.planActions, 'planActions');
export const jalons = (wb: MemoryWorkbook) => lignes(wb, TAB.jalons, 'jalons');

/** Appends rows (values by exact header) to a table of the workbook: the steering tests' helper. */
export { addRows as ajouter } from '../steering/helpers';

/**
 * A TeT file built from one of TeT's own files: its header rows kept, data
 * rows replaced by `rows` (values by column letter), from `firstRow` (1-based).
 */
export async function fichierTet(
  base: string,
  firstRow: number,
  rows: ReadonlyArray<Record<string, ExcelJS.CellValue>>,
  /** Extra cells, e.g. a header `{ AJ2: 'N°' }`. */
  cells: Readonly<Record<string, ExcelJS.CellValue>> = {},
): Promise<Uint8Array> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(base);
  const ws = excel.worksheets[0];
  for (const [address, v] of Object.entries(cells)) ws.getCell(address).value = v;
  for (let r = firstRow; r <= ws.rowCount; r++) ws.getRow(r).eachCell((c) => (c.value = null));
  rows.forEach((values, i) => {
    for (const [col, v] of Object.entries(values)) ws.getCell(`${col}${firstRow + i}`).value = v;
  });
  return new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer);
}

export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
