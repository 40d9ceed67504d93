/**
 * The workbook's face: header rows tall enough for their wrapped labels (the
 * height computed once from the schema-derived SheetFormat, applied by the
 * .xlsx writer and the Sheets formatter), one named font, data bars that
 * start at zero on a fixed 0–100 % scale for percentages.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rebuildDashboard } from '../../src/app/dashboard';
import { installWorkbook } from '../../src/app/install';
import { readXlsxBuffer } from '../../src/files/xlsx/read';
import { ACCUEIL_MAX_WIDTH_PX, WORKBOOK_FONT, LINE_HEIGHT_PT, MAX_CONTENT_WIDTH_PX, PX_PER_PT, headerLines, headerRowHeight } from '../../src/domain/install/format';
import { TAB, TABS } from '../../src/domain/schema/tabs';
import { textWidth, wrapText } from '../../src/domain/text/measure';
import { toExcel, writeXlsxBuffer } from '../../src/files/xlsx/write';
import { SheetsFormatter } from '../../src/gas/sheets-formatter';
import { createGasEnvironment } from '../fakes/gas';
import { clock, installed, sampleWorkbook } from '../reports/support';

describe('header row height', () => {
  it('grows with the number of lines the longest label wraps to in its column', () => {
    expect(headerLines('N°', 50)).toBe(1);
    expect(headerLines('Preuves prêtes / attendues', 110)).toBeGreaterThan(1);
    const narrow = headerRowHeight({ columns: [{ header: 'Direction présente', width: 90 } as never, { header: 'N°', width: 50 } as never] });
    const wide = headerRowHeight({ columns: [{ header: 'Direction présente', width: 300 } as never] });
    expect(narrow).toBeGreaterThan(wide);
    expect(wide).toBe(LINE_HEIGHT_PT + 3);
  });

  it('always leaves a line per wrapped line of every label (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ header: fc.string({ minLength: 1, maxLength: 60 }), width: fc.integer({ min: 40, max: 400 }) }), { minLength: 1, maxLength: 8 }), (cols) => {
        const h = headerRowHeight({ columns: cols as never });
        for (const c of cols) {
          const lines = wrapText(c.header, (c.width - 8) / PX_PER_PT, WORKBOOK_FONT.size, true).length;
          expect(h).toBeGreaterThanOrEqual(lines * LINE_HEIGHT_PT);
        }
      }),
    );
  });
});

describe('Accueil', () => {
  it('gives the texts the engine writes (étapes, pratiques) the width they need, up to a cap; typed columns keep theirs', () => {
    const wb = installed();
    const format = wb.formats.get(TAB.accueil)!;
    const block = format.blocks[0];
    const grid = wb.grid(TAB.accueil);
    const spec = TABS.find((t) => t.name === TAB.accueil)!;
    const schemaWidth = new Map(spec.sections.flatMap((sec) => (sec.kind === 'table' ? sec.columns.map((c) => [c.header, c.width] as const) : [])));
    for (const c of block.columns) {
      const texts = grid.slice(block.firstDataRow).map((r) => r[c.col]).filter((v): v is string => typeof v === 'string' && v !== '');
      if (c.role === 'computed' && texts.length) {
        const longest = Math.max(...texts.map((t) => textWidth(t, WORKBOOK_FONT.size) * PX_PER_PT + 8));
        expect(c.width!, c.header).toBeGreaterThanOrEqual(Math.min(ACCUEIL_MAX_WIDTH_PX, Math.floor(longest)));
        expect(c.width!).toBeLessThanOrEqual(Math.max(ACCUEIL_MAX_WIDTH_PX, schemaWidth.get(c.header) ?? 0));
      } else {
        expect(c.width, c.header).toBe(schemaWidth.get(c.header));
      }
    }
    expect(block.columns.find((c) => c.header === 'Étape')!.width).toBeGreaterThan(schemaWidth.get('Étape')!);
  });
});

describe('the .xlsx written offline', () => {
  it('sets every header row to the computed height, and names the workbook font on every header', async () => {
    const wb = installed();
    const files = unzipSync(new Uint8Array(await writeXlsxBuffer(wb)));
    const workbookXml = strFromU8(files['xl/workbook.xml']);
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
    const decode = (x: string) => x.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const ridOf = new Map([...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => [decode(/name="([^"]*)"/.exec(m[0])![1]), /r:id="([^"]+)"/.exec(m[0])![1]]));
    const targetOf = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
    const sheetFile = (name: string) => `xl/${targetOf.get(ridOf.get(name)!)!.replace(/^\/?xl\//, '')}`;
    for (const [name, format] of wb.formats) {
      for (const block of format.blocks) {
        const xml = strFromU8(files[sheetFile(name)]);
        const row = new RegExp(`<row r="${block.headerRow + 1}"[^>]*>`).exec(xml)?.[0] ?? '';
        expect(row, `${name} row ${block.headerRow + 1}`).toMatch(/customHeight="1"/);
        expect(Number(/ ht="([\d.]+)"/.exec(row)![1]), `${name} row ${block.headerRow + 1}`).toBeGreaterThanOrEqual(headerRowHeight(block));
      }
    }
    // Fonts: the default and every bold (header) font name Calibri; none is left without a name.
    const styles = strFromU8(files['xl/styles.xml']);
    const fontsPart = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1];
    const fonts = [...fontsPart.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(1);
    for (const f of fonts) expect(f).toContain(`<name val="${WORKBOOK_FONT.family}"/>`);
  });

  it('draws the dashboard’s data bars from zero, percentages on a fixed 0–100 % scale', async () => {
    const wb = await sampleWorkbook();
    rebuildDashboard({ workbook: wb, clock, user: { email: () => 'x@y.fr' }, renderer: wb, journal: false } as never);
    const files = unzipSync(new Uint8Array(await writeXlsxBuffer(wb)));
    const xml = Object.entries(files)
      .filter(([n]) => n.startsWith('xl/worksheets/sheet'))
      .map(([, d]) => strFromU8(d))
      .find((x) => x.includes('type="dataBar"'))!;
    const bars = [...xml.matchAll(/<dataBar>([\s\S]*?)<\/dataBar>/g)].map((m) => m[1]);
    expect(bars.length).toBeGreaterThan(3);
    for (const b of bars) expect(b).toMatch(/^<cfvo type="num" val="0"\/>/);
    expect(bars.filter((b) => b.includes('<cfvo type="num" val="1"/>')).length).toBeGreaterThanOrEqual(3);
    expect(xml).not.toContain('<cfvo type="min"/>');
    expect(xml).toMatch(/minLength="0" maxLength="100"/);
    // The dashboard's styled cells name the workbook font too (no serif fallback in LibreOffice).
    const fontsPart = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(strFromU8(files['xl/styles.xml']))![1];
    for (const f of fontsPart.match(/<font>[\s\S]*?<\/font>/g)!) expect(f).toContain(`<name val="${WORKBOOK_FONT.family}"/>`);
  });

  it('gives the dashboard columns wide enough for the texts a filled neighbour would cut, and wraps the longest', async () => {
    const wb = await sampleWorkbook();
    rebuildDashboard({ workbook: wb, clock, user: { email: () => 'x@y.fr' }, renderer: wb, journal: false } as never);
    const layout = [...wb.layouts.values()][0];
    const excel = toExcel(wb);
    const ws = excel.getWorksheet(TAB.tableauDeBord)!;
    let checked = 0;
    layout.grid.forEach((line, r) =>
      line.forEach((v, c) => {
        const next = line[c + 1];
        if (typeof v !== 'string' || !v || next === null || next === undefined || next === '' || c + 1 >= layout.widths.length) return;
        if (layout.merges.some((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols)) return;
        checked++;
        const bold = layout.styles.some((st) => st.bold === true && r >= st.row && r < st.row + st.rows && c >= st.col && c < st.col + st.cols);
        const fits = textWidth(v, WORKBOOK_FONT.size, bold) * PX_PER_PT + 8 <= layout.widths[c];
        const cell = ws.getCell(r + 1, c + 1);
        if (!fits) {
          expect(cell.alignment?.wrapText, `${v} (row ${r + 1})`).toBe(true);
          expect(ws.getRow(r + 1).height).toBeGreaterThanOrEqual(headerLines(v, layout.widths[c]) * LINE_HEIGHT_PT);
        }
      }),
    );
    expect(checked).toBeGreaterThan(50);
    expect(layout.widths.every((w) => w <= MAX_CONTENT_WIDTH_PX)).toBe(true);
  });
});

describe('a user’s .xlsx, patched', () => {
  it('gets the same header heights and data bars as a new workbook', async () => {
    // A workbook as another writer left it: no row heights at all.
    const files = unzipSync(new Uint8Array(await writeXlsxBuffer(installed())));
    for (const name of Object.keys(files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      files[name] = strToU8(strFromU8(files[name]).replace(/\s(ht|customHeight)="[^"]*"/g, ''));
    }
    const loaded = await readXlsxBuffer(zipSync(files));
    const wb = loaded.workbook;
    installWorkbook({ workbook: wb, formatter: wb });
    rebuildDashboard({ workbook: wb, clock, user: { email: () => 'x@y.fr' }, renderer: wb, journal: false } as never);
    const out = unzipSync(new Uint8Array(await writeXlsxBuffer(wb, loaded.source)));
    const workbookXml = strFromU8(out['xl/workbook.xml']);
    const rels = strFromU8(out['xl/_rels/workbook.xml.rels']);
    const decode = (x: string) => x.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const ridOf = new Map([...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => [decode(/name="([^"]*)"/.exec(m[0])![1]), /r:id="([^"]+)"/.exec(m[0])![1]]));
    const targetOf = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
    const sheetXml = (name: string) => strFromU8(out[`xl/${targetOf.get(ridOf.get(name)!)!.replace(/^\/?xl\//, '')}`]);
    for (const name of [TAB.instances, TAB.preuves, TAB.plans]) {
      for (const block of wb.formats.get(name)!.blocks) {
        const row = new RegExp(`<row\\b[^>]*\\br="${block.headerRow + 1}"[^>]*>`).exec(sheetXml(name))?.[0] ?? '';
        expect(row, `${name} row ${block.headerRow + 1}`).toMatch(/customHeight="1"/);
        expect(Number(/ ht="([\d.]+)"/.exec(row)![1])).toBeGreaterThanOrEqual(headerRowHeight(block));
      }
    }
    const dash = sheetXml(TAB.tableauDeBord);
    const bars = [...dash.matchAll(/<dataBar([^>]*)>([\s\S]*?)<\/dataBar>/g)];
    expect(bars.length).toBeGreaterThan(3);
    for (const [, attrs, body] of bars) {
      expect(attrs).toContain('minLength="0" maxLength="100"');
      expect(body).toMatch(/^<cfvo type="num" val="0"\/>/);
    }
  });
});

describe('the Sheets formatter', () => {
  it('sets each header row height once (pixels), names the font on headers, and sets the theme font once', () => {
    const wb = installed();
    const names = [...wb.formats.keys()].slice(0, 4);
    const env = createGasEnvironment({ sheets: Object.fromEntries(names.map((n) => [n, []])) });
    const ss = env.spreadsheet;
    const formatter = new SheetsFormatter(ss as never, env.spreadsheetApp as never);
    env.calls.reset();
    for (const name of names) formatter.applyFormat(name, wb.formats.get(name)!);
    const calls = env.calls.where({ method: 'setRowHeight' });
    const blocks = names.flatMap((n) => wb.formats.get(n)!.blocks.filter((b) => b.columns.length > 0).map((b) => ({ n, b })));
    // Side-by-side tables share their header row: one call per row, as tall as the tallest.
    expect(calls).toHaveLength(new Set(blocks.map(({ n, b }) => `${n}:${b.headerRow}`)).size);
    for (const { n, b } of blocks) {
      const sheet = ss.getSheetByName(n) as unknown as { rowHeights: Map<number, number> };
      expect(sheet.rowHeights.get(b.headerRow + 1)).toBeGreaterThanOrEqual(Math.ceil(headerRowHeight(b) * PX_PER_PT));
    }
    expect(env.calls.count('SpreadsheetTheme.setFontFamily')).toBe(1);
    expect((ss as unknown as { themeFont: string }).themeFont).toBe(WORKBOOK_FONT.family);
  });
});
