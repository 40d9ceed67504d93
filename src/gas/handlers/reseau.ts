/**
 * Menu *Réseau ▸ Consolider les fiches d'un dossier* (the coordinator's copy):
 * a dialog with Google Picker where she selects the territories' fiches
 * (Google Sheets files: the fiches made by *Générer ▸ Fiche réseau*, or full
 * workbooks), then `consoliderFichesReseau` reads them one by one through the
 * Sheets API, writes the regional tabs into her spreadsheet (`Réseau – …`,
 * one block each) and the network's deck as a new Google Slides file.
 *
 * Picker needs a Google Cloud API key and the project number (so that
 * drive.file covers the picked files): maintainers set them as script
 * properties (README › Le réseau régional), and the dialog says so in
 * French when they are missing.
 */
import { consoliderFichiers } from '../../app/reseau';
import { RESEAU_MESSAGES as M } from '../../domain/messages/reseau';
import { deckReseau } from '../../domain/reseau/deck';
import { rollupVersClasseur } from '../../domain/reseau/rollup';
import { rectangular, type Grid } from '../../domain/table/cell';
import { runCommand } from '../command';
import type { GasContext } from '../context';
import { appendJournal } from '../journal';
import { journalWritable, linkDialogHtml } from '../reports/generate';
import { GoogleSlidesRenderer, type SlidesService } from '../reports/slides-renderer';
import { lireFichierGoogle, type SheetsReadService } from '../reseau-fichiers';
import { frenchUi } from '../french-ui';
import { gasMessages } from '../../domain/messages/gas';

/** Script properties the Picker needs (set once by the maintainers). */
export const PICKER_PROPERTIES = { apiKey: 'CAP_PICKER_API_KEY', appId: 'CAP_PICKER_APP_ID' } as const;

/**
 * Files read in one run: two Sheets API calls each, well inside the 6-minute
 * limit of a run (https://developers.google.com/apps-script/guides/services/quotas#current_limitations)
 * even at a few hundred milliseconds per call; a larger network is consolidated offline
 * (`cap-circulaire reseau`) or in several runs.
 */
export const MAX_FICHIERS_PAR_RUN = 200;

/** Prefix of the regional tabs in the coordinator's spreadsheet. */
export const PREFIXE_ONGLETS = 'Réseau – ';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Picker dialog: configuration passed as JSON, every text escaped. */
export function pickerDialogHtml(config: { token: string; apiKey: string; appId: string }): string {
  const P = M.google;
  const data = JSON.stringify(config).replace(/</g, '\\u003c');
  return [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><base target="_top">',
    '<style>body{font-family:Arial,sans-serif;font-size:13px;line-height:1.45;color:#202124;margin:0 4px}</style>',
    '</head><body>',
    `<p id="etat">${escape(P.pickerOuverture)}</p>`,
    `<script>var CONFIG = ${data};`,
    'function etat(t){document.getElementById("etat").textContent=t;}',
    'function choisi(data){',
    '  if (data.action === google.picker.Action.CANCEL) { google.script.host.close(); return; }',
    '  if (data.action !== google.picker.Action.PICKED) return;',
    '  var ids = data.docs.map(function(d){ return d.id; });',
    `  etat(${JSON.stringify(P.pickerLecture)}.replace("{n}", ids.length));`,
    '  google.script.run.withSuccessHandler(function(){ google.script.host.close(); }).withFailureHandler(function(e){ etat(String(e && e.message || e)); }).consoliderFichesReseau(ids);',
    '}',
    'function ouvrir(){',
    '  var vue = new google.picker.DocsView(google.picker.ViewId.SPREADSHEETS).setIncludeFolders(true).setMimeTypes("application/vnd.google-apps.spreadsheet");',
    '  new google.picker.PickerBuilder().addView(vue).enableFeature(google.picker.Feature.MULTISELECT_ENABLED)',
    '    .setOAuthToken(CONFIG.token).setDeveloperKey(CONFIG.apiKey).setAppId(CONFIG.appId).setLocale("fr")',
    `    .setTitle(${JSON.stringify(P.pickerTitre)}).setCallback(choisi).build().setVisible(true);`,
    '}',
    '</script>',
    '<script src="https://apis.google.com/js/api.js" onload="gapi.load(\'picker\', ouvrir)"></script>',
    '</body></html>',
  ].join('');
}

