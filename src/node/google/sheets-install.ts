/**
 * *Installer ou mettre à jour le classeur* on the template, through the Sheets
 * API: the engine's own install plan (src/domain/install, the same
 * `planInstall` the add-on and the offline `template` run) turned into
 * `spreadsheets.batchUpdate` requests.
 *
 * Why not run the add-on's install through the Apps Script API
 * (`scripts.run`)? Google only runs a script that way when it is deployed as
 * an API executable AND belongs to the same standard Cloud project as the
 * calling OAuth client; a freshly created bound script lives in a default
 * project that can only be switched by hand in the script editor, and the
 * Apps Script API refuses service accounts. The deploy would then need a
 * manual step on every new template. Writing the plan through the Sheets API
 * needs nothing but the credentials, and what it writes is the same plan.
 * When the user runs *Installer* in her copy, the add-on re-applies formats and
 * protections in her name; nothing differs.
 *
 * What the template carries: tabs, headers (with their notes), prefilled
 * référentiel, preuves and indicateurs, validations, number formats, colours,
 * widths, frozen rows, warning-only protections, French locale and Paris time.
 * No Journal row and no editor list: the template is shared publicly and
 * carries nothing personal.
 *
 * The template belongs to the deploy: on an update, conditional format rules
 * of the schema's tabs are replaced as a whole, and our protections (by
 * description) are replaced; data is never rewritten (the plan is
 * non-destructive).
 */
import type { sheets_v4 } from 'googleapis';
import { planInstall, type InstallPlan } from '../../domain/install/plan';
import { DATA_FILL, HEADER_STYLE, type BlockFormat, type ColumnFormat, type SheetFormat, type Validation } from '../../domain/install/format';
import { gasMessages } from '../../domain/messages/gas';
import { COLOURS } from '../../domain/schema/colours';
import { SERVICE_TAB_PREFIX, TABS } from '../../domain/schema/tabs';
import type { ColumnRole, ColumnType } from '../../domain/schema/types';
import type { Cell, Grid } from '../../domain/table/cell';
import { columnLetter } from '../../domain/table/locate';

type Request = sheets_v4.Schema$Request;

export const WORKBOOK_LOCALE = 'fr_FR';
export const WORKBOOK_TIME_ZONE = 'Europe/Paris';

/** Google's default grid for a new sheet (rows × columns). */
export const DEFAULT_GRID = { rows: 1000, cols: 26 } as const;

/** Engine-filled columns: a warning protection, as the add-on sets. */
const PROTECTED_ROLES: ReadonlySet<ColumnRole> = new Set(['computed', 'reference', 'assigned']);
const OUR_PROTECTIONS: ReadonlySet<string> = new Set([gasMessages.protection.headers, gasMessages.protection.computed]);

/** What the deploy knows of one existing sheet. */
export interface SheetInfo {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly conditionalRuleCount: number;
  /** Ids of the protected ranges whose description is one of ours. */
  readonly ourProtectionIds: readonly number[];
}

export interface TemplateLayout {
  readonly locale?: string | null;
  readonly timeZone?: string | null;
  readonly sheets: readonly SheetInfo[];
  readonly grids: ReadonlyMap<string, Grid>;
  /** A sheet to delete once ours exist (the blank first sheet of a new spreadsheet). */
  readonly placeholderSheetId?: number;
}

export interface InstallRequests {
  readonly plan: InstallPlan;
  readonly requests: Request[];
}

/** Reads what the install plan needs: sheets, their sizes, rules and protections, and the values of our tabs. */
export function layoutFromSpreadsheet(spreadsheet: sheets_v4.Schema$Spreadsheet, values: ReadonlyMap<string, Grid>, placeholderSheetId?: number): TemplateLayout {
  const sheets: SheetInfo[] = (spreadsheet.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? '',
    rowCount: s.properties?.gridProperties?.rowCount ?? DEFAULT_GRID.rows,
    columnCount: s.properties?.gridProperties?.columnCount ?? DEFAULT_GRID.cols,
    conditionalRuleCount: s.conditionalFormats?.length ?? 0,
    ourProtectionIds: (s.protectedRanges ?? []).filter((p) => OUR_PROTECTIONS.has(p.description ?? '')).map((p) => p.protectedRangeId ?? -1).filter((id) => id >= 0),
  }));
  return { locale: spreadsheet.properties?.locale, timeZone: spreadsheet.properties?.timeZone, sheets, grids: values, placeholderSheetId };
}

