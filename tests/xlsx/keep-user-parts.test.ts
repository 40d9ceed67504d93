/**
 * `consolidate --in-place` on a workbook a user has worked on in Excel:
 * every part the engine does not own comes back byte for byte (charts,
 * image, pivot table, macros, comments), and in the tabs it rewrites,
 * everything but the cells it changed (widths, conditional formats,
 * validations, defined names, shared and array formulas, filters). The
 * result opens in LibreOffice.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { SERVICE_COLUMNS, TAB } from '../../src/domain/schema/tabs';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { OoxmlPackage } from '../../src/files/xlsx/package';
import { splitSheet } from '../../src/files/xlsx/sheet-xml';
import { writeXlsxFile } from '../../src/node/xlsx-files';
import { cli, tempDir } from '../node/helpers';
import { editPackage, hasLibreOffice, libreOfficeCsv } from './support';
import { addChart, addFilter, addMacros, addPivot, sheetPart } from './user-parts';

const dir = tempDir('keep');
const HEADERS = SERVICE_COLUMNS.map((c) => c.header);
const row = (values: Record<string, unknown>) => HEADERS.map((h) => (values[h] ?? null) as string | number | null);
const USER_TAB = 'Mes graphiques';

let before: OoxmlPackage;
let after: OoxmlPackage;
let run: { code: number; stdout: string; stderr: string };
const parts: Record<string, string> = {};

/** The template with two services, consolidated once, as a user receives it. */
async function consolidatedWorkbook(): Promise<string> {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  wb.setGrid('Service – Achats', [HEADERS, row({ 'Réf.': 'ACH-001', "Intitulé de l'action": 'Achats durables' }), row({ 'Réf.': 'ACH-002', "Intitulé de l'action": 'Clauses de réemploi' })]);
  wb.setGrid('Service – Déchets', [
    HEADERS,
    row({ 'Réf.': 'DEC-001', "Intitulé de l'action": 'Compostage', 'Budget (€ HT)': 1200 }),
    row({ 'Réf.': 'DEC-002', "Intitulé de l'action": 'Ressourcerie', 'Budget (€ HT)': 300 }),
    row({ 'Réf.': 'DEC-003', "Intitulé de l'action": 'Broyage', 'Budget (€ HT)': 50 }),
  ]);
  const params = wb.grid(TAB.parametres);
  params[1] = ['Achats', 'Service – Achats', 'ACH'];
  params[2] = ['Déchets', 'Service – Déchets', 'DEC'];
  const base = join(dir, 'modele.xlsx');
  await writeXlsxFile(wb, base);
  expect((await cli(dir, 'consolidate', 'modele.xlsx', '--out', 'consolide.xlsx')).code).toBe(0);
  return join(dir, 'consolide.xlsx');
}

