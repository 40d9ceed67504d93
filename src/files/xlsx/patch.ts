/**
 * Writes a MemoryWorkbook back into the package it was read from, changing
 * only what the engine changed: the cells whose value differs from what the
 * file held (in the tabs the engine rewrote), the formats the engine applies
 * (format-xml.ts), the workbook's list of tabs when one is added, new cell
 * formats appended to the styles. Every other part — charts, drawings,
 * images, pivot tables, comments, tables, macros (`vbaProject.bin` of an
 * `.xlsm`, with its content type), defined names, unknown tabs — is copied
 * byte for byte, and so is everything of a rewritten tab outside its cells
 * (column widths, merges, conditional formats, validations, filters…).
 *
 * Cells: a value replaces a value; a cell inside a merged range (not its
 * top-left cell) is never written (a Réf. would land over the range's value)
 * and is reported; a user's formula whose row moved (rows identified by
 * their `Réf.`) moves with it; a formula that must give way to a value is
 * reported; the followers of an overwritten shared formula get their own
 * formula. Text is written as inline strings (no renumbering of the shared
 * strings), a string starting with `=` stays text.
 */
import type { MemoryWorkbook } from '../../app/memory-workbook';
import type { Cell, Grid } from '../../domain/table/cell';
import { XLSX_WRITE_MESSAGES as W } from '../../domain/messages/xlsx';
import { LISTS_SHEET, LISTS_SHEET_FALLBACK } from './constants';
import { applyFormatXml, applyLayoutXml, listsSheetGrid, type SheetEdit } from './format-xml';
import { ListsSheetBuilder } from './format';
import { refilter } from './filter';
import { shiftFormula } from './formula-shift';
import { closeWith } from './package';
import type { Deflater } from './zip';
import { dateToSerial, REL, type SheetPart, type XlsxIssue, type XlsxSource } from './read';
import { child, colLetters, encodeRef, splitSheet, type RawCell, type RawRow } from './sheet-xml';
import { attr, encodeOoxml, escapeAttr, escapeText, prefixedAttr, tagsOf, unescapeXml } from './xml';

export class XlsxWriteError extends Error {}

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function same(a: Cell | undefined, b: Cell | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  if (typeof x === 'number' && typeof y === 'number') return x === y || (Number.isNaN(x) && Number.isNaN(y));
  return x === y || ((x === '' || x === null) && (y === '' || y === null));
}

/** Patches `source` with the workbook's tabs; returns the new archive. The source then describes the file written. */
export async function patchXlsx(workbook: MemoryWorkbook, source: XlsxSource, deflater?: Deflater): Promise<Uint8Array> {
  const pkg = source.pkg;
  const names = workbook.sheetNames();
  const issues: XlsxIssue[] = [];
  let valuesChanged = false;
  let formulasChanged = false;
  const lists = new ListsSheetBuilder(names.includes(LISTS_SHEET) ? LISTS_SHEET_FALLBACK : LISTS_SHEET);

  for (const name of names) {
    let part = source.sheets.get(name);
    if (!part) {
      part = addSheet(source, name, names);
      source.sheets.set(name, part);
    }
    const grid = workbook.grid(name);
    const before = source.snapshot.get(name) ?? [];
    const format = workbook.formats.get(name);
    const layout = workbook.layouts.get(name);
    if (!hasChanges(grid, before) && !format && !layout) continue;
    const xml = pkg.text(part.part) ?? '';
    const result = patchSheet(xml, { tab: name, grid, before, source, part, issues });
    if (result.changed) valuesChanged = true;
    if (result.formulasChanged) formulasChanged = true;
    if (format || layout) {
      const edit: SheetEdit = { xml: DECODER.decode(result.bytes), styles: source.styles, tab: name };
      if (format) applyFormatXml(edit, format, lists);
      if (layout) applyLayoutXml(edit, layout);
      pkg.setText(part.part, edit.xml);
    } else pkg.setEncoded(part.part, result.bytes);
    const snapshot = grid.map((r) => r.slice());
    // Cells left alone keep, in the snapshot, the value the file still holds.
    for (const { row, col } of result.skipped) {
      snapshot[row] ??= [];
      snapshot[row][col] = before[row]?.[col] ?? null;
    }
    source.snapshot.set(name, snapshot);
  }

  if (lists.columns.length > 0) writeListsSheet(source, lists, names);

  if (source.styles.changed) {
    const stylesPart = pkg.rels(source.workbookPart).find((r) => r.type.endsWith(REL.styles))?.part;
    if (stylesPart) pkg.setText(stylesPart, source.styles.text);
    else addStylesPart(source);
    source.styles.changed = false;
  }
  if (valuesChanged) recalcOnOpen(source);
  if (formulasChanged) dropCalcChain(source);
  source.writingIssues = issues;
  const out = await pkg.write(deflater);
  pkg.release();
  return out;
}

