/**
 * The fiche réseau as a small workbook, and back. The file is what a
 * territory sends and what a coordinator opens: readable by a person in
 * Excel or LibreOffice (labels in French, one tab per kind of content), and
 * read back by the rollup by its labels, not by positions, so a coordinator
 * who sorts a tab or moves a column does not break it.
 *
 * Tabs: « Fiche réseau » (identity, stars, counts, audit dates, as label /
 * value rows), « Scores » (axes and mesures), « Actions du plan »,
 * « Financements ». The first row of « Fiche réseau » names the format and
 * its version: that is what tells a fiche from any other workbook.
 */
import type { ClasseurExport, FeuilleExport } from '../tet/classeur';
import type { Cell, Grid } from '../table/cell';
import { cellText, isBlank } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { readAmount, readDate, readNumber } from '../parse/values';
import { findNode } from '../referentiel/tree';
import { RESEAU_MESSAGES as M } from '../messages/reseau';
import {
  FICHE_RESEAU_FORMAT,
  FICHE_RESEAU_VERSION,
  STATUTS_MESURE,
  type ActionReseau,
  type FicheReseau,
  type FinancementReseau,
  type MesureReseau,
  type ScoreReseau,
  type StatutMesure,
} from './fiche';

export const ONGLETS_FICHE = {
  fiche: 'Fiche réseau',
  scores: 'Scores',
  actions: 'Actions du plan',
  financements: 'Financements',
} as const;

export const LIBELLES_STATUT_MESURE: Readonly<Record<StatutMesure, string>> = {
  fait: 'Fait',
  enPartie: 'En partie fait',
  programme: 'Programmé',
  pasFait: 'Pas fait',
  nonRenseigne: 'Non renseigné',
  nonConcerne: 'Non concerné',
};

/** Labels of « Fiche réseau », in the order written. */
const L = {
  format: 'Format',
  version: 'Version',
  nom: 'Collectivité',
  type: 'Type',
  population: 'Population',
  siren: 'SIREN',
  date: 'Date de la fiche',
  etoile: 'Étoile actuelle',
  etoilePotentielle: 'Étoile à portée (si le programmé est réalisé)',
  scoreRealise: 'Score réalisé (%)',
  scorePrevisionnel: 'Score réalisé + programmé (%)',
  prochaine: 'Prochaine étoile',
  pointsManquants: 'Points réalisés manquants pour la prochaine étoile',
  criteresManquants: 'Critères d’étoile à remplir',
  lignesNonRenseignees: 'Lignes du référentiel à renseigner',
  completude: 'Complétude du référentiel (%)',
  preuvesPretes: 'Preuves prêtes',
  preuvesAttendues: 'Preuves attendues',
  fdrFaites: 'Pratiques de la feuille de route faites',
  fdrTotal: 'Pratiques de la feuille de route',
  dernierCopil: 'Dernier comité de pilotage',
} as const;
const AUDIT_PREFIX = 'Audit : ';

const SCORE_HEADERS = ['Niveau', 'Identifiant', 'Intitulé', 'Potentiel (points)', 'Points faits', 'Points programmés', '% réalisé', '% programmé', 'Concerné', 'Statut'] as const;
const ACTION_HEADERS = ['N°', 'Titre', 'Axe', 'Filières', 'Piliers EC', 'Mesures liées', 'Budget (€ HT)', 'Statut', 'Service pilote', 'Date de début', 'Date de fin'] as const;
const FINANCEMENT_HEADERS = ['Fiche (N°)', 'Financeur', 'Montant (€ HT)'] as const;

function feuille(name: string, rows: Grid, widths: number[], headerRow: number, formats: FeuilleExport['formats'] = []): FeuilleExport {
  return { name, rows, merges: [], widths, formats, boldRows: [headerRow], frozenRows: headerRow + 1 };
}

const list = (xs: readonly string[]) => xs.join(', ');

