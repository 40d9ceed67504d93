/**
 * Menu *Vérifier les saisies*: every anomaly of the workbook, marked on its
 * cell (note, and a background on blocking cells) and stored for the sidebar;
 * a summary in a dialog. No cell value is written.
 *
 * A service member (access.ts) checks her own tabs: the whole workbook is read
 * (lists, registry), but only the anomalies of the tabs she may edit are
 * marked and listed, and her check goes to her user properties; nothing is
 * written outside her tabs.
 */
import { publishCheck, validate } from '../../app/validate';
import { gasMessages } from '../../domain/messages/gas';
import { VALIDATION_MESSAGES as VM } from '../../domain/messages/validation';
import { isServiceTabName } from '../../domain/schema/tabs';
import { GasCellMarker } from '../cell-marker';
import { GasCheckStore } from '../check-store';
import { runCommand } from '../command';
import { progressPerTab } from '../progress';
import { showSidebar } from '../sidebar';

export function runValidate(): void {
  const title = gasMessages.menu.verifier;
  runCommand(title, (ctx) => {
    const access = ctx.access();
    const member = access.role === 'member';
    const marker = new GasCellMarker(ctx.spreadsheet, PropertiesService.getDocumentProperties(), progressPerTab(ctx), ctx.rangeBlockers());
    // A workbook last checked by the previous version: its colours come back first (cell-marker.ts).
    marker.migrateLegacy((t) => access.canEdit(t) && (!member || isCheckedByMember(t)));
    const store = new GasCheckStore(member ? PropertiesService.getUserProperties() : PropertiesService.getDocumentProperties());
    let text: string;
    if (!member) {
      const result = validate({ workbook: ctx.workbook, clock: ctx.clock, user: ctx.user, marker, store });
      text = [result.message, result.lastCheck.messageTroncature].filter(Boolean).join('\n\n');
    } else {
      const all = validate({ workbook: ctx.workbook, clock: ctx.clock, user: ctx.user });
      const mine = ctx.workbook.sheetNames().filter((t) => access.canEdit(t) && isCheckedByMember(t));
      const anomalies = all.anomalies.filter((a) => mine.includes(a.onglet));
      const check = publishCheck(anomalies, mine, { clock: ctx.clock, user: ctx.user, marker, store }, 'verifier');
      const tabs = new Set(anomalies.map((a) => a.onglet)).size;
      text = [gasMessages.access.memberCheck(mine), VM.summary(check.bloquantes, check.avertissements, tabs), check.messageTroncature].filter(Boolean).join('\n\n');
    }
    for (const notice of marker.notices()) text += `\n\n${notice}`;
    ctx.ui.alert(title, text, ctx.ui.ButtonSet.OK);
    // The anomalies stay in view, each one a link to its cell.
    ctx.later(showSidebar);
  });
}

/** A member's own tabs: the service tabs she may edit (the shared tabs are the lead's to check). */
function isCheckedByMember(tab: string): boolean {
  return isServiceTabName(tab);
}
