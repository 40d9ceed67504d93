/**
 * The install / update plan: what *Installer ou mettre à jour le classeur*
 * (and the offline `template`) must do to a workbook, computed from the schema
 * and what is already there. Non-destructive by construction: it only creates
 * missing tabs, appends missing headers, fills empty reference sections, and
 * (re)applies formats. A second run on its own output plans no value write.
 */
import type { ColumnSpec, KeyValueSectionSpec, SectionSpec, TabSpec, TableSectionSpec } from '../schema/types';
import { SERVICE_TAB, TAB, TABS, isServiceTabName } from '../schema/tabs';
import { cellText, isBlank, isBlankRow, pasteBlock, type Cell, type Grid } from '../table/cell';
import { describe, locateTable, type LocatedTable } from '../table/locate';
import { locateKeyValues } from '../table/key-value';
import { ACCUEIL_MAX_WIDTH_PX, FORMAT_ROWS_AHEAD, NUMBER_FORMATS, widenForContent, type BlockFormat, type ColumnFormat, type SheetFormat, type Validation } from './format';
import { prefillRows } from './prefill';

export interface BlockWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly values: Grid;
}

export interface InstallPlan {
  readonly create: ReadonlyArray<{ readonly name: string; readonly index: number }>;
  readonly writes: readonly BlockWrite[];
  readonly formats: ReadonlyArray<{ readonly sheet: string; readonly format: SheetFormat }>;
  readonly report: InstallReport;
}

export interface InstallReport {
  readonly createdTabs: string[];
  readonly addedColumns: Array<{ tab: string; headers: string[] }>;
  readonly prefilled: string[];
  /** Sections the engine could not place without overwriting something (never forced). */
  readonly problems: Array<{ tab: string; message: string }>;
}

/** Existing content, one grid per tab that exists (read once each). */
export type ExistingWorkbook = ReadonlyMap<string, Grid>;

const GAP = 1;

export function planInstall(sheetNames: readonly string[], existing: ExistingWorkbook): InstallPlan {
  const create: Array<{ name: string; index: number }> = [];
  const writes: BlockWrite[] = [];
  const formats: Array<{ sheet: string; format: SheetFormat }> = [];
  const report: InstallReport = { createdTabs: [], addedColumns: [], prefilled: [], problems: [] };

  // Grids as they will be after this plan's writes, so list validations can reference them.
  const after = new Map<string, Grid>();
  for (const [k, v] of existing) after.set(k, v.map((r) => r.slice()));

  TABS.forEach((tab, index) => {
    const exists = sheetNames.includes(tab.name);
    if (!exists) {
      create.push({ name: tab.name, index });
      report.createdTabs.push(tab.name);
    }
    const grid = exists ? (existing.get(tab.name) ?? []) : [];
    planTabContent(tab, tab.name, grid, writes, report, after);
  });
  for (const name of sheetNames) {
    if (isServiceTabName(name)) planTabContent(SERVICE_TAB, name, existing.get(name) ?? [], writes, report, after);
  }

  const allTabs: Array<{ spec: TabSpec; name: string }> = [
    ...TABS.map((t) => ({ spec: t, name: t.name })),
    ...sheetNames.filter(isServiceTabName).map((n) => ({ spec: SERVICE_TAB, name: n })),
  ];
  for (const { spec, name } of allTabs) {
    formats.push({ sheet: name, format: sheetFormat(spec, after.get(name) ?? [], after) });
  }
  return { create, writes, formats, report };
}

/** Applies a write to the simulated grid. */
function apply(after: Map<string, Grid>, w: BlockWrite): void {
  const g = after.get(w.sheet) ?? [];
  pasteBlock(g, w.row, w.col, w.values);
  after.set(w.sheet, g);
}

function lastUsedRow(grid: Grid): number {
  let r = grid.length - 1;
  while (r >= 0 && isBlankRow(grid[r])) r--;
  return r;
}

function lastUsedCol(row: readonly Cell[] | undefined): number {
  if (!row) return -1;
  let c = row.length - 1;
  while (c >= 0 && isBlank(row[c])) c--;
  return c;
}

