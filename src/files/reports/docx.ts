/**
 * A ReportDocument as a .docx (the `docx` package): a cover line with the
 * collectivité and the date, headings, paragraphs, bulleted and numbered
 * lists, tables with a repeated header row, links, and a footer with the
 * collectivité, the date and the page number. A4, Arial.
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
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocumentRendererPort, RenderedFile } from '../../app/ports-reports';
import type { DocRun, DocTable, ReportDocument } from '../../domain/reports/document';
import { safeLink } from '../../domain/reports/document';
import { COLOURS } from '../../domain/schema/colours';

const FONT = 'Arial';
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
      ...(o.size ? { size: o.size * 2 } : {}),
      ...(link ? { color: hex(COLOURS.blueText), underline: {} } : o.colour ? { color: hex(o.colour) } : {}),
    });
    out.push(link ? new ExternalHyperlink({ link, children: [run] }) : run);
  }
  return out;
}

/** Runs split into paragraphs at newlines (cells and long texts keep their line breaks). */
function paragraphsOf(runs: readonly DocRun[], o: { size?: number; colour?: string; bold?: boolean; style?: string } = {}): Paragraph[] {
  const lines: DocRun[][] = [[]];
  for (const r of runs) {
    const parts = clean(r.text).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...r, text: part });
    });
  }
  // Inside table cells (no style) paragraphs are tight; body paragraphs keep their style's spacing.
  return lines.map((l) => new Paragraph({ children: textRuns(l, o), ...(o.style ? { style: o.style } : { spacing: { after: 0 } }) }));
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
          children: [new Paragraph({ children: textRuns([{ text: h }], { size: 9, colour: COLOURS.white, bold: true }), spacing: { after: 0 } })],
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

/** The document as .docx bytes. */
export async function documentToDocx(doc: ReportDocument, name: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns([{ text: doc.title }]) }),
    new Paragraph({ style: 'CoverLine', children: textRuns([{ text: doc.subtitle }]) }),
  ];
  let lists = 0;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            keepNext: true,
            children: textRuns([{ text: b.text }]),
          }),
        );
        break;
      case 'paragraph':
        if (b.style === 'note') children.push(...paragraphsOf(b.runs, { size: 9, colour: COLOURS.greyText, style: 'Note' }));
        else children.push(...paragraphsOf(b.runs, { style: 'Corps' }));
        break;
      case 'list': {
        const instance = lists++;
        for (const item of b.items) {
          children.push(
            new Paragraph({
              children: textRuns(item),
              numbering: { reference: b.ordered ? 'numeros' : 'puces', level: 0, ...(b.ordered ? { instance } : {}) },
              spacing: { after: 40 },
            }),
          );
        }
        break;
      }
      case 'table':
        children.push(table(b), new Paragraph({ children: [], spacing: { after: 0 } }));
        break;
    }
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: `${clean(doc.collectivite)} · ${doc.date} · page `, font: FONT, size: 16, color: hex(COLOURS.greyText) }),
          new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16, color: hex(COLOURS.greyText) }),
          new TextRun({ text: ' / ', font: FONT, size: 16, color: hex(COLOURS.greyText) }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: 16, color: hex(COLOURS.greyText) }),
        ],
      }),
    ],
  });
  const document = new Document({
    title: name,
    creator: 'Cap Circulaire',
    description: doc.subtitle,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 40, bold: true, color: hex(COLOURS.brand) }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: hex(COLOURS.brand) }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: '202124' }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '202124' }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
      paragraphStyles: [
        { id: 'CoverLine', name: 'Ligne de couverture', basedOn: 'Normal', run: { font: FONT, size: 24, color: hex(COLOURS.greyText) }, paragraph: { spacing: { after: 360 } } },
        { id: 'Corps', name: 'Corps', basedOn: 'Normal', run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 80 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { font: FONT, size: 18, color: hex(COLOURS.greyText) }, paragraph: { spacing: { before: 160, after: 80 } } },
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
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: { default: footer },
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
