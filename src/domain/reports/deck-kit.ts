/**
 * Building blocks of slides that never cut and never overflow: every text goes
 * through the French typography routine before it is measured; lists and
 * tables that do not fit continue on « (suite) » slides, or, bounded by the
 * caller (`bounded`), keep their first items and end on a line saying how many
 * are left out and where; font sizes never go below 12 pt in tables and 14 pt
 * in body text.
 */
import { COLOURS } from '../schema/colours';
import { REPORT_MESSAGES as M } from '../messages/reports';
import { paginateEvenly } from '../text/paginate';
import { typographie } from '../text/typography';
import type { Align, Colour, DeckBlock, DeckParagraph, DeckTableCell, DeckTableColumn, Frame, Slide, TableBlock, TextBlock } from './deck';
import { CELL_INSET_X, MIN_BODY_SIZE, MIN_FONT_SIZE, paragraphsFit, paragraphsHeight, tableHeaderHeight, tableRowHeight } from './fit';
import { longestWordWidth, textWidth } from '../text/measure';
import { LAYOUT } from './primitives';

export const INK = '#202124';
/** Body text size of the deck (points). */
export const BODY = 16;
/** Table text size of the deck (points). */
export const TABLE = 12;

export interface ParaOptions {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly colour?: Colour;
  readonly align?: Align;
  readonly bullet?: boolean | 'number';
}

/** One paragraph, its text set in French typography. */
export function para(text: string, size: number, o: ParaOptions = {}): DeckParagraph {
  return { runs: [{ text: typographie(text), bold: o.bold, italic: o.italic, colour: o.colour ?? INK }], size, align: o.align, bullet: o.bullet };
}

/** A paragraph of several runs (a bold lead-in, then plain text). */
export function richPara(runs: ReadonlyArray<{ text: string; bold?: boolean; italic?: boolean; colour?: Colour }>, size: number, o: Omit<ParaOptions, 'bold' | 'italic' | 'colour'> = {}): DeckParagraph {
  return { runs: runs.map((r) => ({ ...r, text: typographie(r.text), colour: r.colour ?? INK })), size, align: o.align, bullet: o.bullet };
}

export function textBlock(frame: Frame, paragraphs: readonly DeckParagraph[], extra: { fill?: Colour; border?: Colour; valign?: 'top' | 'middle' | 'bottom' } = {}): TextBlock {
  return { kind: 'text', frame, paragraphs, ...extra };
}

/**
 * The largest of `sizes` at which the paragraphs fit in the frame; the
 * smallest when none does (the ready-to-project check then reports it: the
 * callers give frames that hold their text at the smallest size).
 */
export function fittedText(frame: Frame, build: (size: number) => DeckParagraph[], sizes: readonly number[], extra: { fill?: Colour; border?: Colour; valign?: 'top' | 'middle' | 'bottom' } = {}): TextBlock {
  for (const size of sizes) {
    const ps = build(size);
    if (paragraphsFit(ps, frame.w, frame.h)) return textBlock(frame, ps, extra);
  }
  return textBlock(frame, build(sizes[sizes.length - 1]), extra);
}

/** Height the paragraphs need in a box of `width` (insets included), plus a little air. */
export function heightOf(paragraphs: readonly DeckParagraph[], width: number): number {
  return paragraphsHeight(paragraphs, width) + 2;
}

/** A slide, its title (the headline message) and notes set in French typography. */
export function slide(title: string, blocks: readonly DeckBlock[], notes: string): Slide {
  return { layout: 'content', title: typographie(title), blocks, notes: typographie(notes) };
}

export interface ListItem {
  readonly text: string;
  readonly bold?: boolean;
  readonly colour?: Colour;
  /** A bold lead-in before the text (« Score : »). */
  readonly lead?: string;
}

function itemPara(it: ListItem, size: number, bullet: boolean | 'number'): DeckParagraph {
  return it.lead
    ? richPara([{ text: it.lead, bold: true, colour: it.colour }, { text: it.text, colour: it.colour }], size, { bullet })
    : para(it.text, size, { bold: it.bold, colour: it.colour, bullet });
}

/**
 * A list over as many slides as it needs: the intro (a sentence that states
 * the message) on the first slide, then as many items as fit on each slide.
 * Nothing is cut; the font is the largest of `sizes` that keeps the list on
 * the fewest slides.
 */
