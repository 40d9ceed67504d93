/**
 * Applies a SheetFormat (src/domain/install/format.ts) to an exceljs
 * worksheet: the same formats the Google Sheets formatter applies, in Excel's
 * vocabulary. Only the cells and ranges the format names are touched, so the
 * user's own styling elsewhere survives; re-applying is idempotent.
 */
import type ExcelJS from 'exceljs';
import { COLOURS } from '../../domain/schema/colours';
import { DATA_FILL, HEADER_STYLE, WORKBOOK_FONT, headerRowHeight, type BlockFormat, type ColumnFormat, type SheetFormat, type Validation } from '../../domain/install/format';
import { columnLetter } from '../../domain/table/locate';
import { XLSX_MESSAGES as X } from '../../domain/messages/cli';
import { INLINE_LIST_MAX, LISTS_SHEET } from './constants';
import { addressOf, setValidation, type DataValidation } from './validations';

/** Collects the lists too long to be inline; they go to the hidden `Listes` tab. */
export class ListsSheetBuilder {
  readonly columns: string[][] = [];
  private readonly index = new Map<string, number>();

  constructor(readonly sheetName: string = LISTS_SHEET) {}

  /** Absolute reference to the list's cells, e.g. `Listes!$B$1:$B$17`. */
  reference(values: readonly string[]): string {
    const key = values.join('\u0000');
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.columns.length;
      this.columns.push([...values]);
      this.index.set(key, i);
    }
    const letter = columnLetter(i);
    return `${quoteSheet(this.sheetName)}!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
  }
}

/** `Plan d'actions` → `'Plan d''actions'`: always quoted, so accents and spaces are safe. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Google Sheets pixels → Excel character widths (Calibri 11: 7 px a character plus 5 px of padding). */
export function pixelsToExcelWidth(px: number): number {
  return Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
}

/** Every font we write names the workbook's font: a font without a name falls back to the reader's default (a serif in LibreOffice). */
const named = (font: Partial<ExcelJS.Font> | undefined, patch: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> => ({
  ...(font ?? {}),
  name: WORKBOOK_FONT.family,
  size: font?.size ?? WORKBOOK_FONT.size,
  ...patch,
});

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/** Assigns a new style object: exceljs shares style objects between cells read from a file. */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

export function applySheetFormat(ws: ExcelJS.Worksheet, format: SheetFormat, lists: ListsSheetBuilder): void {
  ws.properties.tabColor = { argb: argb(format.tabColour) };
  // Printed or exported to PDF, a tab fits the page width and repeats its header row.
  ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (format.frozenRows > 0) ws.pageSetup.printTitlesRow = `1:${format.frozenRows}`;
  if (format.frozenRows > 0) {
    const view = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView>;
    const xSplit = view.state === 'frozen' ? (view.xSplit ?? 0) : 0;
    const topLeft = `${columnLetter(xSplit)}${format.frozenRows + 1}`;
    ws.views = [{ ...view, state: 'frozen', xSplit, ySplit: format.frozenRows, topLeftCell: topLeft, activeCell: topLeft } as ExcelJS.WorksheetView];
  }

  const widths = new Map<number, number>();
  const widen = (c: ColumnFormat) => {
    if (c.width !== undefined) widths.set(c.col, Math.max(widths.get(c.col) ?? 0, c.width));
  };

  for (const block of format.blocks) {
    applyBlock(ws, block, lists);
    block.columns.forEach(widen);
  }

  for (const field of format.fields) {
    const label = ws.getCell(field.labelRow + 1, field.labelCol + 1);
    restyle(label, {
      font: named(label.style.font, { bold: true, color: { argb: argb(COLOURS.brand) } }),
      fill: solid(COLOURS.brandLight),
    });
    if (field.format.help) label.note = field.format.help;
    const value = ws.getCell(field.labelRow + 1, field.labelCol + 2);
    if (field.format.numberFormat) restyle(value, { numFmt: field.format.numberFormat });
    const dv = field.format.validation ? dataValidation(field.format, field.format.validation, lists) : undefined;
    if (dv) setValidation(ws, addressOf(field.labelRow, field.labelCol + 1), dv);
  }
  // Labels of key/value sections need room too.
  if (format.fields.length > 0) {
    const labelCol = format.fields[0].labelCol;
    widths.set(labelCol, Math.max(widths.get(labelCol) ?? 0, 220));
    widths.set(labelCol + 1, Math.max(widths.get(labelCol + 1) ?? 0, 260));
  }

  for (const [col, px] of widths) ws.getColumn(col + 1).width = pixelsToExcelWidth(px);
}

function applyBlock(ws: ExcelJS.Worksheet, block: BlockFormat, lists: ListsSheetBuilder): void {
  // Wrapped labels need the room: Excel and LibreOffice open a row at the height written, whatever it holds.
  const headerRow = ws.getRow(block.headerRow + 1);
  headerRow.height = Math.max(headerRow.height ?? 0, headerRowHeight(block));
  if (block.titleRow !== undefined) {
    const first = Math.min(...block.columns.map((c) => c.col));
    const title = ws.getCell(block.titleRow + 1, first + 1);
    restyle(title, { font: named(title.style.font, { bold: true, size: 13, color: { argb: argb(COLOURS.brand) } }) });
  }
  for (const c of block.columns) {
    const header = ws.getCell(block.headerRow + 1, c.col + 1);
    const style = HEADER_STYLE[c.role];
    restyle(header, {
      font: named(header.style.font, { bold: true, color: { argb: argb(style.font) } }),
      fill: solid(style.background),
      alignment: { ...(header.style.alignment ?? {}), vertical: 'middle', wrapText: true },
    });
    if (c.help) header.note = c.help;

    const fill = DATA_FILL[c.role];
    if (fill || c.numberFormat) {
      const patch: Partial<ExcelJS.Style> = {};
      if (fill) patch.fill = solid(fill);
      if (c.numberFormat) patch.numFmt = c.numberFormat;
      for (let r = block.firstDataRow; r <= block.lastDataRow; r++) restyle(ws.getCell(r + 1, c.col + 1), patch);
    }

    if (c.validation) {
      const dv = dataValidation(c, c.validation, lists);
      // Some columns are validated only on some rows (Référentiel statuses on sous-mesures and tâches).
      const ranges = c.validationRows ?? [[block.firstDataRow, block.lastDataRow] as const];
      if (dv) for (const [a, b] of ranges) setValidation(ws, `${addressOf(a, c.col)}:${addressOf(b, c.col)}`, dv);
    }
    if (c.bands && c.bands.length > 0) {
      const ref = `${addressOf(block.firstDataRow, c.col)}:${addressOf(block.lastDataRow, c.col)}`;
      const top = addressOf(block.firstDataRow, c.col);
      ws.removeConditionalFormatting((cf: { ref: string }) => cf.ref !== ref);
      ws.addConditionalFormatting({
        ref,
        rules: c.bands.map((band) => ({
          type: 'expression',
          // Blank cells stay uncoloured: a line without potentiel has no score.
          formulae: [
            `AND(ISNUMBER(${top}),${top}>=${band.atLeast}${band.below !== undefined ? `,${top}<${band.below}` : ''})`,
          ],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(band.background) } },
            font: { color: { argb: argb(band.font) } },
          },
        })) as ExcelJS.ConditionalFormattingRule[],
      });
    }
    if (c.colours && c.colours.length > 0) {
      const ref = `${addressOf(block.firstDataRow, c.col)}:${addressOf(block.lastDataRow, c.col)}`;
      // Our rules own this range: replace them rather than stack copies at each rewrite.
      ws.removeConditionalFormatting((cf: { ref: string }) => cf.ref !== ref);
      ws.addConditionalFormatting({
        ref,
        rules: c.colours.map((rule) => ({
          type: 'cellIs',
          operator: 'equal',
          formulae: [`"${rule.equals.replace(/"/g, '""')}"`],
          // No priority: exceljs numbers the rules after the user's own ones.
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } },
            ...(rule.font ? { font: { color: { argb: argb(rule.font) } } } : {}),
          },
        })) as ExcelJS.ConditionalFormattingRule[],
      });
    }
  }
}

