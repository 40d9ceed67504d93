/**
 * One file of the coordinator's folder, opened from disk for the rollup:
 * recognised by content, not by extension (a fiche renamed .xls or a PDF
 * named .xlsx get the right answer). Used in the main thread and in the
 * rollup's worker threads alike.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lireFichierDossier, type FichierDossier, type TerritoireOuEcart } from '../app/reseau';
import { RESEAU_MESSAGES as M } from '../domain/messages/reseau';
import { detectFormat, isReadableWorkbook, notAWorkbookMessage } from '../files/detect';
import { readXlsxBuffer } from '../files/xlsx';

export async function ouvrirFichierReseau(dir: string, name: string): Promise<FichierDossier> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, name));
  } catch (e) {
    return { fichier: name, erreur: M.lecture.illisible((e as NodeJS.ErrnoException).code ?? String(e)) };
  }
  const format = detectFormat(bytes);
  if (!isReadableWorkbook(format)) return { fichier: name, erreur: notAWorkbookMessage(format.kind, name) };
  try {
    const { workbook } = await readXlsxBuffer(bytes);
    return { fichier: name, book: workbook };
  } catch {
    return { fichier: name, erreur: notAWorkbookMessage('damaged-zip', name) };
  }
}

/** A file of the folder read into what the rollup takes (its workbook is dropped on return). */
export async function lireFichierReseau(dir: string, name: string, date: Date): Promise<TerritoireOuEcart> {
  return lireFichierDossier(await ouvrirFichierReseau(dir, name), date);
}
