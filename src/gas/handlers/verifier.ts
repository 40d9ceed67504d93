/**
 * Menu *Vérifier les saisies*: every anomaly of the workbook, marked on its
 * cell (note, and a background on blocking cells) and stored for the sidebar;
 * a summary in a dialog. No cell value is written.
 */
import { validate } from '../../app/validate';
import { gasMessages } from '../../domain/messages/gas';
import { GasCellMarker } from '../cell-marker';
import { GasCheckStore } from '../check-store';
import { runCommand } from '../command';
import { showSidebar } from '../sidebar';

export function runValidate(): void {
  const title = gasMessages.menu.verifier;
  runCommand(title, (ctx) => {
    const properties = PropertiesService.getDocumentProperties();
    const result = validate({
      workbook: ctx.workbook,
      clock: ctx.clock,
      user: ctx.user,
      marker: new GasCellMarker(ctx.spreadsheet, properties),
      store: new GasCheckStore(properties),
    });
    ctx.ui.alert(title, [result.message, result.lastCheck.messageTroncature].filter(Boolean).join('\n\n'), ctx.ui.ButtonSet.OK);
    // The anomalies stay in view, each one a link to its cell.
    showSidebar();
  });
}
