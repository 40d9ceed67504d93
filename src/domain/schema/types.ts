/**
 * The workbook schema's vocabulary. Every adapter (Google Sheets installer,
 * .xlsx writer, row parser, validator) reads these descriptions and nothing
 * else, so a column is defined once.
 */

/** How a cell's content is interpreted and validated. */
export type ColumnType =
  | 'text'
  | 'longtext'
  | 'integer'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'year'
  | 'list'
  | 'multilist'
  | 'email'
  | 'emails'
  | 'url'
  | 'ouiNon';

/** Where a list column takes its allowed values from. */
export type ListSource =
  | { readonly kind: 'fixed'; readonly values: readonly string[] }
  /** Values typed by the user in another section (e.g. Paramètres › Filière). */
  | { readonly kind: 'column'; readonly tab: string; readonly section: string; readonly column: string };

/** Who owns a column's content. */
export type ColumnRole =
  /** Typed by the user (service or project lead). */
  | 'input'
  /** Written by the engine; protected and shaded. */
  | 'computed'
  /** Project lead's annotation in `Actions`, kept by Réf. across consolidations. */
  | 'lead'
  /** Assigned once by the engine, then never changed (Réf.). */
  | 'assigned'
  /** Reference data filled by the engine (référentiel lines, preuves ids…); protected. */
  | 'reference';

/** A colour rule: cells of the column whose value equals `equals` get these colours. */
export interface ColourRule {
  readonly equals: string;
  readonly background: string;
  readonly font?: string;
}

/** A colour band for numbers: values in [atLeast, below) get these colours. */
export interface ColourBand {
  readonly atLeast: number;
  readonly below?: number;
  readonly background: string;
  readonly font: string;
}

export interface ColumnSpec {
  /** Stable key used by the code; never shown. */
  readonly key: string;
  /** Exact header text (French). Columns are found by this name, never by position. */
  readonly header: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly role?: ColumnRole;
  readonly list?: ListSource;
  /** Column width in pixels (Google Sheets); the .xlsx writer converts. */
  readonly width?: number;
  /** Help shown as a header note and in the validation's help text. */
  readonly help?: string;
  readonly colours?: readonly ColourRule[];
  /** Colour bands for numeric columns (scores). */
  readonly bands?: readonly ColourBand[];
  /**
   * Validation only on rows whose `column` holds one of `values` (the
   * Référentiel's status dropdown exists only where a status can be entered).
   */
  readonly validationWhen?: { readonly column: string; readonly values: readonly string[] };
  /** Inclusive bounds for numbers / integers. */
  readonly min?: number;
  readonly max?: number;
}

/** A table located by its header row; data rows follow it. */
export interface TableSectionSpec {
  readonly kind: 'table';
  readonly id: string;
  /** Optional title written above the header row (stacked sections). */
  readonly title?: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * `toEnd`: data runs to the end of the sheet, blank rows are skipped.
   * `toBlank`: data stops at the first blank row (a section stacked above another).
   */
  readonly extent: 'toEnd' | 'toBlank';
  /** Rows the engine fills when the section is empty (référentiel, preuves…). */
  readonly prefill?: 'referentiel' | 'preuves' | 'indicateurs' | 'personnalisation' | 'feuilleDeRoute' | 'auditChecklist' | 'auditCalendrier' | 'seuils' | 'filieres' | 'categoriesActeurs';
}

/** Label / value pairs in two columns (labels in the first). */
export interface KeyValueSectionSpec {
  readonly kind: 'keyValue';
  readonly id: string;
  readonly title?: string;
  readonly fields: readonly ColumnSpec[];
}

export type SectionSpec = TableSectionSpec | KeyValueSectionSpec;

export interface TabSpec {
  /** Exact tab name; for service tabs the prefix. */
  readonly name: string;
  readonly purpose: string;
  /** Tab colour in the sheet bar. */
  readonly colour: string;
  /**
   * Sections laid out vertically (`stacked`) or side by side on the same
   * header row (`sideBySide`, each growing downwards independently).
   */
  readonly layout: 'single' | 'stacked' | 'sideBySide';
  readonly sections: readonly SectionSpec[];
  /**
   * Lines written above the first section when the tab is created (never
   * rewritten afterwards: users may edit or delete them).
   */
  readonly intro?: readonly string[];
  /** Rebuilt entirely by the engine (Tableau de bord): no user input. */
  readonly generated?: boolean;
}
