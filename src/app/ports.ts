/**
 * The small ports every use case is written against. The Apps Script
 * adapters (src/gas) and the offline adapters (src/node) implement them; a use
 * case never knows which one it runs on.
 *
 * Cost contract (Apps Script): `read` is one `getValues()` of the tab's data
 * range and `write` is one `setValues()` of one rectangular block. Use cases
 * read everything they need first, compute, then write; never interleave.
 */
import type { Grid } from '../domain/table/cell';
import type { SheetFormat } from '../domain/install/format';
import type { CellMark, LastCheck } from '../domain/validation/last-check';

export interface WorkbookPort {
  /** Tab names in their order in the workbook. */
  sheetNames(): string[];
  /** The whole used range of a tab, from A1 (empty grid for an empty tab). One bulk read. */
  read(sheet: string): Grid;
  /**
   * Writes a rectangular block whose top-left cell is (row, col), 0-based.
   * Strings starting with `=`, `+`, `-` or `@` are written as text, never as formulas.
   */
  write(sheet: string, row: number, col: number, values: Grid): void;
  /** Creates an empty tab at the given position (0-based). */
  createSheet(name: string, index: number): void;
}

/** Formatting, validations, colours, protections: never cell values. Idempotent. */
export interface FormatterPort {
  applyFormat(sheet: string, format: SheetFormat): void;
}

export interface ClockPort {
  now(): Date;
}

export interface LogPort {
  info(message: string): void;
  warn(message: string): void;
}

/** A document-wide lock (LockService in Apps Script, a lock file offline). */
export interface LockPort {
  /** Returns false when another run holds the lock after waiting `timeoutMs`. */
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/** Who runs the command, for the Journal. */
export interface UserPort {
  email(): string;
}

/**
 * Marks anomalies on cells (Apps Script: notes prefixed `Cap Circulaire : `,
 * a background on blocking cells). `mark` replaces the marks this port put on
 * the tab before; users' own notes and colours are kept. Offline: not needed.
 */
export interface CellMarkerPort {
  mark(sheet: string, marks: readonly CellMark[]): void;
  /** Removes this port's marks from the tab (a no-op when it has none, or no longer exists). */
  clear(sheet: string): void;
}

/** Where the last check is kept for the sidebar (Apps Script: DocumentProperties). */
export interface CheckStorePort {
  load(): LastCheck | null;
  save(check: LastCheck): void;
}
