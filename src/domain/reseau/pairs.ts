/**
 * A territory's place among its peers, for its own COPIL deck: its score
 * per axe against the network's median and quartiles, overall and among the
 * territories of the same type and population band, and the mesures where
 * comparable territories are ahead, with their names (what they did is in
 * their shared plan actions). Read from the regional workbook the
 * coordinator sends back: only aggregates and what territories shared.
 */
import type { Cell, Grid } from '../table/cell';
import { cellText, isBlank } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { readDate, readNumber } from '../parse/values';
import { nodesAtLevel } from '../referentiel/tree';
import type { Slide, DeckBlock } from '../reports/deck';
import { cell, para, widths } from '../reports/deck-kit';
import { LAYOUT } from '../reports/primitives';
import { paragraphsFit, tableHeaderHeight, tableRowHeight } from '../reports/fit';
import { COLOURS } from '../schema/colours';
import { formatDateFr, formatNumberFr } from '../format';
import { RESEAU_MESSAGES as M } from '../messages/reseau';
import type { ClasseurLu } from './fiche-classeur';
import { LIBELLES_STATUT_MESURE } from './fiche-classeur';
import type { FicheReseau } from './fiche';
import { COLONNES_TERRITOIRES as C, LIBELLES_TRANCHE, ONGLETS_RESEAU } from './rollup';
import { quartiles, trancheDe, type Quartiles, type Tranche } from './stats';

const AXES = nodesAtLevel('axe');
const MESURES = nodesAtLevel('mesure');

export interface TerritoireRegional {
  readonly nom: string;
  readonly type: string | null;
  readonly population: number | null;
  readonly siren: string | null;
  /** % réalisé by axe id (`eci_1`…). */
  readonly axes: ReadonlyMap<string, number>;
}

export interface ReseauLu {
  readonly date: Date | null;
  readonly territoires: readonly TerritoireRegional[];
  /** Who has each mesure (by id) `fait`. */
  readonly faites: ReadonlyMap<string, readonly string[]>;
}

function headerIndex(grid: Grid, headers: readonly string[]): { row: number; idx: Map<string, number> } | null {
  for (let r = 0; r < Math.min(10, grid.length); r++) {
    const keys = (grid[r] ?? []).map((c) => normalizeKey(cellText(c)));
    const idx = new Map<string, number>();
    for (const h of headers) {
      const i = keys.indexOf(normalizeKey(h));
      if (i >= 0) idx.set(h, i);
    }
    if (idx.size >= Math.min(2, headers.length)) return { row: r, idx };
  }
  return null;
}

function tab(book: ClasseurLu, name: string): Grid | undefined {
  const n = book.sheetNames().find((x) => normalizeKey(x) === normalizeKey(name));
  return n === undefined ? undefined : book.grid(n);
}

const num = (v: Cell | undefined): number | null => {
  if (v === undefined || isBlank(v)) return null;
  const r = readNumber(v);
  return r.ok ? r.value : null;
};

export type ReseauLecture = { readonly ok: true; readonly reseau: ReseauLu } | { readonly ok: false; readonly raison: string };

/** Reads the regional workbook written by `rollupVersClasseur`. */
export function lireReseau(book: ClasseurLu): ReseauLecture {
  const grid = tab(book, ONGLETS_RESEAU.territoires);
  const axeHeaders = AXES.map((a) => C.axe(Number(a.identifiant)));
  const found = grid ? headerIndex(grid, [C.territoire, C.type, C.population, C.siren, C.date, ...axeHeaders]) : null;
  if (!grid || !found || !found.idx.has(C.territoire)) return { ok: false, raison: M.lecture.ongletManquant(ONGLETS_RESEAU.territoires) };
  const at = (row: Cell[], h: string): Cell | undefined => (found.idx.has(h) ? row[found.idx.get(h)!] : undefined);
  const territoires: TerritoireRegional[] = [];
  let date: Date | null = null;
  for (let r = found.row + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const nom = cellText(at(row, C.territoire));
    if (!nom) continue;
    const axes = new Map<string, number>();
    AXES.forEach((a, i) => {
      const v = num(at(row, axeHeaders[i]));
      if (v !== null) axes.set(a.id, v);
    });
    const d = at(row, C.date);
    const read = d === undefined || isBlank(d) ? null : readDate(d);
    if (read?.ok && (!date || read.value > date)) date = read.value;
    territoires.push({ nom, type: cellText(at(row, C.type)) || null, population: num(at(row, C.population)), siren: cellText(at(row, C.siren)) || null, axes });
  }
  const faites = new Map<string, string[]>();
  const fg = tab(book, ONGLETS_RESEAU.mesuresFaites);
  const fh = fg ? headerIndex(fg, ['Mesure', 'Territoire', 'Statut']) : null;
  if (fg && fh) {
    for (let r = fh.row + 1; r < fg.length; r++) {
      const row = fg[r] ?? [];
      const statut = normalizeKey(cellText(row[fh.idx.get('Statut') ?? -1]));
      if (statut !== normalizeKey(LIBELLES_STATUT_MESURE.fait)) continue;
      const id = `eci_${cellText(row[fh.idx.get('Mesure') ?? -1])}`;
      const nom = cellText(row[fh.idx.get('Territoire') ?? -1]);
      if (!nom) continue;
      faites.set(id, [...(faites.get(id) ?? []), nom]);
    }
  }
  return { ok: true, reseau: { date, territoires, faites } };
}

export interface AxeCompare {
  readonly id: string;
  readonly identifiant: string;
  readonly titre: string;
  readonly nous: number;
  readonly reseau: Quartiles | null;
  readonly pairs: Quartiles | null;
}

