/** The fakes behave like Apps Script where our code's correctness depends on it. */
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { createGasEnvironment, installGasFakes } from '../fakes/gas';

describe('fake SpreadsheetApp', () => {
  it('refuses ranges outside the grid and values of the wrong shape', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    const sheet = env.spreadsheet.getSheetByName('S')!;
    expect(() => sheet.getRange(1, 27)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(/number of rows/);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a']])).toThrow(/number of columns/);
    sheet.insertColumnsAfter(26, 4);
    expect(sheet.getRange('AD1').getA1Notation()).toBe('AD1');
  });

  it('stores typed input as Sheets does: formulas, quoted text, numbers', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    const range = env.spreadsheet.sheet('S').getRange('A1:E1');
    range.setValues([['=SUM(1;2)', "'=texte", '007', '-abc', new Date(0)]]);
    expect(range.getFormulas()[0]).toEqual(['=SUM(1;2)', '', '', '-abc', '']);
    expect(range.getValues()[0]).toEqual(['', '=texte', 7, '#ERROR!', new Date(0)]);
  });

  it('has a data range of A1 on an empty sheet, and reports the used range otherwise', () => {
    const env = createGasEnvironment({ sheets: { Vide: [], S: [['a'], [], ['', '', 'c']] } });
    expect(env.spreadsheet.sheet('Vide').getDataRange().getValues()).toEqual([['']]);
    expect(env.spreadsheet.sheet('Vide').getLastRow()).toBe(0);
    expect(env.spreadsheet.sheet('S').getDataRange().getA1Notation()).toBe('A1:C3');
  });

  it('keeps sheet names unique regardless of case and inserts at an index', () => {
    const env = createGasEnvironment({ sheets: { Plans: [] } });
    expect(() => env.spreadsheet.insertSheet('PLANS')).toThrow(/already exists/);
    env.spreadsheet.insertSheet('Accueil', 0);
    expect(env.spreadsheet.sheetNames()).toEqual(['Accueil', 'Plans']);
  });

  it('emulates protections: sheet protection reused, owner and runner never removed, editors mirrored', () => {
    const env = createGasEnvironment({ sheets: { S: [] }, owner: 'owner@x.fr', effectiveUser: 'lead@x.fr', spreadsheetEditors: ['other@x.fr'] });
    const sheet = env.spreadsheet.sheet('S');
    const p = sheet.protect();
    expect(sheet.protect()).toBe(p);
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['lead@x.fr', 'other@x.fr', 'owner@x.fr']);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['lead@x.fr', 'owner@x.fr']);
    const r = sheet.getRange('A1:B1').protect().setDescription('d').setWarningOnly(true);
    expect(sheet.getProtections('RANGE')).toEqual([r]);
    r.remove();
    expect(sheet.getProtections('RANGE')).toEqual([]);
  });

  it('records every call with its sheet and dimensions', () => {
    const env = createGasEnvironment({ sheets: { Plans: [['a', 'b']] } });
    env.spreadsheet.getSheetByName('Plans')!.getDataRange().getValues();
    expect(env.calls.count('getValues', 'Plans')).toBe(1);
    expect(env.calls.where({ method: 'getValues' })[0]).toMatchObject({ service: 'Range', sheet: 'Plans', rows: 1, cols: 2 });
    expect(env.calls.summary()).toMatchObject({ 'Range.getValues@Plans': 1, 'Sheet.getDataRange@Plans': 1 });
    env.calls.reset();
    expect(env.calls.all).toEqual([]);
  });

  it('refuses spreadsheet access in AuthMode.NONE, but not the UI', () => {
    const env = createGasEnvironment();
    env.setAuthMode('NONE');
    expect(() => env.spreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => env.spreadsheetApp.getUi()).not.toThrow();
  });
});

describe('fake UI and services', () => {
  it('answers prompts from the script, and fails loudly when none is queued', () => {
    const env = createGasEnvironment();
    env.ui.queuePrompt('Déchets').queuePrompt('', 'CANCEL');
    const ui = env.ui;
    expect(ui.prompt('T', 'Nom ?', ui.ButtonSet.OK_CANCEL).getResponseText()).toBe('Déchets');
    expect(ui.prompt('Nom ?').getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(() => ui.prompt('Encore ?')).toThrow(/no scripted answer/);
    expect(ui.alert('Sûr ?', ui.ButtonSet.YES_NO)).toBe('YES');
    ui.queueAlert('NO');
    expect(ui.alert('Titre', 'Sûr ?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alerts.map((a) => a.title)).toEqual([null, 'Titre']);
  });

  it('formats dates in a time zone like Utilities.formatDate', () => {
    const env = createGasEnvironment();
    const u = env.globals.Utilities as { formatDate(d: Date, tz: string, p: string): string };
    expect(u.formatDate(new Date(Date.UTC(2025, 6, 14, 22, 5, 9)), 'Europe/Paris', "dd/MM/yyyy 'à' HH:mm:ss")).toBe('15/07/2025 à 00:05:09');
  });

  it('evaluates HTML templates with scriptlets, seeing template properties and script globals', () => {
    const env = createGasEnvironment();
    env.html.files.set('Page', '<h1><?= titre ?></h1><? for (const x of items) { ?><li><?!= include(x) ?></li><? } ?>');
    const ctx = env.createVmContext();
    vm.runInContext('function include(x) { return "<b>" + x + "</b>"; }', ctx);
    const html = ctx.HtmlService as typeof env.html;
    const t = html.createTemplateFromFile('Page');
    t.titre = 'A & B';
    t.items = ['un', 'deux'];
    expect(t.evaluate().getContent()).toBe('<h1>A &amp; B</h1><li><b>un</b></li><li><b>deux</b></li>');
    expect(() => html.createHtmlOutputFromFile('Absent')).toThrow(/No HTML file/);
  });

  it('installs and restores globals for in-process code', () => {
    const target: Record<string, unknown> = { SpreadsheetApp: 'before' };
    const env = createGasEnvironment();
    const restore = installGasFakes(target, env);
    expect(target.SpreadsheetApp).toBe(env.spreadsheetApp);
    expect(target.LockService).toBe(env.locks);
    restore();
    expect(target).toEqual({ SpreadsheetApp: 'before' });
  });

  it('lets a test make the document lock busy and keeps properties per scope', () => {
    const env = createGasEnvironment();
    env.locks.document.setBusy(true);
    expect(env.locks.getDocumentLock()!.tryLock(100)).toBe(false);
    expect(() => env.locks.getDocumentLock()!.waitLock(100)).toThrow(/Lock timeout/);
    env.properties.getDocumentProperties().setProperty('k', 'v');
    expect(env.properties.getUserProperties().getProperty('k')).toBeNull();
    expect(env.properties.document.store.get('k')).toBe('v');
  });
});
