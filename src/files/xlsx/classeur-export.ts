/**
 * Writes a `ClasseurExport` (domain/tet/classeur.ts) as a new `.xlsx`,
 * straight to SpreadsheetML: no workbook model, no object per cell. Each
 * sheet's XML is produced row by row into UTF-8 blocks of about a megabyte,
 * then deflated (zip.ts): the regional rollup's `Actions` of tens of
 * thousands of rows costs its XML's size, not hundreds of megabytes of cell
 * objects as through exceljs.
 *
 * What the file holds:
 * - values typed: numbers as numbers, booleans as booleans, dates as date
 *   serials (1900 system) with a date format (the zone's when it shows
 *   dates, else `dd/mm/yyyy`, or `dd/mm/yyyy hh:mm` with a time of day);
 *   text in the shared string table, never a formula (`=SOMME(A1)` stays text);
 * - text exactly: XML specials escaped, carriage returns as `&#13;` (XML
 *   parsers fold a literal one into a line feed), characters XML cannot hold
 *   (control characters, lone surrogates) as OOXML's `_xHHHH_`, a literal
 *   `_xHHHH_` escaped in turn (xml.ts);
 * - a text longer than Excel's 32,767 characters a cell is cut there (never
 *   inside a surrogate pair): Excel declares a longer cell a damaged file and
 *   cuts it itself when "repairing" it. The cells cut are returned by
 *   `classeurToXlsx` (the import of the source workbook already names them:
 *   `texte-trop-long`, domain/parse/rows.ts);
 * - a merged range shows its first cell: values in its other cells are not
 *   written (as Excel and Google Sheets do when cells are merged);
 * - column widths, number formats by zone, bold header rows (wrapped, top
 *   aligned), merges, frozen rows, an autofilter over the header row and the
 *   data below it (with the hidden `_xlnm._FilterDatabase` name Excel
 *   expects), document properties (creator "Cap Circulaire").
 *
 * Sheet names follow Excel's rules (1 to 31 characters, none of `: \ / ? * [ ]`,
 * no apostrophe first or last, unique ignoring case, not `History`): a name
 * breaking them is a programming error and throws. They come from the
 * domain's constants, never from what users type.
 */
import type { Cell } from '../../domain/table/cell';
import { columnLetter } from '../../domain/table/locate';
import type { ClasseurExport, FeuilleExport } from '../../domain/tet/classeur';
import { dateToSerial } from './read';
import { builtinNumFmtId, isDateFormat } from './styles';
import { encodeOoxml, escapeAttr, escapeText } from './xml';
import { dosNow, newEntry, writeZip, type Deflater, type ZipEntry } from './zip';

/** Excel's maximum length of a cell's text (Excel specifications and limits). */
export const EXCEL_TEXT_MAX = 32_767;
/** Excel's grid (rows × columns). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const SHEET_NAME_MAX = 31;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CREATOR = 'Cap Circulaire';
const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** A cell whose text was cut at Excel's limit. */
export interface TexteCoupe {
  readonly feuille: string;
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  /** Length of the text given, in UTF-16 code units (as Excel counts). */
  readonly length: number;
}

export interface ClasseurXlsx {
  readonly bytes: Uint8Array;
  readonly truncated: readonly TexteCoupe[];
}

/** The `.xlsx` bytes of `classeur` (see the file comment for what they hold). */
export async function classeurToBuffer(classeur: ClasseurExport, deflater?: Deflater): Promise<Uint8Array> {
  return (await classeurToXlsx(classeur, { deflater })).bytes;
}

export async function classeurToXlsx(classeur: ClasseurExport, options: { deflater?: Deflater; now?: Date } = {}): Promise<ClasseurXlsx> {
  const now = options.now ?? new Date();
  const stamp = dosNow(now);
  const feuilles = classeur.feuilles;
  checkSheetNames(feuilles);
  const styles = new CellStyles();
  const strings = new SharedStrings();
  const truncated: TexteCoupe[] = [];
  const entries: ZipEntry[] = [];
  const add = async (name: string, data: Uint8Array) => entries.push(await newEntry(name, data, stamp, options.deflater));
  const encoder = new TextEncoder();

  await add('[Content_Types].xml', encoder.encode(contentTypes(feuilles.length)));
  await add('_rels/.rels', encoder.encode(rootRels()));
  await add('docProps/app.xml', encoder.encode(appProps(feuilles)));
  await add('docProps/core.xml', encoder.encode(coreProps(now)));
  await add('xl/workbook.xml', encoder.encode(workbookXml(feuilles)));
  await add('xl/_rels/workbook.xml.rels', encoder.encode(workbookRels(feuilles.length)));
  // One sheet at a time: its XML is released once deflated.
  for (let i = 0; i < feuilles.length; i++) await add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(feuilles[i], i === 0, styles, strings, truncated));
  await add('xl/sharedStrings.xml', strings.xml());
  await add('xl/styles.xml', encoder.encode(styles.xml()));
  return { bytes: writeZip(entries), truncated };
}

