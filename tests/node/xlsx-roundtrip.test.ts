import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { SheetFormat } from '../../src/domain/install/format';
import { LISTS_SHEET, validationAt } from '../../src/files/xlsx';
import { readXlsxFile, writeXlsxFile } from '../../src/node/xlsx-files';
import { cli, tempDir } from './helpers';

const dir = tempDir('roundtrip');
const template = join(dir, 'modele.xlsx');
const userFile = join(dir, 'classeur-utilisateur.xlsx');
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const USER_FILL = 'FFFFEB3B';

/** What a user does to the template in Excel: a tab of their own, a column of their own, colours, formulas. */
async function userEdits(): Promise<void> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(template);
  const notes = excel.addWorksheet('Mes notes');
  notes.getCell('A1').value = 'Relancer le service achats';
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: USER_FILL } };
  notes.getCell('B1').value = { formula: '2+3', result: 5 } as ExcelJS.CellFormulaValue;
  notes.getCell('C1').value = new Date(Date.UTC(2026, 0, 15));
  const plans = excel.getWorksheet('Plans')!;
  const extraCol = plans.getRow(1).cellCount + 2;
  plans.getCell(1, extraCol).value = 'Ma colonne';
  plans.getCell(2, 1).value = 'PLPDMA';
  plans.getCell(2, 2).value = 'Programme local de prévention 2022-2027';
  plans.getCell(2, extraCol).value = 'à moi';
  plans.getCell(2, 2).font = { italic: true, color: { argb: 'FF123456' } };
  await excel.xlsx.writeFile(userFile);
}

beforeAll(async () => {
  expect((await cli(dir, 'template', '--out', 'modele.xlsx')).code).toBe(0);
  await userEdits();
});

describe('xlsx round trip', () => {
  it('reads, writes and reads again the same values, and never touches the input', async () => {
    const before = hash(userFile);
    const first = await readXlsxFile(userFile);
    const out = join(dir, 'copie.xlsx');
    await writeXlsxFile(first.workbook, out, first.source);
    const second = await readXlsxFile(out);
    expect(second.workbook.sheetNames()).toEqual(first.workbook.sheetNames());
    for (const name of first.workbook.sheetNames()) {
      expect(second.workbook.read(name), name).toEqual(first.workbook.read(name));
    }
    expect(hash(userFile)).toBe(before);
  });

  it('keeps the user’s tab, column, styling and formulas through install and a value change', async () => {
    const before = hash(userFile);
    const loaded = await readXlsxFile(userFile);
    installWorkbook({ workbook: loaded.workbook, formatter: loaded.workbook });
    // A use case changes one value (as consolidation writes a computed column).
    const plans = loaded.workbook.read('Plans');
    const nb = plans[0].indexOf("Nb d'actions EC");
    loaded.workbook.write('Plans', 1, nb, [[4]]);
    const out = join(dir, 'mis-a-jour.xlsx');
    await writeXlsxFile(loaded.workbook, out, loaded.source);
    expect(hash(userFile)).toBe(before);

    const reread = await readXlsxFile(out);
    expect(reread.workbook.sheetNames()).toContain('Mes notes');
    for (const name of loaded.workbook.sheetNames()) expect(reread.workbook.read(name), name).toEqual(loaded.workbook.read(name));
    const grid = reread.workbook.read('Plans');
    const extra = grid[0].indexOf('Ma colonne');
    expect(extra).toBeGreaterThan(nb);
    expect(grid[1][extra]).toBe('à moi');
    expect(grid[1][nb]).toBe(4);

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const notes = excel.getWorksheet('Mes notes')!;
    expect((notes.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(USER_FILL);
    expect(notes.getCell('B1').formula).toBe('2+3');
    expect(notes.getCell('B1').result).toBe(5);
    const plansWs = excel.getWorksheet('Plans')!;
    expect(plansWs.getCell(2, 2).font?.italic).toBe(true);
    expect(plansWs.getCell(2, 2).font?.color?.argb).toBe('FF123456');
    // The schema's formats are still there, once.
    expect(validationAt(plansWs, 'A2')?.type).toBe('list');
    const cfs = (plansWs as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    expect(new Set(cfs.map((c) => c.ref)).size).toBe(cfs.length);
  });

  it('writes strings starting with = as text, never as formulas', async () => {
    const memory = new MemoryWorkbook([['Saisies', [['=SOMME(A2:A9)', '+33 6 12 34 56 78', '-5 %', '@équipe']]]]);
    const out = join(dir, 'texte.xlsx');
    await writeXlsxFile(memory, out);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const ws = excel.getWorksheet('Saisies')!;
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A1').formula).toBeUndefined();
    expect((await readXlsxFile(out)).workbook.read('Saisies')).toEqual([['=SOMME(A2:A9)', '+33 6 12 34 56 78', '-5 %', '@équipe']]);
  });

  it('puts lists too long for Excel in a hidden Listes tab the reader leaves out', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Valeur de liste numéro ${i + 1}`);
    const memory = new MemoryWorkbook([['Saisies', [['Choix', 'Avec virgule'], [null, null]]]]);
    const format: SheetFormat = {
      tabColour: '#1F5C4A',
      frozenRows: 1,
      fields: [],
      blocks: [{
        headerRow: 0,
        firstDataRow: 1,
        lastDataRow: 20,
        columns: [
          { col: 0, header: 'Choix', role: 'input', type: 'list', validation: { kind: 'list', values: long, strict: true } },
          { col: 1, header: 'Avec virgule', role: 'input', type: 'list', validation: { kind: 'list', values: ['Oui, mais', 'Non'], strict: false } },
        ],
      }],
    };
    memory.applyFormat('Saisies', format);
    const out = join(dir, 'listes.xlsx');
    await writeXlsxFile(memory, out);

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const lists = excel.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A1').value).toBe(long[0]);
    expect(lists.getCell('A40').value).toBe(long[39]);
    expect(lists.getCell('B1').value).toBe('Oui, mais');
    const ws = excel.getWorksheet('Saisies')!;
    expect(validationAt(ws, 'A2')?.formulae?.[0]).toBe(`'${LISTS_SHEET}'!$A$1:$A$40`);
    expect(validationAt(ws, 'A21')?.formulae?.[0]).toBe(`'${LISTS_SHEET}'!$A$1:$A$40`);
    expect(validationAt(ws, 'A22')).toBeUndefined();
    expect(validationAt(ws, 'B2')?.formulae?.[0]).toBe(`'${LISTS_SHEET}'!$B$1:$B$2`);
    expect(validationAt(ws, 'B2')?.showErrorMessage).toBeFalsy();

    // Read back: the hidden tab is ours, not the user's; rewriting rebuilds it once.
    const loaded = await readXlsxFile(out);
    expect(loaded.workbook.sheetNames()).toEqual(['Saisies']);
    loaded.workbook.applyFormat('Saisies', format);
    const again = join(dir, 'listes-2.xlsx');
    await writeXlsxFile(loaded.workbook, again, loaded.source);
    const excel2 = new ExcelJS.Workbook();
    await excel2.xlsx.readFile(again);
    expect(excel2.worksheets.map((w) => w.name)).toEqual(['Saisies', LISTS_SHEET]);
  });
});
