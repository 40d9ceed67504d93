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
import { closeWith, relsPath } from './package';
import { dateToSerial, REL, type SheetPart, type XlsxIssue, type XlsxSource } from './read';
import { child, colLetters, decodeRef, encodeRef, splitSheet, type RawCell, type RawRow } from './sheet-xml';
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
export function patchXlsx(workbook: MemoryWorkbook, source: XlsxSource): Uint8Array {
  const pkg = source.pkg;
  const names = workbook.sheetNames();
  const issues: XlsxIssue[] = [];
  let valuesChanged = false;
  let formulasChanged = false;
  const lists = new ListsSheetBuilder(names.includes(LISTS_SHEET) ? LISTS_SHEET_FALLBACK : LISTS_SHEET);
  const formats: Array<{ name: string; part: SheetPart }> = [];

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
    const changes = diff(grid, before);
    if (changes.length === 0 && !format && !layout) continue;
    const xml = pkg.text(part.part) ?? '';
    const result = patchSheet(xml, { tab: name, grid, before, changes, source, part, issues });
    let text = result.xml;
    if (result.changed) valuesChanged = true;
    if (result.formulasChanged) formulasChanged = true;
    if (format || layout) {
      const edit: SheetEdit = { xml: text, styles: source.styles, tab: name };
      if (format) applyFormatXml(edit, format, lists);
      if (layout) applyLayoutXml(edit, layout);
      text = edit.xml;
      formats.push({ name, part });
    }
    pkg.setText(part.part, text);
    source.snapshot.set(name, grid.map((r) => r.slice()));
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
  const out = pkg.toBytes();
  pkg.release();
  return out;
}

interface Change {
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

function diff(grid: Grid, before: Grid): Change[] {
  const out: Change[] = [];
  const rows = Math.max(grid.length, before.length);
  for (let r = 0; r < rows; r++) {
    const now = grid[r] ?? [];
    const old = before[r] ?? [];
    const cols = Math.max(now.length, old.length);
    for (let c = 0; c < cols; c++) {
      const v = now[c] ?? null;
      if (!same(v, old[c] ?? null)) out.push({ row: r, col: c, value: typeof v === 'number' && !Number.isFinite(v) ? null : v });
    }
  }
  return out;
}

interface PatchContext {
  readonly tab: string;
  readonly grid: Grid;
  readonly before: Grid;
  readonly changes: Change[];
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

function patchSheet(xml: string, ctx: PatchContext): { xml: string; changed: boolean; formulasChanged: boolean } {
  const split = splitSheet(xml);
  const p = split.prefix;
  if (ctx.changes.length === 0) return { xml, changed: false, formulasChanged: false };
  const rows = new Map<number, RawRow>();
  for (const r of split.rows) rows.set(r.row, r);
  const touched = new Set<RawRow>();
  let formulasChanged = false;

  const rowOf = (r: number): RawRow => {
    let row = rows.get(r);
    if (!row) {
      row = { row: r, tag: `<${p}row r="${r + 1}">`, cells: [] };
      rows.set(r, row);
    }
    touched.add(row);
    return row;
  };
  const findCell = (row: RawRow, col: number): number => {
    const cells = row.cells;
    // Cells are in column order in a valid file; search from the end (rows grow to the right).
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i].col === col) return i;
    return -1;
  };

  const changed = new Set(ctx.changes.map((c) => c.row * 20000 + c.col));
  // The user's formulas in cells the engine changes: moved with their row when it moved, else reported.
  const moved = planFormulaMoves(split.rows, ctx, changed);
  const sharedMasters = new Map<string, { row: number; col: number; text: string }>();
  const lostMasters = new Set<string>();

