/**
 * `cap-circulaire validate classeur.xlsx [--json]`: every anomaly of the
 * workbook (tab, row, column, cell, message, blocking). Never modifies the
 * file. Exit 1 when an anomaly is blocking.
 *
 * `--json` prints `{"bloquantes":N,"avertissements":N,"anomalies":[{"onglet",
 * "ligne","colonne","cellule","message","bloquante","code"}]}`.
 */
import { validate } from '../../app/validate';
import { VALIDATE_CLI_MESSAGES as M } from '../../domain/messages/validation';
import { openWorkbook } from './files';
import { COMMON_OPTIONS, EXIT, type CommandSpec } from './types';

export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: { json: { ...COMMON_OPTIONS.json, help: M.jsonOption } },
  positionals: { min: 1, max: 1, label: 'classeur.xlsx' },
  async run(args, io) {
    const { workbook } = await openWorkbook(io, args.positionals[0]);
    const result = validate({ workbook, clock: { now: () => new Date() }, user: { email: () => '' } });
    if (args.flag('json')) {
      const json = {
        bloquantes: result.blocking,
        avertissements: result.warnings,
        anomalies: result.anomalies.map((a) => ({ onglet: a.onglet, ligne: a.ligne, colonne: a.colonne, cellule: a.cellule, message: a.message, bloquante: a.bloquante, code: a.code })),
      };
      io.out(JSON.stringify(json, null, 2));
    } else {
      const byTab = new Map<string, typeof result.anomalies[number][]>();
      for (const a of result.anomalies) (byTab.get(a.onglet) ?? byTab.set(a.onglet, []).get(a.onglet)!).push(a);
      for (const [tab, list] of byTab) {
        io.out(M.tabHeading(tab, list.length));
        for (const a of list) io.out(M.line(M.where(a.cellule, a.ligne, a.colonne), a.message, a.bloquante));
      }
      io.out(M.done(result.blocking, result.warnings, byTab.size));
    }
    return result.blocking > 0 ? EXIT.anomalies : EXIT.ok;
  },
};
