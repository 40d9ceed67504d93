/**
 * Fakes of embedded charts: the `Charts` service's enums, `Sheet.newChart()`'s
 * EmbeddedChartBuilder and the EmbeddedChart it builds. Every call is recorded
 * (`EmbeddedChartBuilder.*` and `EmbeddedChart.*`, with the container sheet's
 * name), so a test can count what a renderer does, and the charts a sheet holds
 * are readable without recording: `sheet.charts` → `chart.info`.
 *
 * Faithful where our code depends on it:
 * - `setChartType` accepts the `Charts.ChartType` values only; `build()`
 *   without a chart type throws;
 * - `addRange` takes a Range (of any sheet, as in Sheets);
 * - a chart has no id (`getChartId()` is null) until `insertChart`; inserting
 *   the same chart twice throws (the fake refuses what is surely a bug);
 *   `removeChart` / `updateChart` of a chart the sheet does not hold throw; `chart.modify()` returns a builder that keeps
 *   the chart's id, so `updateChart(chart.modify()….build())` replaces it in
 *   place;
 * - `getCharts()` returns what was inserted, in order.
 *
 * Not emulated: drawing, `asBarChart()`-style typed builders, blobs.
 */
import type { GasCore } from './core';
import type { FakeRange, FakeSheet } from './spreadsheet';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;
export const ChartHiddenDimensionStrategy = {
  IGNORE_BOTH: 'IGNORE_BOTH',
  IGNORE_ROWS: 'IGNORE_ROWS',
  IGNORE_COLUMNS: 'IGNORE_COLUMNS',
  SHOW_BOTH: 'SHOW_BOTH',
} as const;
export const ChartMergeStrategy = { MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' } as const;
export const Position = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;

const CHART_TYPES = new Set<string>(Object.values(ChartType));

/** The `Charts` global (enums only: what embedded-chart code needs). */
export class FakeCharts {
  readonly ChartType = ChartType;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly Position = Position;
}

/** Where a chart sits: anchored on a cell (1-based) with pixel offsets. */
export class FakeContainerInfo {
  constructor(
    readonly anchorRow: number,
    readonly anchorColumn: number,
    readonly offsetX: number,
    readonly offsetY: number,
  ) {}
  getAnchorRow(): number {
    return this.anchorRow;
  }
  getAnchorColumn(): number {
    return this.anchorColumn;
  }
  getOffsetX(): number {
    return this.offsetX;
  }
  getOffsetY(): number {
    return this.offsetY;
  }
}

export class FakeChartOptions {
  constructor(private readonly options: ReadonlyMap<string, unknown>) {}
  get(option: string): unknown {
    return this.options.has(option) ? this.options.get(option) : null;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

interface ChartState {
  readonly type: string;
  readonly ranges: readonly FakeRange[];
  readonly options: ReadonlyMap<string, unknown>;
  readonly position: FakeContainerInfo;
  readonly numHeaders: number;
  readonly mergeStrategy: string;
  readonly hiddenDimensionStrategy: string;
  readonly transpose: boolean;
}

export class FakeEmbeddedChart {
  /** Set by `insertChart` (the sheet assigns it), kept by `modify()`. */
  id: number | null;

  /** The sheet holding the chart (the one whose `newChart()` built it, until inserted elsewhere). */
  sheet: FakeSheet;

  constructor(
    private readonly core: GasCore,
    sheet: FakeSheet,
    readonly state: ChartState,
    id: number | null,
  ) {
    this.sheet = sheet;
    this.id = id;
  }

  private rec(method: string, detail?: string): void {
    this.core.record('EmbeddedChart', method, { sheet: this.sheet.name, detail });
  }

  getChartId(): number | null {
    this.rec('getChartId');
    return this.id;
  }
  getRanges(): FakeRange[] {
    this.rec('getRanges');
    return [...this.state.ranges];
  }
  getOptions(): FakeChartOptions {
    this.rec('getOptions');
    return new FakeChartOptions(this.state.options);
  }
  getContainerInfo(): FakeContainerInfo {
    this.rec('getContainerInfo');
    return this.state.position;
  }
  getNumHeaders(): number {
    this.rec('getNumHeaders');
    return this.state.numHeaders;
  }
  getMergeStrategy(): string {
    this.rec('getMergeStrategy');
    return this.state.mergeStrategy;
  }
  getHiddenDimensionStrategy(): string {
    this.rec('getHiddenDimensionStrategy');
    return this.state.hiddenDimensionStrategy;
  }
  getTransposeRowsAndColumns(): boolean {
    this.rec('getTransposeRowsAndColumns');
    return this.state.transpose;
  }
  /** A builder holding this chart's settings and id: `sheet.updateChart(builder.build())` replaces it. */
  modify(): FakeEmbeddedChartBuilder {
    this.rec('modify');
    return new FakeEmbeddedChartBuilder(this.core, this.sheet, this.state, this.id);
  }

  // ---- Test helpers (unrecorded) ----
  get info(): { id: number | null; type: string; ranges: string[]; options: Record<string, unknown>; anchor: { row: number; column: number; offsetX: number; offsetY: number }; numHeaders: number } {
    return {
      id: this.id,
      type: this.state.type,
      ranges: this.state.ranges.map((r) => (r.sheet === this.sheet ? r.a1() : `'${r.sheet.name}'!${r.a1()}`)),
      options: Object.fromEntries(this.state.options),
      anchor: { row: this.state.position.anchorRow, column: this.state.position.anchorColumn, offsetX: this.state.position.offsetX, offsetY: this.state.position.offsetY },
      numHeaders: this.state.numHeaders,
    };
  }
}

export class FakeEmbeddedChartBuilder {
  private type: string | null;
  private ranges: FakeRange[];
  private readonly options: Map<string, unknown>;
  private position: FakeContainerInfo;
  private numHeaders: number;
  private mergeStrategy: string;
  private hiddenDimensionStrategy: string;
  private transpose: boolean;

  constructor(
    private readonly core: GasCore,
    private readonly sheet: FakeSheet,
    from: ChartState | null = null,
    private readonly id: number | null = null,
  ) {
    this.type = from?.type ?? null;
    this.ranges = [...(from?.ranges ?? [])];
    this.options = new Map(from?.options ?? []);
    this.position = from?.position ?? new FakeContainerInfo(1, 1, 0, 0);
    // -1: Sheets infers the header rows from the data.
    this.numHeaders = from?.numHeaders ?? -1;
    this.mergeStrategy = from?.mergeStrategy ?? ChartMergeStrategy.MERGE_COLUMNS;
    this.hiddenDimensionStrategy = from?.hiddenDimensionStrategy ?? ChartHiddenDimensionStrategy.IGNORE_ROWS;
    this.transpose = from?.transpose ?? false;
  }

  private rec(method: string, detail?: string): void {
    this.core.record('EmbeddedChartBuilder', method, { sheet: this.sheet.name, detail });
  }

  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.rec('addRange', range?.a1?.());
    if (!range || typeof range.a1 !== 'function') throw new Error('Exception: Invalid argument: range');
    this.ranges.push(range);
    return this;
  }
  removeRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.rec('removeRange', range?.a1?.());
    this.ranges = this.ranges.filter((r) => !(r.sheet === range.sheet && r.a1() === range.a1()));
    return this;
  }
  clearRanges(): FakeEmbeddedChartBuilder {
    this.rec('clearRanges');
    this.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    this.rec('getRanges');
    return [...this.ranges];
  }
  setChartType(type: string): FakeEmbeddedChartBuilder {
    this.rec('setChartType', String(type));
    if (!CHART_TYPES.has(type)) throw new Error(`Exception: Invalid argument: type (${String(type)})`);
    this.type = type;
    return this;
  }
  getChartType(): string | null {
    this.rec('getChartType');
    return this.type;
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.rec('setOption', option);
    this.options.set(option, value);
    return this;
  }
  /** Anchored with its top-left corner on (anchorRowPos, anchorColPos), 1-based, shifted by pixel offsets. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    this.rec('setPosition', `${anchorRowPos},${anchorColPos},${offsetX},${offsetY}`);
    if (![anchorRowPos, anchorColPos, offsetX, offsetY].every((n) => Number.isInteger(n))) {
      throw new Error(`Exception: Cannot convert ${[anchorRowPos, anchorColPos, offsetX, offsetY].join(', ')} to int.`);
    }
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error('Exception: The anchor row and column must be at least 1.');
    this.position = new FakeContainerInfo(anchorRowPos, anchorColPos, offsetX, offsetY);
    return this;
  }
  getContainer(): FakeContainerInfo {
    this.rec('getContainer');
    return this.position;
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.rec('setNumHeaders', String(headers));
    this.numHeaders = headers;
    return this;
  }
  setMergeStrategy(strategy: string): FakeEmbeddedChartBuilder {
    this.rec('setMergeStrategy', strategy);
    this.mergeStrategy = strategy;
    return this;
  }
  setHiddenDimensionStrategy(strategy: string): FakeEmbeddedChartBuilder {
    this.rec('setHiddenDimensionStrategy', strategy);
    this.hiddenDimensionStrategy = strategy;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): FakeEmbeddedChartBuilder {
    this.rec('setTransposeRowsAndColumns', String(transpose));
    this.transpose = transpose;
    return this;
  }
  build(): FakeEmbeddedChart {
    this.rec('build');
    if (!this.type) throw new Error('Exception: You must set a chart type before building the chart (fake: setChartType).');
    const state: ChartState = {
      type: this.type,
      ranges: [...this.ranges],
      options: new Map(this.options),
      position: this.position,
      numHeaders: this.numHeaders,
      mergeStrategy: this.mergeStrategy,
      hiddenDimensionStrategy: this.hiddenDimensionStrategy,
      transpose: this.transpose,
    };
    return new FakeEmbeddedChart(this.core, this.sheet, state, this.id);
  }
}
