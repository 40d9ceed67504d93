/**
 * The writer of new workbooks described as data (ClasseurExport →
 * SpreadsheetML, src/files/xlsx/classeur-export.ts): what it writes is read
 * back with the same values and layout by exceljs, the project's reader,
 * LibreOffice and openpyxl.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClasseurExport, FeuilleExport } from '../../src/domain/tet/classeur';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { classeurToBuffer, classeurToXlsx, EXCEL_TEXT_MAX } from '../../src/files/xlsx/classeur-export';
import { OoxmlPackage } from '../../src/files/xlsx/package';
import { expectedGrids, gridsByExcelJs, gridsByOwnReader, hasOpenpyxl, libreOfficeCsvs, libreOfficeResave, openpyxlRead } from './classeur-readers';
import { hasLibreOffice } from './support';

const dir = mkdtempSync(join(tmpdir(), 'cap-classeur-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = new Date(Date.UTC(2026, 10, 28));
const DAY_TIME = new Date(Date.UTC(2026, 10, 28, 14, 30, 15, 250));

/** Texts that broke or could break a writer. */
const HOSTILE = [
  '=SOMME(A1:A3)',
  '=1+1',
  '+33 6 12 34 56 78',
  '@voirie',
  '<b>gras</b> & "co" \'ici\'',
  'nul\u0000octet, bip\u0007, esc\u001b, vt\u000b ff\u000c, del\u007f, c1\u0085',
  '_x0041_ reste _x0041_, et _x005F_ aussi',
  'CR seul\rCRLF\r\nLF\nfin',
  '\ttabulé et espaces  ',
  '  espaces autour  ',
  '\u00a0insécable',
  '♻️🚲 🇫🇷 — « réemploi » œuvre',
  'demi\ud83d',
  ']]> et &amp; littéral',
  '#REF!',
  'TRUE',
  '0123',
  '1e308',
];

function plan(): FeuilleExport {
  const rows: FeuilleExport['rows'] = [
    ['Plan d’actions – titre fusionné', null, null, null, null, null],
    ['Réf.', 'Intitulé', 'Budget', 'Début', 'Part', 'Fait'],
  ];
  HOSTILE.forEach((t, i) => rows.push([`ECI-${i + 1}`, t, i * 1234.5 - 3000, new Date(Date.UTC(2020 + (i % 8), i % 12, 1 + i)), i / 17, i % 2 === 0]));
  // Data rows end here: the number format zones cover them only.
  const n = rows.length;
  rows.push(['dates', DAY_TIME, DAY, new Date(NaN), Number.NaN, Number.POSITIVE_INFINITY]);
  rows.push(['nombres', -0, 1e21, -123456789.125, 2 ** 53 + 2, 5e-324]);
  rows.push(['vides', '', null, undefined as unknown as null, '', 'dernier']);
  return {
    name: "Plan d'actions & suivi",
    rows,
    merges: [{ row: 0, col: 0, rows: 1, cols: 6 }],
    widths: [12, 60, 14, 12, 8, 6],
    formats: [
      { row: 2, col: 2, rows: n - 2, cols: 1, numberFormat: '#,##0.00 "€"' },
      { row: 2, col: 3, rows: n - 2, cols: 1, numberFormat: 'dd/mm/yyyy' },
      { row: 2, col: 4, rows: n - 2, cols: 1, numberFormat: '0.0%' },
    ],
    boldRows: [0, 1],
    frozenRows: 2,
    autoFilter: true,
  };
}

function sample(): ClasseurExport {
  return {
    feuilles: [
      plan(),
      {
        name: 'Référentiel',
        rows: [['Mesure', 'Score'], ['eci_1.1.1', 0.5], ['eci_2.1.1', 1]],
        merges: [],
        widths: [20, 10],
        formats: [{ row: 1, col: 1, rows: 2, cols: 1, numberFormat: '0.0%' }],
        boldRows: [0],
        frozenRows: 1,
      },
      { name: 'Vide', rows: [], merges: [], widths: [], formats: [], boldRows: [], frozenRows: 0 },
    ],
  };
}

