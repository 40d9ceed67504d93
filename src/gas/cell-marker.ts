/**
 * CellMarkerPort over SpreadsheetApp: the anomalies of a check shown on the
 * cells themselves.
 *
 * - Notes: every marked cell gets a note starting `Cap Circulaire : ` (after
 *   the user's own note when the cell has one, separated by a blank line).
 *   Our previous notes are removed; users' notes are never touched.
 * - Backgrounds: blocking cells only, in one colour; the colour a cell had
 *   before is remembered (DocumentProperties, per sheet id) and put back when
 *   the mark goes, unless the user changed it meanwhile.
 *
 * Cost per tab: one `getNotes` and one `getBackgrounds` over the data range
 * (grown to cover earlier marks), at most one `setNotes` and one
 * `setBackgrounds` over the same range, one read and one write of the
 * remembered colours.
 */
import type { CellMarkerPort } from '../app/ports';
import { NOTE_PREFIX } from '../domain/messages/validation';
import { COLOURS } from '../domain/schema/colours';
import type { CellMark } from '../domain/validation/last-check';
import { readChunked, writeChunked } from './chunked-properties';

/** Background of a blocking cell. */
export const MARK_BACKGROUND = COLOURS.red.toLowerCase();

/** Where the colours under our marks are remembered, per sheet id. */
export const MARK_STATE_PREFIX = 'capCirculaire.marques.';

interface MarkState {
  /** Extent marked last time (1-based, inclusive). */
  readonly rows: number;
  readonly cols: number;
  /** `row:col` → the background the cell had before we coloured it. */
  readonly colours: Readonly<Record<string, string>>;
}

const SEPARATOR = '\n\n';

/** The user's part of a note (ours removed): ours starts the note or follows a blank line. */
export function userPartOfNote(note: string): string {
  if (note.startsWith(NOTE_PREFIX)) return '';
  const i = note.indexOf(SEPARATOR + NOTE_PREFIX);
  return i < 0 ? note : note.slice(0, i);
}

export function noteWithMark(userNote: string, message: string): string {
  const ours = NOTE_PREFIX + message;
  return userNote ? userNote + SEPARATOR + ours : ours;
}

export class GasCellMarker implements CellMarkerPort {
  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly properties: GoogleAppsScript.Properties.Properties,
  ) {}

  mark(sheetName: string, marks: readonly CellMark[]): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return;
    const key = MARK_STATE_PREFIX + sheet.getSheetId();
    const state = parseState(readChunked(this.properties, key));
    if (marks.length === 0 && !state) {
      // Nothing of ours is remembered: still look for stale notes over the data.
      if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) return;
    }
    let rows = Math.max(sheet.getLastRow(), state?.rows ?? 0, 1);
    let cols = Math.max(sheet.getLastColumn(), state?.cols ?? 0, 1);
    for (const m of marks) {
      rows = Math.max(rows, m.row);
      cols = Math.max(cols, m.col);
    }
    rows = Math.min(rows, sheet.getMaxRows());
    cols = Math.min(cols, sheet.getMaxColumns());
    const range = sheet.getRange(1, 1, rows, cols);
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();

    const newNotes = notes.map((line) => line.map((n) => userPartOfNote(n ?? '')));
    const newBackgrounds = backgrounds.map((line) => line.slice());
    for (const [cell, original] of Object.entries(state?.colours ?? {})) {
      const [r, c] = cell.split(':').map(Number);
      if (r <= rows && c <= cols && String(newBackgrounds[r - 1][c - 1]).toLowerCase() === MARK_BACKGROUND) newBackgrounds[r - 1][c - 1] = original;
    }
    const colours: Record<string, string> = {};
    for (const m of marks) {
      if (m.row > rows || m.col > cols) continue;
      const r = m.row - 1;
      const c = m.col - 1;
      newNotes[r][c] = noteWithMark(newNotes[r][c], m.note);
      if (m.blocking) {
        colours[`${m.row}:${m.col}`] = newBackgrounds[r][c];
        newBackgrounds[r][c] = MARK_BACKGROUND;
      }
    }

    if (changed(notes, newNotes)) range.setNotes(newNotes);
    if (changed(backgrounds, newBackgrounds)) range.setBackgrounds(newBackgrounds);
    const next: MarkState | null = marks.length > 0 ? { rows, cols, colours } : null;
    if (next || state) writeChunked(this.properties, key, next ? JSON.stringify(next) : null);
  }

  clear(sheetName: string): void {
    this.mark(sheetName, []);
  }
}

function parseState(json: string | null): MarkState | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as MarkState;
    return typeof s.rows === 'number' && typeof s.cols === 'number' && s.colours ? s : null;
  } catch {
    return null;
  }
}

function changed(a: ReadonlyArray<ReadonlyArray<string | null>>, b: ReadonlyArray<ReadonlyArray<string | null>>): boolean {
  for (let r = 0; r < a.length; r++) {
    for (let c = 0; c < a[r].length; c++) if ((a[r][c] ?? '') !== (b[r][c] ?? '')) return true;
  }
  return false;
}