/** Whether any cell differs from what the file held. */
function hasChanges(grid: Grid, before: Grid): boolean {
  const rows = Math.max(grid.length, before.length);
  for (let r = 0; r < rows; r++) {
    const now = grid[r] ?? EMPTY;
    const old = before[r] ?? EMPTY;
    if (now === old) continue;
    const cols = Math.max(now.length, old.length);
    for (let c = 0; c < cols; c++) if (!same(now[c], old[c])) return true;
  }
  return false;
}

const EMPTY: readonly Cell[] = [];

/** The value to write: a number Excel cannot hold (NaN, ±Infinity) is no value. */
function writable(v: Cell | undefined): Cell {
  return v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v;
}

interface PatchContext {
  readonly tab: string;
  readonly grid: Grid;
  readonly before: Grid;
  readonly source: XlsxSource;
  readonly part: SheetPart;
  readonly issues: XlsxIssue[];
}

interface FormulaCell {
  readonly row: number;
  readonly col: number;
  readonly cell: RawCell;
  /** Formula text (unescaped), for a shared follower its own translation. */
  readonly formula: string;
}

interface Patched {
  /** The part's new content, as UTF-8 bytes. */
  readonly bytes: Uint8Array;
  readonly changed: boolean;
  readonly formulasChanged: boolean;
  /** Cells left as the file had them (merged ranges): the snapshot keeps the file's value there. */
  readonly skipped: ReadonlyArray<{ row: number; col: number }>;
}

