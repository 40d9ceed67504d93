/**
 * A Deck as the requests of ONE Slides `presentations.batchUpdate`: slides,
 * shapes, texts and their styles, tables and their cell texts, lines, and bar
 * charts drawn as rectangles (Slides cannot embed a chart without a
 * spreadsheet). Pure: no Apps Script global here, so it is tested in Node.
 *
 * Texts are inserted with `insertText`, which never interprets them: a value
 * starting with `=` or containing markup stays literal.
 */
import type { Colour, Deck, DeckParagraph, Frame } from '../../domain/reports/deck';
import { CELL_INSET_Y, LINE_HEIGHT } from '../../domain/reports/fit';
import { slidePrimitives, type Primitive, type TextPrimitive } from '../../domain/reports/primitives';
import { COLOURS } from '../../domain/schema/colours';
import { FONT_FAMILY } from '../../domain/text/measure';
import { googleText } from './google-text';

export type SlidesRequest = Record<string, unknown>;

/**
 * The font the deck is measured with. Language: the Slides API has no
 * per-run language (TextStyle carries none); a Google presentation's text is
 * proofed in the language of the user's Google account, French for our users.
 */
export const FONT = FONT_FAMILY;

const pt = (magnitude: number) => ({ magnitude: round(magnitude), unit: 'PT' });
const round = (n: number) => Math.round(n * 100) / 100;

export function rgb(hex: Colour): { red: number; green: number; blue: number } {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return { red: 0, green: 0, blue: 0 };
  return { red: parseInt(m[1], 16) / 255, green: parseInt(m[2], 16) / 255, blue: parseInt(m[3], 16) / 255 };
}

const solid = (hex: Colour) => ({ solidFill: { color: { rgbColor: rgb(hex) } } });
const opaque = (hex: Colour) => ({ opaqueColor: { rgbColor: rgb(hex) } });

function elementProperties(pageObjectId: string, f: Frame) {
  return {
    pageObjectId,
    size: { width: pt(Math.max(1, f.w)), height: pt(Math.max(1, f.h)) },
    transform: { scaleX: 1, scaleY: 1, shearX: 0, shearY: 0, translateX: round(f.x), translateY: round(f.y), unit: 'PT' },
  };
}

const ALIGN = { left: 'START', center: 'CENTER', right: 'END' } as const;
const VALIGN = { top: 'TOP', middle: 'MIDDLE', bottom: 'BOTTOM' } as const;

/** What Slides keeps of a text (google-text.ts); newlines inside a paragraph become spaces. */
export function cleanText(text: string): string {
  return googleText(text).replace(/\n/g, ' ');
}

export interface SlidesPlan {
  readonly requests: SlidesRequest[];
  /** Object ids of the created slides, in order. */
  readonly slideIds: string[];
}

/**
 * Every request of the deck. `idPrefix` keeps object ids unique in the
 * presentation (ids are 5 to 50 characters, letters, digits, `_`).
 */
export function slidesRequests(deck: Deck, options: { idPrefix?: string; deleteSlideIds?: readonly string[] } = {}): SlidesPlan {
  const prefix = options.idPrefix ?? 'cc';
  const requests: SlidesRequest[] = [];
  const slideIds: string[] = [];
  deck.slides.forEach((_, i) => {
    const slideId = `${prefix}_s${i}`;
    slideIds.push(slideId);
    requests.push({ createSlide: { objectId: slideId, insertionIndex: i, slideLayoutReference: { predefinedLayout: 'BLANK' } } });
    let n = 0;
    const nextId = () => `${slideId}_e${n++}`;
    for (const prim of slidePrimitives(deck, i, { nativeCharts: false })) requests.push(...primitiveRequests(prim, slideId, nextId));
  });
  // The presentation's default first slide goes once ours exist.
  for (const id of options.deleteSlideIds ?? []) requests.push({ deleteObject: { objectId: id } });
  return { requests, slideIds };
}

