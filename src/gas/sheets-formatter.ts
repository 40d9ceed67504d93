/**
 * FormatterPort over SpreadsheetApp: applies a SheetFormat (positions already
 * resolved by the domain) with a number of calls that depends on the tab's
 * columns, never on its rows: one call per run of adjacent columns for
 * validations, number formats, fills and header styles; one rebuild of the
 * conditional format rules; protections diffed by description and range.
 *
 * It owns only what it recognises as its own: conditional rules whose
 * condition and colour match a schema colour rule, protections whose
 * description is one of ours. The user's rules and protections are kept.
 */
import type { FormatterPort } from '../app/ports';
import { DATA_FILL, HEADER_STYLE, PX_PER_PT, WORKBOOK_FONT, headerRowHeight, type BlockFormat, type ColumnFormat, type SheetFormat, type Validation } from '../domain/install/format';
import { gasMessages } from '../domain/messages/gas';
import { COLOURS } from '../domain/schema/colours';
import { columnLetter } from '../domain/table/locate';
import { SERVICE_TAB, TABS } from '../domain/schema/tabs';
import type { ColumnRole } from '../domain/schema/types';
import { ensureSheetSize } from './sheet-size';
import { OUR_RANGE_PROTECTIONS } from './protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** Columns the engine fills: editing them only earns a warning, but a warning there is. */
const PROTECTED_ROLES: ReadonlySet<ColumnRole> = new Set(['computed', 'reference', 'assigned']);

/** Descriptions that mark a range protection as ours (replaced at each run). */
const OUR_PROTECTIONS = OUR_RANGE_PROTECTIONS;

/** `value|background` of every colour rule of the schema: how we recognise our conditional rules. */
const OUR_COLOUR_RULES: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const tab of [...TABS, SERVICE_TAB]) {
    for (const section of tab.sections) {
      const columns = section.kind === 'table' ? section.columns : section.fields;
      for (const c of columns) for (const r of c.colours ?? []) s.add(colourKey(r.equals, r.background));
    }
  }
  return s;
})();

/** Backgrounds of the schema's score bands: with their formula shape, how we recognise our band rules. */
const OUR_BAND_BACKGROUNDS: ReadonlySet<string> = new Set(
  [...TABS, SERVICE_TAB].flatMap((t) =>
    t.sections.flatMap((s) => (s.kind === 'table' ? s.columns : s.fields).flatMap((c) => (c.bands ?? []).map((b) => b.background.toLowerCase()))),
  ),
);

function inRanges(row: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([a, b]) => row >= a && row <= b);
}

function colourKey(value: string, background: string): string {
  return `${value}|${background.toLowerCase()}`;
}