export function listSlides(spec: {
  readonly title: string;
  readonly intro?: string;
  readonly items: readonly ListItem[];
  readonly notes: string;
  readonly bullet?: boolean | 'number';
  readonly sizes?: readonly number[];
  readonly frame?: Frame;
  readonly fill?: Colour;
  /** A last line, not bulleted, in grey italics: how many items are not shown and where they are (see `bounded`). */
  readonly rest?: string;
}): Slide[] {
  const frame = spec.frame ?? LAYOUT.content;
  const bullet = spec.bullet ?? true;
  const sizes = (spec.sizes ?? [BODY, 15, MIN_BODY_SIZE]).filter((s) => s >= MIN_BODY_SIZE);
  let best: { size: number; pages: DeckParagraph[][]; intro: DeckParagraph | null } | null = null;
  for (const size of sizes) {
    const intro = spec.intro ? para(spec.intro, size + 1, { bold: true, colour: COLOURS.brand }) : null;
    const introH = intro ? heightOf([intro], frame.w) + 4 : 0;
    const paras = spec.items.map((it) => itemPara(it, size, bullet));
    if (spec.rest) paras.push(restPara(spec.rest, size));
    // Space between items: each item measured alone, plus its share of the insets.
    const pages = paginateEvenly(paras, (p) => heightOf([p], frame.w) - 5.2, frame.h - 10, frame.h - 10 - introH);
    if (!best || pages.length < best.pages.length) best = { size, pages, intro };
    if (pages.length === 1) break;
  }
  const b = best!;
  let n = 0;
  return b.pages.map((page, i) => {
    const blocks: DeckBlock[] = [];
    let y = frame.y;
    if (i === 0 && b.intro) {
      const h = heightOf([b.intro], frame.w);
      blocks.push(textBlock({ ...frame, h }, [b.intro]));
      y += h + 4;
    }
    if (page.length) {
      // Numbered lists restart on each slide in both renderers: number in the text instead.
      const ps = bullet === 'number' ? page.map((p) => (p.runs[0].italic && !p.bullet ? p : { ...p, bullet: undefined, runs: [{ ...p.runs[0], text: `${++n}. ${p.runs[0].text}` }, ...p.runs.slice(1)] })) : page;
      const h = Math.min(frame.y + frame.h - y, heightOf(ps, frame.w) + 4);
      blocks.push(textBlock({ x: frame.x, y, w: frame.w, h }, ps, spec.fill ? { fill: spec.fill } : {}));
    }
    return slide(i === 0 ? spec.title : M.suite(spec.title), blocks, spec.notes);
  });
}

export interface TableSpec {
  readonly title: string;
  readonly columns: readonly DeckTableColumn[];
  readonly rows: readonly (readonly DeckTableCell[])[];
  readonly notes: string;
  /** Font size of the cells (≥ 12). */
  readonly size?: number;
  /** Room of the table (defaults to the whole content area). */
  readonly frame?: Frame;
  /** A sentence above the table on the first slide (the message). */
  readonly intro?: string;
  /** Blocks repeated on every slide (legend), placed by the caller outside the table frame. */
  readonly around?: readonly DeckBlock[];
  /** A line under the table on its last slide: how many rows are not shown and where they are (see `bounded`). */
  readonly rest?: string;
  /**
   * Limits of the first deck kit, which cut tables: no longer applied (a
   * table goes on until its last row, a cell is never cut). Kept so that
   * callers written against it still compile.
   */
  readonly maxPages?: number;
  readonly maxCellLines?: number;
  readonly overflow?: (n: number) => string;
}

/** One table over as many slides as needed (titles « … (suite) »), the header repeated, no row ever cut. */
export function tableSlides(spec: TableSpec): Slide[] {
  const frame = spec.frame ?? LAYOUT.content;
  const size = Math.max(MIN_FONT_SIZE, spec.size ?? TABLE);
  const { columns, rows } = dropEmptyColumns(
    spec.columns.map((c) => ({ ...c, header: typographie(c.header) })),
    spec.rows.map((r) => r.map((c) => ({ ...c, text: typographie(c.text) }))),
    frame.w,
  );
  const intro = spec.intro ? para(spec.intro, BODY, { bold: true, colour: COLOURS.brand }) : null;
  const introH = intro ? heightOf([intro], frame.w) + 6 : 0;
  fitColumns(columns, rows, size, frame.w);
  const header = tableHeaderHeight(columns, size);
  const heights = rows.map((r) => tableRowHeight(r, columns, size));
  const index = rows.map((_, i) => i);
  const restP = spec.rest ? restPara(spec.rest, MIN_BODY_SIZE) : null;
  // The rest line's room is kept on every page: it goes under the table of the last one.
  const restH = restP ? heightOf([restP], frame.w) + 4 : 0;
  const pages = paginateEvenly(index, (i) => heights[i], frame.h - header - 2 - restH, frame.h - header - introH - 2 - restH);
  return pages.map((page, p) => {
    const blocks: DeckBlock[] = [...(spec.around ?? [])];
    let y = frame.y;
    if (p === 0 && intro) {
      blocks.push(textBlock({ ...frame, h: introH - 6 }, [intro]));
      y += introH;
    }
    if (page.length) {
      const h = header + page.reduce((s, k) => s + heights[k], 0);
      const table: TableBlock = { kind: 'table', frame: { x: frame.x, y, w: frame.w, h }, columns, rows: page.map((k) => rows[k]), size };
      blocks.push(table);
      y += h;
    }
    if (restP && p === pages.length - 1) blocks.push(textBlock({ x: frame.x, y: y + 4, w: frame.w, h: restH - 4 }, [restP]));
    return slide(p === 0 ? spec.title : M.suite(spec.title), blocks, spec.notes);
  });
}

/** The « et N autres — voir … » line of a summarised list or table. */
function restPara(text: string, size: number): DeckParagraph {
  return para(text, size, { italic: true, colour: COLOURS.greyText });
}

