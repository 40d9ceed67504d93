/**
 * A ReportDocument as the requests of ONE Docs `documents.batchUpdate`.
 *
 * The document is built front to back from index 1 (start of a new
 * document's body), always inserting at the start of the trailing empty
 * paragraph, so what is already written never moves. A paragraph is
 * `insertText` + its named style + the style of each run, set explicitly
 * (inserted text inherits its neighbours' styles otherwise). A table is
 * Bullets are applied to a list's paragraphs once they are all written, on
 * a range that stops before the trailing paragraph, so nothing inserted
 * later inherits them.
 * `insertTable` (Docs adds a newline before it, so the table starts at
 * index + 1) then the texts of its cells, from the last cell to the first so
 * that the computed indexes of the earlier cells stay valid:
 *
 *   table start T, row r, column c of a C-column table:
 *   cell paragraph = T + 3 + r·(2C + 1) + 2c;   table end = T + 2 + R·(2C + 1)
 *
 * Texts are literal: `insertText` never interprets `=`, `<b>` or anything
 * else. Links are kept only for http(s) and mailto addresses.
 */
import type { Colour } from '../../domain/reports/deck';
import type { DocBlock, DocRun, DocTable, ReportDocument } from '../../domain/reports/document';
import { safeLink } from '../../domain/reports/document';
import { COLOURS } from '../../domain/schema/colours';
import { googleText } from './google-text';
import { rgb } from './slides-requests';

export type DocsRequest = Record<string, unknown>;

/** A4 in points, 2 cm margins. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56.69 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const TABLE_FONT_SIZE = 9;
export const NOTE_FONT_SIZE = 9;

const pt = (magnitude: number) => ({ magnitude: Math.round(magnitude * 100) / 100, unit: 'PT' });
const colour = (hex: Colour) => ({ color: { rgbColor: rgb(hex) } });

/** What Docs keeps of a text (google-text.ts); without `keepNewlines`, newlines become spaces. */
export function cleanDocText(text: string, keepNewlines: boolean): string {
  const t = googleText(text);
  return keepNewlines ? t : t.replace(/\n+/g, ' ');
}

type NamedStyle = 'TITLE' | 'SUBTITLE' | 'HEADING_1' | 'HEADING_2' | 'HEADING_3' | 'NORMAL_TEXT';

const TEXT_FIELDS = 'bold,italic,link,foregroundColor,fontSize';

function runStyle(run: DocRun, extra: { fontSize?: number; colour?: Colour; bold?: boolean } = {}) {
  const link = safeLink(run.link);
  const fg = link ? COLOURS.blueText : extra.colour;
  return {
    bold: !!(run.bold || extra.bold),
    italic: !!run.italic,
    ...(link ? { link: { url: link } } : {}),
    ...(fg ? { foregroundColor: colour(fg) } : {}),
    ...(extra.fontSize ? { fontSize: pt(extra.fontSize) } : {}),
  };
}

