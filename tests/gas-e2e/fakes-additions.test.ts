/**
 * The parts of the Apps Script fakes the end-to-end workflow needed: embedded
 * charts, merges, rich text, `SpreadsheetApp.create`, and Dates handed to a vm
 * context in its own realm. Each behaves as the real API does where our code
 * depends on it, and every call is recorded.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createGasEnvironment } from '../fakes/gas';

describe('charts', () => {
  it('builds, inserts, lists, updates and removes embedded charts, recording every call', () => {
    const env = createGasEnvironment({ sheets: { TB: [['Axe', 'Réalisé'], ['1', 40], ['2', 60]] } });
    const ss = env.spreadsheet;
    const sheet = ss.getSheetByName('TB')!;
    const Charts = env.globals.Charts as { ChartType: Record<string, string> };
    env.calls.reset();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange(1, 1, 3, 1))
      .addRange(sheet.getRange(1, 2, 3, 1))
      .setNumHeaders(1)
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Scores')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(chart.getChartId()).toEqual(expect.any(Number));
    expect(() => sheet.insertChart(chart)).toThrow(/already/);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.charts[0].info).toEqual({
      id: chart.getChartId(),
      type: 'BAR',
      ranges: ['A1:A3', 'B1:B3'],
      options: { title: 'Scores' },
      anchor: { row: 2, column: 4, offsetX: 0, offsetY: 0 },
      numHeaders: 1,
    });
    expect(env.calls.count('setOption', 'TB')).toBe(1);
    expect(env.calls.count('insertChart', 'TB')).toBe(2);

    const updated = sheet.getCharts()[0].modify().setOption('title', 'Scores 2026').build();
    sheet.updateChart(updated);
    expect(sheet.charts.map((c) => [c.info.id, c.info.options.title])).toEqual([[chart.getChartId(), 'Scores 2026']]);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Scores 2026');

    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.charts).toEqual([]);
    expect(() => sheet.removeChart(chart)).toThrow(/not in this sheet/);
    expect(() => sheet.updateChart(sheet.newChart().setChartType('PIE').build())).toThrow(/not in this sheet/);
  });

  it('refuses an unknown chart type and a chart without one', () => {
    const env = createGasEnvironment({ sheets: { TB: [] } });
    const sheet = env.spreadsheet.getSheetByName('TB')!;
    expect(() => sheet.newChart().setChartType('CAMEMBERT')).toThrow(/Invalid argument/);
    expect(() => sheet.newChart().build()).toThrow(/chart type/);
  });
});

describe('merges', () => {
  it('keeps the top-left value, refuses to cut through a merge, breaks apart what lies inside', () => {
    const env = createGasEnvironment({ sheets: { S: [['a', 'b', 'c'], ['d', 'e', 'f']] } });
    const sheet = env.spreadsheet.getSheetByName('S')!;
    sheet.getRange('A1:B2').merge();
    expect(sheet.merges).toEqual([{ row: 1, col: 1, rows: 2, cols: 2 }]);
    expect(sheet.snapshot()).toEqual([['a', '', 'c'], ['', '', 'f']]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(() => sheet.getRange('B1:C1').merge()).toThrow(/merged range/);
    expect(() => sheet.getRange('A1:A2').breakApart()).toThrow(/merged range/);
    sheet.getRange('A1:C3').breakApart();
    expect(sheet.merges).toEqual([]);
    sheet.getRange('A1:C2').mergeAcross();
    expect(sheet.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 3 },
      { row: 2, col: 1, rows: 1, cols: 3 },
    ]);
    expect(env.calls.count('merge', 'S') + env.calls.count('mergeAcross', 'S') + env.calls.count('breakApart', 'S')).toBe(5);
  });
});

describe('rich text', () => {
  it('writes the text as text and keeps the link', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    const sheet = env.spreadsheet.getSheetByName('S')!;
    const app = env.spreadsheetApp;
    const v = app.newRichTextValue().setText('=Jalons › ligne 3').setLinkUrl('#gid=1&range=A3').build();
    sheet.getRange('B2').setRichTextValue(v);
    expect(sheet.valueAt(1, 1)).toBe('=Jalons › ligne 3');
    expect(sheet.formulaAt(1, 1)).toBe('');
    expect(sheet.format(1, 1).link).toBe('#gid=1&range=A3');
    sheet.getRange('C1:C2').setRichTextValues([[app.newRichTextValue().setText('x').setLinkUrl('u1').build()], [app.newRichTextValue().setText('y').build()]]);
    expect([sheet.format(0, 2).link, sheet.format(1, 2).link]).toEqual(['u1', null]);
    expect(sheet.getRange('C1').getRichTextValue().getLinkUrl()).toBe('u1');
    expect(() => sheet.getRange('A1:A2').setRichTextValues([[v]])).toThrow(/number of rows/);
    expect(() => app.newRichTextValue().setText('abc').setLinkUrl(2, 9, 'u')).toThrow(/offsets/);
  });
});

describe('SpreadsheetApp.create', () => {
  it('makes a new spreadsheet with its own URL, leaving the active one alone', () => {
    const env = createGasEnvironment({ sheets: { Accueil: [] } });
    const created = env.spreadsheetApp.create('Export TeT');
    expect(created.getName()).toBe('Export TeT');
    expect(created.sheetNames()).toEqual(['Feuille 1']);
    expect(created.getUrl()).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/fake-created-\d+\/edit$/);
    expect(created.getUrl()).not.toBe(env.spreadsheet.getUrl());
    expect(env.spreadsheet.sheetNames()).toEqual(['Accueil']);
    expect(env.spreadsheetApp.openById(created.id)).toBe(created);
    expect(env.spreadsheetApp.openByUrl(created.getUrl())).toBe(created);
    expect(env.calls.where({ service: 'SpreadsheetApp', method: 'create' })).toEqual([{ service: 'SpreadsheetApp', method: 'create', detail: 'Export TeT' }]);
    env.setAuthMode('NONE');
    expect(() => env.spreadsheetApp.create('x')).toThrow(/permission/);
  });
});

describe('Dates across realms', () => {
  it('hands the vm context its own Dates, and the test its own in inProcess and helpers', () => {
    const when = new Date(Date.UTC(2026, 10, 28));
    const env = createGasEnvironment({ sheets: { S: [[when]] } });
    const ctx = env.createVmContext();
    ctx.range = env.spreadsheet.sheet('S').getRange('A1');
    expect(vm.runInContext('range.getValues()[0][0] instanceof Date && range.getValue() instanceof Date', ctx)).toBe(true);
    expect(env.spreadsheet.sheet('S').getRange('A1').getValue() instanceof Date).toBe(false);
    expect(env.inProcess(() => env.spreadsheet.sheet('S').getRange('A1').getValue() instanceof Date)).toBe(true);
    expect(env.spreadsheet.sheet('S').valueAt(0, 0)).toEqual(when);
    // A Date the script writes is stored as a date.
    vm.runInContext('range.setValues([[new Date(Date.UTC(2027, 0, 1))]])', ctx);
    expect(env.spreadsheet.sheet('S').valueAt(0, 0)).toEqual(new Date(Date.UTC(2027, 0, 1)));
  });
});