function planTabContent(tab: TabSpec, sheet: string, grid: Grid, writes: BlockWrite[], report: InstallReport, after: Map<string, Grid>): void {
  const push = (w: BlockWrite) => {
    writes.push(w);
    apply(after, w);
  };
  if (tab.generated) return;
  const empty = lastUsedRow(grid) < 0;
  if (empty) {
    const block = freshLayout(tab);
    if (block.length > 0) {
      push({ sheet, row: 0, col: 0, values: block });
      for (const s of tab.sections) if (s.kind === 'table' && s.prefill) report.prefilled.push(`${sheet} › ${s.id}`);
    }
    return;
  }
  // Existing tab: find each section, complete it, never move anything.
  let sharedHeaderRow: number | null = null;
  for (const section of tab.sections) {
    const current = after.get(sheet) ?? [];
    if (section.kind === 'keyValue') {
      const { missing } = locateKeyValues(current, section);
      if (missing.length > 0) {
        const at = lastUsedRow(current) + 2;
        push({ sheet, row: at, col: 0, values: missing.map((f) => [f.header, null]) });
        report.addedColumns.push({ tab: sheet, headers: missing.map((f) => f.header) });
      }
      continue;
    }
    let located = locateTable(current, section);
    if (located && tab.layout === 'sideBySide') sharedHeaderRow ??= located.headerRow;
    if (!located) {
      if (tab.layout === 'single') {
        report.problems.push({ tab: sheet, message: `header-not-found:${section.id}` });
        continue;
      }
      const titleRows = section.title ? 1 : 0;
      let row: number;
      let col: number;
      if (tab.layout === 'sideBySide') {
        row = sharedHeaderRow ?? 0;
        col = lastUsedCol(current[row]) + 1 + GAP;
      } else {
        row = lastUsedRow(current) + 3;
        col = 0;
      }
      const block: Grid = [];
      if (titleRows) block.push([section.title ?? '']);
      block.push(section.columns.map((c) => c.header));
      for (const r of prefillGrid(section)) block.push(r);
      push({ sheet, row, col, values: block });
      if (section.prefill) report.prefilled.push(`${sheet} › ${section.id}`);
      continue;
    }
    if (located.missing.length > 0) {
      const at = lastUsedCol(current[located.headerRow]) + 1;
      const headers = located.missing.map((c) => c.header);
      push({ sheet, row: located.headerRow, col: at, values: [headers] });
      report.addedColumns.push({ tab: sheet, headers });
      located = describe(after.get(sheet) ?? [], section, located.headerRow);
    }
    if (section.prefill && located.dataEnd <= located.dataStart) {
      const rows = prefillRows(section.prefill);
      if (rows.length > 0) {
        // Write the prefilled values column by column run, in one block covering the table width.
        const width = Math.max(...[...located.columns.values()]) + 1;
        const block: Grid = rows.map((r) => {
          const line: Cell[] = new Array(width).fill(null);
          for (const [key, idx] of located!.columns) line[idx] = r[key] ?? null;
          return line;
        });
        const minCol = Math.min(...[...located.columns.values()]);
        push({ sheet, row: located.dataStart, col: minCol, values: block.map((l) => l.slice(minCol)) });
        report.prefilled.push(`${sheet} › ${section.id}`);
      }
    }
  }
}

function prefillGrid(section: TableSectionSpec): Grid {
  if (!section.prefill) return [];
  return prefillRows(section.prefill).map((r) => section.columns.map((c) => r[c.key] ?? null));
}

/** The content of a tab created from scratch. */
function freshLayout(tab: TabSpec): Grid {
  const grid: Grid = [];
  if (tab.layout === 'sideBySide') {
    const blocks = tab.sections.filter((s): s is TableSectionSpec => s.kind === 'table').map((s) => [s.columns.map((c) => c.header as Cell), ...prefillGrid(s)]);
    const height = Math.max(...blocks.map((b) => b.length));
    for (let r = 0; r < height; r++) {
      const line: Cell[] = [];
      blocks.forEach((b, i) => {
        const width = b[0].length;
        const src = b[r] ?? [];
        for (let c = 0; c < width; c++) line.push(src[c] ?? null);
        if (i < blocks.length - 1) for (let g = 0; g < GAP; g++) line.push(null);
      });
      grid.push(line);
    }
    return grid;
  }
  if (tab.intro) {
    for (const line of tab.intro) grid.push([line]);
    grid.push([]);
  }
  tab.sections.forEach((s, i) => {
    if (i > 0) grid.push([], []);
    if (s.kind === 'keyValue') {
      if (s.title) grid.push([s.title]);
      for (const f of s.fields) grid.push([f.header, null]);
      return;
    }
    if (s.title && tab.layout === 'stacked') grid.push([s.title]);
    grid.push(s.columns.map((c) => c.header));
    for (const r of prefillGrid(s)) grid.push(r);
  });
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => {
    const line = r.slice();
    while (line.length < width) line.push(null);
    return line;
  });
}

