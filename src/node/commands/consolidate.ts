/**
 * `cap-circulaire consolidate classeur.xlsx --out consolide.xlsx [--report rapport.json]`:
 * rebuilds `Actions` from the service tabs into a new file. The input is
 * never modified (unless --in-place). Exit 1 when blocking anomalies remain
 * (the output and the report are written all the same).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { consolidate } from '../../app/consolidate';
import type { LockPort } from '../../app/ports';
import { CONSOLIDATE_CLI_MESSAGES as M, CONSOLIDATION_MESSAGES as CM } from '../../domain/messages/consolidation';
import { CLI_MESSAGES } from '../../domain/messages/cli';
import { VALIDATE_CLI_MESSAGES as VM } from '../../domain/messages/validation';
import { FileLock, lockPathFor } from '../file-lock';
import { displayPath, openWorkbook, saveWorkbook, workbookOutput } from './files';
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
    const input = resolve(io.cwd, args.positionals[0]);
    const out = workbookOutput(io, input, args.string('out'), args.flag('in-place'));
    const reportPath = args.string('report');
    const loaded = await openWorkbook(io, args.positionals[0]);
    const lock = new FileLock(lockPathFor(out));
    if (!lock.tryLock(2_000)) {
      io.err(CM.lockBusy);
      return EXIT.anomalies;
    }
    try {
      const result = consolidate({
        workbook: loaded.workbook,
        lock: HELD,
        clock: { now: () => new Date() },
        user: { email: () => process.env.USER ?? process.env.USERNAME ?? '' },
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
      await saveWorkbook(loaded, out);
      if (reportPath !== undefined) {
        const path = resolve(io.cwd, reportPath);
        await writeFile(path, `${JSON.stringify(result.report, null, 2)}\n`, 'utf8');
        io.out(M.reportWritten(displayPath(io, path)));
      }
      if (result.status === 'refused') io.err(result.message);
      else io.out(result.message);
      io.out(CLI_MESSAGES.written(displayPath(io, out)));
      return result.status === 'refused' || blocking > 0 ? EXIT.anomalies : EXIT.ok;
    } finally {
      lock.release();
    }
  },
};
