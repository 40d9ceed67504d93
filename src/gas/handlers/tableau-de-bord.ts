/**
 * Menu *Tableau de bord*: under the document lock, creates the fiches of the
 * actions newly retained in the plan (non-destructive, idempotent), refreshes
 * every steering block (acteurs, jalons, engagements, indicateurs, feuille de
 * route, audit) and rebuilds the `Tableau de bord` tab with its charts, then
 * shows the tab and the sidebar.
 *
 * `dashboardData()`: the `DashboardData` for the sidebar's `google.script.run`
 * (read-only, no lock, plain JSON).
 */
import { computeDashboard } from '../../app/dashboard';
import { createFiches } from '../../app/create-fiches';
import { refreshSteering } from '../../app/steer';
import type { DashboardData } from '../../domain/dashboard/types';
import { STEERING_MESSAGES as M } from '../../domain/messages/steering';
import { TAB } from '../../domain/schema/tabs';
import { CachedWorkbook } from '../cached-workbook';
import { runCommand } from '../command';
import { FOOTPRINTS } from '../write-guard';
import { cacheDashboard, loadCachedDashboard } from '../dashboard-cache';
import { SheetsDashboardRenderer } from '../dashboard-charts';
import { GasClock } from '../gas-ports';
import { SheetsWorkbook } from '../sheets-workbook';
import { showSidebar } from '../sidebar';
import { frenchToast } from '../french-ui';

export function runTableauDeBord(): void {
  const title = M.steer.commandeDashboard;
  runCommand(
    title,
    (ctx) => {
    const fiches = createFiches({ workbook: ctx.workbook, clock: ctx.clock, user: ctx.user });
    const run = refreshSteering({ workbook: ctx.workbook, clock: ctx.clock, user: ctx.user, renderer: new SheetsDashboardRenderer(ctx.spreadsheet) });
    cacheDashboard(run.dashboard);
    SpreadsheetApp.flush();
    ctx.spreadsheet.getSheetByName(TAB.tableauDeBord)?.activate();
    ctx.later(() => frenchToast(ctx.spreadsheet, fiches.creees + fiches.completees > 0 ? `${fiches.message} ${run.summary}` : run.summary, title, 8));
    ctx.later(showSidebar);
    },
    { leadOnly: true, writes: FOOTPRINTS.runTableauDeBord },
  );
}

export function dashboardData(): DashboardData {
  const cached = loadCachedDashboard();
  if (cached) return cached;
  const workbook = new CachedWorkbook(new SheetsWorkbook(SpreadsheetApp.getActive()));
  return JSON.parse(JSON.stringify(computeDashboard({ workbook, clock: new GasClock() }))) as DashboardData;
}