describe('classeurToBuffer', () => {
  it('gives back every value, typed, through the project’s reader and exceljs', async () => {
    const classeur = sample();
    const bytes = await classeurToBuffer(classeur);
    const expected = expectedGrids(classeur);
    expect(await gridsByOwnReader(bytes)).toEqual(expected);
    const { grids } = await gridsByExcelJs(bytes);
    expect(grids).toEqual(expected);
    // Spot checks the helpers cannot blur.
    const g = expected.get("Plan d'actions & suivi")!;
    expect(g[2][1]).toBe('=SOMME(A1:A3)');
    expect(g[2][3]).toBeInstanceOf(Date);
    expect(g[2][5]).toBe(true);
    expect(g.find((r) => r[0] === 'nombres')).toEqual(['nombres', 0, 1e21, -123456789.125, 2 ** 53 + 2, 5e-324]);
  });

  it('writes text as text, never as a formula, and keeps CR, control characters and literal _xHHHH_ exactly', async () => {
    const classeur = sample();
    const bytes = await classeurToBuffer(classeur);
    const pkg = new OoxmlPackage(bytes);
    const sheet = pkg.text('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toMatch(/<f[\s>]/);
    const sst = pkg.text('xl/sharedStrings.xml')!;
    // XML parsers fold a literal CR into LF: it is written as a character reference.
    expect(sst).not.toContain('\r');
    expect(sst).toContain('CR seul&#13;CRLF&#13;\nLF');
    expect(sst).toContain('_x005F_x0041_ reste');
    expect(sst).toContain('&lt;b&gt;gras&lt;/b&gt; &amp;');
    // eslint-disable-next-line no-control-regex
    expect(sst).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const { excel } = await gridsByExcelJs(bytes);
    const ws = excel.getWorksheet("Plan d'actions & suivi")!;
    expect(ws.getCell('B3').type).toBe(3); // ValueType.String
    expect(ws.getCell('B3').formula).toBeUndefined();
  });

  it('keeps the layout: widths, number formats by zone, bold wrapped headers, merges, frozen rows, autofilter, creator', async () => {
    const bytes = await classeurToBuffer(sample());
    const { excel } = await gridsByExcelJs(bytes);
    expect(excel.creator).toBe('Cap Circulaire');
    expect(excel.worksheets.map((w) => w.name)).toEqual(["Plan d'actions & suivi", 'Référentiel', 'Vide']);
    const ws = excel.getWorksheet("Plan d'actions & suivi")!;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width)).toEqual([12, 60, 14, 12, 8, 6]);
    for (const ref of ['A1', 'A2', 'F2']) {
      expect(ws.getCell(ref).font?.bold, ref).toBe(true);
      expect(ws.getCell(ref).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    }
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('C3').numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell('D3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('E3').numFmt).toBe('0.0%');
    expect(ws.getCell('A3').numFmt).toBeUndefined();
    expect(ws.model.merges).toEqual(['A1:F1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const n = sample().feuilles[0].rows.length;
    expect(ws.autoFilter).toBe(`A2:F${n}`);
    const ref = excel.getWorksheet('Référentiel')!;
    expect(ref.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ref.autoFilter).toBeUndefined();

    // The filter's hidden defined name, sheet name quoted (apostrophe doubled) and escaped.
    const workbookXml = new OoxmlPackage(bytes).text('xl/workbook.xml')!;
    expect(workbookXml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Plan d''actions &amp; suivi'!$A$2:$F$${n}</definedName>`);
    expect(workbookXml).toContain('<sheet name="Plan d\'actions &amp; suivi" sheetId="1" r:id="rId1"/>');
    const loaded = await readXlsxBuffer(bytes);
    expect(loaded.source.sheets.get("Plan d'actions & suivi")!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    // The used range, the empty sheet's included.
    const pkg = new OoxmlPackage(bytes);
    expect(pkg.text('xl/worksheets/sheet1.xml')).toContain(`<dimension ref="A1:F${sample().feuilles[0].rows.length}"/>`);
    expect(pkg.text('xl/worksheets/sheet3.xml')).toContain('<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"></sheetView></sheetViews>');
  });

  it('gives dates a date format: the zone’s when it shows dates, else dd/mm/yyyy (with hh:mm for a time of day)', async () => {
    const classeur: ClasseurExport = {
      feuilles: [
        {
          name: 'Dates',
          rows: [[DAY, DAY_TIME, DAY, DAY, 45_000]],
          merges: [],
          widths: [],
          formats: [
            { row: 0, col: 2, rows: 1, cols: 1, numberFormat: 'd mmmm yyyy' },
            { row: 0, col: 3, rows: 1, cols: 2, numberFormat: '#,##0' },
          ],
          boldRows: [],
          frozenRows: 0,
        },
      ],
    };
    const bytes = await classeurToBuffer(classeur);
    const { excel, grids } = await gridsByExcelJs(bytes);
    const ws = excel.getWorksheet('Dates')!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((r) => ws.getCell(r).numFmt)).toEqual(['dd/mm/yyyy', 'dd/mm/yyyy hh:mm', 'd mmmm yyyy', 'dd/mm/yyyy', '#,##0']);
    // A date in a zone formatted as numbers stays a date; a number stays a number.
    expect(grids.get('Dates')).toEqual([[DAY, DAY_TIME, DAY, DAY, 45_000]]);
    expect(await gridsByOwnReader(bytes)).toEqual(grids);
  });

  it(`cuts a text longer than Excel's ${EXCEL_TEXT_MAX} characters there (never inside an emoji), and says which cells`, async () => {
    const long = 'a'.repeat(40_000);
    const emoji = `${'b'.repeat(EXCEL_TEXT_MAX - 1)}🚲 et la suite`;
    const exact = 'c'.repeat(EXCEL_TEXT_MAX);
    const classeur: ClasseurExport = {
      feuilles: [{ name: 'Longs', rows: [['court', long], [emoji, exact]], merges: [], widths: [], formats: [], boldRows: [], frozenRows: 0 }],
    };
    const { bytes, truncated } = await classeurToXlsx(classeur);
    expect(truncated).toEqual([
      { feuille: 'Longs', row: 0, col: 1, length: 40_000 },
      { feuille: 'Longs', row: 1, col: 0, length: emoji.length },
    ]);
    const expected = [['court', 'a'.repeat(EXCEL_TEXT_MAX)], ['b'.repeat(EXCEL_TEXT_MAX - 1), exact]];
    expect((await gridsByOwnReader(bytes)).get('Longs')).toEqual(expected);
    expect((await gridsByExcelJs(bytes)).grids.get('Longs')).toEqual(expected);
  });

  it('refuses sheet names Excel refuses, before writing anything', async () => {
    const named = (...names: string[]): ClasseurExport => ({ feuilles: names.map((name) => ({ name, rows: [['x']], merges: [], widths: [], formats: [], boldRows: [], frozenRows: 0 })) });
    for (const bad of [[''], ['a'.repeat(32)], ['a/b'], ['a[1]'], ['quoi?'], ["'citée'"], ['History'], ['Plan', 'PLAN']]) {
      await expect(classeurToBuffer(named(...bad)), JSON.stringify(bad)).rejects.toThrow(/sheet|History/);
    }
    await expect(classeurToBuffer({ feuilles: [] })).rejects.toThrow(/at least one sheet/);
    // 31 characters, accents, an apostrophe inside, an ampersand: fine.
    const ok = await classeurToBuffer(named('a'.repeat(31), "Plan d'actions & co – été"));
    expect([...(await gridsByOwnReader(ok)).keys()]).toEqual(['a'.repeat(31), "Plan d'actions & co – été"]);
  });

  it('declares every part in [Content_Types].xml and relationships, with docProps', async () => {
    const pkg = new OoxmlPackage(await classeurToBuffer(sample()));
    const types = pkg.text('[Content_Types].xml')!;
    for (const part of pkg.names().filter((p) => p.endsWith('.xml') && p !== '[Content_Types].xml')) expect(types, part).toContain(`PartName="/${part}"`);
    expect(pkg.text('docProps/core.xml')).toContain('<dc:creator>Cap Circulaire</dc:creator>');
    expect(pkg.text('docProps/app.xml')).toContain('<vt:lpstr>Plan d&apos;actions &amp; suivi</vt:lpstr>'.replace('&apos;', "'"));
    const rels = pkg.text('xl/_rels/workbook.xml.rels')!;
    for (const t of ['worksheets/sheet1.xml', 'worksheets/sheet2.xml', 'worksheets/sheet3.xml', 'styles.xml', 'sharedStrings.xml']) expect(rels).toContain(`Target="${t}"`);
  });
});

describe.runIf(hasLibreOffice())('LibreOffice opens what classeurToBuffer writes', () => {
  it('with the same values (LibreOffice’s own .xlsx read back) and the dates as dates (CSV)', async () => {
    const classeur = sample();
    const file = join(dir, 'lo-classeur.xlsx');
    writeFileSync(file, await classeurToBuffer(classeur));
    const resaved = libreOfficeResave(file, dir);
    const expected = expectedGrids(classeur);
    const grids = await gridsByOwnReader(resaved);
    expect([...grids.keys()]).toEqual([...expected.keys()]);
    for (const [name, grid] of expected) {
      // What LibreOffice itself changes when it saves (not in our file): it drops control characters,
      // turns CR into LF and keeps 15 significant digits. Compared after the same changes; all else exactly.
      const lo = (g: typeof grid) =>
        g.map((row) =>
          // eslint-disable-next-line no-control-regex
          row.map((v) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/g, '').replace(/\r\n?/g, '\n') : typeof v === 'number' ? Number(v.toPrecision(15)) : v)),
        );
      expect(lo(grids.get(name)!), name).toEqual(lo(grid));
    }
    const loaded = await readXlsxBuffer(resaved);
    expect(loaded.source.sheets.get("Plan d'actions & suivi")!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);

    const csv = libreOfficeCsvs(file, dir, ["Plan d'actions & suivi"]).get("Plan d'actions & suivi")!;
    const lines = csv.split('\n');
    expect(lines[1]).toBe('Réf.,Intitulé,Budget,Début,Part,Fait');
    // A date cell (not its serial number), a boolean, a text starting with "=".
    expect(lines[2]).toMatch(/^ECI-1,=SOMME\(A1:A3\),-3000,01\/01\/2020,0%,TRUE$/);
  }, 240_000);
});

describe.runIf(hasOpenpyxl())('openpyxl loads what classeurToBuffer writes', () => {
  it('with the same values, formats, merges, frozen rows, filter, widths and bold headers', async () => {
    const classeur = sample();
    // openpyxl keeps no lone surrogate in a Python string: that text is left out here (the other readers cover it).
    const plain: ClasseurExport = { feuilles: classeur.feuilles.map((f) => ({ ...f, rows: f.rows.map((r) => r.map((v) => (v === 'demi\ud83d' ? 'demi' : v))) })) };
    const file = join(dir, 'openpyxl-classeur.xlsx');
    writeFileSync(file, await classeurToBuffer(plain));
    const read = openpyxlRead(file, dir);
    expect(read.creator).toBe('Cap Circulaire');
    const expected = expectedGrids(plain);
    for (const s of read.sheets) {
      const rows = s.rows.map((r) => r.map((v) => (v && typeof v === 'object' && 'date' in v ? new Date(`${(v as { date: string }).date}Z`) : v)));
      const grid = rows.map((r) => {
        const line = r.slice();
        while (line.length > 0 && line[line.length - 1] === null) line.pop();
        return line;
      });
      while (grid.length > 0 && grid[grid.length - 1].length === 0) grid.pop();
      // openpyxl does not decode OOXML's _xHHHH_ escapes (control characters, a literal _xHHHH_): those cells are left out.
      // eslint-disable-next-line no-control-regex
      const escaped = (v: unknown) => typeof v === 'string' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|_x[0-9A-Fa-f]{4}_/.test(v);
      const want = expected.get(s.name)!;
      const keep = (g: unknown[][]) => g.map((r, i) => r.map((v, j) => (escaped(want[i]?.[j]) ? null : v)));
      expect(keep(grid), s.name).toEqual(keep(want));
    }
    const p = read.sheets[0];
    const n = plain.feuilles[0].rows.length;
    expect(p).toMatchObject({ freeze: 'A3', filter: `A2:F${n}`, merges: ['A1:F1'], widths: { A: 12, B: 60, C: 14, D: 12, E: 8, F: 6 } });
    expect(p.bold[0]).toBe(true);
    expect(p.formats.C3).toBe('#,##0.00 "€"');
    expect(p.formats.D3).toBe('dd/mm/yyyy');
    expect(read.sheets[1]).toMatchObject({ freeze: 'A2', filter: null });
  }, 120_000);
});
