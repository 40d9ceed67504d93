/**
 * The template's install through the Sheets API carries what the add-on's
 * *Installer* would write: same tabs in the same order, same values, frozen
 * rows, tab colours, conditional rules and protections per tab (checked
 * against the add-on's own adapters on the Apps Script fakes); and the value
 * conversion never turns typed text into a formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installWorkbook } from '../../src/app/install';
import { SheetsFormatter } from '../../src/gas/sheets-formatter';
import { SheetsWorkbook } from '../../src/gas/sheets-workbook';
import { batches, extendedValue, installRequests, layoutFromSpreadsheet, quoteSheet, rgb } from '../../src/node/google/sheets-install';
import { createGasEnvironment } from '../fakes/gas';
import { FakeGoogle } from './fake-google';

const norm = (grid: readonly (readonly unknown[] | undefined)[]): string[][] => {
  const rows = grid.map((r) => {
    const row = (r ?? []).map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v)));
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    return row;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
};

function installedThroughApi() {
  const google = new FakeGoogle();
  const created = google.createSpreadsheet({ properties: { title: 'T' } });
  const s = google.spreadsheets.get(created.spreadsheetId!)!;
  google.apply(s.id, installRequests(layoutFromSpreadsheet(google.describe(s), new Map(), 0)).requests);
  return { google, s };
}

describe('install through the Sheets API', () => {
  it('matches the add-on’s Installer on the same blank workbook: tabs, values, frozen rows, colours, rules and protections per tab', () => {
    const { s } = installedThroughApi();

    const env = createGasEnvironment({ sheets: { 'Feuille 1': [] } });
    env.inProcess(() => installWorkbook({ workbook: new SheetsWorkbook(env.spreadsheet as never), formatter: new SheetsFormatter(env.spreadsheet as never, env.spreadsheetApp as never) }));
    const gasTabs = env.spreadsheet.sheetNames().filter((n) => n !== 'Feuille 1');

    expect(s.sheets.map((t) => t.properties.title)).toEqual(gasTabs);
    for (const t of s.sheets) {
      const gas = env.spreadsheet.getSheetByName(t.properties.title)!;
      const name = t.properties.title;
      expect(norm(t.values), name).toEqual(norm(gas.getDataRange().getValues() as unknown[][]));
      expect(t.properties.gridProperties.frozenRowCount ?? 0, name).toBe(gas.getFrozenRows());
      const colour = gas.getTabColor();
      expect(t.properties.tabColorStyle?.rgbColor, name).toEqual(colour ? rgb(colour) : undefined);
      expect(t.rules.length, name).toBe(gas.getConditionalFormatRules().length);
      expect(t.protections.length, name).toBe(gas.getProtections(env.spreadsheetApp.ProtectionType.RANGE as never).length);
    }
  });

  it('a second plan on the installed template adds no sheet and writes no value', () => {
    const { google, s } = installedThroughApi();
    const values = new Map(s.sheets.map((t) => [t.properties.title, t.values as never]));
    const again = installRequests(layoutFromSpreadsheet(google.describe(s), values));
    expect(again.plan.create).toEqual([]);
    expect(again.plan.writes).toEqual([]);
    expect(again.requests.filter((r) => r.addSheet || r.deleteSheet || r.updateCells?.fields === 'userEnteredValue')).toEqual([]);
  });

  it('sends text as text: `=…`, `+…`, `@…` are never formulas; numbers, booleans and dates keep their type', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const v = extendedValue(text);
        if (text === '') expect(v).toBeUndefined();
        else expect(v).toEqual({ stringValue: text });
      }),
    );
    expect(extendedValue('=SUM(A1:A3)')).toEqual({ stringValue: '=SUM(A1:A3)' });
    expect(extendedValue(12.5)).toEqual({ numberValue: 12.5 });
    expect(extendedValue(false)).toEqual({ boolValue: false });
    expect(extendedValue(new Date(Date.UTC(2025, 3, 3)))).toEqual({ numberValue: 45750 });
    expect(extendedValue(null)).toBeUndefined();
  });

  it('quotes any sheet name so Sheets reads it back whole', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        const q = quoteSheet(name);
        expect(q.startsWith("'") && q.endsWith("'")).toBe(true);
        expect(q.slice(1, -1).replace(/''/g, "'")).toBe(name);
        expect(q.slice(1, -1).replace(/''/g, '')).not.toContain("'");
      }),
    );
    expect(quoteSheet("Plan d'actions")).toBe("'Plan d''actions'");
  });

  it('converts the palette to the API’s colours', () => {
    expect(rgb('#FFFFFF')).toEqual({ red: 1, green: 1, blue: 1 });
    expect(rgb('#1F5C4A')).toEqual({ red: 0.1216, green: 0.3608, blue: 0.2902 });
    expect(() => rgb('vert')).toThrow('Couleur invalide : vert');
  });
});

describe('batches', () => {
  it('keeps every request once, in order, within the count and the size given', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 50, max: 400 }), (items, size, maxBytes) => {
        const out = batches(items, size, maxBytes);
        expect(out.flat()).toEqual(items);
        for (const b of out) {
          expect(b.length).toBeGreaterThan(0);
          expect(b.length).toBeLessThanOrEqual(size);
          // A single request larger than the limit still travels, alone.
          if (b.length > 1) expect(b.reduce((n, x) => n + JSON.stringify(x).length, 0)).toBeLessThanOrEqual(maxBytes);
        }
      }),
    );
  });
});
