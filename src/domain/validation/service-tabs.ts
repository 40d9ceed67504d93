/**
 * Service tabs: which tabs they are, and their rows read by header name with
 * every problem located (tab, row, column, French message, blocking or not).
 *
 * - A tab whose name starts with `Service – ` is a service tab, registered in
 *   `Paramètres` or not. `Service - X`, `service—X`… (users rename duplicated
 *   tabs by hand) are read too, with a warning asking for the exact prefix.
 * - Columns are found by header (reordered, case changed, extra columns
 *   tolerated); a missing required column is reported once for the tab, other
 *   missing columns and unknown columns once for the tab as warnings.
 * - A row whose cells are all blank (spaces, invisible characters) is empty;
 *   a row holding only a Réf. is reported and not consolidated.
 */
import { anomaly, type Anomaly } from '../anomaly';
import { CONSOLIDATION_MESSAGES as CM } from '../messages/consolidation';
import { VALIDATION_MESSAGES as VM } from '../messages/validation';
import { forEachParsedRow, isEmptyCell, locateSection, parseTable, type ListResolver, type ParsedValue } from '../parse/rows';
import type { NonDataRow } from '../parse/non-data-rows';
import { cleanText, compareKey, quoteValue, readListValue, splitMultiKnown, suggestListValue, type MultiPart } from '../parse/values';
import { REFERENTIEL_LINES } from '../referentiel/catalogue';
import { SERVICE_COLUMNS, SERVICE_TAB, SERVICE_TAB_PREFIX, TAB, tableSection } from '../schema/tabs';
import type { ColumnSpec } from '../schema/types';
import type { Cell, Grid } from '../table/cell';
import { columnLetter, type LocatedTable } from '../table/locate';
import { normalizeKey } from '../table/normalize';
import { formatDateFr } from '../format';

// ---------------------------------------------------------------------------
// Which tabs

export interface ServiceTabName {
  readonly tab: string;
  /** The service's name taken from the tab (after the prefix). */
  readonly name: string;
  /** False for `Service - X` and other near spellings (read, with a warning). */
  readonly exact: boolean;
}

const LOOSE_PREFIX = /^\s*service\s*[-–—‐‑]\s*(.*)$/i;
const CONTAINS_PREFIX = /service\s*[-–—‐‑]/i;

/** The service tabs among the workbook's tabs, in workbook order. */
export function serviceTabsIn(sheetNames: readonly string[]): ServiceTabName[] {
  const out: ServiceTabName[] = [];
  for (const tab of sheetNames) {
    if (tab.startsWith(SERVICE_TAB_PREFIX)) {
      out.push({ tab, name: tab.slice(SERVICE_TAB_PREFIX.length).trim() || tab, exact: true });
      continue;
    }
    const m = LOOSE_PREFIX.exec(tab);
    if (m) out.push({ tab, name: m[1].trim() || tab, exact: false });
  }
  return out;
}

/** Tabs that look like service tabs but are not read (`Copie de Service – Déchets`): reported, never guessed. */
export function lookAlikeServiceTabs(sheetNames: readonly string[]): string[] {
  return sheetNames.filter((t) => !LOOSE_PREFIX.test(t) && !t.startsWith(SERVICE_TAB_PREFIX) && CONTAINS_PREFIX.test(t));
}

// ---------------------------------------------------------------------------
// Lookup lists

/** A plan of the `Plans` tab, as actions refer to it. */
export interface PlanEntry {
  /** 1-based row. */
  readonly rowNumber: number;
  readonly type: string | null;
  readonly intitule: string;
}

/** The lists a service row is checked against; null means « not available, not checked ». */
export interface Lookups {
  readonly filieres: readonly string[] | null;
  readonly plans: readonly PlanEntry[];
  /** Types and intitulés of Plans, the values `Plans de rattachement` accepts. */
  readonly planNames: readonly string[] | null;
  readonly afomIds: readonly string[] | null;
  /** Identifiers of the référentiel (eci_2.1.1…). */
  readonly mesures: ReadonlySet<string>;
}

