/**
 * The regional rollup: every territory's fiche réseau side by side. What the
 * coordinator of a network (Région, ADEME regional office, CIRIDD…) reads to
 * see where the network stands, who is close to the next star, which mesures
 * are well advanced and who to learn from.
 *
 * Two territories with the same name or the same SIREN are reported as
 * duplicates and both kept: a coordinator decides which file is current,
 * the tool never merges silently.
 */
import type { ClasseurExport, FeuilleExport } from '../tet/classeur';
import type { Cell, Grid } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { nodesAtLevel } from '../referentiel/tree';
import { RESEAU_MESSAGES as M } from '../messages/reseau';
import { STATUTS_MESURE, type FicheReseau, type StatutMesure } from './fiche';
import { LIBELLES_STATUT_MESURE } from './fiche-classeur';
import { quantile, trancheDe, type Tranche } from './stats';

export type SourceFiche = 'fiche' | 'classeur';

export interface TerritoireLu {
  readonly fichier: string;
  readonly source: SourceFiche;
  readonly fiche: FicheReseau;
}

export interface FichierEcarte {
  readonly fichier: string;
  readonly raison: string;
}

export interface Doublon {
  readonly nom: string;
  readonly par: 'nom' | 'siren';
  readonly fichiers: readonly string[];
}

export interface MesureReseauAgregee {
  readonly id: string;
  readonly identifiant: string;
  readonly titre: string;
  readonly axe: number;
  readonly repartition: Readonly<Record<StatutMesure, number>>;
  /** Territories the mesure concerns. */
  readonly concernes: number;
  /** Median % réalisé among the territories concerned (null when none). */
  readonly medianeFait: number | null;
  /** Names of the territories that have it entirely `fait`, then those `en partie`. */
  readonly faitePar: readonly string[];
  readonly enPartiePar: readonly string[];
}

export interface Rollup {
  readonly territoires: readonly TerritoireLu[];
  readonly ecartes: readonly FichierEcarte[];
  readonly doublons: readonly Doublon[];
  readonly mesures: readonly MesureReseauAgregee[];
}

const AXES = nodesAtLevel('axe');
const MESURES = nodesAtLevel('mesure');

function axeOf(identifiant: string): number {
  return Number(identifiant.split('.')[0]);
}

export function doublons(territoires: readonly TerritoireLu[]): Doublon[] {
  const out: Doublon[] = [];
  const group = (key: (t: TerritoireLu) => string | null, par: Doublon['par']) => {
    const m = new Map<string, TerritoireLu[]>();
    for (const t of territoires) {
      const k = key(t);
      if (!k) continue;
      m.set(k, [...(m.get(k) ?? []), t]);
    }
    for (const ts of m.values()) if (ts.length > 1) out.push({ nom: ts[0].fiche.identite.nom, par, fichiers: ts.map((t) => t.fichier) });
  };
  group((t) => normalizeKey(t.fiche.identite.nom) || null, 'nom');
  group((t) => t.fiche.identite.siren || null, 'siren');
  return out;
}

export function agregerMesures(territoires: readonly TerritoireLu[]): MesureReseauAgregee[] {
  return MESURES.map((node) => {
    const repartition = Object.fromEntries(STATUTS_MESURE.map((s) => [s, 0])) as Record<StatutMesure, number>;
    const pcts: number[] = [];
    const faitePar: string[] = [];
    const enPartiePar: string[] = [];
    for (const t of territoires) {
      const m = t.fiche.mesures.find((x) => x.id === node.id);
      const statut: StatutMesure = m?.statut ?? 'nonRenseigne';
      repartition[statut]++;
      if (m && statut !== 'nonConcerne') pcts.push(m.pctFait);
      if (statut === 'fait') faitePar.push(t.fiche.identite.nom);
      if (statut === 'enPartie') enPartiePar.push(t.fiche.identite.nom);
    }
    return {
      id: node.id,
      identifiant: node.identifiant,
      titre: node.title,
      axe: axeOf(node.identifiant),
      repartition,
      concernes: territoires.length - repartition.nonConcerne,
      medianeFait: quantile(pcts, 0.5),
      faitePar,
      enPartiePar,
    };
  });
}

export function consoliderReseau(territoires: readonly TerritoireLu[], ecartes: readonly FichierEcarte[]): Rollup {
  return { territoires, ecartes, doublons: doublons(territoires), mesures: agregerMesures(territoires) };
}

// ---------------------------------------------------------------------------
// The regional workbook

export const ONGLETS_RESEAU = {
  territoires: M.onglets.territoires,
  mesures: M.onglets.mesures,
  mesuresFaites: 'Mesures faites',
  actions: M.onglets.actions,
  ecartes: M.onglets.ecartes,
  doublons: M.onglets.doublons,
} as const;

