/**
 * `cap-circulaire consolidate classeur.xlsx --out consolide.xlsx [--report rapport.json]`:
 * rebuilds `Actions` from the service tabs into a new file. The input is
 * never modified (unless --in-place). Exit 1 when blocking anomalies remain
 * (the output and the report are written all the same).
 *
 * The file lock of the workbook written is taken before the input is read
 * and kept until the rename: two runs on one file follow each other, each
 * with its Journal row. With --in-place, the file is replaced only if nobody
 * saved it meanwhile.
 */
import { consolidate } from '../../app/consolidate';
import type { LockPort } from '../../app/ports';
import { CONSOLIDATE_CLI_MESSAGES as M } from '../../domain/messages/consolidation';
import { CLI_MESSAGES, PATH_MESSAGES as P } from '../../domain/messages/cli';
import { VALIDATE_CLI_MESSAGES as VM } from '../../domain/messages/validation';
import { currentUser } from '../owner';
import { displayPath, openWorkbook, prepareOutput, requireDistinct, requireInputFile, saveWorkbook, withLock, workbookTarget, writeOutput, xlsxOutput } from './files';
import { COMMON_OPTIONS, EXIT, type CommandSpec } from './types';

/** The command holds the file lock for the whole run (read, compute, write the file). */
const HELD: LockPort = { tryLock: () => true, release: () => undefined };

export const consolidateCommand: CommandSpec = {
  name: 'consolidate',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: {
    out: { ...COMMON_OPTIONS.out, help: M.outOption },
    report: { type: 'string', placeholder: 'rapport.json', help: M.reportOption },
    'in-place': COMMON_OPTIONS.inPlace,
  },
  positionals: { min: 1, max: 1, label: 'classeur.xlsx' },
  async run(args, io) {
    const target = workbookTarget(args.string('out'), args.flag('in-place'));
    const input = await requireInputFile(io, args.positionals[0]);
    if (!target.inPlace) xlsxOutput(io, target.out!);
    const out = target.inPlace ? input : await prepareOutput(io, target.out!, { option: '--out', inputs: [input] });
    const reportRaw = args.string('report');
    const reportPath = reportRaw === undefined ? undefined : await prepareOutput(io, reportRaw, { option: '--report', inputs: [input] });
    if (reportPath !== undefined && !target.inPlace) await requireDistinct(reportPath, out, P.reportIsOutput(reportRaw!));

    return withLock(io, out, 'consolidate', async () => {
      const opened = await openWorkbook(io, args.positionals[0]);
      if (!target.inPlace) xlsxOutput(io, target.out!, opened.format);
      const result = consolidate({
        workbook: opened.workbook,
        lock: HELD,
        clock: { now: () => new Date() },
        user: { email: () => currentUser() },
      });
      if (result.status === 'busy') {
        io.err(result.message);
        return EXIT.anomalies;
      }
      const anomalies = result.plan.anomalies;
      const blocking = anomalies.filter((a) => a.bloquante).length;
      if (anomalies.length > 0) {
        io.err(M.anomaliesHeading(blocking, anomalies.length - blocking));
        for (const a of anomalies) io.err(VM.line(`« ${a.onglet} », ${VM.where(a.cellule, a.ligne, a.colonne)}`, a.message, a.bloquante));
      }
      await saveWorkbook(io, opened, out, { unchangedSince: target.inPlace ? opened.fingerprint : undefined });
      if (reportPath !== undefined) {
        await writeOutput(io, reportPath, `${JSON.stringify(result.report, null, 2)}\n`);
        io.out(M.reportWritten(displayPath(io, reportPath)));
      }
      if (result.status === 'refused') io.err(result.message);
      else io.out(result.message);
      io.out(CLI_MESSAGES.written(displayPath(io, out)));
      return result.status === 'refused' || blocking > 0 ? EXIT.anomalies : EXIT.ok;
    });
  },
};