export function docsRequests(doc: ReportDocument): DocsRequest[] {
  const out: DocsRequest[] = [
    {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: pt(PAGE.width), height: pt(PAGE.height) },
          marginTop: pt(PAGE.margin),
          marginBottom: pt(PAGE.margin),
          marginLeft: pt(PAGE.margin),
          marginRight: pt(PAGE.margin),
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
      },
    },
  ];
  let idx = 1;

  /** Inserts one or more paragraphs (runs may hold newlines when `keepNewlines`) with their named style. */
  const paragraph = (runs: readonly DocRun[], style: NamedStyle, o: { keepNewlines?: boolean; fontSize?: number; colour?: Colour } = {}): { start: number; end: number } => {
    const parts = runs.map((r) => ({ run: r, text: cleanDocText(r.text, !!o.keepNewlines) })).filter((p) => p.text);
    const text = parts.map((p) => p.text).join('');
    const start = idx;
    out.push({ insertText: { location: { index: idx }, text: `${text}\n` } });
    const end = idx + text.length + 1;
    out.push({ updateParagraphStyle: { range: { startIndex: start, endIndex: end }, paragraphStyle: { namedStyleType: style }, fields: 'namedStyleType' } });
    let at = start;
    for (const p of parts) {
      out.push({ updateTextStyle: { range: { startIndex: at, endIndex: at + p.text.length }, textStyle: runStyle(p.run, o), fields: TEXT_FIELDS } });
      at += p.text.length;
    }
    idx = end;
    return { start, end };
  };

  const table = (t: DocTable) => {
    const head = t.headers.length > 0 ? 1 : 0;
    const R = t.rows.length + head;
    const C = t.widths.length;
    out.push({ insertTable: { rows: R, columns: C, location: { index: idx } } });
    const T = idx + 1;
    const cellAt = (r: number, c: number) => T + 3 + r * (2 * C + 1) + 2 * c;
    const tableEnd = T + 2 + R * (2 * C + 1);
    const tableStartLocation = { index: T };
    const sum = t.widths.reduce((a, b) => a + b, 0) || 1;
    t.widths.forEach((w, c) => {
      out.push({
        updateTableColumnProperties: {
          tableStartLocation,
          columnIndices: [c],
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt((w / sum) * CONTENT_WIDTH) },
          fields: 'width,widthType',
        },
      });
    });
    if (head) out.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: 1 } });
    const fill = (r: number, c: number, hex: Colour) =>
      out.push({
        updateTableCellStyle: {
          tableRange: { tableCellLocation: { tableStartLocation, rowIndex: r, columnIndex: c }, rowSpan: 1, columnSpan: 1 },
          tableCellStyle: { backgroundColor: colour(hex) },
          fields: 'backgroundColor',
        },
      });
    if (head) for (let c = 0; c < C; c++) fill(0, c, COLOURS.brand);
    t.rows.forEach((row, r) => row.forEach((cell, c) => cell.fill && c < C && fill(r + head, c, cell.fill)));

    let inserted = 0;
    const cells: Array<{ r: number; c: number; runs: readonly DocRun[]; header: boolean }> = [];
    t.headers.forEach((h, c) => cells.push({ r: 0, c, runs: [{ text: h }], header: true }));
    t.rows.forEach((row, r) => row.forEach((cell, c) => cells.push({ r: r + head, c, runs: cell.runs, header: false })));
    for (const cell of cells.reverse()) {
      if (cell.c >= C) continue;
      const parts = cell.runs.map((run) => ({ run, text: cleanDocText(run.text, true) })).filter((p) => p.text);
      const text = parts.map((p) => p.text).join('');
      if (!text) continue;
      const at0 = cellAt(cell.r, cell.c);
      out.push({ insertText: { location: { index: at0 }, text } });
      let at = at0;
      for (const p of parts) {
        out.push({
          updateTextStyle: {
            range: { startIndex: at, endIndex: at + p.text.length },
            textStyle: runStyle(p.run, { fontSize: TABLE_FONT_SIZE, colour: cell.header ? COLOURS.white : undefined, bold: cell.header }),
            fields: TEXT_FIELDS,
          },
        });
        at += p.text.length;
      }
      inserted += text.length;
    }
    idx = tableEnd + inserted;
  };

  const block = (b: DocBlock) => {
    switch (b.kind) {
      case 'heading':
        paragraph([{ text: b.text }], b.level === 1 ? 'HEADING_1' : b.level === 2 ? 'HEADING_2' : 'HEADING_3');
        break;
      case 'paragraph':
        paragraph(b.runs, 'NORMAL_TEXT', b.style === 'note' ? { keepNewlines: true, fontSize: NOTE_FONT_SIZE, colour: COLOURS.greyText } : { keepNewlines: true });
        break;
      case 'list': {
        if (b.items.length === 0) break;
        const start = idx;
        for (const item of b.items) paragraph(item.map((r) => ({ ...r, text: r.text.replace(/^\t+/, '') })), 'NORMAL_TEXT');
        out.push({
          createParagraphBullets: {
            range: { startIndex: start, endIndex: idx },
            bulletPreset: b.ordered ? 'NUMBERED_DECIMAL_ALPHA_ROMAN' : 'BULLET_DISC_CIRCLE_SQUARE',
          },
        });
        break;
      }
      case 'table':
        table(b);
        break;
    }
  };

  paragraph([{ text: doc.title }], 'TITLE');
  paragraph([{ text: doc.subtitle }], 'SUBTITLE');
  for (const b of doc.blocks) block(b);
  return out;
}
