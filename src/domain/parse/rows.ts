/**
 * Reads a table section of a tab into typed values, by header name, with
 * every problem reported as an anomaly (tab, row, column, French message).
 * The generic reader every feature uses: consolidation, validation, steering,
 * documents; so a cell is read the same way everywhere.
 *
 * - A row whose own cells are all blank (spaces, non-breaking spaces,
 *   zero-width characters) is skipped; a cell of only such characters is blank.
 * - Error values, English or French (`#REF!`, `#VALEUR!`), are blocking.
 * - Amounts (money columns) follow `readAmount`, lists are returned in their
 *   canonical form, multi-valued cells are split against their list.
 * - `Actions`' data stops at the orphans area's title row (`sectionEnd`):
 *   rows below it keep the annotations of removed actions and are not actions.
 * - Cost: per-column decisions are taken once per table, and a cell without
 *   problem allocates nothing but its value (see scripts/bench.mjs).
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { ColumnSpec, ListSource, TableSectionSpec } from '../schema/types';
import { cellText, isBlank, isErrorValue, type Cell, type Grid } from '../table/cell';
import { columnLetter, locateTable, type LocatedTable } from '../table/locate';
import { PARSE_MESSAGES as M } from '../messages/parse';
import { ORPHANS_TITLE } from '../messages/consolidation';
import { normalizeKey } from '../table/normalize';
import { RowClassifier, type NonDataRow } from './non-data-rows';
import { formatNumberFr } from '../format';
import { controlCharacters, hasControlCharacter, isFormulaError, isImplausibleAmount, quoteValue, readAmount, readDate, readEmail, readEmails, readListValue, readNumber, readOuiNon, readPercent, readYear, splitMulti, splitMultiKnown, suggestListValue, type Read } from './values';

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
  /** Rows that are not data (repeated header, total, zeros): skipped, each reported among `anomalies`. */
  readonly nonData: readonly NonDataRow[];
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

/**
 * Title rows that end a section's data: below `Actions`' rows, the orphans
 * area (annotations of actions removed from their service tab) holds rows
 * that are not actions.
 */
const TERMINATORS: Readonly<Record<string, string>> = { actions: ORPHANS_TITLE };

/**
 * 0-based index of the first row of the section that is a terminator title
 * (its first non-blank cell), or `located.dataEnd` when none.
 */
export function sectionEnd(grid: Grid, located: LocatedTable): number {
  const title = TERMINATORS[located.section.id];
  if (!title) return located.dataEnd;
  const key = normalizeKey(title);
  for (let r = located.dataStart; r < located.dataEnd; r++) {
    const row = grid[r];
    if (!row) continue;
    const first = row.find((c) => !isBlank(c));
    if (first !== undefined && normalizeKey(cellText(first)) === key) return r;
  }
  return located.dataEnd;
}

export function parseTable(tab: string, grid: Grid, section: TableSectionSpec, opts: ParseOptions = {}): ParsedTable {
  const { located, anomalies } = locateSection(tab, grid, section, opts);
  if (!located) return { tab, located: null, rows: [], anomalies, nonData: [] };
  const rows: ParsedRow[] = [];
  const nonData: NonDataRow[] = [];
  const keys = [...located.columns.keys()];
  const indexes = [...located.columns.values()];
  const rawTemplate = recordTemplate(keys);
  forEachParsedRow(
    tab,
    grid,
    located,
    opts,
    (rowNumber, values, rowAnomalies, line) => {
      // The row's own cells, as tableRows gives them.
      const raw: Record<string, Cell> = { ...rawTemplate };
      for (let k = 0; k < keys.length; k++) raw[keys[k]] = line[indexes[k]] ?? null;
      rows.push({ rowNumber, values, raw, anomalies: rowAnomalies });
      for (let i = 0; i < rowAnomalies.length; i++) anomalies.push(rowAnomalies[i]);
    },
    (row, a) => {
      nonData.push(row);
      anomalies.push(a);
    },
  );
  return { tab, located, rows, anomalies, nonData };
}

/** The located table and the tab's own anomalies (header not found, required column missing, duplicate header). */
export interface LocatedSection {
  readonly located: LocatedTable | null;
  readonly anomalies: Anomaly[];
}

