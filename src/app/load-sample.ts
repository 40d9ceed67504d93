/**
 * Loads the sample territory (sheets-templates/val-de-loue/*.json) into an
 * installed workbook, placing every value by header name. Pure: it receives
 * the parsed JSON files and a WorkbookPort; the node side reads the folder.
 *
 * File shape: `{ "tab": "<tab name>", "<section>": … }` where the section key
 * is `rows` for a tab with one table, or a section id of the schema
 * (`identite`, `feuilleDeRoute`, `services`, `filieres`, `categories`,
 * `seuils`, `calendrier`…). Keys starting with `_` are comments.
 *
 * How each section is filled:
 * - key/value sections (Accueil › identite): `{ label: value }`, value written beside its label;
 * - reference sections prefilled at install (référentiel, preuves,
 *   personnalisation, indicateurs, feuille de route, audit calendar, seuils):
 *   each sample row completes the prefilled row with the same key
 *   (Identifiant, Pratique as a substring, Étape du calendrier, Paramètre);
 * - default lists (filières, catégories): `null` keeps the defaults, a list replaces them;
 * - `Actions`: the lead's annotations, keyed by Réf., are NOT written (the
 *   tab is rebuilt by consolidation): they are returned for a later step;
 * - every other table: rows appended below the existing ones; a missing
 *   `Service – …` tab is created with its headers.
 *
 * An unknown header is an error: the sample must stay in sync with the schema.
 */
import { LEAD_COLUMNS, MAX_TAB_NAME_LENGTH, SERVICE_COLUMNS, SERVICE_TAB, TAB, TABS, isServiceTabName } from '../domain/schema/tabs';
import type { ColumnSpec, KeyValueSectionSpec, TabSpec, TableSectionSpec } from '../domain/schema/types';
import { cellText, isBlank, type Cell, type Grid } from '../domain/table/cell';
import { locateKeyValues } from '../domain/table/key-value';
import { locateTable, type LocatedTable } from '../domain/table/locate';
import { normalizeKey } from '../domain/table/normalize';
import { SAMPLE_MESSAGES as M } from '../domain/messages/cli';
import type { WorkbookPort } from './ports';

/** One parsed JSON file of the sample folder. */
export interface SampleFile {
  /** File name, for messages. */
  readonly file: string;
  readonly content: unknown;
}

/** The project lead's annotation of one consolidated action, by exact header. */
export interface LeadAnnotation {
  readonly ref: string;
  /** Header (e.g. `Action phare`) → value. */
  readonly values: Readonly<Record<string, Cell>>;
}

export interface SampleLoadResult {
  /** Tabs that received values, in load order. */
  readonly tabs: string[];
  /** Service tabs the loader created. */
  readonly createdTabs: string[];
  /** Sample rows written (appended or completed). */
  rows: number;
  /** Annotations of `Actions`, to apply after consolidation. */
  readonly leadAnnotations: LeadAnnotation[];
  /** Things skipped without being an error (French). */
  readonly warnings: string[];
}

/** How a prefilled section's sample rows find their target row. */
interface MatchRule {
  readonly column: string;
  readonly mode: 'exact' | 'contains';
  /** Custom rows are welcome in some reference sections (own indicators). */
  readonly unknown: 'error' | 'append';
}

/** Keyed by section id (ids are unique across the schema). */
const MATCH_RULES: Readonly<Record<string, MatchRule>> = {
  feuilleDeRoute: { column: 'pratique', mode: 'contains', unknown: 'error' },
  calendrier: { column: 'etape', mode: 'exact', unknown: 'error' },
  checklist: { column: 'critere', mode: 'exact', unknown: 'error' },
  referentiel: { column: 'identifiant', mode: 'exact', unknown: 'error' },
  preuves: { column: 'identifiant', mode: 'exact', unknown: 'error' },
  personnalisation: { column: 'identifiant', mode: 'exact', unknown: 'error' },
  indicateurs: { column: 'identifiant', mode: 'exact', unknown: 'append' },
  seuils: { column: 'parametre', mode: 'exact', unknown: 'error' },
};

/** Default lists a sample may replace wholesale. */
const REPLACEABLE = new Set(['filieres', 'categories']);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/;

export function loadSample(files: readonly SampleFile[], workbook: WorkbookPort): SampleLoadResult {
  const result: SampleLoadResult = { tabs: [], createdTabs: [], rows: 0, leadAnnotations: [], warnings: [] };
  // Paramètres first so the services registry exists before service tabs; otherwise file order.
  const ordered = [...files].sort((a, b) => rank(a) - rank(b));
  for (const f of ordered) loadFile(f, workbook, result);
  return result;
}

