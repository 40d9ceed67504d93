/**
 * In-memory Apps Script for tests. One environment = one spreadsheet, its UI,
 * its users, and a log of every call made on any of them.
 *
 *   const env = createGasEnvironment({ sheets: { Plans: [['Type', 'Intitulé']] } });
 *
 *   // 1. In-process, against adapters that take the services as arguments:
 *   new SheetsWorkbook(env.spreadsheet as never)
 *   // 2. In-process, code that reads globals (SpreadsheetApp, LockService…):
 *   const restore = installGasFakes(globalThis, env);  … restore();
 *   // 3. The built bundle in a node:vm context:
 *   const ctx = env.createVmContext(); vm.runInContext(code, ctx); ctx.onOpen({ authMode: 'NONE' });
 *
 *   env.calls.count('getValues', 'Plans')          // cost assertions
 *   env.calls.summary()                             // { 'Range.getValues@Plans': 1, … }
 *   env.ui.queuePrompt('Déchets').queuePrompt('a@x.fr')  // scripted prompt answers
 *   env.ui.alerts, env.ui.menus, env.ui.dialogs     // what the user saw
 *   env.locks.document.setBusy(true)                // another run holds the document lock
 *   env.setAuthMode('NONE')                         // spreadsheet access throws, as in a simple onOpen
 *
 * Other engineers extend it by adding globals (e.g. Slides, Docs fakes in
 * their own file) through `createGasEnvironment({ extraGlobals })` or by
 * assigning to `env.globals` before creating the vm context.
 */
import { FakeSheetsAdvanced } from './sheets-advanced';
import vm from 'node:vm';
import { GasCore, type FakeAuthMode, type GasUsersOptions } from './core';
import { FakeCharts } from './charts';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { FakeUi } from './ui';
import {
  FakeCacheService,
  FakeHtmlService,
  FakeLockService,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUtilities,
  fakeConsole,
  fakeLogger,
} from './services';

export * from './calls';
export * from './charts';
export * from './core';
export * from './spreadsheet';
export * from './ui';
export * from './services';
export * from './sheets-advanced';

export interface GasEnvironmentOptions extends GasUsersOptions {
  /** Tabs to create, in order, with their content from A1 (sheets are grown to hold it). */
  readonly sheets?: Readonly<Record<string, ReadonlyArray<ReadonlyArray<unknown>>>> | ReadonlyArray<readonly [string, ReadonlyArray<ReadonlyArray<unknown>>]>;
  readonly spreadsheetName?: string;
  /** Spreadsheet settings before the code under test runs (Sheets' defaults for a US account). */
  readonly locale?: string;
  readonly timeZone?: string;
  /** HTML files of the project, by name without `.html`. */
  readonly htmlFiles?: Readonly<Record<string, string>>;
  /** More globals (advanced services…), merged into `env.globals`. */
  readonly extraGlobals?: Readonly<Record<string, unknown>>;
}

export interface GasEnvironment {
  readonly core: GasCore;
  readonly calls: GasCore['calls'];
  readonly spreadsheet: FakeSpreadsheet;
  readonly spreadsheetApp: FakeSpreadsheetApp;
  readonly ui: FakeUi;
  readonly locks: FakeLockService;
  readonly session: FakeSession;
  readonly properties: FakePropertiesService;
  readonly cache: FakeCacheService;
  readonly html: FakeHtmlService;
  readonly logs: GasCore['logs'];
  /** The Apps Script globals: SpreadsheetApp, Charts, LockService, Session, PropertiesService, HtmlService, Utilities, ScriptApp, Logger, console. */
  readonly globals: Record<string, unknown>;
  setAuthMode(mode: FakeAuthMode): void;
  /** The next calls run as `email` (active and effective user): protections are checked against her. */
  actAs(email: string): void;
  /** Estimated Apps Script time of the current execution (`env.time.startRun()` at each click). */
  readonly time: GasCore['time'];
  /**
   * A fresh `node:vm` context whose globals are `env.globals`; scripts run in
   * it see the fakes, and HTML templates then see the script's functions.
   * From then on `getValues` / `getValue` hand out that context's Dates (what
   * the script would get in Apps Script); see `inProcess`.
   */
  createVmContext(): vm.Context & Record<string, unknown>;
  /**
   * Runs in-process code (a fixture loader, an adapter called from the test)
   * with the test process's Dates handed out again, as before any vm context.
   */
  inProcess<T>(fn: () => T): T;
}

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  const core = new GasCore(options);
  const spreadsheet = new FakeSpreadsheet(core, options.spreadsheetName);
  if (options.locale) spreadsheet.locale = options.locale;
  if (options.timeZone) spreadsheet.timeZone = options.timeZone;
  const ui = new FakeUi(core);
  const spreadsheetApp = new FakeSpreadsheetApp(core, spreadsheet, ui);
  const locks = new FakeLockService(core);
  const session = new FakeSession(core);
  const properties = new FakePropertiesService(core);
  const cache = new FakeCacheService(core);
  const globals: Record<string, unknown> = {};
  // Templates see the script's globals: those of the last vm context created, else env.globals.
  let scope: Record<string, unknown> = globals;
  const html = new FakeHtmlService(core, () => scope);
  for (const [name, content] of Object.entries(options.htmlFiles ?? {})) html.files.set(name, content);

  Object.assign(globals, {
    SpreadsheetApp: spreadsheetApp,
    Charts: new FakeCharts(),
    Sheets: new FakeSheetsAdvanced(core, spreadsheetApp),
    LockService: locks,
    Session: session,
    PropertiesService: properties,
    CacheService: cache,
    HtmlService: html,
    Utilities: new FakeUtilities(core),
    ScriptApp: new FakeScriptApp(core),
    Logger: fakeLogger(core),
    console: fakeConsole(core),
    ...(options.extraGlobals ?? {}),
  });

  const sheets = options.sheets ? (Array.isArray(options.sheets) ? options.sheets : Object.entries(options.sheets)) : [];
  for (const [name, grid] of sheets as Array<[string, ReadonlyArray<ReadonlyArray<unknown>>]>) spreadsheet.seedSheet(name, grid);

  return {
    core,
    calls: core.calls,
    spreadsheet,
    spreadsheetApp,
    ui,
    locks,
    session,
    properties,
    cache,
    html,
    logs: core.logs,
    globals,
    setAuthMode(mode) {
      core.authMode = mode;
    },
    actAs(email) {
      core.actAs(email);
    },
    time: core.time,
    createVmContext() {
      const ctx = vm.createContext({ ...globals }) as vm.Context & Record<string, unknown>;
      scope = ctx;
      core.scriptDate = vm.runInContext('Date', ctx) as DateConstructor;
      return ctx;
    },
    inProcess(fn) {
      const was = core.scriptDate;
      core.scriptDate = null;
      try {
        return fn();
      } finally {
        core.scriptDate = was;
      }
    },
  };
}

/**
 * Puts the environment's globals on `target` (usually `globalThis`) for code
 * run in-process; returns a function that restores what was there.
 */
export function installGasFakes(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>, env: GasEnvironment = createGasEnvironment()): () => void {
  const saved = new Map<string, { had: boolean; value: unknown }>();
  for (const [name, value] of Object.entries(env.globals)) {
    if (name === 'console') continue; // keep the test runner's console in-process
    saved.set(name, { had: Object.prototype.hasOwnProperty.call(target, name), value: target[name] });
    target[name] = value;
  }
  return () => {
    for (const [name, s] of saved) {
      if (s.had) target[name] = s.value;
      else delete target[name];
    }
  };
}
