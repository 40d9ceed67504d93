/**
 * What a renderer actually draws: rectangles, stars, text boxes, lines,
 * tables and (offline only) native charts. The slide chrome (title band,
 * footer, number) and the blocks that have no native equivalent in one of the
 * targets (bar charts in Google Slides, matrices, star ratings) are turned
 * into these shapes here, once, so both renderers look alike.
 */
import { COLOURS } from '../schema/colours';
import { formatNumberFr } from '../format';
import type { Chart, ChartBlock, Colour, Deck, DeckParagraph, Frame, Matrix, MatrixCell, StarRating, TableBlock, TextBlock } from './deck';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from './deck';
import { LINE_HEIGHT, TEXT_INSET_X, TEXT_INSET_Y, bulletIndent, paragraphsFit, textWidth, wrapText } from './fit';

export interface ShapePrimitive {
  readonly kind: 'shape';
  readonly shape: 'rect' | 'star';
  readonly frame: Frame;
  readonly fill: Colour | null;
  readonly line: Colour | null;
}

export interface TextPrimitive {
  readonly kind: 'text';
  readonly frame: Frame;
  readonly paragraphs: readonly DeckParagraph[];
  readonly fill?: Colour;
  readonly border?: Colour;
  readonly valign: 'top' | 'middle' | 'bottom';
}

export interface LinePrimitive {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly colour: Colour;
  readonly weight: number;
}

export interface TablePrimitive {
  readonly kind: 'table';
  readonly table: TableBlock;
}

export interface ChartPrimitive {
  readonly kind: 'chart';
  readonly chart: ChartBlock;
}

export type Primitive = ShapePrimitive | TextPrimitive | LinePrimitive | TablePrimitive | ChartPrimitive;

/** Page layout of content slides (points). */
export const LAYOUT = {
  margin: 24,
  bandHeight: 58,
  accentHeight: 3,
  titleSize: 22,
  footerTop: 380,
  footerSize: 12,
  content: { x: 24, y: 70, w: 672, h: 302 } as Frame,
} as const;

const p = (text: string, size: number, opts: { bold?: boolean; colour?: Colour; align?: 'left' | 'center' | 'right' } = {}): DeckParagraph => ({
  runs: [{ text, bold: opts.bold, colour: opts.colour }],
  size,
  align: opts.align,
});

/** The title band, footer and slide number of slide `index` (0-based). */
export function chrome(deck: Deck, index: number): Primitive[] {
  const slide = deck.slides[index];
  const out: Primitive[] = [];
  const { margin, bandHeight, accentHeight, footerTop, footerSize } = LAYOUT;
  const footerW = SLIDE_WIDTH - 2 * margin;
  if (slide.layout === 'content') {
    out.push({ kind: 'shape', shape: 'rect', frame: { x: 0, y: 0, w: SLIDE_WIDTH, h: bandHeight }, fill: COLOURS.brand, line: null });
    out.push({ kind: 'shape', shape: 'rect', frame: { x: 0, y: bandHeight, w: SLIDE_WIDTH, h: accentHeight }, fill: COLOURS.accent, line: null });
    const w = footerW + 2 * TEXT_INSET_X;
    const frame = { x: margin - TEXT_INSET_X, y: 3, w, h: bandHeight - 6 };
    // The title is the slide's headline: one line when it fits, else two, never cut.
    const size = titleSize(slide.title, frame);
    out.push({ kind: 'text', frame, paragraphs: [p(slide.title, size, { bold: true, colour: COLOURS.white })], valign: 'middle' });
  }
  out.push({ kind: 'line', x1: margin, y1: footerTop - 3, x2: SLIDE_WIDTH - margin, y2: footerTop - 3, colour: COLOURS.grey, weight: 0.75 });
  const numberW = 70;
  out.push({
    kind: 'text',
    frame: { x: margin - TEXT_INSET_X, y: footerTop, w: footerW - numberW, h: SLIDE_HEIGHT - footerTop - 2 },
    paragraphs: [p(deck.footer, footerSize, { colour: COLOURS.greyText })],
    valign: 'middle',
  });
  out.push({
    kind: 'text',
    frame: { x: SLIDE_WIDTH - margin - numberW + TEXT_INSET_X, y: footerTop, w: numberW, h: SLIDE_HEIGHT - footerTop - 2 },
    paragraphs: [p(`${index + 1} / ${deck.slides.length}`, footerSize, { colour: COLOURS.greyText, align: 'right' })],
    valign: 'middle',
  });
  return out;
}

