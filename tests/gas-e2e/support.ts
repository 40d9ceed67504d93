/**
 * The add-on as a project lead meets it: the built bundle (`node scripts/build.mjs`)
 * loaded in a `node:vm` context whose globals are the Apps Script fakes, driven
 * through the functions its menu names. `Lead.run('runConsolidate')` is a click on
 * the menu item: it returns what the person saw (alerts, dialogs, the tab shown)
 * and what it cost (every recorded call).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { loadSample, type SampleFile } from '../../src/app/load-sample';
import { TAB, isServiceTabName } from '../../src/domain/schema/tabs';
import { SheetsWorkbook } from '../../src/gas/sheets-workbook';
import { MENU, visibleEntries, type MenuEntry } from '../../src/gas/menu';
import { readSampleFolder } from '../../src/node/sample';
import { createGasEnvironment, type AlertRecord, type DialogRecord, type FakeValue, type GasEnvironment, type RecordedGasCall } from '../fakes/gas';
import { FakeDocsService, FakeSlidesService } from '../fakes/gas/reports-fakes';

export const ROOT = path.resolve(__dirname, '../..');
export const SAMPLE_DIR = path.join(ROOT, 'sheets-templates/val-de-loue');

/** The built project, in a folder of its own (other test files may be building dist/ meanwhile). */
export interface Built {
  readonly code: string;
  readonly sidebarHtml: string;
  cleanup(): void;
}

export function buildBundle(): Built {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cap-circulaire-e2e-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out-dir', outDir], { cwd: ROOT, stdio: 'pipe' });
  return {
    code: readFileSync(path.join(outDir, 'Code.js'), 'utf8'),
    sidebarHtml: readFileSync(path.join(outDir, 'sidebar.html'), 'utf8'),
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

export async function readSample(): Promise<SampleFile[]> {
  return readSampleFolder(SAMPLE_DIR);
}

/** What one menu command did, as seen by the person and as billed by Apps Script. */
export interface Click {
  readonly fn: string;
  readonly alerts: AlertRecord[];
  readonly dialogs: DialogRecord[];
  readonly toasts: Array<{ message: string; title?: string }>;
  /** The tab shown when the command returned. */
  readonly activeTab: string;
  readonly calls: RecordedGasCall[];
  /** Errors logged (console.error) during the command: an unexpected error the user saw in an alert. */
  readonly errors: string[];
  /** Apps Script time the run would take, by the fakes' time model (tests/fakes/gas/core.ts). */
  readonly estimatedMs: number;
  /** Who clicked. */
  readonly user: string;
  /** Wall-clock time the fakes took (for the test suite's own budget). */
  readonly wallMs: number;
}

/** Who shares the spreadsheet (owner, editors) when a Lead is created. */
export interface LeadOptions {
  readonly owner?: string;
  /** Whom the commands run as at first (default: the owner). */
  readonly user?: string;
  readonly spreadsheetEditors?: readonly string[];
}

/** Calls that change the file or the document's state (anything but reads, UI and locks). */
export const WRITE_METHOD = /^(set|insert|delete|clear|remove|merge|breakApart|protect|create|add(Editor|Editors)$|update|copy|move|hide|show(Sheet)$|activate|rename|append|batchUpdate|deleteProperty|deleteAll)/;

export function writesOf(calls: readonly RecordedGasCall[]): RecordedGasCall[] {
  return calls.filter(
    (c) =>
      !['Ui', 'Menu', 'Lock', 'LockService', 'HtmlService', 'Logger'].includes(c.service) &&
      !(c.service === 'SpreadsheetApp' && ['getUi', 'getActive', 'getActiveSpreadsheet', 'flush', 'newDataValidation', 'newConditionalFormatRule', 'newRichTextValue'].includes(c.method)) &&
      WRITE_METHOD.test(c.method),
  );
}

export class Lead {
  readonly env: GasEnvironment;
  readonly ctx: Record<string, unknown>;
  readonly slides: FakeSlidesService;
  readonly docs: FakeDocsService;
  readonly clicks: Click[] = [];

  constructor(built: Built, users: LeadOptions = {}) {
    this.env = createGasEnvironment({
      sheets: { 'Feuille 1': [] },
      htmlFiles: { sidebar: built.sidebarHtml },
      ...(users.owner ? { owner: users.owner } : {}),
      ...(users.user ? { activeUser: users.user, effectiveUser: users.user } : {}),
      spreadsheetEditors: users.spreadsheetEditors ?? [],
    });
    this.slides = new FakeSlidesService(this.env.core);
    this.docs = new FakeDocsService(this.env.core);
    this.env.globals.Slides = this.slides;
    this.env.globals.Docs = this.docs;
    this.ctx = this.env.createVmContext();
    vm.runInContext(built.code, this.ctx, { filename: 'Code.js' });
  }

  /** A click on the menu item naming `fn` (or a trigger): the call log starts afresh. */
  run(fn: string, ...args: unknown[]): Click {
    const { env } = this;
    const f = this.ctx[fn];
    if (typeof f !== 'function') throw new Error(`Code.js has no top-level function ${fn}`);
    env.calls.reset();
    env.time.startRun();
    const alerts = env.ui.alerts.length;
    const dialogs = env.ui.dialogs.length;
    const toasts = env.spreadsheet.toasts.length;
    const logs = env.logs.length;
    const started = Date.now();
    (f as (...a: unknown[]) => unknown)(...args);
    const wallMs = Date.now() - started;
    const click: Click = {
      fn,
      alerts: env.ui.alerts.slice(alerts),
      dialogs: env.ui.dialogs.slice(dialogs),
      toasts: env.spreadsheet.toasts.slice(toasts),
      activeTab: env.calls.quietly(() => env.spreadsheet.getActiveSheet().getName()),
      calls: [...env.calls.all],
      errors: env.logs.slice(logs).filter((l) => l.level === 'error').map((l) => l.message),
      estimatedMs: env.time.elapsedMs,
      user: env.core.effectiveUser,
      wallMs,
    };
    this.clicks.push(click);
    return click;
  }

  /** The next clicks are made by `email` (an editor of the spreadsheet, or its owner). */
  as(email: string): this {
    this.env.actAs(email);
    return this;
  }

  /** Fills the tabs with the sample territory's data, as the services and the lead would type it (not recorded). */
  loadSample(files: readonly SampleFile[]): ReturnType<typeof loadSample> {
    const names = new Set(this.env.spreadsheet.sheetNames());
    // Services added through the menu are registered already: the sample's registry rows for their tabs would be duplicates.
    const sample = files.map((f) => {
      const c = f.content as Record<string, unknown>;
      if (c.tab !== TAB.parametres || !Array.isArray(c.services)) return f;
      return { file: f.file, content: { ...c, services: (c.services as Array<Record<string, unknown>>).filter((s) => !names.has(String(s['Onglet']))) } };
    });
    return this.quietly(() => loadSample(sample, this.workbook()));
  }

  /** In-process work on the spreadsheet (fixtures), unrecorded and with the test process's Dates. */
  quietly<T>(fn: () => T): T {
    return this.env.calls.quietly(() => this.env.inProcess(fn));
  }

  workbook(): SheetsWorkbook {
    return new SheetsWorkbook(this.env.spreadsheet as never);
  }

  tabs(): string[] {
    return this.env.spreadsheet.sheetNames();
  }

  serviceTabs(): string[] {
    return this.tabs().filter(isServiceTabName);
  }

  values(tab: string): FakeValue[][] {
    return this.env.spreadsheet.sheet(tab).snapshot();
  }

  /** Every tab's values (to prove a command wrote nothing). */
  everything(): Record<string, FakeValue[][]> {
    return Object.fromEntries(this.tabs().map((t) => [t, this.values(t)]));
  }
}

/** Rows of a table whose header row holds `firstHeader`: header index and data rows (blank rows dropped). */
export function table(values: FakeValue[][], firstHeader: string): { header: string[]; rows: FakeValue[][]; headerRow: number } {
  const headerRow = values.findIndex((r) => r.includes(firstHeader));
  if (headerRow < 0) throw new Error(`No header ${firstHeader}`);
  const header = values[headerRow].map(String);
  const rows: FakeValue[][] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const line = values[r];
    if (line.every((v) => v === '')) break;
    rows.push(line);
  }
  return { header, rows, headerRow };
}

export function col(header: readonly string[], name: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`Column ${name} not in ${JSON.stringify(header)}`);
  return i;
}

