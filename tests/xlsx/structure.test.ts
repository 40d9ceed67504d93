/**
 * The structure of users' workbooks: tab names in another case, merged
 * cells over a Réf., shared formulas whose master the engine overwrites,
 * a tab the engine adds among the user's, the engine's formats on a
 * patched workbook.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { SERVICE_COLUMNS } from '../../src/domain/schema/tabs';
import type { SheetFormat } from '../../src/domain/install/format';
import { readXlsxBuffer, writeXlsxBuffer } from '../../src/files/xlsx';
import { OoxmlPackage } from '../../src/files/xlsx/package';
import { cli, tempDir } from '../node/helpers';
import { handWorkbook, hasLibreOffice, inl, libreOfficeCsv, num } from './support';

const dir = tempDir('structure');
const HEADERS = SERVICE_COLUMNS.map((c) => c.header);
const headerRow = (r: number) => `<row r="${r}">${HEADERS.map((h, i) => inl(`${String.fromCharCode(65 + i)}${r}`, h.replace(/'/g, '&apos;'))).join('')}</row>`;
const run = (wb: MemoryWorkbook) => consolidate({ workbook: wb, lock: { tryLock: () => true, release: () => undefined }, clock: { now: () => new Date(Date.UTC(2026, 0, 5)) }, user: { email: () => 'test' } });

describe('workbook structure', () => {
  it('consolidates into a tab named `actions` in lower case, keeping its name, without a second Actions tab', async () => {
    const bytes = handWorkbook({
      sheets: [
        { name: 'Service – Déchets', body: `<sheetData>${headerRow(1)}<row r="2">${inl('A2', 'DEC-001')}${inl('B2', 'Compostage')}</row></sheetData>` },
        { name: 'actions', body: '<sheetData/>' },
      ],
    });
    writeFileSync(join(dir, 'minuscules.xlsx'), bytes);
    const res = await cli(dir, 'consolidate', 'minuscules.xlsx', '--out', 'minuscules-consolide.xlsx');
    expect(res.code, res.stderr).toBe(0);
    const out = new OoxmlPackage(readFileSync(join(dir, 'minuscules-consolide.xlsx')));
    const names = [...out.text('xl/workbook.xml')!.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names.filter((n) => n.toLowerCase() === 'actions')).toEqual(['actions']);
    const loaded = await readXlsxBuffer(out.toBytes());
    expect(loaded.workbook.read('Actions').some((r) => r.includes('Compostage'))).toBe(true);
  });

  it('never writes a Réf. through a merged range over its value, and says so by cell', async () => {
    const bytes = handWorkbook({
      sheets: [{ name: 'Service – Déchets', body: `<sheetData>${headerRow(1)}<row r="2">${inl('A2', 'DEC-001')}${inl('B2', 'Compostage')}</row><row r="3">${inl('B3', 'Broyage')}</row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>` }],
    });
    const loaded = await readXlsxBuffer(bytes);
    run(loaded.workbook);
    expect(loaded.workbook.grid('Service – Déchets')[2][0]).toMatch(/^DEC-/);
    const out = await writeXlsxBuffer(loaded.workbook, loaded.source);
    expect(loaded.source.writingIssues.map(({ tab, row, column, kind }) => ({ tab, row, column, kind }))).toEqual([{ tab: 'Service – Déchets', row: 3, column: 'A', kind: 'merged-cell-not-written' }]);
    expect(loaded.source.writingIssues[0].message).toMatch(/plage fusionnée \(A2:A3\)/);
    const again = await readXlsxBuffer(out);
    const grid = again.workbook.read('Service – Déchets');
    expect(grid[1][0]).toBe('DEC-001');
    expect(grid[2][0]).toBeNull();
    expect(new OoxmlPackage(out).text('xl/worksheets/sheet1.xml')).toContain('<mergeCell ref="A2:A3"/>');
  });

  it('gives the followers of a shared formula their own formula when the engine overwrites its master, and reports the formula replaced', async () => {
    const bytes = handWorkbook({
      sheets: [{ name: 'Calculs', body: `<sheetData><row r="1">${num('A1', 1)}<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2">${num('A2', 2)}<c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3">${num('A3', 3)}<c r="B3"><f t="shared" si="0"/><v>6</v></c></row></sheetData>` }],
    });
    const loaded = await readXlsxBuffer(bytes);
    loaded.workbook.write('Calculs', 0, 1, [['valeur']]);
    const out = await writeXlsxBuffer(loaded.workbook, loaded.source);
    const xml = new OoxmlPackage(out).text('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<c r="B2"><f>A2*2</f><v>4</v></c>');
    expect(xml).toContain('<c r="B3"><f>A3*2</f><v>6</v></c>');
    expect(xml).not.toContain('si="0"');
    expect(loaded.source.writingIssues.map((i) => i.kind)).toEqual(['formula-replaced']);
    expect((await readXlsxBuffer(out)).workbook.read('Calculs')).toEqual([[1, 'valeur'], [2, 4], [3, 6]]);
  });

  it('re-applies a filter to rows whose values moved, and to new rows below it, keeping its criteria', async () => {
    const filter = '<autoFilter ref="A1:B3"><filterColumn colId="0"><customFilters><customFilter operator="notEqual" val="Clos*"/></customFilters></filterColumn></autoFilter>';
    const bytes = handWorkbook({ sheets: [{ name: 'Suivi', body: `<sheetData><row r="1">${inl('A1', 'État')}${inl('B1', 'N°')}</row><row r="2">${inl('A2', 'Ouvert')}${num('B2', 1)}</row><row r="3" hidden="1">${inl('A3', 'Clos')}${num('B3', 2)}</row></sheetData>${filter}` }] });
    const loaded = await readXlsxBuffer(bytes);
    loaded.workbook.write('Suivi', 1, 0, [['Clos', 2], ['Ouvert', 1], ['Clôturé', 3], ['Clos définitivement', 4]]);
    const xml = new OoxmlPackage(await writeXlsxBuffer(loaded.workbook, loaded.source)).text('xl/worksheets/sheet1.xml')!;
    expect([...xml.matchAll(/<row [^>]*>/g)].map((m) => [/ r="(\d+)"/.exec(m[0])![1], / hidden="1"/.test(m[0])])).toEqual([['1', false], ['2', true], ['3', false], ['4', false], ['5', true]]);
    expect(xml).toContain('<autoFilter ref="A1:B5"><filterColumn colId="0"><customFilters><customFilter operator="notEqual" val="Clos*"/></customFilters></filterColumn></autoFilter>');
  });

  it('adds a tab at its place, shifting sheet-scoped names and the active tab, and drops a stale calculation chain', async () => {
    const pkg = new OoxmlPackage(
      handWorkbook({
        workbookPr: '<bookViews><workbookView activeTab="1"/></bookViews>',
        sheets: [
          { name: 'Premier', body: `<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData>` },
          { name: 'Dernier', body: `<sheetData><row r="1">${num('A1', 9)}</row></sheetData>` },
        ],
      }),
    );
    pkg.setText('xl/workbook.xml', pkg.text('xl/workbook.xml')!.replace('</sheets>', '</sheets><definedNames><definedName name="Local" localSheetId="1">Dernier!$A$1</definedName></definedNames>'));
    pkg.setText('xl/calcChain.xml', '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>');
    pkg.setContentTypeOverride('xl/calcChain.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml');
    pkg.addRel('xl/workbook.xml', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain', 'calcChain.xml');
    const loaded = await readXlsxBuffer(pkg.toBytes());
    loaded.workbook.createSheet('Milieu', 1);
    loaded.workbook.write('Milieu', 0, 0, [['nouveau', new Date(Date.UTC(2026, 0, 2))]]);
    loaded.workbook.write('Premier', 0, 0, [['remplacé']]);
    const out = new OoxmlPackage(await writeXlsxBuffer(loaded.workbook, loaded.source));
    const wb = out.text('xl/workbook.xml')!;
    expect([...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Premier', 'Milieu', 'Dernier']);
    expect(wb).toContain('localSheetId="2"');
    expect(wb).toContain('activeTab="2"');
    expect(wb).toContain('fullCalcOnLoad="1"');
    expect(out.has('xl/calcChain.xml')).toBe(false);
    expect(out.text('[Content_Types].xml')).not.toContain('calcChain');
    const back = await readXlsxBuffer(out.toBytes());
    expect(back.workbook.sheetNames()).toEqual(['Premier', 'Milieu', 'Dernier']);
    expect(back.workbook.read('Milieu')).toEqual([['nouveau', new Date(Date.UTC(2026, 0, 2))]]);
  });

  it('draws a dashboard layout on a patched tab: its merges, widths, styles, internal links and data bars replace the previous ones', async () => {
    const bytes = handWorkbook({ sheets: [{ name: 'Tableau de bord', body: `<sheetData><row r="1">${inl('A1', 'Ancien')}</row></sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>` }, { name: 'Actions', body: '<sheetData/>' }] });
    const loaded = await readXlsxBuffer(bytes);
    loaded.workbook.write('Tableau de bord', 0, 0, [['Titre', null], ['Actions', 0.4]]);
    loaded.workbook.render('Tableau de bord', {
      grid: [],
      widths: [230, 110],
      frozenRows: 1,
      styles: [{ row: 0, col: 0, rows: 1, cols: 2, background: '#1F5C4A', font: '#FFFFFF', bold: true, fontSize: 12 }, { row: 1, col: 1, rows: 1, cols: 1, numberFormat: '0.0%' }],
      merges: [{ row: 0, col: 0, rows: 1, cols: 2 }],
      charts: [],
      dataBars: [{ zone: { row: 1, col: 1, rows: 1, cols: 1 }, colour: '#2E7D32', min: 0, max: 1 }],
      links: [{ row: 1, col: 0, sheet: 'Actions', targetRow: 1 }],
    });
    const out = await writeXlsxBuffer(loaded.workbook, loaded.source);
    const xml = new OoxmlPackage(out).text('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    expect(xml).not.toContain('A5:B5');
    expect(xml).toContain(`<hyperlink ref="A2" location="'Actions'!A1" display="Actions"/>`);
    expect(xml).toMatch(/<cfRule type="dataBar" priority="1"><dataBar(?: [^>]*)?><cfvo type="num" val="0"\/><cfvo type="num" val="1"\/><color rgb="FF2E7D32"\/><\/dataBar><\/cfRule>/);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // Elements in the order the schema requires (Excel refuses others).
    const order = ['sheetViews', 'cols', 'sheetData', 'mergeCells', 'conditionalFormatting', 'hyperlinks'].map((e) => xml.indexOf(`<${e}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((await readXlsxBuffer(out)).workbook.read('Tableau de bord')).toEqual([['Titre', null], ['Actions', 0.4]]);
    if (hasLibreOffice()) {
      const file = join(dir, 'tableau.xlsx');
      writeFileSync(file, out);
      expect(libreOfficeCsv(file, dir)).toContain('Titre');
    }
  }, 120_000);

  it('applies the engine’s formats to a patched tab: styles derived from the cell’s own, validations, conditional colours, tab colour, frozen header; the user’s validations elsewhere stay', async () => {
    const bytes = handWorkbook({
      sheets: [{ name: 'Saisies', body: `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="1">${inl('A1', 'Statut')}${inl('B1', 'Montant')}</row></sheetData><dataValidations count="1"><dataValidation type="whole" sqref="D2:D9"><formula1>0</formula1></dataValidation></dataValidations>` }],
    });
    const format: SheetFormat = {
      tabColour: '#1F5C4A',
      frozenRows: 1,
      fields: [],
      blocks: [{
        headerRow: 0,
        firstDataRow: 1,
        lastDataRow: 5,
        columns: [
          { col: 0, header: 'Statut', role: 'input', type: 'list', validation: { kind: 'list', values: ['Fait', 'À faire'], strict: true }, colours: [{ equals: 'Fait', background: '#C8E6C9' }] },
          { col: 1, header: 'Montant', role: 'computed', type: 'money', numberFormat: '#,##0 "€"', width: 120 },
        ],
      }],
    };
    const loaded = await readXlsxBuffer(bytes);
    loaded.workbook.applyFormat('Saisies', format);
    const out = await writeXlsxBuffer(loaded.workbook, loaded.source);
    const pkg = new OoxmlPackage(out);
    const xml = pkg.text('xl/worksheets/sheet1.xml')!;
    expect(xml).toMatch(/<sheetPr><tabColor rgb="FF1F5C4A"\/><\/sheetPr>/);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<dataValidation type="whole" sqref="D2:D9"><formula1>0</formula1></dataValidation>');
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="A2:A6"><formula1>"Fait,À faire"<\/formula1>/);
    expect(xml).toMatch(/<conditionalFormatting sqref="A2:A6"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"Fait"<\/formula>/);
    expect(xml).toContain('<col min="2" max="2" width="16.43" customWidth="1"/>');
    expect(pkg.text('xl/styles.xml')).toContain('formatCode="#,##0 &quot;€&quot;"');
    // Applied twice (a second run), the validations and colours are not stacked.
    const again = await readXlsxBuffer(out);
    again.workbook.applyFormat('Saisies', format);
    const xml2 = new OoxmlPackage(await writeXlsxBuffer(again.workbook, again.source)).text('xl/worksheets/sheet1.xml')!;
    expect(xml2.match(/<conditionalFormatting /g)).toHaveLength(1);
    expect(xml2.match(/<dataValidation /g)).toHaveLength(2);
    if (hasLibreOffice()) {
      const file = join(dir, 'formats.xlsx');
      writeFileSync(file, out);
      expect(libreOfficeCsv(file, dir)).toContain('Statut');
    }
  }, 120_000);
});
