/**
 * CellMarkerPort over SpreadsheetApp: the anomalies of a check shown on the
 * cells themselves.
 *
 * - Notes: every marked cell gets a note starting `Cap Circulaire : ` (after
 *   the user's own note when the cell has one, separated by a blank line).
 *   Our previous notes are removed; users' notes are never touched.
 * - Backgrounds: blocking cells only, in one colour, at most MAX_COLOURED_CELLS
 *   per tab (the others keep their note); the colour a cell had before is
 *   remembered and put back when the mark goes, unless the user changed it
 *   meanwhile.
 *
 * Where the colours are remembered: in the developer metadata of the marked
 * tab itself (key MARK_STATE_KEY, visibility DOCUMENT), one value per tab,
 * colours grouped as `{colour: "row:col,row:col…"}`. Its size is bounded:
 * MAX_COLOURED_CELLS cells of at most `99999:999,` (10 characters) plus a few
 * colours keep it under MAX_STATE_CHARS (20,000 characters), below the
 * 30,000 characters per sheet the fakes allow (tests/fakes/gas). It lives
 * with the tab (deleted with it, copied with it) and is written by whoever
 * may edit the tab: a service member's check marks her own tab only, and
 * nothing goes to the document's property store (500 kB shared by all).
 *
 * Cost per tab: one `getNotes` and one `getBackgrounds` over the data range
 * (grown to cover earlier marks), at most one `setNotes` and one
 * `setBackgrounds` over the same range, one `getDeveloperMetadata` and at most
 * one metadata write.
 */
import type { CellMarkerPort } from '../app/ports';
import { NOTE_PREFIX } from '../domain/messages/validation';
import { COLOURS } from '../domain/schema/colours';
import type { CellMark } from '../domain/validation/last-check';

/** Background of a blocking cell. */
export const MARK_BACKGROUND = COLOURS.red.toLowerCase();

/** Developer metadata key (on the marked tab) of the colours under our marks. */
export const MARK_STATE_KEY = 'capCirculaire.marques';

/** Blocking cells coloured per tab; beyond, notes only (the bound of the remembered state). */
export const MAX_COLOURED_CELLS = 1_500;

/** Upper bound of the remembered state, in characters (see the file comment). */
export const MAX_STATE_CHARS = 20_000;

interface MarkState {
  /** Extent marked last time (1-based, inclusive). */
  readonly rows: number;
  readonly cols: number;
  /** Colour the cells had before we coloured them → `row:col` list, comma-separated. */
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
  /** Tabs where more blocking cells than MAX_COLOURED_CELLS were found (notes only beyond). */
  readonly capped: string[] = [];

  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    /** Ignored: earlier versions kept the colours in document properties (one entry per tab, unbounded). */
    _legacyProperties?: unknown,
    /** Called before each tab is marked (progress toasts). */
    private readonly onTab?: (tab: string) => void,
  ) {}

  mark(sheetName: string, marks: readonly CellMark[]): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return;
    this.onTab?.(sheetName);
    const stored = findState(sheet);
    const state = parseState(stored?.getValue() ?? null);
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
    for (const [original, cells] of Object.entries(state?.colours ?? {})) {
      for (const cell of cells.split(',')) {
        const [r, c] = cell.split(':').map(Number);
        if (r >= 1 && c >= 1 && r <= rows && c <= cols && String(newBackgrounds[r - 1][c - 1]).toLowerCase() === MARK_BACKGROUND) newBackgrounds[r - 1][c - 1] = original;
      }
    }
    const colours: Record<string, string[]> = {};
    let coloured = 0;
    for (const m of marks) {
      if (m.row > rows || m.col > cols) continue;
      const r = m.row - 1;
      const c = m.col - 1;
      newNotes[r][c] = noteWithMark(newNotes[r][c], m.note);
      if (!m.blocking || newBackgrounds[r][c] === MARK_BACKGROUND) continue;
      if (coloured >= MAX_COLOURED_CELLS) {
        if (!this.capped.includes(sheetName)) this.capped.push(sheetName);
        continue;
      }
      const before = String(newBackgrounds[r][c] ?? '#ffffff');
      (colours[before] ??= []).push(`${m.row}:${m.col}`);
      newBackgrounds[r][c] = MARK_BACKGROUND;
      coloured++;
    }

    if (changed(notes, newNotes)) range.setNotes(newNotes);
    if (changed(backgrounds, newBackgrounds)) range.setBackgrounds(newBackgrounds);
    const next = coloured > 0 || marks.length > 0 ? JSON.stringify({ rows, cols, colours: Object.fromEntries(Object.entries(colours).map(([k, v]) => [k, v.join(',')])) }) : null;
    if (next !== null && next.length > MAX_STATE_CHARS) throw new Error(`mark state of ${sheetName} over ${MAX_STATE_CHARS} characters`);
    if (next === null) stored?.remove();
    else if (stored) {
      if (stored.getValue() !== next) stored.setValue(next);
    } else sheet.addDeveloperMetadata(MARK_STATE_KEY, next); // visibility DOCUMENT, the default
  }

  clear(sheetName: string): void {
    this.mark(sheetName, []);
  }
}

function findState(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return sheet.getDeveloperMetadata().find((m) => m.getKey() === MARK_STATE_KEY) ?? null;
}

function parseState(json: string | null): MarkState | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as MarkState;
    return typeof s.rows === 'number' && typeof s.cols === 'number' && s.colours && typeof s.colours === 'object' ? s : null;
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
