/**
 * A slide deck as plain data: what the COPIL presentation says and where each
 * block sits. Both renderers (Google Slides and the offline .pptx) draw the
 * same frames, so fitting and pagination are decided here once, and tested.
 *
 * Units are points on a 16:9 page of 720 × 405 pt (Google Slides' default
 * page; 10 × 5.625 in in PowerPoint).
 */

export const SLIDE_WIDTH = 720;
export const SLIDE_HEIGHT = 405;

/** `#RRGGBB`. */
export type Colour = string;

export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Align = 'left' | 'center' | 'right';

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly colour?: Colour;
}

export interface DeckParagraph {
  readonly runs: readonly TextRun[];
  /** Font size in points. */
  readonly size: number;
  readonly align?: Align;
  /** A bullet, or a number (consecutive numbered paragraphs form one list). */
  readonly bullet?: boolean | 'number';
}

export interface TextBlock {
  readonly kind: 'text';
  readonly frame: Frame;
  readonly paragraphs: readonly DeckParagraph[];
  readonly fill?: Colour;
  readonly border?: Colour;
  readonly valign?: 'top' | 'middle' | 'bottom';
}

export interface DeckTableCell {
  readonly text: string;
  readonly bold?: boolean;
  readonly fill?: Colour;
  readonly colour?: Colour;
  readonly align?: Align;
}

export interface DeckTableColumn {
  readonly header: string;
  /** Width in points; the columns add up to the frame's width. */
  readonly width: number;
  readonly align?: Align;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly frame: Frame;
  readonly columns: readonly DeckTableColumn[];
  readonly rows: readonly (readonly DeckTableCell[])[];
  /** Font size of the cells (points). */
  readonly size: number;
}

export interface ChartSeries {
  readonly name: string;
  readonly colour: Colour;
  readonly values: readonly number[];
}

export interface Chart {
  /** Horizontal bars (categories down the side) or vertical columns. */
  readonly orientation: 'horizontal' | 'vertical';
  /** Clustered (side by side) or stacked series. */
  readonly grouping: 'clustered' | 'stacked';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Scale maximum (e.g. 100 for percentages); computed from the data when absent. */
  readonly max?: number;
  /** Suffix of value labels (`%`, ` pts`), empty for counts. */
  readonly unit: string;
  /** Decimals of value labels. */
  readonly decimals: number;
  /** Font size of labels. */
  readonly size: number;
}

export interface ChartBlock {
  readonly kind: 'chart';
  readonly frame: Frame;
  readonly chart: Chart;
}

export interface MatrixLine {
  readonly text: string;
  readonly bold?: boolean;
  readonly colour?: Colour;
  readonly italic?: boolean;
}

export interface MatrixCell {
  readonly title?: string;
  readonly lines: readonly MatrixLine[];
  readonly fill: Colour;
  readonly colour: Colour;
  /** Font size of the lines (the title is 2 pt larger). */
  readonly size: number;
}

/** A grid of labelled cells: the AFOM 2 × 2, the acteurs' impact × facilité 4 × 4. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major, `rows × cols` cells. */
  readonly cells: readonly MatrixCell[];
  /** Labels left of each row (top to bottom) and under each column, optional. */
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Axis titles (vertical on the left, horizontal under the grid). */
  readonly yTitle?: string;
  readonly xTitle?: string;
}

export interface MatrixBlock {
  readonly kind: 'matrix';
  readonly frame: Frame;
  readonly matrix: Matrix;
}

export interface StarRating {
  /** Stars obtained (0–5). */
  readonly actuelle: number;
  /** Stars within reach when everything programmé is done (≥ actuelle). */
  readonly atteignable: number;
  readonly total: number;
}

export interface StarsBlock {
  readonly kind: 'stars';
  readonly frame: Frame;
  readonly stars: StarRating;
}

/** Decoration: a plain rectangle (bands, separators). */
export interface RectBlock {
  readonly kind: 'rect';
  readonly frame: Frame;
  readonly fill: Colour;
}

export type DeckBlock = TextBlock | TableBlock | ChartBlock | MatrixBlock | StarsBlock | RectBlock;

export interface Slide {
  /** `title` is the cover; `content` slides get the title band, footer and number. */
  readonly layout: 'title' | 'content';
  readonly title: string;
  readonly blocks: readonly DeckBlock[];
  /** Speaker notes: where the figures come from, what to say. */
  readonly notes: string;
  /** The section of the deck the slide belongs to (agenda, checks). */
  readonly section?: string;
}

export interface Deck {
  /** Document title, e.g. `Comité de pilotage – économie circulaire`. */
  readonly title: string;
  readonly collectivite: string;
  /** `JJ/MM/AAAA`. */
  readonly date: string;
  /** Left part of every footer (collectivité · document). */
  readonly footer: string;
  readonly slides: readonly Slide[];
}