/** Items of the menu as declared today: `Générer` ones included, once they are there. */
export function menuItems(entries: readonly MenuEntry[] = visibleEntries(MENU), within = ''): Array<{ label: string; handler: string; within: string }> {
  return entries.flatMap((e) => ('submenu' in e ? menuItems(e.submenu, e.label) : 'handler' in e ? [{ label: e.label, handler: e.handler as string, within }] : []));
}

/** Service rows typed in a service tab: header on row 1, every non-empty row below. */
export function serviceRows(values: FakeValue[][]): FakeValue[][] {
  return values.slice(1).filter((r) => r.some((v) => v !== ''));
}

/** `getValues` calls per tab. */
export function readsPerTab(calls: readonly RecordedGasCall[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of calls) if (c.method === 'getValues' && c.sheet !== undefined) m.set(c.sheet, (m.get(c.sheet) ?? 0) + 1);
  return m;
}

export function perTab(calls: readonly RecordedGasCall[], method: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) if (c.method === method && c.sheet !== undefined) out[c.sheet] = (out[c.sheet] ?? 0) + 1;
  return out;
}

/** `Service.method@sheet` → count, the way CallLog.summary keys them. */
export function summary(calls: readonly RecordedGasCall[], ignore: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) {
    if (ignore.includes(c.method)) continue;
    const key = `${c.service}.${c.method}${c.sheet !== undefined ? `@${c.sheet}` : ''}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
