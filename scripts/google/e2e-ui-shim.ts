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

export const SpreadsheetApp = new Proxy({} as GoogleAppsScript.Spreadsheet.SpreadsheetApp, {
  get(_target, prop) {
    if (prop === 'getUi') return () => scriptedUi;
    const target = real();
    const v = target[prop];
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  },
});
