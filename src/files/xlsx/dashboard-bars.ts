/**
 * The `Tableau de bord` tab's look in an .xlsx, from the `DashboardLayout`
 * (domain/dashboard/layout.ts): cell styles (fills, fonts, number formats),
 * merges, widths, frozen rows, internal links, and exceljs conditional
 * formatting DATA BARS on the figure columns (the charts described as data
 * are drawn natively by Google Sheets only; exceljs cannot write charts).
 * Values are already in the cells (written by the use case as values).
 *
 * Wiring: the steering use cases take a `DashboardRendererPort`; offline,
 * pass a `MemoryDashboardRenderer` (src/app/dashboard.ts) and, once the
 * exceljs document is built (`toExcel`), call `applyDashboardLayouts(excel,
 * renderer.layouts)` before writing the file.
 */
import type ExcelJS from 'exceljs';
import type { DashboardLayout } from '../../domain/dashboard/layout';
import { LINE_HEIGHT_PT, WORKBOOK_FONT, cellsToWrap, headerLines } from '../../domain/install/format';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
/** Pixels (Sheets) to Excel character widths, as the workbook's formatter does. */
const toExcelWidth = (px: number) => Math.max(1, Math.round((px / 7) * 100) / 100);

function a1(row: number, col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

export function applyDashboardLayout(ws: ExcelJS.Worksheet, layout: DashboardLayout): void {
  // Previous merges of a generated tab go: the layout owns it.
  for (const range of Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {})) ws.unMergeCells(range);
  for (const s of layout.styles) {
    for (let r = s.row; r < s.row + s.rows; r++) {
      for (let c = s.col; c < s.col + s.cols; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        if (s.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.background) } };
        if (s.font || s.bold !== undefined || s.italic !== undefined || s.fontSize) {
          // Named: a font without a name is drawn in the reader's default (a serif in LibreOffice).
          cell.font = {
            ...(cell.font ?? {}),
            name: WORKBOOK_FONT.family,
            size: cell.font?.size ?? WORKBOOK_FONT.size,
            ...(s.font ? { color: { argb: argb(s.font) } } : {}),
            ...(s.bold !== undefined ? { bold: s.bold } : {}),
            ...(s.italic !== undefined ? { italic: s.italic } : {}),
            ...(s.fontSize ? { size: s.fontSize } : {}),
          };
        }
        if (s.numberFormat) cell.numFmt = s.numberFormat;
        if (s.wrap !== undefined || s.align) {
          cell.alignment = { ...(cell.alignment ?? {}), ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}), ...(s.align ? { horizontal: s.align } : {}), vertical: 'top' };
        }
      }
    }
  }
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  // Rows of wrapped labels (table headers) as tall as their longest label: Excel and LibreOffice keep a written height.
  const heights = new Map<number, number>();
  for (const s of layout.styles) {
    if (s.wrap !== true) continue;
    for (let r = s.row; r < s.row + s.rows; r++) {
      for (let c = s.col; c < s.col + s.cols; c++) {
        const v = layout.grid[r]?.[c];
        if (v === null || v === undefined || v === '') continue;
        const lines = headerLines(String(v), layout.widths[c]);
        heights.set(r, Math.max(heights.get(r) ?? 0, lines * LINE_HEIGHT_PT + 3));
      }
    }
  }
  for (const [r, h] of heights) ws.getRow(r + 1).height = h;
  // Texts longer than their (already widened) column wrap rather than being cut by the next cell.
  const inZone = (z: { row: number; col: number; rows: number; cols: number }, r: number, c: number) => r >= z.row && r < z.row + z.rows && c >= z.col && c < z.col + z.cols;
  const wraps = cellsToWrap(layout.grid, layout.widths, {
    merged: (r, c) => layout.merges.some((m) => inZone(m, r, c)),
    bold: (r, c) => layout.styles.some((st) => st.bold === true && inZone(st, r, c)),
  });
  for (const { row, col } of wraps) {
    const cell = ws.getCell(row + 1, col + 1);
    // Aligned at the bottom, as the other cells of the row.
    cell.alignment = { ...(cell.alignment ?? {}), wrapText: true };
    // Neither Excel nor LibreOffice grows a row for wrapped text on open: the height is written.
    const h = headerLines(String(layout.grid[row][col]), layout.widths[col]) * LINE_HEIGHT_PT + 3;
    const r = ws.getRow(row + 1);
    r.height = Math.max(r.height ?? 0, h);
  }
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = toExcelWidth(w)));
  ws.views = [{ state: 'frozen', ySplit: layout.frozenRows }];
  for (const l of layout.links) {
    const cell = ws.getCell(l.row + 1, l.col + 1);
    const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    if (text) cell.value = { text, hyperlink: `#'${l.sheet.replace(/'/g, "''")}'!A${l.targetRow}` };
  }
  for (const b of layout.dataBars) {
    const ref = `${a1(b.zone.row, b.zone.col)}:${a1(b.zone.row + b.zone.rows - 1, b.zone.col + b.zone.cols - 1)}`;
    // Bars start at zero (a bar from the column's minimum makes its smallest value look like nothing), and end at the
    // layout's fixed maximum when it has one (percentages: 0–100 %), else at the column's largest value.
    const bounds = [
      { type: 'num' as const, value: b.min ?? 0 },
      b.max !== undefined ? { type: 'num' as const, value: b.max } : { type: 'max' as const },
    ];
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'dataBar',
          priority: 1,
          minLength: 0,
          maxLength: 100,
          gradient: false,
          showValue: true,
          border: false,
          negativeBarColorSameAsPositive: true,
          negativeBarBorderColorSameAsPositive: true,
          axisPosition: 'auto',
          direction: 'leftToRight',
          cfvo: bounds,
          color: { argb: argb(b.colour) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

/** Applies every stored layout to its tab of the exceljs document. */
export function applyDashboardLayouts(excel: ExcelJS.Workbook, layouts: ReadonlyMap<string, DashboardLayout>): void {
  for (const [sheet, layout] of layouts) {
    const ws = excel.getWorksheet(sheet);
    if (ws) applyDashboardLayout(ws, layout);
  }
}
