/**
 * Menu *Ajouter un service…*: asks the name, then the editors' emails, checks
 * each answer at once (no second question after a bad first answer), then
 * runs the use case under the lock (never held while a dialog waits).
 */
import { addService } from '../../app/add-service';
import { gasMessages } from '../../domain/messages/gas';
import { parseEditors, validateServiceName } from '../../domain/services';
import { readAccess } from '../access';
import { runCommand } from '../command';
import { SheetsWorkbook } from '../sheets-workbook';
import { FOOTPRINTS, rangeBlockersFor, readRangeBlockers } from '../write-guard';
import { appendJournal } from '../journal';
import { frenchUi } from '../french-ui';

export function runAddService(): void {
  const m = gasMessages.addService;
  const ui = frenchUi(SpreadsheetApp.getUi());
  const refuse = (reason: string) => ui.alert(m.title, m.refused(reason), ui.ButtonSet.OK);
  // Project lead only (it writes Paramètres and protects the new tab): say so before asking anything,
  // and name any hand-made protection it would run into (write-guard.ts).
  const closed = readAccess(SpreadsheetApp.getActive()).closedTabs;
  if (closed.length > 0) return void ui.alert(m.title, gasMessages.access.leadOnly(m.title, closed), ui.ButtonSet.OK);
  const spreadsheet = SpreadsheetApp.getActive();
  const blockers = rangeBlockersFor(new SheetsWorkbook(spreadsheet), FOOTPRINTS.runAddService, readRangeBlockers(spreadsheet));
  if (blockers.length > 0) return void ui.alert(m.title, gasMessages.access.rangeProtected(m.title, blockers), ui.ButtonSet.OK);

  const nameAnswer = ui.prompt(m.title, m.askName, ui.ButtonSet.OK_CANCEL);
  if (nameAnswer.getSelectedButton() !== ui.Button.OK) return;
  const name = validateServiceName(nameAnswer.getResponseText());
  if (!name.ok) return void refuse(name.message);

  const editorsAnswer = ui.prompt(m.title, m.askEditors, ui.ButtonSet.OK_CANCEL);
  if (editorsAnswer.getSelectedButton() !== ui.Button.OK) return;
  const editors = parseEditors(editorsAnswer.getResponseText());
  if (!editors.ok) return void refuse(editors.message);

  runCommand(m.title, (ctx) => {
    const result = addService(ctx, { name: name.value, editors: editorsAnswer.getResponseText() });
    if (!result.ok) return void ctx.ui.alert(m.title, m.refused(result.message), ctx.ui.ButtonSet.OK);
    appendJournal(ctx, { command: gasMessages.command.ajouterService, result: result.message.replace(/\n+/g, ' ') });
    ctx.spreadsheet.getSheetByName(result.tab)?.activate();
    ctx.ui.alert(m.title, result.message, ctx.ui.ButtonSet.OK);
  }, { leadOnly: true, writes: FOOTPRINTS.runAddService });
}
