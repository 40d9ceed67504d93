/**
 * Menu *Générer ▸ Présentation COPIL*: a new Google Slides deck for one
 * meeting. The dialog lists the COPILs of `Instances` and proposes the next
 * one; the user may type another N° or a date (JJ/MM/AAAA) when the meeting
 * is not recorded yet.
 */
import type { ReportOptions } from '../../app/generate-report';
import { COPIL_MESSAGES } from '../../domain/messages/copil';
import { memoSource, readWorkbookModel } from '../../domain/model/read';
import { copilsEnregistres, prochainCopil } from '../../domain/reports/copil/seance';
import { formatDateFr } from '../../domain/text/numbers';
import { TAB } from '../../domain/schema/tabs';
import { gasContext, type GasContext } from '../context';
import { runGenerate } from '../reports/generate';

const M = COPIL_MESSAGES.gas;

/**
 * The meeting chosen in the dialog: options for the use case, a French
 * message to show, or null (cancelled). Asked before the document lock (no
 * one waits on a dialog): only `Instances` is read for it.
 */
export function copilChoice(ctx: Pick<GasContext, 'ui' | 'workbook' | 'clock'>): ReportOptions | string | null {
  const names = ctx.workbook.sheetNames().filter((n) => n === TAB.instances);
  const model = readWorkbookModel(memoSource(names, (n) => ctx.workbook.read(n))).model;
  const copils = copilsEnregistres(model);
  const next = prochainCopil(model, ctx.clock.now());
  const list = copils.map((i) => M.copil(i.numero, formatDateFr(i.date!), i.intitule));
  const answer = ctx.ui.prompt(M.titre, M.question(list, next ? M.copil(next.numero, formatDateFr(next.date!), next.intitule) : null), ctx.ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ctx.ui.Button.OK) return null;
  return parseCopilAnswer(answer.getResponseText(), next?.numero ?? null);
}

/** « 7 », « n° 7 », « 06/10/2026 », or empty for the next COPIL. */
export function parseCopilAnswer(text: string, next: number | null): ReportOptions | string {
  const t = text.trim().replace(/^n°\s*/i, '');
  if (t === '') return next !== null ? { instance: next } : M.aucunProchain;
  if (/^\d+$/.test(t)) return { instance: Number(t) };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    if (d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1) return { date: d };
  }
  return M.reponseInvalide(text);
}

export function runGenererCopil(): void {
  const ctx = gasContext();
  const choice = copilChoice(ctx);
  if (choice === null) return;
  if (typeof choice === 'string') return void ctx.ui.alert(M.titre, choice, ctx.ui.ButtonSet.OK);
  // The dialog's read of Instances (cached) serves the command: each tab is read once.
  runGenerate('copil', () => choice, (locked) => ({ ...locked, workbook: ctx.workbook }));
}
