/** Menu *Installer ou mettre à jour le classeur*. */
import { installWorkbook } from '../../app/install';
import { gasMessages } from '../../domain/messages/gas';
import { runCommand } from '../command';
import { summariseInstall } from '../install-summary';
import { appendJournal } from '../journal';
import { ensureFrenchSettings } from '../spreadsheet-settings';

export function runInstall(): void {
  const m = gasMessages.install;
  runCommand(m.title, (ctx) => {
    const settings = ensureFrenchSettings(ctx.spreadsheet);
    const report = installWorkbook({ workbook: ctx.workbook, formatter: ctx.formatter });
    const summary = summariseInstall(report, settings);
    // A run that changed nothing writes nothing, not even its Journal row.
    if (summary.changed) appendJournal(ctx, { command: gasMessages.command.installer, result: summary.journal });
    ctx.ui.alert(m.title, summary.text, ctx.ui.ButtonSet.OK);
  });
}
