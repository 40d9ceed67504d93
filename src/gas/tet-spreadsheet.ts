/**
 * The TeT export as one Sheets API `spreadsheets.create` request: sheets,
 * values, number formats, bold header rows, merges, widths and frozen rows
 * travel in the request itself, so the new file costs one call whatever its
 * size, and needs no scope beyond `drive.file` (SpreadsheetApp.create would
 * demand access to every spreadsheet of the user).
 */
import type { ClasseurExport, FeuilleExport } from '../domain/tet/classeur';
import type { Cell } from '../domain/table/cell';

/** The subset of the Sheets API's Spreadsheet resource we send. */
export interface SpreadsheetResource {
  readonly properties: { readonly title: string; readonly locale: string; readonly timeZone: string };
  readonly sheets: ReadonlyArray<{
    readonly properties: { readonly sheetId: number; readonly title: string; readonly index: number; readonly gridProperties: { readonly rowCount: number; readonly columnCount: number; readonly frozenRowCount: number } };
    readonly data: ReadonlyArray<{
      readonly startRow: 0;
      readonly startColumn: 0;
      readonly rowData: ReadonlyArray<{ readonly values: ReadonlyArray<CellData> }>;
      readonly columnMetadata: ReadonlyArray<{ readonly pixelSize: number }>;
    }>;
    readonly merges: ReadonlyArray<{ readonly sheetId?: number; readonly startRowIndex: number; readonly endRowIndex: number; readonly startColumnIndex: number; readonly endColumnIndex: number }>;
  }>;
}

export interface CellData {
  readonly userEnteredValue?: { readonly stringValue?: string; readonly numberValue?: number; readonly boolValue?: boolean };
  readonly userEnteredFormat?: { readonly numberFormat?: { readonly type: 'DATE' | 'NUMBER'; readonly pattern: string }; readonly textFormat?: { readonly bold: boolean }; readonly wrapStrategy?: 'WRAP' };
}

const DAY = 86_400_000;
/** Sheets' day 0 (serial numbers count days from 30/12/1899, like Excel's). */
const EPOCH = Date.UTC(1899, 11, 30);
const DATE_PATTERN = 'dd/mm/yyyy';

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function value(v: Cell): CellData['userEnteredValue'] | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  // A Date is the calendar day (UTC midnight): its serial number, shown with a date format.
  if (isDate(v)) return { numberValue: Math.round((v.getTime() - EPOCH) / DAY) };
  // stringValue is never parsed: `=…` stays text, never a formula.
  return { stringValue: String(v) };
}

function sheet(f: FeuilleExport, index: number): SpreadsheetResource['sheets'][number] {
  const width = Math.max(1, ...f.rows.map((r) => r.length));
  const bold = new Set(f.boldRows);
  const formatAt = (r: number, c: number) => f.formats.find((z) => r >= z.row && r < z.row + z.rows && c >= z.col && c < z.col + z.cols)?.numberFormat;
  const rowData = f.rows.map((row, r) => ({
    values: Array.from({ length: width }, (_, c): CellData => {
      const v = row[c] ?? null;
      const pattern = formatAt(r, c) ?? (isDate(v) ? DATE_PATTERN : undefined);
      const format: CellData['userEnteredFormat'] = {
        ...(pattern ? { numberFormat: { type: isDate(v) || /[dmy]{2}/i.test(pattern) ? 'DATE' : 'NUMBER', pattern } } : {}),
        ...(bold.has(r) ? { textFormat: { bold: true }, wrapStrategy: 'WRAP' as const } : {}),
      };
      const uv = value(v);
      return { ...(uv ? { userEnteredValue: uv } : {}), ...(Object.keys(format).length > 0 ? { userEnteredFormat: format } : {}) };
    }),
  }));
  // The Sheets API refuses frozen rows that fill the grid ("You can't freeze all visible rows
  // on the sheet": an empty plan is its header rows only), so the grid keeps one row more.
  const rowCount = Math.max(f.rows.length, f.frozenRows + 1, 1);
  // Explicit sheet ids: a merge names its sheet by id, and an omitted id means 0, which Google
  // does not promise to give the first sheet of a new spreadsheet.
  const sheetId = index + 1;
  return {
    properties: { sheetId, title: f.name, index, gridProperties: { rowCount, columnCount: width, frozenRowCount: f.frozenRows } },
    data: [{ startRow: 0, startColumn: 0, rowData, columnMetadata: Array.from({ length: width }, (_, c) => ({ pixelSize: Math.round((f.widths[c] ?? 12) * 7) })) }],
    merges: f.merges.map((m) => ({ sheetId, startRowIndex: m.row, endRowIndex: m.row + m.rows, startColumnIndex: m.col, endColumnIndex: m.col + m.cols })),
  };
}

export function spreadsheetResource(classeur: ClasseurExport, title: string, timeZone = 'Europe/Paris'): SpreadsheetResource {
  return { properties: { title, locale: 'fr_FR', timeZone }, sheets: classeur.feuilles.map(sheet) };
}
