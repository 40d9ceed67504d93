/**
 * `cap-circulaire score (classeur.xlsx | --statuts statuts.csv) [--json]`:
 * the scores TeT would compute. Never modifies its input.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CLI_MESSAGES } from '../../domain/messages/cli';
import { runScores } from '../../app/score';
import { SCORE_CLI_MESSAGES, SCORE_CSV_FILE_MESSAGES } from '../../domain/messages/score-cli';
import { CONTEXTE_VIDE } from '../../domain/referentiel/personnalisation';
import { computeScores, type ScoreResult } from '../../domain/referentiel/score';
import { scoreJson, scoreTexte } from '../../domain/referentiel/score-report';
import { parseStatutsCsv } from '../../domain/referentiel/statuts-csv';
import { decodeText, detectFormat, type FileKind } from '../../files/detect';
import { displayPath, fsStep, notAWorkbookMessage, openWorkbook } from './files';
import { COMMON_OPTIONS, EXIT, UsageError, type CliIo, type CommandSpec } from './types';

const M = { ...SCORE_CLI_MESSAGES, ...SCORE_CSV_FILE_MESSAGES };

/** What `--statuts` accepts: text. An empty file goes to the CSV reader, which names what is missing. */
const CSV_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['text', 'empty']);
/** Workbooks given to --statuts: the way out is to pass them as the workbook argument. */
const WORKBOOK_LIKE: ReadonlySet<FileKind> = new Set<FileKind>(['xlsx', 'xlsm', 'xltx', 'xltm']);

function print(io: CliIo, result: ScoreResult, json: boolean): void {
  if (json) io.out(JSON.stringify(scoreJson(result), null, 2));
  else for (const line of scoreTexte(result).split('\n')) io.out(line);
}

export const scoreCommand: CommandSpec = {
  name: 'score',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: {
    statuts: { type: 'string', placeholder: 'statuts.csv', help: M.statutsOption },
    json: COMMON_OPTIONS.json,
  },
  positionals: { min: 0, max: 1, label: 'classeur.xlsx' },
  async run(args, io) {
    const csv = args.string('statuts');
    const book = args.positionals[0];
    if (csv !== undefined && book !== undefined) throw new UsageError(M.oneSource);
    if (csv === undefined && book === undefined) throw new UsageError(M.noSource);
    const json = args.flag('json');
    if (csv !== undefined) {
      const path = resolve(io.cwd, csv);
      const info = await stat(path).catch(() => null);
      if (!info) throw new UsageError(M.csvNotFound(csv));
      if (!info.isFile()) throw new UsageError(CLI_MESSAGES.notAFile(csv));
      const bytes = await fsStep(io, () => readFile(path));
      const kind = detectFormat(bytes).kind;
      if (!CSV_KINDS.has(kind)) throw new UsageError(M.csvNotText(csv, WORKBOOK_LIKE.has(kind) ? '' : notAWorkbookMessage(kind, csv)));
      const { text, encoding } = decodeText(bytes);
      if (encoding === 'windows-1252') io.err(M.csvWindows1252(displayPath(io, path)));
      const parsed = parseStatutsCsv(text);
      if (!parsed.ok) {
        io.err(M.csvErrorsHeading(displayPath(io, path), parsed.errors.length));
        for (const e of parsed.errors) io.err(M.csvError(e.ligne, e.message));
        return EXIT.anomalies;
      }
      print(io, computeScores({ statuts: parsed.statuts, personnalisation: CONTEXTE_VIDE }), json);
      return EXIT.ok;
    }
    const { workbook } = await openWorkbook(io, book!);
    const run = runScores({ workbook, clock: { now: () => new Date() }, write: false });
    if (run.anomalies.length > 0) {
      io.err(M.anomaliesHeading(run.anomalies.length));
      for (const a of run.anomalies) io.err(M.anomaly(a.onglet, a.ligne, a.colonne, a.message, a.bloquante));
    }
    print(io, run.result, json);
    return run.anomalies.some((a) => a.bloquante) ? EXIT.anomalies : EXIT.ok;
  },
};