export const COLONNES_TERRITOIRES = {
  territoire: 'Territoire',
  type: 'Type',
  population: 'Population',
  tranche: 'Taille',
  siren: 'SIREN',
  fichier: 'Fichier',
  source: 'Source',
  date: 'Date de la fiche',
  etoile: 'Étoile actuelle',
  etoilePotentielle: 'Étoile à portée',
  scoreRealise: 'Score réalisé (%)',
  scorePrevisionnel: 'Réalisé + programmé (%)',
  pointsManquants: 'Points manquants pour l’étoile suivante',
  criteresManquants: 'Critères d’étoile à remplir',
  lignesNonRenseignees: 'Lignes à renseigner',
  completude: 'Complétude (%)',
  axe: (n: number) => `Axe ${n} – réalisé (%)`,
  fiches: 'Fiches du plan',
  budget: 'Budget des fiches (€ HT)',
  financeurs: 'Financeurs',
  financements: 'Financements (€ HT)',
  preuvesPretes: 'Preuves prêtes',
  preuvesAttendues: 'Preuves attendues',
  fdrFaites: 'Feuille de route : pratiques faites',
  fdrTotal: 'Feuille de route : pratiques',
  dernierCopil: 'Dernier COPIL',
  doublon: 'Doublon',
} as const;

export const LIBELLES_TRANCHE: Readonly<Record<Tranche, string>> = M.tranches;

/** Excel's limit on a cell's text (32,767 characters): long lists point to the long-format tab. */
const MAX_CELL = 32_000;

function joinNoms(noms: readonly string[]): string {
  const full = noms.join(', ');
  if (full.length <= MAX_CELL) return full;
  let out = '';
  let n = 0;
  for (const nom of noms) {
    if (out.length + nom.length + 80 > MAX_CELL) break;
    out += (n ? ', ' : '') + nom;
    n++;
  }
  return `${out} (et ${noms.length - n} autres : voir l’onglet « ${ONGLETS_RESEAU.mesuresFaites} »)`;
}

function sheet(name: string, rows: Grid, widths: number[], formats: FeuilleExport['formats'] = []): FeuilleExport {
  return { name, rows, merges: [], widths, formats, boldRows: [0], frozenRows: 1, autoFilter: rows.length > 1 };
}

/**
 * Column widths (in characters) fitted to what the columns hold — the
 * longest value, header excepted beyond `maxHeader` (headers wrap) — within
 * [min, max]: territory names and types are read in full, and a size band
 * such as « 10 000 à 50 000 » does not run into the next column.
 */
export function largeursAjustees(rows: Grid, { min = 8, max = 48, maxHeader = 22 }: { min?: number; max?: number; maxHeader?: number } = {}): number[] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    let longest = Math.min(maxHeader, String(rows[0]?.[c] ?? '').length);
    for (let r = 1; r < rows.length; r++) {
      const v = rows[r][c];
      const len = v === null || v === undefined ? 0 : v instanceof Date ? 10 : typeof v === 'number' ? Math.round(v).toLocaleString('fr-FR').length : String(v).length;
      if (len > longest) longest = len;
    }
    out.push(Math.max(min, Math.min(max, longest + 2)));
  }
  return out;
}

function col(rows: number, c: number, n: number, numberFormat: string): FeuilleExport['formats'][number] {
  return { row: 1, col: c, rows: Math.max(1, rows), cols: n, numberFormat };
}

