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
 * The previous version kept the colours in the document's properties
 * (LEGACY_MARK_PREFIX + sheet id, chunked as chunked-properties.ts writes
 * them, JSON `{rows, cols, colours: {"row:col": colour}}`, unbounded). Given
 * that store, the marker puts those colours back the first time it marks or
 * clears the tab (cells still in our red only), then deletes the tab's old
 * properties: `migrateLegacy` does it up front for every such tab the person
 * may write to, so a workbook last checked by the previous version loses none
 * of its colours, whatever this check marks. Once done, nothing is left to
 * migrate: idempotent, one `getProperties` per run to find out.
 *
 * A tab where a range protection made by hand keeps the person out
 * (write-guard.ts; `blockers`) is left alone, neither marked nor cleared, and
 * listed in `protectedTabs` for the summary: Google would refuse the notes,
 * colours or metadata partway through the run.
 *
 * Cost per tab: one `getNotes` and one `getBackgrounds` over the data range
 * (grown to cover earlier marks), at most one `setNotes` and one
 * `setBackgrounds` over the same range, one `getDeveloperMetadata` and at most
 * one metadata write.
 */
import type { CellMarkerPort } from '../app/ports';
import { gasMessages } from '../domain/messages/gas';
import { NOTE_PREFIX } from '../domain/messages/validation';
import { COLOURS } from '../domain/schema/colours';
import type { CellMark } from '../domain/validation/last-check';
import { chunkedValue } from './chunked-properties';
import type { RangeBlocker } from './write-guard';

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

/** Document property prefix of the previous version's colours: `<prefix><sheetId>` (chunk count), `<prefix><sheetId>.<i>` (chunks). */
export const LEGACY_MARK_PREFIX = 'capCirculaire.marques.';

const LEGACY_KEY = /^capCirculaire\.marques\.(\d+)(?:\.(\d+))?$/;

/** What the previous version remembered of one tab. */
interface LegacyState {
  readonly rows: number;
  readonly cols: number;
  /** `row:col` → the background the cell had before it was coloured. */
  readonly colours: Readonly<Record<string, string>>;
}

