/**
 * The live check's Apps Script bundle (scripts/google/build-harness.mjs) in a
 * node:vm context with the Apps Script fakes, where `SpreadsheetApp.getUi()`
 * throws as it does in a run started through the Apps Script API: the
 * add-on's own menu functions fail there, `capE2e` runs them to the end and
 * returns what the user would have read.
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../src/domain/schema/tabs';
import { createGasEnvironment, type GasEnvironment } from '../fakes/gas';
import type { HarnessResult } from '../../src/node/google/e2e';
import { buildRoot, type BuiltRoot } from './support';

// Google's message when a script run through the API asks for the Ui.
const NO_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

let code: string;
let addon: BuiltRoot;
beforeAll(async () => {
  const { buildHarness } = await import('../../scripts/google/build-harness.mjs');
  code = await buildHarness();
  addon = buildRoot();
});
afterAll(() => addon?.cleanup());

/**
 * A run through the Apps Script API: getUi() throws, and the bound-only
 * getActive()/getActiveSpreadsheet() give nothing
 * (https://developers.google.com/apps-script/guides/bound: "not available" via the API).
 */
function apiContext(bundle = code): { env: GasEnvironment; ctx: vm.Context & Record<string, unknown> } {
  const env = createGasEnvironment({ sheets: { 'Feuille 1': [] } });
  const ctx = env.createVmContext();
  const real = ctx.SpreadsheetApp as Record<string | symbol, unknown>;
  ctx.SpreadsheetApp = new Proxy(real, {
    get(target, prop) {
      if (prop === 'getUi') {
        return () => {
          throw new Error(NO_UI);
        };
      }
      if (prop === 'getActive' || prop === 'getActiveSpreadsheet') return () => null;
      const v = target[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  vm.runInContext(bundle, ctx, { filename: 'Code.js' });
  return { env, ctx };
}

/** capE2e as e2e.ts calls it: handler, answers, no cursor, the bench's id. */
function run(ctx: Record<string, unknown>, env: GasEnvironment, handler: string, answers: string[] = []): HarnessResult {
  return (ctx.capE2e as (h: string, a: string[], s: null, id: string) => HarnessResult)(handler, answers, null, env.spreadsheet.getId());
}

describe('e2e harness bundle', () => {
  it('exports every function of the add-on plus capE2e and capE2eReset as top-level functions', () => {
    for (const fn of ['onOpen', 'runInstall', 'runAddService', 'runValidate', 'runConsolidate', 'runExportTet', 'runGenererCopil', 'capE2e', 'capE2eReset']) {
      expect(code).toMatch(new RegExp(`\\nfunction ${fn}\\(\\) \\{ return CapCirculaire\\.${fn}\\.apply\\(this, arguments\\); \\}`));
    }
  });

  it('the add-on as built (dist/Code.js) cannot run a menu item through the API (no Ui); capE2e runs the same handler and returns its alert', () => {
    const built = apiContext(addon.dist['Code.js']);
    expect(() => (built.ctx.runInstall as () => void)()).toThrow();
    expect(built.env.spreadsheet.sheetNames()).toEqual(['Feuille 1']);

    const { env, ctx } = apiContext();
    const result = run(ctx, env, 'runInstall');
    expect(result.ok).toBe(true);
    expect(result.alerts).toHaveLength(1);
    expect(result.alerts[0]).toMatch(/^Installer ou mettre à jour le classeur — Le classeur a été mis à jour/);
    for (const t of TABS) expect(env.spreadsheet.sheetNames()).toContain(t.name);
  });

  it('answers the prompts of Ajouter un service from the queue, `$me` being the account running it', () => {
    const { env, ctx } = apiContext();
    run(ctx, env, 'runInstall');
    const me = (ctx.Session as { getActiveUser(): { getEmail(): string } }).getActiveUser().getEmail();
    const result = run(ctx, env, 'runAddService', ['Déchets', '$me']);
    expect(result.ok).toBe(true);
    expect(result.prompts).toHaveLength(2);
    expect(env.spreadsheet.sheetNames()).toContain('Service – Déchets');
    expect(result.alerts.join('\n')).toContain('Déchets');
    expect(result.alerts.join('\n')).not.toContain('$me');
    expect(me).toMatch(/@/);
  });

  it('a prompt left without an answer is a Cancel: nothing is added', () => {
    const { env, ctx } = apiContext();
    run(ctx, env, 'runInstall');
    const result = run(ctx, env, 'runAddService', []);
    expect(result.ok).toBe(true);
    expect(env.spreadsheet.sheetNames().filter((n) => n.startsWith('Service – '))).toEqual([]);
  });

  it('says which handler does not exist instead of throwing', () => {
    const { ctx, env } = apiContext();
    const result = run(ctx, env, 'runNothing');
    expect(result).toMatchObject({ ok: false, error: 'fonction inconnue : runNothing' });
  });

  it('capE2eReset forgets what earlier runs stored in the document’s properties', () => {
    const { ctx } = apiContext();
    const props = (ctx.PropertiesService as { getDocumentProperties(): { setProperty(k: string, v: string): unknown; getKeys(): string[] } }).getDocumentProperties();
    props.setProperty('cap.marks', '{}');
    (ctx.capE2eReset as () => void)();
    expect(props.getKeys()).toEqual([]);
  });
});