let MESURES: ReadonlySet<string> | null = null;
/** Every identifier of the référentiel (axes, mesures, sous-mesures, tâches). */
export function referentielIds(): ReadonlySet<string> {
  MESURES ??= new Set(REFERENTIEL_LINES.map((l) => l.id));
  return MESURES;
}

/** Minimal view of the workbook's grids: one call per tab (memoised by the caller). */
export interface GridLookup {
  readonly sheetNames: readonly string[];
  grid(name: string): Grid | null;
}

const text = (v: ParsedValue | undefined): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function readLookups(src: GridLookup): Lookups {
  const section = (tab: string, id: string) => {
    const grid = src.grid(tab);
    if (!grid) return null;
    const t = parseTable(tab, grid, tableSection(tab, id), { requireHeader: false });
    return t.located ? t : null;
  };
  const filieres = section(TAB.parametres, 'filieres');
  const plans = section(TAB.plans, 'plans');
  const afom = section(TAB.afom, 'afom');
  const planEntries: PlanEntry[] = plans
    ? plans.rows.map((r) => ({ rowNumber: r.rowNumber, type: text(r.values.type) || null, intitule: text(r.values.intitule) }))
    : [];
  const names: string[] = [];
  for (const p of planEntries) {
    if (p.intitule && !names.includes(p.intitule)) names.push(p.intitule);
    if (p.type && !names.includes(p.type)) names.push(p.type);
  }
  return {
    filieres: filieres ? filieres.rows.map((r) => text(r.values.filiere)).filter((x) => x !== '') : null,
    plans: planEntries,
    planNames: plans ? names : null,
    afomIds: afom ? afom.rows.map((r) => text(r.values.id)).filter((x) => x !== '') : null,
    mesures: referentielIds(),
  };
}

// ---------------------------------------------------------------------------
// Rows

export interface ServiceRow {
  readonly tab: string;
  /** 1-based row as the user sees it. */
  readonly rowNumber: number;
  /** The Réf. as typed (trimmed), '' when blank. */
  readonly ref: string;
  /** Typed values by column key, canonical where a list knows the value; null when blank or unreadable. */
  readonly values: Readonly<Record<string, ParsedValue>>;
  /** The cells as found. */
  readonly raw: Readonly<Record<string, Cell>>;
  /** Problems of this row (consolidation reports its Réf. remarks beside them). */
  readonly anomalies: readonly Anomaly[];
  /** Only the Réf. is filled: reported, not consolidated. */
  readonly refOnly: boolean;
}

export interface ServiceTabRead {
  readonly tab: string;
  readonly name: string;
  readonly exact: boolean;
  readonly grid: Grid;
  readonly located: LocatedTable | null;
  /** Non-empty rows in sheet order (rows holding only a Réf. included, flagged). */
  readonly rows: readonly ServiceRow[];
  /** Problems of the tab itself (header, columns, name). */
  readonly tabAnomalies: Anomaly[];
  /** Rows that are not actions (repeated header, total, zeros), in sheet order: never consolidated, each reported. */
  readonly nonActionRows: readonly NonActionRow[];
}

/** A row of a service tab that is not an action, and the anomaly that reports it. */
export interface NonActionRow {
  readonly row: NonDataRow;
  readonly anomaly: Anomaly;
}

/**
 * A tab's anomalies in sheet order: the tab's own, then row by row those of
 * the actions (`ofRow`) and of the rows that are not actions.
 */
export function tabAnomaliesInOrder(t: ServiceTabRead, tabLevel: readonly Anomaly[], ofRow: (r: ServiceRow) => void, push: (a: Anomaly) => void): void {
  for (let i = 0; i < tabLevel.length; i++) push(tabLevel[i]);
  const skipped = t.nonActionRows;
  let k = 0;
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    while (k < skipped.length && skipped[k].row.rowNumber < r.rowNumber) push(skipped[k++].anomaly);
    ofRow(r);
  }
  while (k < skipped.length) push(skipped[k++].anomaly);
}