/** Strings joined and encoded to UTF-8 as they come, a megabyte at a time (a 20,000-row tab never exists as one string). */
class Utf8Sink {
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private size = 0;
  push(s: string): void {
    this.pending.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.pending.length > 0) this.chunks.push(ENCODER.encode(this.pending.join('')));
    this.pending = [];
    this.size = 0;
  }
  bytes(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8');
const KEY = 20000;

function patchSheet(xml: string, ctx: PatchContext): Patched {
  const split = splitSheet(xml);
  const p = split.prefix;
  const rows = new Map<number, RawRow>();
  for (const r of split.rows) rows.set(r.row, r);
  /**
   * Rows the file does not have: written straight from the grid when the
   * part is put together (no cell objects, no stored strings: a rebuilt
   * Actions has half a million cells).
   */
  const fresh = new Set<number>();
  const skipped: Array<{ row: number; col: number }> = [];
  let formulasChanged = false;
  let anyChange = false;
  const merges = ctx.part.merges;

  // The user's formulas in cells the engine changes: moved with their row when it moved, else reported.
  const moved = planFormulaMoves(split.rows, ctx);
  if (moved.to.size > 0) formulasChanged = true;

  /** A cell of the grid as XML for a row the file lacks (null: nothing to write); merged cells are left alone. */
  const freshCell = (r: number, c: number, v: Cell): string | null => {
    if (v === null || v === '') return null;
    if (merges.length > 0 && skipMerged(r, c, v)) return null;
    const movedIn = moved.to.get(r * KEY + c);
    return movedIn ? movedCell(r, c, movedIn, p) : valueCellXml(r, c, v, undefined, ctx.source, p);
  };
  const skipMerged = (r: number, c: number, v: Cell): boolean => {
    const master = mergeMaster(merges, r, c);
    if (!master) return false;
    if (v !== null) ctx.issues.push({ tab: ctx.tab, row: r + 1, column: colLetters(c), kind: 'merged-cell-not-written', message: W.mergedCellNotWritten(ctx.tab, encodeRef(r, c), `${encodeRef(master.top, master.left)}:${encodeRef(master.bottom, master.right)}`) });
    skipped.push({ row: r, col: c });
    return true;
  };

  const rowOf = (r: number): RawRow => {
    let row = rows.get(r);
    if (!row) {
      row = { row: r, tag: `<${p}row r="${r + 1}">`, cells: [] };
      if (fresh.delete(r)) {
        // Rare (a filter hides a new row): its cells as objects after all.
        const line = ctx.grid[r] ?? EMPTY;
        for (let c = 0; c < line.length; c++) {
          const x = freshCell(r, c, writable(line[c]));
          if (x) row.cells.push({ col: c, tag: x, body: '' });
        }
      }
      rows.set(r, row);
    }
    row.dirty = true;
    return row;
  };
  const findCell = (row: RawRow, col: number): number => {
    const cells = row.cells;
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i].col === col) return i;
    return -1;
  };

  const sharedMasters = new Map<string, { row: number; col: number; text: string }>();
  const rowCount = Math.max(ctx.grid.length, ctx.before.length);
  for (let r = 0; r < rowCount; r++) {
    const now = ctx.grid[r] ?? EMPTY;
    const old = ctx.before[r] ?? EMPTY;
    if (now === old) continue;
    if (!rows.has(r)) {
      // The file has no such row: whatever the grid holds there is new.
      for (let c = 0; c < now.length; c++) {
        if (writable(now[c]) !== null && now[c] !== '') {
          fresh.add(r);
          anyChange = true;
          break;
        }
      }
      continue;
    }
    const cols = Math.max(now.length, old.length);
    for (let c = 0; c < cols; c++) {
      if (same(now[c], old[c])) continue;
      anyChange = true;
      const value = writable(now[c]);
      if (merges.length > 0 && skipMerged(r, c, value)) continue;
      const row = rowOf(r);
      const i = findCell(row, c);
      const oldCell = i >= 0 ? row.cells[i] : undefined;
      const s = oldCell ? attr(oldCell.tag, 's') : undefined;
      if (oldCell && oldCell.body.indexOf('<') >= 0) {
        const f = child(oldCell.body, 'f');
        if (f) {
          formulasChanged = true;
          if (attr(f.tag, 't') === 'shared' && attr(f.tag, 'ref')) sharedMasters.set(attr(f.tag, 'si') ?? '', { row: r, col: c, text: unescapeXml(f.text) });
          if (!moved.from.has(r * KEY + c) && value !== null) {
            const text = f.text ? unescapeXml(f.text) : '…';
            ctx.issues.push({ tab: ctx.tab, row: r + 1, column: colLetters(c), kind: 'formula-replaced', message: W.formulaReplaced(ctx.tab, encodeRef(r, c), text) });
          }
        }
      }
      const movedIn = moved.to.get(r * KEY + c);
      const xmlCell = movedIn ? movedCell(r, c, movedIn, p) : valueCellXml(r, c, value, s, ctx.source, p);
      if (xmlCell) {
        const cell: RawCell = { col: c, tag: xmlCell, body: '' };
        if (i >= 0) row.cells[i] = cell;
        else insertCell(row, cell);
      } else if (i >= 0) row.cells.splice(i, 1);
    }
  }

  // Followers of an overwritten shared formula: each gets its own formula.
  if (sharedMasters.size > 0) {
    for (const row of rows.values()) {
      row.cells.forEach((cell, k) => {
        if (cell.body.indexOf('<') < 0) return;
        const f = child(cell.body, 'f');
        if (!f || attr(f.tag, 't') !== 'shared' || attr(f.tag, 'ref')) return;
        const m = sharedMasters.get(attr(f.tag, 'si') ?? '');
        if (!m) return;
        const own = shiftFormula(m.text, row.row - m.row, cell.col - m.col);
        row.cells[k] = { col: cell.col, tag: cell.tag, body: cell.body.replace(/<((?:[\w.-]+:)?f)(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/, `<${p}f>${escapeText(own)}</${p}f>`) };
        row.dirty = true;
      });
    }
  }

  // A filter's hidden rows follow the values that moved.
  const tail = refilter(split.tail, rows, ctx.grid, ctx.before, rowOf) ?? split.tail;

  const numbers = [...new Set([...rows.keys(), ...fresh.keys()])].sort((a, b) => a - b);
  const sink = new Utf8Sink();
  let maxRow = -1;
  let maxCol = -1;
  sink.push(split.head.replace(/(<(?:[\w.-]+:)?dimension\s[^>]*?ref=")[^"]*(")/, '$1\u0000$2'));
  sink.push(`<${p}sheetData>`);
  for (const n of numbers) {
    if (fresh.has(n)) {
      const line = ctx.grid[n] ?? EMPTY;
      let cells = '';
      for (let c = 0; c < line.length; c++) {
        const x = freshCell(n, c, writable(line[c]));
        if (!x) continue;
        cells += x;
        maxCol = Math.max(maxCol, c);
      }
      if (cells === '') continue;
      maxRow = Math.max(maxRow, n);
      sink.push(`<${p}row r="${n + 1}">${cells}</${p}row>`);
      continue;
    }
    const r = rows.get(n)!;
    if (r.cells.length > 0) {
      maxRow = Math.max(maxRow, n);
      maxCol = Math.max(maxCol, r.cells[r.cells.length - 1].col);
    }
    if (!r.dirty && r.from !== undefined && r.to !== undefined) {
      sink.push(xml.slice(r.from, r.to));
      continue;
    }
    if (r.cells.length === 0 && isBareRow(r.tag)) continue;
    // A row's `spans` is a hint of its cells' extent: dropped rather than left wrong.
    const tag = r.tag.replace(/\sspans="[^"]*"/, '');
    if (r.cells.length === 0) {
      sink.push(tag.endsWith('/>') ? tag : tag.replace(/>$/, '/>'));
      continue;
    }
    let line = tag.endsWith('/>') ? tag.replace(/\s*\/>$/, '>') : tag;
    for (const c of r.cells) line += c.body === '' ? c.tag : `${c.tag}${c.body}</${p}c>`;
    sink.push(`${line}</${p}row>`);
  }
  sink.push(`</${p}sheetData>`);
  sink.push(tail);
  const dimension = maxRow < 0 ? 'A1' : `A1:${encodeRef(maxRow, Math.max(maxCol, 0))}`;
  let bytes = sink.bytes();
  // The dimension (written as a NUL placeholder above) once the extent is known.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const dim = ENCODER.encode(dimension);
    const out = new Uint8Array(bytes.length - 1 + dim.length);
    out.set(bytes.subarray(0, nul));
    out.set(dim, nul);
    out.set(bytes.subarray(nul + 1), nul + dim.length);
    bytes = out;
  }
  return { bytes, changed: anyChange, formulasChanged, skipped };
}

function movedCell(row: number, col: number, m: MovedFormula, p: string): string {
  return `<${p}c r="${encodeRef(row, col)}"${m.s ? ` s="${m.s}"` : ''}${m.t ? ` t="${m.t}"` : ''}><${p}f>${escapeText(m.formula)}</${p}f>${m.v ? `<${p}v>${m.v}</${p}v>` : ''}</${p}c>`;
}

/** A row element with nothing but its number (and spans): dropped when its cells are gone. */
function isBareRow(tag: string): boolean {
  return /^<[\w.:-]*row(\s+(r|spans)="[^"]*")*\s*\/?>$/.test(tag);
}

function insertCell(row: RawRow, cell: RawCell): void {
  const cells = row.cells;
  let i = cells.length;
  while (i > 0 && cells[i - 1].col > cell.col) i--;
  cells.splice(i, 0, cell);
}

function mergeMaster(merges: SheetPart['merges'], row: number, col: number): SheetPart['merges'][number] | undefined {
  for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left)) return m;
  return undefined;
}

