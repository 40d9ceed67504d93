/**
 * Menu *Générer ▸ Export Territoires en Transitions*: a NEW Google Sheets
 * file, created through the Sheets advanced service in one call (allowed with
 * the drive.file scope: the add-on creates it), holding the
 * plan d'actions in the layout TeT's importer accepts (first sheet) and the
 * référentiel in the layout of TeT's ECi export (second sheet). Its link goes
 * to `Journal`. To import it in TeT: Fichier ▸ Télécharger ▸ .xlsx.
 */
import { prepareExportTet } from '../../app/export-tet';
import { appendJournal } from '../../app/journal';
import { STEERING_MESSAGES as M } from '../../domain/messages/steering';
import type { ClasseurExport } from '../../domain/tet/classeur';
import { runCommand } from '../command';
import { journalWritable } from '../reports/generate';
import { spreadsheetResource, type SpreadsheetResource } from '../tet-spreadsheet';
import { gasMessages } from '../../domain/messages/gas';

/** The part of the Sheets advanced service this command uses (fakes implement it). */
export interface SheetsService {
  readonly Spreadsheets: { create(resource: SpreadsheetResource): { readonly spreadsheetUrl?: string } };
}

/** Creates the export as a new spreadsheet in one Sheets API call; returns its URL. */
export function writeClasseurSheets(sheets: SheetsService, classeur: ClasseurExport, name: string, timeZone?: string): string {
  const created = sheets.Spreadsheets.create(spreadsheetResource(classeur, name, timeZone));
  return created.spreadsheetUrl ?? '';
}

export function runExportTet(): void {
  const title = M.steer.commandeExport;
  runCommand(title, (ctx) => {
    const now = ctx.clock.now();
    const run = prepareExportTet(ctx.workbook, now);
    const nom = M.steer.nomFichierExport(run.model.identite.nom, Utilities.formatDate(now, ctx.spreadsheet.getSpreadsheetTimeZone(), 'dd/MM/yyyy'));
    const url = writeClasseurSheets(Sheets as unknown as SheetsService, run.classeur, nom, ctx.spreadsheet.getSpreadsheetTimeZone());
    const noted = journalWritable(ctx);
    if (noted) appendJournal(ctx.workbook, run.journal, { date: now, utilisateur: ctx.user.email(), commande: title, resultat: run.message, lien: url });
    const alerte = M.steer.exportAlerte(run.message, url, run.anomalies.map((a) => a.message));
    ctx.ui.alert(title, noted ? alerte : `${alerte}\n\n${gasMessages.access.journalSkipped}`, ctx.ui.ButtonSet.OK);
  });
}
