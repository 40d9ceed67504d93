/**
 * Menu *Installer ou mettre à jour le classeur*. Project lead only (it formats
 * and protects every tab). A toast every few tabs shows the progress: a
 * workbook of 20 services has some 40 tabs to format.
 */
import { installWorkbook } from '../../app/install';
import type { FormatterPort } from '../../app/ports';
import { gasMessages } from '../../domain/messages/gas';
import { runCommand } from '../command';
import { forgetDashboard } from '../dashboard-cache';
import type { GasContext } from '../context';
import { summariseInstall } from '../install-summary';
import { appendJournal } from '../journal';
import { ensureFrenchSettings } from '../spreadsheet-settings';

/** The formatter, with a progress toast every `every` tabs. */
export function withProgress(ctx: Pick<GasContext, 'formatter' | 'progress' | 'workbook'>, every = 8): FormatterPort {
  const total = ctx.workbook.sheetNames().length;
  let done = 0;
  return {
    applyFormat(sheet, format) {
      ctx.formatter.applyFormat(sheet, format);
      done++;
      if (done % every === 0) ctx.progress(gasMessages.progress.formatting(done, Math.max(done, total)));
    },
  };
}

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
    { leadOnly: true },
  );
}
