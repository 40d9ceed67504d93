/**
 * The Apps Script renderer of the dashboard, against a recording stand-in of
 * the few Sheet / Range / EmbeddedChartBuilder methods it uses (the shared
 * GAS fakes do not model charts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SheetsDashboardRenderer } from '../../src/gas/dashboard-charts';
import { layoutDashboard } from '../../src/domain/dashboard/layout';
import { buildDashboard } from '../../src/domain/dashboard/build';
import { scoreWorkbook } from '../../src/domain/referentiel/workbook-scores';
import { installed, readModel } from './helpers';

interface Call { readonly method: string; readonly args: unknown[] }

function recorder() {
  const calls: Call[] = [];
  const charts: Array<{ ranges: string[]; options: Record<string, unknown>; position: number[]; type: unknown }> = [];
  const range = (a1: string): Record<string, (...args: unknown[]) => unknown> =>
    new Proxy({}, { get: (_t, method: string) => method === 'a1' ? a1 : (...args: unknown[]) => { calls.push({ method, args: [a1, ...args] }); return range(a1); } });
  const rangeOf = (r: number, c: number, nr = 1, nc = 1) => `R${r}C${c}:${nr}x${nc}`;
  const builder = () => {
    const chart = { ranges: [] as string[], options: {} as Record<string, unknown>, position: [] as number[], type: null as unknown };
    const b: Record<string, (...args: unknown[]) => unknown> = {
      setChartType: (t) => ((chart.type = t), b),
      addRange: (r) => (chart.ranges.push((r as { a1: string }).a1), b),
      setNumHeaders: () => b,
      setPosition: (...p) => ((chart.position = p as number[]), b),
      setOption: (k, v) => ((chart.options[k as string] = v), b),
      build: () => chart,
    };
    return b;
  };
  const sheet = {
    getCharts: () => [{ old: true }],
    removeChart: (c: unknown) => calls.push({ method: 'removeChart', args: [c] }),
    getMaxRows: () => 1000,
    getRange: (r: number, c: number, nr?: number, nc?: number) => range(rangeOf(r, c, nr, nc)),
    setColumnWidth: (...a: unknown[]) => calls.push({ method: 'setColumnWidth', args: a }),
    setFrozenRows: (n: number) => calls.push({ method: 'setFrozenRows', args: [n] }),
    newChart: builder,
    insertChart: (c: (typeof charts)[number]) => charts.push(c),
    getSheetId: () => 42,
  };
  const spreadsheet = { getSheetByName: (n: string) => (n === 'Tableau de bord' || n === 'Jalons' || n === "Plan d'actions" || n === 'Engagements' ? sheet : null) };
  return { calls, charts, spreadsheet };
}

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => delete g.SpreadsheetApp);

describe('Sheets dashboard renderer', () => {
  it('replaces the charts, formats in batched calls and draws one native chart per described chart', () => {
    const wb = installed();
    const { model } = readModel(wb);
    const layout = layoutDashboard(buildDashboard(model, scoreWorkbook(model).result, new Date(2026, 2, 10)));
    const rec = recorder();
    const links: string[] = [];
    const rich = { setText: () => rich, setLinkUrl: (u: string) => (links.push(u), rich), build: () => ({}) };
    g.SpreadsheetApp = { newRichTextValue: () => rich };
    const charts = { ChartType: { BAR: 'BAR', PIE: 'PIE', COLUMN: 'COLUMN' } } as unknown as GoogleAppsScript.Charts.Charts;
    new SheetsDashboardRenderer(rec.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, charts).render('Tableau de bord', layout);

    expect(rec.calls.filter((c) => c.method === 'removeChart')).toHaveLength(1);
    for (const m of ['setBackgrounds', 'setFontColors', 'setFontWeights', 'setNumberFormats']) expect(rec.calls.filter((c) => c.method === m), m).toHaveLength(1);
    const backgrounds = rec.calls.find((c) => c.method === 'setBackgrounds')!.args[1] as unknown[][];
    expect(backgrounds).toHaveLength(layout.grid.length);
    expect(rec.calls.filter((c) => c.method === 'merge')).toHaveLength(layout.merges.length);
    expect(rec.charts).toHaveLength(layout.charts.length);
    // the scores chart: categories (column A) then the two % columns F and G, header included
    const scores = rec.charts[0];
    const hs = layout.charts[0].range.row + 1;
    expect(scores.ranges).toEqual([`R${hs}C1:6x1`, `R${hs}C6:6x1`, `R${hs}C7:6x1`]);
    expect(scores.options).toMatchObject({ title: layout.charts[0].title, isStacked: true });
    expect(scores.type).toBe('BAR');
    expect(links.every((u) => /^#gid=42&range=A\d+$/.test(u))).toBe(true);
  });
});