/** Tabs whose values the plan reads: the schema's and the services'. */
export function tabsToRead(titles: readonly string[]): string[] {
  const known = new Set(TABS.map((t) => t.name));
  return titles.filter((t) => known.has(t) || t.startsWith(SERVICE_TAB_PREFIX));
}

/** A sheet name as an A1 reference prefix ('It''s' quoted). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The whole install as Sheets API requests, in order: spreadsheet settings,
 * new sheets (ids chosen here so one batch can fill them), grid growth, the
 * placeholder's removal, values, then formats per sheet.
 */
export function installRequests(layout: TemplateLayout): InstallRequests {
  const titles = layout.sheets.map((s) => s.title);
  const plan = planInstall(titles, layout.grids);
  const requests: Request[] = [];

  if (layout.locale !== WORKBOOK_LOCALE || layout.timeZone !== WORKBOOK_TIME_ZONE) {
    requests.push({ updateSpreadsheetProperties: { properties: { locale: WORKBOOK_LOCALE, timeZone: WORKBOOK_TIME_ZONE }, fields: 'locale,timeZone' } });
  }

  const extents = neededExtents(plan);
  const ids = new Map<string, number>(layout.sheets.map((s) => [s.title, s.sheetId]));
  const sizes = new Map<string, { rows: number; cols: number }>(layout.sheets.map((s) => [s.title, { rows: s.rowCount, cols: s.columnCount }]));
  let nextId = Math.max(0, ...layout.sheets.map((s) => s.sheetId)) + 1;

  for (const c of plan.create) {
    const need = extents.get(c.name) ?? { rows: 1, cols: 1 };
    const size = { rows: Math.max(DEFAULT_GRID.rows, need.rows), cols: Math.max(DEFAULT_GRID.cols, need.cols) };
    const sheetId = nextId++;
    ids.set(c.name, sheetId);
    sizes.set(c.name, size);
    requests.push({ addSheet: { properties: { sheetId, title: c.name, index: c.index, gridProperties: { rowCount: size.rows, columnCount: size.cols } } } });
  }
  for (const s of layout.sheets) {
    const need = extents.get(s.title);
    if (!need || (need.rows <= s.rowCount && need.cols <= s.columnCount)) continue;
    const size = { rows: Math.max(s.rowCount, need.rows), cols: Math.max(s.columnCount, need.cols) };
    sizes.set(s.title, size);
    requests.push({
      updateSheetProperties: {
        properties: { sheetId: s.sheetId, gridProperties: { rowCount: size.rows, columnCount: size.cols } },
        fields: 'gridProperties.rowCount,gridProperties.columnCount',
      },
    });
  }
  // Removed only while it exists and is not the last sheet (Google refuses to delete the only sheet).
  const placeholder = layout.sheets.find((s) => s.sheetId === layout.placeholderSheetId);
  if (placeholder && layout.placeholderSheetId !== undefined && plan.create.length + layout.sheets.length > 1) {
    requests.push({ deleteSheet: { sheetId: layout.placeholderSheetId } });
  }

  const idOf = (name: string) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`Onglet introuvable : ${name}`);
    return id;
  };

  for (const w of plan.writes) {
    requests.push({
      updateCells: {
        start: { sheetId: idOf(w.sheet), rowIndex: w.row, columnIndex: w.col },
        rows: w.values.map((row) => ({ values: row.map((v) => ({ userEnteredValue: extendedValue(v) })) })),
        fields: 'userEnteredValue',
      },
    });
  }

  const existingRules = new Map(layout.sheets.map((s) => [s.title, s]));
  for (const f of plan.formats) {
    const info = existingRules.get(f.sheet);
    if (info) {
      // Highest index first: each deletion shifts the rules after it.
      for (let i = info.conditionalRuleCount - 1; i >= 0; i--) requests.push({ deleteConditionalFormatRule: { sheetId: info.sheetId, index: i } });
      for (const id of info.ourProtectionIds) requests.push({ deleteProtectedRange: { protectedRangeId: id } });
    }
    requests.push(...formatRequests(idOf(f.sheet), f.format, (name) => ({ id: idOf(name), rows: sizes.get(name)?.rows ?? DEFAULT_GRID.rows })));
  }
  return { plan, requests };
}

