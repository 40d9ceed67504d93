/**
 * Conservative text measurement, so that nothing overflows a slide: widths
 * from Arial's advance widths (Liberation Sans, LibreOffice's substitute, has
 * the same metrics), a safety factor on top, greedy word wrapping, and the
 * insets both renderers use. A text that "fits" here fits in PowerPoint,
 * LibreOffice and Google Slides, with room to spare.
 */
import type { DeckParagraph, DeckTableCell, DeckTableColumn } from './deck';

/** Arial advance widths in 1/1000 em. */
const LOWER: Readonly<Record<string, number>> = {
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
};
const UPPER: Readonly<Record<string, number>> = {
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
};
const OTHER: Readonly<Record<string, number>> = {
  ' ': 278, '\u00a0': 278, '\u202f': 200, '.': 278, ',': 278, ':': 278, ';': 278, '!': 278, '?': 556,
  "'": 191, '’': 222, '"': 355, '-': 333, '–': 556, '—': 1000, '(': 333, ')': 333, '[': 278, ']': 278,
  '/': 278, '%': 889, '€': 556, '«': 556, '»': 556, '…': 1000, '·': 278, '›': 333, '+': 584, '=': 584,
  '&': 667, '@': 1015, '#': 556, '*': 389, '<': 584, '>': 584, '|': 260, '_': 556, œ: 944, æ: 889,
  Œ: 1000, '×': 584, '°': 400, '★': 1000, '☆': 1000,
};
const DIGIT = 556;
const UNKNOWN = 700;
/** Bold Arial is about 5 % wider; the safety factor covers kerning, hinting and font substitution. */
const BOLD_FACTOR = 1.07;
const SAFETY = 1.08;

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.2;
/** Inner margins of a text box, both renderers (points). */
export const TEXT_INSET_X = 7.2;
export const TEXT_INSET_Y = 3.6;
/** Inner margins of a table cell (points). */
export const CELL_INSET_X = 7.2;
export const CELL_INSET_Y = 3.6;
/** Indentation of a bulleted paragraph, in multiples of the font size. */
export const BULLET_INDENT = 1.6;
/** Indentation of a bulleted paragraph (points): both renderers indent by less. */
export function bulletIndent(size: number): number {
  return Math.max(20, BULLET_INDENT * size);
}
/** Smallest font size used anywhere on a slide. */
export const MIN_FONT_SIZE = 10;

function charWidth(ch: string): number {
  if (LOWER[ch] !== undefined) return LOWER[ch];
  if (UPPER[ch] !== undefined) return UPPER[ch];
  if (OTHER[ch] !== undefined) return OTHER[ch];
  if (ch >= '0' && ch <= '9') return DIGIT;
  const base = ch.normalize('NFD').charAt(0);
  if (base !== ch) return charWidth(base);
  return UNKNOWN;
}

/** Estimated width of a single line of text, in points. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return (units / 1000) * size * (bold ? BOLD_FACTOR : 1) * SAFETY;
}

/**
 * Greedy word wrap within `width` points; explicit newlines are kept; a word
 * longer than a line is cut. Returns at least one line.
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/ +/).filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      let rest = word;
      while (textWidth(rest, size, bold) > width) {
        let n = rest.length - 1;
        while (n > 1 && textWidth(rest.slice(0, n), size, bold) > width) n--;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out.length ? out : [''];
}

export function lineCount(text: string, width: number, size: number, bold = false): number {
  return wrapText(text, width, size, bold).length;
}

/**
 * Cuts `text` to at most `maxLines` wrapped lines, ending with `…` when
 * something was cut.
 */
export function truncateToLines(text: string, width: number, size: number, maxLines: number, bold = false): string {
  const lines = wrapText(text, width, size, bold);
  if (lines.length <= maxLines) return text;
  let kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 0 && textWidth(`${last}…`, size, bold) > width) last = last.slice(0, -1);
  last = last.replace(/[\s,;:.–-]+$/u, '');
  kept = [...kept.slice(0, maxLines - 1), `${last}…`];
  return kept.join(' ');
}

/** Text of a paragraph (its runs joined). */
export function paragraphText(p: DeckParagraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** Height of paragraphs in a text box of width `boxWidth`, insets included. */
export function paragraphsHeight(paragraphs: readonly DeckParagraph[], boxWidth: number): number {
  let h = 2 * TEXT_INSET_Y;
  for (const p of paragraphs) {
    const indent = p.bullet ? bulletIndent(p.size) : 0;
    const bold = p.runs.length > 0 && p.runs.every((r) => r.bold);
    const n = lineCount(paragraphText(p), boxWidth - 2 * TEXT_INSET_X - indent, p.size, bold);
    h += n * p.size * LINE_HEIGHT;
  }
  return h;
}

export function paragraphsFit(paragraphs: readonly DeckParagraph[], boxWidth: number, boxHeight: number): boolean {
  return paragraphsHeight(paragraphs, boxWidth) <= boxHeight;
}

/** Height of one table row (insets included). */
export function tableRowHeight(cells: readonly DeckTableCell[], columns: readonly DeckTableColumn[], size: number, bold = false): number {
  let lines = 1;
  cells.forEach((c, i) => {
    const w = columns[i].width - 2 * CELL_INSET_X;
    lines = Math.max(lines, lineCount(c.text, w, size, bold || !!c.bold));
  });
  return lines * size * LINE_HEIGHT + 2 * CELL_INSET_Y;
}

export function tableHeaderHeight(columns: readonly DeckTableColumn[], size: number): number {
  return tableRowHeight(columns.map((c) => ({ text: c.header, bold: true })), columns, size, true);
}

/**
 * Splits items into pages whose heights add up to at most `available`; an
 * item taller than a page gets a page of its own (callers truncate first).
 */
export function paginate<T>(items: readonly T[], heightOf: (item: T) => number, available: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const h = heightOf(item);
    if (page.length > 0 && used + h > available) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