export function runReseauConsolider(): void {
  const ui = frenchUi(SpreadsheetApp.getUi());
  const props = PropertiesService.getScriptProperties();
  const apiKey = props.getProperty(PICKER_PROPERTIES.apiKey) ?? '';
  const appId = props.getProperty(PICKER_PROPERTIES.appId) ?? '';
  if (!apiKey || !appId) return void ui.alert(M.google.commande, M.google.pickerNonConfigure(PICKER_PROPERTIES.apiKey, PICKER_PROPERTIES.appId), ui.ButtonSet.OK);
  const html = HtmlService.createHtmlOutput(pickerDialogHtml({ token: ScriptApp.getOAuthToken(), apiKey, appId })).setWidth(1050).setHeight(680);
  ui.showModalDialog(html, M.google.pickerTitre);
}

/** Writes one regional tab: created if missing, the old content blanked where the new one is shorter. */
function writeTab(ctx: GasContext, name: string, rows: Grid): void {
  const names = ctx.workbook.sheetNames();
  if (!names.includes(name)) ctx.workbook.createSheet(name, names.length);
  const old = names.includes(name) ? ctx.workbook.read(name) : [];
  const width = Math.max(1, ...rows.map((r) => r.length), ...old.map((r) => r.length));
  const height = Math.max(rows.length, old.length, 1);
  const block = rectangular([...rows, ...Array.from({ length: height - rows.length }, () => [])], width);
  ctx.workbook.write(name, 0, 0, block);
}

/** The body of the rollup, given its services: exported for tests. */
export function consoliderAvec(ctx: GasContext, ids: readonly string[], services: { sheets: SheetsReadService; slides: SlidesService }): void {
  const title = M.google.commande;
  if (ids.length === 0) return;
  if (ids.length > MAX_FICHIERS_PAR_RUN) return void ctx.ui.alert(title, M.google.tropDeFichiers(ids.length, MAX_FICHIERS_PAR_RUN), ctx.ui.ButtonSet.OK);
  const now = ctx.clock.now();
  const { rollup } = consoliderFichiers(ids, (id) => lireFichierGoogle(services.sheets, id), now, (i, n) => {
    if (i % 10 === 0) ctx.progress(M.google.progression(i, n));
  });
  if (rollup.territoires.length === 0) return void ctx.ui.alert(title, [M.rollup.aucun, ...rollup.ecartes.map((e) => M.rollup.ecarte(e.fichier, e.raison))].join('\n'), ctx.ui.ButtonSet.OK);
  for (const f of rollupVersClasseur(rollup).feuilles) writeTab(ctx, PREFIXE_ONGLETS + f.name, f.rows as Grid);
  const tz = ctx.spreadsheet.getSpreadsheetTimeZone();
  const deck = new GoogleSlidesRenderer(services.slides).render(deckReseau(rollup, now), M.google.nomDeck(Utilities.formatDate(now, tz, 'dd/MM/yyyy')));
  const resume = M.rollup.lus(rollup.territoires.length, ids.length, rollup.ecartes.length);
  const noted = journalWritable(ctx);
  if (noted) appendJournal(ctx, { command: title, result: resume, link: deck.url });
  const details = [...rollup.ecartes.map((e) => M.rollup.ecarte(e.fichier, e.raison)), ...rollup.doublons.map((d) => M.rollup.doublon(d.nom, d.fichiers, d.par === 'nom' ? M.rollup.parNom : M.rollup.parSiren))];
  if (details.length) ctx.ui.alert(title, [resume, '', ...details].join('\n'), ctx.ui.ButtonSet.OK);
  ctx.ui.showModalDialog(HtmlService.createHtmlOutput(linkDialogHtml(deck.name, deck.url ?? '', noted ? undefined : gasMessages.access.journalSkipped)).setWidth(460).setHeight(noted ? 180 : 220), title);
}

/** Called by the Picker dialog with the ids of the files the coordinator selected. */
export function consoliderFichesReseau(ids: string[]): void {
  runCommand(M.google.commande, (ctx) => consoliderAvec(ctx, ids, { sheets: Sheets as unknown as SheetsReadService, slides: Slides as unknown as SlidesService }));
}
