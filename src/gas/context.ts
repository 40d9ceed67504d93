/**
 * The adapters of one command run, wired over the Apps Script globals. Built
 * only inside a menu handler (never in onOpen, which may run without
 * authorization).
 */
import type { ClockPort, LockPort, UserPort } from '../app/ports';
import { CachedWorkbook } from './cached-workbook';
import { GasClock, GasLock, GasUser } from './gas-ports';
import { GasProtection } from './protection';
import { SheetsFormatter } from './sheets-formatter';
import { SheetsWorkbook } from './sheets-workbook';

export interface GasContext {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly ui: GoogleAppsScript.Base.Ui;
  /** Reads each tab at most once per command, whichever steps need it. */
  readonly workbook: CachedWorkbook;
  readonly formatter: SheetsFormatter;
  readonly protection: GasProtection;
  readonly lock: LockPort;
  readonly clock: ClockPort;
  readonly user: UserPort;
}

export function gasContext(): GasContext {
  const spreadsheet = SpreadsheetApp.getActive();
  return {
    spreadsheet,
    ui: SpreadsheetApp.getUi(),
    workbook: new CachedWorkbook(new SheetsWorkbook(spreadsheet)),
    formatter: new SheetsFormatter(spreadsheet, SpreadsheetApp),
    protection: new GasProtection(spreadsheet, Session),
    lock: new GasLock(LockService),
    clock: new GasClock(),
    user: new GasUser(Session),
  };
}
