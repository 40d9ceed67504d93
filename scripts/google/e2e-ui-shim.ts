/**
 * Injected by esbuild in place of the `SpreadsheetApp` global when the live
 * check's harness is bundled (scripts/google/build-harness.mjs): everything
 * is the real SpreadsheetApp except `getUi()`, which returns a scripted Ui.
 * Through the Apps Script API (scripts.run) there is no browser, and Google
 * throws "Cannot call SpreadsheetApp.getUi() from this context"; the scripted
 * Ui records what the user would have read (alerts, sidebars, dialogs) and
 * answers prompts from a queue, so the very same handlers run unchanged.
 */
export interface UiRecord {
  alerts: string[];
  sidebars: number;
  dialogs: number;
  prompts: string[];
}

export const uiRecord: UiRecord = { alerts: [], sidebars: 0, dialogs: 0, prompts: [] };
export const promptAnswers: string[] = [];

const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

function menu(): unknown {
  const m = { addItem: () => m, addSeparator: () => m, addSubMenu: () => m, addToUi: () => undefined };
  return m;
}

const scriptedUi = {
  Button,
  ButtonSet,
  alert(...args: unknown[]) {
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
    const text = args.length >= 3 ? `${String(args[0])} — ${String(args[1])}` : String(args[0]);
    uiRecord.alerts.push(text);
    return Button.OK;
  },
  prompt(...args: unknown[]) {
    uiRecord.prompts.push(String(args.length >= 2 ? args[1] : args[0]));
    const answer = promptAnswers.shift();
    return { getSelectedButton: () => (answer === undefined ? Button.CANCEL : Button.OK), getResponseText: () => answer ?? '' };
  },
  showSidebar() {
    uiRecord.sidebars++;
  },
  showModalDialog() {
    uiRecord.dialogs++;
  },
  showModelessDialog() {
    uiRecord.dialogs++;
  },
  createMenu: menu,
  createAddonMenu: menu,
};

const real = (): Record<string | symbol, unknown> => (globalThis as unknown as { SpreadsheetApp: Record<string | symbol, unknown> }).SpreadsheetApp;

/**
 * The bench's id, set by capE2e. Google documents that a bound script run
 * "via the Apps Script API" has no active spreadsheet (getActiveSpreadsheet()
 * is one of the bound-only methods that "are not available" there:
 * https://developers.google.com/apps-script/guides/bound), so the active
 * spreadsheet is then the bench opened by id (the live check's manifest adds
 * the `spreadsheets` scope openById needs).
 */
export const bench: { id?: string } = {};

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function active(): Spreadsheet | null {
  const app = real() as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const current = app.getActive();
  if (current) return current;
  return bench.id ? app.openById(bench.id) : null;
}

/** SpreadsheetApp's active-object methods, answered from the bench when Google gives no active spreadsheet. */
const ACTIVE: Record<string, () => unknown> = {
  getActive: active,
  getActiveSpreadsheet: active,
  getActiveSheet: () => active()?.getActiveSheet() ?? null,
  getActiveRange: () => active()?.getActiveRange() ?? null,
  getCurrentCell: () => active()?.getCurrentCell() ?? null,
  getSelection: () => active()?.getSelection() ?? null,
};

export const SpreadsheetApp = new Proxy({} as GoogleAppsScript.Spreadsheet.SpreadsheetApp, {
  get(_target, prop) {
    if (prop === 'getUi') return () => scriptedUi;
    if (typeof prop === 'string' && prop in ACTIVE) return ACTIVE[prop];
    const target = real();
    const v = target[prop];
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  },
});
