/**
 * The deck as a .pptx (pptxgenjs, 16:9): native bar charts (`addChart`) and
 * native tables (`addTable`), real text everywhere, speaker notes. Draws the
 * same frames as the Google renderer (domain/reports/primitives).
 */
import PptxGenJS from 'pptxgenjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DeckRendererPort, RenderedFile } from '../../app/ports-reports';
import type { Chart, Deck, DeckParagraph, Frame, TableBlock } from '../../domain/reports/deck';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../domain/reports/deck';
import { CELL_INSET_X, CELL_INSET_Y, TEXT_INSET_X, TEXT_INSET_Y, bulletIndent, tableHeaderHeight, tableRowHeight } from '../../domain/reports/fit';
import { chartMax, slidePrimitives, type Primitive, type TextPrimitive } from '../../domain/reports/primitives';
import { COLOURS } from '../../domain/schema/colours';
import { FONT_FAMILY } from '../../domain/text/measure';

/** The font the deck is measured with (Calibri; Carlito is its metric-compatible substitute). */
const FONT = FONT_FAMILY;
/** Every text run is tagged French, so that spell-checkers do not underline the deck. */
export const LANG = 'fr-FR';
const inch = (pt: number) => Math.round((pt / 72) * 10000) / 10000;
const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
const box = (f: Frame) => ({ x: inch(f.x), y: inch(f.y), w: inch(f.w), h: inch(f.h) });
/** Control characters are not allowed in XML text. */
const clean = (t: string) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

type Pres = InstanceType<typeof PptxGenJS>;
type PSlide = ReturnType<Pres['addSlide']>;

/** The deck as .pptx bytes. */
export async function deckToPptx(deck: Deck, name: string): Promise<Uint8Array> {
  const pres = new PptxGenJS();
  pres.defineLayout({ name: 'CAP_16x9', width: inch(SLIDE_WIDTH), height: inch(SLIDE_HEIGHT) });
  pres.layout = 'CAP_16x9';
  pres.title = name;
  pres.subject = deck.title;
  pres.company = deck.collectivite;
  pres.author = 'Cap Circulaire';
  pres.theme = { headFontFace: FONT, bodyFontFace: FONT };
  deck.slides.forEach((s, i) => {
    const slide = pres.addSlide();
    slide.background = { color: 'FFFFFF' };
    for (const prim of slidePrimitives(deck, i, { nativeCharts: true })) draw(pres, slide, prim);
    if (s.notes) slide.addNotes(clean(s.notes));
  });
  // `stream` is the one export that honours `compression` (write() stores the parts uncompressed).
  return tagFrench((await pres.stream({ compression: true })) as Uint8Array);
}

/**
 * pptxgenjs writes `lang="en-US"` in places its options do not reach (notes,
 * masters, charts, empty paragraphs): every language tag of every XML part
 * becomes fr-FR, so no run of the file is left in English.
 */
export function tagFrench(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    if (!/\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    if (!/lang="en-US"|altLang="en-US"/.test(xml)) continue;
    files[name] = strToU8(xml.replace(/ altLang="en-US"/g, '').replace(/lang="en-US"/g, `lang="${LANG}"`));
  }
  return zipSync(files, { level: 6 });
}

function draw(pres: Pres, slide: PSlide, p: Primitive): void {
  switch (p.kind) {
    case 'shape':
      slide.addShape(p.shape === 'star' ? pres.ShapeType.star5 : pres.ShapeType.rect, {
        ...box(p.frame),
        fill: p.fill ? { color: hex(p.fill) } : { type: 'none' },
        line: p.line ? { color: hex(p.line), width: 1 } : { type: 'none' },
      });
      break;
    case 'line':
      slide.addShape(pres.ShapeType.line, {
        x: inch(Math.min(p.x1, p.x2)),
        y: inch(Math.min(p.y1, p.y2)),
        w: inch(Math.abs(p.x2 - p.x1)),
        h: inch(Math.abs(p.y2 - p.y1)),
        line: { color: hex(p.colour), width: p.weight },
      });
      break;
    case 'text':
      drawText(slide, p);
      break;
    case 'table':
      drawTable(slide, p.table);
      break;
    case 'chart':
      drawChart(pres, slide, p.chart.chart, p.chart.frame);
      break;
  }
}

type TextProps = PptxGenJS.TextPropsOptions;

function runs(paragraphs: readonly DeckParagraph[]): PptxGenJS.TextProps[] {
  const out: PptxGenJS.TextProps[] = [];
  paragraphs.forEach((para, pi) => {
    const parts = para.runs.length ? para.runs : [{ text: '' }];
    parts.forEach((r, ri) => {
      const options: TextProps = {
        fontFace: FONT,
        lang: LANG,
        fontSize: para.size,
        bold: !!r.bold,
        italic: !!r.italic,
        color: hex(r.colour ?? '#202124'),
        align: para.align ?? 'left',
        bullet: para.bullet === 'number' ? { type: 'number', indent: bulletIndent(para.size) - 4 } : para.bullet ? { indent: bulletIndent(para.size) - 4 } : false,
        paraSpaceBefore: 0,
        paraSpaceAfter: 0,
        breakLine: ri === parts.length - 1 && pi < paragraphs.length - 1,
      };
      out.push({ text: clean(r.text.replace(/\r?\n/g, ' ')), options });
    });
  });
  return out;
}

