/**
 * In-memory fakes of SpreadsheetApp: Spreadsheet, Sheet, Range, Protection,
 * data validation and conditional format builders. Faithful where our code's
 * correctness depends on it:
 *
 * - `getRange` outside the sheet's dimensions throws (new sheets are 1000 × 26,
 *   as in Sheets); `setValues` with the wrong dimensions throws.
 * - `setValues` interprets input as a user typing would: `'x` stores the text
 *   `x`; `=…` stores a formula (value ''); `+…`, `-…`, `@…` that are not
 *   numbers store a broken formula (`#ERROR!`); plain decimal strings become
 *   numbers. Dates, numbers and booleans are stored as they are.
 * - `getValues` returns '' for empty cells; `getDataRange` is A1 on an empty sheet.
 * - `Sheet.protect()` returns the existing sheet protection if there is one;
 *   a new protection's editors mirror the spreadsheet's (owner, effective
 *   user, editors); the owner and the effective user can never be removed.
 * - Sheet names are unique regardless of case.
 *
 * - Merges: `merge()` keeps the top-left value only; merging or breaking apart
 *   a range that cuts through an existing merge throws, as Sheets does.
 * - Charts: see charts.ts (`sheet.newChart()`, `insertChart`, `getCharts`,
 *   `removeChart`, `updateChart`).
 * - `SpreadsheetApp.create(name)` makes a new spreadsheet (one sheet,
 *   `Feuille 1`, 1000 × 26) with its own id and URL, kept in
 *   `SpreadsheetApp.created`; `openById` finds it.
 * - Rich text: `SpreadsheetApp.newRichTextValue()` and
 *   `Range.setRichTextValue` (the cell holds the text, as text, and the link).
 *
 * Not emulated: formula evaluation, locale-dependent parsing of dates and
 * decimal commas, shifting of protections / conditional format ranges / merges
 * spanning the insertion point when rows or columns are inserted, filters.
 */
import { FakeEmbeddedChartBuilder, type FakeEmbeddedChart } from './charts';
import { FakeUser, isDate, PROTECTED_MESSAGE, type GasCore } from './core';

export type FakeValue = string | number | boolean | Date;

interface CellFormat {
  note?: string;
  background?: string | null;
  fontColor?: string | null;
  fontWeight?: string | null;
  fontSize?: number;
  fontFamily?: string | null;
  fontStyle?: string | null;
  numberFormat?: string;
  validation?: FakeDataValidation | null;
  wrap?: boolean;
  horizontalAlignment?: string | null;
  verticalAlignment?: string | null;
  /** Link of the whole cell's text (rich text value), null when none. */
  link?: string | null;
}

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

/**
 * "Up to 10 million cells" per spreadsheet
 * (https://support.google.com/drive/answer/37603 : files you can store in Google Drive, Spreadsheets).
 */
export const MAX_CELLS = 10_000_000;
/** "50,000 characters" per cell (same page). */
export const MAX_CELL_CHARS = 50_000;
/**
 * Developer metadata per location (a sheet): Google's Sheets guide
 * (https://developers.google.com/sheets/api/guides/metadata) describes metadata as small
 * key/value tags; we could not confirm a published per-location size in the pages consulted,
 * so the fake refuses more than 30,000 characters (keys and values) per sheet, a conservative bound.
 */
