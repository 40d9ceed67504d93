/**
 * A tab's formatting described as data, with column positions already
 * resolved against the user's sheet (columns may have been moved). Both the
 * Google Sheets formatter and the .xlsx formatter apply exactly this.
 */
import type { ColourBand, ColourRule, ColumnRole, ColumnType } from '../schema/types';
import { COLOURS } from '../schema/colours';
import { FONT_FAMILY, lineCount, textWidth } from '../text/measure';

export type Validation =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly strict: boolean }
  /** Values taken from a column of another (or the same) tab, rows firstRow..lastRow (0-based, inclusive). */
  | { readonly kind: 'listRange'; readonly sheet: string; readonly col: number; readonly firstRow: number; readonly lastRow: number; readonly strict: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly integer: boolean };

export interface ColumnFormat {
  /** 0-based column index in the sheet. */
  readonly col: number;
  readonly header: string;
  readonly role: ColumnRole;
  readonly type: ColumnType;
  readonly width?: number;
  /** Spreadsheet number format pattern (same syntax in Sheets and Excel). */
  readonly numberFormat?: string;
  readonly validation?: Validation;
  /**
   * When present, the validation applies only to these row ranges (0-based,
   * inclusive) and the other data rows get none; absent: every data row.
   */
  readonly validationRows?: ReadonlyArray<readonly [number, number]>;
  readonly colours?: readonly ColourRule[];
  readonly bands?: readonly ColourBand[];
  readonly help?: string;
}

/** A table's block in the sheet. */
export interface BlockFormat {
  /** 0-based header row. */
  readonly headerRow: number;
  /** Optional title row above the header. */
  readonly titleRow?: number;
  /** 0-based first data row and last one (inclusive) the formats cover. */
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly columns: readonly ColumnFormat[];
}

export interface SheetFormat {
  readonly tabColour: string;
  readonly frozenRows: number;
  readonly blocks: readonly BlockFormat[];
  /** Key/value labels (Accueil's identity): label cells styled, value cells validated. */
  readonly fields: ReadonlyArray<{ readonly labelRow: number; readonly labelCol: number; readonly format: ColumnFormat }>;
}

/** How many rows below the data the validations and formats extend, so new rows are guided too. */
export const FORMAT_ROWS_AHEAD = 500;

export const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  date: 'dd/mm/yyyy',
  money: '#,##0 "€"',
  percent: '0.0%',
  number: '#,##0.##',
  integer: '0',
  year: '0',
};

export const HEADER_STYLE: Record<ColumnRole, { background: string; font: string }> = {
  input: { background: COLOURS.brand, font: COLOURS.headerText },
  assigned: { background: COLOURS.computedHeader, font: COLOURS.headerText },
  reference: { background: COLOURS.computedHeader, font: COLOURS.headerText },
  computed: { background: COLOURS.computedHeader, font: COLOURS.headerText },
  lead: { background: COLOURS.leadHeader, font: COLOURS.headerText },
};

/** Data cells of engine-owned columns are shaded so users see they are not theirs. */
export const DATA_FILL: Partial<Record<ColumnRole, string>> = {
  computed: COLOURS.computedFill,
  reference: COLOURS.computedFill,
  assigned: COLOURS.computedFill,
  lead: COLOURS.leadFill,
};

/**
 * The one font of the whole workbook: Calibri 11. Excel's long-standing
 * default; offered by Google Sheets; LibreOffice substitutes Carlito (shipped
 * with it, same advance widths) when Calibri is absent. It is also the font
 * the shared text layer measures (src/domain/text, Carlito metrics), so the
 * header heights below hold in all three. Arial would be present everywhere
 * too, but nothing here measures it, and a height guessed for it would not be
 * one the layer can vouch for.
 */
export const WORKBOOK_FONT = { family: FONT_FAMILY, size: 11 } as const;

/** Height of one wrapped line of the workbook font, in points (Excel's 15 pt row holds one line of Calibri 11). */
export const LINE_HEIGHT_PT = 15;
/** Horizontal padding inside a cell (both sides), in pixels, as Excel, LibreOffice and Sheets draw it. */
const CELL_PADDING_PX = 8;
/** Pixels (Sheets, at 96 dpi) per point. */
export const PX_PER_PT = 4 / 3;
/** Width a column has when the schema gives none (Sheets' default, pixels). */
export const DEFAULT_COLUMN_WIDTH_PX = 100;

/**
 * Lines a header label takes, bold, wrapped in its column (width in pixels),
 * measured with the text layer (which keeps a margin for font substitution).
 */