function primitiveRequests(prim: Primitive, pageId: string, nextId: () => string): SlidesRequest[] {
  switch (prim.kind) {
    case 'shape': {
      const objectId = nextId();
      return [
        { createShape: { objectId, shapeType: prim.shape === 'star' ? 'STAR_5' : 'RECTANGLE', elementProperties: elementProperties(pageId, prim.frame) } },
        {
          updateShapeProperties: {
            objectId,
            shapeProperties: {
              shapeBackgroundFill: prim.fill ? solid(prim.fill) : { propertyState: 'NOT_RENDERED' },
              outline: prim.line ? { outlineFill: solid(prim.line), weight: pt(1) } : { propertyState: 'NOT_RENDERED' },
            },
            fields: prim.fill ? (prim.line ? 'shapeBackgroundFill.solidFill.color,outline.outlineFill.solidFill.color,outline.weight' : 'shapeBackgroundFill.solidFill.color,outline.propertyState') : 'shapeBackgroundFill.propertyState,outline.propertyState',
          },
        },
      ];
    }
    case 'line': {
      const frame = { x: Math.min(prim.x1, prim.x2), y: Math.min(prim.y1, prim.y2), w: Math.abs(prim.x2 - prim.x1), h: Math.abs(prim.y2 - prim.y1) };
      // Slides refuses a line of zero width and height (a point): nothing to draw anyway.
      if (round(frame.w) === 0 && round(frame.h) === 0) return [];
      const objectId = nextId();
      return [
        {
          createLine: {
            objectId,
            category: 'STRAIGHT',
            elementProperties: {
              pageObjectId: pageId,
              size: { width: pt(frame.w), height: pt(frame.h) },
              transform: { scaleX: 1, scaleY: 1, shearX: 0, shearY: 0, translateX: round(frame.x), translateY: round(frame.y), unit: 'PT' },
            },
          },
        },
        { updateLineProperties: { objectId, lineProperties: { lineFill: solid(prim.colour), weight: pt(prim.weight) }, fields: 'lineFill.solidFill.color,weight' } },
      ];
    }
    case 'text':
      return textRequests(prim, pageId, nextId());
    case 'table':
      return tableRequests(prim.table, pageId, nextId());
    case 'chart':
      // Charts are turned into shapes before (nativeCharts: false).
      return [];
  }
}

/** Text of paragraphs joined with newlines, and the ranges of each run and paragraph. */
export function layoutParagraphs(paragraphs: readonly DeckParagraph[]): {
  text: string;
  runs: Array<{ start: number; end: number; run: DeckParagraph['runs'][number]; size: number }>;
  paras: Array<{ start: number; end: number; para: DeckParagraph }>;
} {
  let text = '';
  const runs: Array<{ start: number; end: number; run: DeckParagraph['runs'][number]; size: number }> = [];
  const paras: Array<{ start: number; end: number; para: DeckParagraph }> = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) text += '\n';
    const pStart = text.length;
    for (const run of p.runs) {
      const t = cleanText(run.text);
      if (!t) continue;
      runs.push({ start: text.length, end: text.length + t.length, run, size: p.size });
      text += t;
    }
    paras.push({ start: pStart, end: text.length, para: p });
  });
  return { text, runs, paras };
}

function textStyle(run: { bold?: boolean; italic?: boolean; colour?: Colour }, size: number) {
  return {
    style: {
      fontFamily: FONT,
      fontSize: pt(size),
      bold: !!run.bold,
      italic: !!run.italic,
      foregroundColor: opaque(run.colour ?? '#202124'),
    },
    fields: 'fontFamily,fontSize,bold,italic,foregroundColor',
  };
}

function textRequests(t: TextPrimitive, pageId: string, objectId: string): SlidesRequest[] {
  const out: SlidesRequest[] = [{ createShape: { objectId, shapeType: 'TEXT_BOX', elementProperties: elementProperties(pageId, t.frame) } }];
  out.push({
    updateShapeProperties: {
      objectId,
      shapeProperties: {
        contentAlignment: VALIGN[t.valign],
        ...(t.fill ? { shapeBackgroundFill: solid(t.fill) } : {}),
        ...(t.border ? { outline: { outlineFill: solid(t.border), weight: pt(1) } } : {}),
      },
      fields: ['contentAlignment', ...(t.fill ? ['shapeBackgroundFill.solidFill.color'] : []), ...(t.border ? ['outline.outlineFill.solidFill.color', 'outline.weight'] : [])].join(','),
    },
  });
  const { text, runs, paras } = layoutParagraphs(t.paragraphs);
  if (!text) return out;
  out.push({ insertText: { objectId, insertionIndex: 0, text } });
  for (const r of runs) out.push({ updateTextStyle: { objectId, textRange: { type: 'FIXED_RANGE', startIndex: r.start, endIndex: r.end }, ...textStyle(r.run, r.size) } });
  // Empty paragraphs still need their size (line height).
  for (const p of paras) {
    const range = p.end > p.start ? { type: 'FIXED_RANGE', startIndex: p.start, endIndex: p.end } : null;
    if (range) {
      out.push({
        updateParagraphStyle: {
          objectId,
          textRange: range,
          style: { alignment: ALIGN[p.para.align ?? 'left'], lineSpacing: 100, spaceAbove: pt(0), spaceBelow: pt(0) },
          fields: 'alignment,lineSpacing,spaceAbove,spaceBelow',
        },
      });
    }
  }
  // One request per run of consecutive paragraphs of the same kind: a numbered list counts on.
  for (let i = 0; i < paras.length; ) {
    const kind = paras[i].para.bullet;
    let j = i;
    while (j + 1 < paras.length && paras[j + 1].para.bullet === kind) j++;
    if (kind && paras[j].end > paras[i].start) {
      out.push({
        createParagraphBullets: {
          objectId,
          textRange: { type: 'FIXED_RANGE', startIndex: paras[i].start, endIndex: paras[j].end },
          bulletPreset: kind === 'number' ? 'NUMBERED_DIGIT_ALPHA_ROMAN' : 'BULLET_DISC_CIRCLE_SQUARE',
        },
      });
    }
    i = j + 1;
  }
  return out;
}