/** Rows and columns each sheet must have for the plan's writes and formats (frozen rows need one row more). */
function neededExtents(plan: InstallPlan): Map<string, { rows: number; cols: number }> {
  const out = new Map<string, { rows: number; cols: number }>();
  const grow = (sheet: string, rows: number, cols: number) => {
    const e = out.get(sheet) ?? { rows: 0, cols: 0 };
    out.set(sheet, { rows: Math.max(e.rows, rows), cols: Math.max(e.cols, cols) });
  };
  for (const w of plan.writes) grow(w.sheet, w.row + w.values.length, w.col + Math.max(0, ...w.values.map((r) => r.length)));
  for (const { sheet, format } of plan.formats) {
    // "You can't freeze all visible rows on the sheet": keep one unfrozen row.
    grow(sheet, format.frozenRows + 1, 1);
    for (const b of format.blocks) {
      grow(sheet, Math.max(b.lastDataRow, b.headerRow) + 1, Math.max(0, ...b.columns.map((c) => c.col + 1)));
      for (const c of b.columns) if (c.validation?.kind === 'listRange') grow(c.validation.sheet, c.validation.lastRow + 1, c.validation.col + 1);
    }
    for (const field of format.fields) {
      grow(sheet, field.labelRow + 1, Math.max(field.labelCol, field.format.col) + 1);
      const v = field.format.validation;
      if (v?.kind === 'listRange') grow(v.sheet, v.lastRow + 1, v.col + 1);
    }
  }
  return out;
}

const DAY_MS = 86_400_000;
/** Sheets' day 0: serial numbers count days from 30/12/1899. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as the API's ExtendedValue; text is sent as stringValue, so `=…` is never a formula. */
export function extendedValue(v: Cell): sheets_v4.Schema$ExtendedValue | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (v instanceof Date) return { numberValue: Math.round((v.getTime() - SERIAL_EPOCH) / DAY_MS) };
  return { stringValue: v };
}

