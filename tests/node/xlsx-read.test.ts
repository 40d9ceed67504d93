import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxBuffer, type LoadedWorkbook } from '../../src/files/xlsx';
import { readXlsxFile } from '../../src/node/xlsx-files';
import { tempDir } from './helpers';

const dir = tempDir('read');
const file = join(dir, 'fabrique.xlsx');
const DAY = new Date(Date.UTC(2025, 2, 14));
let loaded: LoadedWorkbook;

/** A workbook with every kind of cell a user's file may hold, as Excel stores them. */
async function craft(): Promise<void> {
  const excel = new ExcelJS.Workbook();
  const ws = excel.addWorksheet('Données');
  ws.getCell('A1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell('B1').value = { formula: 'A1*3' } as ExcelJS.CellFormulaValue; // never computed: no cached result
  ws.getCell('C1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('D1').value = { richText: [{ text: 'Plan ', font: { bold: true } }, { text: 'climat' }] };
  ws.getCell('E1').value = { text: 'Délibération', hyperlink: 'https://example.org/deliberation.pdf' };
  ws.getCell('F1').value = DAY;
  ws.getCell('G1').value = true;
  ws.getCell('H1').value = false;
  // A header merged over three cells: the value belongs to the master only.
  ws.getCell('A2').value = 'Titre fusionné';
  ws.mergeCells('A2:C2');
  // Shared formula: one master, two followers, each with its cached result.
  ws.getCell('A3').value = { formula: 'A1+1', result: 3, shareType: 'shared', ref: 'A3:A5' } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
  ws.getCell('A4').value = { sharedFormula: 'A3', result: 4 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('A5').value = { sharedFormula: 'A3', result: 5 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('B3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('C3').value = { formula: 'DATE(2025,3,14)', result: DAY } as ExcelJS.CellFormulaValue;
  ws.getCell('C3').numFmt = 'dd/mm/yyyy';
  ws.getCell('D3').value = { formula: 'D1&""', result: 'Plan climat' } as ExcelJS.CellFormulaValue;
  ws.getCell('E3').value = { text: { richText: [{ text: 'Lien ' }, { text: 'riche' }] }, hyperlink: 'https://example.org' } as unknown as ExcelJS.CellHyperlinkValue;
  ws.getCell('F3').value = 12.5;
  // Styled but empty cells far below must not widen the grid.
  ws.getCell('J40').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
  excel.addWorksheet('Vide');
  await excel.xlsx.writeFile(file);
}

beforeAll(async () => {
  await craft();
  loaded = await readXlsxFile(file);
});

describe('xlsx reader normalisation', () => {
  it('reads a fixture that really holds formulas without result, shared formulas and merges', async () => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    const ws = excel.getWorksheet('Données')!;
    expect(ws.getCell('B1').formula).toBe('A1*3');
    expect(ws.getCell('B1').result).toBeUndefined();
    expect((ws.getCell('A4').value as ExcelJS.CellSharedFormulaValue).sharedFormula).toBe('A3');
    expect(ws.getCell('B2').isMerged).toBe(true);
    expect(ws.getCell('B2').value).toBe('Titre fusionné'); // exceljs echoes the master: the reader must not
  });

  it('gives formula results, plain text, error codes, dates and booleans', () => {
    const g = loaded.workbook.read('Données');
    expect(g[0]).toEqual([2, null, '#REF!', 'Plan climat', 'Délibération', DAY, true, false]);
    expect(g[0][5]).toBeInstanceOf(Date);
  });

  it('keeps a merged range’s value in its master cell only', () => {
    const g = loaded.workbook.read('Données');
    expect(g[1].slice(0, 3)).toEqual(['Titre fusionné', null, null]);
  });

  it('reads shared formulas, formula errors, date results and rich-text hyperlinks', () => {
    const g = loaded.workbook.read('Données');
    expect(g.map((r) => r[0]).slice(2, 5)).toEqual([3, 4, 5]);
    expect(g[2].slice(1, 6)).toEqual(['#DIV/0!', DAY, 'Plan climat', 'Lien riche', 12.5]);
  });

  it('trims the grid to the used values and keeps empty tabs', () => {
    const g = loaded.workbook.read('Données');
    expect(g).toHaveLength(5);
    expect(Math.max(...g.map((r) => r.length))).toBe(8);
    expect(loaded.workbook.sheetNames()).toEqual(['Données', 'Vide']);
    expect(loaded.workbook.read('Vide')).toEqual([]);
  });

  it('reads the same from a buffer as from a file', async () => {
    const fromBuffer = await readXlsxBuffer(readFileSync(file));
    expect(fromBuffer.workbook.read('Données')).toEqual(loaded.workbook.read('Données'));
  });
});
