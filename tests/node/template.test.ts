import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { SheetFormat } from '../../src/domain/install/format';
import { COLOURS } from '../../src/domain/schema/colours';
import { TABS } from '../../src/domain/schema/tabs';
import { locateKeyValues, locateTable, tableRows } from '../../src/domain/table';
import { columnLetter } from '../../src/domain/table/locate';
import { LISTS_SHEET, pixelsToExcelWidth, validationAt, type LoadedWorkbook } from '../../src/files/xlsx';
import { readXlsxFile } from '../../src/node/xlsx-files';
import { cli, tempDir } from './helpers';

const dir = tempDir('template');
const file = join(dir, 'modele.xlsx');
let excel: ExcelJS.Workbook;
let loaded: LoadedWorkbook;
/** The formats the install use case plans for an empty workbook: what the file must carry. */
let expected: Map<string, SheetFormat>;

beforeAll(async () => {
  const run = await cli(dir, 'template', '--out', 'modele.xlsx');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Modèle créé : modele.xlsx');
  excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
  loaded = await readXlsxFile(file);
  const memory = new MemoryWorkbook();
  installWorkbook({ workbook: memory, formatter: memory });
  expected = memory.formats;
});

const sheet = (name: string) => {
  const ws = excel.getWorksheet(name);
  if (!ws) throw new Error(`onglet absent : ${name}`);
  return ws;
};

