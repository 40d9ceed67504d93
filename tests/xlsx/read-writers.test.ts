/**
 * Workbooks as other writers store them, written part by part: the reader
 * gives the grid the user sees, reports what it cannot read, and keeps text
 * exactly.
 */
import { describe, expect, it } from 'vitest';
import { readXlsxBuffer, writeXlsxBuffer, XlsxReadError } from '../../src/files/xlsx';
import { OoxmlPackage } from '../../src/files/xlsx/package';
import { handWorkbook, inl, num } from './support';

const DAY = new Date(Date.UTC(2025, 2, 14));
const SERIAL_1900 = 45730; // 14/03/2025
const SERIAL_1904 = SERIAL_1900 - 1462;

describe('workbooks from other writers', () => {
  it('reads LibreOffice’s way: inline strings, rich shared strings with phonetic runs, str results, errors, booleans, custom date formats, a table', async () => {
    const bytes = handWorkbook({
      sharedStrings: ['<si><t>Compostage</t></si>', '<si><r><rPr><b/></rPr><t>Plan </t></r><r><t>climat</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>', '<si><t/></si>'],
      numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>',
      cellXfs: '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
      sheets: [
        {
          name: 'Feuille1',
          body:
            '<dimension ref="A1:G2"/><sheetData>' +
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${inl('C1', 'Texte &amp; « guillemets »')}<c r="D1" t="str"><f>A1&amp;""</f><v>Compostage</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1" t="b"><v>1</v></c>${num('G1', SERIAL_1900, 1)}</row>` +
            `<row r="2"><c r="A2" s="2"><v>${SERIAL_1900}</v></c><c r="B2"><v>1.5E3</v></c><c r="C2" t="s"><v>2</v></c></row>` +
            '</sheetData><tableParts count="1"><tablePart r:id="rId9"/></tableParts>',
        },
      ],
    });
    const loaded = await readXlsxBuffer(bytes);
    expect(loaded.workbook.read('Feuille1')).toEqual([
      ['Compostage', 'Plan climat', 'Texte & « guillemets »', 'Compostage', '#DIV/0!', true, DAY],
      [DAY, 1500, null, null, null, null, null],
    ]);
    expect(loaded.readingIssues).toEqual([]);
  });

  it('reports a formula stored without its result (openpyxl) by cell, in French, instead of reading it as empty', async () => {
    const bytes = handWorkbook({
      sheets: [{ name: 'Service – Déchets', body: `<sheetData><row r="1">${inl('A1', 'Budget')}${inl('B1', 'Double')}</row><row r="2">${num('A2', 10)}<c r="B2"><f>A2*2</f><v></v></c></row><row r="3">${num('A3', 5)}<c r="B3"><f>A3*2</f></c></row></sheetData>` }],
    });
    const loaded = await readXlsxBuffer(bytes);
    expect(loaded.workbook.read('Service – Déchets')).toEqual([['Budget', 'Double'], [10, null], [5, null]]);
    expect(loaded.readingIssues.map(({ tab, row, column, kind }) => ({ tab, row, column, kind }))).toEqual([
      { tab: 'Service – Déchets', row: 2, column: 'B', kind: 'formula-without-value' },
      { tab: 'Service – Déchets', row: 3, column: 'B', kind: 'formula-without-value' },
    ]);
    expect(loaded.readingIssues[0].message).toMatch(/« Service – Déchets », cellule B2 : la formule n’a pas de résultat/);
  });

  it('reads dates of the 1904 date system (Mac Excel) as the same days', async () => {
    const bytes = handWorkbook({
      workbookPr: '<workbookPr date1904="1"/>',
      cellXfs: '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
      sheets: [{ name: 'Dates', body: `<sheetData><row r="1">${num('A1', SERIAL_1904, 1)}${num('B1', 42)}</row></sheetData>` }],
    });
    const loaded = await readXlsxBuffer(bytes);
    expect(loaded.workbook.read('Dates')).toEqual([[DAY, 42]]);
    // A date written back stays the same day in the 1904 system.
    loaded.workbook.write('Dates', 1, 0, [[DAY]]);
    const again = await readXlsxBuffer(await writeXlsxBuffer(loaded.workbook, loaded.source));
    expect(again.workbook.read('Dates')).toEqual([[DAY, 42], [DAY, null]]);
    expect(again.source.date1904).toBe(true);
  });

  it('reads Strict OOXML and prefixed elements (x:c, as the Open XML SDK writes)', async () => {
    const strict = await readXlsxBuffer(handWorkbook({ strict: true, sheets: [{ name: 'Strict', body: `<sheetData><row r="1">${inl('A1', 'Stricte')}${num('B1', 3)}</row></sheetData>` }] }));
    expect(strict.workbook.read('Strict')).toEqual([['Stricte', 3]]);
    const prefixed = await readXlsxBuffer(
      handWorkbook({ prefix: 'x', sheets: [{ name: 'Préfixe', body: '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Préfixé</x:t></x:is></x:c><x:c r="C1"><x:v>7</x:v></x:c></x:row></x:sheetData>' }] }),
    );
    expect(prefixed.workbook.read('Préfixe')).toEqual([['Préfixé', null, 7]]);
  });

  it('reads cells without references (r omitted) at their place', async () => {
    const loaded = await readXlsxBuffer(handWorkbook({ sheets: [{ name: 'Sans r', body: '<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>' }] }));
    expect(loaded.workbook.read('Sans r')).toEqual([['a', 2], [3, null]]);
  });

  it('keeps text exactly: an escape-like _x0041_ stays itself, control characters stay, and they are written back so', async () => {
    const bytes = handWorkbook({
      sharedStrings: ['<si><t>_x005F_x0041_</t></si>', '<si><t>bip_x0007_ fin</t></si>'],
      sheets: [{ name: 'Texte', body: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${inl('C1', 'x_x005F_x000D_y')}</row></sheetData>` }],
    });
    const loaded = await readXlsxBuffer(bytes);
    expect(loaded.workbook.read('Texte')).toEqual([['_x0041_', 'bip\u0007 fin', 'x_x000D_y']]);
    loaded.workbook.write('Texte', 1, 0, [['_x0041_', 'tab\u0001\u001F', '_x005F_']]);
    const out = await writeXlsxBuffer(loaded.workbook, loaded.source);
    const xml = new OoxmlPackage(out).text('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<t>_x005F_x0041_</t>');
    expect(xml).toContain('<t>tab_x0001__x001F_</t>');
    expect((await readXlsxBuffer(out)).workbook.read('Texte')[1]).toEqual(['_x0041_', 'tab\u0001\u001F', '_x005F_']);
  });

  it('names an encrypted workbook and a file that is not a workbook', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readXlsxBuffer(ole)).rejects.toMatchObject({ kind: 'encrypted' });
    await expect(readXlsxBuffer(new TextEncoder().encode('Réf.;Intitulé\n'))).rejects.toBeInstanceOf(XlsxReadError);
    const docx = new OoxmlPackage(handWorkbook({ sheets: [{ name: 'a', body: '<sheetData/>' }] }));
    docx.remove('xl/workbook.xml');
    await expect(readXlsxBuffer(docx.toBytes())).rejects.toMatchObject({ kind: 'not-a-workbook' });
  });
});