/** Size of a slide title in its band: the largest that fits (22 pt on one line down to 16 pt on two). */
export function titleSize(title: string, frame: Frame): number {
  return [LAYOUT.titleSize, 20, 18, 17, 16].find((s) => paragraphsFit([p(title, s, { bold: true })], frame.w, frame.h)) ?? 16;
}

/** Every primitive of a slide, chrome first. Native charts are kept for renderers that have them. */
export function slidePrimitives(deck: Deck, index: number, options: { nativeCharts: boolean }): Primitive[] {
  const out = chrome(deck, index);
  for (const block of deck.slides[index].blocks) {
    switch (block.kind) {
      case 'rect':
        out.push({ kind: 'shape', shape: 'rect', frame: block.frame, fill: block.fill, line: null });
        break;
      case 'text':
        out.push(textPrimitive(block));
        break;
      case 'table':
        out.push({ kind: 'table', table: block });
        break;
      case 'chart':
        if (options.nativeCharts) out.push({ kind: 'chart', chart: block });
        else out.push(...chartPrimitives(block.chart, block.frame));
        break;
      case 'matrix':
        out.push(...matrixPrimitives(block.matrix, block.frame));
        break;
      case 'stars':
        out.push(...starPrimitives(block.stars, block.frame));
        break;
    }
  }
  return out;
}

function textPrimitive(b: TextBlock): TextPrimitive {
  return { kind: 'text', frame: b.frame, paragraphs: b.paragraphs, fill: b.fill, border: b.border, valign: b.valign ?? 'top' };
}

export function formatChartValue(v: number, chart: Pick<Chart, 'decimals' | 'unit'>): string {
  return `${formatNumberFr(v, chart.decimals)}${chart.unit}`;
}

/** Largest value the scale must show: the chart's max, or the largest bar (stack). */
export function chartMax(chart: Chart): number {
  if (chart.max !== undefined) return chart.max;
  let m = 0;
  chart.categories.forEach((_, i) => {
    const vals = chart.series.map((s) => s.values[i] ?? 0);
    m = Math.max(m, chart.grouping === 'stacked' ? vals.reduce((a, b) => a + b, 0) : Math.max(0, ...vals));
  });
  return m > 0 ? m : 1;
}

/** Height of the legend row (0 with a single series). */
function legendHeight(chart: Chart): number {
  return chart.series.length > 1 ? chart.size * LINE_HEIGHT + 2 * TEXT_INSET_Y + 4 : 0;
}

function legend(chart: Chart, frame: Frame): Primitive[] {
  if (chart.series.length <= 1) return [];
  const out: Primitive[] = [];
  const h = legendHeight(chart) - 4;
  let x = frame.x;
  for (const s of chart.series) {
    const sw = chart.size * 0.8;
    out.push({ kind: 'shape', shape: 'rect', frame: { x, y: frame.y + (h - sw) / 2, w: sw, h: sw }, fill: s.colour, line: null });
    const w = textWidth(s.name, chart.size) + 2 * TEXT_INSET_X + 2;
    out.push({ kind: 'text', frame: { x: x + sw + 2, y: frame.y, w, h }, paragraphs: [p(s.name, chart.size, { colour: COLOURS.greyText })], valign: 'middle' });
    x += sw + 2 + w + 10;
  }
  return out;
}

/**
 * A bar chart drawn with rectangles and labels (Google Slides cannot embed a
 * chart without a spreadsheet). Same data and scale as the native chart.
 */