/** The XML of a cell holding `v` (null: nothing, or an empty cell keeping its style). */
function valueCellXml(row: number, col: number, v: Cell, s: string | undefined, source: XlsxSource, p: string): string | null {
  const r = encodeRef(row, col);
  const style = s && s !== '0' ? ` s="${s}"` : '';
  if (v === null || v === '') return style ? `<${p}c r="${r}"${style}/>` : null;
  if (typeof v === 'number') return `<${p}c r="${r}"${style}><${p}v>${v}</${p}v></${p}c>`;
  if (typeof v === 'boolean') return `<${p}c r="${r}"${style} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (v instanceof Date) {
    const serial = dateToSerial(v, source.date1904);
    const withTime = Math.abs(serial - Math.round(serial)) > 1e-9;
    const ds = source.styles.dateStyle(Number(s ?? 0), withTime);
    return `<${p}c r="${r}" s="${ds}"><${p}v>${serial}</${p}v></${p}c>`;
  }
  const text = escapeText(encodeOoxml(String(v)));
  const space = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || text.indexOf('\n') >= 0) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${r}"${style} t="inlineStr"><${p}is><${p}t${space}>${text}</${p}t></${p}is></${p}c>`;
}

interface MovedFormula {
  readonly formula: string;
  readonly s?: string;
  readonly t?: string;
  /** The cached value element, kept. */
  readonly v: string;
}

