/** Menu *Aide*: the workflow in a dialog, texts from the message catalogue. */
import { gasMessages } from '../../domain/messages/gas';
import { frenchUi } from '../french-ui';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The catalogue's steps carry `<b>` on purpose; everything else is escaped. */
export function helpHtml(): string {
  const h = gasMessages.help;
  const items = (xs: readonly string[]) => xs.map((x) => `<li>${x}</li>`).join('');
  return [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>',
    'body{font-family:Arial,sans-serif;font-size:13px;line-height:1.45;color:#202124;margin:0 4px}',
    'h2{font-size:15px;color:#1F5C4A;margin:14px 0 6px}li{margin-bottom:6px}',
    'button{background:#1F5C4A;color:#fff;border:0;border-radius:4px;padding:8px 16px;cursor:pointer}',
    '</style></head><body>',
    `<p>${escape(h.intro)}</p>`,
    `<h2>${escape(h.stepsHeading)}</h2><ol>${items(h.steps)}</ol>`,
    `<h2>${escape(h.rulesHeading)}</h2><ul>${items(h.rules)}</ul>`,
    `<p><button onclick="google.script.host.close()">${escape(h.close)}</button></p>`,
    '</body></html>',
  ].join('');
}

export function showHelp(): void {
  const output = HtmlService.createHtmlOutput(helpHtml()).setWidth(620).setHeight(560);
  frenchUi(SpreadsheetApp.getUi()).showModalDialog(output, gasMessages.help.title);
}