export function headerLines(label: string, widthPx: number = DEFAULT_COLUMN_WIDTH_PX): number {
  const widthPt = Math.max(1, (widthPx - CELL_PADDING_PX) / PX_PER_PT);
  return Math.max(1, ...label.split('\n').map((part) => lineCount(part, widthPt, WORKBOOK_FONT.size, true)));
}

/**
 * Height of a block's header row, in points: tall enough for its longest
 * wrapped label, never below one line. Excel and LibreOffice keep a row's
 * height as written (they do not grow a row for wrapped text on open), and
 * Sheets does not either for a row set by script: both formatters apply it.
 */
export function headerRowHeight(block: Pick<BlockFormat, 'columns'>): number {
  const lines = Math.max(1, ...block.columns.map((c) => headerLines(c.header, c.width)));
  return lines * LINE_HEIGHT_PT + 3;
}

/** Widest a column grows for its content (pixels); longer texts wrap in their cell (`cellsToWrap`). */
export const MAX_CONTENT_WIDTH_PX = 340;

/**
 * Column widths (pixels) wide enough for the texts that would otherwise be
 * cut: a cell's text is measured (workbook font, bold where `bold` says so)
 * when its right neighbour is filled (an overflowing text would be clipped
 * there); merged cells and texts that may run over empty cells are left out.
 * Never narrower than `base`, never wider than MAX_CONTENT_WIDTH_PX.
 */
function clipped(line: ReadonlyArray<unknown>, c: number, columns: number): string | null {
  const v = line[c];
  if (v === null || v === undefined || v === '' || typeof v === 'number') return null;
  const next = line[c + 1];
  if (c + 1 < columns && (next === null || next === undefined || next === '')) return null;
  return String(v);
}

/** Cells whose text is wider than its column even once widened (they wrap, their row grows). */
export function cellsToWrap(
  grid: ReadonlyArray<ReadonlyArray<unknown>>,
  widths: readonly number[],
  options: { merged?: (row: number, col: number) => boolean; bold?: (row: number, col: number) => boolean; size?: number } = {},
): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  const size = options.size ?? WORKBOOK_FONT.size;
  grid.forEach((line, r) =>
    line.forEach((_, c) => {
      const text = c < widths.length && !options.merged?.(r, c) ? clipped(line, c, widths.length) : null;
      if (text !== null && textWidth(text, size, options.bold?.(r, c) ?? false) * PX_PER_PT + CELL_PADDING_PX > widths[c]) out.push({ row: r, col: c });
    }),
  );
  return out;
}

export function contentColumnWidths(
  grid: ReadonlyArray<ReadonlyArray<unknown>>,
  base: readonly number[],
  options: { merged?: (row: number, col: number) => boolean; bold?: (row: number, col: number) => boolean; size?: number } = {},
): number[] {
  const out = base.slice();
  const size = options.size ?? WORKBOOK_FONT.size;
  grid.forEach((line, r) => {
    line.forEach((_, c) => {
      const text = c < out.length && !options.merged?.(r, c) ? clipped(line, c, out.length) : null;
      if (text === null) return;
      const px = Math.ceil(textWidth(text, size, options.bold?.(r, c) ?? false) * PX_PER_PT) + CELL_PADDING_PX;
      out[c] = Math.max(out[c], Math.min(MAX_CONTENT_WIDTH_PX, px));
    });
  });
  return out;
}

/** Widest an engine-written column of `Accueil` grows (pixels): its texts are read on screen, and printed fitted to the page width. */
export const ACCUEIL_MAX_WIDTH_PX = 560;

/**
 * A block whose engine-written text columns (computed, reference) are as wide
 * as their longest text, up to `maxPx`, never narrower than the schema says.
 * The columns users type in keep the schema's width.
 */
export function widenForContent(block: BlockFormat, grid: ReadonlyArray<ReadonlyArray<unknown>>, maxPx: number): BlockFormat {
  const columns = block.columns.map((c) => {
    if ((c.role !== 'computed' && c.role !== 'reference') || (c.type !== 'text' && c.type !== 'longtext')) return c;
    let px = c.width ?? DEFAULT_COLUMN_WIDTH_PX;
    for (let r = block.firstDataRow; r < grid.length && r <= block.lastDataRow; r++) {
      const v = grid[r]?.[c.col];
      if (typeof v !== 'string' || !v) continue;
      px = Math.max(px, Math.min(maxPx, Math.ceil(textWidth(v, WORKBOOK_FONT.size) * PX_PER_PT) + CELL_PADDING_PX));
    }
    return px === c.width ? c : { ...c, width: px };
  });
  return { ...block, columns };
}
