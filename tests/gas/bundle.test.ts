/**
 * The built Apps Script project (what `node scripts/build.mjs` puts in dist/), loaded in a node:vm context whose
 * globals are the fakes: what Apps Script itself would run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../src/domain/schema/tabs';
import { gasMessages } from '../../src/domain/messages/gas';
import { MENU, visibleEntries, type MenuEntry } from '../../src/gas/menu';
import { createGasEnvironment, FakeUi, type GasEnvironment } from '../fakes/gas';

const root = path.resolve(__dirname, '../..');
// The real build, into a folder of its own: other test files may be reading dist/ meanwhile.
const outDir = mkdtempSync(path.join(os.tmpdir(), 'cap-circulaire-gas-'));
let code = '';

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out-dir', outDir], { cwd: root, stdio: 'pipe' });
  code = readFileSync(path.join(outDir, 'Code.js'), 'utf8');
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type Fn = (...args: unknown[]) => unknown;

function load(env: GasEnvironment): Record<string, unknown> {
  const ctx = env.createVmContext();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return ctx;
}

/** The menu as declared (other engineers add items there): path, label, function. */
function declaredItems(entries: readonly MenuEntry[] = visibleEntries(MENU), prefix = ''): Array<{ path: string; caption: string; functionName: string }> {
  return entries.flatMap((e) =>
    'submenu' in e ? declaredItems(e.submenu, `${prefix}${e.label} › `) : 'handler' in e ? [{ path: prefix + e.label, caption: e.label, functionName: e.handler }] : [],
  );
}

const declaredKinds = (entries: readonly MenuEntry[]) => entries.map((e) => ('submenu' in e ? 'submenu' : 'separator' in e ? 'separator' : 'item'));

