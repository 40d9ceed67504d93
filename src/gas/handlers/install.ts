/**
 * Menu *Installer ou mettre à jour le classeur*. Project lead only (it formats
 * and protects every tab). A toast every few tabs shows the progress: a
 * workbook of 20 services has some 40 tabs to format.
 */
import { installWorkbook } from '../../app/install';
import { gasMessages } from '../../domain/messages/gas';
import { runCommand } from '../command';
import { FOOTPRINTS } from '../write-guard';
import { forgetDashboard } from '../dashboard-cache';
import { summariseInstall } from '../install-summary';
import { appendJournal } from '../journal';
import { withProgress } from '../progress';
import { ensureFrenchSettings } from '../spreadsheet-settings';

export function runInstall(): void {
  const m = gasMessages.install;
  runCommand(
    m.title,
    (ctx) => {
      const settings = ensureFrenchSettings(ctx.spreadsheet);
      const report = installWorkbook({ workbook: ctx.workbook, formatter: withProgress(ctx) });
      const summary = summariseInstall(report, settings);
      // A run that changed nothing writes nothing, not even its Journal row.
      if (summary.changed) forgetDashboard();
      if (summary.changed) appendJournal(ctx, { command: gasMessages.command.installer, result: summary.journal });
      ctx.ui.alert(m.title, summary.text, ctx.ui.ButtonSet.OK);
    },
    { leadOnly: true, writes: FOOTPRINTS.runInstall },
  );
}
