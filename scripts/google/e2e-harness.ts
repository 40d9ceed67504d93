/**
 * Apps Script entry of the live check's script (never of the public
 * template): every function of the add-on (src/gas/main.ts), plus
 * `capE2e(handler, answers)`, which runs one menu handler with the scripted Ui
 * of e2e-ui-shim.ts and returns what the user would have seen, and
 * `capE2eReset()`, which forgets what earlier runs stored in the document's
 * properties. Bundled by scripts/google/build-harness.mjs.
 */
import * as Main from '../../src/gas/main';
import type { HarnessResult } from '../../src/node/google/e2e';
import { promptAnswers, uiRecord } from './e2e-ui-shim';

export * from '../../src/gas/main';

/** `$me` in an answer stands for the address of the account running the check. */
export function capE2e(handler: string, answers: string[] = [], select?: { sheet: string; row: number }): HarnessResult {
  uiRecord.alerts = [];
  uiRecord.prompts = [];
  uiRecord.sidebars = 0;
  uiRecord.dialogs = 0;
  const me = Session.getActiveUser().getEmail();
  promptAnswers.splice(0, promptAnswers.length, ...answers.map((a) => a.replace('$me', me)));
  const fn = (Main as unknown as Record<string, unknown>)[handler];
  if (typeof fn !== 'function') return { ok: false, error: `fonction inconnue : ${handler}`, ...uiRecord };
  if (select) {
    const sheet = SpreadsheetApp.getActive().getSheetByName(select.sheet);
    if (sheet) sheet.getRange(select.row, 1).activate();
  }
  const started = Date.now();
  try {
    (fn as () => void)();
    return { ok: true, ms: Date.now() - started, ...uiRecord };
  } catch (e) {
    return { ok: false, ms: Date.now() - started, error: e instanceof Error ? e.message : String(e), ...uiRecord };
  }
}

export function capE2eReset(): void {
  PropertiesService.getDocumentProperties().deleteAllProperties();
}
