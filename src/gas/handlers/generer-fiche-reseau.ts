/**
 * Menu *Générer ▸ Fiche réseau*: the summary the territory shares with its
 * regional network, as a NEW Google Sheets file (one Sheets API create
 * request, allowed with drive.file: the add-on creates it), without any
 * personal data. The alert says what is shared and what never is, before
 * the chargée de mission sends the link; the link goes to `Journal`.
 */
import { ficheDuClasseur } from '../../app/reseau';
import { RESEAU_MESSAGES as M } from '../../domain/messages/reseau';
import { ficheVersClasseur } from '../../domain/reseau/fiche-classeur';
import { runCommand } from '../command';
import { appendJournal } from '../journal';
import { journalWritable } from '../reports/generate';
import { writeClasseurSheets, type SheetsService } from './export-tet';
import { gasMessages } from '../../domain/messages/gas';

export function runGenererFicheReseau(): void {
  const title = M.gas.commande;
  runCommand(title, (ctx) => {
    const now = ctx.clock.now();
    const { fiche, retraits } = ficheDuClasseur(ctx.workbook, now);
    if (!fiche.identite.nom) return void ctx.ui.alert(title, M.export.sansNom, ctx.ui.ButtonSet.OK);
    const tz = ctx.spreadsheet.getSpreadsheetTimeZone();
    const nom = M.gas.nomFichier(fiche.identite.nom, Utilities.formatDate(now, tz, 'dd/MM/yyyy'));
    const url = writeClasseurSheets(Sheets as unknown as SheetsService, ficheVersClasseur(fiche), nom, tz);
    const contenu = M.export.contenu({ nom: fiche.identite.nom, axes: fiche.axes.length, mesures: fiche.mesures.length, actions: fiche.actions.length, financements: fiche.financements.length });
    const noted = journalWritable(ctx);
    if (noted) appendJournal(ctx, { command: title, result: contenu, link: url });
    const alerte = M.gas.alerte(url, contenu, M.export.jamais, retraits.map((r) => M.export.retrait(r.ou, r.nature)));
    ctx.ui.alert(title, noted ? alerte : `${alerte}\n\n${gasMessages.access.journalSkipped}`, ctx.ui.ButtonSet.OK);
  });
}
