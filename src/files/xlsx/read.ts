/**
 * Reads an `.xlsx` (or `.xlsm`) into a MemoryWorkbook, with cells normalised
 * to what Apps Script's `getValues()` hands over, so the use cases see the
 * same grid on both platforms: a formula gives its cached result, rich text
 * and hyperlinks their text, an error value its code (`#REF!`), a merged
 * range its value in the master cell only, a date cell a Date (1900 and
 * 1904 date systems).
 *
 * The package is read part by part (zip.ts, package.ts), not through
 * exceljs: workbooks from Excel, LibreOffice (tables included), Google
 * Sheets, openpyxl, exceljs and Strict OOXML read alike; text is kept
 * exactly (a literal `_x0041_` stays `_x0041_`, control characters stay);
 * a formula stored without its result is reported (`readingIssues`), never
 * read silently as empty. The package is kept beside the grids
 * (`XlsxSource`): the writer patches it (patch.ts), so that what the engine
 * does not own is written back byte for byte.
 */
import { MemoryWorkbook } from '../../app/memory-workbook';
import type { Cell, Grid } from '../../domain/table/cell';
import { TAB } from '../../domain/schema/tabs';
import { XLSX_READ_MESSAGES as M } from '../../domain/messages/xlsx';
import { LISTS_SHEET, LISTS_SHEET_FALLBACK } from './constants';
import { OoxmlPackage } from './package';
import { child, colLetters, decodeRef, splitSheet } from './sheet-xml';
import { Styles } from './styles';
import { attr, decodeOoxml, elementsOf, prefixedAttr, tagsOf, textOf, unescapeXml } from './xml';
import { ZipError } from './zip';

/** Something the reader or the writer reports about one cell (French message from the catalogue). */
export interface XlsxIssue {
  readonly tab: string;
  /** 1-based row, as the user sees it. */
  readonly row: number;
  /** Column letter, as the user sees it. */
  readonly column: string;
  readonly kind: 'formula-without-value' | 'merged-cell-not-written' | 'formula-replaced';
  readonly message: string;
}

/** A worksheet of the package, under the name the engine uses. */
export interface SheetPart {
  /** Name in the file (may differ in case from the engine's: `actions` for `Actions`). */
  readonly fileName: string;
  readonly part: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** Merged ranges, 0-based inclusive. */
  readonly merges: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }>;
}

/** The file a MemoryWorkbook was read from: its package, and the grids as read. */
export interface XlsxSource {
  readonly pkg: OoxmlPackage;
  readonly workbookPart: string;
  readonly styles: Styles;
  readonly date1904: boolean;
  /** Worksheets by the engine's tab name. */
  readonly sheets: Map<string, SheetPart>;
  /** Grid of each tab as read (updated after each write), to write back only what changed. */
  readonly snapshot: Map<string, Grid>;
  /** What the last write could not do as asked (cells left alone), by cell. */
  writingIssues: XlsxIssue[];
}

export interface LoadedWorkbook {
  readonly workbook: MemoryWorkbook;
  readonly source: XlsxSource;
  /** Cells that could not be read as the user sees them (e.g. a formula without a stored result). */
  readonly readingIssues: XlsxIssue[];
}