interface LegacyEntry {
  /** Null when its chunks are missing or unreadable (a run stopped while deleting them). */
  readonly state: LegacyState | null;
  /** Every property of the tab, chunks first, the count last (deleted in this order). */
  readonly keys: readonly string[];
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
  /** Tabs left unmarked because of a hand-made protection, with the ranges in the way. */
  readonly protectedTabs: Array<{ readonly tab: string; readonly ranges: readonly RangeBlocker[] }> = [];
  /** Cells whose colour, remembered by the previous version, was put back during this run. */
  legacyRestored = 0;
  /** The previous version's colours by sheet id, read once (null until needed). */
  private legacyEntries: Map<number, LegacyEntry> | null = null;

  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    /** The document's properties, where the previous version kept the colours (null: nothing to migrate). */
    private readonly legacyProperties: GoogleAppsScript.Properties.Properties | null = null,
    /** Called before each tab is marked (progress toasts). */
    private readonly onTab?: (tab: string) => void,
    /** Hand-made range protections the person may not pass: their tabs are left alone. */
    private readonly blockers: readonly RangeBlocker[] = [],
  ) {}

  /** What the summary says about the marks beyond the anomalies (French, one paragraph each). */
  notices(): string[] {
    return [
      ...this.protectedTabs.map((p) => gasMessages.marks.protectedTab(p.tab, p.ranges.map((r) => r.a1))),
      ...this.capped.map((t) => gasMessages.marks.capped(t, MAX_COLOURED_CELLS)),
      ...(this.legacyRestored > 0 ? [gasMessages.marks.legacyRestored(this.legacyRestored)] : []),
    ];
  }

  /**
   * Clears the previous version's marks from every tab it remembered colours of and `mayWrite`
   * allows (restoring those colours), and forgets the tabs deleted since. Tabs left out keep their
   * old properties until someone who may write to them runs a check.
   */
  migrateLegacy(mayWrite: (tab: string) => boolean): void {
    const legacy = this.legacy();
    if (legacy.size === 0) return;
    const byId = new Map(this.spreadsheet.getSheets().map((sh) => [sh.getSheetId(), sh]));
    for (const [id, entry] of [...legacy]) {
      const sheet = byId.get(id);
      if (!sheet) this.forgetLegacy(id, entry); // the tab, and its colours, are gone
      else if (mayWrite(sheet.getName())) this.clear(sheet.getName());
    }
  }

  mark(sheetName: string, marks: readonly CellMark[]): void {
    const blocked = this.blockers.filter((b) => b.tab === sheetName);
    if (blocked.length > 0) {
      if (!this.protectedTabs.some((p) => p.tab === sheetName)) this.protectedTabs.push({ tab: sheetName, ranges: blocked });
      return;
    }
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return;
    this.onTab?.(sheetName);
    const stored = findState(sheet);
    const state = parseState(stored?.getValue() ?? null);
    const legacyId = this.legacy().size > 0 ? sheet.getSheetId() : null;
    const legacyEntry = legacyId === null ? undefined : this.legacy().get(legacyId);
    const legacy = legacyEntry?.state ?? null;
    if (marks.length === 0 && !state && !legacy) {
      // Nothing of ours is remembered: still look for stale notes over the data.
      if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) {
        if (legacyEntry && legacyId !== null) this.forgetLegacy(legacyId, legacyEntry);
        return;
      }
    }
    let rows = Math.max(sheet.getLastRow(), state?.rows ?? 0, legacy?.rows ?? 0, 1);
    let cols = Math.max(sheet.getLastColumn(), state?.cols ?? 0, legacy?.cols ?? 0, 1);
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
    for (const [cell, original] of Object.entries(legacy?.colours ?? {})) {
      const [r, c] = cell.split(':').map(Number);
      if (typeof original !== 'string' || !(r >= 1 && c >= 1 && r <= rows && c <= cols)) continue;
      if (String(newBackgrounds[r - 1][c - 1]).toLowerCase() !== MARK_BACKGROUND || original.toLowerCase() === MARK_BACKGROUND) continue;
      newBackgrounds[r - 1][c - 1] = original;
      this.legacyRestored++;
    }
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
    // Last: a run stopped before this point finds the old colours again (restoring them twice is harmless).
    if (legacyEntry && legacyId !== null) this.forgetLegacy(legacyId, legacyEntry);
  }

  clear(sheetName: string): void {
    this.mark(sheetName, []);
  }

  /** The previous version's colours, one `getProperties` for the whole run. */
  private legacy(): Map<number, LegacyEntry> {
    if (this.legacyEntries) return this.legacyEntries;
    const found = new Map<number, { chunks: string[]; count: string | null }>();
    const all = this.legacyProperties?.getProperties() ?? {};
    for (const key of Object.keys(all)) {
      const m = LEGACY_KEY.exec(key);
      if (!m) continue;
      const id = Number(m[1]);
      const keys = found.get(id) ?? { chunks: [], count: null };
      if (m[2] === undefined) keys.count = key;
      else keys.chunks.push(key);
      found.set(id, keys);
    }
    this.legacyEntries = new Map(
      [...found].map(([id, k]) => [id, { state: parseLegacyState(chunkedValue(all, LEGACY_MARK_PREFIX + id)), keys: k.count ? [...k.chunks, k.count] : k.chunks }]),
    );
    return this.legacyEntries;
  }

  private forgetLegacy(id: number, entry: LegacyEntry): void {
    for (const key of entry.keys) this.legacyProperties?.deleteProperty(key);
    this.legacyEntries?.delete(id);
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

function parseLegacyState(json: string | null): LegacyState | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as LegacyState;
    return s && typeof s.rows === 'number' && typeof s.cols === 'number' && s.colours && typeof s.colours === 'object' ? s : null;
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
