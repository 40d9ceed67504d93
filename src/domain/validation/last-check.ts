/**
 * The last check (*Vérifier les saisies* or *Consolider les services*) as the
 * sidebar reads it: a plain JSON object (no Date, no Map, no undefined),
 * anomalies grouped by tab, each with its sheet-qualified A1 reference. Saved
 * through `CheckStorePort` (Apps Script: DocumentProperties, in chunks).
 *
 * Also: the cell marks of a check (notes on every located anomaly, colour on
 * blocking ones), grouped by tab, for `CellMarkerPort`.
 */
import type { Anomaly } from '../anomaly';
import { VALIDATION_MESSAGES as VM } from '../messages/validation';

export const LAST_CHECK_VERSION = 1;

/** An anomaly of the last check: the Anomaly fields plus `a1`, e.g. `'Service – Déchets'!B12` (null when not a cell). */
export interface LastCheckAnomaly extends Anomaly {
  readonly a1: string | null;
}

export interface LastCheckGroup {
  readonly onglet: string;
  readonly bloquantes: number;
  readonly avertissements: number;
  /** In the order of the check: rows in order, tab-level ones first. */
  readonly anomalies: readonly LastCheckAnomaly[];
}

export interface LastCheck {
  readonly version: typeof LAST_CHECK_VERSION;
  /** ISO 8601 instant of the check. */
  readonly date: string;
  readonly commande: 'verifier' | 'consolider';
  /** Email of who ran it ('' when Google does not disclose it). */
  readonly utilisateur: string;
  /** Counts over every anomaly found, even when the list is truncated. */
  readonly total: number;
  readonly bloquantes: number;
  readonly avertissements: number;
  /** Groups, tabs in workbook order. */
  readonly groupes: readonly LastCheckGroup[];
  /** True when the list was cut to fit the store; `messageTroncature` then says so in French. */
  readonly tronque: boolean;
  readonly messageTroncature: string | null;
  /** Tabs carrying this check's cell marks (the next check clears those it no longer marks). */
  readonly marques: readonly string[];
}

/** `'Sheet name'!B12` (quotes doubled inside the name, as Sheets writes it). */
export function a1Of(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** 1-based row and column of an A1 cell reference (`AB12`), or null. */
export function parseA1(cell: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Default budget of the stored JSON: DocumentProperties hold 500 KB in all, shared with other features. */
export const LAST_CHECK_MAX_BYTES = 250_000;

export interface LastCheckMeta {
  readonly date: Date;
  readonly commande: LastCheck['commande'];
  readonly utilisateur: string;
  readonly marques: readonly string[];
}

export function buildLastCheck(anomalies: readonly Anomaly[], meta: LastCheckMeta, maxBytes = LAST_CHECK_MAX_BYTES): LastCheck {
  const bloquantes = anomalies.filter((a) => a.bloquante).length;
  const base = {
    version: LAST_CHECK_VERSION,
    date: meta.date.toISOString(),
    commande: meta.commande,
    utilisateur: meta.utilisateur,
    total: anomalies.length,
    bloquantes,
    avertissements: anomalies.length - bloquantes,
    marques: [...meta.marques],
  } as const;
  const full: LastCheck = { ...base, groupes: group(anomalies), tronque: false, messageTroncature: null };
  if (utf8Length(JSON.stringify(full)) <= maxBytes) return full;
  // Keep blocking anomalies first, then warnings, as many as fit.
  const ordered = [...anomalies.filter((a) => a.bloquante), ...anomalies.filter((a) => !a.bloquante)];
  let lo = 0;
  let hi = ordered.length;
  const attempt = (n: number): LastCheck => {
    const kept = new Set(ordered.slice(0, n));
    return { ...base, groupes: group(anomalies.filter((a) => kept.has(a))), tronque: true, messageTroncature: VM.truncated(n, anomalies.length) };
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (utf8Length(JSON.stringify(attempt(mid))) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return attempt(lo);
}

function group(anomalies: readonly Anomaly[]): LastCheckGroup[] {
  const groups = new Map<string, LastCheckAnomaly[]>();
  for (const a of anomalies) {
    const list = groups.get(a.onglet) ?? groups.set(a.onglet, []).get(a.onglet)!;
    list.push({
      onglet: a.onglet,
      ligne: a.ligne,
      colonne: a.colonne,
      cellule: a.cellule,
      message: a.message,
      bloquante: a.bloquante,
      code: a.code,
      a1: a.cellule ? a1Of(a.onglet, a.cellule) : null,
    });
  }
  return [...groups.entries()].map(([onglet, list]) => {
    const b = list.filter((a) => a.bloquante).length;
    return { onglet, bloquantes: b, avertissements: list.length - b, anomalies: list };
  });
}

/** One mark of `CellMarkerPort`: 1-based row and column, the note text (our prefix is the adapter's). */
export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly note: string;
  readonly blocking: boolean;
}

/** Marks per tab: one per cell (its anomalies' messages joined), blocking when one of them is. */
export function cellMarks(anomalies: readonly Anomaly[]): Map<string, CellMark[]> {
  const byCell = new Map<string, Map<string, { row: number; col: number; messages: string[]; blocking: boolean }>>();
  for (const a of anomalies) {
    if (!a.cellule) continue;
    const p = parseA1(a.cellule);
    if (!p) continue;
    const tab = byCell.get(a.onglet) ?? byCell.set(a.onglet, new Map()).get(a.onglet)!;
    const key = `${p.row}:${p.col}`;
    const m = tab.get(key) ?? tab.set(key, { ...p, messages: [], blocking: false }).get(key)!;
    if (!m.messages.includes(a.message)) m.messages.push(a.message);
    m.blocking ||= a.bloquante;
  }
  const out = new Map<string, CellMark[]>();
  for (const [tab, cells] of byCell) {
    out.set(tab, [...cells.values()].sort((x, y) => x.row - y.row || x.col - y.col).map((m) => ({ row: m.row, col: m.col, note: VM.cellNote(m.messages), blocking: m.blocking })));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Chunks: Apps Script properties hold at most 9 KB per value.

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Cuts `s` into pieces of at most `maxBytes` UTF-8 bytes each, never inside a surrogate pair. */
export function splitChunks(s: string, maxBytes: number): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) {
      out.push(s.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  if (start < s.length || out.length === 0) out.push(s.slice(start));
  return out;
}

/** Parses a stored last check; null when absent, unreadable or of another version. */
export function parseLastCheck(json: string | null): LastCheck | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as LastCheck;
    return v && v.version === LAST_CHECK_VERSION && Array.isArray(v.groupes) ? v : null;
  } catch {
    return null;
  }
}
