/**
 * Menu *Générer ▸ Export Territoires en Transitions*: a NEW Google Sheets
 * file (allowed with the drive.file scope: the add-on creates it) holding the
 * plan d'actions in the layout TeT's importer accepts (first sheet) and the
 * référentiel in the layout of TeT's ECi export (second sheet). Its link goes
 * to `Journal`. To import it in TeT: Fichier ▸ Télécharger ▸ .xlsx.
 */
import { prepareExportTet } from '../../app/export-tet';
import { appendJournal } from '../../app/journal';
import { STEERING_MESSAGES as M } from '../../domain/messages/steering';
import type { ClasseurExport } from '../../domain/tet/classeur';
import { runCommand } from '../command';
import { toSheetValue } from '../sheets-workbook';

/** Writes the export into a new spreadsheet, one setValues per sheet; returns its URL. */
export function writeClasseurSheets(classeur: ClasseurExport, name: string): string {
  const ss = SpreadsheetApp.create(name);
  const first = ss.getSheets()[0];
  classeur.feuilles.forEach((f, i) => {
    const sheet = i === 0 ? first.setName(f.name) : ss.insertSheet(f.name, i);
    const width = Math.max(...f.rows.map((r) => r.length));
    const values = f.rows.map((r) => Array.from({ length: width }, (_, c) => toSheetValue(r[c] ?? null)));
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (sheet.getMaxRows() < values.length) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
    sheet.getRange(1, 1, values.length, width).setValues(values);
    for (const z of f.formats) sheet.getRange(z.row + 1, z.col + 1, z.rows, z.cols).setNumberFormat(z.numberFormat);
    for (const r of f.boldRows) sheet.getRange(r + 1, 1, 1, width).setFontWeight('bold').setWrap(true);
    for (const m of f.merges) sheet.getRange(m.row + 1, m.col + 1, m.rows, m.cols).merge();
    f.widths.forEach((w, c) => sheet.setColumnWidth(c + 1, Math.round(w * 7)));
    if (f.frozenRows) sheet.setFrozenRows(f.frozenRows);
  });
  return ss.getUrl();
}

export function runExportTet(): void {
  const title = M.steer.commandeExport;
  runCommand(title, (ctx) => {
    const now = ctx.clock.now();
    const run = prepareExportTet(ctx.workbook, now);
    const nom = M.steer.nomFichierExport(run.model.identite.nom, Utilities.formatDate(now, ctx.spreadsheet.getSpreadsheetTimeZone(), 'dd/MM/yyyy'));
    const url = writeClasseurSheets(run.classeur, nom);
    appendJournal(ctx.workbook, run.journal, { date: now, utilisateur: ctx.user.email(), commande: title, resultat: run.message, lien: url });
    ctx.ui.alert(title, M.steer.exportAlerte(run.message, url, run.anomalies.map((a) => a.message)), ctx.ui.ButtonSet.OK);
  });
}