/** Lists of other tabs are checked here with their own messages, not by the generic parser. */
const noColumnLists: ListResolver = () => null;

const SPEC = (key: string): ColumnSpec => SERVICE_COLUMNS.find((c) => c.key === key)!;

/** `eci_2.1.1`, `ECI 2.1.1`, `2.1.1` → `eci_2.1.1` when it exists. */
export function readMesure(value: string, ids: ReadonlySet<string>): string | null {
  const s = cleanText(value).toLowerCase().replace(/\s+/g, '');
  const m = /^(?:eci)?[_\-.]?(\d+(?:\.\d+)*)\.?$/.exec(s);
  if (!m) return null;
  const id = `eci_${m[1]}`;
  return ids.has(id) ? id : null;
}

export function readServiceTab(name: ServiceTabName, grid: Grid, lookups: Lookups): ServiceTabRead {
  const { tab } = name;
  const tabAnomalies: Anomaly[] = [];
  const section = SERVICE_TAB.sections[0];
  if (section.kind !== 'table') throw new Error('service tab section');
  if (!name.exact) {
    tabAnomalies.push(anomaly({ onglet: tab, ligne: null, colonne: null, message: VM.hyphenServiceTab(tab, SERVICE_TAB_PREFIX + name.name), bloquante: false, code: 'onglet-tiret' }));
  }
  if (grid.every((r) => r.every((c) => isEmptyCell(c)))) {
    tabAnomalies.push(anomaly({ onglet: tab, ligne: null, colonne: null, message: VM.emptyServiceTab(tab), bloquante: false, code: 'onglet-vide' }));
    return { ...name, grid, located: null, rows: [], tabAnomalies, nonActionRows: [] };
  }
  const { located, anomalies: headerAnomalies } = locateSection(tab, grid, section);
  // Tab-level anomalies of the parser (header not found, required column missing, duplicate header).
  for (const a of headerAnomalies) tabAnomalies.push(a);
  if (!located) return { ...name, grid, located, rows: [], tabAnomalies, nonActionRows: [] };

  const headerLine = located.headerRow + 1;
  const optionalMissing = located.missing.filter((c) => !c.required && c.key !== 'ref').map((c) => c.header);
  if (optionalMissing.length > 0) {
    tabAnomalies.push(anomaly({ onglet: tab, ligne: headerLine, colonne: null, message: VM.missingColumns(optionalMissing), bloquante: false, code: 'colonne-absente' }));
  }
  if (!located.columns.has('ref')) {
    tabAnomalies.push(anomaly({ onglet: tab, ligne: headerLine, colonne: 'Réf.', message: CM.refColumnMissing, bloquante: false, code: 'colonne-ref-absente' }));
  }
  const unknown = unknownColumns(grid, located);
  if (unknown.length > 0) {
    tabAnomalies.push(anomaly({ onglet: tab, ligne: headerLine, colonne: null, message: VM.unknownColumns(unknown), bloquante: false, code: 'colonne-inconnue' }));
  }

  const cell = (key: string, rowNumber: number): string | null => {
    const i = located.columns.get(key);
    return i === undefined ? null : `${columnLetter(i)}${rowNumber}`;
  };
  const where = (key: string, rowNumber: number) => ({ onglet: tab, ligne: rowNumber, colonne: SPEC(key).header, cellule: cell(key, rowNumber) });
  const columns = located.columns;
  const refAt = columns.get('ref');
  const plansAt = columns.get('plans');
  const otherColumns = [...columns].filter(([k]) => k !== 'ref').map(([, i]) => i);
  const titles = new Map<string, number>();
  const mesures = new Map<string, string | null>();
  const planSplits = new Map<string, { parts: MultiPart[]; values: string[] }>();
  // Plan types shared by several plans and naming no plan's intitulé: citing them is ambiguous.
  const ambiguous = new Map<string, PlanEntry[]>();
  for (const pl of lookups.plans) {
    if (!pl.type || lookups.plans.some((x) => x.intitule === pl.type)) continue;
    const same = lookups.plans.filter((x) => x.type === pl.type);
    if (same.length > 1) ambiguous.set(pl.type, same);
  }
  const budgetHeader = SPEC('budget').header;
  const rows: ServiceRow[] = [];
  const nonActionRows: NonActionRow[] = [];
  forEachParsedRow(tab, grid, located, { lists: noColumnLists }, (rowNumber, values, parsedAnomalies, line) => {
    const refCell = refAt === undefined ? null : (line[refAt] ?? null);
    const ref = refCell === null ? '' : cleanText(refCell);
    let refOnly = true;
    for (let k = 0; k < otherColumns.length && refOnly; k++) if (!isEmptyCell(line[otherColumns[k]] ?? null)) refOnly = false;
    // `values` is parseRow's fresh object, completed here with the canonical values of other tabs' lists.
    if (refOnly) {
      rows.push(new ServiceRowRead(tab, rowNumber, ref, values, NONE, refOnly, line, columns));
      return;
    }
    let anomalies = NONE;
    if (parsedAnomalies.length > 0) {
      anomalies = parsedAnomalies.map((a) =>
        a.code === 'hors-bornes' && a.colonne === budgetHeader && typeof values.budget === 'number' && values.budget < 0
          ? { ...a, message: VM.negativeBudget(a.colonne, values.budget), code: 'budget-negatif' }
          : a,
      );
    }
    // Filière against Paramètres › Filières.
    const filiere = text(values.filiere);
    if (filiere !== '' && lookups.filieres) {
      const r = readListValue(filiere, lookups.filieres);
      if (r.ok) values.filiere = r.value;
      else anomalies = added(anomalies, anomaly({ ...where('filiere', rowNumber), message: VM.unknownFiliere(SPEC('filiere').header, quoteValue(filiere), suggestListValue(filiere, lookups.filieres)), bloquante: false, code: 'filiere-inconnue' }));
    }
    // Plans de rattachement against Plans (type or intitulé).
    const plansCell = plansAt === undefined ? null : (line[plansAt] ?? null);
    if (lookups.planNames && !isEmptyCell(plansCell)) {
      const rawPlans = String(plansCell);
      let split = planSplits.get(rawPlans);
      if (!split) {
        const parts = splitMultiKnown(rawPlans, lookups.planNames);
        split = { parts, values: Object.freeze(parts.map((x) => (x.read.ok ? x.read.value : x.text))) as string[] };
        planSplits.set(rawPlans, split);
      }
      for (let i = 0; i < split.parts.length; i++) {
        const part = split.parts[i];
        if (!part.read.ok) {
          anomalies = added(anomalies, anomaly({ ...where('plans', rowNumber), message: VM.unknownPlan(SPEC('plans').header, quoteValue(part.text), suggestListValue(part.text, lookups.planNames)), bloquante: false, code: 'plan-inconnu' }));
          continue;
        }
        const value = part.read.value;
        const sameType = ambiguous.get(value);
        if (sameType) {
          anomalies = added(anomalies, anomaly({ ...where('plans', rowNumber), message: VM.ambiguousPlan(SPEC('plans').header, value, sameType.length, sameType[0].intitule), bloquante: false, code: 'plan-ambigu' }));
        }
      }
      values.plans = split.values;
    }
    // Mesure du référentiel against the référentiel's identifiers.
    const mesure = text(values.mesure);
    if (mesure !== '') {
      let id = mesures.get(mesure);
      if (id === undefined) mesures.set(mesure, (id = readMesure(mesure, lookups.mesures)));
      if (id) values.mesure = id;
      else anomalies = added(anomalies, anomaly({ ...where('mesure', rowNumber), message: VM.unknownMesure(SPEC('mesure').header, quoteValue(mesure)), bloquante: false, code: 'mesure-inconnue' }));
    }
    // End before start.
    if (values.debut instanceof Date && values.fin instanceof Date && values.fin.getTime() < values.debut.getTime()) {
      anomalies = added(anomalies, anomaly({ ...where('fin', rowNumber), message: VM.endBeforeStart(formatDateFr(values.fin), formatDateFr(values.debut)), bloquante: false, code: 'fin-avant-debut' }));
    }
    // Same title twice in the tab.
    const title = text(values.intitule);
    if (title !== '') {
      const key = compareKey(title);
      const first = titles.get(key);
      if (first === undefined) titles.set(key, rowNumber);
      else anomalies = added(anomalies, anomaly({ ...where('intitule', rowNumber), message: VM.duplicateTitle(quoteValue(title), first), bloquante: false, code: 'intitule-en-double' }));
    }
    if (anomalies.length > 1) anomalies.sort((a, b) => columnOrder(a.colonne) - columnOrder(b.colonne));
    rows.push(new ServiceRowRead(tab, rowNumber, ref, values, anomalies, refOnly, line, columns));
  }, (row, a) => nonActionRows.push({ row, anomaly: a }));
  return { ...name, grid, located, rows, tabAnomalies, nonActionRows };
}