/** The fiche as a workbook to write (xlsx offline, a new spreadsheet in Google). */
export function ficheVersClasseur(f: FicheReseau): ClasseurExport {
  const kv: Grid = [
    [M.fichier.intro(f.identite.nom), null],
    [M.fichier.garantie, null],
    ['Rubrique', 'Valeur'],
    [L.format, FICHE_RESEAU_FORMAT],
    [L.version, FICHE_RESEAU_VERSION],
    [L.nom, f.identite.nom],
    [L.type, f.identite.type],
    [L.population, f.identite.population],
    [L.siren, f.identite.siren],
    [L.date, f.date],
    [L.etoile, f.etoiles.actuelle],
    [L.etoilePotentielle, f.etoiles.potentielle],
    [L.scoreRealise, f.etoiles.scoreRealise],
    [L.scorePrevisionnel, f.etoiles.scorePrevisionnel],
    [L.prochaine, f.etoiles.prochaine],
    [L.pointsManquants, f.etoiles.pointsManquants],
    [L.criteresManquants, f.etoiles.criteresManquants],
    [L.lignesNonRenseignees, f.etoiles.lignesNonRenseignees],
    [L.completude, Math.round(f.completude * 1000) / 10],
    [L.preuvesPretes, f.preuves.pretes],
    [L.preuvesAttendues, f.preuves.attendues],
    [L.fdrFaites, f.feuilleDeRoute.faites],
    [L.fdrTotal, f.feuilleDeRoute.total],
    [L.dernierCopil, f.dernierCopil],
    ...f.audit.map((a): Cell[] => [AUDIT_PREFIX + a.etape, a.date]),
  ];
  const dateRows = kv.map((r, i) => (r[1] instanceof Date ? i : -1)).filter((i) => i >= 0);
  const scoreRow = (niveau: string, s: ScoreReseau, statut: string | null): Cell[] => [
    niveau, s.identifiant, s.titre, s.potentiel, s.fait, s.programme, s.pctFait, s.pctProgramme, s.concerne ? 'Oui' : 'Non', statut,
  ];
  const scores: Grid = [
    [...SCORE_HEADERS],
    ...f.axes.map((a) => scoreRow('Axe', a, null)),
    ...f.mesures.map((m) => scoreRow('Mesure', m, LIBELLES_STATUT_MESURE[m.statut])),
  ];
  const actions: Grid = [
    [...ACTION_HEADERS],
    ...f.actions.map((a): Cell[] => [a.numero, a.titre, a.axe, list(a.filieres), list(a.piliers), list(a.mesures), a.budget, a.statut, a.service, a.debut, a.fin]),
  ];
  const financements: Grid = [[...FINANCEMENT_HEADERS], ...f.financements.map((x): Cell[] => [x.fiche, x.financeur, x.montant])];
  const dateFormat = (rows: number[], col: number) => rows.map((row) => ({ row, col, rows: 1, cols: 1, numberFormat: 'dd/mm/yyyy' }));
  return {
    feuilles: [
      { ...feuille(ONGLETS_FICHE.fiche, kv, [52, 48], 2, dateFormat(dateRows, 1)), frozenRows: 3 },
      feuille(ONGLETS_FICHE.scores, scores, [9, 11, 70, 12, 12, 12, 11, 11, 10, 15], 0),
      feuille(ONGLETS_FICHE.actions, actions, [6, 60, 6, 28, 28, 22, 14, 14, 28, 12, 12], 0, [
        { row: 1, col: 6, rows: Math.max(1, f.actions.length), cols: 1, numberFormat: '#,##0' },
        { row: 1, col: 9, rows: Math.max(1, f.actions.length), cols: 2, numberFormat: 'dd/mm/yyyy' },
      ]),
      feuille(ONGLETS_FICHE.financements, financements, [10, 50, 16], 0, [
        { row: 1, col: 2, rows: Math.max(1, f.financements.length), cols: 1, numberFormat: '#,##0' },
      ]),
    ],
  };
}

// ---------------------------------------------------------------------------
// Reading a fiche back

