import { describe, expect, it } from 'vitest';
import { SheetsWorkbook } from '../../src/gas/sheets-workbook';
import { SheetsFormatter } from '../../src/gas/sheets-formatter';
import { CachedWorkbook } from '../../src/gas/cached-workbook';
import { GasLock, GasUser } from '../../src/gas/gas-ports';
import { GasProtection } from '../../src/gas/protection';
import { appendJournal } from '../../src/gas/journal';
import { TAB, TABS, tableSection } from '../../src/domain/schema/tabs';
import { sheetFormat } from '../../src/domain/install/plan';
import type { Grid } from '../../src/domain/table/cell';
import { createGasEnvironment, type GasEnvironment } from '../fakes/gas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const ss = (env: GasEnvironment) => env.spreadsheet as unknown as Spreadsheet;
const app = (env: GasEnvironment) => env.spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;

describe('SheetsWorkbook', () => {
  it('writes strings that Sheets would take for formulas as text', () => {
    const env = createGasEnvironment({ sheets: { Plans: [] } });
    const wb = new SheetsWorkbook(ss(env));
    const risky = ['=HYPERLINK("http://x";"clic")', '+33 6 12 34 56 78', '-5', '- une puce', '@mention', "'entre apostrophes'"];
    wb.write('Plans', 0, 0, [risky, ['texte', 12.5, true, new Date(Date.UTC(2024, 4, 2)), null, '']]);
    const sheet = env.spreadsheet.sheet('Plans');
    const range = sheet.rangeFromA1Unrecorded('A1:F2');
    expect(range.getFormulas().flat().every((f) => f === '')).toBe(true);
    const values = range.getValues();
    expect(values[0]).toEqual(risky);
    expect(values[1]).toEqual(['texte', 12.5, true, new Date(Date.UTC(2024, 4, 2)), '', '']);
    expect(env.calls.count('setValues', 'Plans')).toBe(1);
    // Read back through the port: same strings, empty cells as null.
    expect(wb.read('Plans')[1]).toEqual(['texte', 12.5, true, new Date(Date.UTC(2024, 4, 2)), null, null]);
  });

  it('reads with exactly one getValues and returns [] for an empty tab', () => {
    const env = createGasEnvironment({ sheets: { Vide: [], Plein: [['a', '', 'c'], ['', '', '']] } });
    const wb = new SheetsWorkbook(ss(env));
    expect(wb.read('Vide')).toEqual([]);
    expect(wb.read('Plein')).toEqual([['a', null, 'c']]);
    expect(env.calls.count('getValues', 'Vide')).toBe(1);
    expect(env.calls.count('getValues', 'Plein')).toBe(1);
  });

  it('grows the grid when a block overflows the sheet (new tabs are 1000 × 26)', () => {
    const env = createGasEnvironment({ sheets: { Large: [] } });
    const wb = new SheetsWorkbook(ss(env));
    const wide = [Array.from({ length: 30 }, (_, i) => `c${i}`)];
    wb.write('Large', 1200, 2, wide);
    const sheet = env.spreadsheet.sheet('Large');
    expect(sheet.maxRows).toBe(1201);
    expect(sheet.maxColumns).toBe(32);
    expect(sheet.valueAt(1200, 31)).toBe('c29');
    expect(env.calls.count('setValues')).toBe(1);
  });

  it('creates a tab at a position', () => {
    const env = createGasEnvironment({ sheets: { A: [], C: [] } });
    const wb = new SheetsWorkbook(ss(env));
    wb.createSheet('B', 1);
    expect(wb.sheetNames()).toEqual(['A', 'B', 'C']);
  });
});

describe('CachedWorkbook', () => {
  it('reads a tab once per command and sees its own writes', () => {
    const env = createGasEnvironment({ sheets: { Journal: [['Date', 'Utilisateur']] } });
    const wb = new CachedWorkbook(new SheetsWorkbook(ss(env)));
    expect(wb.read('Journal')).toEqual([['Date', 'Utilisateur']]);
    wb.write('Journal', 1, 1, [['moi@x.fr']]);
    expect(wb.read('Journal')).toEqual([['Date', 'Utilisateur'], [null, 'moi@x.fr']]);
    wb.createSheet('Nouveau', 0);
    expect(wb.sheetNames()).toEqual(['Nouveau', 'Journal']);
    expect(wb.read('Nouveau')).toEqual([]);
    expect(env.calls.count('getValues')).toBe(1);
    expect(env.calls.count('getSheets')).toBe(1);
  });
});