/** `parseTable`'s first half: where the table is, and what is wrong with its header. */
export function locateSection(tab: string, grid: Grid, section: TableSectionSpec, opts: ParseOptions = {}): LocatedSection {
  const located = locateTable(grid, section);
  const anomalies: Anomaly[] = [];
  if (!located) {
    if (opts.requireHeader !== false && grid.some((r) => r.some((c) => !isBlank(c)))) {
      anomalies.push(anomaly({ onglet: tab, ligne: null, colonne: null, message: M.headerNotFound(tab, section.columns[0].header), bloquante: true, code: 'entete-introuvable' }));
    }
    return { located: null, anomalies };
  }
  for (const c of located.missing) {
    if (c.required) {
      anomalies.push(anomaly({ onglet: tab, ligne: located.headerRow + 1, colonne: c.header, message: M.missingRequiredColumn(c.header), bloquante: true, code: 'colonne-manquante' }));
    }
  }
  for (const d of located.duplicates) {
    anomalies.push(anomaly({ onglet: tab, ligne: located.headerRow + 1, colonne: d.header, cellule: `${columnLetter(d.index)}${located.headerRow + 1}`, message: M.duplicateColumn(d.header), bloquante: false, code: 'colonne-en-double' }));
  }
  return { located, anomalies };
}

/**
 * Receives each non-blank row of a table: its typed values by column key (a
 * fresh object the receiver may keep), its anomalies (a fresh array, or a
 * shared frozen empty one when there is none) and its line of the grid (the
 * row's own cells are at `located.columns`).
 */
export type ParsedRowSink = (rowNumber: number, values: Record<string, ParsedValue>, anomalies: readonly Anomaly[], line: readonly Cell[]) => void;

/** Receives each row that is not data (see non-data-rows.ts), with the anomaly that reports it. */
export type NonDataRowSink = (row: NonDataRow, reported: Anomaly) => void;

/**
 * `parseTable`'s second half, row by row, without building ParsedRow objects
 * nor records of the cells (readers that turn each row into their own record
 * keep one object per row, not three).
 */
export function forEachParsedRow(tab: string, grid: Grid, located: LocatedTable, opts: ParseOptions, onRow: ParsedRowSink, onNonData: NonDataRowSink): void {
  const end = sectionEnd(grid, located);
  const plan = columnPlan(located.section, located, opts);
  const indexes = [...located.columns.values()];
  const width = indexes.length;
  const valuesTemplate = recordTemplate(plan.map((c) => c.key));
  const classifier = new RowClassifier(grid, located);
  const moneyKey = RowClassifier.moneyKey(located);
  for (let r = located.dataStart; r < end; r++) {
    const line = grid[r];
    if (!line) continue;
    // A row whose own cells are all blank is skipped.
    let blank = true;
    for (let k = 0; k < width && blank; k++) blank = isEmptyCell(line[indexes[k]] ?? null);
    if (blank) continue;
    const rowNumber = r + 1;
    const skipped = classifier.classify(line, rowNumber);
    if (skipped) {
      onNonData(skipped, nonDataAnomaly(tab, grid, located, skipped));
      continue;
    }
    const values: Record<string, ParsedValue> = { ...valuesTemplate };
    const anomalies = parseCells(tab, rowNumber, line, values, plan, opts.lists);
    if (moneyKey !== null) classifier.account(values[moneyKey] as number | null);
    onRow(rowNumber, values, anomalies, line);
  }
}

/** What a row of the section is, in messages: « une action », « un plan »… */
function rowNoun(section: TableSectionSpec): string {
  switch (section.id) {
    case 'service':
    case 'actions':
      return 'une action';
    case 'plans':
      return 'un plan';
    case 'planActions':
      return 'une fiche action';
    default:
      return 'une ligne de données';
  }
}

function euros(n: number): string {
  return `${Math.abs(n) < 1e15 ? formatNumberFr(n, 2) : n.toExponential(2).replace('.', ',')}\u202f€`;
}

/** The anomaly that reports a row that is not data: its row, and the cell that shows what it is. */
export function nonDataAnomaly(tab: string, grid: Grid, located: LocatedTable, row: NonDataRow): Anomaly {
  const what = rowNoun(located.section);
  const header = row.col === null ? null : cellText(grid[located.headerRow]?.[row.col] ?? null) || null;
  const cellule = row.col === null ? null : `${columnLetter(row.col)}${row.rowNumber}`;
  const where = { onglet: tab, ligne: row.rowNumber, colonne: header, cellule, bloquante: false };
  switch (row.kind) {
    case 'entete':
      return anomaly({ ...where, message: M.repeatedHeader(what, `${(row.label ?? '').split('\n').map((h) => `« ${quoteValue(h, 40)} »`).join(', ')}…`), code: 'ligne-entete-repetee' });
    case 'total':
      return anomaly({ ...where, message: M.totalRow(what, quoteValue(row.label ?? ''), row.amount === null ? null : euros(row.amount)), code: 'ligne-total' });
    case 'somme':
      return anomaly({ ...where, message: M.sumRow(what, euros(row.amount ?? 0)), code: 'ligne-somme' });
    case 'zeros':
      return anomaly({ ...where, message: M.zerosRow(what), code: 'ligne-zeros' });
  }
}