function rank(f: SampleFile): number {
  const tab = isRecord(f.content) ? f.content.tab : undefined;
  return tab === TAB.parametres ? 0 : 1;
}

function loadFile(f: SampleFile, wb: WorkbookPort, result: SampleLoadResult): void {
  const content = f.content;
  if (!isRecord(content)) throw new Error(M.notAnObject(f.file));
  const tab = content.tab;
  if (typeof tab !== 'string' || tab.trim() === '') throw new Error(M.missingTab(f.file));
  const spec = specFor(f.file, tab);
  const keys = Object.keys(content).filter((k) => k !== 'tab' && !k.startsWith('_'));

  if (tab === TAB.actions) {
    for (const key of keys) {
      if (key !== 'rows') throw new Error(M.unknownSection(f.file, key, ['rows']));
      result.leadAnnotations.push(...leadAnnotations(f.file, content[key]));
    }
    return;
  }

  if (isServiceTabName(tab) && !wb.sheetNames().includes(tab)) {
    createServiceTab(wb, tab);
    result.createdTabs.push(tab);
  }

  let touched = false;
  for (const key of keys) {
    const section = sectionFor(f.file, spec, key);
    const value = content[key];
    if (value === null || value === undefined) continue;
    const where = sectionLabel(tab, section);
    if (section.kind === 'keyValue') {
      loadFields(f.file, wb, tab, section, value, where);
      touched = true;
      continue;
    }
    if (!Array.isArray(value)) throw new Error(M.notRows(f.file, key));
    const rows = value.map((r, i) => sampleRow(f.file, r, i, key));
    if (rows.length === 0) continue;
    let written: number;
    if (REPLACEABLE.has(section.id)) written = replaceRows(f.file, wb, tab, section, rows, where);
    else if (MATCH_RULES[section.id]) written = completeRows(f.file, wb, tab, section, MATCH_RULES[section.id], rows, where, result.warnings);
    else written = appendRows(f.file, wb, tab, section, rows, where);
    result.rows += written;
    if (written > 0) touched = true;
  }
  if (touched && !result.tabs.includes(tab)) result.tabs.push(tab);
}

function specFor(file: string, tab: string): TabSpec {
  if (isServiceTabName(tab)) {
    if (tab.length > MAX_TAB_NAME_LENGTH) throw new Error(M.tabNameTooLong(file, tab, MAX_TAB_NAME_LENGTH));
    return SERVICE_TAB;
  }
  const spec = TABS.find((t) => t.name === tab);
  if (!spec) throw new Error(M.unknownTab(file, tab));
  if (spec.generated) throw new Error(M.generatedTab(file, tab));
  return spec;
}

function sectionFor(file: string, spec: TabSpec, key: string) {
  const tables = spec.sections.filter((s) => s.kind === 'table');
  if (key === 'rows' && tables.length === 1) return tables[0];
  const section = spec.sections.find((s) => s.id === key);
  if (!section) {
    const known = spec.sections.map((s) => s.id);
    throw new Error(M.unknownSection(file, key, tables.length === 1 ? ['rows', ...known] : known));
  }
  return section;
}

function sectionLabel(tab: string, section: TableSectionSpec | KeyValueSectionSpec): string {
  const tables = tabSectionsCount(tab);
  return tables > 1 && section.title ? `${tab} › ${section.title}` : tab;
}

function tabSectionsCount(tab: string): number {
  if (isServiceTabName(tab)) return 1;
  return TABS.find((t) => t.name === tab)?.sections.length ?? 1;
}

/** A sample row: exact header → cell value; `_` keys dropped. */
type SampleRow = ReadonlyArray<{ header: string; value: Cell }>;

function sampleRow(file: string, raw: unknown, index: number, key: string): SampleRow {
  if (!isRecord(raw)) throw new Error(M.notRows(file, key));
  return Object.entries(raw)
    .filter(([h]) => !h.startsWith('_'))
    .map(([header, v]) => ({ header, value: toCell(file, header, v) }));
}

/** JSON value → cell: ISO dates become dates (UTC midnight, as the readers hand them), lists are joined. */
export function toCell(file: string, header: string, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(M.badValue(file, header, String(v)));
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return isoDate(v) ?? v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
  throw new Error(M.badValue(file, header, JSON.stringify(v)));
}