// ---------------------------------------------------------------------------
// Sheet names

function checkSheetNames(feuilles: readonly FeuilleExport[]): void {
  if (feuilles.length === 0) throw new Error('classeur-export: a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const f of feuilles) {
    const name = f.name;
    if (name.length === 0 || name.length > SHEET_NAME_MAX) throw new Error(`classeur-export: sheet name "${name}" must have 1 to ${SHEET_NAME_MAX} characters`);
    if (/[:\\/?*[\]]/.test(name)) throw new Error(`classeur-export: sheet name "${name}" has one of : \\ / ? * [ ]`);
    if (name.startsWith("'") || name.endsWith("'")) throw new Error(`classeur-export: sheet name "${name}" starts or ends with an apostrophe`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\ufffe\uffff]/.test(name)) throw new Error(`classeur-export: sheet name "${name}" has a control character`);
    const key = name.toLowerCase();
    if (key === 'history') throw new Error('classeur-export: "History" is a name Excel reserves');
    if (seen.has(key)) throw new Error(`classeur-export: two sheets are named "${name}" (Excel ignores case)`);
    seen.add(key);
  }
}

/** A sheet name in a reference: always quoted, apostrophes doubled (`'Plan d''actions'!$A$1`). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------
// Styles

/** The cell formats the sheets use, each (number format, header) pair once. */
class CellStyles {
  private readonly customFormats = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly index = new Map<string, number>([['0|0', 0]]);

