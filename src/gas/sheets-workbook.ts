/**
 * WorkbookPort over SpreadsheetApp. Cost contract: `read` is exactly one
 * `getDataRange().getValues()`, `write` exactly one `setValues()` of one
 * block (plus a size check, and an insert when the block overflows the sheet).
 */
import type { WorkbookPort } from '../app/ports';
import type { Cell, Grid } from '../domain/table/cell';
import { rectangular } from '../domain/table/cell';
import { ensureSheetSize } from './sheet-size';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Characters that make Sheets parse a typed string as a formula (`=`, `+`,
 * `-`, `@`) or swallow it as the text marker (`'`). Such strings get a
 * leading apostrophe so Sheets stores exactly the text: a value read from a
 * user's cell or a file can never become a formula when written back.
 */
const NEEDS_TEXT_MARKER = /^[=+\-@']/;

export function toSheetValue(v: Cell | undefined): string | number | boolean | Date {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return NEEDS_TEXT_MARKER.test(v) ? `'${v}` : v;
  return v;
}

/** What `getValues()` returns, as a Grid: '' is an empty cell; an all-empty sheet is []. */
export function fromSheetValues(values: unknown[][]): Grid {
  let any = false;
  const grid = values.map((row) =>
    row.map((v): Cell => {
      if (v === '' || v === null || v === undefined) return null;
      any = true;
      return v as Cell;
    }),
  );
  return any ? grid : [];
}

export class SheetsWorkbook implements WorkbookPort {
  private readonly sheets = new Map<string, Sheet>();

  constructor(private readonly spreadsheet: Spreadsheet) {}

  sheetNames(): string[] {
    this.sheets.clear();
    return this.spreadsheet.getSheets().map((s) => {
      const name = s.getName();
      this.sheets.set(name, s);
      return name;
    });
  }

  read(name: string): Grid {
    return fromSheetValues(this.sheet(name).getDataRange().getValues());
  }

  write(name: string, row: number, col: number, values: Grid): void {
    if (values.length === 0) return;
    const block = rectangular(values);
    const width = block[0].length;
    if (width === 0) return;
    const sheet = this.sheet(name);
    ensureSheetSize(sheet, row + block.length, col + width);
    sheet.getRange(row + 1, col + 1, block.length, width).setValues(block.map((r) => r.map(toSheetValue)));
  }

  createSheet(name: string, index: number): void {
    this.sheets.set(name, this.spreadsheet.insertSheet(name, index));
  }

  /** The Sheet object (adapters that format or protect a tab share the lookup). */
  sheet(name: string): Sheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = this.spreadsheet.getSheetByName(name) ?? undefined;
      if (!s) throw new Error(`Onglet introuvable : ${name}`);
      this.sheets.set(name, s);
    }
    return s;
  }
}
