/**
 * Menu *Calculer les scores*: scores the référentiel (use case `runScores`),
 * writes the `Référentiel` computed columns and the `Personnalisation`
 * effects in one block each, rebuilds the `Tableau de bord` (scores, stars),
 * and shows the French summary.
 */
import { rebuildDashboard } from '../../app/dashboard';
import { runScores } from '../../app/score';
import { TAB } from '../../domain/schema/tabs';
import { cacheDashboard } from '../dashboard-cache';
import { SheetsDashboardRenderer } from '../dashboard-charts';
import { gasMessages } from '../../domain/messages/gas';
import { runCommand } from '../command';
import { FOOTPRINTS } from '../write-guard';

/** The summary shown in the alert: the score lines, without the long criteria list. */
const MAX_ALERT_LINES = 24;

export function runCalculerScores(): void {
  const title = gasMessages.menu.calculerScores;
  runCommand(
    title,
    (ctx) => {
    const run = runScores({ workbook: ctx.workbook, clock: ctx.clock, user: ctx.user, write: true });
    // The scores part of the dashboard follows (reads are cached: no tab is read twice).
    if (ctx.workbook.sheetNames().includes(TAB.tableauDeBord)) {
      cacheDashboard(rebuildDashboard({ workbook: ctx.workbook, clock: ctx.clock, user: ctx.user, renderer: new SheetsDashboardRenderer(ctx.spreadsheet), journal: false }));
    }
    const lines = run.summary.split('\n');
    const shown = lines.length > MAX_ALERT_LINES ? [...lines.slice(0, MAX_ALERT_LINES), '…'] : lines;
    const anomalies = run.anomalies.length > 0 ? `\n\n${run.anomalies.length} anomalie(s) dans la saisie : ${run.anomalies.slice(0, 3).map((a) => `ligne ${a.ligne} – ${a.message}`).join(' ; ')}${run.anomalies.length > 3 ? ' …' : ''}` : '';
    ctx.spreadsheet.getSheetByName('Référentiel')?.activate();
    ctx.ui.alert(title, shown.join('\n') + anomalies, ctx.ui.ButtonSet.OK);
    },
    { leadOnly: true, writes: FOOTPRINTS.runCalculerScores },
  );
}
