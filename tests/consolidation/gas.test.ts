/**
 * Apps Script side of checks and consolidation, on the GAS fakes: the cell
 * marker (notes, backgrounds, users' notes and colours kept), the chunked
 * store of the last check, the two menu handlers, and the cost of a run
 * through the built bundle for 1, 10 and 1,000 rows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInstall } from '../../src/gas/handlers/install';
import { runValidate } from '../../src/gas/handlers/verifier';
import { runConsolidate } from '../../src/gas/handlers/consolider';
import { GasCellMarker, MARK_BACKGROUND } from '../../src/gas/cell-marker';
import { GasCheckStore, LAST_CHECK_KEY, loadLastCheck } from '../../src/gas/check-store';
import { gasMessages } from '../../src/domain/messages/gas';
import { NOTE_PREFIX } from '../../src/domain/messages/validation';
import { TAB } from '../../src/domain/schema/tabs';
import { buildLastCheck } from '../../src/domain/validation/last-check';
import { anomaly } from '../../src/domain/anomaly';
import { createGasEnvironment, type GasEnvironment } from '../fakes/gas';
import { SIDEBAR_STUB } from '../gas/support';
import { gasEnv } from '../gas/support';
import { SERVICE_HEADERS } from './support';

const DEC = 'Service – Déchets';
const T = "Intitulé de l'action";
const TITLE = SERVICE_HEADERS.indexOf(T);

function serviceRows(n: number, bad = true): unknown[][] {
  const rows: unknown[][] = [SERVICE_HEADERS.slice()];
  for (let i = 0; i < n; i++) {
    const line: unknown[] = SERVICE_HEADERS.map(() => '');
    line[TITLE] = `Action ${i + 1}`;
    if (bad && i === 0) line[SERVICE_HEADERS.indexOf('Date de fin')] = '31/02/2024';
    rows.push(line);
  }
  return rows;
}

/** Registry row for DEC under the Paramètres header (installed layout). */
function registerDec(env: GasEnvironment): void {
  const sheet = env.spreadsheet.sheet(TAB.parametres);
  const header = sheet.snapshot()[0];
  const col = (h: string) => header.indexOf(h);
  sheet.enter(1, col('Service'), 'Déchets');
  sheet.enter(1, col('Onglet'), DEC);
  sheet.enter(1, col('Code'), 'DEC');
}

describe('GasCellMarker', () => {
  function setup() {
    const env = createGasEnvironment({ sheets: { [DEC]: serviceRows(4, false) } });
    const sheet = env.spreadsheet.sheet(DEC);
    const marker = new GasCellMarker(env.spreadsheet as never, env.properties.getDocumentProperties() as never);
    return { env, sheet, marker };
  }

  it('puts notes and blocking colours in one call each per tab, keeping users’ notes', () => {
    const { env, sheet, marker } = setup();
    sheet.setFormat(1, 1, { note: 'Note de Julien : à valider', background: '#00ff00' });
    sheet.setFormat(3, 3, { note: `${NOTE_PREFIX}ancienne anomalie` });
    env.calls.reset();
    marker.mark(DEC, [
      { row: 2, col: 2, note: 'Intitulé obligatoire.', blocking: true },
      { row: 5, col: 1, note: 'Réf. en double.', blocking: false },
    ]);
    for (const m of ['getNotes', 'setNotes', 'getBackgrounds', 'setBackgrounds']) expect(env.calls.count(m, DEC), m).toBe(1);
    expect(env.calls.count('setNote')).toBe(0);
    expect(env.calls.count('setBackground')).toBe(0);
    expect(sheet.format(1, 1).note).toBe(`Note de Julien : à valider\n\n${NOTE_PREFIX}Intitulé obligatoire.`);
    expect(sheet.format(1, 1).background?.toLowerCase()).toBe(MARK_BACKGROUND);
    expect(sheet.format(4, 0).note).toBe(`${NOTE_PREFIX}Réf. en double.`);
    expect(sheet.format(4, 0).background ?? '#ffffff').not.toBe(MARK_BACKGROUND);
    expect(sheet.format(3, 3).note ?? '').toBe('');
  });

  it('clears its marks, restoring the colour a cell had, unless the user changed it since', () => {
    const { sheet, marker } = setup();
    sheet.setFormat(1, 1, { note: 'Note de Julien', background: '#00ff00' });
    marker.mark(DEC, [
      { row: 2, col: 2, note: 'a', blocking: true },
      { row: 3, col: 2, note: 'b', blocking: true },
    ]);
    sheet.setFormat(2, 1, { background: '#0000ff' });
    marker.clear(DEC);
    expect(sheet.format(1, 1)).toMatchObject({ note: 'Note de Julien', background: '#00ff00' });
    expect(sheet.format(2, 1).background).toBe('#0000ff');
    expect(sheet.format(2, 1).note ?? '').toBe('');
  });

  it('replaces the previous marks on the next check', () => {
    const { sheet, marker } = setup();
    marker.mark(DEC, [{ row: 2, col: 2, note: 'a', blocking: true }]);
    marker.mark(DEC, [{ row: 3, col: 3, note: 'b', blocking: false }]);
    expect(sheet.format(1, 1).note ?? '').toBe('');
    expect((sheet.format(1, 1).background ?? '#ffffff').toLowerCase()).not.toBe(MARK_BACKGROUND);
    expect(sheet.format(2, 2).note).toBe(`${NOTE_PREFIX}b`);
  });
});