  /** Index of the cell format with number format `code` ('' for General), bold header or not. */
  of(code: string, header: boolean): number {
    const id = code === '' ? 0 : this.numFmtId(code);
    const key = `${id}|${header ? 1 : 0}`;
    let xf = this.index.get(key);
    if (xf === undefined) {
      xf = this.xfs.length;
      this.xfs.push(
        `<xf numFmtId="${id}" fontId="${header ? 1 : 0}" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}` +
          (header ? ' applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : '/>'),
      );
      this.index.set(key, xf);
    }
    return xf;
  }

  private numFmtId(code: string): number {
    const builtin = builtinNumFmtId(code);
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(code);
    if (id === undefined) this.customFormats.set(code, (id = 164 + this.customFormats.size));
    return id;
  }

  xml(): string {
    const numFmts = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return (
      `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

// ---------------------------------------------------------------------------
// Shared strings

/**
 * The shared string table: each distinct text once (territory names, statuses
 * and labels repeat over thousands of rows), as Excel itself writes text.
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  xml(): Uint8Array {
    const out = new Utf8Blocks();
    out.push(`${XML_DECL}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`);
    for (const text of this.index.keys()) out.push(`<si>${textElement(text)}</si>`);
    out.push('</sst>');
    this.index.clear();
    return out.bytes();
  }
}

// ---------------------------------------------------------------------------
// Worksheets

/** UTF-8 blocks of a part being written: strings are joined and encoded about every megabyte. */
class Utf8Blocks {
  private parts: string[] = [];
  private pending = 0;
  private readonly blocks: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();

  push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.blocks.push(this.encoder.encode(this.parts.join('')));
    this.parts = [];
    this.pending = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    if (this.blocks.length === 1) return this.blocks[0];
    let size = 0;
    for (const b of this.blocks) size += b.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += b.length;
    }
    this.blocks.length = 0;
    return out;
  }
}

interface Zone {
  readonly top: number;
  readonly left: number;
  /** Exclusive. */
  readonly bottom: number;
  readonly right: number;
}

function zoneOf(z: { row: number; col: number; rows: number; cols: number }): Zone {
  return { top: z.row, left: z.col, bottom: z.row + Math.max(0, z.rows), right: z.col + Math.max(0, z.cols) };
}

function sheetXml(f: FeuilleExport, selected: boolean, styles: CellStyles, strings: SharedStrings, truncated: TexteCoupe[]): Uint8Array {
  const formats = f.formats.map((z) => ({ ...zoneOf(z), code: z.numberFormat }));
  const merges = f.merges.map(zoneOf).filter((m) => m.bottom - m.top >= 1 && m.right - m.left >= 1 && (m.bottom - m.top > 1 || m.right - m.left > 1));
  const bold = new Set(f.boldRows.filter((r) => Number.isInteger(r) && r >= 0));
  const width = f.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  // Rows to visit: values, format zones, header rows.
  let rowCount = f.rows.length;
  for (const z of formats) if (z.right > z.left) rowCount = Math.max(rowCount, z.bottom);
  for (const r of bold) rowCount = Math.max(rowCount, r + 1);
  let colCount = width;
  for (const z of formats) if (z.bottom > z.top) colCount = Math.max(colCount, z.right);
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom);
    colCount = Math.max(colCount, m.right);
  }
  if (rowCount > MAX_ROWS || colCount > MAX_COLS) throw new Error(`classeur-export: sheet "${f.name}" is larger than Excel's grid (${rowCount} rows, ${colCount} columns)`);
  const letters: string[] = [];
  for (let c = 0; c < colCount; c++) letters.push(columnLetter(c));

  const out = new Utf8Blocks();
  const frozen = Math.max(0, Math.floor(f.frozenRows || 0));
  const pane = frozen > 0 ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>` : '';
  out.push(
    `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      // The used range: values, and the formatted cells of zones and header rows.
      `<dimension ref="${colCount > 0 && rowCount > 0 ? `A1:${letters[colCount - 1]}${rowCount}` : 'A1'}"/>` +
      `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      colsXml(f.widths) +
      '<sheetData>',
  );

  const dateStyles = new Map<string, number>();
  /** The cell format of a date under zone format `code` (header or not). */
  const dateStyle = (code: string, header: boolean, withTime: boolean): number => {
    const key = `${code}|${header}|${withTime}`;
    let s = dateStyles.get(key);
    if (s === undefined) dateStyles.set(key, (s = styles.of(code !== '' && isDateFormat(code) ? code : withTime ? DATE_TIME_FORMAT : DATE_FORMAT, header)));
    return s;
  };
  const plain = new Map<string, number>();
  const styleOf = (code: string, header: boolean): number => {
    const key = `${code}|${header}`;
    let s = plain.get(key);
    if (s === undefined) plain.set(key, (s = styles.of(code, header)));
    return s;
  };

  const codes: string[] = new Array<string>(colCount).fill('');
  for (let r = 0; r < rowCount; r++) {
    const values: readonly Cell[] = f.rows[r] ?? [];
    const header = bold.has(r);
    // Number formats of this row's columns: the last zone given wins (as successive assignments did).
    let formatted = false;
    for (const z of formats) {
      if (r < z.top || r >= z.bottom) continue;
      if (!formatted) {
        codes.fill('');
        formatted = true;
      }
      for (let c = z.left; c < z.right; c++) codes[c] = z.code;
    }
    let slaves: Zone[] | null = null;
    for (const m of merges) if (r >= m.top && r < m.bottom) (slaves ??= []).push(m);
    const end = formatted || header || slaves ? colCount : values.length;
    const ref = r + 1;
    let cells = '';
    for (let c = 0; c < end; c++) {
      const code = formatted ? codes[c] : '';
      let v: Cell | undefined = values[c];
      if (slaves && v !== null && v !== undefined) {
        for (const m of slaves) if (c >= m.left && c < m.right && (r !== m.top || c !== m.left)) v = null;
      }
      if (v === null || v === undefined || v === '') {
        if (code !== '' || header) cells += `<c r="${letters[c]}${ref}" s="${styleOf(code, header)}"/>`;
        continue;
      }
      switch (typeof v) {
        case 'number': {
          if (!Number.isFinite(v)) {
            if (code !== '' || header) cells += `<c r="${letters[c]}${ref}" s="${styleOf(code, header)}"/>`;
            break;
          }
          const s = code !== '' || header ? styleOf(code, header) : 0;
          cells += `<c r="${letters[c]}${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`;
          break;
        }
        case 'boolean': {
          const s = code !== '' || header ? styleOf(code, header) : 0;
          cells += `<c r="${letters[c]}${ref}"${s ? ` s="${s}"` : ''} t="b"><v>${v ? 1 : 0}</v></c>`;
          break;
        }
        case 'string': {
          let text = v;
          if (text.length > EXCEL_TEXT_MAX) {
            truncated.push({ feuille: f.name, row: r, col: c, length: text.length });
            text = cutAt(text, EXCEL_TEXT_MAX);
          }
          const s = code !== '' || header ? styleOf(code, header) : 0;
          cells += `<c r="${letters[c]}${ref}"${s ? ` s="${s}"` : ''} t="s"><v>${strings.of(text)}</v></c>`;
          break;
        }
        default: {
          // A Date (the only object a Cell can be).
          const time = v.getTime();
          if (Number.isNaN(time)) {
            if (code !== '' || header) cells += `<c r="${letters[c]}${ref}" s="${styleOf(code, header)}"/>`;
            break;
          }
          const withTime = time % 86_400_000 !== 0;
          cells += `<c r="${letters[c]}${ref}" s="${dateStyle(code, header, withTime)}"><v>${dateToSerial(v, false)}</v></c>`;
        }
      }
    }
    if (header) out.push(`<row r="${ref}" s="${styleOf('', true)}" customFormat="1">${cells}</row>`);
    else if (cells !== '') out.push(`<row r="${ref}">${cells}</row>`);
  }
  out.push('</sheetData>');

  const filter = autoFilterRange(f, width);
  if (filter) out.push(`<autoFilter ref="${filter.ref}"/>`);
  if (merges.length > 0) {
    out.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) out.push(`<mergeCell ref="${letters[m.left]}${m.top + 1}:${letters[m.right - 1]}${m.bottom}"/>`);
    out.push('</mergeCells>');
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.bytes();
}

