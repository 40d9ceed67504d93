/**
 * Reads a table section of a tab into typed values, by header name, with
 * every problem reported as an anomaly (tab, row, column, French message).
 * The generic reader every feature uses: consolidation, validation, steering,
 * documents; so a cell is read the same way everywhere.
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { ColumnSpec, ListSource, TableSectionSpec } from '../schema/types';
import { cellText, isBlank, isErrorValue, type Cell, type Grid } from '../table/cell';
import { columnLetter, locateTable, tableRows, type LocatedTable } from '../table/locate';
import { PARSE_MESSAGES as M } from '../messages/parse';
import { readDate, readEmail, readEmails, readListValue, readNumber, readOuiNon, readPercent, readYear, splitMulti, type Read } from './values';

export type ParsedValue = string | number | boolean | Date | readonly string[] | null;

export interface ParsedRow {
  readonly rowNumber: number;
  /** Typed values by column key; null when blank or unreadable (see anomalies). */
  readonly values: Readonly<Record<string, ParsedValue>>;
  /** The cells as found, kept so nothing typed is ever lost. */
  readonly raw: Readonly<Record<string, Cell>>;
  readonly anomalies: readonly Anomaly[];
}

export interface ParsedTable {
  readonly tab: string;
  readonly located: LocatedTable | null;
  readonly rows: readonly ParsedRow[];
  /** Row and tab-level anomalies together. */
  readonly anomalies: readonly Anomaly[];
}

/** Allowed values of lists fed from another tab (Filières, Plans…); null when unknown. */
export type ListResolver = (source: Extract<ListSource, { kind: 'column' }>) => readonly string[] | null;

export interface ParseOptions {
  readonly lists?: ListResolver;
  /** Skip these columns' checks (e.g. computed columns rewritten by the engine). */
  readonly skipRoles?: ReadonlyArray<NonNullable<ColumnSpec['role']>>;
  /** Tab-level: report a missing header row as blocking (default true). */
  readonly requireHeader?: boolean;
}

/** Excel truncates cells beyond this length. */
export const EXCEL_CELL_LIMIT = 32_767;

export function parseTable(tab: string, grid: Grid, section: TableSectionSpec, opts: ParseOptions = {}): ParsedTable {
  const located = locateTable(grid, section);
  const anomalies: Anomaly[] = [];
  if (!located) {
    if (opts.requireHeader !== false && grid.some((r) => r.some((c) => !isBlank(c)))) {
      anomalies.push(anomaly({ onglet: tab, ligne: null, colonne: null, message: M.headerNotFound(tab, section.columns[0].header), bloquante: true, code: 'entete-introuvable' }));
    }
    return { tab, located: null, rows: [], anomalies };
  }
  for (const c of located.missing) {
    if (c.required) {
      anomalies.push(anomaly({ onglet: tab, ligne: located.headerRow + 1, colonne: c.header, message: M.missingRequiredColumn(c.header), bloquante: true, code: 'colonne-manquante' }));
    }
  }
  for (const d of located.duplicates) {
    anomalies.push(anomaly({ onglet: tab, ligne: located.headerRow + 1, colonne: d.header, cellule: `${columnLetter(d.index)}${located.headerRow + 1}`, message: M.duplicateColumn(d.header), bloquante: false, code: 'colonne-en-double' }));
  }
  const rows: ParsedRow[] = [];
  for (const row of tableRows(grid, located)) {
    rows.push(parseRow(tab, row.rowNumber, row.cells, section, located, opts));
  }
  for (const r of rows) anomalies.push(...r.anomalies);
  return { tab, located, rows, anomalies };
}

export function parseRow(
  tab: string,
  rowNumber: number,
  cells: Readonly<Record<string, Cell>>,
  section: TableSectionSpec,
  located: LocatedTable,
  opts: ParseOptions = {},
): ParsedRow {
  const values: Record<string, ParsedValue> = {};
  const anomalies: Anomaly[] = [];
  for (const spec of section.columns) {
    const idx = located.columns.get(spec.key);
    if (idx === undefined) {
      values[spec.key] = spec.type === 'multilist' || spec.type === 'emails' ? [] : null;
      continue;
    }
    const v = cells[spec.key] ?? null;
    const where = { onglet: tab, ligne: rowNumber, colonne: spec.header, cellule: `${columnLetter(idx)}${rowNumber}` };
    if (opts.skipRoles?.includes(spec.role ?? 'input')) {
      values[spec.key] = isBlank(v) ? null : (v as ParsedValue);
      continue;
    }
    const result = parseCell(v, spec, opts.lists);
    values[spec.key] = result.value;
    for (const p of result.problems) anomalies.push(anomaly({ ...where, ...p }));
  }
  return { rowNumber, values, raw: cells, anomalies };
}