export function rollupVersClasseur(r: Rollup): ClasseurExport {
  const C = COLONNES_TERRITOIRES;
  const dupFiles = new Set(r.doublons.flatMap((d) => d.fichiers));
  const head = [
    C.territoire, C.type, C.population, C.tranche, C.siren, C.fichier, C.source, C.date,
    C.etoile, C.etoilePotentielle, C.scoreRealise, C.scorePrevisionnel, C.pointsManquants, C.criteresManquants, C.lignesNonRenseignees, C.completude,
    ...AXES.map((a) => C.axe(Number(a.identifiant))),
    C.fiches, C.budget, C.financeurs, C.financements, C.preuvesPretes, C.preuvesAttendues, C.fdrFaites, C.fdrTotal, C.dernierCopil, C.doublon,
  ];
  const territoires: Grid = [head];
  for (const t of r.territoires) {
    const f = t.fiche;
    const budget = f.actions.reduce((s, a) => s + (a.budget ?? 0), 0);
    const financements = f.financements.reduce((s, x) => s + (x.montant ?? 0), 0);
    territoires.push([
      f.identite.nom, f.identite.type, f.identite.population, LIBELLES_TRANCHE[trancheDe(f.identite.population)], f.identite.siren, t.fichier,
      t.source === 'fiche' ? M.colonnes.sourceFiche : M.colonnes.sourceClasseur, f.date,
      f.etoiles.actuelle, f.etoiles.potentielle, f.etoiles.scoreRealise, f.etoiles.scorePrevisionnel, f.etoiles.pointsManquants, f.etoiles.criteresManquants, f.etoiles.lignesNonRenseignees,
      Math.round(f.completude * 1000) / 10,
      ...AXES.map((a) => f.axes.find((x) => x.id === a.id)?.pctFait ?? null),
      f.actions.length, budget, new Set(f.financements.map((x) => normalizeKey(x.financeur))).size, financements,
      f.preuves.pretes, f.preuves.attendues, f.feuilleDeRoute.faites, f.feuilleDeRoute.total, f.dernierCopil,
      dupFiles.has(t.fichier) ? 'Oui' : null,
    ]);
  }
  const n = r.territoires.length;
  const dateCol = head.indexOf(C.date);
  const copilCol = head.indexOf(C.dernierCopil);
  const budgetCol = head.indexOf(C.budget);
  const finCol = head.indexOf(C.financements);

  const mesures: Grid = [[
    'Mesure', 'Intitulé', 'Axe', 'Territoires concernés', ...STATUTS_MESURE.map((s) => LIBELLES_STATUT_MESURE[s]), 'Médiane du % réalisé', 'Faite par', 'Faite en partie par',
  ]];
  for (const m of r.mesures) {
    mesures.push([
      m.identifiant, m.titre, m.axe, m.concernes, ...STATUTS_MESURE.map((s) => m.repartition[s]),
      m.medianeFait === null ? null : Math.round(m.medianeFait * 10) / 10, joinNoms(m.faitePar), joinNoms(m.enPartiePar),
    ]);
  }
  const faites: Grid = [['Mesure', 'Intitulé', 'Territoire', 'Statut', '% réalisé']];
  for (const m of r.mesures) {
    for (const t of r.territoires) {
      const x = t.fiche.mesures.find((y) => y.id === m.id);
      if (x && (x.statut === 'fait' || x.statut === 'enPartie')) faites.push([m.identifiant, m.titre, t.fiche.identite.nom, LIBELLES_STATUT_MESURE[x.statut], x.pctFait]);
    }
  }
  const actions: Grid = [['Territoire', 'N°', 'Titre', 'Axe', 'Filières', 'Piliers EC', 'Mesures liées', 'Budget (€ HT)', 'Statut', 'Service pilote', 'Date de début', 'Date de fin']];
  for (const t of r.territoires) {
    for (const a of t.fiche.actions) {
      actions.push([t.fiche.identite.nom, a.numero, a.titre, a.axe, a.filieres.join(', '), a.piliers.join(', '), a.mesures.join(', '), a.budget, a.statut, a.service, a.debut, a.fin]);
    }
  }
  const nActions = actions.length - 1;
  const ecartes: Grid = [[M.colonnes.fichier, M.colonnes.raison], ...r.ecartes.map((e): Cell[] => [e.fichier, e.raison])];
  const doublonsGrid: Grid = [
    [M.colonnes.territoire, M.colonnes.motif, 'Fichiers'],
    ...r.doublons.map((d): Cell[] => [d.nom, d.par === 'nom' ? M.rollup.parNom : M.rollup.parSiren, d.fichiers.join(', ')]),
  ];
  return {
    feuilles: [
      sheet(ONGLETS_RESEAU.territoires, territoires, largeursAjustees(territoires, { min: 10, max: 60 }), [
        col(n, head.indexOf(C.population), 1, '#,##0'),
        col(n, dateCol, 1, 'dd/mm/yyyy'),
        col(n, copilCol, 1, 'dd/mm/yyyy'),
        col(n, budgetCol, 1, '#,##0'),
        col(n, finCol, 1, '#,##0'),
      ]),
      sheet(ONGLETS_RESEAU.mesures, mesures, [9, 60, 6, 12, 9, 12, 11, 9, 13, 13, 12, 60, 60]),
      sheet(ONGLETS_RESEAU.mesuresFaites, faites, [9, 60, 40, 14, 11]),
      sheet(ONGLETS_RESEAU.actions, actions, [36, 6, 60, 6, 28, 28, 22, 14, 14, 28, 12, 12], [
        col(nActions, 7, 1, '#,##0'),
        col(nActions, 10, 2, 'dd/mm/yyyy'),
      ]),
      sheet(ONGLETS_RESEAU.ecartes, ecartes, [50, 90]),
      sheet(ONGLETS_RESEAU.doublons, doublonsGrid, [40, 16, 80]),
    ],
  };
}
