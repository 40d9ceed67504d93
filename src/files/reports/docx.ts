/**
 * A ReportDocument as a .docx (the `docx` package), ready to print: a cover
 * page (collectivité, title, date, version), a table of contents when the
 * model asks for one, headings kept with what follows them, tables with a
 * repeated header row whose rows never split, links, and on every page after
 * the cover a footer with the document, the collectivité and « page N sur M ».
 * A4, Arial (Liberation Sans in LibreOffice, same metrics), all text in fr-FR.
 *
 * The table of contents is a TOC field whose entries and page numbers are
 * written with the file (`estimatePageNumbers` of `docx/layout` lays the
 * pages out as Word does): LibreOffice shows it as written (it does not
 * update fields when it opens a file), Word updates it on open
 * (`updateFields`), so both print a filled table.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TableOfContents,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { DocumentRendererPort, RenderedFile } from '../../app/ports-reports';
import { REPORT_MESSAGES } from '../../domain/messages/reports';
import type { DocRun, DocTable, ReportDocument } from '../../domain/reports/document';
import { safeLink } from '../../domain/reports/document';
import { COLOURS } from '../../domain/schema/colours';

const FONT = 'Arial';
/**
 * Lays the pages out as Word does to write the table of contents' page numbers. With `guess`, a character or
 * font the layout does not know is measured as its nearest known one instead of leaving every later number blank
 * (a user's text may hold any character): a printed table always has its numbers.
 */
const PAGE_NUMBERS = estimatePageNumbersWith({ guess: true });
/** Every run and style is French: spell-checkers and hyphenation use French rules. */
const LANGUAGE = { value: 'fr-FR' } as const;
const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
/** A4 and 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
const CONTENT_TWIPS = PAGE.width - 2 * PAGE.margin;
const clean = (t: string) => t.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

function textRuns(runs: readonly DocRun[], o: { size?: number; colour?: string; bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of runs) {
    const text = clean(r.text).replace(/\n+/g, ' ');
    if (!text) continue;
    const link = safeLink(r.link);
    const run = new TextRun({
      text,
      // Only ever set to true: an explicit « false » would override the paragraph style (headings).
      ...(r.bold || o.bold ? { bold: true } : {}),
      ...(r.italic ? { italics: true } : {}),
      font: FONT,
      language: LANGUAGE,
      ...(o.size ? { size: o.size * 2 } : {}),
      ...(link ? { color: hex(COLOURS.blueText), underline: {} } : o.colour ? { color: hex(o.colour) } : {}),
    });
    out.push(link ? new ExternalHyperlink({ link, children: [run] }) : run);
  }
  return out;
}

/** Runs split into paragraphs at newlines (cells and long texts keep their line breaks). */
function paragraphsOf(runs: readonly DocRun[], o: { size?: number; colour?: string; bold?: boolean; style?: string; keepNext?: boolean } = {}): Paragraph[] {
  const lines: DocRun[][] = [[]];
  for (const r of runs) {
    const parts = clean(r.text).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...r, text: part });
    });
  }
  // Inside table cells (no style) paragraphs are tight; body paragraphs keep their style's spacing.
  return lines.map(
    (l) => new Paragraph({ children: textRuns(l, o), ...(o.keepNext ? { keepNext: true } : {}), ...(o.style ? { style: o.style } : { spacing: { after: 0 } }) }),
  );
}

function table(t: DocTable): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0) || 1;
  const widths = t.widths.map((w) => Math.round((w / sum) * CONTENT_TWIPS));
  const border = { style: BorderStyle.SINGLE, size: 4, color: hex(COLOURS.grey) };
  const borders = { top: border, bottom: border, left: border, right: border };
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.headers.map(
      (h, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(COLOURS.brand) },
          borders,
          margins,
          // The header row stays with the first row under it (never alone at the foot of a page).
          children: [new Paragraph({ children: textRuns([{ text: h }], { size: 9, colour: COLOURS.white, bold: true }), keepNext: true, spacing: { after: 0 } })],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map(
          (cell, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              borders,
              margins,
              ...(cell.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(cell.fill) } } : {}),
              children: paragraphsOf(cell.runs.length ? cell.runs : [{ text: '' }], { size: 9 }),
            }),
        ),
      }),
  );
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: t.headers.length ? [header, ...rows] : rows,
  });
}

/** The cover page: collectivité, title, subtitle (the date the document is about), version; then a page break. */
function cover(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({ style: 'CoverCollectivite', children: textRuns([{ text: doc.collectivite }]) }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns([{ text: doc.title }]) }),
    new Paragraph({ style: 'CoverLine', children: textRuns([{ text: doc.subtitle }]) }),
    new Paragraph({ style: 'CoverVersion', children: [...textRuns([{ text: doc.version }]), new PageBreak()] }),
  ];
}