/** Resolves a list source to a validation, pointing at the located column of the source tab. */
function listValidation(c: ColumnSpec, after: ReadonlyMap<string, Grid>): Validation | undefined {
  if (!c.list) return undefined;
  const strict = c.type !== 'multilist';
  if (c.list.kind === 'fixed') return { kind: 'list', values: c.list.values, strict };
  const src = c.list;
  const grid = after.get(src.tab) ?? [];
  const spec = TABS.find((t) => t.name === src.tab);
  const section = spec?.sections.find((s) => s.id === src.section);
  if (!section || section.kind !== 'table') return undefined;
  const located = locateTable(grid, section);
  const col = located?.columns.get(src.column);
  if (!located || col === undefined) return undefined;
  // Multi-valued cells and references to a tab users extend are guided, not enforced.
  return { kind: 'listRange', sheet: src.tab, col, firstRow: located.dataStart, lastRow: located.dataStart + FORMAT_ROWS_AHEAD, strict: false };
}

function columnFormat(c: ColumnSpec, col: number, after: ReadonlyMap<string, Grid>): ColumnFormat {
  let validation: Validation | undefined = listValidation(c, after);
  if (!validation && c.type === 'date') validation = { kind: 'date' };
  if (!validation && (c.type === 'integer' || c.type === 'number' || c.type === 'money' || c.type === 'year' || c.type === 'percent') && c.role !== 'computed' && c.role !== 'reference') {
    validation = { kind: 'number', min: c.min, max: c.max, integer: c.type === 'integer' || c.type === 'year' };
  }
  return {
    col,
    header: c.header,
    role: c.role ?? 'input',
    type: c.type,
    width: c.width,
    numberFormat: NUMBER_FORMATS[c.type],
    validation,
    colours: c.colours,
    bands: c.bands,
    help: c.help,
  };
}

export function sheetFormat(tab: TabSpec, grid: Grid, after: ReadonlyMap<string, Grid>): SheetFormat {
  const blocks: BlockFormat[] = [];
  const fields: SheetFormat['fields'][number][] = [];
  let frozenRows = 0;
  for (const section of tab.sections) {
    if (section.kind === 'keyValue') {
      fields.push(...keyValueFormats(section, grid, after));
      continue;
    }
    const located = locateTable(grid, section);
    if (!located) continue;
    if (tab.layout !== 'stacked') frozenRows = Math.max(frozenRows, located.headerRow + 1);
    const block = blockFormat(section, located, grid, after);
    // Accueil is the workbook's face: the texts the engine writes there (étapes, pratiques) are read whole.
    blocks.push(tab.name === TAB.accueil ? widenForContent(block, grid, ACCUEIL_MAX_WIDTH_PX) : block);
  }
  return { tabColour: tab.colour, frozenRows, blocks, fields };
}

function keyValueFormats(section: KeyValueSectionSpec, grid: Grid, after: ReadonlyMap<string, Grid>) {
  const { found } = locateKeyValues(grid, section);
  return found.map((f) => ({ labelRow: f.row, labelCol: f.col - 1, format: columnFormat(f.spec, f.col, after) }));
}

/** Row ranges (0-based, inclusive) of the data rows whose `column` holds one of `values`. */
function rowsWhere(grid: Grid, located: LocatedTable, when: NonNullable<ColumnSpec['validationWhen']>): Array<[number, number]> {
  const idx = located.columns.get(when.column);
  const ranges: Array<[number, number]> = [];
  if (idx === undefined) return ranges;
  for (let r = located.dataStart; r < located.dataEnd; r++) {
    if (!when.values.includes(cellText(grid[r]?.[idx]))) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else ranges.push([r, r]);
  }
  return ranges;
}

function blockFormat(section: TableSectionSpec, located: LocatedTable, grid: Grid, after: ReadonlyMap<string, Grid>): BlockFormat {
  const columns: ColumnFormat[] = [];
  for (const c of section.columns) {
    const idx = located.columns.get(c.key);
    if (idx === undefined) continue;
    const f = columnFormat(c, idx, after);
    columns.push(c.validationWhen && f.validation ? { ...f, validationRows: rowsWhere(grid, located, c.validationWhen) } : f);
  }
  const lastDataRow = section.extent === 'toBlank' ? Math.max(located.dataEnd - 1, located.dataStart) : Math.max(located.dataEnd, located.dataStart) + FORMAT_ROWS_AHEAD;
  return {
    headerRow: located.headerRow,
    titleRow: section.title && located.headerRow > 0 && grid[located.headerRow - 1]?.some((v) => cellText(v) === section.title) ? located.headerRow - 1 : undefined,
    firstDataRow: located.dataStart,
    lastDataRow,
    columns,
  };
}
