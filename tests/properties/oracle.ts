/**
 * The judge of the property tests: given a generated service tab and the
 * result of a consolidation, what is wrong (an empty list when nothing is).
 *
 * - every row built as an action is in `Actions` (found by its Origine), and
 *   every value typed in it is there unchanged, or as its reading by the
 *   rules of docs/saisie.md (an amount, a date, a list's canonical form, a
 *   date typed in a text column as its French text), or is named in the
 *   report (tab, row, column) while kept as typed;
 * - every row built as a total, a repeated header, a sum or zeros is not in
 *   `Actions` and is reported at its row; blank rows are neither;
 * - nothing else becomes an action.
 */
import type { Anomaly } from '../../src/domain/anomaly';
import { dateInTextColumn } from '../../src/domain/consolidation/consolidate';
import { isEmptyCell } from '../../src/domain/parse/rows';
import { hasControlCharacter, readAmount, readDate } from '../../src/domain/parse/values';
import { SERVICE_COLUMNS } from '../../src/domain/schema/tabs';
import { cellText, type Cell, type Grid } from '../../src/domain/table/cell';
import { normalizeKey } from '../../src/domain/table/normalize';
import { readMesure, referentielIds } from '../../src/domain/validation/service-tabs';
import type { GenRow } from './service-tabs';

export function same(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return Object.is(a ?? null, b ?? null);
}

const loose = (s: string): string => normalizeKey(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** Why `got` is not an acceptable image of `typed` in the column `key` (null when it is). */
export function judgeCell(key: string, typed: Cell, got: Cell, named: boolean): string | null {
  const spec = SERVICE_COLUMNS.find((c) => c.key === key)!;
  if (isEmptyCell(typed)) return got === null ? null : 'a blank cell became a value';
  const asTyped = typed instanceof Date && spec.type !== 'date' ? dateInTextColumn(typed) : typed;
  // What must be named in the report: an unreadable amount or date, a control character.
  const unreadable = (spec.type === 'money' && !readAmount(typed).ok) || (spec.type === 'date' && !readDate(typed).ok);
  if ((unreadable || (typeof typed === 'string' && hasControlCharacter(typed))) && !named) return 'not named in the report';
  if (same(got, asTyped)) return null;
  switch (spec.type) {
    case 'money': {
      const r = readAmount(typed);
      if (r.ok) return same(got, r.value) ? null : `amount read ${r.value}, written ${String(got)}`;
      return 'an unreadable amount was not kept as typed';
    }
    case 'date': {
      const r = readDate(typed);
      if (r.ok) return same(got, r.value) ? null : 'date not written as read';
      return 'an unreadable date was not kept as typed';
    }
    case 'list':
    case 'multilist': {
      if (typeof got !== 'string') return 'a list value became something else than text';
      if (key === 'mesure' && got === readMesure(cellText(typed), referentielIds())) return null;
      const a = got.split(/[,;\n]/).map(loose).filter(Boolean).join('|');
      const b = cellText(typed).split(/[,;\n]/).map(loose).filter(Boolean).join('|');
      if (a === b) return null;
      return named ? null : `list value « ${cellText(typed)} » became « ${got} » without a word`;
    }
    default:
      return 'text altered';
  }
}

export interface Judged {
  readonly problems: string[];
}

/**
 * Judges one service tab: `rows` as generated (row i is at sheet row i + 2),
 * `actions` the rows of Actions by header, `anomalies` the report's.
 */
export function judgeTab(tab: string, rows: readonly GenRow[], actions: ReadonlyArray<Record<string, Cell>>, anomalies: readonly Anomaly[], sheetRowOf: (i: number) => number = (i) => i + 2): string[] {
  const problems: string[] = [];
  const byOrigine = new Map<string, Record<string, Cell>>();
  for (const a of actions) byOrigine.set(String(a.Origine), a);
  const nonData = new Set(anomalies.filter((a) => a.onglet === tab && a.code.startsWith('ligne-')).map((a) => a.ligne));
  rows.forEach((row, i) => {
    const n = sheetRowOf(i);
    const action = byOrigine.get(`${tab}, ligne ${n}`);
    if (row.kind === 'vide') {
      if (action) problems.push(`${tab} row ${n}: a blank row became an action`);
      if (nonData.has(n)) problems.push(`${tab} row ${n}: a blank row was reported`);
      return;
    }
    if (row.kind !== 'action') {
      if (action) problems.push(`${tab} row ${n}: a ${row.kind} row became an action`);
      if (!nonData.has(n)) problems.push(`${tab} row ${n}: a ${row.kind} row was not reported`);
      return;
    }
    if (!action) {
      problems.push(`${tab} row ${n}: an action is missing from Actions${nonData.has(n) ? ' (taken for a row that is not an action)' : ''}`);
      return;
    }
    for (const spec of SERVICE_COLUMNS) {
      if (spec.key === 'ref') continue;
      const typed = row.cells[spec.header] ?? null;
      const named = anomalies.some((a) => a.onglet === tab && a.ligne === n && a.colonne === spec.header);
      const why = judgeCell(spec.key, typed, action[spec.header] ?? null, named);
      if (why) problems.push(`${tab} row ${n}, ${spec.header}: ${why} (typed ${JSON.stringify(typed)}, in Actions ${JSON.stringify(action[spec.header])})`);
    }
  });
  const expected = rows.filter((r) => r.kind === 'action').length;
  const got = actions.filter((a) => String(a.Origine).startsWith(`${tab}, ligne `)).length;
  if (got !== expected) problems.push(`${tab}: ${got} actions in Actions for ${expected} built`);
  return problems;
}

/** Cells that differ between two grids (exact: control characters, types and dates included), except where `owned` says. */
export function gridDiff(name: string, before: Grid, after: Grid, owned: (r: number, c: number) => boolean = () => false): string[] {
  const out: string[] = [];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const a = before[r] ?? [];
    const b = after[r] ?? [];
    const cols = Math.max(a.length, b.length);
    for (let c = 0; c < cols; c++) {
      if (owned(r, c)) continue;
      const x = a[c] ?? null;
      const y = b[c] ?? null;
      if (!same(x, y)) out.push(`${name} R${r + 1}C${c + 1}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
      if (out.length > 5) return out;
    }
  }
  return out;
}