export function chartPrimitives(chart: Chart, frame: Frame): Primitive[] {
  const out: Primitive[] = [...legend(chart, frame)];
  const top = frame.y + legendHeight(chart);
  const height = frame.h - legendHeight(chart);
  const max = chartMax(chart);
  const n = Math.max(1, chart.categories.length);
  const ns = Math.max(1, chart.series.length);
  const labelSize = chart.size;
  const valueW = Math.max(...chart.categories.map((_, i) => textWidth(formatChartValue(totalAt(chart, i), chart), labelSize, true))) + 2 * TEXT_INSET_X + 2;
  if (chart.orientation === 'horizontal') {
    const labelW = Math.min(frame.w * 0.42, Math.max(...chart.categories.map((c) => textWidth(c, labelSize))) + 2 * TEXT_INSET_X + 2);
    const plotX = frame.x + labelW + 4;
    const plotW = frame.w - labelW - 4 - valueW - 2;
    const band = height / n;
    out.push({ kind: 'line', x1: plotX, y1: top, x2: plotX, y2: top + height, colour: COLOURS.greyText, weight: 0.75 });
    chart.categories.forEach((cat, i) => {
      const y = top + i * band;
      out.push({
        kind: 'text',
        frame: { x: frame.x, y, w: labelW, h: band },
        paragraphs: [p(cat, labelSize, { align: 'right' })],
        valign: 'middle',
      });
      const barZone = band * 0.72;
      if (chart.grouping === 'stacked') {
        let x = plotX;
        const by = y + (band - barZone) / 2;
        chart.series.forEach((s) => {
          const v = s.values[i] ?? 0;
          const w = (Math.max(0, v) / max) * plotW;
          if (w > 0.5) {
            out.push({ kind: 'shape', shape: 'rect', frame: { x, y: by, w, h: barZone }, fill: s.colour, line: null });
            const label = formatChartValue(v, chart);
            if (textWidth(label, labelSize) + 2 * TEXT_INSET_X <= w && barZone >= labelSize * LINE_HEIGHT) {
              out.push({ kind: 'text', frame: { x, y: by, w, h: barZone }, paragraphs: [p(label, labelSize, { align: 'center', colour: textOn(s.colour) })], valign: 'middle' });
            }
          }
          x += w;
        });
        out.push({
          kind: 'text',
          frame: { x: x + 2, y: by, w: valueW, h: barZone },
          paragraphs: [p(formatChartValue(totalAt(chart, i), chart), labelSize, { bold: true })],
          valign: 'middle',
        });
      } else {
        const bh = barZone / ns;
        chart.series.forEach((s, j) => {
          const v = s.values[i] ?? 0;
          const w = (Math.max(0, v) / max) * plotW;
          const by = y + (band - barZone) / 2 + j * bh;
          if (w > 0.5) out.push({ kind: 'shape', shape: 'rect', frame: { x: plotX, y: by, w, h: bh * 0.9 }, fill: s.colour, line: null });
          out.push({
            kind: 'text',
            frame: { x: plotX + w + 2, y: by - (Math.max(bh, labelSize * LINE_HEIGHT + 2 * TEXT_INSET_Y) - bh) / 2, w: valueW, h: Math.max(bh, labelSize * LINE_HEIGHT + 2 * TEXT_INSET_Y) },
            paragraphs: [p(formatChartValue(v, chart), labelSize)],
            valign: 'middle',
          });
        });
      }
    });
  } else {
    const labelLines = Math.max(1, ...chart.categories.map((c) => wrapText(c, frame.w / n - 2 * TEXT_INSET_X, labelSize).length));
    const labelH = labelSize * LINE_HEIGHT * labelLines + 2 * TEXT_INSET_Y;
    const valueH = labelSize * LINE_HEIGHT + 2 * TEXT_INSET_Y;
    const plotTop = top + valueH;
    const plotH = height - labelH - valueH;
    const band = frame.w / n;
    const base = plotTop + plotH;
    out.push({ kind: 'line', x1: frame.x, y1: base, x2: frame.x + frame.w, y2: base, colour: COLOURS.greyText, weight: 0.75 });
    chart.categories.forEach((cat, i) => {
      const x = frame.x + i * band;
      out.push({
        kind: 'text',
        frame: { x, y: base + 2, w: band, h: labelH },
        paragraphs: [p(cat, labelSize, { align: 'center' })],
        valign: 'top',
      });
      const barZone = band * 0.7;
      if (chart.grouping === 'stacked') {
        let y = base;
        const bx = x + (band - barZone) / 2;
        for (const s of chart.series) {
          const h = (Math.max(0, s.values[i] ?? 0) / max) * plotH;
          if (h > 0.5) out.push({ kind: 'shape', shape: 'rect', frame: { x: bx, y: y - h, w: barZone, h }, fill: s.colour, line: null });
          y -= h;
        }
        out.push({ kind: 'text', frame: { x, y: y - valueH, w: band, h: valueH }, paragraphs: [p(formatChartValue(totalAt(chart, i), chart), labelSize, { bold: true, align: 'center' })], valign: 'bottom' });
      } else {
        const bw = barZone / ns;
        chart.series.forEach((s, j) => {
          const v = s.values[i] ?? 0;
          const h = (Math.max(0, v) / max) * plotH;
          const bx = x + (band - barZone) / 2 + j * bw;
          if (h > 0.5) out.push({ kind: 'shape', shape: 'rect', frame: { x: bx, y: base - h, w: bw * 0.9, h }, fill: s.colour, line: null });
          const lw = Math.max(bw, textWidth(formatChartValue(v, chart), labelSize) + 2 * TEXT_INSET_X);
          out.push({ kind: 'text', frame: { x: bx + bw * 0.45 - lw / 2, y: base - h - valueH, w: lw, h: valueH }, paragraphs: [p(formatChartValue(v, chart), labelSize, { align: 'center' })], valign: 'bottom' });
        });
      }
    });
  }
  return out;
}

