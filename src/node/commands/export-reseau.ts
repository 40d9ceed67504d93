/**
 * `cap-circulaire export-reseau classeur.xlsx --out fiche-reseau.xlsx`: the
 * fiche réseau a territory sends to its regional network, without any
 * personal data. Prints what is shared before anything leaves the computer.
 * Never modifies its input.
 */
import { RESEAU_MESSAGES as M } from '../../domain/messages/reseau';
import { ficheReseauBytes } from '../../files/offline-reseau';
import { displayPath, workbookToNewXlsx, writeOutput } from './files';
import { COMMON_OPTIONS, EXIT, type CommandSpec } from './types';

export const exportReseauCommand: CommandSpec = {
  name: 'export-reseau',
  summary: M.export.summary,
  usage: M.export.usage,
  description: M.export.description,
  options: { out: { ...COMMON_OPTIONS.out } },
  positionals: { min: 1, max: 1, label: 'classeur.xlsx' },
  async run(args, io) {
    const { opened, out } = await workbookToNewXlsx(io, args.positionals[0], args.requiredString('out'));
    const { workbook } = opened;
    const { fiche, retraits, bytes } = await ficheReseauBytes(workbook, new Date());
    if (!fiche.identite.nom) {
      io.err(M.export.sansNom);
      return EXIT.anomalies;
    }
    await writeOutput(io, out, bytes);
    io.out(M.export.ecrit(displayPath(io, out)));
    io.out(M.export.contenu({ nom: fiche.identite.nom, axes: fiche.axes.length, mesures: fiche.mesures.length, actions: fiche.actions.length, financements: fiche.financements.length }));
    io.out(M.export.jamais);
    for (const r of retraits) io.out(M.export.retrait(r.ou, r.nature));
    return EXIT.ok;
  },
};
