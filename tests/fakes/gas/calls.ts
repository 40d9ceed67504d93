/**
 * The record of every call made on the Apps Script fakes, so tests can assert
 * the cost contract (`calls.count('getValues', 'Plans')`) the way Apps Script
 * bills it: per call, not per cell.
 */

export interface RecordedGasCall {
  /** `SpreadsheetApp`, `Spreadsheet`, `Sheet`, `Range`, `Protection`, `Ui`, `Menu`, `LockService`, `Lock`, `Session`, `HtmlService`, … */
  readonly service: string;
  readonly method: string;
  /** Sheet the call concerns (Sheet and Range calls, and Spreadsheet calls naming one). */
  readonly sheet?: string;
  /** Dimensions of the range concerned (Range calls). */
  readonly rows?: number;
  readonly cols?: number;
  /** A1 notation of the range, or a short argument summary. */
  readonly detail?: string;
}

export interface CallFilter {
  readonly service?: string;
  readonly method?: string;
  readonly sheet?: string;
}

export class CallLog {
  private readonly list: RecordedGasCall[] = [];
  /** Set to false to stop recording (e.g. while seeding a fixture). */
  enabled = true;

  record(call: RecordedGasCall): void {
    if (this.enabled) this.list.push(call);
  }

  /** Every call, in order. */
  get all(): readonly RecordedGasCall[] {
    return this.list;
  }

  /** Calls of `method` (any service), optionally on one sheet. */
  count(method: string, sheet?: string): number {
    return this.where({ method, sheet }).length;
  }

  where(filter: CallFilter): RecordedGasCall[] {
    return this.list.filter(
      (c) =>
        (filter.service === undefined || c.service === filter.service) &&
        (filter.method === undefined || c.method === filter.method) &&
        (filter.sheet === undefined || c.sheet === filter.sheet),
    );
  }

  /** Sheets on which `method` was called, with how many times. */
  perSheet(method: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const c of this.list) if (c.method === method && c.sheet !== undefined) m.set(c.sheet, (m.get(c.sheet) ?? 0) + 1);
    return m;
  }

  /**
   * Counts keyed `Service.method@sheet`: two runs with the same summary made
   * the same calls (handy to assert a cost independent of the data's size).
   */
  summary(options: { ignore?: readonly string[] } = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.list) {
      if (options.ignore?.includes(c.method)) continue;
      const key = `${c.service}.${c.method}${c.sheet !== undefined ? `@${c.sheet}` : ''}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  reset(): void {
    this.list.length = 0;
  }

  /** Runs `fn` without recording (fixtures), then restores the previous state. */
  quietly<T>(fn: () => T): T {
    const was = this.enabled;
    this.enabled = false;
    try {
      return fn();
    } finally {
      this.enabled = was;
    }
  }
}