/**
 * A ServiceRow as read: its `raw` record is made from the tab's line when
 * first asked for (consolidation reads the line itself), so reading a tab
 * keeps one object per row rather than two.
 */
class ServiceRowRead implements ServiceRow {
  private cells: Readonly<Record<string, Cell>> | null = null;

  constructor(
    readonly tab: string,
    readonly rowNumber: number,
    readonly ref: string,
    readonly values: Readonly<Record<string, ParsedValue>>,
    readonly anomalies: readonly Anomaly[],
    readonly refOnly: boolean,
    private readonly line: readonly Cell[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  get raw(): Readonly<Record<string, Cell>> {
    if (!this.cells) {
      const raw: Record<string, Cell> = {};
      for (const [key, i] of this.columns) raw[key] = this.line[i] ?? null;
      this.cells = raw;
    }
    return this.cells;
  }
}

/** The anomalies of a row without any (shared, frozen: a row's list is replaced, never pushed into, while empty). */
const NONE: Anomaly[] = Object.freeze([]) as unknown as Anomaly[];

/** `list` with `a` appended: a new array when `list` is the shared empty one. */
function added(list: Anomaly[], a: Anomaly): Anomaly[] {
  if (list === NONE) return [a];
  list.push(a);
  return list;
}

const ORDER = new Map(SERVICE_COLUMNS.map((c, i) => [c.header, i]));
function columnOrder(header: string | null): number {
  return header === null ? -1 : (ORDER.get(header) ?? 99);
}

/** Headers under which there is something the schema does not know, and unnamed columns holding data. */
function unknownColumns(grid: Grid, located: LocatedTable): string[] {
  const out = located.extra.map((e) => quoteValue(e.header, 40));
  const header = grid[located.headerRow] ?? [];
  const known = new Set<number>([...located.columns.values(), ...located.extra.map((e) => e.index), ...located.duplicates.map((d) => d.index)]);
  let width = 0;
  for (let r = located.dataStart; r < located.dataEnd; r++) width = Math.max(width, grid[r]?.length ?? 0);
  for (let c = 0; c < width; c++) {
    if (known.has(c) || !isEmptyCell(header[c] ?? null)) continue;
    let used = false;
    for (let r = located.dataStart; r < located.dataEnd && !used; r++) used = !isEmptyCell(grid[r]?.[c] ?? null);
    if (used) out.push(VM.unnamedColumn(columnLetter(c)));
  }
  return out;
}
