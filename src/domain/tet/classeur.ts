/**
 * A workbook to hand to Territoires en Transitions, described as data: the
 * offline faces write it as SpreadsheetML (files/xlsx/classeur-export.ts),
 * the Apps Script adapter into a new Google Sheets file. Cells are values (dates as Date, numbers as numbers).
 */
import type { Grid } from '../table/cell';

export interface ZoneExport {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface FeuilleExport {
  readonly name: string;
  readonly rows: Grid;
  readonly merges: readonly ZoneExport[];
  /** Column widths in characters (Excel's unit). */
  readonly widths: readonly number[];
  /** Number formats by zone. */
  readonly formats: ReadonlyArray<ZoneExport & { readonly numberFormat: string }>;
  /** 0-based rows drawn bold (headers). */
  readonly boldRows: readonly number[];
  readonly frozenRows: number;
  /** A filter on the header row (row `frozenRows - 1`), so the tab can be searched and sorted. */
  readonly autoFilter?: boolean;
}

export interface ClasseurExport {
  readonly feuilles: readonly FeuilleExport[];
}
