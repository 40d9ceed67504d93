/**
 * Google's Ui with what people read typeset by the one French typography
 * routine (src/domain/text/typography.ts): apostrophes, no-break spaces
 * before « : ; ! ? % € » and inside « », accented capitals — the same text
 * the command line prints and the web page shows. Menu captions are not
 * touched: their names are a contract (PRODUCT.md).
 */
import { typographie } from '../domain/text/typography';

type Ui = GoogleAppsScript.Base.Ui;

const typeset = (args: readonly unknown[]): unknown[] => args.map((a) => (typeof a === 'string' ? typographie(a) : a));

export function frenchUi(ui: Ui): Ui {
  // A plain object, not a Proxy over Google's Ui (as command.ts's deferred Ui): the enums are copied.
  const french = {
    Button: ui.Button,
    ButtonSet: ui.ButtonSet,
    alert: (...args: unknown[]) => (ui.alert as (...a: unknown[]) => unknown).apply(ui, typeset(args)),
    prompt: (...args: unknown[]) => (ui.prompt as (...a: unknown[]) => unknown).apply(ui, typeset(args)),
    showModalDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => ui.showModalDialog(output, typographie(title)),
    showModelessDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => ui.showModelessDialog(output, typographie(title)),
    showSidebar: (output: GoogleAppsScript.HTML.HtmlOutput) => ui.showSidebar(output),
    createMenu: (caption: string) => ui.createMenu(caption),
    createAddonMenu: () => ui.createAddonMenu(),
  };
  return french as unknown as Ui;
}

/** A toast (bottom right of the spreadsheet), typeset. */
export function frenchToast(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, message: string, title: string, seconds: number): void {
  spreadsheet.toast(typographie(message), typographie(title), seconds);
}
