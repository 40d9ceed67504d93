/**
 * How the four *Générer ▸ …* menu commands run: under the document lock,
 * read the workbook once, build the document, create the Google file (a new
 * one each time, never overwriting), log its link in `Journal`, and show the
 * link in a small dialog. A problem the user can fix (no instance under the
 * cursor…) is an alert in French, not an error.
 */
import { prepareReport, recordHistorique, ReportError, reportJournalEntry, type ReportOptions } from '../../app/generate-report';
import { REPORT_MESSAGES as M } from '../../domain/messages/reports';
import { gasMessages } from '../../domain/messages/gas';
import { typographie } from '../../domain/text/typography';
import type { ReportKind } from '../../domain/reports/input';
import { TAB } from '../../domain/schema/tabs';
import { runCommand } from '../command';
import type { GasContext } from '../context';
import { appendJournal } from '../journal';
import { appendsTo, rangeBlockersFor, writesTab, type WriteTarget } from '../write-guard';
import { GoogleDocsRenderer, type DocsService } from './docs-renderer';
import { GoogleSlidesRenderer, type SlidesService } from './slides-renderer';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The dialog that gives the new file's link (every text escaped). */
export function linkDialogHtml(name: string, url: string, note?: string): string {
  const C = M.commande;
  return [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>',
    'body{font-family:Arial,sans-serif;font-size:13px;line-height:1.45;color:#202124;margin:0 4px}',
    'a.btn{display:inline-block;background:#1F5C4A;color:#fff;text-decoration:none;border-radius:4px;padding:8px 16px;margin-right:8px}',
    'button{background:#fff;color:#1F5C4A;border:1px solid #1F5C4A;border-radius:4px;padding:7px 14px;cursor:pointer}',
    '</style></head><body>',
    `<p>${escape(typographie(C.dialogue(name)))}</p>`,
    ...(note ? [`<p>${escape(typographie(note))}</p>`] : []),
    `<p><a class="btn" href="${escape(url)}" target="_blank" rel="noopener">${escape(C.ouvrir)}</a>`,
    `<button onclick="google.script.host.close()">${escape(C.fermer)}</button></p>`,
    '</body></html>',
  ].join('');
}

type AccessContext = Partial<Pick<GasContext, 'access' | 'rangeBlockers' | 'workbook'>>;

/** No hand-made range protection the person may not pass lies where `target` writes (write-guard.ts). */
function freeOfHandMadeProtections(ctx: AccessContext, target: WriteTarget): boolean {
  return !ctx.rangeBlockers || !ctx.workbook || rangeBlockersFor(ctx.workbook, [target], ctx.rangeBlockers()).length === 0;
}

/** True unless the person may not edit `Journal`, or its next row (contexts without access information may). */
export function journalWritable(ctx: AccessContext): boolean {
  return (ctx.access ? ctx.access().canEdit(TAB.journal) : true) && freeOfHandMadeProtections(ctx, appendsTo(TAB.journal));
}

/** True for the project lead (contexts without access information are): a member does not record the meeting's figures. */
export function historiqueWritable(ctx: AccessContext): boolean {
  return (ctx.access ? ctx.access().role === 'lead' && ctx.access().canEdit(TAB.historique) : true) && freeOfHandMadeProtections(ctx, writesTab(TAB.historique));
}

/** The advanced services, resolved when a command runs (they are globals in Apps Script). */
export interface ReportServices {
  readonly slides: SlidesService;
  readonly docs: DocsService;
}

function advancedServices(): ReportServices {
  return { slides: Slides as unknown as SlidesService, docs: Docs as unknown as DocsService };
}

/**
 * The body of a *Générer* command, given the context: exported for tests.
 * `options` may refuse with a French message (returned as a string).
 */
export function generateWith(ctx: GasContext, kind: ReportKind, services: ReportServices, options: (ctx: GasContext) => ReportOptions | string = () => ({})): void {
  const title = M.commande.titreDialogue(kind);
  const alert = (text: string) => ctx.ui.alert(title, text, ctx.ui.ButtonSet.OK);
  const opts = options(ctx);
  if (typeof opts === 'string') return void alert(opts);
  let prepared;
  try {
    prepared = prepareReport(kind, ctx.workbook, ctx.clock, opts);
  } catch (e) {
    if (e instanceof ReportError) return void alert(e.message);
    throw e;
  }
  const file =
    prepared.kind === 'copil'
      ? new GoogleSlidesRenderer(services.slides).render(prepared.deck, prepared.name)
      : new GoogleDocsRenderer(services.docs).render(prepared.document, prepared.name);
  // The meeting's figures go to Historique, for the next deck's progression: the project
  // lead's record (a service member's deck is a file of her own and writes outside her tab nothing but Journal).
  if (prepared.kind === 'copil' && historiqueWritable(ctx)) recordHistorique(ctx.workbook, prepared, ctx.clock.now());
  const entry = reportJournalEntry(prepared, file);
  // A service member may generate (a new file of her own); the Journal row needs the Journal tab,
  // and the person is told when it could not be written (nothing is left out silently).
  const noted = journalWritable(ctx);
  if (noted) appendJournal(ctx, { command: entry.commande, result: entry.resultat, link: entry.lien ?? undefined });
  const output = HtmlService.createHtmlOutput(linkDialogHtml(file.name, file.url ?? '', noted ? undefined : gasMessages.access.journalSkipped)).setWidth(460).setHeight(noted ? 180 : 220);
  ctx.ui.showModalDialog(output, title);
}

/**
 * `context` adjusts the command's context: the COPIL deck reuses the workbook
 * its dialog read `Instances` from, before the lock (one read per tab).
 */
export function runGenerate(kind: ReportKind, options?: (ctx: GasContext) => ReportOptions | string, context?: (ctx: GasContext) => GasContext): void {
  runCommand(M.commande.titreDialogue(kind), (ctx) => generateWith(context ? context(ctx) : ctx, kind, advancedServices(), options));
}