/** Tabs of a workbook, by name, as the readers hand them. */
export interface ClasseurLu {
  sheetNames(): readonly string[];
  grid(name: string): Grid | undefined;
}

export type FicheLue = { readonly ok: true; readonly fiche: FicheReseau; readonly remarques: readonly string[] } | { readonly ok: false; readonly raison: string };

function findTab(book: ClasseurLu, name: string): Grid | undefined {
  const key = normalizeKey(name);
  const found = book.sheetNames().find((n) => normalizeKey(n) === key);
  return found === undefined ? undefined : book.grid(found);
}

/** Whether a workbook is a fiche réseau (its first tab names the format). */
export function estFicheReseau(book: ClasseurLu): boolean {
  const grid = findTab(book, ONGLETS_FICHE.fiche);
  if (!grid) return false;
  return grid.some((r) => normalizeKey(cellText(r[0])) === normalizeKey(L.format) && normalizeKey(cellText(r[1])) === normalizeKey(FICHE_RESEAU_FORMAT));
}

/** A table by its header row (searched in the first 10 rows), rows as records keyed by header. */
function table(grid: Grid | undefined, headers: readonly string[]): Array<Record<string, Cell>> | null {
  if (!grid) return null;
  const want = headers.map(normalizeKey);
  for (let h = 0; h < Math.min(10, grid.length); h++) {
    const row = grid[h].map((c) => normalizeKey(cellText(c)));
    const idx = want.map((w) => row.indexOf(w));
    if (idx.filter((i) => i >= 0).length < Math.ceil(want.length / 2)) continue;
    const out: Array<Record<string, Cell>> = [];
    for (let r = h + 1; r < grid.length; r++) {
      const line = grid[r];
      if (!line || line.every((c) => isBlank(c))) continue;
      const rec: Record<string, Cell> = {};
      headers.forEach((name, i) => (rec[name] = idx[i] >= 0 ? (line[idx[i]] ?? null) : null));
      out.push(rec);
    }
    return out;
  }
  return null;
}

const num = (v: Cell): number | null => {
  if (isBlank(v)) return null;
  const r = readNumber(v);
  return r.ok ? r.value : null;
};
const amount = (v: Cell): number | null => {
  if (isBlank(v)) return null;
  const r = readAmount(v);
  return r.ok ? r.value : null;
};
const date = (v: Cell): Date | null => {
  if (isBlank(v)) return null;
  const r = readDate(v);
  return r.ok ? r.value : null;
};
const text = (v: Cell): string | null => (isBlank(v) ? null : cellText(v));
const split = (v: Cell): string[] => cellText(v).split(/\s*,\s*/).filter((x) => x !== '');

function statutDe(v: Cell): StatutMesure | null {
  const key = normalizeKey(cellText(v));
  return STATUTS_MESURE.find((s) => normalizeKey(LIBELLES_STATUT_MESURE[s]) === key) ?? null;
}