function drawText(slide: PSlide, t: TextPrimitive): void {
  slide.addText(runs(t.paragraphs), {
    ...box(t.frame),
    margin: [TEXT_INSET_X, TEXT_INSET_X, TEXT_INSET_Y, TEXT_INSET_Y],
    valign: t.valign,
    fontFace: FONT,
    fit: 'none',
    wrap: true,
    lineSpacingMultiple: 1,
    ...(t.fill ? { fill: { color: hex(t.fill) } } : {}),
    ...(t.border ? { line: { color: hex(t.border), width: 1 } } : {}),
  });
}

function drawTable(slide: PSlide, table: TableBlock): void {
  const header: PptxGenJS.TableRow = table.columns.map((c) => ({
    text: clean(c.header),
    options: { lang: LANG, bold: true, color: 'FFFFFF', fill: { color: hex(COLOURS.brand) }, align: c.align ?? 'left' },
  }));
  const rows: PptxGenJS.TableRow[] = table.rows.map((r) =>
    r.map((c, j) => ({
      text: clean(c.text.replace(/\r?\n/g, ' ')),
      options: {
        lang: LANG,
        bold: !!c.bold,
        color: hex(c.colour ?? '#202124'),
        align: c.align ?? table.columns[j].align ?? 'left',
        ...(c.fill ? { fill: { color: hex(c.fill) } } : {}),
      },
    })),
  );
  const rowH = [tableHeaderHeight(table.columns, table.size), ...table.rows.map((r) => tableRowHeight(r, table.columns, table.size))].map(inch);
  slide.addTable([header, ...rows], {
    x: inch(table.frame.x),
    y: inch(table.frame.y),
    w: inch(table.columns.reduce((a, c) => a + c.width, 0)),
    // The frame's height: PowerPoint and LibreOffice lay the rows out from rowH, but the frame must say where the table ends.
    h: inch(rowH.reduce((a, b) => a + b, 0) * 72),
    colW: table.columns.map((c) => inch(c.width)),
    rowH,
    fontFace: FONT,
    fontSize: table.size,
    valign: 'middle',
    margin: [CELL_INSET_Y, CELL_INSET_X, CELL_INSET_Y, CELL_INSET_X],
    border: { type: 'solid', pt: 0.75, color: hex(COLOURS.grey) },
    autoPage: false,
  });
}

/** Excel number format of the data labels; zeros are not labelled. */
function labelFormat(chart: Chart): string {
  const n = chart.decimals > 0 ? `0.${'0'.repeat(chart.decimals)}` : '0';
  const unit = chart.unit ? `"${chart.unit.replace(/"/g, '')}"` : '';
  return `${n}${unit};-${n}${unit};;`;
}

function drawChart(pres: Pres, slide: PSlide, chart: Chart, frame: Frame): void {
  const data = chart.series.map((s) => ({ name: s.name, labels: [...chart.categories], values: [...s.values] }));
  const horizontal = chart.orientation === 'horizontal';
  slide.addChart(pres.ChartType.bar, data, {
    ...box(frame),
    barDir: horizontal ? 'bar' : 'col',
    barGrouping: chart.grouping === 'stacked' ? 'stacked' : 'clustered',
    barGapWidthPct: 45,
    ...(chart.grouping === 'stacked' ? { barOverlapPct: 100 } : {}),
    chartColors: chart.series.map((s) => hex(s.colour)),
    // pptxgenjs writes the value as given; its typings only list `minMax`. First category on top:
    catAxisOrientation: (horizontal ? 'maxMin' : 'minMax') as 'minMax',
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: chart.size,
    catAxisLabelColor: '202124',
    catAxisLineShow: true,
    catAxisLineColor: hex(COLOURS.greyText),
    valAxisHidden: true,
    valAxisMinVal: 0,
    valAxisMaxVal: chartMax(chart),
    valGridLine: { style: 'none' },
    showValue: true,
    dataLabelFontFace: FONT,
    dataLabelFontSize: chart.size,
    dataLabelFormatCode: labelFormat(chart),
    dataLabelPosition: chart.grouping === 'stacked' ? 'ctr' : 'outEnd',
    dataLabelColor: '202124',
    showLegend: chart.series.length > 1,
    legendPos: 't',
    legendFontFace: FONT,
    legendFontSize: chart.size,
    legendColor: hex(COLOURS.greyText),
    showTitle: false,
  });
}

/** Writes each rendered deck through `write` (a file, the demo's output folder…). */
export class PptxDeckRenderer implements DeckRendererPort {
  constructor(private readonly write: (bytes: Uint8Array, name: string) => Promise<string>) {}

  async render(deck: Deck, name: string): Promise<RenderedFile> {
    const bytes = await deckToPptx(deck, name);
    return { name, path: await this.write(bytes, name) };
  }
}