export interface MesureEnAvance {
  readonly id: string;
  readonly identifiant: string;
  readonly titre: string;
  /** Comparable territories (same type and band) that have it fait. */
  readonly pairs: readonly string[];
}

export interface ComparaisonPairs {
  readonly nom: string;
  readonly type: string | null;
  readonly tranche: Tranche;
  /** Territories compared (the territory itself left out). */
  readonly nReseau: number;
  readonly nPairs: number;
  readonly axes: readonly AxeCompare[];
  readonly enAvance: readonly MesureEnAvance[];
  readonly date: Date | null;
}

function estNous(t: TerritoireRegional, f: FicheReseau): boolean {
  if (f.identite.siren && t.siren) return f.identite.siren === t.siren.replace(/\s+/g, '');
  return normalizeKey(t.nom) === normalizeKey(f.identite.nom);
}

export function comparerAuxPairs(f: FicheReseau, reseau: ReseauLu): ComparaisonPairs {
  const autres = reseau.territoires.filter((t) => !estNous(t, f));
  const tranche = trancheDe(f.identite.population);
  const pairs = autres.filter((t) => normalizeKey(t.type ?? '') === normalizeKey(f.identite.type ?? '') && trancheDe(t.population) === tranche);
  const pairNames = new Set(pairs.map((p) => normalizeKey(p.nom)));
  const axes = AXES.map((a) => ({
    id: a.id,
    identifiant: a.identifiant,
    titre: a.title,
    nous: f.axes.find((x) => x.id === a.id)?.pctFait ?? 0,
    reseau: quartiles(autres.map((t) => t.axes.get(a.id) ?? NaN)),
    pairs: quartiles(pairs.map((t) => t.axes.get(a.id) ?? NaN)),
  }));
  const enAvance = MESURES.flatMap((m): MesureEnAvance[] => {
    const nous = f.mesures.find((x) => x.id === m.id);
    if (!nous || nous.statut === 'fait' || nous.statut === 'nonConcerne') return [];
    const noms = (reseau.faites.get(m.id) ?? []).filter((n) => pairNames.has(normalizeKey(n)));
    return noms.length ? [{ id: m.id, identifiant: m.identifiant, titre: m.title, pairs: noms }] : [];
  })
    .sort((a, b) => b.pairs.length - a.pairs.length || a.identifiant.localeCompare(b.identifiant, 'fr', { numeric: true }))
    .slice(0, 10);
  return { nom: f.identite.nom, type: f.identite.type, tranche, nReseau: autres.length, nPairs: pairs.length, axes, enAvance, date: reseau.date };
}

const pct = (n: number) => `${formatNumberFr(n, 0)}\u00a0%`;

/** One slide: the table per axe, then the mesures where peers are ahead (names listed, at most 4 per line). */
export function slidePairs(c: ComparaisonPairs): Slide {
  const P = M.pairs;
  const frame = LAYOUT.content;
  const size = 12;
  const cols = widths(frame.w, [6, 1.6, 2, 2.4, 2]);
  const columns = [P.colAxe, P.colNous, P.colMediane, P.colQuartiles, P.colPairs].map((header, i) => ({ header, width: cols[i], align: (i === 0 ? 'left' : 'right') as 'left' | 'right' }));
  const rows = c.axes.map((a) => [
    cell(`${a.identifiant}. ${a.titre}`),
    cell(pct(a.nous), {
      align: 'right',
      bold: true,
      colour: a.reseau ? (a.nous >= a.reseau.q3 ? COLOURS.brand : a.nous < a.reseau.q1 ? '#B3261E' : undefined) : undefined,
    }),
    cell(a.reseau ? pct(a.reseau.mediane) : '–', { align: 'right' }),
    cell(a.reseau ? `${pct(a.reseau.q1)} – ${pct(a.reseau.q3)}` : '–', { align: 'right' }),
    cell(a.pairs ? pct(a.pairs.mediane) : '–', { align: 'right' }),
  ]);
  const tableH = tableHeaderHeight(columns, size) + rows.reduce((h, r) => h + tableRowHeight(r, columns, size), 0);
  const blocks: DeckBlock[] = [
    {
      kind: 'text',
      frame: { x: frame.x, y: frame.y, w: frame.w, h: 24 },
      paragraphs: [para(P.sousTitre(c.nReseau, c.nPairs, P.groupe(c.type, LIBELLES_TRANCHE[c.tranche])), 12, { colour: COLOURS.greyText })],
    },
    {
      kind: 'table',
      frame: { x: frame.x, y: frame.y + 28, w: frame.w, h: tableH },
      columns,
      rows,
      size,
    },
  ];
  const listY = frame.y + 28 + tableH + 8;
  const listFrame = { x: frame.x, y: listY, w: frame.w, h: frame.y + frame.h - listY };
  const line = (m: MesureEnAvance) => P.faitePar(`Mesure ${m.identifiant} — ${m.titre}`, m.pairs.length > 4 ? [...m.pairs.slice(0, 4), P.autres(m.pairs.length - 4)] : m.pairs);
  // As many mesures as the room takes, most shared first; the notes list every one.
  let shown = c.enAvance.length;
  const items = (k: number) => (c.enAvance.length ? [para(P.enAvance, 14, { bold: true }), ...c.enAvance.slice(0, k).map((m) => para(line(m), 12, { bullet: true }))] : [para(P.aucuneAvance, 14)]);
  while (shown > 0 && !paragraphsFit(items(shown), listFrame.w, listFrame.h)) shown--;
  if (listFrame.h > 30) blocks.push({ kind: 'text', frame: listFrame, paragraphs: items(shown) });
  const notes = [P.notes(c.date ? formatDateFr(c.date) : '–'), ...c.enAvance.map((m) => `${line(m)}.`)].join('\n');
  return { layout: 'content', title: P.titre(c.nom), blocks, notes };
}