/** A Validation of the format → an Excel data validation (undefined when Excel cannot express it). */
export function dataValidation(c: ColumnFormat, v: Validation, lists: ListsSheetBuilder): DataValidation | undefined {
  const prompt = c.help ? { showInputMessage: true, promptTitle: c.header.slice(0, 32), prompt: c.help.slice(0, 255) } : {};
  switch (v.kind) {
    case 'list': {
      if (v.values.length === 0) return undefined;
      const inline = v.values.join(',');
      // A value holding a comma or a quote cannot sit in an inline list.
      const canInline = inline.length <= INLINE_LIST_MAX - 2 && v.values.every((x) => !x.includes(',') && !x.includes('"'));
      const formula = canInline ? `"${inline}"` : lists.reference(v.values);
      return { type: 'list', allowBlank: true, formulae: [formula], ...listError(c, v.strict), ...prompt };
    }
    case 'listRange': {
      const letter = columnLetter(v.col);
      const formula = `${quoteSheet(v.sheet)}!$${letter}$${v.firstRow + 1}:$${letter}$${v.lastRow + 1}`;
      return { type: 'list', allowBlank: true, formulae: [formula], ...listError(c, v.strict), ...prompt };
    }
    case 'date':
      return {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: X.dateErrorTitle,
        error: X.dateError(c.header).slice(0, 255),
        ...prompt,
      };
    case 'number': {
      const bounds =
        v.min !== undefined && v.max !== undefined
          ? { operator: 'between', formulae: [v.min, v.max] }
          : v.min !== undefined
            ? { operator: 'greaterThanOrEqual', formulae: [v.min] }
            : v.max !== undefined
              ? { operator: 'lessThanOrEqual', formulae: [v.max] }
              : // No bound in the schema: still reject text such as « 12 500 € ».
                { operator: 'between', formulae: [-1e15, 1e15] };
      return {
        type: v.integer ? 'whole' : 'decimal',
        allowBlank: true,
        ...bounds,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: X.numberErrorTitle,
        error: X.numberError(c.header, v.integer, v.min, v.max).slice(0, 255),
        ...prompt,
      } as DataValidation;
    }
  }
}

/** Strict lists stop a wrong value; guided ones (multi-valued, user-extended) accept anything. */
function listError(c: ColumnFormat, strict: boolean): Partial<DataValidation> {
  return strict
    ? { showErrorMessage: true, errorStyle: 'stop', errorTitle: X.listErrorTitle, error: X.listError(c.header).slice(0, 255) }
    : { showErrorMessage: false };
}
