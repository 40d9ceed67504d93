/**
 * Building blocks of slides that fit: text boxes that shrink then cut, bullet
 * lists that keep what fits and say how many are left, tables paginated with
 * "(suite)" slides. Every block returned here passes the overflow checks of
 * `fit.ts`.
 */
import { COLOURS } from '../schema/colours';
import { REPORT_MESSAGES as M } from '../messages/reports';
import type { Align, Colour, DeckBlock, DeckParagraph, DeckTableCell, DeckTableColumn, Frame, Slide, TableBlock } from './deck';
import {
  bulletIndent,
  CELL_INSET_X,
  LINE_HEIGHT,
  MIN_FONT_SIZE,
  TEXT_INSET_X,
  TEXT_INSET_Y,
  paragraphsFit,
  paragraphsHeight,
  tableHeaderHeight,
  tableRowHeight,
  truncateToLines,
} from './fit';
import { LAYOUT } from './primitives';

export const INK = '#202124';

export interface ParaOptions {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly colour?: Colour;
  readonly align?: Align;
  readonly bullet?: boolean | 'number';
}

export function para(text: string, size: number, o: ParaOptions = {}): DeckParagraph {
  return { runs: [{ text, bold: o.bold, italic: o.italic, colour: o.colour ?? INK }], size, align: o.align, bullet: o.bullet };
}

/** Lines of text available in a box of height `h` at `size`. */
export function linesIn(h: number, size: number): number {
  return Math.max(0, Math.floor((h - 2 * TEXT_INSET_Y) / (size * LINE_HEIGHT) + 1e-9));
}

/**
 * A text box whose paragraphs are shrunk down to MIN_FONT_SIZE until they
 * fit; past that, trailing paragraphs are cut and the last kept one ends
 * with `…`.
 */
export function fittedText(frame: Frame, build: (size: number) => DeckParagraph[], sizes: readonly number[], extra: { fill?: Colour; border?: Colour; valign?: 'top' | 'middle' | 'bottom' } = {}): DeckBlock {
  for (const size of sizes) {
    const ps = build(size);
    if (paragraphsFit(ps, frame.w, frame.h)) return { kind: 'text', frame, paragraphs: ps, ...extra };
  }
  const smallest = Math.max(MIN_FONT_SIZE, Math.min(...sizes));
  const ps = build(smallest);
  const kept: DeckParagraph[] = [];
  for (const p of ps) {
    const room = frame.h - paragraphsHeight(kept, frame.w);
    const lines = linesIn(room + 2 * TEXT_INSET_Y, p.size);
    if (lines <= 0) break;
    const indent = p.bullet ? bulletIndent(p.size) : 0;
    const text = p.runs.map((r) => r.text).join('');
    const bold = p.runs.every((r) => r.bold);
    const cut = truncateToLines(text, frame.w - 2 * TEXT_INSET_X - indent, p.size, lines, bold);
    if (cut === text) kept.push(p);
    else {
      kept.push({ ...p, runs: [{ ...p.runs[0], text: cut }] });
      break;
    }
  }
  return { kind: 'text', frame, paragraphs: kept, ...extra };
}

export interface ListItem {
  readonly text: string;
  readonly bold?: boolean;
  readonly colour?: Colour;
}

/**
 * Bulleted items in a frame: each item cut to `maxLines` lines, as many as
 * fit, then a last line `+ N autres` when some are left out.
 */
export function bulletBox(
  frame: Frame,
  items: readonly ListItem[],
  size: number,
  o: { maxLines?: number; heading?: DeckParagraph; bullet?: boolean | 'number'; more?: (n: number) => string; fill?: Colour; /** Shrink the box to its text (a filled box then ends with its text). */ fitHeight?: boolean } = {},
): { block: DeckBlock; shown: number } {
  const bullet = o.bullet ?? true;
  const maxLines = o.maxLines ?? 2;
  const more = o.more ?? M.autres;
  const head = o.heading ? [o.heading] : [];
  const indent = bullet ? bulletIndent(size) : 0;
  const toPara = (it: ListItem): DeckParagraph => ({
    runs: [{ text: truncateToLines(it.text, frame.w - 2 * TEXT_INSET_X - indent, size, maxLines, it.bold), bold: it.bold, colour: it.colour ?? INK }],
    size,
    bullet,
  });
  const paras = items.map(toPara);
  let n = paras.length;
  const withMore = (k: number) => [...head, ...paras.slice(0, k), ...(k < paras.length ? [para(more(paras.length - k), size, { italic: true, colour: COLOURS.greyText })] : [])];
  while (n > 0 && !paragraphsFit(withMore(n), frame.w, frame.h)) n--;
  const paragraphs = withMore(n);
  const h = o.fitHeight ? Math.min(frame.h, paragraphsHeight(paragraphs, frame.w) + 4) : frame.h;
  return { block: { kind: 'text', frame: { ...frame, h }, paragraphs, fill: o.fill }, shown: n };
}

