/**
 * Menu *Générer ▸ Bilan d'une instance*: a new Google Doc for the row of
 * `Instances` under the cursor.
 */
import type { ReportOptions } from '../../app/generate-report';
import { REPORT_MESSAGES as M } from '../../domain/messages/reports';
import { TAB } from '../../domain/schema/tabs';
import type { GasContext } from '../context';
import { runGenerate } from '../reports/generate';

/** The instance under the cursor: its 1-based row in `Instances`, or a French message. */
export function instanceUnderCursor(ctx: Pick<GasContext, 'spreadsheet'>): ReportOptions | string {
  const range = ctx.spreadsheet.getActiveRange();
  if (!range || range.getSheet().getName() !== TAB.instances) return M.commande.pasDeCurseur;
  return { instanceRow: range.getRow() };
}

export function runGenererBilan(): void {
  runGenerate('bilan', instanceUnderCursor);
}