/**
 * Rows of a tab identified by a `Réf.` column (header row 1): a formula in a
 * cell the engine changes moves to the row its `Réf.` went to, if the value
 * there is the formula's result (the row moved whole).
 */
function planFormulaMoves(rows: readonly RawRow[], ctx: Pick<PatchContext, 'grid' | 'before'>): { from: Set<number>; to: Map<number, MovedFormula> } {
  const from = new Set<number>();
  const to = new Map<number, MovedFormula>();
  const header = ctx.before[0] ?? [];
  const refCol = header.findIndex((h) => typeof h === 'string' && h.trim() === 'Réf.');
  if (refCol < 0) return { from, to };
  const newRowOf = new Map<string, number>();
  ctx.grid.forEach((line, r) => {
    const k = line?.[refCol];
    if (r > 0 && typeof k === 'string' && k !== '' && !newRowOf.has(k)) newRowOf.set(k, r);
  });
  for (const row of rows) {
    if (row.row === 0) continue;
    for (const cell of row.cells) {
      if (!cell.body.includes('<')) continue;
      const key = row.row * KEY + cell.col;
      if (same(ctx.grid[row.row]?.[cell.col], ctx.before[row.row]?.[cell.col])) continue;
      const f = child(cell.body, 'f');
      if (!f || attr(f.tag, 't') === 'array' || attr(f.tag, 't') === 'dataTable') continue;
      const ref = ctx.before[row.row]?.[refCol];
      const dest = typeof ref === 'string' ? newRowOf.get(ref) : undefined;
      if (dest === undefined || dest === row.row) continue;
      const cached = ctx.before[row.row]?.[cell.col] ?? null;
      if (!same(ctx.grid[dest]?.[cell.col] ?? null, cached)) continue;
      let text = unescapeXml(f.text);
      if (attr(f.tag, 't') === 'shared' && !attr(f.tag, 'ref')) {
        // A follower: its formula is its master's, translated.
        const master = findSharedMaster(rows, attr(f.tag, 'si') ?? '');
        if (!master) continue;
        text = shiftFormula(master.text, row.row - master.row, cell.col - master.col);
      }
      const v = child(cell.body, 'v');
      const type = attr(cell.tag, 't');
      to.set(dest * KEY + cell.col, {
        formula: shiftFormula(text, dest - row.row, 0),
        s: attr(cell.tag, 's'),
        t: type === 'str' || type === 'b' || type === 'e' ? type : undefined,
        v: v ? v.text : '',
      });
      from.add(key);
    }
  }
  return { from, to };
}