  for (const ch of ctx.changes) {
    const master = mergeMaster(ctx.part.merges, ch.row, ch.col);
    if (master && ch.value !== null) {
      ctx.issues.push({ tab: ctx.tab, row: ch.row + 1, column: colLetters(ch.col), kind: 'merged-cell-not-written', message: W.mergedCellNotWritten(ctx.tab, encodeRef(ch.row, ch.col), `${encodeRef(master.top, master.left)}:${encodeRef(master.bottom, master.right)}`) });
      // The file keeps its value: so must the snapshot, for the next write.
      ctx.grid[ch.row] ??= [];
      continue;
    }
    const row = rowOf(ch.row);
    const i = findCell(row, ch.col);
    const old = i >= 0 ? row.cells[i] : undefined;
    const s = old ? attr(old.tag, 's') : undefined;
    if (old && old.body.includes('<') && child(old.body, 'f')) {
      formulasChanged = true;
      const f = child(old.body, 'f')!;
      if (attr(f.tag, 't') === 'shared' && attr(f.tag, 'ref')) {
        lostMasters.add(attr(f.tag, 'si') ?? '');
        sharedMasters.set(attr(f.tag, 'si') ?? '', { row: ch.row, col: ch.col, text: unescapeXml(f.text) });
      }
      const key = ch.row * 20000 + ch.col;
      if (!moved.from.has(key) && ch.value !== null) {
        const text = f.text ? unescapeXml(f.text) : '…';
        ctx.issues.push({ tab: ctx.tab, row: ch.row + 1, column: colLetters(ch.col), kind: 'formula-replaced', message: W.formulaReplaced(ctx.tab, encodeRef(ch.row, ch.col), text) });
      }
    }
    const movedIn = moved.to.get(ch.row * 20000 + ch.col);
    const cell: RawCell | null = movedIn
      ? { col: ch.col, tag: `<${p}c r="${encodeRef(ch.row, ch.col)}"${movedIn.s ? ` s="${movedIn.s}"` : ''}${movedIn.t ? ` t="${movedIn.t}"` : ''}>`, body: `<${p}f>${escapeText(movedIn.formula)}</${p}f>${movedIn.v}` }
      : valueCell(ch.row, ch.col, ch.value, s, ctx.source, p);
    if (cell) {
      if (i >= 0) row.cells[i] = cell;
      else insertCell(row, cell);
    } else if (i >= 0) row.cells.splice(i, 1);
  }
  if (moved.to.size > 0) formulasChanged = true;

