/**
 * Writes a `ClasseurExport` (domain/tet/classeur.ts) with exceljs: values as
 * values (dates as dates, numbers as numbers, a text starting with `=` stays
 * text), merges, widths, number formats, bold header rows, frozen rows.
 */
import ExcelJS from 'exceljs';
import type { ClasseurExport } from '../../domain/tet/classeur';

export function classeurToExcel(classeur: ClasseurExport): ExcelJS.Workbook {
  const excel = new ExcelJS.Workbook();
  excel.creator = 'Cap Circulaire';
  for (const f of classeur.feuilles) {
    const ws = excel.addWorksheet(f.name, f.frozenRows ? { views: [{ state: 'frozen', ySplit: f.frozenRows }] } : undefined);
    f.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        // exceljs writes a string as a shared/inline string: never a formula.
        cell.value = v;
      });
    });
    f.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    for (const z of f.formats) {
      for (let r = z.row; r < z.row + z.rows; r++) for (let c = z.col; c < z.col + z.cols; c++) ws.getCell(r + 1, c + 1).numFmt = z.numberFormat;
    }
    for (const r of f.boldRows) {
      const row = ws.getRow(r + 1);
      row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: 'top' };
    }
    for (const m of f.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    const width = f.rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (f.autoFilter && f.frozenRows > 0 && width > 0) ws.autoFilter = { from: { row: f.frozenRows, column: 1 }, to: { row: f.frozenRows, column: width } };
  }
  return excel;
}

export async function classeurToBuffer(classeur: ClasseurExport): Promise<Uint8Array> {
  const buf = await classeurToExcel(classeur).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
