/**
 * `cap-circulaire import-tet export_plan_action.xlsx classeur.xlsx --out classeur-complete.xlsx [--in-place]`:
 * merges a plan exported from Territoires en Transitions (or a file in the
 * layout of its importer) into `Plan d'actions` and `Jalons`
 * (app/import-tet.ts). The TeT file is never modified; the workbook only with
 * --in-place. Exit codes: 2 for a usage problem (missing or unreadable file,
 * not an .xlsx, output = an input), 1 when nothing could be imported (no sheet
 * in either TeT layout, no `Plan d'actions` table), 0 otherwise: conflicts and
 * remarks are reported, the user's values are kept.
 */
import { resolve } from 'node:path';
import { importTet } from '../../app/import-tet';
import { CLI_MESSAGES } from '../../domain/messages/cli';
import { TET_IMPORT_MESSAGES as M } from '../../domain/messages/tet-import';
import { currentUser } from '../owner';
import { displayPath, openWorkbook, prepareOutput, requireInputFile, sameFile, saveWorkbook, withLock, workbookTarget, xlsxOutput } from './files';
import { COMMON_OPTIONS, EXIT, UsageError, type CommandSpec } from './types';

export const importTetCommand: CommandSpec = {
  name: 'import-tet',
  summary: M.cliSummary,
  usage: M.cliUsage,
  description: M.cliDescription,
  options: {
    out: { ...COMMON_OPTIONS.out, help: M.outOption },
    'in-place': COMMON_OPTIONS.inPlace,
  },
  positionals: { min: 2, max: 2, label: 'le fichier de Territoires en Transitions et le classeur (.xlsx)' },
  async run(args, io) {
    const [tetPath, classeurPath] = args.positionals;
    const target = workbookTarget(args.string('out'), args.flag('in-place'));
    const tetFile = await requireInputFile(io, tetPath);
    const input = await requireInputFile(io, classeurPath);
    if (await sameFile(tetFile, input)) throw new UsageError(M.sortieEstTet(tetPath));
    if (!target.inPlace && (await sameFile(resolve(io.cwd, target.out!), tetFile))) throw new UsageError(M.sortieEstTet(target.out!));
    if (!target.inPlace) xlsxOutput(io, target.out!);
    const out = target.inPlace ? input : await prepareOutput(io, target.out!, { option: '--out', inputs: [input, tetFile] });
    // Locked before the workbook is read, until it is replaced: a concurrent consolidate waits for us.
    return withLock(io, out, 'import-tet', async () => {
      const tet = await openWorkbook(io, tetPath);
      const loaded = await openWorkbook(io, classeurPath);
      if (!target.inPlace) xlsxOutput(io, target.out!, loaded.format);
      const feuilles = tet.workbook.sheetNames().map((name) => ({ name, grid: tet.workbook.grid(name) }));
      const result = importTet({
        workbook: loaded.workbook,
        clock: { now: () => new Date() },
        user: { email: () => currentUser() },
      }, feuilles);
      if (result.status === 'refuse') {
        io.err(result.message);
        return EXIT.anomalies;
      }
      if (result.source) io.out(M.lu(result.source.feuille, result.source.format, result.source.fiches));
      if (result.creees.length) {
        io.out(M.titreCreees);
        for (const f of result.creees) io.out(M.ligneFiche(f.numero, f.titre, f.ligne));
      }
      if (result.completees.length) {
        io.out(M.titreCompletees);
        for (const f of result.completees) io.out(M.ligneFiche(f.numero, f.titre, f.ligne, f.colonnes));
      }
      if (result.conflits.length) {
        io.out(M.titreConflits);
        for (const c of result.conflits) io.out(M.ligneConflit(c.onglet, c.ligne, c.colonne, c.classeur, c.tet));
      }
      if (result.anomalies.length) {
        io.err(M.titreRemarques);
        for (const a of result.anomalies) io.err(M.ligneRemarque(a.onglet, a.ligne, a.colonne, a.message));
      }
      io.out(result.message);
      // --out always names a complete workbook, even when nothing changed; in place, an unchanged file is left alone.
      if (result.ecrit || !target.inPlace) {
        await saveWorkbook(io, loaded, out, { unchangedSince: target.inPlace ? loaded.fingerprint : undefined });
        io.out(CLI_MESSAGES.written(displayPath(io, out)));
      }
      return EXIT.ok;
    });
  },
};
