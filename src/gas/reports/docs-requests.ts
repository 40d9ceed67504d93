/**
 * A ReportDocument as the requests of a Docs `documents.batchUpdate` (one for
 * the whole body, whatever its size; a second, small one fills the footer
 * and links the table of contents, see `docsFollowUp`).
 *
 * Printed as the .docx is: a cover page (collectivité, title, date, version,
 * then a page break; `useFirstPageHeaderFooter` keeps the footer off it), a
 * table of contents when the model asks for one, the blocks, and a footer.
 * What the Docs API does not allow, and what is done instead:
 * - a table of contents element cannot be inserted (Docs only offers it in
 *   its editor, Insertion ▸ Table des matières): the « Sommaire » is a list of
 *   the headings, each linked to its heading (`link.headingId`, known once the
 *   body is written: read back with `documents.get`), without page numbers;
 * - page numbers (AutoText PAGE_NUMBER / PAGE_COUNT) can be read but not
 *   inserted: the footer carries the document and the collectivité, and
 *   Docs adds page numbers with Insertion ▸ Numéros de page (README);
 * - the text's language cannot be set (no language field in TextStyle or
 *   DocumentStyle): Docs uses the document language chosen in Fichier ▸
 *   Langue, French for a French account.
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
import { REPORT_MESSAGES } from '../../domain/messages/reports';
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

/** Where the table of contents' entries are, for the follow-up that links them to their headings. */
export interface DocsPlan {
  readonly requests: DocsRequest[];
  /** Index of the `createFooter` request (its reply carries the footer's id). */
  readonly footerRequest: number;
  /** Ranges of the table of contents' entries, in the order of the headings they name. */
  readonly tocEntries: ReadonlyArray<{ readonly startIndex: number; readonly endIndex: number }>;
}

/** The requests of the main batchUpdate (see `docsPlan`). */
export function docsRequests(doc: ReportDocument): DocsRequest[] {
  return docsPlan(doc).requests;
}

/**
 * The second, small batchUpdate: the footer's text (the same words as the
 * .docx footer, without the page number the API cannot insert) and, with a
 * table of contents, each entry linked to its heading. `headingIds` are the
 * ids Docs gave the level 1–3 headings, in document order.
 */
export function docsFollowUp(doc: ReportDocument, plan: DocsPlan, footerId: string | null, headingIds: readonly string[]): DocsRequest[] {
  const out: DocsRequest[] = [];
  if (footerId) {
    const text = cleanDocText(doc.footer, false);
    out.push({ insertText: { location: { segmentId: footerId, index: 0 }, text } });
    out.push({
      updateTextStyle: {
        range: { segmentId: footerId, startIndex: 0, endIndex: text.length },
        textStyle: { fontSize: pt(NOTE_FONT_SIZE), foregroundColor: colour(COLOURS.greyText) },
        fields: 'fontSize,foregroundColor',
      },
    });
    out.push({ updateParagraphStyle: { range: { segmentId: footerId, startIndex: 0, endIndex: text.length + 1 }, paragraphStyle: { alignment: 'END' }, fields: 'alignment' } });
  }
  plan.tocEntries.forEach((e, i) => {
    const headingId = headingIds[i];
    if (headingId) out.push({ updateTextStyle: { range: e, textStyle: { link: { headingId } }, fields: 'link' } });
  });
  return out;
}

/** Headings that go into the table of contents (levels 1 to 3), in order. */
export function tocHeadings(doc: ReportDocument): Array<{ level: 1 | 2 | 3; text: string }> {
  return doc.blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: b.text }] : []));
}

export function docsPlan(doc: ReportDocument): DocsPlan {
  const out: DocsRequest[] = [
    {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: pt(PAGE.width), height: pt(PAGE.height) },
          marginTop: pt(PAGE.margin),
          marginBottom: pt(PAGE.margin),
          marginLeft: pt(PAGE.margin),
          marginRight: pt(PAGE.margin),
          // The cover page has its own (empty) footer.
          useFirstPageHeaderFooter: true,
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight,useFirstPageHeaderFooter',
      },
    },
  ];
  const tocEntries: Array<{ startIndex: number; endIndex: number }> = [];
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

  /** Headings and labels stay on the page of what follows them (ParagraphStyle.keepWithNext). */
  const keepWithNext = (range: { start: number; end: number }) =>
    out.push({ updateParagraphStyle: { range: { startIndex: range.start, endIndex: range.end }, paragraphStyle: { keepWithNext: true, keepLinesTogether: true }, fields: 'keepWithNext,keepLinesTogether' } });

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
        keepWithNext(paragraph([{ text: b.text }], b.level === 1 ? 'HEADING_1' : b.level === 2 ? 'HEADING_2' : 'HEADING_3'));
        break;
      case 'paragraph': {
        const r = paragraph(b.runs, 'NORMAL_TEXT', b.style === 'note' ? { keepNewlines: true, fontSize: NOTE_FONT_SIZE, colour: COLOURS.greyText } : { keepNewlines: true });
        if (b.keepWithNext) keepWithNext(r);
        break;
      }
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

  const pageBreak = () => {
    // A page break and a newline: the break's own paragraph, then the trailing one where writing goes on.
    out.push({ insertPageBreak: { location: { index: idx } } });
    idx += 2;
  };
  const spaceAbove = (range: { start: number; end: number }, points: number) =>
    out.push({ updateParagraphStyle: { range: { startIndex: range.start, endIndex: range.end }, paragraphStyle: { spaceAbove: pt(points) }, fields: 'spaceAbove' } });

  // Cover page.
  spaceAbove(paragraph([{ text: doc.collectivite, bold: true }], 'NORMAL_TEXT', { fontSize: 15, colour: COLOURS.greyText }), 180);
  paragraph([{ text: doc.title }], 'TITLE');
  paragraph([{ text: doc.subtitle }], 'SUBTITLE');
  spaceAbove(paragraph([{ text: doc.version }], 'NORMAL_TEXT', { fontSize: NOTE_FONT_SIZE, colour: COLOURS.greyText }), 24);
  pageBreak();

  // Table of contents: the headings, indented by level, linked by the follow-up.
  if (doc.tableOfContents) {
    paragraph([{ text: REPORT_MESSAGES.documents.sommaire, bold: true }], 'NORMAL_TEXT', { fontSize: 15, colour: COLOURS.brand });
    for (const h of tocHeadings(doc)) {
      const r = paragraph([{ text: h.text, bold: h.level === 1 }], 'NORMAL_TEXT', { fontSize: h.level === 1 ? 11 : 10 });
      out.push({ updateParagraphStyle: { range: { startIndex: r.start, endIndex: r.end }, paragraphStyle: { indentStart: pt((h.level - 1) * 14), spaceAbove: pt(h.level === 1 ? 6 : 0) }, fields: 'indentStart,spaceAbove' } });
      tocEntries.push({ startIndex: r.start, endIndex: r.end - 1 });
    }
    pageBreak();
  }
  for (const b of doc.blocks) block(b);
  const footerRequest = out.length;
  out.push({ createFooter: { type: 'DEFAULT' } });
  return { requests: out, footerRequest, tocEntries };
}
