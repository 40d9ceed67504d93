/**
 * Sheets refuses a range beyond the sheet's grid (a new tab is 1000 × 26; the
 * Plan d'actions has 30 columns): grow the grid first, in one call per axis.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `rows` and `cols` are counts (1-based last row / column needed). */
export function ensureSheetSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}
