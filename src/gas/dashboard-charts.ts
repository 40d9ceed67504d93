/**
 * Draws the `Tableau de bord` tab's look in Google Sheets from the
 * `DashboardLayout` (domain/dashboard/layout.ts): formats in a few batched
 * calls (backgrounds, fonts, number formats over the whole block), merges,
 * links to the rows of other tabs, and native charts (`sheet.newChart()`)
 * from the charts described as data. Previous charts, merges and formats of
 * the tab are replaced: the tab is generated.
 */
import type { DashboardRendererPort } from '../app/dashboard';
import type { DashboardLayout, GraphiqueDashboard } from '../domain/dashboard/layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartsService = Pick<GoogleAppsScript.Charts.Charts, 'ChartType'>;

const DEFAULT_FONT = '#000000';

function chartType(charts: ChartsService, type: GraphiqueDashboard['type']): GoogleAppsScript.Charts.ChartType {
  if (type === 'pie') return charts.ChartType.PIE;
  if (type === 'column') return charts.ChartType.COLUMN;
  return charts.ChartType.BAR;
}

export class SheetsDashboardRenderer implements DashboardRendererPort {
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly charts: ChartsService = Charts,
  ) {}

  render(sheetName: string, layout: DashboardLayout): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet || layout.grid.length === 0) return;
    const rows = layout.grid.length;
    const cols = layout.grid[0].length;
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    const whole = sheet.getRange(1, 1, Math.max(rows, sheet.getMaxRows()), Math.max(cols, 1));
    whole.breakApart();
    whole.clearFormat();
    this.formats(sheet, layout, rows, cols);
    for (const m of layout.merges) sheet.getRange(m.row + 1, m.col + 1, m.rows, m.cols).merge();
    layout.widths.forEach((w, c) => sheet.setColumnWidth(c + 1, w));
    sheet.setFrozenRows(layout.frozenRows);
    this.links(sheet, layout);
    for (const c of layout.charts) this.chart(sheet, c);
  }

  private formats(sheet: Sheet, layout: DashboardLayout, rows: number, cols: number): void {
    const grid = <T>(v: T) => Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
    const backgrounds = grid<string | null>(null);
    const fonts = grid<string>(DEFAULT_FONT);
    const weights = grid<'bold' | 'normal'>('normal');
    const styles = grid<'italic' | 'normal'>('normal');
    const sizes = grid<number>(10);
    const formats = grid<string>('General');
    const wraps = grid<boolean>(false);
    const aligns = grid<'left' | 'center' | 'right' | null>(null);
    for (const s of layout.styles) {
      for (let r = s.row; r < Math.min(rows, s.row + s.rows); r++) {
        for (let c = s.col; c < Math.min(cols, s.col + s.cols); c++) {
          if (s.background !== undefined) backgrounds[r][c] = s.background;
          if (s.font !== undefined) fonts[r][c] = s.font;
          if (s.bold !== undefined) weights[r][c] = s.bold ? 'bold' : 'normal';
          if (s.italic !== undefined) styles[r][c] = s.italic ? 'italic' : 'normal';
          if (s.fontSize !== undefined) sizes[r][c] = s.fontSize;
          if (s.numberFormat !== undefined) formats[r][c] = s.numberFormat;
          if (s.wrap !== undefined) wraps[r][c] = s.wrap;
          if (s.align !== undefined) aligns[r][c] = s.align;
        }
      }
    }
    const range = sheet.getRange(1, 1, rows, cols);
    range.setBackgrounds(backgrounds as string[][]);
    range.setFontColors(fonts);
    range.setFontWeights(weights);
    range.setFontStyles(styles);
    range.setFontSizes(sizes);
    range.setNumberFormats(formats);
    range.setWraps(wraps);
    range.setHorizontalAlignments(aligns);
  }

  /**
   * One `setRichTextValues` per run of consecutive linked cells of a column (a
   * table's « Ligne » column) and one id lookup per target tab: the cost does not
   * grow with the number of overdue items.
   */
  private links(sheet: Sheet, layout: DashboardLayout): void {
    const gids = new Map<string, number | null>();
    const gid = (name: string): number | null => {
      if (!gids.has(name)) gids.set(name, this.spreadsheet.getSheetByName(name)?.getSheetId() ?? null);
      return gids.get(name)!;
    };
    const cells = layout.links
      .map((l) => ({ l, id: gid(l.sheet), text: String(layout.grid[l.row]?.[l.col] ?? '') }))
      .filter((c) => c.id !== null && c.text !== '')
      .sort((a, b) => a.l.col - b.l.col || a.l.row - b.l.row);
    let run: typeof cells = [];
    const flush = () => {
      if (run.length === 0) return;
      const values = run.map((c) => [SpreadsheetApp.newRichTextValue().setText(c.text).setLinkUrl(`#gid=${c.id}&range=A${c.l.targetRow}`).build()]);
      sheet.getRange(run[0].l.row + 1, run[0].l.col + 1, run.length, 1).setRichTextValues(values);
      run = [];
    };
    for (const c of cells) {
      const last = run[run.length - 1];
      if (last && (c.l.col !== last.l.col || c.l.row !== last.l.row + 1)) flush();
      run.push(c);
    }
    flush();
  }

  private chart(sheet: Sheet, c: GraphiqueDashboard): void {
    const first = c.range.row + 1;
    const builder = sheet.newChart().setChartType(chartType(this.charts, c.type));
    builder.addRange(sheet.getRange(first, c.range.col + 1, c.range.rows, 1));
    const series = c.series ?? Array.from({ length: c.range.cols - 1 }, (_, i) => i + 1);
    for (const s of series) builder.addRange(sheet.getRange(first, c.range.col + 1 + s, c.range.rows, 1));
    const chart = builder
      .setNumHeaders(1)
      .setPosition(c.anchor.row + 1, c.anchor.col + 1, 0, 0)
      .setOption('title', c.title)
      .setOption('isStacked', c.stacked === true)
      .setOption('colors', [...c.colours])
      .setOption('width', c.width)
      .setOption('height', c.height)
      .setOption('legend', { position: c.type === 'pie' || series.length > 1 ? 'right' : 'none' })
      .build();
    sheet.insertChart(chart);
  }
}
