/**
 * Use cases of the network view, face-neutral:
 * - *Fiche réseau*: the summary a territory shares (`export-reseau`, menu
 *   Générer ▸ Fiche réseau);
 * - the coordinator's rollup of a folder of fiches and full workbooks
 *   (`reseau DOSSIER`), one file at a time so memory stays bounded;
 * - the peer slide added to a territory's COPIL deck (`generate copil --reseau`).
 * Faces read and write the files; nothing here knows where they come from.
 */
import { memoSource, readWorkbookModel } from '../domain/model/read';
import { scoreWorkbook } from '../domain/referentiel/workbook-scores';
import { TAB } from '../domain/schema/tabs';
import { normalizeKey } from '../domain/table/normalize';
import type { Deck } from '../domain/reports/deck';
import { RESEAU_MESSAGES as M } from '../domain/messages/reseau';
import { construireFicheReseau, type FicheConstruite } from '../domain/reseau/fiche';
import { estFicheReseau, lireFicheReseau, type ClasseurLu } from '../domain/reseau/fiche-classeur';
import { consoliderReseau, type FichierEcarte, type Rollup, type TerritoireLu } from '../domain/reseau/rollup';
import { comparerAuxPairs, slidePairs, type ComparaisonPairs, type ReseauLu } from '../domain/reseau/pairs';

/** A workbook as both offline readers and Apps Script hand it over. */
export interface LecteurClasseur {
  sheetNames(): readonly string[];
  read(sheet: string): import('../domain/table/cell').Grid;
}

function asClasseur(book: LecteurClasseur): ClasseurLu {
  const cache = new Map<string, import('../domain/table/cell').Grid>();
  return {
    sheetNames: () => book.sheetNames(),
    grid: (name) => {
      if (!book.sheetNames().includes(name)) return undefined;
      if (!cache.has(name)) cache.set(name, book.read(name));
      return cache.get(name);
    },
  };
}

/** Whether a workbook is a full Cap Circulaire workbook (its Accueil and Référentiel tabs). */
export function estClasseurComplet(book: Pick<LecteurClasseur, 'sheetNames'>): boolean {
  const names = new Set(book.sheetNames().map(normalizeKey));
  return names.has(normalizeKey(TAB.accueil)) && names.has(normalizeKey(TAB.referentiel));
}

/** The fiche réseau of a full workbook, as of `date`. Reads each tab once, writes nothing. */
export function ficheDuClasseur(book: LecteurClasseur, date: Date): FicheConstruite {
  const names = book.sheetNames();
  const src = memoSource([...names], (n) => book.read(n));
  const { model } = readWorkbookModel(src);
  const { result } = scoreWorkbook(model);
  return construireFicheReseau(model, result, date);
}

export type TerritoireOuEcart = { readonly ok: true; readonly territoire: TerritoireLu; readonly remarques: readonly string[] } | { readonly ok: false; readonly ecart: FichierEcarte };

/**
 * One file of the coordinator's folder: a fiche réseau, or a full workbook
 * summarised on the fly (`date` dates such a summary: the coordinator's today).
 */
export function lireTerritoire(fichier: string, book: LecteurClasseur, date: Date): TerritoireOuEcart {
  const classeur = asClasseur(book);
  if (estFicheReseau(classeur)) {
    const lu = lireFicheReseau(classeur);
    if (!lu.ok) return { ok: false, ecart: { fichier, raison: lu.raison } };
    return { ok: true, territoire: { fichier, source: 'fiche', fiche: lu.fiche }, remarques: lu.remarques };
  }
  if (estClasseurComplet(book)) {
    const { fiche } = ficheDuClasseur(book, date);
    if (!fiche.identite.nom) return { ok: false, ecart: { fichier, raison: M.lecture.sansNomClasseur } };
    return { ok: true, territoire: { fichier, source: 'classeur', fiche }, remarques: [] };
  }
  return { ok: false, ecart: { fichier, raison: M.lecture.pasUneFiche } };
}

/** What a face hands over for each file of the folder: its workbook, or why it could not be opened. */
export type FichierDossier = { readonly fichier: string; readonly book: LecteurClasseur } | { readonly fichier: string; readonly erreur: string };

export interface RollupProgress {
  (done: number, total: number, fichier: string): void;
}

/**
 * One file of the folder as the rollup takes it: its territory with remarks,
 * or why it was set aside. Never throws: a workbook the model reader cannot
 * take is one bad file of the folder, not the end of the rollup. The result
 * is plain data, so a face may read files in worker threads and hand the
 * results over.
 */
export function lireFichierDossier(opened: FichierDossier, date: Date): TerritoireOuEcart {
  const f = opened.fichier;
  if ('erreur' in opened) return { ok: false, ecart: { fichier: f, raison: opened.erreur } };
  try {
    const r = lireTerritoire(f, opened.book, date);
    return r.ok ? { ...r, remarques: r.remarques.map((x) => `${f} : ${x}`) } : r;
  } catch (e) {
    return { ok: false, ecart: { fichier: f, raison: M.lecture.classeurIllisible(e instanceof Error ? e.message : String(e)) } };
  }
}

/** The rollup of files already read (in the folder's order, so the outputs do not depend on who read what first). */
export function consoliderLectures(lectures: readonly TerritoireOuEcart[]): { rollup: Rollup; remarques: string[] } {
  const territoires: TerritoireLu[] = [];
  const ecartes: FichierEcarte[] = [];
  const remarques: string[] = [];
  for (const l of lectures) {
    if (l.ok) {
      territoires.push(l.territoire);
      remarques.push(...l.remarques);
    } else ecartes.push(l.ecart);
  }
  return { rollup: consoliderReseau(territoires, ecartes), remarques };
}

/**
 * The rollup of a folder, reading one file at a time (`open` is called once
 * per file and its workbook dropped before the next): memory holds the
 * fiches, never the workbooks. A file that is neither a fiche nor a
 * workbook is listed with why, never fatal. The name a file is listed under
 * is the one `open` gives (a Google file's title rather than its id).
 */
export async function consoliderDossier(
  fichiers: readonly string[],
  open: (fichier: string) => Promise<FichierDossier>,
  date: Date,
  progress?: RollupProgress,
): Promise<{ rollup: Rollup; remarques: string[] }> {
  const lectures: TerritoireOuEcart[] = [];
  let i = 0;
  for (const f of fichiers) {
    progress?.(++i, fichiers.length, f);
    lectures.push(lireFichierDossier(await open(f), date));
  }
  return consoliderLectures(lectures);
}

/** The same rollup when every file is read synchronously (Apps Script's services). */
export function consoliderFichiers(fichiers: readonly string[], open: (fichier: string) => FichierDossier, date: Date, progress?: RollupProgress): { rollup: Rollup; remarques: string[] } {
  const lectures = fichiers.map((f, i) => {
    progress?.(i + 1, fichiers.length, f);
    return lireFichierDossier(open(f), date);
  });
  return consoliderLectures(lectures);
}

/** The peer comparison of a territory, and its slide placed before the deck's last slide (the draft relevé de décisions). */
export function ajouterSlidePairs(deck: Deck, book: LecteurClasseur, reseau: ReseauLu, date: Date): { deck: Deck; comparaison: ComparaisonPairs } {
  const { fiche } = ficheDuClasseur(book, date);
  const comparaison = comparerAuxPairs(fiche, reseau);
  const slide = slidePairs(comparaison);
  const at = Math.max(1, deck.slides.length - 1);
  return { deck: { ...deck, slides: [...deck.slides.slice(0, at), slide, ...deck.slides.slice(at)] }, comparaison };
}