/**
 * Summarise rather than continue: the largest `k` (of `n` items, sorted by the
 * caller most important first) whose layout `build(k)` takes at most `max`
 * slides. `build(k)` lays out the first `k` items and, when `k < n`, says how
 * many are left out and where they are (`rest` of `tableSlides` and
 * `listSlides`). When even one item does not fit, `build(min(n, 1))` is kept
 * (the ready-to-project check then reports it).
 */
export function bounded<T>(n: number, max: number, build: (k: number) => T[]): { slides: T[]; shown: number } {
  const all = build(n);
  if (all.length <= max) return { slides: all, shown: n };
  let lo = Math.min(n, 1);
  let hi = n - 1;
  let best = { slides: build(lo), shown: lo };
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const slides = build(mid);
    if (slides.length <= max) {
      best = { slides, shown: mid };
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Column widths that keep rows short: a column whose longest line fits in its
 * fair share gets just that; the others share the rest in proportion to their
 * text; no column is narrower than its longest word (no word broken).
 * Mutates `columns` (fresh copies made by the caller).
 */
export function fitColumns(columns: DeckTableColumn[], rows: readonly (readonly DeckTableCell[])[], size: number, total: number): void {
  const pad = 2 * CELL_INSET_X + 2;
  const natural = columns.map((c, i) => Math.max(textWidth(c.header, size, true), ...rows.map((r) => textWidth(r[i]?.text ?? '', size, !!r[i]?.bold))) + pad);
  const minimum = columns.map((c, i) => Math.max(longestWordWidth(c.header, size, true), ...rows.map((r) => longestWordWidth(r[i]?.text ?? '', size, !!r[i]?.bold))) + pad);
  const out = new Array<number>(columns.length).fill(0);
  let open = columns.map((_, i) => i);
  let room = total;
  // Water-filling: columns narrower than their fair share take their natural width.
  for (;;) {
    const fixed = open.filter((i) => natural[i] <= room / open.length + 1e-9);
    if (!fixed.length) break;
    for (const i of fixed) {
      out[i] = natural[i];
      room -= natural[i];
    }
    open = open.filter((i) => !fixed.includes(i));
    if (!open.length) break;
  }
  if (open.length) {
    const weight = open.reduce((a, i) => a + Math.sqrt(natural[i]), 0);
    for (const i of open) out[i] = (room * Math.sqrt(natural[i])) / weight;
  } else {
    // Everything fits on one line: spread the slack in proportion.
    const sum = out.reduce((a, b) => a + b, 0);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] * total) / sum;
  }
  // Never break a word: take the missing width from the widest columns.
  for (let i = 0; i < out.length; i++) {
    let need = minimum[i] - out[i];
    while (need > 0.5) {
      const donor = out.map((w, j) => ({ j, slack: w - minimum[j] })).filter((x) => x.j !== i && x.slack > 1).sort((a, b) => b.slack - a.slack)[0];
      if (!donor) break;
      const take = Math.min(need, donor.slack);
      out[donor.j] -= take;
      out[i] += take;
      need -= take;
    }
  }
  const rounded = widths(total, out.map((w) => Math.max(1, Math.round(w * 100))));
  columns.forEach((c, i) => (c as { width: number }).width = rounded[i]);
}

const EMPTY = new Set(['', '—', '–', '-']);

/**
 * Columns where no row says anything are left out (an élu never sees an empty
 * column); the others share the width in proportion.
 */
export function dropEmptyColumns(columns: readonly DeckTableColumn[], rows: readonly (readonly DeckTableCell[])[], total: number): { columns: DeckTableColumn[]; rows: DeckTableCell[][] } {
  const keep = columns.map((_, i) => rows.length === 0 || rows.some((r) => !EMPTY.has((r[i]?.text ?? '').trim())));
  if (keep.every(Boolean)) return { columns: [...columns], rows: rows.map((r) => [...r]) };
  const kept = columns.filter((_, i) => keep[i]);
  const ws = widths(total, kept.map((c) => c.width));
  return { columns: kept.map((c, i) => ({ ...c, width: ws[i] })), rows: rows.map((r) => r.filter((_, i) => keep[i])) };
}

/** A slide that says, in one sentence, that there is nothing to show and why (never an empty frame). */
export function statementSlide(title: string, message: string, notes: string, colour: Colour = COLOURS.greyText): Slide {
  const C = LAYOUT.content;
  const frame = { x: C.x + 40, y: C.y + 50, w: C.w - 80, h: 150 };
  return slide(title, [fittedText(frame, (s) => [para(message, s, { colour, align: 'center' })], [20, 18, 16, 14], { fill: COLOURS.computedFill, valign: 'middle' })], notes);
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

/** Table columns from headers and weights over `total` points. */
export function columnsOf(headers: readonly string[], weights: readonly number[], total: number, align: Readonly<Record<number, Align>> = {}): DeckTableColumn[] {
  const ws = widths(total, weights);
  return headers.map((header, i) => ({ header, width: ws[i], align: align[i] }));
}
