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
  readonly activeUser: string;
  readonly effectiveUser: string;
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

  record(service: string, method: string, extra: { sheet?: string; rows?: number; cols?: number; detail?: string } = {}): void {
    this.calls.record({ service, method, ...extra });
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
  requireAuth(what: string): void {
    if (this.authMode === 'NONE' || this.authMode === 'CUSTOM_FUNCTION') {
      throw new Error(`Exception: You do not have permission to call ${what} (fake AuthMode.${this.authMode}).`);
    }
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