  // Followers of an overwritten shared formula: each gets its own formula.
  if (lostMasters.size > 0) {
    for (const row of rows.values()) {
      row.cells.forEach((cell, k) => {
        if (!cell.body.includes('<')) return;
        const f = child(cell.body, 'f');
        if (!f || attr(f.tag, 't') !== 'shared' || attr(f.tag, 'ref')) return;
        const si = attr(f.tag, 'si') ?? '';
        const m = sharedMasters.get(si);
        if (!m || !lostMasters.has(si)) return;
        const own = shiftFormula(m.text, row.row - m.row, cell.col - m.col);
        row.cells[k] = { col: cell.col, tag: cell.tag, body: cell.body.replace(/<((?:[\w.-]+:)?f)(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/, `<${p}f>${escapeText(own)}</${p}f>`) };
        touched.add(row);
      });
    }
  }

  // A filter's hidden rows follow the values that moved.
  const tail = refilter(split.tail, rows, ctx.grid, ctx.before, rowOf) ?? split.tail;

  for (const row of touched) {
    // A row's `spans` is a hint of its cells' extent: dropped rather than left wrong.
    row.tag = row.tag.replace(/\sspans="[^"]*"/, '');
  }
  const ordered = [...rows.values()].filter((r) => r.cells.length > 0 || !isBareRow(r.tag)).sort((a, b) => a.row - b.row);
  let maxRow = -1;
  let maxCol = -1;
  const body: string[] = [];
  for (const r of ordered) {
    if (r.cells.length > 0) maxRow = Math.max(maxRow, r.row);
    let line = r.tag.endsWith('/>') && r.cells.length > 0 ? r.tag.replace(/\s*\/>$/, '>') : r.tag;
    if (line.endsWith('/>')) {
      body.push(line);
      continue;
    }
    for (const c of r.cells) {
      maxCol = Math.max(maxCol, c.col);
      line += c.tag.endsWith('/>') ? c.tag : `${c.tag}${c.body}</${p}c>`;
    }
    body.push(`${line}</${p}row>`);
  }
  const dimension = maxRow < 0 ? 'A1' : `A1:${encodeRef(maxRow, Math.max(maxCol, 0))}`;
  const head = /<(?:[\w.-]+:)?dimension(?=[\s/>])/.test(split.head) ? split.head.replace(/(<(?:[\w.-]+:)?dimension\s[^>]*?ref=")[^"]*(")/, `$1${dimension}$2`) : split.head;
  return { xml: `${head}<${p}sheetData>${body.join('')}</${p}sheetData>${tail}`, changed: true, formulasChanged };
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
function valueCell(row: number, col: number, v: Cell, s: string | undefined, source: XlsxSource, p: string): RawCell | null {
  const r = encodeRef(row, col);
  const style = s && s !== '0' ? ` s="${s}"` : '';
  if (v === null || v === '') return style ? { col, tag: `<${p}c r="${r}"${style}/>`, body: '' } : null;
  if (typeof v === 'number') return { col, tag: `<${p}c r="${r}"${style}>`, body: `<${p}v>${v}</${p}v>` };
  if (typeof v === 'boolean') return { col, tag: `<${p}c r="${r}"${style} t="b">`, body: `<${p}v>${v ? 1 : 0}</${p}v>` };
  if (v instanceof Date) {
    const serial = dateToSerial(v, source.date1904);
    const withTime = Math.abs(serial - Math.round(serial)) > 1e-9;
    const ds = source.styles.dateStyle(Number(s ?? 0), withTime);
    return { col, tag: `<${p}c r="${r}" s="${ds}">`, body: `<${p}v>${serial}</${p}v>` };
  }
  const text = escapeText(encodeOoxml(String(v)));
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return { col, tag: `<${p}c r="${r}"${style} t="inlineStr">`, body: `<${p}is><${p}t${space}>${text}</${p}t></${p}is>` };
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
function planFormulaMoves(rows: readonly RawRow[], ctx: PatchContext, changed: Set<number>): { from: Set<number>; to: Map<number, MovedFormula> } {
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
      const key = row.row * 20000 + cell.col;
      if (!changed.has(key)) continue;
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
      to.set(dest * 20000 + cell.col, {
        formula: shiftFormula(text, dest - row.row, 0),
        s: attr(cell.tag, 's'),
        t: type === 'str' || type === 'b' || type === 'e' ? type : undefined,
        v: v ? `<v>${v.text}</v>` : '',
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
  pkg.setText(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  pkg.setContentTypeOverride(part, WORKSHEET_TYPE);
  const existingType = pkg.rels(source.workbookPart).find((r) => r.type.endsWith(REL.worksheet))?.type ?? WORKSHEET_REL;
  const id = pkg.addRel(source.workbookPart, existingType, `worksheets/sheet${n}.xml`);
  xml = pkg.text(source.workbookPart) ?? xml;
  const sheetIds = sheetTags.map((t) => Number(attr(t, 'sheetId') ?? 0));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  // The relationship attribute's prefix as the workbook declares it.
  const idAttr = sheetTags.length > 0 ? (/\s([\w.-]+:id)=/.exec(sheetTags[0])?.[1] ?? 'r:id') : 'r:id';
  const declared = new RegExp(`xmlns:${idAttr.split(':')[0]}=`).test(xml);
  const nsDecl = declared ? '' : ` xmlns:${idAttr.split(':')[0]}="${REL_NS}"`;
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
  const empty = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetData/></worksheet>`;
  const grid = listsSheetGrid(lists);
  const changes = diff(grid, []);
  const res = patchSheet(empty, { tab: lists.sheetName, grid, before: [], changes, source, part: sheet, issues: [] });
  pkg.setText(sheet.part, res.xml);
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
  void relsPath;
}

export { decodeRef };