describe('dist/Code.js in Apps Script', () => {
  it('exposes every export of main.ts as a top-level function', async () => {
    const ctx = load(createGasEnvironment());
    const exported = Object.keys(await import('../../src/gas/main'));
    expect(exported).toEqual(expect.arrayContaining(['onOpen', 'runInstall', 'runAddService', 'showHelp']));
    // A bound script (copied with the template), not an Editor add-on: no onInstall.
    expect(exported).not.toContain('onInstall');
    for (const name of exported) {
      expect(typeof ctx[name], name).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
    }
  });

  it('builds the French menu in AuthMode.NONE without touching the spreadsheet', () => {
    const env = createGasEnvironment({ sheets: { 'Feuille 1': [] } });
    const ctx = load(env);
    env.setAuthMode('NONE');
    (ctx.onOpen as Fn)({ authMode: 'NONE' });
    const menu = env.ui.menu('Cap Circulaire');
    expect(menu).toBeDefined();
    expect(FakeUi.items(menu!.entries)).toEqual(declaredItems());
    expect(FakeUi.items(menu!.entries).map((i) => i.caption)).toEqual(
      expect.arrayContaining([gasMessages.menu.installer, gasMessages.menu.ajouterService, gasMessages.menu.aide]),
    );
    const touched = env.calls.all.filter((c) => !(c.service === 'Ui' || c.service === 'Menu' || (c.service === 'SpreadsheetApp' && c.method === 'getUi')));
    expect(touched).toEqual([]);
    expect(env.calls.count('getValues')).toBe(0);
  });

  it('builds the same menu in AuthMode.LIMITED and FULL, every item naming a top-level function', () => {
    const env = createGasEnvironment({ sheets: { 'Feuille 1': [] } });
    const ctx = load(env);
    (ctx.onOpen as Fn)({ authMode: 'LIMITED' });
    (ctx.onOpen as Fn)({ authMode: 'FULL' });
    expect(env.ui.menus).toHaveLength(2);
    for (const m of env.ui.menus) {
      const items = FakeUi.items(m.entries);
      expect(items).toEqual(declaredItems());
      for (const item of items) expect(typeof ctx[item.functionName], item.functionName).toBe('function');
    }
    expect(env.ui.menus[0].entries.map((e) => e.kind)).toEqual(declaredKinds(visibleEntries(MENU)));
    // Installer and Ajouter un service open the menu; Aide closes it, set apart by a separator.
    const top = env.ui.menus[0].entries;
    expect(top.slice(0, 2).map((e) => (e.kind === 'item' ? e.caption : e.kind))).toEqual([gasMessages.menu.installer, gasMessages.menu.ajouterService]);
    expect(top.slice(-2).map((e) => (e.kind === 'item' ? e.caption : e.kind))).toEqual(['separator', gasMessages.menu.aide]);
    expect(env.calls.count('getValues')).toBe(0);
  });

  it('installs the workbook on an empty spreadsheet through the menu function', () => {
    const env = createGasEnvironment({ sheets: { 'Feuille 1': [] } });
    const ctx = load(env);
    (ctx.runInstall as Fn)();
    expect(env.spreadsheet.sheetNames().slice(0, TABS.length)).toEqual(TABS.map((t) => t.name));
    expect(env.spreadsheet.sheet('Référentiel').snapshot()).toHaveLength(368);
    expect(env.ui.lastAlert!.title).toBe('Installer ou mettre à jour le classeur');
    expect(env.ui.lastAlert!.message).toContain(`${TABS.length} onglets créés`);
    expect(env.logs.filter((l) => l.level === 'error')).toEqual([]);
    env.calls.reset();
    (ctx.runInstall as Fn)();
    expect(env.calls.count('setValues')).toBe(0);
  });

  it('adds a service through the prompts', () => {
    const env = createGasEnvironment({ sheets: { 'Feuille 1': [] } });
    const ctx = load(env);
    (ctx.runInstall as Fn)();
    env.ui.queuePrompt('Déchets').queuePrompt('sandrine@agglo.fr');
    (ctx.runAddService as Fn)();
    expect(env.spreadsheet.hasSheet('Service – Déchets')).toBe(true);
    expect(env.ui.prompts.map((p) => p.title)).toEqual(['Ajouter un service', 'Ajouter un service']);
    expect(env.ui.lastAlert!.message).toContain('code DEC');
  });

  it('shows the help in a French dialog', () => {
    const env = createGasEnvironment();
    const ctx = load(env);
    (ctx.showHelp as Fn)();
    expect(env.ui.dialogs).toHaveLength(1);
    const dialog = env.ui.dialogs[0];
    expect(dialog.kind).toBe('modal');
    expect(dialog.title).toBe('Aide – Cap Circulaire');
    expect(dialog.output.getContent()).toContain('<b>Ajouter un service…</b>');
    expect(dialog.output.getContent()).toContain('lang="fr"');
  });
});

describe('menu declaration', () => {
  it('uses only PRODUCT.md labels, in PRODUCT.md order', () => {
    const order: readonly string[] = Object.values(gasMessages.menu);
    const flat = (entries: readonly MenuEntry[]): string[] =>
      entries.flatMap((e) => ('submenu' in e ? [e.label, ...flat(e.submenu)] : 'label' in e ? [e.label] : []));
    const labels = flat(visibleEntries(MENU));
    for (const l of labels) expect(order).toContain(l);
    const positions = labels.map((l) => order.indexOf(l));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('drops empty submenus and stray separators', () => {
    expect(
      visibleEntries([
        { separator: true },
        { label: 'Générer', submenu: [{ separator: true }] },
        { label: 'A', handler: 'showHelp' },
        { separator: true },
        { separator: true },
        { label: 'B', submenu: [{ label: 'C', handler: 'runInstall' }] },
        { separator: true },
      ]),
    ).toEqual([{ label: 'A', handler: 'showHelp' }, { separator: true }, { label: 'B', submenu: [{ label: 'C', handler: 'runInstall' }] }]);
  });
});

describe('manifest and clasp configuration', () => {
  it('asks for the narrow scopes only and declares the Slides, Docs and Sheets advanced services', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ timeZone: 'Europe/Paris', runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Slides', serviceId: 'slides', version: 'v1' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
    ]);
    expect(JSON.parse(readFileSync(path.join(root, '.clasp.json'), 'utf8'))).toEqual({ scriptId: 'REMPLACER_PAR_VOTRE_SCRIPT_ID', rootDir: 'dist' });
  });
});