/** `<t>` of a text, kept exactly (see the file comment). */
function textElement(text: string): string {
  const body = escapeText(encodeOoxml(text));
  const c0 = body.charCodeAt(0);
  const cn = body.charCodeAt(body.length - 1);
  const preserve = c0 <= 32 || cn <= 32 || c0 === 0xa0 || cn === 0xa0 || body.indexOf('\n') >= 0 || body.indexOf('\t') >= 0;
  return preserve ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

/** The first `max` UTF-16 code units of `s`, one less rather than half a surrogate pair. */
export function cutAt(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function colsXml(widths: readonly number[]): string {
  let cols = '';
  widths.forEach((w, c) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) return;
    cols += `<col min="${c + 1}" max="${c + 1}" width="${Math.min(255, w)}" customWidth="1"/>`;
  });
  return cols ? `<cols>${cols}</cols>` : '';
}

/** The autofilter's range: the header row (row `frozenRows`) and every row below it, over the sheet's width. */
function autoFilterRange(f: FeuilleExport, width: number): { ref: string; absolute: string } | null {
  if (!f.autoFilter || f.frozenRows <= 0 || width <= 0) return null;
  const last = columnLetter(width - 1);
  const top = f.frozenRows;
  const bottom = Math.max(top, f.rows.length);
  return { ref: `A${top}:${last}${bottom}`, absolute: `$A$${top}:$${last}$${bottom}` };
}

// ---------------------------------------------------------------------------
// Package parts

function contentTypes(sheets: number): string {
  let overrides = '';
  for (let i = 1; i <= sheets; i++) overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    overrides +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

function rootRels(): string {
  return (
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}

function workbookRels(sheets: number): string {
  let rels = '';
  for (let i = 1; i <= sheets; i++) rels += `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return (
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${rels}` +
    `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

function workbookXml(feuilles: readonly FeuilleExport[]): string {
  const sheets = feuilles.map((f, i) => `<sheet name="${escapeAttr(f.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = feuilles
    .map((f, i) => {
      const range = autoFilterRange(f, f.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0));
      return range ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${quotedSheet(f.name)}!${range.absolute}`)}</definedName>` : '';
    })
    .join('');
  return (
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '</workbook>'
  );
}

function coreProps(now: Date): string {
  const when = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${CREATOR}</dc:creator><cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appProps(feuilles: readonly FeuilleExport[]): string {
  const titles = feuilles.map((f) => `<vt:lpstr>${escapeText(f.name)}</vt:lpstr>`).join('');
  return (
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${CREATOR}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${feuilles.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${feuilles.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}