describe('template --out', () => {
  it('has every schema tab, in order, with its headers', () => {
    expect(loaded.workbook.sheetNames()).toEqual(TABS.map((t) => t.name));
    for (const tab of TABS) {
      const grid = loaded.workbook.read(tab.name);
      for (const section of tab.sections) {
        if (section.kind === 'keyValue') {
          expect(locateKeyValues(grid, section).missing.map((f) => f.header), `${tab.name} › ${section.id}`).toEqual([]);
        } else {
          const located = locateTable(grid, section);
          expect(located, `${tab.name} › ${section.id}`).not.toBeNull();
          expect(located!.missing.map((c) => c.header), `${tab.name} › ${section.id}`).toEqual([]);
        }
      }
    }
  });

  it('has the 367 lines of the référentiel', () => {
    const tab = TABS.find((t) => t.name === 'Référentiel')!;
    const section = tab.sections[0];
    if (section.kind !== 'table') throw new Error('Référentiel sans tableau');
    const grid = loaded.workbook.read('Référentiel');
    const located = locateTable(grid, section)!;
    const rows = tableRows(grid, located);
    expect(rows).toHaveLength(367);
    expect(rows[0].cells.identifiant).toBe('eci_1');
  });

  it('puts a list validation over the data rows of every list column', () => {
    let checked = 0;
    for (const tab of TABS) {
      const format = expected.get(tab.name)!;
      const ws = sheet(tab.name);
      for (const section of tab.sections) {
        if (section.kind !== 'table') continue;
        const listColumns = section.columns.filter((c) => c.list);
        const block = format.blocks.find((b) => b.columns[0]?.header === section.columns[0].header);
        for (const c of listColumns) {
          const col = block?.columns.find((x) => x.header === c.header);
          expect(col, `${tab.name} › ${c.header} : colonne mise en forme`).toBeDefined();
          // Columns validated on some rows only (Référentiel statuses): check the first and last of those rows.
          const rows = col!.validationRows
            ? [col!.validationRows[0][0], col!.validationRows[col!.validationRows.length - 1][1]]
            : [block!.firstDataRow, block!.lastDataRow];
          for (const row of rows) {
            const dv = validationAt(ws, `${columnLetter(col!.col)}${row + 1}`);
            expect(dv?.type, `${tab.name} › ${c.header} ligne ${row + 1}`).toBe('list');
            expect(dv?.formulae?.[0]).toBeTruthy();
            checked++;
          }
        }
      }
      // Key/value fields with a list (Accueil › Type, Compétences).
      for (const field of format.fields.filter((f) => f.format.validation)) {
        const dv = validationAt(ws, `${columnLetter(field.labelCol + 1)}${field.labelRow + 1}`);
        expect(dv?.type, `${tab.name} › ${field.format.header}`).toBe(field.format.validation!.kind === 'number' ? 'whole' : 'list');
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('points reference lists at the source tab and keeps short lists inline', () => {
    const acteurs = expected.get('Acteurs')!.blocks[0];
    const categorie = acteurs.columns.find((c) => c.header === 'Catégorie')!;
    const dv = validationAt(sheet('Acteurs'), `${columnLetter(categorie.col)}${acteurs.firstDataRow + 1}`)!;
    expect(dv.formulae![0]).toMatch(/^'Paramètres'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    const plans = expected.get('Plans')!.blocks[0];
    const type = plans.columns.find((c) => c.header === 'Type')!;
    const inline = validationAt(sheet('Plans'), `${columnLetter(type.col)}2`)!;
    expect(inline.formulae![0]).toBe('"PLPDMA,PCAET,PAT,CODEC,TZDZG,TEPOS,CRTE,Projet de territoire,Plan de mandat,SPASER,PLUi/SCoT,Autre"');
    expect(inline.showErrorMessage).toBe(true);
    // No fixed list of the schema exceeds Excel's inline limit, so no hidden tab is needed.
    expect(excel.getWorksheet(LISTS_SHEET)).toBeUndefined();
  });

  it('puts a date validation and a date format on every date column', () => {
    const dateColumns = TABS.flatMap((t) => t.sections.flatMap((s) => (s.kind === 'table' ? s.columns.filter((c) => c.type === 'date') : [])));
    let checked = 0;
    for (const tab of TABS) {
      const ws = sheet(tab.name);
      for (const block of expected.get(tab.name)!.blocks) {
        for (const c of block.columns.filter((x) => x.type === 'date')) {
          const cell = `${columnLetter(c.col)}${block.firstDataRow + 1}`;
          expect(c.validation?.kind, `${tab.name} › ${c.header}`).toBe('date');
          expect(validationAt(ws, cell)?.type, `${tab.name} › ${c.header}`).toBe('date');
          expect(validationAt(ws, `${columnLetter(c.col)}${block.lastDataRow + 1}`)?.type, `${tab.name} › ${c.header}`).toBe('date');
          checked++;
          expect(ws.getCell(cell).numFmt, `${tab.name} › ${c.header}`).toBe('dd/mm/yyyy');
        }
      }
    }
    expect(checked).toBe(dateColumns.length);
  });

  it('colours Plans › Niveau EC and Référentiel › Statut with conditional formatting', () => {
    for (const [tab, header, value] of [['Plans', 'Niveau EC', '3 – Fort'], ['Référentiel', 'Statut', 'Fait']] as const) {
      const block = expected.get(tab)!.blocks[0];
      const c = block.columns.find((x) => x.header === header)!;
      const letter = columnLetter(c.col);
      const cfs = (sheet(tab) as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; operator?: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }> }> }).conditionalFormattings;
      const cf = cfs.find((x) => x.ref === `${letter}${block.firstDataRow + 1}:${letter}${block.lastDataRow + 1}`);
      expect(cf, `${tab} › ${header}`).toBeDefined();
      const rule = cf!.rules.find((r) => r.formulae?.[0] === `"${value}"`);
      expect(rule?.type).toBe('cellIs');
      expect(rule?.operator).toBe('equal');
      expect(rule?.style?.fill?.bgColor?.argb).toBe(`FF${COLOURS.green.slice(1)}`);
    }
  });

  it('freezes and styles the header row, sets widths, tab colours and notes', () => {
    for (const tab of ['Plans', 'Référentiel', 'Équipe', 'Actions']) {
      const view = sheet(tab).views[0] as { state?: string; ySplit?: number };
      expect(view.state, tab).toBe('frozen');
      expect(view.ySplit, tab).toBe(1);
    }
    const ws = sheet('Plans');
    const header = ws.getCell('A1');
    expect(header.value).toBe('Type');
    expect(header.font?.bold).toBe(true);
    expect(header.font?.color?.argb).toBe('FFFFFFFF');
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${COLOURS.brand.slice(1)}`);
    expect(ws.getColumn(2).width).toBeCloseTo(pixelsToExcelWidth(280), 2);
    expect(ws.properties.tabColor?.argb).toBe(`FF${COLOURS.brand.slice(1)}`);
    const niveau = expected.get('Plans')!.blocks[0].columns.find((c) => c.header === 'Niveau EC')!;
    const note = ws.getCell(1, niveau.col + 1).note;
    expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain('Fort');
    // Computed data cells are shaded so users see they are not theirs.
    const nb = expected.get('Plans')!.blocks[0].columns.find((c) => c.header === "Nb d'actions EC")!;
    expect((ws.getCell(2, nb.col + 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${COLOURS.computedFill.slice(1)}`);
  });

  it('refuses an output that is not .xlsx and a missing --out (exit 2)', async () => {
    const txt = await cli(dir, 'template', '--out', 'modele.txt');
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('extension .xlsx');
    const none = await cli(dir, 'template');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--out est obligatoire');
  });
});