function tableRequests(table: import('../../domain/reports/deck').TableBlock, pageId: string, objectId: string): SlidesRequest[] {
  const rows = table.rows.length + 1;
  const columns = table.columns.length;
  // Rows start at one line's height and grow with their text, as the fitting estimated.
  const minRow = table.size * LINE_HEIGHT + 2 * CELL_INSET_Y;
  const out: SlidesRequest[] = [
    { createTable: { objectId, elementProperties: elementProperties(pageId, { ...table.frame, h: rows * minRow }), rows, columns } },
    {
      updateTableBorderProperties: {
        objectId,
        tableRange: { location: { rowIndex: 0, columnIndex: 0 }, rowSpan: rows, columnSpan: columns },
        borderPosition: 'ALL',
        tableBorderProperties: { tableBorderFill: solid(COLOURS.grey), weight: pt(0.75), dashStyle: 'SOLID' },
        fields: 'tableBorderFill.solidFill.color,weight,dashStyle',
      },
    },
  ];
  table.columns.forEach((c, i) => {
    out.push({
      updateTableColumnProperties: { objectId, columnIndices: [i], tableColumnProperties: { columnWidth: pt(Math.max(32, c.width)) }, fields: 'columnWidth' },
    });
  });
  const cellRequests = (r: number, c: number, text: string, o: { bold?: boolean; colour?: Colour; fill?: Colour; align?: 'left' | 'center' | 'right' }) => {
    const location = { rowIndex: r, columnIndex: c };
    const res: SlidesRequest[] = [];
    if (o.fill) {
      res.push({
        updateTableCellProperties: {
          objectId,
          tableRange: { location, rowSpan: 1, columnSpan: 1 },
          tableCellProperties: { tableCellBackgroundFill: solid(o.fill) },
          fields: 'tableCellBackgroundFill.solidFill.color',
        },
      });
    }
    const t = cleanText(text);
    if (!t) return res;
    res.push({ insertText: { objectId, cellLocation: location, insertionIndex: 0, text: t } });
    res.push({ updateTextStyle: { objectId, cellLocation: location, textRange: { type: 'ALL' }, ...textStyle({ bold: o.bold, colour: o.colour }, table.size) } });
    if (o.align && o.align !== 'left') {
      res.push({ updateParagraphStyle: { objectId, cellLocation: location, textRange: { type: 'ALL' }, style: { alignment: ALIGN[o.align] }, fields: 'alignment' } });
    }
    return res;
  };
  table.columns.forEach((c, j) => out.push(...cellRequests(0, j, c.header, { bold: true, colour: COLOURS.white, fill: COLOURS.brand, align: c.align })));
  table.rows.forEach((row, i) =>
    row.forEach((cell, j) => out.push(...cellRequests(i + 1, j, cell.text, { bold: cell.bold, colour: cell.colour, fill: cell.fill, align: cell.align ?? table.columns[j].align }))),
  );
  return out;
}

/** The speaker notes of each slide, once their shape ids are known. */
export function notesRequests(deck: Deck, notesShapeIds: readonly (string | null)[]): SlidesRequest[] {
  const out: SlidesRequest[] = [];
  deck.slides.forEach((s, i) => {
    const id = notesShapeIds[i];
    const text = googleText(s.notes);
    if (id && text) out.push({ insertText: { objectId: id, insertionIndex: 0, text } });
  });
  return out;
}