/** `#1F5C4A` → the API's Color (fractions of 1). */
export function rgb(hex: string): sheets_v4.Schema$Color {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`Couleur invalide : ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Math.round((parseInt(h, 16) / 255) * 1e4) / 1e4);
  return { red: r, green: g, blue: b };
}

const NUMBER_FORMAT_TYPE: Partial<Record<ColumnType, 'DATE' | 'PERCENT' | 'NUMBER'>> = { date: 'DATE', percent: 'PERCENT' };

function runs(columns: readonly ColumnFormat[], keep: (c: ColumnFormat) => boolean): ColumnFormat[][] {
  const sorted = columns.filter(keep).sort((a, b) => a.col - b.col);
  const out: ColumnFormat[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1].col === c.col - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

type SheetLookup = (name: string) => { id: number; rows: number };

/** One SheetFormat as requests: the same effects as the add-on's SheetsFormatter. */
export function formatRequests(sheetId: number, format: SheetFormat, sheetOf: SheetLookup): Request[] {
  const out: Request[] = [];
  const props: sheets_v4.Schema$SheetProperties = { sheetId, tabColorStyle: { rgbColor: rgb(format.tabColour) } };
  let fields = 'tabColorStyle';
  if (format.frozenRows > 0) {
    props.gridProperties = { frozenRowCount: format.frozenRows };
    fields += ',gridProperties.frozenRowCount';
  }
  out.push({ updateSheetProperties: { properties: props, fields } });
  for (const block of format.blocks) out.push(...blockRequests(sheetId, block, sheetOf));
  for (const field of format.fields) out.push(...fieldRequests(sheetId, field, sheetOf));
  return out;
}

function range(sheetId: number, row: number, col: number, rows: number, cols: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: row, endRowIndex: row + rows, startColumnIndex: col, endColumnIndex: col + cols };
}

function protect(r: sheets_v4.Schema$GridRange, description: string): Request {
  return { addProtectedRange: { protectedRange: { range: r, description, warningOnly: true } } };
}

function blockRequests(sheetId: number, block: BlockFormat, sheetOf: SheetLookup): Request[] {
  const out: Request[] = [];
  const all = block.columns;
  if (all.length === 0) return out;

  for (const run of runs(all, () => true)) {
    const withNotes = run.some((c) => c.help);
    out.push({
      updateCells: {
        start: { sheetId, rowIndex: block.headerRow, columnIndex: run[0].col },
        rows: [
          {
            values: run.map((c) => ({
              userEnteredFormat: {
                backgroundColor: rgb(HEADER_STYLE[c.role].background),
                textFormat: { foregroundColor: rgb(HEADER_STYLE[c.role].font), bold: true },
                wrapStrategy: 'WRAP',
                verticalAlignment: 'MIDDLE',
              },
              ...(withNotes ? { note: c.help ?? '' } : {}),
            })),
          },
        ],
        fields: `userEnteredFormat(backgroundColor,textFormat,wrapStrategy,verticalAlignment)${withNotes ? ',note' : ''}`,
      },
    });
    out.push(protect(range(sheetId, block.headerRow, run[0].col, 1, run.length), gasMessages.protection.headers));
  }
  if (block.titleRow !== undefined) {
    const first = Math.min(...all.map((c) => c.col));
    out.push({
      repeatCell: {
        range: range(sheetId, block.titleRow, first, 1, 1),
        cell: { userEnteredFormat: { textFormat: { bold: true, fontSize: 12, foregroundColor: rgb(COLOURS.brand) } } },
        fields: 'userEnteredFormat.textFormat',
      },
    });
  }
  out.push(...widthRequests(sheetId, all));

  const height = block.lastDataRow - block.firstDataRow + 1;
  if (height <= 0) return out;
  const data = (c: ColumnFormat, from = block.firstDataRow, rows = height) => range(sheetId, from, c.col, rows, 1);

  for (const c of all) {
    if (!c.validation) continue;
    const rule = validationRule(c.validation, c.help, sheetOf);
    if (c.validationRows) {
      // Cleared on the whole column first, then set on the listed rows only.
      out.push({ setDataValidation: { range: data(c) } });
      if (!rule) continue;
      for (const [a, b] of c.validationRows) {
        const from = Math.max(a, block.firstDataRow);
        const to = Math.min(b, block.lastDataRow);
        if (to >= from) out.push({ setDataValidation: { range: data(c, from, to - from + 1), rule } });
      }
    } else if (rule) {
      out.push({ setDataValidation: { range: data(c), rule } });
    }
  }
  for (const c of all) {
    if (!c.numberFormat) continue;
    out.push({
      repeatCell: {
        range: data(c),
        cell: { userEnteredFormat: { numberFormat: { type: NUMBER_FORMAT_TYPE[c.type] ?? 'NUMBER', pattern: c.numberFormat } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  for (const run of runs(all, (c) => DATA_FILL[c.role] !== undefined)) {
    // Adjacent columns may differ in fill (lead vs computed): one request per fill.
    for (const c of run) {
      out.push({ repeatCell: { range: data(c), cell: { userEnteredFormat: { backgroundColor: rgb(DATA_FILL[c.role]!) } }, fields: 'userEnteredFormat.backgroundColor' } });
    }
  }
  for (const run of runs(all, (c) => PROTECTED_ROLES.has(c.role))) {
    out.push(protect(range(sheetId, block.firstDataRow, run[0].col, height, run.length), gasMessages.protection.computed));
  }
  let index = 0;
  for (const c of all) {
    for (const band of c.bands ?? []) {
      const a1 = `${columnLetter(c.col)}${block.firstDataRow + 1}`;
      // Same formula as the add-on's band rules (src/gas/sheets-formatter.ts), so its run recognises them as its own.
      const formula = `=AND(ISNUMBER(${a1}),${a1}>=${band.atLeast}${band.below !== undefined ? `,${a1}<${band.below}` : ''})`;
      out.push({
        addConditionalFormatRule: {
          index: index++,
          rule: {
            ranges: [data(c)],
            booleanRule: {
              condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: formula }] },
              format: { backgroundColor: rgb(band.background), textFormat: { foregroundColor: rgb(band.font) } },
            },
          },
        },
      });
    }
  }
  for (const c of all) {
    for (const r of c.colours ?? []) {
      out.push({
        addConditionalFormatRule: {
          index: index++,
          rule: {
            ranges: [data(c)],
            booleanRule: {
              condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: r.equals }] },
              format: { backgroundColor: rgb(r.background), ...(r.font ? { textFormat: { foregroundColor: rgb(r.font) } } : {}) },
            },
          },
        },
      });
    }
  }
  return out;
}

function fieldRequests(sheetId: number, field: SheetFormat['fields'][number], sheetOf: SheetLookup): Request[] {
  const out: Request[] = [];
  const label = range(sheetId, field.labelRow, field.labelCol, 1, 1);
  out.push({
    updateCells: {
      start: { sheetId, rowIndex: field.labelRow, columnIndex: field.labelCol },
      rows: [
        {
          values: [
            {
              userEnteredFormat: { backgroundColor: rgb(COLOURS.brandLight), textFormat: { bold: true, foregroundColor: rgb(COLOURS.brand) } },
              ...(field.format.help ? { note: field.format.help } : {}),
            },
          ],
        },
      ],
      fields: `userEnteredFormat(backgroundColor,textFormat)${field.format.help ? ',note' : ''}`,
    },
  });
  out.push(protect(label, gasMessages.protection.headers));
  const value = range(sheetId, field.labelRow, field.format.col, 1, 1);
  if (field.format.validation) {
    const rule = validationRule(field.format.validation, field.format.help, sheetOf);
    if (rule) out.push({ setDataValidation: { range: value, rule } });
  }
  if (field.format.numberFormat) {
    out.push({
      repeatCell: {
        range: value,
        cell: { userEnteredFormat: { numberFormat: { type: NUMBER_FORMAT_TYPE[field.format.type] ?? 'NUMBER', pattern: field.format.numberFormat } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  return out;
}

/** One request per run of adjacent columns sharing a width. */
function widthRequests(sheetId: number, columns: readonly ColumnFormat[]): Request[] {
  const out: Request[] = [];
  const sorted = columns.filter((c) => c.width !== undefined).sort((a, b) => a.col - b.col);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].col === sorted[j - 1].col + 1 && sorted[j].width === sorted[i].width) j++;
    out.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: sorted[i].col, endIndex: sorted[j - 1].col + 1 },
        properties: { pixelSize: sorted[i].width },
        fields: 'pixelSize',
      },
    });
    i = j;
  }
  return out;
}

/** The add-on's validation rules in the API's shape (same help texts, same strictness). */
export function validationRule(v: Validation, help: string | undefined, sheetOf: SheetLookup): sheets_v4.Schema$DataValidationRule | null {
  const m = gasMessages.validation;
  switch (v.kind) {
    case 'list':
      return { condition: { type: 'ONE_OF_LIST', values: v.values.map((x) => ({ userEnteredValue: x })) }, strict: v.strict, showCustomUi: true, inputMessage: help ?? m.list };
    case 'listRange': {
      const source = sheetOf(v.sheet);
      // Never past the source's grid: Sheets refuses a range outside it.
      const last = Math.min(v.lastRow + 1, source.rows);
      if (last < v.firstRow + 1) return null;
      const col = columnLetter(v.col);
      const ref = `=${quoteSheet(v.sheet)}!$${col}$${v.firstRow + 1}:$${col}$${last}`;
      return { condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: ref }] }, strict: v.strict, showCustomUi: true, inputMessage: help ?? m.listRange(v.sheet) };
    }
    case 'date':
      return { condition: { type: 'DATE_IS_VALID' }, strict: true, inputMessage: help ?? m.date };
    case 'number': {
      const text = help ?? m.number(v.min, v.max);
      const condition: sheets_v4.Schema$BooleanCondition =
        v.min !== undefined && v.max !== undefined
          ? { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: String(v.min) }, { userEnteredValue: String(v.max) }] }
          : v.min !== undefined
            ? { type: 'NUMBER_GREATER_THAN_EQ', values: [{ userEnteredValue: String(v.min) }] }
            : v.max !== undefined
              ? { type: 'NUMBER_LESS_THAN_EQ', values: [{ userEnteredValue: String(v.max) }] }
              : // Sheets has no "any number" criterion: a range no budget or count reaches (as the add-on does).
                { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '-1000000000000000' }, { userEnteredValue: '1000000000000000' }] };
      return { condition, strict: true, inputMessage: text };
    }
  }
}

/**
 * Requests in batches the API accepts comfortably: a batch is applied
 * atomically by Google, and each stays far below the request-size limit.
 * Order is kept, so a sheet is always added before it is filled.
 */
export function batches<T>(requests: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < requests.length; i += size) out.push(requests.slice(i, i + size));
  return out;
}