function isoDate(s: string): Date | null {
  const m = ISO_DATE.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  // 2025-02-30 is not a date: keep the text, the validator will say so.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** Resolves sample headers to the located columns; unknown headers are errors. */
function resolveHeaders(file: string, where: string, section: TableSectionSpec, located: LocatedTable, rows: readonly SampleRow[]): Map<string, { spec: ColumnSpec; col: number }> {
  const byKey = new Map(section.columns.map((c) => [normalizeKey(c.header), c]));
  const out = new Map<string, { spec: ColumnSpec; col: number }>();
  for (const row of rows) {
    for (const { header } of row) {
      if (out.has(header)) continue;
      const spec = byKey.get(normalizeKey(header));
      if (!spec) throw new Error(M.unknownHeader(file, where, header, section.columns.map((c) => c.header)));
      const col = located.columns.get(spec.key);
      if (col === undefined) throw new Error(M.headerNotInSheet(file, where, spec.header));
      out.set(header, { spec, col });
    }
  }
  return out;
}

function locate(file: string, wb: WorkbookPort, tab: string, section: TableSectionSpec, where: string): { grid: Grid; located: LocatedTable } {
  const grid = wb.read(tab);
  const located = locateTable(grid, section);
  if (!located) throw new Error(M.sectionNotInSheet(file, where));
  return { grid, located };
}

/** Last row (exclusive) holding a value in one of the section's own columns: side-by-side sections end independently. */
function ownEnd(grid: Grid, located: LocatedTable): number {
  const cols = [...located.columns.values()];
  let end = located.dataStart;
  for (let r = located.dataStart; r < grid.length; r++) {
    if (cols.some((c) => !isBlank(grid[r]?.[c]))) end = r + 1;
    else if (located.section.extent === 'toBlank') break;
  }
  return end;
}

/** Writes rows of cells as one block spanning the section's columns, keeping what lies between them. */
function writeBlock(wb: WorkbookPort, tab: string, grid: Grid, located: LocatedTable, firstRow: number, lines: ReadonlyArray<ReadonlyMap<number, Cell>>): void {
  if (lines.length === 0) return;
  const cols = [...located.columns.values()];
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  const block: Grid = lines.map((line, i) => {
    const existing = grid[firstRow + i] ?? [];
    const out: Cell[] = [];
    for (let c = min; c <= max; c++) out.push(line.has(c) ? line.get(c)! : (existing[c] ?? null));
    return out;
  });
  wb.write(tab, firstRow, min, block);
}

function appendRows(file: string, wb: WorkbookPort, tab: string, section: TableSectionSpec, rows: readonly SampleRow[], where: string): number {
  const { grid, located } = locate(file, wb, tab, section, where);
  const headers = resolveHeaders(file, where, section, located, rows);
  const lines = rows.map((row) => new Map(row.map(({ header, value }) => [headers.get(header)!.col, value])));
  writeBlock(wb, tab, grid, located, ownEnd(grid, located), lines);
  return rows.length;
}

function replaceRows(file: string, wb: WorkbookPort, tab: string, section: TableSectionSpec, rows: readonly SampleRow[], where: string): number {
  const { grid, located } = locate(file, wb, tab, section, where);
  const headers = resolveHeaders(file, where, section, located, rows);
  const cols = [...located.columns.values()];
  const end = ownEnd(grid, located);
  const lines: Map<number, Cell>[] = rows.map((row) => new Map(row.map(({ header, value }) => [headers.get(header)!.col, value])));
  // Clear the defaults that the sample's list does not cover.
  for (let r = located.dataStart + rows.length; r < end; r++) lines.push(new Map(cols.map((c) => [c, null])));
  for (const line of lines) for (const c of cols) if (!line.has(c)) line.set(c, null);
  writeBlock(wb, tab, grid, located, located.dataStart, lines);
  return rows.length;
}

function completeRows(file: string, wb: WorkbookPort, tab: string, section: TableSectionSpec, rule: MatchRule, rows: readonly SampleRow[], where: string, warnings: string[]): number {
  const { grid, located } = locate(file, wb, tab, section, where);
  const headers = resolveHeaders(file, where, section, located, rows);
  const keySpec = section.columns.find((c) => c.key === rule.column)!;
  const keyCol = located.columns.get(rule.column);
  if (keyCol === undefined) throw new Error(M.headerNotInSheet(file, where, keySpec.header));
  const end = ownEnd(grid, located);
  const existing: Array<{ row: number; key: string }> = [];
  for (let r = located.dataStart; r < end; r++) {
    const k = cellText(grid[r]?.[keyCol]);
    if (k) existing.push({ row: r, key: normalizeKey(k) });
  }
  if (existing.length === 0 && rule.unknown === 'error') {
    // The catalogue behind this section is not filled yet in the schema: nothing to complete.
    warnings.push(M.notPrefilled(file, where, rows.length));
    return 0;
  }

  const updates = new Map<number, Map<number, Cell>>();
  const appended: Map<number, Cell>[] = [];
  rows.forEach((row, i) => {
    const keyEntry = row.find(({ header }) => headers.get(header)!.spec.key === rule.column);
    const keyText = keyEntry ? cellText(keyEntry.value) : '';
    if (!keyText) throw new Error(M.missingKey(file, where, keySpec.header, i + 1));
    const wanted = normalizeKey(keyText);
    const hits = existing.filter((e) => (rule.mode === 'exact' ? e.key === wanted : e.key.includes(wanted)));
    if (hits.length > 1) throw new Error(M.ambiguous(file, where, keySpec.header, keyText, hits.length));
    const cells = new Map<number, Cell>();
    for (const { header, value } of row) {
      const { spec, col } = headers.get(header)!;
      // The key itself stays as prefilled (a substring must not replace the full practice text).
      if (spec.key === rule.column && hits.length === 1) continue;
      cells.set(col, value);
    }
    if (hits.length === 1) {
      const target = updates.get(hits[0].row) ?? new Map<number, Cell>();
      for (const [c, v] of cells) target.set(c, v);
      updates.set(hits[0].row, target);
    } else if (rule.unknown === 'append') {
      appended.push(cells);
    } else {
      throw new Error(M.noMatch(file, where, keySpec.header, keyText));
    }
  });

  // One block from the first to the last completed row, then one block of appended rows.
  if (updates.size > 0) {
    const first = Math.min(...updates.keys());
    const last = Math.max(...updates.keys());
    const lines: Map<number, Cell>[] = [];
    for (let r = first; r <= last; r++) lines.push(updates.get(r) ?? new Map());
    writeBlock(wb, tab, grid, located, first, lines);
  }
  if (appended.length > 0) {
    const after = wb.read(tab);
    writeBlock(wb, tab, after, located, ownEnd(after, located), appended);
  }
  return rows.length;
}

function loadFields(file: string, wb: WorkbookPort, tab: string, section: KeyValueSectionSpec, value: unknown, where: string): void {
  if (!isRecord(value)) throw new Error(M.notFields(file, section.id));
  const grid = wb.read(tab);
  const { found } = locateKeyValues(grid, section);
  const byLabel = new Map(section.fields.map((f) => [normalizeKey(f.header), f]));
  for (const [label, raw] of Object.entries(value)) {
    if (label.startsWith('_')) continue;
    const spec = byLabel.get(normalizeKey(label));
    if (!spec) throw new Error(M.unknownHeader(file, where, label, section.fields.map((f) => f.header)));
    const hit = found.find((f) => f.spec.key === spec.key);
    if (!hit) throw new Error(M.headerNotInSheet(file, where, spec.header));
    wb.write(tab, hit.row, hit.col, [[toCell(file, label, raw)]]);
  }
}

function leadAnnotations(file: string, value: unknown): LeadAnnotation[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(M.notRows(file, 'rows'));
  const refHeader = SERVICE_COLUMNS.find((c) => c.key === 'ref')!.header;
  const allowed = new Map([refHeader, ...LEAD_COLUMNS.map((c) => c.header)].map((h) => [normalizeKey(h), h]));
  return value.map((raw, i) => {
    const row = sampleRow(file, raw, i, 'rows');
    const values: Record<string, Cell> = {};
    let ref = '';
    for (const { header, value: v } of row) {
      const canonical = allowed.get(normalizeKey(header));
      if (!canonical) throw new Error(M.unknownHeader(file, `${TAB.actions} (colonnes du chef de projet)`, header, [...allowed.values()]));
      if (canonical === refHeader) ref = cellText(v);
      else values[canonical] = v;
    }
    if (!ref) throw new Error(M.leadNeedsRef(file, i + 1));
    return { ref, values };
  });
}

/** A service tab the sample needs: created before `Actions`, after the other service tabs, with its headers. */
function createServiceTab(wb: WorkbookPort, name: string): void {
  const names = wb.sheetNames();
  const actions = names.indexOf(TAB.actions);
  wb.createSheet(name, actions >= 0 ? actions : names.length);
  wb.write(name, 0, 0, [SERVICE_COLUMNS.map((c) => c.header)]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
