/**
 * `cap-circulaire export-reseau classeur.xlsx --out fiche-reseau.xlsx`: the
 * fiche réseau a territory sends to its regional network, without any
 * personal data. Prints what is shared before anything leaves the computer.
 * Never modifies its input.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ficheDuClasseur } from '../../app/reseau';
import { RESEAU_MESSAGES as M } from '../../domain/messages/reseau';
import { CLI_MESSAGES } from '../../domain/messages/cli';
import { ficheVersClasseur } from '../../domain/reseau/fiche-classeur';
import { classeurToBuffer } from '../../files/xlsx/classeur-export';
import { displayPath, openWorkbook, xlsxOutput } from './files';
import { COMMON_OPTIONS, EXIT, UsageError, type CommandSpec } from './types';

export const exportReseauCommand: CommandSpec = {
  name: 'export-reseau',
  summary: M.export.summary,
  usage: M.export.usage,
  description: M.export.description,
  options: { out: { ...COMMON_OPTIONS.out } },
  positionals: { min: 1, max: 1, label: 'classeur.xlsx' },
  async run(args, io) {
    const input = args.positionals[0];
    const outArg = args.requiredString('out');
    const out = xlsxOutput(io, outArg);
    if (out === resolve(io.cwd, input)) throw new UsageError(CLI_MESSAGES.outputIsInput(outArg));
    const { workbook } = await openWorkbook(io, input);
    const { fiche, retraits } = ficheDuClasseur(workbook, new Date());
    if (!fiche.identite.nom) {
      io.err(M.export.sansNom);
      return EXIT.anomalies;
    }
    await writeFile(out, await classeurToBuffer(ficheVersClasseur(fiche)));
    io.out(M.export.ecrit(displayPath(io, out)));
    io.out(M.export.contenu({ nom: fiche.identite.nom, axes: fiche.axes.length, mesures: fiche.mesures.length, actions: fiche.actions.length, financements: fiche.financements.length }));
    io.out(M.export.jamais);
    for (const r of retraits) io.out(M.export.retrait(r.ou, r.nature));
    return EXIT.ok;
  },
};