function totalAt(chart: Chart, i: number): number {
  return chart.grouping === 'stacked'
    ? chart.series.reduce((a, s) => a + (s.values[i] ?? 0), 0)
    : Math.max(0, ...chart.series.map((s) => s.values[i] ?? 0));
}

/** Dark text on light fills, white on dark ones. */
export function textOn(fill: Colour): Colour {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return COLOURS.greyText;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#202124' : COLOURS.white;
}

/** Height of the matrix's title row (y title) and of each label row below the grid. */
export function matrixLabelRow(): number {
  return MATRIX_LABEL_SIZE * LINE_HEIGHT + 2 * TEXT_INSET_Y;
}

/** Font size of a matrix's row, column and axis labels. */
export const MATRIX_LABEL_SIZE = 12;

/** Room the matrix keeps for row labels and the y title (left) and for column labels and x title (below). */
export function matrixGeometry(m: Matrix, frame: Frame): { grid: Frame; cell: { w: number; h: number }; gap: number; labelSize: number } {
  const labelSize = MATRIX_LABEL_SIZE;
  const lineH = labelSize * LINE_HEIGHT + 2 * TEXT_INSET_Y;
  const left = m.rowLabels ? Math.max(...m.rowLabels.map((l) => textWidth(l, labelSize, true))) + 2 * TEXT_INSET_X + 2 : 0;
  const topPad = m.yTitle ? lineH : 0;
  const bottom = (m.colLabels ? lineH : 0) + (m.xTitle ? lineH : 0);
  const gap = 4;
  const grid: Frame = { x: frame.x + left, y: frame.y + topPad, w: frame.w - left, h: frame.h - topPad - bottom };
  return { grid, cell: { w: (grid.w - gap * (m.cols - 1)) / m.cols, h: (grid.h - gap * (m.rows - 1)) / m.rows }, gap, labelSize };
}

/** Paragraphs of a matrix cell: its title (2 pt larger, bold), then its lines, bulleted under a title. */
export function matrixCellParagraphs(data: MatrixCell): DeckParagraph[] {
  const out: DeckParagraph[] = [];
  if (data.title) out.push(p(data.title, data.size + 2, { bold: true, colour: data.colour }));
  for (const line of data.lines) {
    out.push({ runs: [{ text: line.text, bold: line.bold, italic: line.italic, colour: line.colour ?? '#202124' }], size: data.size, bullet: !!data.title && !line.italic });
  }
  return out;
}

