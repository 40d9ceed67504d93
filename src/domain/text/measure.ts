/**
 * Text measurement with real font metrics: Carlito's advance widths
 * (metric-compatible with Calibri, the font of the deck), extracted at build
 * time into `metrics-carlito.ts` by `scripts/font-metrics.mjs`, so the domain
 * stays pure. A safety factor covers kerning, hinting and font substitution
 * (PowerPoint with Calibri, LibreOffice with Carlito, Google Slides): a text
 * that fits here fits everywhere, with room to spare.
 *
 * Lines are wrapped greedily at spaces (never at a no-break space); a word
 * longer than a line is broken across lines, never cut.
 */
import { CARLITO_BOLD, CARLITO_LINE_HEIGHT, CARLITO_REGULAR } from './metrics-carlito';

/**
 * Height of a line as a multiple of the font size: the font's single spacing
 * (1.22 em for Calibri/Carlito) plus 2.5 % for renderers that round line
 * positions up.
 */
export const LINE_HEIGHT = Math.ceil(CARLITO_LINE_HEIGHT * 1.025 * 100) / 100;

/** The font every renderer names; the table above measures it. */
export const FONT_FAMILY = 'Calibri';

/**
 * Margin for font substitution and renderer differences: measured widths are
 * multiplied by this factor (a renderer that falls back to a wider sans-serif
 * still fits, within these 5 %; Calibri and Carlito share their widths).
 */
export const SAFETY = 1.05;

/** Width of a character the table does not know (a wide glyph, in 1/1000 em). */
const UNKNOWN = 1000;

function decode(s: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const pair of s.split(',')) {
    const [cp, w] = pair.split(':');
    m.set(parseInt(cp, 36), parseInt(w, 36));
  }
  return m;
}

let tables: { regular: Map<number, number>; bold: Map<number, number> } | null = null;
function table(bold: boolean): Map<number, number> {
  tables ??= { regular: decode(CARLITO_REGULAR), bold: decode(CARLITO_BOLD) };
  return bold ? tables.bold : tables.regular;
}

function charUnits(cp: number, t: Map<number, number>): number {
  const w = t.get(cp);
  if (w !== undefined) return w;
  // A letter with a combining accent measures as its base letter.
  const base = String.fromCodePoint(cp).normalize('NFD').codePointAt(0);
  if (base !== undefined && base !== cp) return t.get(base) ?? UNKNOWN;
  return UNKNOWN;
}

/** Width of one line of text in points (safety factor included). */
export function textWidth(text: string, size: number, bold = false): number {
  const t = table(bold);
  let units = 0;
  for (const ch of text) units += charUnits(ch.codePointAt(0)!, t);
  return (units / 1000) * size * SAFETY;
}

/** Width of the widest word (what a column needs to never break a word). */
export function longestWordWidth(text: string, size: number, bold = false): number {
  return Math.max(0, ...text.split(/[ \n]+/).map((w) => textWidth(w, size, bold)));
}

/**
 * Greedy word wrap within `width` points; explicit newlines are kept. A word
 * wider than a line is broken over several lines (all its letters stay).
 * Returns at least one line; joining the lines gives back every character.
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
      while (rest.length > 1 && textWidth(rest, size, bold) > width) {
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

/** True when a word of `text` is wider than `width` (it would be broken mid-word). */
export function breaksAWord(text: string, width: number, size: number, bold = false): boolean {
  return longestWordWidth(text, size, bold) > width;
}