export const MAX_METADATA_CHARS_PER_SHEET = 30_000;
export const BooleanCriteria = {
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  CHECKBOX: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const key = (r: number, c: number) => `${r},${c}`;

function columnToLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 notation of a block (1-based). */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnToLetters(col)}${row}`;
  return rows === 1 && cols === 1 ? start : `${start}:${columnToLetters(col + cols - 1)}${row + rows - 1}`;
}

function parseA1(notation: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(notation.trim());
  if (!m) throw new Error(`Exception: Range not found (fake getRange('${notation}'))`);
  const c1 = lettersToColumn(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? lettersToColumn(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function cloneValue(v: FakeValue): FakeValue {
  return isDate(v) ? new Date(v.getTime()) : v;
}

/** What a cell holds after a user-like entry (see the file comment). */
function entered(v: unknown): { value: FakeValue; formula?: string; quoted?: boolean } {
  if (v === null || v === undefined || v === '') return { value: '' };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1), quoted: true };
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s) };
  if (s.startsWith('=')) return { value: '', formula: s };
  if (s.startsWith('+') || s.startsWith('-') || s.startsWith('@')) return { value: '#ERROR!', formula: s };
  return { value: s };
}

export class FakeSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } as const;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;

  constructor(
    private readonly core: GasCore,
    readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: unknown,
  ) {}

  getActive(): FakeSpreadsheet {
    this.core.record('SpreadsheetApp', 'getActive');
    this.core.requireAuth('SpreadsheetApp.getActive');
    return this.spreadsheet;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.core.record('SpreadsheetApp', 'getActiveSpreadsheet');
    this.core.requireAuth('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getActiveSheet(): FakeSheet {
    this.core.record('SpreadsheetApp', 'getActiveSheet');
    this.core.requireAuth('SpreadsheetApp.getActiveSheet');
    return this.spreadsheet.getActiveSheet();
  }

  getActiveRange(): FakeRange | null {
    this.core.record('SpreadsheetApp', 'getActiveRange');
    this.core.requireAuth('SpreadsheetApp.getActiveRange');
    return this.spreadsheet.getActiveRange();
  }

  /** Allowed in every AuthMode, as in Apps Script (menus are built with it in onOpen). */
  getUi(): unknown {
    this.core.record('SpreadsheetApp', 'getUi');
    return this.ui;
  }

  flush(): void {
    this.core.record('SpreadsheetApp', 'flush');
  }

  /** Spreadsheets made by `create()`, in order (test helper, unrecorded). */
  readonly created: FakeSpreadsheet[] = [];

  /**
   * A new spreadsheet in the user's Drive: one sheet (`Feuille 1`, `rows` ×
   * `columns`, 1000 × 26 by default), its own id and URL. Not the active one.
   */
  create(name: string, rows?: number, columns?: number): FakeSpreadsheet {
    this.core.record('SpreadsheetApp', 'create', { detail: name });
    this.core.requireAuth('SpreadsheetApp.create');
    if (typeof name !== 'string' || name.trim() === '') throw new Error('Exception: Invalid argument: name');
    if ((rows !== undefined && (!Number.isInteger(rows) || rows < 1)) || (columns !== undefined && (!Number.isInteger(columns) || columns < 1))) {
      throw new Error('Exception: Invalid argument: rows/columns');
    }
    const ss = new FakeSpreadsheet(this.core, name, `fake-created-${this.core.newId()}`);
    ss.locale = this.spreadsheet.locale;
    ss.timeZone = this.spreadsheet.timeZone;
    const first = ss.seedSheet('Feuille 1');
    if (rows !== undefined) first.maxRows = rows;
    if (columns !== undefined) first.maxColumns = columns;
    this.created.push(ss);
    return ss;
  }

  /** The active spreadsheet or one made by `create()`; throws otherwise (no access, as with drive.file). */
  openById(id: string): FakeSpreadsheet {
    this.core.record('SpreadsheetApp', 'openById', { detail: id });
    this.core.requireAuth('SpreadsheetApp.openById');
    const found = [this.spreadsheet, ...this.created].find((s) => s.id === id);
    if (!found) throw new Error(`Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp. (fake: no spreadsheet ${id})`);
    return found;
  }

  openByUrl(url: string): FakeSpreadsheet {
    this.core.record('SpreadsheetApp', 'openByUrl', { detail: url });
    this.core.requireAuth('SpreadsheetApp.openByUrl');
    const found = [this.spreadsheet, ...this.created].find((s) => url.includes(`/d/${s.id}`));
    if (!found) throw new Error(`Exception: Invalid argument: url (fake: no spreadsheet at ${url})`);
    return found;
  }

  newRichTextValue(): FakeRichTextValueBuilder {
    this.core.record('SpreadsheetApp', 'newRichTextValue');
    return new FakeRichTextValueBuilder();
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.core.record('SpreadsheetApp', 'newDataValidation');
    return new FakeDataValidationBuilder();
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.core.record('SpreadsheetApp', 'newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder();
  }
}

export class FakeSpreadsheet {
  private readonly sheets: FakeSheet[] = [];
  readonly protections: FakeProtection[] = [];
  locale = 'en_US';
  timeZone = 'America/New_York';
  private active: FakeSheet | null = null;
  private activeRange: FakeRange | null = null;

  constructor(
    readonly core: GasCore,
    private name = 'Classeur de test',
    readonly id = 'fake-spreadsheet-id',
  ) {}

  private rec(method: string, extra: { sheet?: string; detail?: string } = {}): void {
    this.core.record('Spreadsheet', method, extra);
  }

  getId(): string {
    this.rec('getId');
    return this.id;
  }
  /** The spreadsheet's theme (SpreadsheetTheme): its default font family, Arial in a new spreadsheet. */
  themeFont = 'Arial';
  getSpreadsheetTheme(): { getFontFamily(): string; setFontFamily(f: string): unknown } {
    this.rec('getSpreadsheetTheme');
    return {
      getFontFamily: () => {
        this.rec('SpreadsheetTheme.getFontFamily');
        return this.themeFont;
      },
      setFontFamily: (f: string) => {
        this.rec('SpreadsheetTheme.setFontFamily', { detail: f });
        if (!f) throw new Error('Exception: Invalid argument: fontFamily');
        this.themeFont = f;
        return this;
      },
    };
  }
  getName(): string {
    this.rec('getName');
    return this.name;
  }
  rename(name: string): void {
    this.rec('rename');
    this.name = name;
  }
  getUrl(): string {
    this.rec('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getOwner(): FakeUser {
    this.rec('getOwner');
    return new FakeUser(this.core.owner);
  }
  getEditors(): FakeUser[] {
    this.rec('getEditors');
    return [this.core.owner, ...this.core.spreadsheetEditors].map((e) => new FakeUser(e));
  }

  getSheets(): FakeSheet[] {
    this.rec('getSheets');
    return [...this.sheets];
  }
  getNumSheets(): number {
    this.rec('getNumSheets');
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    this.rec('getSheetByName', { sheet: name });
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(a?: string | number, b?: number): FakeSheet {
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : b;
    this.rec('insertSheet', { sheet: name, detail: index === undefined ? undefined : `index ${index}` });
    return this.addSheet(name, index);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.rec('deleteSheet', { sheet: sheet.name });
    this.assertCanEditSheet(sheet);
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Exception: sheet not in this spreadsheet');
    if (this.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    for (let p = this.protections.length - 1; p >= 0; p--) if (this.protections[p].sheet === sheet) this.protections.splice(p, 1);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  getActiveSheet(): FakeSheet {
    this.rec('getActiveSheet');
    if (!this.active) this.active = this.sheets[0] ?? this.addSheet('Feuille 1', undefined);
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.rec('setActiveSheet', { sheet: sheet.name });
    this.active = sheet;
    return sheet;
  }
  getActiveRange(): FakeRange | null {
    this.rec('getActiveRange');
    return this.activeRange;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.rec('setActiveRange', { sheet: range.sheet.name, detail: range.a1() });
    this.active = range.sheet;
    this.activeRange = range;
    return range;
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    const r = typeof range === 'string' ? this.getActiveSheet().getRange(range) : range;
    this.rec('setActiveSelection', { sheet: r.sheet.name, detail: r.a1() });
    this.active = r.sheet;
    this.activeRange = r;
    return r;
  }
  /** Used by Sheet/Range activation. */
  activate(sheet: FakeSheet, range: FakeRange | null): void {
    this.active = sheet;
    if (range) this.activeRange = range;
  }

  getProtections(type: string): FakeProtection[] {
    this.rec('getProtections', { detail: type });
    return this.protections.filter((p) => p.type === type);
  }

  /**
   * Protections are per user: a write into a block covered by a protection (not warning-only)
   * whose editors do not include the script's user throws Google's message
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection ; the owner can
   * always edit). 1-based block.
   */
  assertCanEdit(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): void {
    for (const p of this.protections) {
      if (p.sheet !== sheet || p.isWarningOnlyUnrecorded() || p.canUserEdit(this.core.actor)) continue;
      if (p.covers(row, col, rows, cols)) throw new Error(PROTECTED_MESSAGE);
    }
  }

  /** A change to the sheet itself (rows, columns, frozen rows, tab colour, name, rules): refused on a sheet protected against the user. */
  assertCanEditSheet(sheet: FakeSheet): void {
    for (const p of this.protections) {
      if (p.sheet !== sheet || p.type !== ProtectionType.SHEET || p.isWarningOnlyUnrecorded() || p.canUserEdit(this.core.actor)) continue;
      throw new Error(PROTECTED_MESSAGE);
    }
  }

  /** Cells of every sheet (their grids, used or not): what counts against the 10 million cells limit. */
  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** Throws when growing the spreadsheet by `extra` cells would pass MAX_CELLS. */
  assertRoomFor(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS) {
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  getSpreadsheetLocale(): string {
    this.rec('getSpreadsheetLocale');
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.rec('setSpreadsheetLocale', { detail: locale });
    this.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    this.rec('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.rec('setSpreadsheetTimeZone', { detail: tz });
    this.timeZone = tz;
  }

  readonly toasts: Array<{ message: string; title?: string; timeoutSeconds?: number }> = [];
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.rec('toast');
    // No-break spaces (French typography) read as plain spaces, as in the fake Ui's records.
    const plain = (t: string): string => t.replace(/[\u00a0\u202f]/g, ' ');
    this.toasts.push({ message: plain(message), title: title === undefined ? undefined : plain(title), timeoutSeconds });
  }

  // ---- Test helpers (not Apps Script; never recorded) ----

  /** Adds a sheet with content, sized to hold it (at least 1000 × 26), without recording calls. */
  seedSheet(name: string, grid: ReadonlyArray<ReadonlyArray<unknown>> = [], index?: number): FakeSheet {
    const sheet = this.addSheet(name, index);
    sheet.seed(grid);
    return sheet;
  }

  /** Tab names in order, without recording. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A sheet by name, without recording; throws if absent. */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named ${name} (have: ${this.sheetNames().join(', ')})`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((x) => x.name === name);
  }

  private addSheet(name: string | undefined, index: number | undefined): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === `feuille ${i}`)) i++;
      n = `Feuille ${i}`;
    }
    if (n.length === 0 || n.length > 100) throw new Error(`Exception: Invalid sheet name: ${n}`);
    if (this.sheets.some((s) => s.name.toLowerCase() === n!.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this.assertRoomFor(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = new FakeSheet(this, n, this.core.newId());
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    return sheet;
  }

  /** Used by Sheet.setName. */
  assertFreeName(name: string, except: FakeSheet): void {
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  indexOf(sheet: FakeSheet): number {
    return this.sheets.indexOf(sheet);
  }
}

export class FakeSheet {
  private values: FakeValue[][] = [];
  private readonly formulas = new Map<string, string>();
  private readonly formats = new Map<string, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  conditionalRules: FakeConditionalFormatRule[] = [];
  /** Merged blocks, 1-based (test helper: read, do not write). */
  readonly merges: Array<{ row: number; col: number; rows: number; cols: number }> = [];
  /** Charts inserted, in order (test helper: `sheet.charts.map((c) => c.info)`). */
  readonly charts: FakeEmbeddedChart[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  get core(): GasCore {
    return this.spreadsheet.core;
  }

  private rec(method: string, detail?: string): void {
    this.core.record('Sheet', method, { sheet: this.name, detail });
  }

  getName(): string {
    this.rec('getName');
    return this.name;
  }
  setName(name: string): FakeSheet {
    this.rec('setName', name);
    this.spreadsheet.assertCanEditSheet(this);
    this.spreadsheet.assertFreeName(name, this);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.rec('getSheetId');
    return this.id;
  }
  getIndex(): number {
    this.rec('getIndex');
    return this.spreadsheet.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    this.rec('getParent');
    return this.spreadsheet;
  }
  activate(): FakeSheet {
    this.rec('activate');
    this.spreadsheet.activate(this, null);
    return this;
  }

  /** getRange(a1) | getRange(row, col) | getRange(row, col, rows) | getRange(row, col, rows, cols): 1-based. */
  getRange(a: string | number, col?: number, rows?: number, cols?: number): FakeRange {
    let r: { row: number; col: number; rows: number; cols: number };
    if (typeof a === 'string') {
      const bang = a.lastIndexOf('!');
      r = parseA1(bang >= 0 ? a.slice(bang + 1) : a);
    } else {
      r = { row: a, col: col ?? 1, rows: rows ?? 1, cols: cols ?? 1 };
    }
    this.core.record('Sheet', 'getRange', { sheet: this.name, rows: r.rows, cols: r.cols, detail: a1(r.row, r.col, r.rows, r.cols) });
    return this.rangeUnrecorded(r.row, r.col, r.rows, r.cols);
  }

  /** Internal: builds a checked range without recording. */
  rangeUnrecorded(row: number, col: number, rows: number, cols: number): FakeRange {
    if (![row, col, rows, cols].every((n) => Number.isInteger(n))) {
      throw new Error(`Exception: Cannot convert ${[row, col, rows, cols].join(', ')} to int.`);
    }
    if (rows < 1 || cols < 1) throw new Error('Exception: The number of rows/columns in the range must be at least 1.');
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxColumns) {
      throw new Error(
        `Exception: The coordinates of the range are outside the dimensions of the sheet (${this.name}: ${a1(row, col, rows, cols)}, sheet ${this.maxRows} × ${this.maxColumns}).`,
      );
    }
    return new FakeRange(this, row, col, rows, cols);
  }

  getDataRange(): FakeRange {
    const rows = Math.max(1, this.lastRow());
    const cols = Math.max(1, this.lastColumn());
    this.core.record('Sheet', 'getDataRange', { sheet: this.name, rows, cols });
    return new FakeRange(this, 1, 1, rows, cols);
  }
  getLastRow(): number {
    this.rec('getLastRow');
    return this.lastRow();
  }
  getLastColumn(): number {
    this.rec('getLastColumn');
    return this.lastColumn();
  }
  getMaxRows(): number {
    this.rec('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.rec('getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(after: number, howMany: number): FakeSheet {
    this.rec('insertRowsAfter', `${after} +${howMany}`);
    if (after < 1 || after > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    this.spreadsheet.assertCanEditSheet(this);
    this.spreadsheet.assertRoomFor(howMany * this.maxColumns);
    this.shift('row', after, howMany);
    this.maxRows += howMany;
    return this;
  }
  insertRowsBefore(before: number, howMany: number): FakeSheet {
    this.rec('insertRowsBefore', `${before} +${howMany}`);
    if (before < 1 || before > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    this.spreadsheet.assertCanEditSheet(this);
    this.spreadsheet.assertRoomFor(howMany * this.maxColumns);
    this.shift('row', before - 1, howMany);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): FakeSheet {
    this.rec('insertColumnsAfter', `${after} +${howMany}`);
    if (after < 1 || after > this.maxColumns) throw new Error('Exception: Those columns are out of bounds.');
    this.spreadsheet.assertCanEditSheet(this);
    this.spreadsheet.assertRoomFor(howMany * this.maxRows);
    this.shift('col', after, howMany);
    this.maxColumns += howMany;
    return this;
  }
  insertColumnsBefore(before: number, howMany: number): FakeSheet {
    this.rec('insertColumnsBefore', `${before} +${howMany}`);
    if (before < 1 || before > this.maxColumns) throw new Error('Exception: Those columns are out of bounds.');
    this.spreadsheet.assertCanEditSheet(this);
    this.spreadsheet.assertRoomFor(howMany * this.maxRows);
    this.shift('col', before - 1, howMany);
    this.maxColumns += howMany;
    return this;
  }

  setFrozenRows(n: number): void {
    this.rec('setFrozenRows', String(n));
    this.spreadsheet.assertCanEditSheet(this);
    // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#gridproperties : frozen rows stay below the grid's size.
    if (n >= this.maxRows) throw new Error("Exception: You can't freeze all visible rows on the sheet.");
    this.frozenRows = n;
  }
  getFrozenRows(): number {
    this.rec('getFrozenRows');
    return this.frozenRows;
  }
  setFrozenColumns(n: number): void {
    this.rec('setFrozenColumns', String(n));
    this.spreadsheet.assertCanEditSheet(this);
    if (n >= this.maxColumns) throw new Error("Exception: You can't freeze all visible columns on the sheet.");
    this.frozenColumns = n;
  }
  getFrozenColumns(): number {
    this.rec('getFrozenColumns');
    return this.frozenColumns;
  }
  setTabColor(color: string | null): FakeSheet {
    this.rec('setTabColor', String(color));
    this.spreadsheet.assertCanEditSheet(this);
    this.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.rec('getTabColor');
    return this.tabColor;
  }
  setColumnWidth(col: number, width: number): FakeSheet {
    this.rec('setColumnWidth', `${col}=${width}`);
    this.spreadsheet.assertCanEditSheet(this);
    this.columnWidths.set(col, width);
    return this;
  }
  setColumnWidths(start: number, count: number, width: number): FakeSheet {
    this.rec('setColumnWidths', `${start}+${count}=${width}`);
    this.spreadsheet.assertCanEditSheet(this);
    if (start < 1 || start + count - 1 > this.maxColumns) throw new Error('Exception: Those columns are out of bounds.');
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
  /** Sheet.setRowHeight(rowPosition, height): pixels; rows outside the grid are refused, as Apps Script does. */
  setRowHeight(row: number, height: number): FakeSheet {
    this.rec('setRowHeight', `${row}=${height}`);
    if (!Number.isInteger(row) || row < 1 || row > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    if (!(height > 0)) throw new Error('Exception: Invalid argument: height');
    this.rowHeights.set(row, height);
    return this;
  }
  getRowHeight(row: number): number {
    this.rec('getRowHeight', String(row));
    return this.rowHeights.get(row) ?? 21;
  }
  getColumnWidth(col: number): number {
    this.rec('getColumnWidth', String(col));
    return this.columnWidths.get(col) ?? 100;
  }
  hideSheet(): FakeSheet {
    this.rec('hideSheet');
    this.spreadsheet.assertCanEditSheet(this);
    this.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this.rec('showSheet');
    this.spreadsheet.assertCanEditSheet(this);
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.rec('isSheetHidden');
    return this.hidden;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.rec('setActiveRange', range.a1());
    this.spreadsheet.activate(this, range);
    return range;
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    const r = typeof range === 'string' ? this.rangeFromA1Unrecorded(range) : range;
    this.rec('setActiveSelection', r.a1());
    this.spreadsheet.activate(this, r);
    return r;
  }
  getActiveRange(): FakeRange | null {
    this.rec('getActiveRange');
    const r = this.spreadsheet.getActiveRange();
    return r && r.sheet === this ? r : null;
  }

  /** Returns the existing sheet protection if any, as Apps Script does. */
  protect(): FakeProtection {
    this.rec('protect');
    const existing = this.spreadsheet.protections.find((p) => p.sheet === this && p.type === ProtectionType.SHEET);
    if (existing) return existing;
    this.spreadsheet.assertCanEdit(this, 1, 1, this.maxRows, this.maxColumns);
    const p = new FakeProtection(this.core, this.spreadsheet, ProtectionType.SHEET, this, null);
    this.spreadsheet.protections.push(p);
    return p;
  }
  getProtections(type: string): FakeProtection[] {
    this.rec('getProtections', type);
    return this.spreadsheet.protections.filter((p) => p.sheet === this && p.type === type);
  }

  // ---- Developer metadata (sheet location) ----

  /** Metadata attached to this sheet (test helper: read, do not write). */
  readonly metadata: FakeDeveloperMetadata[] = [];

  addDeveloperMetadata(key: string, value?: string, visibility?: string): FakeSheet {
    this.rec('addDeveloperMetadata', key);
    this.spreadsheet.assertCanEditSheet(this);
    this.spreadsheet.assertCanEdit(this, 1, 1, this.maxRows, this.maxColumns);
    if (typeof key !== 'string' || key === '') throw new Error('Exception: Invalid argument: key');
    const m = new FakeDeveloperMetadata(this, this.core.newId(), key, value ?? null, typeof visibility === 'string' ? visibility : 'DOCUMENT');
    this.metadata.push(m);
    try {
      this.checkMetadataSize();
    } catch (e) {
      this.metadata.pop();
      throw e;
    }
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata');
    return [...this.metadata];
  }
  /** Refuses metadata past MAX_METADATA_CHARS_PER_SHEET (keys and values). */
  checkMetadataSize(): void {
    const size = this.metadata.reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
    if (size > MAX_METADATA_CHARS_PER_SHEET) throw new Error(`Exception: Developer metadata on sheet ${this.name} exceeds ${MAX_METADATA_CHARS_PER_SHEET} characters (fake limit).`);
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.rec('getConditionalFormatRules');
    return [...this.conditionalRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.rec('setConditionalFormatRules', `${rules.length} rules`);
    this.spreadsheet.assertCanEditSheet(this);
    this.conditionalRules = [...rules];
  }
  clearConditionalFormatRules(): void {
    this.rec('clearConditionalFormatRules');
    this.spreadsheet.assertCanEditSheet(this);
    this.conditionalRules = [];
  }

  // ---- Charts (see charts.ts) ----

  newChart(): FakeEmbeddedChartBuilder {
    this.rec('newChart');
    return new FakeEmbeddedChartBuilder(this.core, this);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.rec('insertChart');
    this.spreadsheet.assertCanEditSheet(this);
    if (!chart || !('state' in chart)) throw new Error('Exception: Invalid argument: chart');
    if (chart.id !== null) throw new Error('Exception: This chart is already in a sheet (fake: refused; use updateChart).');
    chart.sheet = this;
    chart.id = this.core.newId();
    this.charts.push(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    this.rec('getCharts');
    return [...this.charts];
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.rec('removeChart');
    this.spreadsheet.assertCanEditSheet(this);
    const i = this.charts.findIndex((c) => c.id !== null && c.id === chart?.id);
    if (i < 0) throw new Error('Exception: The chart is not in this sheet.');
    this.charts.splice(i, 1);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    this.rec('updateChart');
    this.spreadsheet.assertCanEditSheet(this);
    const i = this.charts.findIndex((c) => c.id !== null && c.id === chart?.id);
    if (i < 0) throw new Error('Exception: The chart is not in this sheet (fake: update a chart got from getCharts().modify()).');
    this.charts[i] = chart;
  }

  clear(): FakeSheet {
    this.rec('clear');
    this.spreadsheet.assertCanEditSheet(this);
    this.values = [];
    this.formulas.clear();
    this.formats.clear();
    return this;
  }
  clearContents(): FakeSheet {
    this.rec('clearContents');
    this.spreadsheet.assertCanEditSheet(this);
    this.values = [];
    this.formulas.clear();
    return this;
  }

  // ---- Storage, used by FakeRange and test helpers (never recorded) ----

  lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      const line = this.values[r];
      if (line && line.some((v) => v !== '' && v !== undefined)) return r + 1;
    }
    let last = 0;
    for (const k of this.formulas.keys()) last = Math.max(last, Number(k.split(',')[0]) + 1);
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.values) {
      if (!line) continue;
      for (let c = line.length - 1; c >= last; c--) {
        if (line[c] !== '' && line[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, Number(k.split(',')[1]) + 1);
    return last;
  }

  /** 0-based. */
  valueAt(r: number, c: number): FakeValue {
    const v = this.values[r]?.[c];
    return v === undefined ? '' : cloneValue(v);
  }
  formulaAt(r: number, c: number): string {
    return this.formulas.get(key(r, c)) ?? '';
  }
  /** 0-based; user-entry semantics. */
  enter(r: number, c: number, v: unknown): void {
    const e = entered(v);
    while (this.values.length <= r) this.values.push([]);
    const line = this.values[r];
    while (line.length <= c) line.push('');
    line[c] = e.value;
    if (e.formula) this.formulas.set(key(r, c), e.formula);
    else this.formulas.delete(key(r, c));
  }
  format(r: number, c: number): Readonly<CellFormat> {
    return this.formats.get(key(r, c)) ?? {};
  }
  setFormat(r: number, c: number, patch: Partial<CellFormat>): void {
    const k = key(r, c);
    this.formats.set(k, { ...(this.formats.get(k) ?? {}), ...patch });
  }

  /** Test helper: writes a grid from A1 (user-entry semantics), growing the sheet as needed, unrecorded. */
  seed(grid: ReadonlyArray<ReadonlyArray<unknown>>): void {
    const width = grid.reduce((m, r) => Math.max(m, r.length), 0);
    this.maxRows = Math.max(this.maxRows, grid.length);
    this.maxColumns = Math.max(this.maxColumns, width);
    this.values = [];
    this.formulas.clear();
    grid.forEach((line, r) => line.forEach((v, c) => this.enter(r, c, v)));
  }

  /** Test helper: the values of the used range (as `getDataRange().getValues()`), unrecorded. */
  snapshot(): FakeValue[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: FakeValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: FakeValue[] = [];
      for (let c = 0; c < cols; c++) line.push(this.valueAt(r, c));
      out.push(line);
    }
    return out;
  }

  /** Test helper: data validation of a cell (1-based), unrecorded. */
  validationAt(row: number, col: number): FakeDataValidation | null {
    return this.format(row - 1, col - 1).validation ?? null;
  }

  /** Test helper: a range without recording the getRange call. */
  rangeFromA1Unrecorded(notation: string): FakeRange {
    const r = parseA1(notation);
    return this.rangeUnrecorded(r.row, r.col, r.rows, r.cols);
  }

  private shift(axis: 'row' | 'col', after: number, n: number): void {
    if (axis === 'row') {
      if (after < this.values.length) this.values.splice(after, 0, ...Array.from({ length: n }, () => [] as FakeValue[]));
    } else {
      for (const line of this.values) if (line && after < line.length) line.splice(after, 0, ...new Array<FakeValue>(n).fill(''));
    }
    const move = <T>(m: Map<string, T>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        let [r, c] = k.split(',').map(Number);
        if (axis === 'row' && r >= after) r += n;
        if (axis === 'col' && c >= after) c += n;
        m.set(key(r, c), v);
      }
    };
    move(this.formulas);
    move(this.formats);
    for (const m of this.merges) {
      if (axis === 'row' && m.row - 1 >= after) m.row += n;
      if (axis === 'col' && m.col - 1 >= after) m.col += n;
    }
  }
}

type Grid2<T> = ReadonlyArray<ReadonlyArray<T>>;

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  private rec(method: string): void {
    this.sheet.core.record('Range', method, { sheet: this.sheet.name, rows: this.rows, cols: this.cols, detail: this.a1() });
  }

  /** A write: refused where a protection keeps the script's user out. */
  private guard(): void {
    this.sheet.spreadsheet.assertCanEdit(this.sheet, this.row, this.col, this.rows, this.cols);
  }

  /** "50,000 characters" per cell (https://support.google.com/drive/answer/37603). */
  private static checkLength(v: unknown): void {
    if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
      throw new Error(`Exception: Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    }
  }

  a1(): string {
    return a1(this.row, this.col, this.rows, this.cols);
  }

  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) fn(this.row - 1 + i, this.col - 1 + j, i, j);
  }

  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.cols; j++) line.push(fn(this.row - 1 + i, this.col - 1 + j));
      out.push(line);
    }
    return out;
  }

  private checkDims(values: Grid2<unknown>, what: string): void {
    if (!Array.isArray(values) || values.length !== this.rows) {
      throw new Error(`Exception: The number of rows in the ${what} does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.rows}.`);
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.cols) {
        throw new Error(`Exception: The number of columns in the ${what} does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.cols}.`);
      }
    }
  }

  getSheet(): FakeSheet {
    this.rec('getSheet');
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  getLastColumn(): number {
    return this.col + this.cols - 1;
  }
  getA1Notation(): string {
    return this.a1();
  }
  activate(): FakeRange {
    this.rec('activate');
    this.sheet.spreadsheet.activate(this.sheet, this);
    return this;
  }

  getValues(): FakeValue[][] {
    this.rec('getValues');
    return this.grid((r, c) => this.sheet.core.toScript(this.sheet.valueAt(r, c)));
  }
  getDisplayValues(): string[][] {
    this.rec('getDisplayValues');
    return this.grid((r, c) => {
      const v = this.sheet.valueAt(r, c);
      return isDate(v) ? v.toISOString().slice(0, 10) : String(v);
    });
  }
  getValue(): FakeValue {
    this.rec('getValue');
    return this.sheet.core.toScript(this.sheet.valueAt(this.row - 1, this.col - 1));
  }
  setValues(values: Grid2<unknown>): FakeRange {
    this.rec('setValues');
    this.checkDims(values, 'data');
    this.guard();
    for (const line of values) for (const v of line) FakeRange.checkLength(v);
    this.each((r, c, i, j) => this.sheet.enter(r, c, values[i][j]));
    return this;
  }
  setValue(value: unknown): FakeRange {
    this.rec('setValue');
    this.guard();
    FakeRange.checkLength(value);
    this.each((r, c) => this.sheet.enter(r, c, value));
    return this;
  }
  getFormulas(): string[][] {
    this.rec('getFormulas');
    return this.grid((r, c) => this.sheet.formulaAt(r, c));
  }
  getFormula(): string {
    this.rec('getFormula');
    return this.sheet.formulaAt(this.row - 1, this.col - 1);
  }
  setFormula(formula: string): FakeRange {
    this.rec('setFormula');
    this.guard();
    this.each((r, c) => this.sheet.enter(r, c, formula.startsWith('=') ? formula : `=${formula}`));
    return this;
  }
  setFormulas(formulas: Grid2<string>): FakeRange {
    this.rec('setFormulas');
    this.checkDims(formulas, 'data');
    this.guard();
    this.each((r, c, i, j) => this.sheet.enter(r, c, formulas[i][j]));
    return this;
  }
  clearContent(): FakeRange {
    this.rec('clearContent');
    this.guard();
    this.each((r, c) => this.sheet.enter(r, c, ''));
    return this;
  }
  clearFormat(): FakeRange {
    this.rec('clearFormat');
    this.guard();
    this.each((r, c) =>
      this.sheet.setFormat(r, c, {
        background: null,
        fontColor: null,
        fontWeight: null,
        fontSize: undefined,
        fontStyle: null,
        numberFormat: undefined,
        wrap: undefined,
        horizontalAlignment: null,
        verticalAlignment: null,
      }),
    );
    return this;
  }

  // ---- Merges ----

  private overlaps(m: { row: number; col: number; rows: number; cols: number }): boolean {
    return m.row < this.row + this.rows && this.row < m.row + m.rows && m.col < this.col + this.cols && this.col < m.col + m.cols;
  }
  private inside(m: { row: number; col: number; rows: number; cols: number }): boolean {
    return m.row >= this.row && m.col >= this.col && m.row + m.rows <= this.row + this.rows && m.col + m.cols <= this.col + this.cols;
  }
  private refusePartialMerges(): void {
    if (this.sheet.merges.some((m) => this.overlaps(m) && !this.inside(m))) {
      throw new Error('Exception: You must select all cells in a merged range to merge or unmerge them.');
    }
  }
  private mergeBlocks(blocks: Array<{ row: number; col: number; rows: number; cols: number }>): FakeRange {
    this.guard();
    this.refusePartialMerges();
    for (let i = this.sheet.merges.length - 1; i >= 0; i--) if (this.inside(this.sheet.merges[i])) this.sheet.merges.splice(i, 1);
    for (const b of blocks) {
      if (b.rows === 1 && b.cols === 1) continue;
      this.sheet.merges.push(b);
      // Sheets keeps the top-left value only.
      for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) if (r !== b.row || c !== b.col) this.sheet.enter(r - 1, c - 1, '');
    }
    return this;
  }
  merge(): FakeRange {
    this.rec('merge');
    return this.mergeBlocks([{ row: this.row, col: this.col, rows: this.rows, cols: this.cols }]);
  }
  mergeAcross(): FakeRange {
    this.rec('mergeAcross');
    return this.mergeBlocks(Array.from({ length: this.rows }, (_, i) => ({ row: this.row + i, col: this.col, rows: 1, cols: this.cols })));
  }
  mergeVertically(): FakeRange {
    this.rec('mergeVertically');
    return this.mergeBlocks(Array.from({ length: this.cols }, (_, j) => ({ row: this.row, col: this.col + j, rows: this.rows, cols: 1 })));
  }
  breakApart(): FakeRange {
    this.rec('breakApart');
    this.guard();
    this.refusePartialMerges();
    for (let i = this.sheet.merges.length - 1; i >= 0; i--) if (this.inside(this.sheet.merges[i])) this.sheet.merges.splice(i, 1);
    return this;
  }
  isPartOfMerge(): boolean {
    this.rec('isPartOfMerge');
    return this.sheet.merges.some((m) => this.overlaps(m));
  }
  getMergedRanges(): FakeRange[] {
    this.rec('getMergedRanges');
    return this.sheet.merges.filter((m) => this.overlaps(m)).map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols));
  }

  // ---- Rich text ----

  /** Every cell of the range gets the text (stored as text, never parsed) and its link. */
  setRichTextValue(value: FakeRichTextValue): FakeRange {
    this.rec('setRichTextValue');
    this.guard();
    if (!(value instanceof FakeRichTextValue)) throw new Error('Exception: Invalid argument: value (fake: build it with SpreadsheetApp.newRichTextValue())');
    this.each((r, c) => {
      this.sheet.enter(r, c, value.getText() === '' ? '' : `'${value.getText()}`);
      this.sheet.setFormat(r, c, { link: value.getLinkUrl() });
    });
    return this;
  }
  setRichTextValues(values: Grid2<FakeRichTextValue>): FakeRange {
    this.rec('setRichTextValues');
    this.checkDims(values, 'data');
    this.guard();
    this.each((r, c, i, j) => {
      const v = values[i][j];
      if (!(v instanceof FakeRichTextValue)) throw new Error('Exception: Invalid argument: values');
      this.sheet.enter(r, c, v.getText() === '' ? '' : `'${v.getText()}`);
      this.sheet.setFormat(r, c, { link: v.getLinkUrl() });
    });
    return this;
  }
  getRichTextValue(): FakeRichTextValue {
    this.rec('getRichTextValue');
    const v = this.sheet.valueAt(this.row - 1, this.col - 1);
    return new FakeRichTextValue(isDate(v) ? v.toISOString() : String(v), this.sheet.format(this.row - 1, this.col - 1).link ?? null, []);
  }

  // Formats: a single value for the whole range, or a 2-D array of the range's size.
  private setAll(method: string, patch: Partial<CellFormat>): FakeRange {
    this.rec(method);
    this.guard();
    this.each((r, c) => this.sheet.setFormat(r, c, patch));
    return this;
  }
  private setEach<T>(method: string, values: Grid2<T>, field: keyof CellFormat): FakeRange {
    this.rec(method);
    this.checkDims(values, 'data');
    this.guard();
    this.each((r, c, i, j) => this.sheet.setFormat(r, c, { [field]: values[i][j] } as Partial<CellFormat>));
    return this;
  }
  private getEach<K extends keyof CellFormat>(method: string, field: K, fallback: NonNullable<CellFormat[K]> | null): Array<Array<CellFormat[K] | null>> {
    this.rec(method);
    return this.grid((r, c) => this.sheet.format(r, c)[field] ?? fallback);
  }

  setBackground(color: string | null): FakeRange {
    return this.setAll('setBackground', { background: color });
  }
  setBackgrounds(colors: Grid2<string | null>): FakeRange {
    return this.setEach('setBackgrounds', colors, 'background');
  }
  getBackgrounds(): Array<Array<string | null>> {
    return this.getEach('getBackgrounds', 'background', '#ffffff') as Array<Array<string | null>>;
  }
  getBackground(): string {
    this.rec('getBackground');
    return this.sheet.format(this.row - 1, this.col - 1).background ?? '#ffffff';
  }
  setFontColor(color: string | null): FakeRange {
    return this.setAll('setFontColor', { fontColor: color });
  }
  setFontColors(colors: Grid2<string | null>): FakeRange {
    return this.setEach('setFontColors', colors, 'fontColor');
  }
  getFontColors(): Array<Array<string | null>> {
    return this.getEach('getFontColors', 'fontColor', '#000000') as Array<Array<string | null>>;
  }
  setFontWeight(weight: string | null): FakeRange {
    return this.setAll('setFontWeight', { fontWeight: weight });
  }
  setFontWeights(weights: Grid2<string | null>): FakeRange {
    return this.setEach('setFontWeights', weights, 'fontWeight');
  }
  getFontWeights(): Array<Array<string | null>> {
    return this.getEach('getFontWeights', 'fontWeight', 'normal') as Array<Array<string | null>>;
  }
  getFontWeight(): string {
    this.rec('getFontWeight');
    return this.sheet.format(this.row - 1, this.col - 1).fontWeight ?? 'normal';
  }
  setFontSize(size: number): FakeRange {
    return this.setAll('setFontSize', { fontSize: size });
  }
  setFontFamily(family: string | null): FakeRange {
    return this.setAll('setFontFamily', { fontFamily: family });
  }
  getFontFamily(): string {
    this.rec('getFontFamily');
    return this.sheet.format(this.row - 1, this.col - 1).fontFamily ?? 'Arial';
  }
  setFontStyle(style: string | null): FakeRange {
    return this.setAll('setFontStyle', { fontStyle: style });
  }
  setFontStyles(styles: Grid2<string | null>): FakeRange {
    return this.setEach('setFontStyles', styles, 'fontStyle');
  }
  getFontStyles(): Array<Array<string | null>> {
    return this.getEach('getFontStyles', 'fontStyle', 'normal') as Array<Array<string | null>>;
  }
  setFontSizes(sizes: Grid2<number>): FakeRange {
    return this.setEach('setFontSizes', sizes, 'fontSize');
  }
  getFontSizes(): number[][] {
    return this.getEach('getFontSizes', 'fontSize', 10) as number[][];
  }
  setNote(note: string | null): FakeRange {
    return this.setAll('setNote', { note: note ?? '' });
  }
  setNotes(notes: Grid2<string | null>): FakeRange {
    this.rec('setNotes');
    this.checkDims(notes, 'data');
    this.guard();
    this.each((r, c, i, j) => this.sheet.setFormat(r, c, { note: notes[i][j] ?? '' }));
    return this;
  }
  getNotes(): string[][] {
    return this.getEach('getNotes', 'note', '') as string[][];
  }
  getNote(): string {
    this.rec('getNote');
    return this.sheet.format(this.row - 1, this.col - 1).note ?? '';
  }
  setNumberFormat(format: string): FakeRange {
    return this.setAll('setNumberFormat', { numberFormat: format });
  }
  setNumberFormats(formats: Grid2<string>): FakeRange {
    return this.setEach('setNumberFormats', formats, 'numberFormat');
  }
  getNumberFormats(): string[][] {
    return this.getEach('getNumberFormats', 'numberFormat', 'General') as string[][];
  }
  getNumberFormat(): string {
    this.rec('getNumberFormat');
    return this.sheet.format(this.row - 1, this.col - 1).numberFormat ?? 'General';
  }
  setWrap(wrap: boolean): FakeRange {
    return this.setAll('setWrap', { wrap });
  }
  setWraps(wraps: Grid2<boolean>): FakeRange {
    return this.setEach('setWraps', wraps, 'wrap');
  }
  setWrapStrategy(strategy: string): FakeRange {
    return this.setAll('setWrapStrategy', { wrap: strategy === 'WRAP' });
  }
  setHorizontalAlignment(a: string | null): FakeRange {
    return this.setAll('setHorizontalAlignment', { horizontalAlignment: a });
  }
  setHorizontalAlignments(alignments: Grid2<string | null>): FakeRange {
    return this.setEach('setHorizontalAlignments', alignments, 'horizontalAlignment');
  }
  getHorizontalAlignments(): Array<Array<string | null>> {
    return this.getEach('getHorizontalAlignments', 'horizontalAlignment', 'general') as Array<Array<string | null>>;
  }
  setVerticalAlignment(a: string | null): FakeRange {
    return this.setAll('setVerticalAlignment', { verticalAlignment: a });
  }
  setVerticalAlignments(alignments: Grid2<string | null>): FakeRange {
    return this.setEach('setVerticalAlignments', alignments, 'verticalAlignment');
  }
  getVerticalAlignments(): Array<Array<string | null>> {
    return this.getEach('getVerticalAlignments', 'verticalAlignment', 'bottom') as Array<Array<string | null>>;
  }
  getWraps(): boolean[][] {
    return this.getEach('getWraps', 'wrap', true) as boolean[][];
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    return this.setAll('setDataValidation', { validation: rule });
  }
  setDataValidations(rules: Grid2<FakeDataValidation | null>): FakeRange {
    return this.setEach('setDataValidations', rules, 'validation');
  }
  getDataValidation(): FakeDataValidation | null {
    this.rec('getDataValidation');
    return this.sheet.format(this.row - 1, this.col - 1).validation ?? null;
  }
  getDataValidations(): Array<Array<FakeDataValidation | null>> {
    return this.getEach('getDataValidations', 'validation', null) as Array<Array<FakeDataValidation | null>>;
  }
  clearDataValidations(): FakeRange {
    return this.setAll('clearDataValidations', { validation: null });
  }

  protect(): FakeProtection {
    this.rec('protect');
    this.guard();
    const p = new FakeProtection(this.sheet.core, this.sheet.spreadsheet, ProtectionType.RANGE, this.sheet, this);
    this.sheet.spreadsheet.protections.push(p);
    return p;
  }
}

export class FakeProtection {
  private description = '';
  private warningOnly = false;
  private domainEdit = true;
  private readonly editors: Set<string>;
  private unprotected: FakeRange[] = [];

  constructor(
    private readonly core: GasCore,
    private readonly spreadsheet: FakeSpreadsheet,
    readonly type: string,
    readonly sheet: FakeSheet,
    readonly range: FakeRange | null,
  ) {
    // Mirrors the spreadsheet's permissions until the script changes them.
    this.editors = new Set([core.owner, core.effectiveUser, ...core.spreadsheetEditors].map((e) => e.toLowerCase()));
  }

  private rec(method: string, detail?: string): void {
    this.core.record('Protection', method, { sheet: this.sheet.name, detail });
  }

  /** Only the owner and the protection's editors may change it. */
  private guard(): void {
    if (!this.canUserEdit(this.core.actor)) throw new Error(PROTECTED_MESSAGE);
  }

  /** Unrecorded: may `email` edit what this protects? The owner always may. */
  canUserEdit(email: string): boolean {
    const e = email.toLowerCase();
    return e === this.core.owner.toLowerCase() || this.editors.has(e);
  }

  isWarningOnlyUnrecorded(): boolean {
    return this.warningOnly;
  }

  /** Does this protection cover any cell of the block (1-based)? A sheet protection spares its unprotected ranges. */
  covers(row: number, col: number, rows: number, cols: number): boolean {
    const overlaps = (r: FakeRange) => r.row < row + rows && row < r.row + r.rows && r.col < col + cols && col < r.col + r.cols;
    const inside = (r: FakeRange) => row >= r.row && col >= r.col && row + rows <= r.row + r.rows && col + cols <= r.col + r.cols;
    if (this.range) return overlaps(this.range);
    return !this.unprotected.some(inside);
  }

  getProtectionType(): string {
    this.rec('getProtectionType');
    return this.type;
  }
  getRange(): FakeRange {
    this.rec('getRange');
    return this.range ?? this.sheet.rangeUnrecorded(1, 1, this.sheet.maxRows, this.sheet.maxColumns);
  }
  getDescription(): string {
    this.rec('getDescription');
    return this.description;
  }
  setDescription(d: string): FakeProtection {
    this.rec('setDescription', d);
    this.guard();
    this.description = d;
    return this;
  }
  isWarningOnly(): boolean {
    this.rec('isWarningOnly');
    return this.warningOnly;
  }
  setWarningOnly(w: boolean): FakeProtection {
    this.rec('setWarningOnly', String(w));
    this.guard();
    this.warningOnly = w;
    return this;
  }
  canDomainEdit(): boolean {
    this.rec('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(d: boolean): FakeProtection {
    this.rec('setDomainEdit', String(d));
    this.guard();
    this.domainEdit = d;
    return this;
  }
  /** Whether the script's user may edit what this protects (and the protection itself). */
  canEdit(): boolean {
    this.rec('canEdit');
    return this.canUserEdit(this.core.actor);
  }
  getEditors(): FakeUser[] {
    this.rec('getEditors');
    return [...this.editors].map((e) => new FakeUser(e));
  }
  addEditor(user: string | FakeUser): FakeProtection {
    this.rec('addEditor');
    this.guard();
    this.editors.add(emailOf(user));
    return this;
  }
  addEditors(emails: ReadonlyArray<string>): FakeProtection {
    this.rec('addEditors', `${emails.length}`);
    this.guard();
    for (const e of emails) this.editors.add(emailOf(e));
    return this;
  }
  removeEditor(user: string | FakeUser): FakeProtection {
    this.rec('removeEditor');
    this.guard();
    this.drop(emailOf(user));
    return this;
  }
  removeEditors(users: ReadonlyArray<string | FakeUser>): FakeProtection {
    this.rec('removeEditors', `${users.length}`);
    this.guard();
    for (const u of users) this.drop(emailOf(u));
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    this.rec('getUnprotectedRanges');
    return [...this.unprotected];
  }
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.rec('setUnprotectedRanges');
    this.guard();
    this.unprotected = [...ranges];
    return this;
  }
  remove(): void {
    this.rec('remove');
    this.guard();
    const i = this.spreadsheet.protections.indexOf(this);
    if (i >= 0) this.spreadsheet.protections.splice(i, 1);
  }

  // ---- Test helpers (unrecorded) ----
  get info(): { type: string; sheet: string; range: string | null; description: string; warningOnly: boolean; domainEdit: boolean; editors: string[] } {
    return {
      type: this.type,
      sheet: this.sheet.name,
      range: this.range ? this.range.a1() : null,
      description: this.description,
      warningOnly: this.warningOnly,
      domainEdit: this.domainEdit,
      editors: [...this.editors].sort(),
    };
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  private drop(email: string): void {
    if (email === this.core.owner.toLowerCase() || email === this.core.effectiveUser.toLowerCase()) return;
    this.editors.delete(email);
  }
}

function emailOf(user: string | FakeUser | { getEmail(): string }): string {
  return (typeof user === 'string' ? user : user.getEmail()).toLowerCase();
}

export class FakeDeveloperMetadata {
  constructor(
    private readonly sheet: FakeSheet,
    readonly id: number,
    readonly key: string,
    public value: string | null,
    readonly visibility: string,
  ) {}
  private rec(method: string): void {
    this.sheet.core.record('DeveloperMetadata', method, { sheet: this.sheet.name, detail: this.key });
  }
  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  getVisibility(): string {
    return this.visibility;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.rec('setValue');
    this.sheet.spreadsheet.assertCanEditSheet(this.sheet);
    this.sheet.spreadsheet.assertCanEdit(this.sheet, 1, 1, this.sheet.maxRows, this.sheet.maxColumns);
    const was = this.value;
    this.value = value;
    try {
      this.sheet.checkMetadataSize();
    } catch (e) {
      this.value = was;
      throw e;
    }
    return this;
  }
  remove(): void {
    this.rec('remove');
    this.sheet.spreadsheet.assertCanEditSheet(this.sheet);
    const i = this.sheet.metadata.indexOf(this);
    if (i >= 0) this.sheet.metadata.splice(i, 1);
  }
}

export class FakeDataValidation {
  constructor(
    readonly criteriaType: string,
    readonly criteriaValues: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    return [...this.criteriaValues];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b.criteria(this.criteriaType, this.criteriaValues);
    return b.setAllowInvalid(this.allowInvalid).setHelpText(this.helpText);
  }
}

export class FakeDataValidationBuilder {
  private type: string | null = null;
  private values: unknown[] = [];
  private allowInvalid = true;
  private help = '';

  criteria(type: string, values: unknown[]): FakeDataValidationBuilder {
    this.type = type;
    this.values = values;
    return this;
  }
  requireValueInList(values: readonly string[], showDropdown = true): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }
  requireDate(): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  requireNumberBetween(a: number, b: number): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.NUMBER_BETWEEN, [a, b]);
  }
  requireNumberGreaterThanOrEqualTo(a: number): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [a]);
  }
  requireNumberLessThanOrEqualTo(a: number): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [a]);
  }
  requireNumberGreaterThan(a: number): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.NUMBER_GREATER_THAN, [a]);
  }
  requireNumberLessThan(a: number): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.NUMBER_LESS_THAN, [a]);
  }
  requireNumberEqualTo(a: number): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.NUMBER_EQUAL_TO, [a]);
  }
  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }
  requireTextIsUrl(): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.TEXT_IS_VALID_URL, []);
  }
  requireCheckbox(...values: unknown[]): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.CHECKBOX, values);
  }
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    return this.criteria(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }
  setAllowInvalid(allow: boolean): FakeDataValidationBuilder {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): FakeDataValidationBuilder {
    this.help = text;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.type) throw new Error('Exception: The data validation rule has no criteria.');
    return new FakeDataValidation(this.type, this.values, this.allowInvalid, this.help);
  }
}