function findSharedMaster(rows: readonly RawRow[], si: string): { row: number; col: number; text: string } | undefined {
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.body.includes('<f')) continue;
      const f = child(cell.body, 'f');
      if (f && attr(f.tag, 't') === 'shared' && attr(f.tag, 'si') === si && attr(f.tag, 'ref')) return { row: row.row, col: cell.col, text: unescapeXml(f.text) };
    }
  }
  return undefined;
}

/** Adds an empty worksheet for `name` at its place in the tab order. */
function addSheet(source: XlsxSource, name: string, order: readonly string[], state: SheetPart['state'] = 'visible'): SheetPart {
  const pkg = source.pkg;
  let xml = pkg.text(source.workbookPart) ?? '';
  const sheetTags = tagsOf(xml, 'sheet');
  const clash = sheetTags.map((t) => attr(t, 'name') ?? '').find((n) => n.toLowerCase() === name.toLowerCase());
  if (clash !== undefined) throw new XlsxWriteError(W.tabNameClash(name, clash));
  let n = 1;
  while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const dir = source.workbookPart.slice(0, source.workbookPart.lastIndexOf('/') + 1);
  const part = `${dir}worksheets/sheet${n}.xml`;
  const ns = namespacesOf(xml);
  pkg.setText(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  pkg.setContentTypeOverride(part, WORKSHEET_TYPE);
  const existingType = pkg.rels(source.workbookPart).find((r) => r.type.endsWith(REL.worksheet))?.type ?? WORKSHEET_REL;
  const id = pkg.addRel(source.workbookPart, existingType, `worksheets/sheet${n}.xml`);
  xml = pkg.text(source.workbookPart) ?? xml;
  const sheetIds = sheetTags.map((t) => Number(attr(t, 'sheetId') ?? 0));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  // The relationship attribute's prefix as the workbook declares it.
  const idAttr = sheetTags.length > 0 ? (/\s([\w.-]+:id)=/.exec(sheetTags[0])?.[1] ?? 'r:id') : 'r:id';
  const declared = new RegExp(`xmlns:${idAttr.split(':')[0]}=`).test(xml);
  const nsDecl = declared ? '' : ` xmlns:${idAttr.split(':')[0]}="${namespacesOf(xml).rel}"`;
  const tag = `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${state !== 'visible' ? ` state="${state}"` : ''} ${idAttr}="${id}"${nsDecl}/>`;
  // Place: after the previous tab of the working copy that the file has; else first.
  const at = order.indexOf(name);
  let insertAt = 0;
  for (let k = at - 1; k >= 0; k--) {
    const prev = source.sheets.get(order[k]);
    if (!prev) continue;
    const idx = sheetTags.findIndex((t) => attr(t, 'name') === prev.fileName);
    if (idx >= 0) {
      insertAt = idx + 1;
      break;
    }
  }
  if (at < 0) insertAt = sheetTags.length;
  if (sheetTags.length === 0) xml = xml.replace(/<((?:[\w.-]+:)?)sheets\s*\/>/, '<$1sheets></$1sheets>');
  const anchor = insertAt < sheetTags.length ? sheetTags[insertAt] : null;
  if (anchor) xml = xml.replace(anchor, tag + anchor);
  else xml = xml.replace(/<\/((?:[\w.-]+:)?)sheets>/, `${tag}</$1sheets>`);
  // Sheet-scoped names and the active tab are by position: shift those after the new tab.
  const shift = (v: string) => String(Number(v) >= insertAt ? Number(v) + 1 : Number(v));
  xml = xml.replace(/(<(?:[\w.-]+:)?definedName\s[^>]*?localSheetId=")(\d+)(")/g, (_, a: string, v: string, b: string) => a + shift(v) + b);
  xml = xml.replace(/(<(?:[\w.-]+:)?workbookView\s[^>]*?activeTab=")(\d+)(")/g, (_, a: string, v: string, b: string) => a + shift(v) + b);
  pkg.setText(source.workbookPart, xml);
  return { fileName: name, part, state, merges: [] };
}

/** The workbook's namespaces: transitional, or Strict OOXML's (a new tab of a Strict workbook is Strict too). */
function namespacesOf(workbookXml: string): { main: string; rel: string } {
  return /purl\.oclc\.org\/ooxml\/spreadsheetml\/main/.test(workbookXml)
    ? { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' }
    : { main: MAIN_NS, rel: REL_NS };
}

/** Our hidden lists tab: rebuilt whole (it is ours), or added last. */
function writeListsSheet(source: XlsxSource, lists: ListsSheetBuilder, names: readonly string[]): void {
  const pkg = source.pkg;
  const xml = pkg.text(source.workbookPart) ?? '';
  const existing = tagsOf(xml, 'sheet').find((t) => attr(t, 'name') === lists.sheetName);
  let part: string | undefined;
  if (existing) {
    const id = prefixedAttr(existing, 'id');
    part = pkg.rels(source.workbookPart).find((r) => r.id === id)?.part;
  }
  const sheet = part ? { fileName: lists.sheetName, part, state: 'hidden' as const, merges: [] } : addSheet(source, lists.sheetName, [...names, lists.sheetName], 'hidden');
  const ns = namespacesOf(xml);
  const empty = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}"><dimension ref="A1"/><sheetData/></worksheet>`;
  const grid = listsSheetGrid(lists);
  const res = patchSheet(empty, { tab: lists.sheetName, grid, before: [], source, part: sheet, issues: [] });
  pkg.setEncoded(sheet.part, res.bytes);
}

function addStylesPart(source: XlsxSource): void {
  const dir = source.workbookPart.slice(0, source.workbookPart.lastIndexOf('/') + 1);
  source.pkg.setText(`${dir}styles.xml`, source.styles.text);
  source.pkg.setContentTypeOverride(`${dir}styles.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  source.pkg.addRel(source.workbookPart, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', 'styles.xml');
}

/** Values changed: formulas of the user's that depend on them are recomputed when the file is opened. */
function recalcOnOpen(source: XlsxSource): void {
  const xml = source.pkg.text(source.workbookPart) ?? '';
  const calc = /<((?:[\w.-]+:)?)calcPr(?=[\s/>])[^>]*?\/?>/.exec(xml);
  let next: string;
  if (calc) {
    if (/fullCalcOnLoad="(1|true)"/.test(calc[0])) return;
    const tag = calc[0].replace(/\sfullCalcOnLoad="[^"]*"/, '').replace(/(\s*\/?>)$/, ' fullCalcOnLoad="1"$1');
    next = xml.replace(calc[0], tag);
  } else {
    const p = /<((?:[\w.-]+:)?)workbook[\s>]/.exec(xml)?.[1] ?? '';
    const tag = `<${p}calcPr fullCalcOnLoad="1"/>`;
    // CT_Workbook's sequence: calcPr comes before these.
    const later = /<(?:[\w.-]+:)?(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)(?=[\s/>])/.exec(xml);
    next = later ? xml.slice(0, later.index) + tag + xml.slice(later.index) : closeWith(xml, 'workbook', tag);
  }
  source.pkg.setText(source.workbookPart, next);
}

/** The calculation chain lists formula cells: once one is gone, Excel would report the file damaged. It rebuilds it. */
function dropCalcChain(source: XlsxSource): void {
  const rel = source.pkg.rels(source.workbookPart).find((r) => r.type.endsWith('/calcChain'));
  if (!rel?.part) return;
  source.pkg.remove(rel.part);
  source.pkg.removeContentTypeOverride(rel.part);
  source.pkg.removeRels(source.workbookPart, '/calcChain');
}

