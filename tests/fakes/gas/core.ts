/**
 * State shared by every fake of one environment: the call log, who is who,
 * the authorization mode. Not meant to be used directly by tests: go through
 * `createGasEnvironment()`.
 */
import { CallLog } from './calls';

export type FakeAuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

export interface GasUsersOptions {
  /** Owner of the spreadsheet: can never be removed from a protection. */
  readonly owner?: string;
  /** `Session.getActiveUser()`: the person at the keyboard ('' when Google does not tell, e.g. consumer accounts). */
  readonly activeUser?: string;
  /** `Session.getEffectiveUser()`: whom the script runs as; never removable from a protection it creates. */
  readonly effectiveUser?: string;
  /** Other people the spreadsheet is shared with in edit mode: a new protection starts with them as editors. */
  readonly spreadsheetEditors?: readonly string[];
}

export class GasCore {
  readonly calls = new CallLog();
  readonly owner: string;
  activeUser: string;
  effectiveUser: string;
  readonly spreadsheetEditors: string[];
  /** Messages written through `console` and `Logger`. */
  readonly logs: Array<{ level: string; message: string }> = [];
  authMode: FakeAuthMode = 'FULL';
  /**
   * The `Date` of the realm the script under test runs in (set by
   * `createVmContext()`): values read through the API (`getValues`,
   * `getValue`) are handed out as that realm's Dates, as Apps Script hands
   * the script its own Dates, so `v instanceof Date` holds in the bundle.
   * Null: the test process's own Date (in-process code).
   */
  scriptDate: DateConstructor | null = null;
  private nextId = 1000;

  constructor(users: GasUsersOptions = {}) {
    this.owner = users.owner ?? 'cheffe.projet@agglo-exemple.fr';
    this.effectiveUser = users.effectiveUser ?? this.owner;
    this.activeUser = users.activeUser ?? this.effectiveUser;
    this.spreadsheetEditors = [...(users.spreadsheetEditors ?? [])];
  }

  /** The time model: what the calls of the current run would have taken in Apps Script. */
  readonly time = new TimeModel();

  /** Someone else at the keyboard: the script now runs as `email` (menu commands run as the person who clicks). */
  actAs(email: string): void {
    this.activeUser = email;
    this.effectiveUser = email;
  }

  record(service: string, method: string, extra: { sheet?: string; rows?: number; cols?: number; detail?: string } = {}): void {
    if (!this.calls.enabled) return;
    this.calls.record({ service, method, ...extra });
    this.time.charge(service, method, (extra.rows ?? 0) * (extra.cols ?? 0));
  }

  /** Whom the script acts as: permissions (protections) are checked against this user. */
  get actor(): string {
    return this.effectiveUser.toLowerCase();
  }

  isOwner(email: string = this.actor): boolean {
    return email.toLowerCase() === this.owner.toLowerCase();
  }

  /** A value on its way to the script: a Date becomes one of the script's realm. */
  toScript<T>(v: T): T {
    if (this.scriptDate && isDate(v)) return new this.scriptDate(v.getTime()) as unknown as T;
    return v;
  }

  newId(): number {
    return this.nextId++;
  }

  /**
   * Apps Script refuses services that need authorization in `AuthMode.NONE`
   * (a simple `onOpen` in a file the user has not authorised): so do we.
   */
  /** Locks this execution holds (FakeLock keeps it up to date). */
  readonly locksHeld = new Set<string>();

  /**
   * An alert or a prompt waits for a person's click: holding the document lock meanwhile
   * would keep every other user's command waiting (then refused) for as long as she takes
   * (https://developers.google.com/apps-script/reference/lock : a lock should be held for as
   * short a time as possible). The fake refuses it.
   */
  refuseWaitWhileLocked(what: string): void {
    if (this.locksHeld.size > 0) throw new Error(`fake: ${what} while holding the ${[...this.locksHeld].join(', ')} lock — release it before waiting for a person.`);
  }

  requireAuth(what: string): void {
    if (this.authMode === 'NONE' || this.authMode === 'CUSTOM_FUNCTION') {
      throw new Error(`Exception: You do not have permission to call ${what} (fake AuthMode.${this.authMode}).`);
    }
  }
}

/**
 * Google's message when a script writes where its user may not edit
 * (https://support.google.com/docs/answer/1218656 : protected ranges and sheets).
 */
export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * Apps Script stops a run after 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations : "Script runtime
 * 6 min / execution"). Every recorded call is charged an estimate of what it costs in
 * Apps Script: a round trip to the document service takes tens of milliseconds
 * (https://developers.google.com/apps-script/guides/support/best-practices#minimize_calls_to_other_services :
 * "calls to other services … are much slower than JavaScript operations"), plus a share for
 * every cell a range call moves, and advanced-service calls (HTTP requests) cost more.
 * The estimate is deliberately pessimistic: runs must stay under RUN_BUDGET_MS (5 minutes,
 * a minute of margin below Google's limit); past RUN_LIMIT_MS the fake throws Google's message.
 */
export const RUN_LIMIT_MS = 6 * 60_000;
export const RUN_BUDGET_MS = 5 * 60_000;

/** Services whose calls are local to the script (no round trip). */
const LOCAL_SERVICES = new Set(['Ui', 'Menu', 'Logger', 'console', 'Utilities', 'EmbeddedChartBuilder', 'HtmlService', 'HtmlOutput']);
const LOCAL_METHODS = new Set(['newDataValidation', 'newConditionalFormatRule', 'newRichTextValue', 'getUi', 'getActive', 'getActiveSpreadsheet']);

export class TimeModel {
  /** Milliseconds charged per call to a document service (Spreadsheet, Sheet, Range, Protection, Properties…). */
  static readonly CALL_MS = 40;
  /** Per cell moved by a range call (getValues, setValues, setNotes, getBackgrounds…). */
  static readonly CELL_MS = 0.02;
  /** Per advanced-service call (Slides, Docs, Sheets API: one HTTP request each). */
  static readonly API_MS = 400;
  /** `SpreadsheetApp.flush()` applies every pending change. */
  static readonly FLUSH_MS = 300;

  private ms = 0;
  /** When false, calls are not charged (fixtures). */
  enabled = true;
  /** Limit enforced as Google does (throws once passed); null disables. */
  limitMs: number | null = RUN_LIMIT_MS;

  /** A new execution starts (a menu click, a trigger). */
  startRun(): void {
    this.ms = 0;
  }

  /** Estimated milliseconds of the current execution so far. */
  get elapsedMs(): number {
    return this.ms;
  }

  charge(service: string, method: string, cells: number): void {
    if (!this.enabled) return;
    this.ms += TimeModel.cost(service, method, cells);
    if (this.limitMs !== null && this.ms > this.limitMs) {
      const spent = Math.round(this.ms / 1000);
      this.ms = 0;
      throw new Error(`Exceeded maximum execution time (fake time model: about ${spent} s estimated for this run).`);
    }
  }

  static cost(service: string, method: string, cells: number): number {
    if (LOCAL_SERVICES.has(service) || LOCAL_METHODS.has(method) || service === 'Lock' || service === 'LockService' || service === 'Session') return 1;
    if (service.startsWith('Slides') || service.startsWith('Docs') || service === 'Sheets') return TimeModel.API_MS;
    if (method === 'flush') return TimeModel.FLUSH_MS;
    return TimeModel.CALL_MS + (service === 'Range' ? cells * TimeModel.CELL_MS : 0);
  }
}

export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

/** Cross-realm Date test (values built inside a `node:vm` context are another realm's Dates). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