export class FakeBooleanCondition {
  constructor(
    readonly criteriaType: string,
    readonly criteriaValues: unknown[],
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly bold: boolean | null,
  ) {}
  getCriteriaType(): string {
    return this.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    return [...this.criteriaValues];
  }
  getBackground(): string | null {
    return this.background;
  }
  getFontColor(): string | null {
    return this.fontColor;
  }
  getBold(): boolean | null {
    return this.bold;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly condition: FakeBooleanCondition,
    readonly ranges: FakeRange[],
  ) {}
  getBooleanCondition(): FakeBooleanCondition {
    return this.condition;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    b.when(this.condition.criteriaType, this.condition.criteriaValues);
    if (this.condition.background) b.setBackground(this.condition.background);
    if (this.condition.fontColor) b.setFontColor(this.condition.fontColor);
    if (this.condition.bold !== null) b.setBold(this.condition.bold);
    return b.setRanges(this.ranges);
  }
}

export class FakeConditionalFormatRuleBuilder {
  private type: string | null = null;
  private values: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  private ranges: FakeRange[] = [];

  when(type: string, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.type = type;
    this.values = values;
    return this;
  }
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.TEXT_STARTS_WITH, [text]);
  }
  whenNumberBetween(a: number, b: number): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.NUMBER_BETWEEN, [a, b]);
  }
  whenNumberEqualTo(a: number): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, [a]);
  }
  whenNumberGreaterThan(a: number): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [a]);
  }
  whenNumberLessThan(a: number): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [a]);
  }
  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this.bold = bold;
    return this;
  }
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (!this.type) throw new Error('Exception: The conditional format rule has no condition.');
    if (this.ranges.length === 0) throw new Error('Exception: The conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(new FakeBooleanCondition(this.type, this.values, this.background, this.fontColor, this.bold), this.ranges);
  }
}