/**
 * A record of these keys, all null, to copy (`{ ...template }`) for each row
 * and then fill. Same keys in the same order as a record filled key by key,
 * but built in one step with room for every key (JSON.parse lays its objects
 * out so, and copies keep that layout), where filling `{}` key by key grows
 * its storage several times: that growth was half of what parsing allocated.
 */
function recordTemplate(keys: readonly string[]): Record<string, null> {
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, null>;
}

interface PlannedColumn {
  readonly spec: ColumnSpec;
  readonly key: string;
  /** 0-based column, undefined when the column is missing. */
  readonly idx: number | undefined;
  /** Its letter (`C`), for the anomalies' cell references. */
  readonly letter: string;
  readonly skip: boolean;
  /** Multi-valued: an empty cell reads as [] (a fresh array per row). */
  readonly multi: boolean;
}

/** What parseRow decides per column, decided once per table. */
function columnPlan(section: TableSectionSpec, located: LocatedTable, opts: ParseOptions): PlannedColumn[] {
  return section.columns.map((spec) => {
    const idx = located.columns.get(spec.key);
    return {
      spec,
      key: spec.key,
      idx,
      letter: idx === undefined ? '' : columnLetter(idx),
      skip: opts.skipRoles?.includes(spec.role ?? 'input') ?? false,
      multi: isMulti(spec),
    };
  });
}

const isMulti = (spec: ColumnSpec): boolean => spec.type === 'multilist' || spec.type === 'emails';

/** Shared by the rows without anomaly (never pushed into: ParsedRow.anomalies is read-only). */
const NO_ANOMALY: Anomaly[] = Object.freeze([]) as unknown as Anomaly[];

/**
 * Parses a row's cells into `values` (by key) and returns its anomalies.
 * Cells are read from the grid's line, or from the cells by key (parseRow).
 */
function parseCells(tab: string, rowNumber: number, line: readonly Cell[] | null, values: Record<string, ParsedValue>, plan: readonly PlannedColumn[], lists: ListResolver | undefined, cells?: Readonly<Record<string, Cell>>): Anomaly[] {
  let anomalies = NO_ANOMALY;
  for (let i = 0; i < plan.length; i++) {
    const col = plan[i];
    const idx = col.idx;
    if (idx === undefined) {
      values[col.key] = col.multi ? [] : null;
      continue;
    }
    const v = (line ? line[idx] : cells![col.key]) ?? null;
    if (col.skip) {
      values[col.key] = isBlank(v) ? null : (v as ParsedValue);
      continue;
    }
    values[col.key] = parseValue(v, col.spec, lists, SCRATCH);
    if (SCRATCH.length === 0) continue;
    for (const p of SCRATCH) {
      if (anomalies === NO_ANOMALY) anomalies = [];
      anomalies.push(anomaly({ onglet: tab, ligne: rowNumber, colonne: col.spec.header, cellule: `${col.letter}${rowNumber}`, ...p }));
    }
    SCRATCH.length = 0;
  }
  return anomalies;
}

function parseRowWith(tab: string, rowNumber: number, cells: Readonly<Record<string, Cell>>, plan: readonly PlannedColumn[], lists: ListResolver | undefined): ParsedRow {
  const values: Record<string, ParsedValue> = {};
  const anomalies = parseCells(tab, rowNumber, null, values, plan, lists, cells);
  return { rowNumber, values, raw: cells, anomalies };
}

/** Problems of the cell being parsed (reused: parsing is synchronous). */
const SCRATCH: CellProblem[] = [];

export function parseRow(
  tab: string,
  rowNumber: number,
  cells: Readonly<Record<string, Cell>>,
  section: TableSectionSpec,
  located: LocatedTable,
  opts: ParseOptions = {},
): ParsedRow {
  return parseRowWith(tab, rowNumber, cells, columnPlan(section, located, opts), opts.lists);
}

interface CellProblem {
  readonly message: string;
  readonly bloquante: boolean;
  readonly code: string;
}