/** Keeps the first `max` categories and adds the rest up under `Autres`. */
export function topCategories<T>(items: readonly T[], max: number, merge: (rest: readonly T[]) => T): T[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, max - 1), merge(items.slice(max - 1))];
}

export interface TableSpec {
  readonly title: string;
  readonly columns: readonly DeckTableColumn[];
  readonly rows: readonly (readonly DeckTableCell[])[];
  readonly size: number;
  readonly notes: string;
  /** Room of the table (defaults to the whole content area). */
  readonly frame?: Frame;
  /** Blocks repeated on every page (intro line, legend), placed by the caller outside the table frame. */
  readonly around?: readonly DeckBlock[];
  /** Lines per cell before it is cut with `…`. */
  readonly maxCellLines?: number;
  /** At most this many slides; the rest is summed up as « … et N autres ». */
  readonly maxPages?: number;
  /** Sentence under the table when rows are left out. */
  readonly overflow?: (n: number) => string;
}

/** Cuts every cell to `maxLines` lines of its column. */
export function clampCells(rows: readonly (readonly DeckTableCell[])[], columns: readonly DeckTableColumn[], size: number, maxLines: number): DeckTableCell[][] {
  return rows.map((r) =>
    r.map((c, i) => ({ ...c, text: truncateToLines(c.text, columns[i].width - 2 * CELL_INSET_X, size, maxLines, c.bold) })),
  );
}

/** Pages of rows (indexes), and how many rows are left out past `maxPages`. */
function pagesOf(rows: readonly (readonly DeckTableCell[])[], spec: TableSpec, size: number, frame: Frame): { rows: DeckTableCell[][]; heights: number[]; header: number; pages: number[][]; left: number } {
  const clamped = clampCells(rows, spec.columns, size, spec.maxCellLines ?? 3);
  const header = tableHeaderHeight(spec.columns, size);
  const heights = clamped.map((r) => tableRowHeight(r, spec.columns, size));
  const maxPages = spec.maxPages ?? 3;
  const pages: number[][] = [];
  let i = 0;
  while (i < clamped.length && pages.length < maxPages) {
    const last = pages.length === maxPages - 1;
    let room = frame.h - header;
    const page: number[] = [];
    while (i < clamped.length && heights[i] <= room) {
      // On the last allowed page, keep room for the « … et N autres » line if rows remain.
      if (last && i + 1 < clamped.length && room - heights[i] < NOTE_H && page.length > 0) break;
      page.push(i);
      room -= heights[i];
      i++;
    }
    if (page.length === 0) {
      page.push(i);
      i++;
    }
    pages.push(page);
  }
  return { rows: clamped, heights, header, pages, left: clamped.length - i };
}

const NOTE_SIZE = 11;
const NOTE_H = NOTE_SIZE * LINE_HEIGHT + 2 * TEXT_INSET_Y + 4;

/**
 * One table, over as many slides as needed (titles `… (suite)`), never
 * overflowing. The font goes down by up to two points (not below
 * MIN_FONT_SIZE) when that saves a slide.
 */
export function tableSlides(spec: TableSpec): Slide[] {
  const frame = spec.frame ?? LAYOUT.content;
  const sizes = [spec.size, spec.size - 1, spec.size - 2].filter((s, i) => i === 0 || s >= MIN_FONT_SIZE);
  const tries = sizes.map((size) => ({ size, ...pagesOf(spec.rows, spec, size, frame) }));
  const best = tries.reduce((a, b) => (b.pages.length < a.pages.length || (b.pages.length === a.pages.length && b.left < a.left) ? b : a));
  const { size, rows, heights, header, pages, left } = best;
  return pages.map((page, p) => {
    const h = header + page.reduce((s, k) => s + heights[k], 0);
    const table: TableBlock = { kind: 'table', frame: { ...frame, h }, columns: spec.columns, rows: page.map((k) => rows[k]), size };
    const blocks: DeckBlock[] = [...(spec.around ?? []), table];
    if (p === pages.length - 1 && left > 0) {
      const text = (spec.overflow ?? M.etAutres)(left);
      blocks.push({ kind: 'text', frame: { x: frame.x, y: frame.y + h + 2, w: frame.w, h: NOTE_H - 2 }, paragraphs: [para(text, NOTE_SIZE, { italic: true, colour: COLOURS.greyText })] });
    }
    return { layout: 'content' as const, title: p === 0 ? spec.title : M.suite(spec.title), blocks, notes: spec.notes };
  });
}

/** Column widths in points from relative weights, adding up to `total`. */
export function widths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export function cell(text: string, o: Partial<Omit<DeckTableCell, 'text'>> = {}): DeckTableCell {
  return { text, ...o };
}
