/**
 * A tab's formatting described as data, with column positions already
 * resolved against the user's sheet (columns may have been moved). Both the
 * Google Sheets formatter and the .xlsx formatter apply exactly this.
 */
import type { ColourBand, ColourRule, ColumnRole, ColumnType } from '../schema/types';
import { COLOURS } from '../schema/colours';

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