/** Why a file cannot be read as a workbook. */
export class XlsxReadError extends Error {
  constructor(
    readonly kind: 'not-a-zip' | 'not-a-workbook' | 'encrypted' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

export const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
};

/** Excel's maximum grid (rows × columns): a larger reference is a damaged file, not data. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export async function readXlsxBuffer(data: ArrayBuffer | Uint8Array): Promise<LoadedWorkbook> {
  return readXlsx(data instanceof Uint8Array ? data : new Uint8Array(data));
}

export function readXlsx(data: Uint8Array): LoadedWorkbook {
  // An encrypted workbook is an OLE compound file (D0 CF 11 E0), not a zip.
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) throw new XlsxReadError('encrypted', M.encrypted);
  let pkg: OoxmlPackage;
  try {
    pkg = new OoxmlPackage(data);
  } catch (e) {
    throw new XlsxReadError(e instanceof ZipError && /encrypted/.test(e.message) ? 'encrypted' : 'not-a-zip', M.notAZip);
  }
  const root = pkg.rels('').find((r) => r.type.endsWith(REL.officeDocument));
  const workbookPart = root?.part ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPart);
  if (!workbookXml || !/<(?:[\w.-]+:)?workbook[\s>]/.test(workbookXml)) throw new XlsxReadError('not-a-workbook', M.notAWorkbook);

  const rels = pkg.rels(workbookPart);
  const stylesPart = rels.find((r) => r.type.endsWith(REL.styles))?.part;
  const styles = new Styles(stylesPart ? pkg.text(stylesPart) : undefined);
  const sstPart = rels.find((r) => r.type.endsWith(REL.sharedStrings))?.part;
  const shared = sstPart ? sharedStrings(pkg.text(sstPart) ?? '') : [];
  const pr = tagsOf(workbookXml, 'workbookPr')[0];
  const d1904 = pr ? attr(pr, 'date1904') : undefined;
  const date1904 = d1904 === '1' || d1904 === 'true';

  const fileSheets = tagsOf(workbookXml, 'sheet').map((tag) => {
    const id = prefixedAttr(tag, 'id');
    const rel = rels.find((r) => r.id === id);
    const state = (attr(tag, 'state') ?? 'visible') as SheetPart['state'];
    return { name: attr(tag, 'name') ?? '', rel, state };
  });
  const exact = new Set(fileSheets.map((s) => s.name));
  const known = new Map(Object.values(TAB).map((t) => [t.toLowerCase(), t] as const));

  const entries: Array<[string, Grid]> = [];
  const snapshot = new Map<string, Grid>();
  const sheets = new Map<string, SheetPart>();
  const readingIssues: XlsxIssue[] = [];
  for (const s of fileSheets) {
    // Chart sheets and dialog sheets hold no cells: kept in the file, not in the grids.
    if (!s.rel?.part || !s.rel.type.endsWith(REL.worksheet)) continue;
    if ((s.name === LISTS_SHEET || s.name === LISTS_SHEET_FALLBACK) && s.state !== 'visible') continue;
    // `actions` is `Actions` (Excel's tab names ignore case): read under the engine's name, written back under the user's.
    const canonical = known.get(s.name.toLowerCase());
    const name = canonical && !exact.has(canonical) ? canonical : s.name;
    const xml = pkg.text(s.rel.part);
    if (xml === undefined) throw new XlsxReadError('unreadable', M.missingPart(s.name));
    const { grid, merges } = readSheet(xml, { shared, styles, date1904, tab: name, issues: readingIssues });
    entries.push([name, grid]);
    snapshot.set(name, grid);
    sheets.set(name, { fileName: s.name, part: s.rel.part, state: s.state, merges });
  }
  pkg.release();
  return {
    workbook: new MemoryWorkbook(entries),
    source: { pkg, workbookPart, styles, date1904, sheets, snapshot, writingIssues: [] },
    readingIssues,
  };
}

function sharedStrings(xml: string): string[] {
  return elementsOf(xml, 'si').map(textOf);
}

interface SheetContext {
  readonly shared: readonly string[];
  readonly styles: Styles;
  readonly date1904: boolean;
  readonly tab: string;
  readonly issues: XlsxIssue[];
}

/** Excel serial day → Date (as exceljs and Apps Script: the wall-clock time, as UTC). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export function dateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

export function readSheet(xml: string, ctx: SheetContext): { grid: Grid; merges: SheetPart['merges'] } {
  const split = splitSheet(xml);
  const grid: Grid = [];
  for (const row of split.rows) {
    if (row.row >= MAX_ROWS) continue;
    let line: Cell[] | null = null;
    for (const cell of row.cells) {
      if (cell.col >= MAX_COLS) continue;
      const v = cellValue(cell.tag, cell.body, ctx, row.row, cell.col);
      if (v === null || v === '') continue;
      line ??= grid[row.row] ?? [];
      while (line.length < cell.col) line.push(null);
      line[cell.col] = v;
    }
    if (line) {
      while (grid.length < row.row) grid.push([]);
      grid[row.row] = line;
    }
  }
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  const merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  for (const tag of tagsOf(split.tail, 'mergeCell')) {
    const [a, b] = (attr(tag, 'ref') ?? '').split(':');
    const from = decodeRef(a ?? '');
    const to = decodeRef(b ?? a ?? '');
    if (!from || !to) continue;
    const m = { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
    merges.push(m);
    // A merged range's value lives in its master cell only, as in Google Sheets.
    for (let r = m.top; r <= m.bottom && r < grid.length; r++) {
      const line = grid[r];
      for (let c = m.left; c <= m.right && c < line.length; c++) if (r !== m.top || c !== m.left) line[c] = null;
    }
  }
  return { grid, merges };
}

/** One cell, normalised (see the file comment). */
function cellValue(tag: string, body: string, ctx: SheetContext, row: number, col: number): Cell {
  if (body === '') return null;
  const t = attr(tag, 't') ?? 'n';
  const f = child(body, 'f');
  const v = child(body, 'v');
  if (t === 'inlineStr') {
    const is = child(body, 'is');
    if (is) return textOf(`<is>${is.text}</is>`);
    if (!v) return null;
  }
  if (!v || (v.text === '' && t !== 'str')) {
    // A formula whose result was never stored (openpyxl, some exports): say so, never read it as empty.
    if (f) ctx.issues.push({ tab: ctx.tab, row: row + 1, column: colLetters(col), kind: 'formula-without-value', message: M.formulaWithoutValue(ctx.tab, `${colLetters(col)}${row + 1}`) });
    return null;
  }
  const raw = v.text;
  switch (t) {
    case 's': {
      const s = ctx.shared[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return decodeOoxml(unescapeXml(raw));
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return unescapeXml(raw).trim();
    case 'd': {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw.trim()}Z`);
      return isNaN(d.getTime()) ? unescapeXml(raw) : d;
    }
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw.trim() === '' ? null : unescapeXml(raw);
      const s = Number(attr(tag, 's') ?? 0);
      if (s > 0 && ctx.styles.isDate(s)) {
        const d = serialToDate(n, ctx.date1904);
        return isNaN(d.getTime()) ? n : d;
      }
      return n;
    }
  }
}