/** A text with links (whole text, or runs by character offsets). */
export class FakeRichTextValue {
  constructor(
    private readonly text: string,
    private readonly link: string | null,
    readonly runs: ReadonlyArray<{ start: number; end: number; url: string | null }>,
  ) {}
  getText(): string {
    return this.text;
  }
  /** The link of the whole text (null when none, or when only part of the text is linked). */
  getLinkUrl(start?: number, end?: number): string | null {
    if (start === undefined) return this.link;
    const run = this.runs.find((r) => r.start <= start && end !== undefined && end <= r.end);
    return run?.url ?? (this.link && start >= 0 && end !== undefined && end <= this.text.length ? this.link : null);
  }
  copy(): FakeRichTextValueBuilder {
    const b = new FakeRichTextValueBuilder().setText(this.text);
    if (this.link) b.setLinkUrl(this.link);
    for (const r of this.runs) if (r.url) b.setLinkUrl(r.start, r.end, r.url);
    return b;
  }
}

export class FakeRichTextValueBuilder {
  private text = '';
  private link: string | null = null;
  private runs: Array<{ start: number; end: number; url: string | null }> = [];

  setText(text: string): FakeRichTextValueBuilder {
    this.text = String(text);
    this.link = null;
    this.runs = [];
    return this;
  }
  /** setLinkUrl(url) for the whole text, or setLinkUrl(start, end, url) for part of it. */
  setLinkUrl(a: string | number | null, b?: number, c?: string | null): FakeRichTextValueBuilder {
    if (typeof a === 'number') {
      if (b === undefined || a < 0 || b > this.text.length || a >= b) throw new Error('Exception: Invalid argument: the offsets are outside the text.');
      this.runs.push({ start: a, end: b, url: c ?? null });
    } else {
      this.link = a;
    }
    return this;
  }
  setTextStyle(): FakeRichTextValueBuilder {
    return this;
  }
  build(): FakeRichTextValue {
    return new FakeRichTextValue(this.text, this.link, [...this.runs]);
  }
}