export function matrixPrimitives(m: Matrix, frame: Frame): Primitive[] {
  const out: Primitive[] = [];
  const { grid, cell, gap, labelSize } = matrixGeometry(m, frame);
  const lineH = labelSize * LINE_HEIGHT + 2 * TEXT_INSET_Y;
  if (m.yTitle) {
    const w = Math.min(frame.w, textWidth(m.yTitle, labelSize, true) + 2 * TEXT_INSET_X + 4);
    out.push({ kind: 'text', frame: { x: frame.x, y: frame.y, w, h: lineH }, paragraphs: [p(m.yTitle, labelSize, { bold: true, colour: COLOURS.greyText })], valign: 'middle' });
  }
  for (let r = 0; r < m.rows; r++) {
    const y = grid.y + r * (cell.h + gap);
    if (m.rowLabels) {
      out.push({ kind: 'text', frame: { x: frame.x, y, w: grid.x - frame.x, h: cell.h }, paragraphs: [p(m.rowLabels[r] ?? '', labelSize, { bold: true, colour: COLOURS.greyText, align: 'right' })], valign: 'middle' });
    }
    for (let c = 0; c < m.cols; c++) {
      const x = grid.x + c * (cell.w + gap);
      const data = m.cells[r * m.cols + c];
      out.push({ kind: 'text', frame: { x, y, w: cell.w, h: cell.h }, paragraphs: matrixCellParagraphs(data), fill: data.fill, valign: 'top' });
    }
  }
  const below = grid.y + grid.h;
  if (m.colLabels) {
    for (let c = 0; c < m.cols; c++) {
      const x = grid.x + c * (cell.w + gap);
      out.push({ kind: 'text', frame: { x, y: below, w: cell.w, h: lineH }, paragraphs: [p(m.colLabels[c] ?? '', labelSize, { bold: true, colour: COLOURS.greyText, align: 'center' })], valign: 'middle' });
    }
  }
  if (m.xTitle) {
    out.push({ kind: 'text', frame: { x: grid.x, y: below + (m.colLabels ? lineH : 0), w: grid.w, h: lineH }, paragraphs: [p(m.xTitle, labelSize, { bold: true, colour: COLOURS.greyText, align: 'center' })], valign: 'middle' });
  }
  return out;
}

/** Colours of the star rating: obtained, within reach, out of reach. */
export const STAR_COLOURS = {
  obtenue: COLOURS.accent,
  atteignable: '#F6E3B4',
  horsDePortee: COLOURS.computedFill,
  contour: '#B07F12',
  contourVide: COLOURS.grey,
} as const;

export function starPrimitives(s: StarRating, frame: Frame): Primitive[] {
  const size = Math.min(frame.h, (frame.w - 8 * (s.total - 1)) / s.total);
  const totalW = s.total * size + (s.total - 1) * 8;
  const x0 = frame.x + (frame.w - totalW) / 2;
  const y = frame.y + (frame.h - size) / 2;
  const out: Primitive[] = [];
  for (let i = 0; i < s.total; i++) {
    const state = i < s.actuelle ? 'obtenue' : i < s.atteignable ? 'atteignable' : 'horsDePortee';
    out.push({
      kind: 'shape',
      shape: 'star',
      frame: { x: x0 + i * (size + 8), y, w: size, h: size },
      fill: STAR_COLOURS[state],
      line: state === 'horsDePortee' ? STAR_COLOURS.contourVide : STAR_COLOURS.contour,
    });
  }
  return out;
}

/** Wrapped lines of every text primitive, for tests (overflow checks). */
export function textPrimitiveOverflows(t: TextPrimitive): boolean {
  let h = 2 * TEXT_INSET_Y;
  for (const para of t.paragraphs) {
    const text = para.runs.map((r) => r.text).join('');
    const bold = para.runs.some((r) => r.bold);
    const indent = para.bullet ? bulletIndent(para.size) : 0;
    h += wrapText(text, t.frame.w - 2 * TEXT_INSET_X - indent, para.size, bold).length * para.size * LINE_HEIGHT;
  }
  return h > t.frame.h + 0.01;
}