interface CellProblem {
  readonly message: string;
  readonly bloquante: boolean;
  readonly code: string;
}

export function parseCell(v: Cell, spec: ColumnSpec, lists?: ListResolver): { value: ParsedValue; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const empty = spec.type === 'multilist' || spec.type === 'emails' ? [] : null;
  if (isBlank(v)) {
    if (spec.required) problems.push({ message: M.required(spec.header), bloquante: true, code: 'obligatoire' });
    return { value: empty, problems };
  }
  if (isErrorValue(v)) {
    problems.push({ message: M.formulaError(String(v).trim()), bloquante: true, code: 'erreur-formule' });
    return { value: empty, problems };
  }
  const take = <T extends ParsedValue>(r: Read<T>, bloquante: boolean, code: string): ParsedValue => {
    if (r.ok) return r.value;
    problems.push({ message: M.unreadable(spec.header, r.reason), bloquante, code });
    return null;
  };
  switch (spec.type) {
    case 'text':
    case 'longtext':
    case 'url': {
      const s = cellText(v);
      if (s.length > EXCEL_CELL_LIMIT) problems.push({ message: M.tooLong(s.length, EXCEL_CELL_LIMIT), bloquante: false, code: 'texte-trop-long' });
      if (spec.list) return { value: listValue(s, spec, lists, problems), problems };
      return { value: s, problems };
    }
    case 'integer':
    case 'number':
    case 'money': {
      let n = take(readNumber(v, spec.type === 'money' ? 'un montant' : 'un nombre'), true, 'nombre-illisible');
      if (typeof n === 'number') {
        if (spec.type === 'integer' && !Number.isInteger(n)) {
          problems.push({ message: M.notInteger(spec.header, n), bloquante: false, code: 'entier-attendu' });
          n = Math.round(n);
        }
        rangeCheck(n, spec, problems);
      }
      return { value: n, problems };
    }
    case 'percent': {
      const n = take(readPercent(v), true, 'nombre-illisible');
      if (typeof n === 'number') rangeCheck(n, spec, problems);
      return { value: n, problems };
    }
    case 'year':
      return { value: take(readYear(v), true, 'annee-illisible'), problems };
    case 'date':
      return { value: take(readDate(v), true, 'date-invalide'), problems };
    case 'ouiNon':
      return { value: take(readOuiNon(v), false, 'oui-non'), problems };
    case 'email':
      return { value: take(readEmail(v), false, 'email-invalide'), problems };
    case 'emails': {
      const r = readEmails(v);
      if (!r.ok) {
        problems.push({ message: M.unreadable(spec.header, r.reason), bloquante: false, code: 'email-invalide' });
        return { value: splitMulti(v), problems };
      }
      return { value: r.value, problems };
    }
    case 'list':
      return { value: listValue(cellText(v), spec, lists, problems), problems };
    case 'multilist': {
      const parts = splitMulti(v);
      const allowed = allowedValues(spec, lists);
      if (!allowed) return { value: parts, problems };
      const out: string[] = [];
      for (const p of parts) {
        const r = readListValue(p, allowed);
        if (r.ok) out.push(r.value);
        else {
          out.push(p);
          problems.push({ message: M.unknownInList(spec.header, p), bloquante: false, code: 'hors-liste' });
        }
      }
      return { value: out, problems };
    }
  }
}

function rangeCheck(n: number, spec: ColumnSpec, problems: CellProblem[]): void {
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    problems.push({ message: M.outOfRange(spec.header, n, spec.min, spec.max), bloquante: false, code: 'hors-bornes' });
  }
}

function allowedValues(spec: ColumnSpec, lists?: ListResolver): readonly string[] | null {
  if (!spec.list) return null;
  if (spec.list.kind === 'fixed') return spec.list.values;
  return lists ? lists(spec.list) : null;
}

/** A list value is written back in its canonical form; an unknown one is kept as typed and flagged. */
function listValue(s: string, spec: ColumnSpec, lists: ListResolver | undefined, problems: CellProblem[]): string {
  const allowed = allowedValues(spec, lists);
  if (!allowed) return s;
  const r = readListValue(s, allowed);
  if (r.ok) return r.value;
  problems.push({ message: M.notInList(spec.header, s, allowed), bloquante: false, code: 'hors-liste' });
  return s;
}
