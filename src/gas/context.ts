/**
 * The adapters of one command run, wired over the Apps Script globals. Built
 * only inside a menu handler (never in onOpen, which may run without
 * authorization).
 */
import type { ClockPort, LockPort, UserPort } from '../app/ports';
import { readAccess, type Access } from './access';
import { CachedWorkbook } from './cached-workbook';
import { frenchToast, frenchUi } from './french-ui';
import { GasClock, GasLock, GasUser } from './gas-ports';
import { GasProtection } from './protection';
import { SheetsFormatter } from './sheets-formatter';
import { SheetsWorkbook } from './sheets-workbook';
import { readRangeBlockers, type RangeBlocker } from './write-guard';

export interface GasContext {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Inside `runCommand`, alerts and dialogs are shown once the document lock is released. */
  readonly ui: GoogleAppsScript.Base.Ui;
  /** Reads each tab at most once per command, whichever steps need it. */
  readonly workbook: CachedWorkbook;
  readonly formatter: SheetsFormatter;
  readonly protection: GasProtection;
  readonly lock: LockPort;
  readonly clock: ClockPort;
  readonly user: UserPort;
  /** Which tabs the person running the command may edit (read once, on first use). */
  access(): Access;
  /** Range protections made by hand that the person may not pass (read once, on first use; write-guard.ts). */
  rangeBlockers(): readonly RangeBlocker[];
  /** Runs `fn` after the command, once the lock is released (the sidebar, a follow-up dialog). */
  later(fn: () => void): void;
  /** A progress toast (bottom right), for runs that last more than a few seconds. */
  progress(message: string): void;
}

export function gasContext(queue: Array<() => void> = []): GasContext {
  const spreadsheet = SpreadsheetApp.getActive();
  let access: Access | null = null;
  let blockers: readonly RangeBlocker[] | null = null;
  return {
    spreadsheet,
    ui: frenchUi(SpreadsheetApp.getUi()),
    workbook: new CachedWorkbook(new SheetsWorkbook(spreadsheet)),
    formatter: new SheetsFormatter(spreadsheet, SpreadsheetApp),
    protection: new GasProtection(spreadsheet, Session),
    lock: new GasLock(LockService),
    clock: new GasClock(),
    user: new GasUser(Session),
    access: () => (access ??= readAccess(spreadsheet)),
    rangeBlockers: () => (blockers ??= readRangeBlockers(spreadsheet)),
    later: (fn) => void queue.push(fn),
    progress: (message) => frenchToast(spreadsheet, message, 'Cap Circulaire', -1),
  };
}