describe('GasCheckStore', () => {
  it('keeps a last check over 9 KB in chunks, each under the limit, and drops leftover chunks', () => {
    const env = createGasEnvironment();
    const props = env.properties.getDocumentProperties();
    const store = new GasCheckStore(props as never);
    const many = Array.from({ length: 400 }, (_, i) =>
      anomaly({ onglet: DEC, ligne: i + 2, colonne: 'Filière', cellule: `G${i + 2}`, message: `Filière : « Textille » n’est pas dans la liste (${i}).`, bloquante: i % 3 === 0, code: 'filiere-inconnue' }),
    );
    const big = buildLastCheck(many, { date: new Date(Date.UTC(2026, 0, 1)), commande: 'verifier', utilisateur: 'a@b.fr', marques: [DEC] });
    store.save(big);
    const keys = [...props.store.keys()].filter((k) => k.startsWith(LAST_CHECK_KEY));
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys) expect(Buffer.byteLength(props.store.get(k)!, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect(store.load()).toEqual(JSON.parse(JSON.stringify(big)));
    const small = buildLastCheck(many.slice(0, 2), { date: new Date(Date.UTC(2026, 0, 2)), commande: 'consolider', utilisateur: '', marques: [] });
    store.save(small);
    expect([...props.store.keys()].filter((k) => k.startsWith(LAST_CHECK_KEY))).toEqual([LAST_CHECK_KEY, `${LAST_CHECK_KEY}.0`]);
    expect(store.load()!.total).toBe(2);
  });
});

describe('menu handlers (in-process)', () => {
  it('Vérifier les saisies: marks the cells, stores the check for the sidebar, writes no value', () => {
    const env = gasEnv();
    runInstall();
    registerDec(env);
    env.spreadsheet.seedSheet(DEC, serviceRows(3));
    const before = new Map(env.spreadsheet.sheetNames().map((n) => [n, JSON.stringify(env.spreadsheet.sheet(n).snapshot())]));
    env.calls.reset();
    runValidate();
    expect(env.ui.lastAlert!.title).toBe('Vérifier les saisies');
    expect(env.ui.lastAlert!.message).toMatch(/^1 anomalie bloquante et 0 avertissement dans 1 onglet\./);
    expect(env.calls.count('setValues')).toBe(0);
    for (const [n, grid] of before) expect(JSON.stringify(env.spreadsheet.sheet(n).snapshot()), n).toBe(grid);
    for (const [sheet, n] of env.calls.perSheet('getValues')) expect(n, sheet).toBe(1);
    const dateCol = SERVICE_HEADERS.indexOf('Date de fin');
    expect(env.spreadsheet.sheet(DEC).format(1, dateCol).note).toMatch(/^Cap Circulaire : Date de fin : le 31\/02\/2024 n'existe pas/);
    const check = loadLastCheck(env.properties as never)!;
    expect(check).toMatchObject({ commande: 'verifier', total: 1, bloquantes: 1, marques: [DEC] });
    expect(check.groupes[0].anomalies[0]).toMatchObject({ onglet: DEC, ligne: 2, cellule: 'J2', a1: `'${DEC}'!J2`, bloquante: true, code: 'date-invalide' });
    // Fixed: the next check clears the mark.
    env.spreadsheet.sheet(DEC).enter(1, dateCol, '28/02/2024');
    runValidate();
    expect(env.spreadsheet.sheet(DEC).format(1, dateCol).note ?? '').toBe('');
    expect(loadLastCheck(env.properties as never)).toMatchObject({ total: 0, marques: [] });
  });

  it('Consolider les services: rebuilds Actions, assigns Réf.s, logs, and refuses while another command runs', () => {
    const env = gasEnv();
    runInstall();
    registerDec(env);
    env.spreadsheet.seedSheet(DEC, serviceRows(3));
    runConsolidate();
    expect(env.ui.lastAlert!.title).toBe('Consolider les services');
    expect(env.ui.lastAlert!.message).toMatch(/^3 actions consolidées depuis 1 onglet de service ; 3 Réf\. attribuées ; 1 anomalie bloquante/);
    const actions = env.spreadsheet.sheet(TAB.actions).snapshot();
    const refCol = actions[0].indexOf('Réf.');
    expect(actions.slice(1).map((r) => r[refCol])).toEqual(['DEC-001', 'DEC-002', 'DEC-003']);
    expect(env.spreadsheet.sheet(DEC).snapshot().slice(1).map((r) => r[0])).toEqual(['DEC-001', 'DEC-002', 'DEC-003']);
    expect(loadLastCheck(env.properties as never)).toMatchObject({ commande: 'consolider', bloquantes: 1 });

    const snapshotBefore = JSON.stringify(env.spreadsheet.sheet(TAB.actions).snapshot());
    env.locks.document.setBusy(true);
    env.calls.reset();
    runConsolidate();
    expect(env.ui.lastAlert!.message).toBe(gasMessages.busy);
    expect(env.calls.count('getValues')).toBe(0);
    expect(env.calls.count('setValues')).toBe(0);
    expect(JSON.stringify(env.spreadsheet.sheet(TAB.actions).snapshot())).toBe(snapshotBefore);
  });

  it('writes formula-like text as text, never as a formula', () => {
    const env = gasEnv();
    runInstall();
    registerDec(env);
    const rows = serviceRows(1, false);
    rows[1][TITLE] = "'=IMPORTRANGE(\"x\";\"A1\")";
    env.spreadsheet.seedSheet(DEC, rows);
    runConsolidate();
    const sheet = env.spreadsheet.sheet(TAB.actions);
    const col = sheet.snapshot()[0].indexOf(T);
    expect(sheet.valueAt(1, col)).toBe('=IMPORTRANGE("x";"A1")');
    expect(sheet.formulaAt(1, col)).toBe('');
  });
});

describe('cost through the built bundle', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'cap-consolidation-bundle-'));
  let code = '';
  beforeAll(() => {
    const root = path.resolve(__dirname, '../..');
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out-dir', out], { cwd: root, stdio: 'pipe' });
    code = readFileSync(path.join(out, 'Code.js'), 'utf8');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const n of [1, 10, 1000]) {
    it(`reads each tab once and writes each block once for ${n} row(s) per service tab`, () => {
      const env = createGasEnvironment({ sheets: { 'Feuille 1': [] }, htmlFiles: { sidebar: SIDEBAR_STUB } });
      const ctx = env.createVmContext();
      vm.runInContext(code, ctx, { filename: 'Code.js' });
      (ctx.runInstall as () => void)();
      registerDec(env);
      const tabs = [DEC, 'Service – Achats', 'Service – Voirie'];
      for (const t of tabs) env.spreadsheet.seedSheet(t, serviceRows(n));
      env.calls.reset();
      (ctx.runConsolidate as () => void)();
      expect(env.logs.filter((l) => l.level === 'error')).toEqual([]);
      const reads = env.calls.perSheet('getValues');
      for (const [sheet, count] of reads) expect(count, `getValues ${sheet}`).toBe(1);
      expect([...reads.keys()].sort()).toEqual([TAB.afom, TAB.actions, TAB.journal, TAB.parametres, TAB.plans, ...tabs].sort());
      const writes = Object.fromEntries(env.calls.perSheet('setValues'));
      expect(writes).toEqual({ [TAB.parametres]: 1, [DEC]: 1, 'Service – Achats': 1, 'Service – Voirie': 1, [TAB.actions]: 1, [TAB.journal]: 1 });
      for (const t of tabs) {
        expect(env.calls.count('getNotes', t)).toBe(1);
        expect(env.calls.count('setNotes', t)).toBe(1);
        expect(env.calls.count('setBackgrounds', t)).toBe(1);
      }
      expect(env.spreadsheet.sheet(TAB.actions).snapshot()).toHaveLength(1 + 3 * n);

      // A second run: reads again once each, writes only its Journal row.
      env.calls.reset();
      (ctx.runConsolidate as () => void)();
      expect(Object.fromEntries(env.calls.perSheet('setValues'))).toEqual({ [TAB.journal]: 1 });
      for (const [, count] of env.calls.perSheet('getValues')) expect(count).toBe(1);

      // Vérifier: one read per tab, no value written.
      env.calls.reset();
      (ctx.runValidate as () => void)();
      for (const [sheet, count] of env.calls.perSheet('getValues')) expect(count, `getValues ${sheet}`).toBe(1);
      expect(env.calls.count('setValues')).toBe(0);
      const read = env.calls.perSheet('getValues');
      for (const t of [...tabs, TAB.parametres, TAB.plans, TAB.afom, TAB.actions, TAB.referentiel, TAB.equipe, TAB.acteurs]) expect(read.get(t), t).toBe(1);
    }, 120_000);
  }
});
