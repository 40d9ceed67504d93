/**
 * The network's work on bytes, shared by the offline faces (the command line
 * reads a folder, the web page the files dropped on it): a fiche réseau from
 * a workbook, the regional rollup of many files with its deck. No file
 * system here; the faces choose where the bytes come from and go.
 */
import { consoliderDossier, consoliderLectures, ficheDuClasseur, type FichierDossier, type RollupProgress, type TerritoireOuEcart } from '../app/reseau';
import type { WorkbookPort } from '../app/ports';
import { RESEAU_MESSAGES as M } from '../domain/messages/reseau';
import { deckReseau } from '../domain/reseau/deck';
import { ficheVersClasseur } from '../domain/reseau/fiche-classeur';
import { rollupVersClasseur, type Rollup } from '../domain/reseau/rollup';
import type { FicheConstruite } from '../domain/reseau/fiche';
import { detectFormat, isReadableWorkbook } from './detect';
import { deckToPptx } from './reports/pptx';
import { classeurToBuffer } from './xlsx/classeur-export';
import { readXlsxBuffer } from './xlsx';

/** The fiche réseau of a workbook as .xlsx bytes, with what was removed from shared text. */
export async function ficheReseauBytes(workbook: WorkbookPort, now: Date): Promise<FicheConstruite & { bytes: Uint8Array }> {
  const built = ficheDuClasseur(workbook, now);
  return { ...built, bytes: await classeurToBuffer(ficheVersClasseur(built.fiche)) };
}

/** One file of a rollup, from its bytes: recognised by content, never by extension. */
export async function fichierReseau(name: string, bytes: Uint8Array): Promise<FichierDossier> {
  const format = detectFormat(bytes);
  if (!isReadableWorkbook(format)) return { fichier: name, erreur: M.lecture.formatNonLu(format.kind) };
  try {
    const { workbook } = await readXlsxBuffer(bytes);
    return { fichier: name, book: workbook };
  } catch {
    return { fichier: name, erreur: M.lecture.pasUnClasseur };
  }
}

export interface RollupBytes {
  readonly rollup: Rollup;
  readonly remarques: readonly string[];
  /** The regional workbook; null when no territory could be read. */
  readonly xlsx: Uint8Array | null;
  readonly pptx: Uint8Array | null;
}

/** The regional rollup of files given by name (opened one at a time by `open`), as bytes. */
export async function rollupBytes(names: readonly string[], open: (name: string) => Promise<FichierDossier>, now: Date, progress?: RollupProgress): Promise<RollupBytes> {
  return rollupOutputs(await consoliderDossier(names, open, now, progress), now);
}

/** The regional rollup of files already read (e.g. by worker threads), in the folder's order, as bytes. */
export async function rollupLecturesBytes(lectures: readonly TerritoireOuEcart[], now: Date): Promise<RollupBytes> {
  return rollupOutputs(consoliderLectures(lectures), now);
}

async function rollupOutputs({ rollup, remarques }: { rollup: Rollup; remarques: string[] }, now: Date): Promise<RollupBytes> {
  if (rollup.territoires.length === 0) return { rollup, remarques, xlsx: null, pptx: null };
  return {
    rollup,
    remarques,
    xlsx: await classeurToBuffer(rollupVersClasseur(rollup)),
    pptx: await deckToPptx(deckReseau(rollup, now), M.deck.titre),
  };
}