/** Maximal runs of adjacent sheet columns among those kept by `keep`. */
export function columnRuns(columns: readonly ColumnFormat[], keep: (c: ColumnFormat) => boolean): ColumnFormat[][] {
  const sorted = columns.filter(keep).sort((a, b) => a.col - b.col);
  const runs: ColumnFormat[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col === c.col - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

interface WantedProtection {
  readonly range: Range;
  readonly description: string;
}

export class SheetsFormatter implements FormatterPort {
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly app: App = SpreadsheetApp,
  ) {}

  private themed = false;

  applyFormat(name: string, format: SheetFormat): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Onglet introuvable : ${name}`);
    this.workbookFont();
    const { rows, cols } = extent(format);
    if (rows > 0 && cols > 0) ensureSheetSize(sheet, rows, cols);

    sheet.setTabColor(format.tabColour);
    if (format.frozenRows > 0 && sheet.getFrozenRows() !== format.frozenRows) sheet.setFrozenRows(format.frozenRows);

    const rules: ConditionalFormatRule[] = [];
    const protections: WantedProtection[] = [];
    for (const block of format.blocks) this.block(sheet, block, rules, protections);
    // One call per header row (side-by-side tables share one): as tall as its longest wrapped label, in pixels.
    const heights = new Map<number, number>();
    for (const b of format.blocks) if (b.columns.length) heights.set(b.headerRow, Math.max(heights.get(b.headerRow) ?? 0, headerRowHeight(b)));
    // Grown, never shrunk (a header the user made taller stays so); nothing written when it is already tall enough.
    for (const [row, pt] of heights) {
      const px = Math.ceil(pt * PX_PER_PT);
      if (sheet.getRowHeight(row + 1) < px) sheet.setRowHeight(row + 1, px);
    }
    for (const field of format.fields) this.field(sheet, field, protections);
    this.replaceColourRules(sheet, rules);
    this.replaceProtections(sheet, protections);
  }

  /**
   * The workbook's one font, set once on the spreadsheet's theme: every cell left at the default font follows it
   * (SpreadsheetTheme.setFontFamily), without touching the fonts users chose.
   */
  private workbookFont(): void {
    if (this.themed) return;
    this.themed = true;
    const theme = this.spreadsheet.getSpreadsheetTheme();
    if (theme && theme.getFontFamily() !== WORKBOOK_FONT.family) theme.setFontFamily(WORKBOOK_FONT.family);
  }

  private block(sheet: Sheet, block: BlockFormat, rules: ConditionalFormatRule[], protections: WantedProtection[]): void {
    const all = block.columns;
    if (all.length === 0) return;

    for (const run of columnRuns(all, () => true)) {
      const header = sheet.getRange(block.headerRow + 1, run[0].col + 1, 1, run.length);
      header
        .setBackgrounds([run.map((c) => HEADER_STYLE[c.role].background)])
        .setFontColors([run.map((c) => HEADER_STYLE[c.role].font)])
        .setFontWeight('bold')
        .setFontFamily(WORKBOOK_FONT.family)
        .setWrap(true)
        .setVerticalAlignment('middle');
      if (run.some((c) => c.help)) header.setNotes([run.map((c) => c.help ?? '')]);
      protections.push({ range: header, description: gasMessages.protection.headers });
    }
    if (block.titleRow !== undefined) {
      const first = Math.min(...all.map((c) => c.col));
      sheet.getRange(block.titleRow + 1, first + 1).setFontWeight('bold').setFontSize(12).setFontColor(COLOURS.brand);
    }
    this.widths(sheet, all);

    const height = block.lastDataRow - block.firstDataRow + 1;
    if (height <= 0) return;
    const data = (run: readonly ColumnFormat[]) => sheet.getRange(block.firstDataRow + 1, run[0].col + 1, height, run.length);
    const repeat = <T>(line: T[]): T[][] => Array.from({ length: height }, () => line);

    for (const run of columnRuns(all, (c) => c.validation !== undefined)) {
      const line = run.map((c) => this.validation(c.validation!, c.help));
      if (line.every((v) => v === null)) continue;
      // Still one call when some columns are validated on some rows only (Référentiel statuses).
      const grid = run.some((c) => c.validationRows)
        ? Array.from({ length: height }, (_, i) =>
            run.map((c, j) => (!c.validationRows || inRanges(block.firstDataRow + i, c.validationRows) ? line[j] : null)),
          )
        : repeat(line);
      data(run).setDataValidations(grid);
    }
    for (const run of columnRuns(all, (c) => c.numberFormat !== undefined)) {
      data(run).setNumberFormats(repeat(run.map((c) => c.numberFormat!)));
    }
    for (const run of columnRuns(all, (c) => DATA_FILL[c.role] !== undefined)) {
      data(run).setBackgrounds(repeat(run.map((c) => DATA_FILL[c.role]!)));
    }
    for (const run of columnRuns(all, (c) => PROTECTED_ROLES.has(c.role))) {
      protections.push({ range: data(run), description: gasMessages.protection.computed });
    }
    for (const c of all) {
      if (!c.bands || c.bands.length === 0) continue;
      const range = data([c]);
      const a1 = `${columnLetter(c.col)}${block.firstDataRow + 1}`;
      for (const band of c.bands) {
        const formula = `=AND(ISNUMBER(${a1}),${a1}>=${band.atLeast}${band.below !== undefined ? `,${a1}<${band.below}` : ''})`;
        rules.push(this.app.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(band.background).setFontColor(band.font).setRanges([range]).build());
      }
    }
    for (const c of all) {
      if (!c.colours || c.colours.length === 0) continue;
      const range = data([c]);
      for (const r of c.colours) {
        let b = this.app.newConditionalFormatRule().whenTextEqualTo(r.equals).setBackground(r.background);
        if (r.font) b = b.setFontColor(r.font);
        rules.push(b.setRanges([range]).build());
      }
    }
  }

  /** Key/value fields (Accueil's identity): label styled like a header, value validated. */
  private field(sheet: Sheet, field: SheetFormat['fields'][number], protections: WantedProtection[]): void {
    const label = sheet.getRange(field.labelRow + 1, field.labelCol + 1);
    label.setFontWeight('bold').setBackground(COLOURS.brandLight).setFontColor(COLOURS.brand);
    if (field.format.help) label.setNote(field.format.help);
    protections.push({ range: label, description: gasMessages.protection.headers });
    const value = sheet.getRange(field.labelRow + 1, field.format.col + 1);
    if (field.format.validation) {
      const rule = this.validation(field.format.validation, field.format.help);
      if (rule) value.setDataValidation(rule);
    }
    if (field.format.numberFormat) value.setNumberFormat(field.format.numberFormat);
  }

  /** One call per run of adjacent columns sharing a width. */
  private widths(sheet: Sheet, columns: readonly ColumnFormat[]): void {
    const sorted = columns.filter((c) => c.width !== undefined).sort((a, b) => a.col - b.col);
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (j < sorted.length && sorted[j].col === sorted[j - 1].col + 1 && sorted[j].width === sorted[i].width) j++;
      sheet.setColumnWidths(sorted[i].col + 1, j - i, sorted[i].width!);
      i = j;
    }
  }

  private validation(v: Validation, help: string | undefined): DataValidation | null {
    const m = gasMessages.validation;
    const b = this.app.newDataValidation();
    switch (v.kind) {
      case 'list':
        return b.requireValueInList([...v.values], true).setAllowInvalid(!v.strict).setHelpText(help ?? m.list).build();
      case 'listRange': {
        const source = this.spreadsheet.getSheetByName(v.sheet);
        if (!source) return null;
        // Never point past the source tab's grid: Sheets would refuse the range.
        const last = Math.min(v.lastRow + 1, source.getMaxRows());
        if (last < v.firstRow + 1) return null;
        const range = source.getRange(v.firstRow + 1, v.col + 1, last - v.firstRow, 1);
        return b.requireValueInRange(range, true).setAllowInvalid(!v.strict).setHelpText(help ?? m.listRange(v.sheet)).build();
      }
      case 'date':
        return b.requireDate().setAllowInvalid(false).setHelpText(help ?? m.date).build();
      case 'number': {
        const text = help ?? m.number(v.min, v.max);
        const ruled =
          v.min !== undefined && v.max !== undefined
            ? b.requireNumberBetween(v.min, v.max)
            : v.min !== undefined
              ? b.requireNumberGreaterThanOrEqualTo(v.min)
              : v.max !== undefined
                ? b.requireNumberLessThanOrEqualTo(v.max)
                : // Sheets has no "any number" criterion: a range no budget or count reaches.
                  b.requireNumberBetween(-1e15, 1e15);
        return ruled.setAllowInvalid(false).setHelpText(text).build();
      }
    }
  }

  /** Keeps the user's rules, replaces ours; no call at all when there is nothing of ours either way. */
  private replaceColourRules(sheet: Sheet, ours: ConditionalFormatRule[]): void {
    const existing = sheet.getConditionalFormatRules();
    const kept = existing.filter((r) => !this.isOurRule(r));
    if (ours.length === 0 && kept.length === existing.length) return;
    sheet.setConditionalFormatRules([...kept, ...ours]);
  }

  private isOurRule(rule: ConditionalFormatRule): boolean {
    const c = rule.getBooleanCondition();
    if (c && String(c.getCriteriaType()) === String(this.app.BooleanCriteria.CUSTOM_FORMULA)) {
      const formula = String(c.getCriteriaValues()[0] ?? '');
      return formula.startsWith('=AND(ISNUMBER(') && OUR_BAND_BACKGROUNDS.has((c.getBackground() ?? '').toLowerCase());
    }
    if (!c || String(c.getCriteriaType()) !== String(this.app.BooleanCriteria.TEXT_EQUAL_TO)) return false;
    const value = c.getCriteriaValues()[0];
    const background = c.getBackground();
    return typeof value === 'string' && !!background && OUR_COLOUR_RULES.has(colourKey(value, background));
  }

  /**
   * Ours are diffed, not replaced: a protection already there (same description, same range)
   * is kept, only the missing ones are added and the stale ones removed. Re-running the install
   * on an installed workbook thus reads two facts per protection and writes none, where removing
   * and recreating cost five calls each (over a thousand at 20 services).
   */
  private replaceProtections(sheet: Sheet, wanted: readonly WantedProtection[]): void {
    const missing = new Map<string, WantedProtection>();
    for (const w of wanted) missing.set(`${w.description}|${w.range.getA1Notation()}`, w);
    for (const p of sheet.getProtections(this.app.ProtectionType.RANGE)) {
      const description = p.getDescription();
      if (!OUR_PROTECTIONS.has(description)) continue;
      const key = `${description}|${p.getRange().getA1Notation()}`;
      if (missing.has(key)) missing.delete(key);
      else p.remove();
    }
    for (const w of missing.values()) w.range.protect().setDescription(w.description).setWarningOnly(true);
  }
}

/** Rows and columns (counts) the format touches, so the grid can be grown first. */
function extent(format: SheetFormat): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of format.blocks) {
    rows = Math.max(rows, b.lastDataRow + 1, b.headerRow + 1);
    for (const c of b.columns) cols = Math.max(cols, c.col + 1);
  }
  for (const f of format.fields) {
    rows = Math.max(rows, f.labelRow + 1);
    cols = Math.max(cols, f.format.col + 1, f.labelCol + 1);
  }
  return { rows, cols };
}