function footerOf(doc: ReportDocument): Footer {
  const M = REPORT_MESSAGES.documents;
  const run = (o: { text?: string; children?: (typeof PageNumber)[keyof typeof PageNumber][] }) =>
    new TextRun({ ...o, font: FONT, size: 16, color: hex(COLOURS.greyText), language: LANGUAGE });
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          run({ text: `${clean(doc.footer)} · ${M.page} ` }),
          run({ children: [PageNumber.CURRENT] }),
          run({ text: ` ${M.pageSur} ` }),
          run({ children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** The document as .docx bytes. */
export async function documentToDocx(doc: ReportDocument, name: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table | TableOfContents> = [...cover(doc)];
  // With a table of contents, each part starts on a new page: the numbers the table announces for its parts then
  // hold in Word and LibreOffice alike, whose layouts can differ by a few points at the foot of a page.
  const partsOnNewPages = doc.tableOfContents;
  if (doc.tableOfContents) {
    children.push(
      new Paragraph({ style: 'TocTitle', children: textRuns([{ text: REPORT_MESSAGES.documents.sommaire }]) }),
      new TableOfContents(REPORT_MESSAGES.documents.sommaire, { hyperlink: true, headingStyleRange: '1-3' }),
    );
    const first = doc.blocks[0];
    if (!(first?.kind === 'heading' && first.level === 1)) children.push(new Paragraph({ children: [new PageBreak()], spacing: { after: 0 } }));
  }
  let lists = 0;
  doc.blocks.forEach((b, index) => {
    // A closing note (sources) never sits alone on the last page: what precedes it keeps with it.
    const next = doc.blocks[index + 1];
    const beforeNote = next?.kind === 'paragraph' && next.style === 'note' && index + 1 === doc.blocks.length - 1;
    switch (b.kind) {
      case 'heading':
        children.push(
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            keepNext: true,
            keepLines: true,
            ...(partsOnNewPages && b.level === 1 ? { pageBreakBefore: true } : {}),
            children: textRuns([{ text: b.text }]),
          }),
        );
        break;
      case 'paragraph':
        if (b.style === 'note') children.push(...paragraphsOf(b.runs, { size: 9, colour: COLOURS.greyText, style: 'Note', keepNext: b.keepWithNext || beforeNote }));
        else children.push(...paragraphsOf(b.runs, { style: 'Corps', keepNext: b.keepWithNext || beforeNote }));
        break;
      case 'list': {
        const instance = lists++;
        b.items.forEach((item, i) => {
          children.push(
            new Paragraph({
              children: textRuns(item),
              numbering: { reference: b.ordered ? 'numeros' : 'puces', level: 0, ...(b.ordered ? { instance } : {}) },
              // A short list stays on one page; a long one keeps at least its first two items together.
              ...(b.items.length <= 6 || i === 0 || (beforeNote && i >= b.items.length - 2) ? { keepNext: i < b.items.length - 1 || beforeNote } : {}),
              spacing: { after: 40 },
            }),
          );
        });
        break;
      }
      case 'table':
        children.push(table(b), new Paragraph({ children: [], spacing: { after: 0 } }));
        break;
    }
  });
  const heading = (size: number, colour: string, before: number, after: number) => ({
    run: { font: FONT, size, bold: true, color: colour, language: LANGUAGE },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
  });
  const document = new Document({
    title: name,
    creator: 'Cap Circulaire',
    description: doc.subtitle,
    // Word refreshes the table of contents when it opens the file (it asks first); LibreOffice shows the entries as written.
    ...(doc.tableOfContents ? { features: { updateFields: true }, pageNumbers: PAGE_NUMBERS } : {}),
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: LANGUAGE }, paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 48, bold: true, color: hex(COLOURS.brand), language: LANGUAGE }, paragraph: { spacing: { before: 240, after: 360 } } },
        heading1: heading(30, hex(COLOURS.brand), 360, 120),
        heading2: heading(25, '202124', 240, 100),
        heading3: heading(22, '202124', 200, 80),
      },
      paragraphStyles: [
        { id: 'CoverCollectivite', name: 'Couverture – collectivité', basedOn: 'Normal', run: { font: FONT, size: 30, bold: true, color: hex(COLOURS.greyText), language: LANGUAGE }, paragraph: { spacing: { before: 3600, after: 240 } } },
        { id: 'CoverLine', name: 'Ligne de couverture', basedOn: 'Normal', run: { font: FONT, size: 28, color: '202124', language: LANGUAGE }, paragraph: { spacing: { after: 240 } } },
        { id: 'CoverVersion', name: 'Couverture – version', basedOn: 'Normal', run: { font: FONT, size: 20, color: hex(COLOURS.greyText), language: LANGUAGE }, paragraph: { spacing: { before: 480, after: 0 } } },
        { id: 'TocTitle', name: 'Titre du sommaire', basedOn: 'Normal', run: { font: FONT, size: 30, bold: true, color: hex(COLOURS.brand), language: LANGUAGE }, paragraph: { spacing: { after: 240 } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', run: { font: FONT, size: 21, bold: true, language: LANGUAGE }, paragraph: { spacing: { before: 120, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', run: { font: FONT, size: 20, language: LANGUAGE }, paragraph: { spacing: { after: 20 }, indent: { left: 280 } } },
        { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', run: { font: FONT, size: 19, language: LANGUAGE }, paragraph: { spacing: { after: 0 }, indent: { left: 560 } } },
        { id: 'Corps', name: 'Corps', basedOn: 'Normal', run: { font: FONT, size: 21, language: LANGUAGE }, paragraph: { spacing: { after: 80 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { font: FONT, size: 18, color: hex(COLOURS.greyText), language: LANGUAGE }, paragraph: { spacing: { before: 160, after: 80 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'puces',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 260 } } } }],
        },
        {
          reference: 'numeros',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } },
          // The cover has its own (empty) footer; every other page is numbered.
          titlePage: true,
        },
        footers: { default: footerOf(doc), first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer);
}

/** Writes each rendered document through `write` (a file, the demo's output folder…). */
export class DocxDocumentRenderer implements DocumentRendererPort {
  constructor(private readonly write: (bytes: Uint8Array, name: string) => Promise<string>) {}

  async render(document: ReportDocument, name: string): Promise<RenderedFile> {
    const bytes = await documentToDocx(document, name);
    return { name, path: await this.write(bytes, name) };
  }
}
