/**
 * A worksheet part split around its `<sheetData>`: what comes before (sheet
 * properties, dimension, views, column widths) and after (merges,
 * conditional formats, validations, drawings, tables…) is kept as text;
 * rows and cells are scanned into raw pieces that the writer changes one
 * cell at a time and puts back in order.
 */
import { attr } from './xml';

export interface RawCell {
  /** 0-based column. */
  col: number;
  /** Open tag, e.g. `<c r="B2" s="3" t="s">` (self-closed tags end with `/>`). */
  tag: string;
  /** Content between the tags ('' when self-closed). */
  body: string;
}

export interface RawRow {
  /** 0-based row. */
  row: number;
  tag: string;
  cells: RawCell[];
}

export interface SplitSheet {
  /** Everything before `<sheetData…>`. */
  readonly head: string;
  /** Everything after `</sheetData>`. */
  readonly tail: string;
  /** Namespace prefix of the sheet's elements ('' or e.g. 'x:'). */
  readonly prefix: string;
  readonly rows: RawRow[];
}

/** `AB12` → {row: 11, col: 27}. */
export function decodeRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue; // $
    const u = c >= 97 && c <= 122 ? c - 32 : c;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
  }
  const row = Number(ref.slice(i).replace('$', ''));
  if (col === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function encodeRef(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function splitSheet(xml: string): SplitSheet {
  const open = /<((?:[\w.-]+:)?)sheetData(?=[\s/>])[^>]*?(\/?)>/.exec(xml);
  if (!open) return { head: xml.replace(/(<\/(?:[\w.-]+:)?worksheet>\s*)$/, ''), tail: xml.slice(xml.search(/<\/(?:[\w.-]+:)?worksheet>\s*$/)), prefix: '', rows: [] };
  const prefix = open[1];
  const head = xml.slice(0, open.index);
  if (open[2] === '/') return { head, tail: xml.slice(open.index + open[0].length), prefix, rows: [] };
  const close = `</${prefix}sheetData>`;
  const bodyStart = open.index + open[0].length;
  const bodyEnd = xml.indexOf(close, bodyStart);
  if (bodyEnd < 0) throw new Error('sheetData not closed');
  return { head, tail: xml.slice(bodyEnd + close.length), prefix, rows: scanRows(xml, bodyStart, bodyEnd, prefix) };
}

function scanRows(xml: string, from: number, to: number, prefix: string): RawRow[] {
  const rows: RawRow[] = [];
  const rowOpen = new RegExp(`<${escapeRe(prefix)}row(?=[\\s/>])[^>]*?(/?)>`, 'g');
  const rowClose = `</${prefix}row>`;
  const cellOpen = new RegExp(`<${escapeRe(prefix)}c(?=[\\s/>])[^>]*?(/?)>`, 'g');
  const cellClose = `</${prefix}c>`;
  rowOpen.lastIndex = from;
  let next = 0;
  let m: RegExpExecArray | null;
  while ((m = rowOpen.exec(xml)) && m.index < to) {
    const tag = m[0];
    const r = attr(tag, 'r');
    const row = r ? Number(r) - 1 : next;
    next = row + 1;
    const cells: RawCell[] = [];
    if (m[1] !== '/') {
      const end = xml.indexOf(rowClose, rowOpen.lastIndex);
      if (end < 0) throw new Error('row not closed');
      cellOpen.lastIndex = rowOpen.lastIndex;
      let nextCol = 0;
      let c: RegExpExecArray | null;
      while ((c = cellOpen.exec(xml)) && c.index < end) {
        const ctag = c[0];
        const ref = attr(ctag, 'r');
        const col = ref ? (decodeRef(ref)?.col ?? nextCol) : nextCol;
        nextCol = col + 1;
        let body = '';
        if (c[1] !== '/') {
          const cend = xml.indexOf(cellClose, cellOpen.lastIndex);
          if (cend < 0 || cend > end) throw new Error('cell not closed');
          body = xml.slice(cellOpen.lastIndex, cend);
          cellOpen.lastIndex = cend + cellClose.length;
        }
        cells.push({ col, tag: ctag, body });
      }
      rowOpen.lastIndex = end + rowClose.length;
    }
    rows.push({ row, tag, cells });
  }
  return rows;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The content of the first child element `local` of a cell body (`<v>`, `<f>`, `<is>`), or undefined. */
export function child(body: string, local: string): { tag: string; text: string } | undefined {
  if (body === '') return undefined;
  const re = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</\\1>)`);
  const m = re.exec(body);
  return m ? { tag: `<${m[1]}${m[2]}>`, text: m[3] ?? '' } : undefined;
}