const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Blank, or only spaces and invisible characters (zero-width spaces pasted from the web). */
export function isEmptyCell(v: Cell | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    // Most cells start with a visible ASCII character: no need for the regular expression.
    const c = v.charCodeAt(0);
    if (c > 0x20 && c < 0x7f) return false;
    return !VISIBLE.test(v);
  }
  return false;
}

/** An error value (`#REF!`, `#VALEUR!`…); cheap for the common text that holds no `#`. */
const isError = isFormulaError;

export function parseCell(v: Cell, spec: ColumnSpec, lists?: ListResolver): { value: ParsedValue; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const value = parseValue(v, spec, lists, problems);
  return { value, problems };
}

function take(r: Read<ParsedValue>, spec: ColumnSpec, bloquante: boolean, code: string, problems: CellProblem[]): ParsedValue {
  if (r.ok) return r.value;
  problems.push({ message: M.unreadable(spec.header, r.reason), bloquante, code });
  return null;
}

/** The typed value of a cell; its problems pushed into `problems` (no allocation when there is none). */
function parseValue(v: Cell, spec: ColumnSpec, lists: ListResolver | undefined, problems: CellProblem[]): ParsedValue {
  if (isEmptyCell(v)) {
    if (spec.required) problems.push({ message: M.required(spec.header), bloquante: true, code: 'obligatoire' });
    return isMulti(spec) ? [] : null;
  }
  if (isError(v)) {
    problems.push({ message: M.formulaError(String(v).trim()), bloquante: true, code: 'erreur-formule' });
    return isMulti(spec) ? [] : null;
  }
  // Kept exactly as typed, and named (never stripped).
  if (typeof v === 'string' && hasControlCharacter(v)) {
    problems.push({ message: M.controlCharacters(spec.header, controlCharacters(v)), bloquante: false, code: 'caractere-controle' });
  }
  switch (spec.type) {
    case 'text':
    case 'longtext':
    case 'url': {
      const s = cellText(v);
      if (s.length > EXCEL_CELL_LIMIT) problems.push({ message: M.tooLong(s.length, EXCEL_CELL_LIMIT), bloquante: false, code: 'texte-trop-long' });
      if (spec.list) return listValue(s, spec, lists, problems);
      return s;
    }
    case 'integer':
    case 'number':
    case 'money': {
      const read = spec.type === 'money' ? readAmount(v) : readNumber(v);
      let n = take(read, spec, true, !read.ok && spec.type === 'money' && isImplausibleAmount(v) ? 'montant-invraisemblable' : 'nombre-illisible', problems);
      if (typeof n === 'number') {
        if (spec.type === 'integer' && !Number.isInteger(n)) {
          problems.push({ message: M.notInteger(spec.header, n), bloquante: false, code: 'entier-attendu' });
          n = Math.round(n);
        }
        rangeCheck(n, spec, problems);
      }
      return n;
    }
    case 'percent': {
      const n = take(readPercent(v), spec, true, 'nombre-illisible', problems);
      if (typeof n === 'number') rangeCheck(n, spec, problems);
      return n;
    }
    case 'year':
      return take(readYear(v), spec, true, 'annee-illisible', problems);
    case 'date':
      return take(readDate(v), spec, true, 'date-invalide', problems);
    case 'ouiNon':
      return take(readOuiNon(v), spec, false, 'oui-non', problems);
    case 'email':
      return take(readEmail(v), spec, false, 'email-invalide', problems);
    case 'emails': {
      const r = readEmails(v);
      if (!r.ok) {
        problems.push({ message: M.unreadable(spec.header, r.reason), bloquante: false, code: 'email-invalide' });
        return splitMulti(v);
      }
      return r.value;
    }
    case 'list':
      return listValue(cellText(v), spec, lists, problems);
    case 'multilist': {
      const allowed = allowedValues(spec, lists);
      if (!allowed) return splitMulti(v);
      const out: string[] = [];
      for (const p of splitMultiKnown(v, allowed)) {
        if (p.read.ok) out.push(p.read.value);
        else {
          out.push(p.text);
          problems.push({ message: M.unknownInList(spec.header, quoteValue(p.text), suggestListValue(p.text, allowed)), bloquante: false, code: 'hors-liste' });
        }
      }
      return out;
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
  problems.push({ message: M.notInList(spec.header, quoteValue(s), allowed, suggestListValue(s, allowed)), bloquante: false, code: 'hors-liste' });
  return s;
}