/** What the user does in Excel: a tab of their own with notes, formats, validations, an array formula and a name; formulas in their columns; a new action. */
async function userEdits(file: string): Promise<Uint8Array> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
  const mine = excel.addWorksheet(USER_TAB);
  mine.addRows([['Filière', 'Tonnes'], ['Textile', 12], ['BTP', 3], ['Bois', 5]]);
  mine.getCell('A1').note = 'Source : rapport annuel';
  mine.addConditionalFormatting({ ref: 'B2:B4', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['10'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
  mine.getCell('A2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Textile,BTP,Bois"'] };
  mine.getCell('C2').value = { formula: 'SUM(B2:B3*2)', result: 30, shareType: 'array', ref: 'C2' } as unknown as ExcelJS.CellFormulaValue;
  excel.definedNames.add(`'${USER_TAB}'!$B$2:$B$4`, 'MesTonnes');

  const dechets = excel.getWorksheet('Service – Déchets')!;
  const extra = HEADERS.length + 1;
  dechets.getCell(1, extra).value = 'Mon calcul';
  dechets.getCell(1, extra).note = 'Longueur de l’intitulé';
  dechets.getCell(2, extra).value = { formula: 'LEN(B2)', result: 10, shareType: 'shared', ref: `${colLetter(extra)}2:${colLetter(extra)}4` } as unknown as ExcelJS.CellFormulaValue;
  dechets.getCell(3, extra).value = { sharedFormula: `${colLetter(extra)}2`, result: 12 } as ExcelJS.CellSharedFormulaValue;
  dechets.getCell(4, extra).value = { sharedFormula: `${colLetter(extra)}2`, result: 7 } as ExcelJS.CellSharedFormulaValue;
  dechets.getColumn(2).width = 44;

  const actions = excel.getWorksheet('Actions')!;
  const headers = (actions.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const refCol = headers.indexOf('Réf.');
  const noteCol = headers.indexOf('Note');
  const dec2 = [...Array(actions.rowCount).keys()].map((i) => i + 1).find((r) => actions.getCell(r, refCol).value === 'DEC-002')!;
  actions.getCell(dec2, noteCol).value = { formula: `${colLetter(refCol)}${dec2}&" suivie"`, result: 'DEC-002 suivie' } as ExcelJS.CellFormulaValue;
  // A column of the user's own in Actions, filled with a shared formula.
  const mineCol = headers.length + 1;
  actions.getCell(1, mineCol).value = 'Mon suivi';
  actions.getCell(2, mineCol).value = { formula: 'ROW()*10', result: 20, shareType: 'shared', ref: `${colLetter(mineCol)}2:${colLetter(mineCol)}6` } as unknown as ExcelJS.CellFormulaValue;
  for (let r = 3; r <= 6; r++) actions.getCell(r, mineCol).value = { sharedFormula: `${colLetter(mineCol)}2`, result: r * 10 } as ExcelJS.CellSharedFormulaValue;
  parts.dec2 = String(dec2);
  parts.dechetsService = String(actions.getCell(dec2, 1).value);
  expect(actions.getCell(2, 1).value).not.toBe(parts.dechetsService);

  const achats = excel.getWorksheet('Service – Achats')!;
  achats.getCell(4, 2).value = 'Nouvelle action d’achat';
  return new Uint8Array(await excel.xlsx.writeBuffer());
}

function colLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

beforeAll(async () => {
  const consolidated = await consolidatedWorkbook();
  const edited = editPackage(await userEdits(consolidated), (pkg) => {
    const a = addChart(pkg, 'Actions', 1, false);
    const b = addChart(pkg, USER_TAB, 2, true);
    const p = addPivot(pkg, USER_TAB);
    parts.vba = addMacros(pkg);
    Object.assign(parts, { actionsDrawing: a.drawing, actionsChart: a.chart, userDrawing: b.drawing, userChart: b.chart, image: b.image!, pivot: p.table, cache: p.cache, records: p.records });
    addFilter(pkg, USER_TAB, 'A1:B4', 0, ['Textile', 'BTP'], [4]);
    // Actions filtered on the Déchets service: the Achats rows (2 and 3) are hidden.
    addFilter(pkg, 'Actions', 'A1:Z6', 0, [parts.dechetsService], [2, 3]);
  });
  const file = join(dir, 'classeur.xlsm');
  writeFileSync(file, edited);
  copyFileSync(file, join(dir, 'avant.xlsm'));
  before = new OoxmlPackage(edited);
  run = await cli(dir, 'consolidate', 'classeur.xlsm', '--in-place');
  after = new OoxmlPackage(readFileSync(file));
}, 120_000);

const same = (part: string) => expect(Buffer.from(after.bytes(part) ?? []).equals(Buffer.from(before.bytes(part) ?? [0])), part).toBe(true);

describe('consolidate --in-place keeps what the user added', () => {
  it('runs, and the new action reaches Actions', async () => {
    expect(run.code, run.stderr).toBe(0);
    const loaded = await readXlsxBuffer(after.toBytes());
    const actions = loaded.workbook.read('Actions');
    expect(actions.some((r) => r.includes('Nouvelle action d’achat'))).toBe(true);
  });

  it('copies charts, drawings, the image, the pivot table and its cache, comments and the VBA project byte for byte', () => {
    for (const p of [parts.actionsDrawing, parts.actionsChart, parts.userDrawing, parts.userChart, parts.image, parts.pivot, parts.cache, parts.records, parts.vba]) same(p);
    const comments = before.names().filter((n) => /comments|vmlDrawing/.test(n));
    expect(comments.length).toBeGreaterThanOrEqual(2);
    for (const p of comments) same(p);
    // Every part of the original is still there, with its relationships.
    for (const name of before.names()) expect(after.has(name), name).toBe(true);
    for (const name of before.names().filter((n) => n.endsWith('.rels') && !n.includes('workbook.xml.rels'))) same(name);
  });

  it('keeps the .xlsm content type, so that Excel opens it as a macro-enabled workbook', () => {
    expect(after.contentTypeOverride('xl/workbook.xml')).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(after.text('[Content_Types].xml')).toContain('application/vnd.ms-office.vbaProject');
    expect(after.rels('xl/workbook.xml').some((r) => r.type.endsWith('/vbaProject'))).toBe(true);
  });

  it('leaves the user’s own tab (array formula, validation, conditional format, filter, pivot) byte for byte', () => {
    same(sheetPart(before, USER_TAB));
  });

  it('keeps defined names and pivot caches of the workbook', () => {
    const names = (p: OoxmlPackage) => /<definedNames>[\s\S]*?<\/definedNames>/.exec(p.text('xl/workbook.xml')!)?.[0];
    expect(names(after)).toBe(names(before));
    expect(names(after)).toContain('MesTonnes');
    expect(after.text('xl/workbook.xml')).toContain('<pivotCaches>');
  });

  it('keeps, in a rewritten service tab, widths, notes, validations and the shared formula of the user’s column', () => {
    const part = sheetPart(before, 'Service – Achats');
    const a = splitSheet(before.text(part)!);
    const b = splitSheet(after.text(part)!);
    expect(b.tail).toBe(a.tail);
    expect(b.head.replace(/<dimension[^>]*>/, '')).toBe(a.head.replace(/<dimension[^>]*>/, ''));
    const dechets = sheetPart(before, 'Service – Déchets');
    same(dechets);
    expect(after.text(dechets)).toMatch(/<f t="shared" ref="[A-Z]+2:[A-Z]+4" si="0">LEN\(B2\)<\/f>/);
  });

  it('keeps the chart of Actions, and moves the lead’s formula with its action', async () => {
    const part = sheetPart(before, 'Actions');
    const xml = after.text(part)!;
    expect(xml).toMatch(/<drawing r:id="rId\d+"\/>/);
    same(part.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const dec2 = Number(parts.dec2);
    // The new action of Achats comes before the Déchets ones: DEC-002 moved one row down, its formula with it.
    expect(xml).toContain(`<f>B${dec2 + 1}&amp;" suivie"</f>`);
    const loaded = await readXlsxBuffer(after.toBytes());
    const grid = loaded.workbook.read('Actions');
    const note = grid[0].indexOf('Note');
    expect(grid[dec2][note]).toBe('DEC-002 suivie');
    expect(grid[dec2][1]).toBe('DEC-002');
  });

  it('keeps the filter of Actions and hides the rows it hides once the actions have moved', () => {
    const xml = after.text(sheetPart(before, 'Actions'))!;
    const hidden = splitSheet(xml).rows.filter((r) => /hidden="1"/.test(r.tag)).map((r) => r.row + 1);
    // The new Achats action pushed the Déchets ones down: rows 2 to 4 are Achats now.
    expect(hidden).toEqual([2, 3, 4]);
    expect(xml).toMatch(/<autoFilter ref="A1:Z7"><filterColumn colId="0"><filters><filter val="[^"]+"\/><\/filters><\/filterColumn><\/autoFilter>/);
  });

  it('gives a workbook LibreOffice opens', () => {
    if (!hasLibreOffice()) return;
    const copy = join(dir, 'pour-libreoffice.xlsx');
    const pkg = new OoxmlPackage(after.toBytes());
    writeFileSync(copy, pkg.toBytes());
    const csv = libreOfficeCsv(copy, dir);
    expect(csv.length).toBeGreaterThan(0);
  }, 180_000);
});