/** Reads a fiche réseau written by `ficheVersClasseur` (or edited by hand, within reason). */
export function lireFicheReseau(book: ClasseurLu): FicheLue {
  const kvGrid = findTab(book, ONGLETS_FICHE.fiche);
  if (!kvGrid || !estFicheReseau(book)) return { ok: false, raison: M.lecture.pasUneFiche };
  const kv = new Map<string, Cell>();
  const audit: Array<{ etape: string; date: Date | null }> = [];
  for (const r of kvGrid) {
    const label = cellText(r[0]);
    if (label.startsWith(AUDIT_PREFIX)) audit.push({ etape: label.slice(AUDIT_PREFIX.length), date: date(r[1] ?? null) });
    else if (label) kv.set(normalizeKey(label), r[1] ?? null);
  }
  const get = (label: string): Cell => kv.get(normalizeKey(label)) ?? null;
  const version = num(get(L.version));
  if (version === null || version > FICHE_RESEAU_VERSION) return { ok: false, raison: M.lecture.versionInconnue(cellText(get(L.version))) };
  const nom = text(get(L.nom));
  if (!nom) return { ok: false, raison: M.lecture.sansNom };
  const ficheDate = date(get(L.date));
  if (!ficheDate) return { ok: false, raison: M.lecture.sansDate };
  const remarques: string[] = [];

  const scoreRows = table(findTab(book, ONGLETS_FICHE.scores), SCORE_HEADERS);
  if (!scoreRows) return { ok: false, raison: M.lecture.ongletManquant(ONGLETS_FICHE.scores) };
  const axes: ScoreReseau[] = [];
  const mesures: MesureReseau[] = [];
  for (const r of scoreRows) {
    const niveau = normalizeKey(cellText(r['Niveau']));
    const identifiant = cellText(r['Identifiant']);
    const id = `eci_${identifiant}`;
    const node = findNode(id);
    if (!node || (niveau !== 'axe' && niveau !== 'mesure')) {
      remarques.push(M.lecture.ligneScoreIgnoree(identifiant));
      continue;
    }
    const s: ScoreReseau = {
      id,
      identifiant,
      titre: node.title,
      potentiel: num(r['Potentiel (points)']) ?? 0,
      fait: num(r['Points faits']) ?? 0,
      programme: num(r['Points programmés']) ?? 0,
      pctFait: num(r['% réalisé']) ?? 0,
      pctProgramme: num(r['% programmé']) ?? 0,
      concerne: normalizeKey(cellText(r['Concerné'])) !== 'non',
    };
    if (niveau === 'axe') axes.push(s);
    else mesures.push({ ...s, statut: statutDe(r['Statut']) ?? 'nonRenseigne' });
  }

  const actionRows = table(findTab(book, ONGLETS_FICHE.actions), ACTION_HEADERS) ?? [];
  const actions: ActionReseau[] = actionRows
    .filter((r) => !isBlank(r['Titre']))
    .map((r) => ({
      numero: cellText(r['N°']),
      titre: cellText(r['Titre']),
      axe: num(r['Axe']),
      filieres: split(r['Filières']),
      piliers: split(r['Piliers EC']),
      mesures: split(r['Mesures liées']),
      budget: amount(r['Budget (€ HT)']),
      statut: text(r['Statut']),
      service: text(r['Service pilote']),
      debut: date(r['Date de début']),
      fin: date(r['Date de fin']),
    }));
  const financements: FinancementReseau[] = (table(findTab(book, ONGLETS_FICHE.financements), FINANCEMENT_HEADERS) ?? [])
    .filter((r) => !isBlank(r['Financeur']))
    .map((r) => ({ fiche: cellText(r['Fiche (N°)']), financeur: cellText(r['Financeur']), montant: amount(r['Montant (€ HT)']) }));

  return {
    ok: true,
    remarques,
    fiche: {
      identite: { nom, type: text(get(L.type)), population: num(get(L.population)), siren: text(get(L.siren))?.replace(/\s+/g, '') ?? null },
      date: ficheDate,
      etoiles: {
        actuelle: num(get(L.etoile)) ?? 0,
        potentielle: num(get(L.etoilePotentielle)) ?? 0,
        scoreRealise: num(get(L.scoreRealise)) ?? 0,
        scorePrevisionnel: num(get(L.scorePrevisionnel)) ?? 0,
        prochaine: num(get(L.prochaine)),
        pointsManquants: num(get(L.pointsManquants)),
        criteresManquants: num(get(L.criteresManquants)) ?? 0,
        lignesNonRenseignees: num(get(L.lignesNonRenseignees)) ?? 0,
      },
      completude: (num(get(L.completude)) ?? 0) / 100,
      axes,
      mesures,
      actions,
      financements,
      preuves: { pretes: num(get(L.preuvesPretes)) ?? 0, attendues: num(get(L.preuvesAttendues)) ?? 0 },
      feuilleDeRoute: { faites: num(get(L.fdrFaites)) ?? 0, total: num(get(L.fdrTotal)) ?? 0 },
      audit,
      dernierCopil: date(get(L.dernierCopil)),
    },
  };
}
