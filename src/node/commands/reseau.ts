/**
 * `cap-circulaire reseau DOSSIER --out reseau.xlsx [--deck reseau.pptx]`:
 * the coordinator's rollup of every fiche réseau and full workbook found in
 * a folder. Files are read by a small pool of worker threads, each one
 * file at a time (memory holds the fiches, not the workbooks); a file that
 * cannot be read is listed with why, never fatal.
 * No file of the folder is modified.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { RESEAU_MESSAGES as M } from '../../domain/messages/reseau';
import { rollupLecturesBytes } from '../../files/offline-reseau';
import { lireDossierReseau } from '../reseau-pool';
import { displayPath, prepareOutput, writeOutput, xlsxOutput } from './files';
import { COMMON_OPTIONS, EXIT, UsageError, type CommandSpec } from './types';

/** Office's lock files and hidden files are not territories' files. */
function ignored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Progress lines at most every 5 % of the files (a region has tens, France about 1,250). */
function progressEvery(n: number): number {
  return Math.max(1, Math.ceil(n / 20));
}

export const reseauCommand: CommandSpec = {
  name: 'reseau',
  summary: M.rollup.summary,
  usage: M.rollup.usage,
  description: M.rollup.description,
  options: {
    out: { ...COMMON_OPTIONS.out, help: 'classeur régional à écrire (.xlsx)' },
    deck: { type: 'string', placeholder: 'FICHIER', help: M.rollup.deckOption },
  },
  positionals: { min: 1, max: 1, label: 'DOSSIER' },
  async run(args, io) {
    const dirArg = args.positionals[0];
    const dir = resolve(io.cwd, dirArg);
    const outRaw = args.requiredString('out');
    xlsxOutput(io, outRaw, { kind: 'xlsx' });
    const deckArg = args.string('deck');
    if (deckArg !== undefined && extname(deckArg).toLowerCase() !== '.pptx') throw new UsageError(M.rollup.deckExtension(deckArg));
    const info = await stat(dir).catch(() => null);
    if (!info) throw new UsageError(M.rollup.dossierIntrouvable(dirArg));
    if (!info.isDirectory()) throw new UsageError(M.rollup.pasUnDossier(dirArg));
    const out = await prepareOutput(io, outRaw, { option: '--out', inputs: [] });
    const deckOut = deckArg === undefined ? undefined : await prepareOutput(io, deckArg, { option: '--deck', inputs: [] });

    const outputs = new Set([out, deckOut].filter((x): x is string => x !== undefined));
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && !ignored(e.name) && !outputs.has(join(dir, e.name)))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));

    const every = progressEvery(names.length);
    const now = new Date();
    const lectures = await lireDossierReseau(dir, names, now, (i, n, f) => {
      if (i % every === 0 || i === n) io.err(M.rollup.progression(i, n, f));
    });
    const { rollup, remarques, xlsx, pptx } = await rollupLecturesBytes(lectures, now);
    for (const r of remarques) io.err(r);
    for (const e of rollup.ecartes) io.err(M.rollup.ecarte(e.fichier, e.raison));
    for (const d of rollup.doublons) io.err(M.rollup.doublon(d.nom, d.fichiers, d.par === 'nom' ? M.rollup.parNom : M.rollup.parSiren));
    io.out(M.rollup.lus(rollup.territoires.length, names.length, rollup.ecartes.length));
    if (!xlsx || !pptx) {
      io.err(M.rollup.aucun);
      return EXIT.anomalies;
    }
    await writeOutput(io, out, xlsx);
    io.out(M.rollup.ecrit(displayPath(io, out)));
    if (deckOut) {
      await writeOutput(io, deckOut, pptx);
      io.out(M.rollup.deckEcrit(displayPath(io, deckOut)));
    }
    return EXIT.ok;
  },
};
