/**
 * `cap-circulaire export-tet classeur.xlsx --out plan-tet.xlsx`: the plan
 * d'actions in the layout TeT's importer accepts (first sheet) and the
 * référentiel in the layout of TeT's `export_eci.xlsx` (second sheet).
 * Never modifies its input.
 */
import { STEERING_MESSAGES as M } from '../../domain/messages/steering';
import { exportTetBytes } from '../../files/offline';
import { displayPath, workbookToNewXlsx, writeOutput } from './files';
import { COMMON_OPTIONS, EXIT, type CommandSpec } from './types';

export const exportTetCommand: CommandSpec = {
  name: 'export-tet',
  summary: M.tet.cliSummary,
  usage: M.tet.cliUsage,
  description: M.tet.cliDescription,
  options: { out: { ...COMMON_OPTIONS.out } },
  positionals: { min: 1, max: 1, label: 'classeur.xlsx' },
  async run(args, io) {
    const { opened, out } = await workbookToNewXlsx(io, args.positionals[0], args.requiredString('out'));
    const { workbook } = opened;
    const { run, bytes } = await exportTetBytes(workbook, new Date());
    for (const a of run.anomalies) io.err(M.tet.cliAnomalie(a.onglet, a.ligne, a.message));
    await writeOutput(io, out, bytes);
    io.out(M.tet.cliFait(run.message, displayPath(io, out)));
    return EXIT.ok;
  },
};