describe('SheetsFormatter', () => {
  function formatOf(rows: number) {
    const tab = TABS.find((t) => t.name === TAB.plans)!;
    const grid: Grid = [tableSection(TAB.plans, 'plans').columns.map((c) => c.header)];
    for (let i = 0; i < rows; i++) grid.push(['PCAET', `Plan ${i}`]);
    return { grid, format: sheetFormat(tab, grid, new Map([[TAB.plans, grid]])) };
  }

  it('makes the same number of calls for 10 and 5,000 rows', () => {
    const counts = [10, 5000].map((n) => {
      const env = createGasEnvironment({ sheets: { Plans: [] } });
      const { format } = formatOf(n);
      env.calls.reset();
      new SheetsFormatter(ss(env), app(env)).applyFormat('Plans', format);
      return env.calls.summary({ ignore: ['insertRowsAfter'] });
    });
    expect(counts[1]).toEqual(counts[0]);
    // One call per run of adjacent validated columns: [Type] · [Statut, Début, Fin] · [Niveau EC].
    expect(counts[0]['Range.setDataValidations@Plans']).toBe(3);
  });

  it('uses no per-cell call: validations, number formats and fills are 2-D arrays over column runs', () => {
    const env = createGasEnvironment({ sheets: { Plans: [] } });
    const { format } = formatOf(100);
    new SheetsFormatter(ss(env), app(env)).applyFormat('Plans', format);
    const heights = env.calls.where({ method: 'setDataValidations' }).map((c) => c.rows);
    expect(heights.every((h) => h === format.blocks[0].lastDataRow - format.blocks[0].firstDataRow + 1)).toBe(true);
    expect(env.calls.count('setDataValidation')).toBe(0);
    expect(env.calls.count('setValue')).toBe(0);
    expect(env.calls.count('setValues')).toBe(0);
  });
});

describe('small ports', () => {
  it('GasLock reports a busy document and tolerates an unbound script', () => {
    const env = createGasEnvironment();
    const lock = new GasLock(env.locks as unknown as GoogleAppsScript.Lock.LockService);
    env.locks.document.setBusy(true);
    expect(lock.tryLock(10)).toBe(false);
    env.locks.document.setBusy(false);
    expect(lock.tryLock(10)).toBe(true);
    expect(env.locks.document.hasLock()).toBe(true);
    lock.release();
    expect(env.locks.document.hasLock()).toBe(false);
    env.locks.unbound = true;
    expect(lock.tryLock(10)).toBe(true);
  });

  it('GasUser gives the email, or "" when Google keeps it', () => {
    const known = createGasEnvironment({ activeUser: 'lead@agglo.fr' });
    expect(new GasUser(known.session as unknown as GoogleAppsScript.Base.Session).email()).toBe('lead@agglo.fr');
    const hidden = createGasEnvironment({ activeUser: '' });
    expect(new GasUser(hidden.session as unknown as GoogleAppsScript.Base.Session).email()).toBe('');
  });

  it('appendJournal writes one row after the last one, naming an unknown user in French', () => {
    const env = createGasEnvironment({ sheets: { Journal: [['Date', 'Utilisateur', 'Commande', 'Résultat', 'Lien'], ['x', 'y', 'z', 'w', ''], ['', '', '', '', '']] } });
    const workbook = new SheetsWorkbook(ss(env));
    const when = new Date(Date.UTC(2025, 0, 2, 9));
    const ok = appendJournal({ workbook, clock: { now: () => when }, user: { email: () => '' } }, { command: 'Test', result: '=1+1' });
    expect(ok).toBe(true);
    expect(env.spreadsheet.sheet('Journal').snapshot()[2]).toEqual([when, 'utilisateur non communiqué', 'Test', '=1+1', '']);
    expect(env.calls.count('setValues')).toBe(1);
    expect(appendJournal({ workbook: new SheetsWorkbook(ss(createGasEnvironment())), clock: { now: () => when }, user: { email: () => '' } }, { command: 'x', result: 'y' })).toBe(false);
  });

  it('GasProtection replaces its own restriction instead of stacking a second one', () => {
    const env = createGasEnvironment({ sheets: { 'Service – Voirie': [] }, spreadsheetEditors: ['tiers@agglo.fr'] });
    const p = new GasProtection(ss(env), env.session as unknown as GoogleAppsScript.Base.Session);
    p.restrictSheet('Service – Voirie', ['a@agglo.fr']);
    p.restrictSheet('Service – Voirie', ['b@agglo.fr']);
    const sheetProtections = env.spreadsheet.protections.filter((x) => x.type === 'SHEET');
    expect(sheetProtections).toHaveLength(1);
    expect(sheetProtections[0].info.editors).toEqual(['b@agglo.fr', 'cheffe.projet@agglo-exemple.fr']);
  });
});
