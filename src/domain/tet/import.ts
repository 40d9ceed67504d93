/**
 * Reading a plan d'actions of Territoires en Transitions (TeT) into a neutral
 * structure (`PlanTet`), from the grids of the file's sheets. Two layouts are
 * accepted (../shared/tet/README.md):
 * - TeT's export of a plan (`export_plan_action.xlsx`, sheet `Plan d'action`):
 *   column groups on row 1, labels on row 2 (`Axe (x)`, …, `Titre de la fiche
 *   action`, `Thématique principale`, …, amounts in € TTC), one fiche per row
 *   from row 3;
 * - the layout TeT's importer accepts (`import-plan-accepte.xlsx`, also what
 *   our export writes, plan.ts): labels on row 2 (`Titre de l'action`,
 *   `Titre de la sous-action`, …), field types on row 3, one row per action or
 *   sous-action from row 4.
 * The sheet is the first one whose header row (within the first 10 rows)
 * holds `Axe (x)` and one of the two title labels; columns are then found by
 * their label, not their position (TeT's exports have changed over time).
 * The published template `modele-import-pa.xlsx` (`Titre de la fiche action`
 * with `Titre de la sous-action`, hints on row 4) is refused with its own
 * message: TeT's importer refuses it too.
 *
 * What each row gives:
 * - a row whose `Titre de la sous-action` is filled is a sous-action of the
 *   action named in the title column (TeT's importer rule); several rows with
 *   the same title (compared without case or accents) are one fiche;
 * - Statut, Niveau de priorité, Participation citoyenne: our lists (which are
 *   TeT's, schema/lists.ts), read with `readListValue` (case, accents and
 *   trailing spaces forgiven: `Bloqué ` is `Bloqué`); unknown values are
 *   reported and left out;
 * - amounts with `readAmount`, dates with `readDate` (day first); a text date
 *   that is impossible day first but valid month first (`12/14/20`, as in
 *   TeT's own fixture) is read month first and reported;
 * - `Action en amélioration continue`: TRUE / VRAI / FAUX… with `readOuiNon`;
 * - `Mesures liées` (`Actions liées` in TeT's export): entries
 *   `eci 2.1 - <title>` (or `eci_2.1`, `2.1`) → `eci_2.1`; entries of another
 *   référentiel (`cae 1.2.3 - …`) are reported and left out;
 * - Financeur 1–3 with their amount; a Financeur cell naming several
 *   financeurs (TeT separates them by commas) without an amount gives one
 *   financeur each; with an amount the names stay together (the amount
 *   cannot be divided);
 * - `Calendrier` lines written by our export (`JJ/MM/AAAA : <jalon>`,
 *   `Sans date : <jalon>`, ` (fait)`) become jalons, other lines stay text;
 * - `Notes` lines written by our export (`AFOM traités : …`, `Piliers EC :
 *   …`, `Actions liées (Cap Circulaire) : …`) give those fields back;
 * - columns our workbook has no place for (Sous-sous axe, Instances de
 *   gouvernance, Moyens humains et techniques, Financements, Thématique
 *   principale, Cibles, Documents et liens…) are kept as `complements`
 *   (label and text), for the merge to put in Notes.
 * Every problem is a non-blocking anomaly on the TeT sheet (row, column).
 */
import { anomaly, type Anomaly } from '../anomaly';
import { formatDateFr } from '../format';
import { TET_IMPORT_MESSAGES as M } from '../messages/tet-import';
import { cleanText, readAmount, readDate, readListValue, readOuiNon, splitMulti, type Read } from '../parse/values';
import { findNode, resolveNodeId } from '../referentiel/tree';
import { PARTICIPATION_CITOYENNE, PRIORITES_FICHE, STATUTS_FICHE } from '../schema/lists';
import { isBlank, type Cell, type Grid } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { TET_CALENDRIER, TET_LABELS, TET_NOTES } from './plan';

/** What a column of a TeT file holds. */
export type ChampTet =
  | 'numero' | 'axe' | 'sousAxe' | 'sousSousAxe' | 'titre' | 'sousAction' | 'descriptif' | 'objectifs' | 'indicateurs'
  | 'structurePilote' | 'servicePilote' | 'personnePilote' | 'eluReferent' | 'partenaires' | 'participation'
  | 'financeur' | 'montant' | 'budgetTotal' | 'statut' | 'priorite' | 'debut' | 'fin' | 'ameliorationContinue'
  | 'calendrier' | 'mesures' | 'notes'
  /** A TeT field our workbook has no column for: kept as text (label and value). */
  | 'complement';

/** Fields of the importer's layout, column by column: `TET_LABELS` (plan.ts, 35 columns). */
export const CHAMPS_FORMAT_IMPORT: readonly ChampTet[] = [
  'axe', 'sousAxe', 'sousSousAxe', 'titre', 'sousAction', 'descriptif', 'complement', 'objectifs', 'indicateurs',
  'structurePilote', 'complement', 'partenaires', 'servicePilote', 'personnePilote', 'eluReferent', 'participation',
  'complement', 'financeur', 'montant', 'financeur', 'montant', 'financeur', 'montant', 'budgetTotal', 'statut', 'priorite',
  'debut', 'fin',
  // Columns 29–35 of import-plan-accepte.xlsx
  'ameliorationContinue', 'calendrier', 'mesures', 'complement', 'notes', 'complement', 'complement',
];

/** Row 2 of TeT's export of a plan (`export_plan_action.xlsx`, trimmed), 35 columns. */
export const TET_EXPORT_LABELS = [
  'Axe (x)', 'Sous-axe (x.x)', 'Sous-sous axe (x.x.x)', 'Titre de la fiche action', 'Descriptif', 'Thématique principale',
  'Sous-thématiques', 'Objectifs', 'Indicateurs liés', 'Résultats attendus', 'Cibles', 'Structure pilote',
  'Moyens humains et techniques', 'Partenaires', 'Service-département-pôle pilote', 'Personne pilote', 'Élu·e référent·e',
  'Financements', 'Financeur 1', 'Montant € TTC', 'Financeur 2', 'Montant € TTC', 'Financeur 3', 'Montant € TTC',
  'Budget prévisionnel total € TTC', 'Statut', 'Niveau de priorité', 'Date de début', 'Date de fin',
  'Action en amélioration continue', 'Calendrier', 'Actions liées', 'Fiches des plans liées', 'Notes complémentaires',
  'Documents et liens',
] as const;

/** Fields of TeT's export layout, column by column (`Actions liées` are the référentiel's). */
export const CHAMPS_FORMAT_EXPORT: readonly ChampTet[] = [
  'axe', 'sousAxe', 'sousSousAxe', 'titre', 'descriptif', 'complement', 'complement', 'objectifs', 'indicateurs',
  'complement', 'complement', 'structurePilote', 'complement', 'partenaires', 'servicePilote', 'personnePilote',
  'eluReferent', 'complement', 'financeur', 'montant', 'financeur', 'montant', 'financeur', 'montant', 'budgetTotal',
  'statut', 'priorite', 'debut', 'fin', 'ameliorationContinue', 'calendrier', 'mesures', 'complement', 'notes', 'complement',
];

/** Labels of other versions of TeT's files (newer exports, a user's N° column). */
const AUTRES_LIBELLES: ReadonlyArray<readonly [string, ChampTet]> = [
  ['N°', 'numero'],
  ['Notes de suivi', 'complement'],
  ['Note de suivi', 'complement'],
  ['Etapes de la fiche action', 'complement'],
  ['Participation Citoyenne', 'participation'],
  ['Instances de gouvernance', 'complement'],
  ['Direction ou service pilote', 'servicePilote'],
];

const key = (label: string): string => normalizeKey(label.replace(/\s*\n\s*/g, ' '));

const CHAMP_PAR_LIBELLE: ReadonlyMap<string, ChampTet> = (() => {
  const m = new Map<string, ChampTet>();
  const add = (label: string, champ: ChampTet) => {
    if (!m.has(key(label))) m.set(key(label), champ);
  };
  TET_LABELS.forEach((l, i) => add(l, CHAMPS_FORMAT_IMPORT[i]));
  TET_EXPORT_LABELS.forEach((l, i) => add(l, CHAMPS_FORMAT_EXPORT[i]));
  for (const [l, c] of AUTRES_LIBELLES) add(l, c);
  return m;
})();

const AXE = key('Axe (x)');
const TITRE_IMPORT = key(TET_LABELS[3]); // Titre de l'action
const TITRE_EXPORT = key(TET_EXPORT_LABELS[3]); // Titre de la fiche action
const SOUS_ACTION = key(TET_LABELS[4]); // Titre de la sous-action
const HEADER_ROWS = 10;

export interface FinanceurTet {
  /** Null when the file gives an amount without a name. */
  readonly nom: string | null;
  readonly montant: number | null;
}

export interface SousActionTet {
  /** 1-based row of the TeT sheet. */
  readonly ligne: number;
  readonly titre: string;
  readonly statut: string | null;
  readonly debut: Date | null;
  readonly fin: Date | null;
  readonly pilote: string | null;
}

/** A line of `Calendrier` as our export writes it. */
export interface EtapeCalendrierTet {
  readonly echeance: Date | null;
  readonly libelle: string;
  readonly fait: boolean;
}

export interface ComplementTet {
  /** The TeT column's label, as written in the file (trimmed). */
  readonly libelle: string;
  readonly texte: string;
}

export interface FicheTet {
  /** 1-based row of the TeT sheet that defines the fiche (the first one). */
  readonly ligne: number;
  readonly numero: string | null;
  readonly titre: string;
  readonly axe: string | null;
  readonly sousAxe: string | null;
  readonly sousSousAxe: string | null;
  readonly descriptif: string | null;
  readonly objectifs: string | null;
  readonly indicateurs: string | null;
  readonly structurePilote: string | null;
  readonly servicePilote: string | null;
  readonly personnePilote: string | null;
  readonly eluReferent: string | null;
  readonly partenaires: string | null;
  readonly participation: string | null;
  readonly financeurs: readonly FinanceurTet[];
  readonly budgetTotal: number | null;
  readonly statut: string | null;
  readonly priorite: string | null;
  readonly debut: Date | null;
  readonly fin: Date | null;
  readonly ameliorationContinue: boolean | null;
  /** `eci_…` ids. */
  readonly mesures: readonly string[];
  /** Notes without the lines our export adds (those give the three fields below). */
  readonly notes: string | null;
  readonly afom: readonly string[];
  readonly piliers: readonly string[];
  readonly actionsLiees: readonly string[];
  readonly calendrier: readonly EtapeCalendrierTet[];
  /** Calendrier lines that are not jalons of our export. */
  readonly calendrierTexte: string | null;
  readonly complements: readonly ComplementTet[];
  readonly sousActions: readonly SousActionTet[];
}

export interface PlanTet {
  readonly feuille: string;
  readonly format: 'import' | 'export';
  readonly fiches: readonly FicheTet[];
  /** The amounts are in € TTC (TeT's export). */
  readonly montantsTtc: boolean;
  readonly anomalies: readonly Anomaly[];
}

export type LecturePlanTet =
  | { readonly ok: true; readonly plan: PlanTet }
  | { readonly ok: false; readonly code: 'feuille-introuvable' | 'modele-publie'; readonly message: string };

export interface FeuilleTet {
  readonly name: string;
  readonly grid: Grid;
}

interface Colonne {
  readonly index: number;
  readonly champ: ChampTet;
  readonly libelle: string;
  /** Financeur / montant: 0, 1, 2. */
  readonly rang: number;
}

interface Disposition {
  readonly format: 'import' | 'export';
  readonly dataStart: number;
  readonly colonnes: readonly Colonne[];
  readonly montantsTtc: boolean;
}

type Reperage = { readonly kind: 'ok'; readonly disposition: Disposition } | { readonly kind: 'modele' } | { readonly kind: 'non' };

function reperer(grid: Grid): Reperage {
  for (let r = 0; r < Math.min(grid.length, HEADER_ROWS); r++) {
    const row = grid[r] ?? [];
    const keys = new Set(row.map((c) => (typeof c === 'string' ? key(c) : '')));
    if (!keys.has(AXE)) continue;
    let format: 'import' | 'export';
    if (keys.has(TITRE_IMPORT)) format = 'import';
    else if (keys.has(TITRE_EXPORT) && keys.has(SOUS_ACTION)) return { kind: 'modele' };
    else if (keys.has(TITRE_EXPORT)) format = 'export';
    else continue;
    const colonnes: Colonne[] = [];
    const seen = new Set<ChampTet>();
    let financeurs = 0;
    let montantsTtc = false;
    row.forEach((c, index) => {
      if (isBlank(c)) return;
      const libelle = cleanText(c).replace(/\s*\n\s*/g, ' ');
      const champ = CHAMP_PAR_LIBELLE.get(key(libelle));
      if (!champ) return;
      if (/\bttc\b/i.test(libelle)) montantsTtc = true;
      if (champ === 'financeur') {
        if (financeurs < 3) colonnes.push({ index, champ, libelle, rang: financeurs });
        financeurs++;
      } else if (champ === 'montant') {
        if (financeurs > 0 && financeurs <= 3) colonnes.push({ index, champ, libelle, rang: financeurs - 1 });
      } else if (champ === 'complement' || !seen.has(champ)) {
        seen.add(champ);
        colonnes.push({ index, champ, libelle, rang: 0 });
      }
    });
    let dataStart = r + 1;
    // The importer's layout: row 3 holds field types, never data. The export: skip such a row if present.
    if (format === 'import' || estLigneDeTypes(grid[r + 1])) dataStart = r + 2;
    return { kind: 'ok', disposition: { format, dataStart, colonnes, montantsTtc } };
  }
  return { kind: 'non' };
}

function estLigneDeTypes(row: readonly Cell[] | undefined): boolean {
  const cells = (row ?? []).filter((c) => !isBlank(c));
  return cells.length > 0 && cells.every((c) => typeof c === 'string' && /^champ\b/i.test(cleanText(c)));
}

/** Reads the first sheet in one of the two layouts. */
export function lirePlanTet(feuilles: readonly FeuilleTet[]): LecturePlanTet {
  let modele: string | null = null;
  for (const f of feuilles) {
    const rep = reperer(f.grid);
    if (rep.kind === 'modele') modele ??= f.name;
    if (rep.kind !== 'ok') continue;
    return { ok: true, plan: lireFeuille(f, rep.disposition) };
  }
  if (modele !== null) return { ok: false, code: 'modele-publie', message: M.modelePublie(modele) };
  return { ok: false, code: 'feuille-introuvable', message: M.feuilleIntrouvable(feuilles.map((f) => f.name)) };
}

// ---------------------------------------------------------------------------
// Rows

interface Ligne {
  readonly ligne: number;
  readonly cells: ReadonlyArray<{ readonly col: Colonne; readonly value: Cell }>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

function lireFeuille(f: FeuilleTet, d: Disposition): PlanTet {
  const anomalies: Anomaly[] = [];
  const fiches = new Map<string, { fiche: Mutable<FicheTet>; definie: boolean }>();
  for (let r = d.dataStart; r < f.grid.length; r++) {
    const row = f.grid[r] ?? [];
    const ligne: Ligne = { ligne: r + 1, cells: d.colonnes.map((col) => ({ col, value: row[col.index] ?? null })) };
    const filled = ligne.cells.filter((c) => !isBlank(c.value));
    if (filled.length === 0) continue;
    const lecteur = new LecteurLigne(f.name, ligne, anomalies);
    const titre = lecteur.texte('titre');
    const sousAction = lecteur.texte('sousAction');
    if (!titre) {
      // A row holding only axes is an axe without fiche: nothing to import.
      if (filled.every((c) => c.col.champ === 'axe' || c.col.champ === 'sousAxe' || c.col.champ === 'sousSousAxe')) continue;
      lecteur.signaler(null, sousAction ? M.sousActionSansParent(sousAction) : M.ligneSansTitre);
      continue;
    }
    const k = normalizeKey(titre);
    let entry = fiches.get(k);
    if (sousAction) {
      if (!entry) {
        entry = { fiche: ficheVide(ligne.ligne, titre, lecteur), definie: false };
        fiches.set(k, entry);
      }
      entry.fiche.sousActions.push({
        ligne: ligne.ligne,
        titre: sousAction,
        statut: lecteur.liste('statut', STATUTS_FICHE),
        debut: lecteur.date('debut'),
        fin: lecteur.date('fin'),
        pilote: lecteur.texte('personnePilote'),
      });
      continue;
    }
    const fiche = lireFiche(ligne.ligne, titre, lecteur);
    if (!entry) fiches.set(k, { fiche, definie: true });
    else if (!entry.definie) {
      fiches.set(k, { fiche: { ...fiche, sousActions: entry.fiche.sousActions }, definie: true });
    } else {
      lecteur.signaler(null, M.ficheEnDouble(titre, entry.fiche.ligne));
      completer(entry.fiche, fiche);
    }
  }
  return {
    feuille: f.name,
    format: d.format,
    fiches: [...fiches.values()].map((e) => e.fiche),
    montantsTtc: d.montantsTtc,
    anomalies,
  };
}

function ficheVide(ligne: number, titre: string, l: LecteurLigne): Mutable<FicheTet> {
  return {
    ligne, numero: l.texte('numero'), titre, axe: l.texte('axe'), sousAxe: l.texte('sousAxe'), sousSousAxe: l.texte('sousSousAxe'),
    descriptif: null, objectifs: null, indicateurs: null, structurePilote: null, servicePilote: null, personnePilote: null,
    eluReferent: null, partenaires: null, participation: null, financeurs: [], budgetTotal: null, statut: null, priorite: null,
    debut: null, fin: null, ameliorationContinue: null, mesures: [], notes: null, afom: [], piliers: [], actionsLiees: [],
    calendrier: [], calendrierTexte: null, complements: [], sousActions: [],
  };
}

function lireFiche(ligne: number, titre: string, l: LecteurLigne): Mutable<FicheTet> {
  const notes = lireNotes(l.texte('notes'));
  const calendrier = lireCalendrier(l.texte('calendrier'));
  return {
    ...ficheVide(ligne, titre, l),
    descriptif: l.texte('descriptif'),
    objectifs: l.texte('objectifs'),
    indicateurs: l.texte('indicateurs'),
    structurePilote: l.texte('structurePilote'),
    servicePilote: l.texte('servicePilote'),
    personnePilote: l.texte('personnePilote'),
    eluReferent: l.texte('eluReferent'),
    partenaires: l.texte('partenaires'),
    participation: l.liste('participation', PARTICIPATION_CITOYENNE),
    financeurs: l.financeurs(),
    budgetTotal: l.montant('budgetTotal'),
    statut: l.liste('statut', STATUTS_FICHE),
    priorite: l.liste('priorite', PRIORITES_FICHE),
    debut: l.date('debut'),
    fin: l.date('fin'),
    ameliorationContinue: l.ouiNon('ameliorationContinue'),
    mesures: l.mesures(),
    notes: notes.notes,
    afom: notes.afom,
    piliers: notes.piliers,
    actionsLiees: notes.actionsLiees,
    calendrier: calendrier.etapes,
    calendrierTexte: calendrier.texte,
    complements: l.complements(),
  };
}

/** A duplicate row completes the first one's empty fields. */
function completer(target: Mutable<FicheTet>, other: Mutable<FicheTet>): void {
  const t = target as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(other)) {
    if (k === 'ligne' || k === 'titre' || k === 'sousActions') continue;
    const cur = t[k];
    if (Array.isArray(cur)) {
      if (cur.length === 0 && Array.isArray(v)) t[k] = v.slice();
    } else if (cur === null && v !== null) t[k] = v;
  }
}

/** Reads one row's cells by field, reporting unreadable ones. */
class LecteurLigne {
  constructor(
    private readonly feuille: string,
    private readonly ligne: Ligne,
    private readonly anomalies: Anomaly[],
  ) {}

  private cell(champ: ChampTet, rang = 0): { col: Colonne; value: Cell } | undefined {
    return this.ligne.cells.find((c) => c.col.champ === champ && c.col.rang === rang);
  }

  signaler(col: Colonne | null, message: string): void {
    this.anomalies.push(anomaly({ onglet: this.feuille, ligne: this.ligne.ligne, colonne: col?.libelle ?? null, message, bloquante: false, code: 'tet-import' }));
  }

  private lire<T>(champ: ChampTet, read: (v: Cell) => Read<T>, rang = 0): T | null {
    const c = this.cell(champ, rang);
    if (!c || isBlank(c.value)) return null;
    const r = read(c.value);
    if (r.ok) return r.value;
    this.signaler(c.col, M.valeurIllisible(r.reason));
    return null;
  }

  texte(champ: ChampTet, rang = 0): string | null {
    const c = this.cell(champ, rang);
    const s = c ? cleanText(c.value) : '';
    return s === '' ? null : s;
  }

  liste(champ: ChampTet, list: readonly string[]): string | null {
    return this.lire(champ, (v) => readListValue(v, list));
  }

  montant(champ: ChampTet, rang = 0): number | null {
    return this.lire(champ, readAmount, rang);
  }

  ouiNon(champ: ChampTet): boolean | null {
    return this.lire(champ, readOuiNon);
  }

  date(champ: ChampTet): Date | null {
    const c = this.cell(champ);
    if (!c || isBlank(c.value)) return null;
    const r = readDate(c.value);
    if (r.ok) return r.value;
    const us = dateMoisJour(c.value);
    if (us) {
      this.signaler(c.col, M.dateAmericaine(cleanText(c.value), formatDateFr(us)));
      return us;
    }
    this.signaler(c.col, M.valeurIllisible(r.reason));
    return null;
  }

  financeurs(): FinanceurTet[] {
    const out: FinanceurTet[] = [];
    for (let rang = 0; rang < 3; rang++) {
      const nom = this.texte('financeur', rang);
      const montant = this.montant('montant', rang);
      if (nom === null && montant === null) continue;
      const noms = nom !== null && montant === null ? splitMulti(nom) : [nom];
      for (const n of noms) out.push({ nom: n, montant });
    }
    return out;
  }

  mesures(): string[] {
    const c = this.cell('mesures');
    if (!c || isBlank(c.value)) return [];
    const out: string[] = [];
    for (const entry of entreesMesures(cleanText(c.value))) {
      const m = REFERENCE.exec(entry);
      if (m && m[1] && m[1].toLowerCase() !== 'eci') {
        this.signaler(c.col, M.mesureAutreReferentiel(entry));
        continue;
      }
      const id = m ? resolveNodeId(m[2]) ?? `eci_${m[2]}` : resolveNodeId(entry);
      if (!id) {
        this.signaler(c.col, M.mesureIllisible(entry));
        continue;
      }
      if (!findNode(id)) this.signaler(c.col, M.mesureInconnue(id));
      if (!out.includes(id)) out.push(id);
    }
    return out;
  }

  complements(): ComplementTet[] {
    const out: ComplementTet[] = [];
    for (const c of this.ligne.cells) {
      if (c.col.champ !== 'complement') continue;
      const texte = cleanText(c.value);
      if (texte !== '') out.push({ libelle: c.col.libelle, texte });
    }
    return out;
  }
}

/** `12/14/20` (month first, as TeT's JavaScript reads it) when day first is impossible. */
function dateMoisJour(v: Cell): Date | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(cleanText(v));
  if (!m || Number(m[1]) > 12 || Number(m[2]) <= 12) return null;
  const r = readDate(`${m[2]}/${m[1]}/${m[3]}`);
  return r.ok ? r.value : null;
}

/** A référentiel reference at the start of an entry: `eci 2.1 - <title>`, `eci_2.1`, `cae 1.2.3`, `2.1`. */
const REFERENCE = /^(?:(eci|cae|te)[ _])?(\d+(?:\.\d+)*)(?=\s*$|\s*[-–—:])/i;

/**
 * Entries of a Mesures liées cell, separated by commas, `;` or line breaks; a
 * comma followed by anything but a reference belongs to the title before it
 * (`eci 2.1 - Disposer d'un programme, suivi, eci 3.2 - …` is two entries).
 */
function entreesMesures(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/[;\n\r]+/)) {
    let current: string | null = null;
    for (const token of line.split(',')) {
      const t = token.trim();
      if (current !== null && !REFERENCE.test(t)) current += `,${token}`;
      else {
        if (current !== null) out.push(current.trim());
        current = t;
      }
    }
    if (current !== null && current.trim() !== '') out.push(current.trim());
  }
  return out.filter((s) => s !== '');
}

/** Notes minus the lines our export adds (plan.ts › TET_NOTES). */
function lireNotes(text: string | null): { notes: string | null; afom: string[]; piliers: string[]; actionsLiees: string[] } {
  const out = { notes: null as string | null, afom: [] as string[], piliers: [] as string[], actionsLiees: [] as string[] };
  if (!text) return out;
  const rest: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith(TET_NOTES.afom)) out.afom = splitMulti(t.slice(TET_NOTES.afom.length));
    else if (t.startsWith(TET_NOTES.piliers)) out.piliers = splitMulti(t.slice(TET_NOTES.piliers.length));
    else if (t.startsWith(TET_NOTES.actionsLiees)) out.actionsLiees = splitMulti(t.slice(TET_NOTES.actionsLiees.length));
    else rest.push(line);
  }
  const notes = rest.join('\n').trim();
  out.notes = notes === '' ? null : notes;
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CALENDRIER_LIGNE = new RegExp(
  `^(\\d{2}/\\d{2}/\\d{4}|${escape(TET_CALENDRIER.sansDate)})${escape(TET_CALENDRIER.separateur)}(.+?)(${escape(TET_CALENDRIER.fait)})?$`,
);

/** Calendrier lines of our export (plan.ts › TET_CALENDRIER) → jalons; other lines stay text. */
function lireCalendrier(text: string | null): { etapes: EtapeCalendrierTet[]; texte: string | null } {
  const etapes: EtapeCalendrierTet[] = [];
  const rest: string[] = [];
  if (!text) return { etapes, texte: null };
  for (const line of text.split(/\r?\n/)) {
    const m = CALENDRIER_LIGNE.exec(line.trim());
    const date = m && m[1] !== TET_CALENDRIER.sansDate ? readDate(m[1]) : null;
    if (m && (date === null || date.ok)) {
      etapes.push({ echeance: date && date.ok ? date.value : null, libelle: m[2].trim(), fait: !!m[3] });
    } else rest.push(line);
  }
  const texte = rest.join('\n').trim();
  return { etapes, texte: texte === '' ? null : texte };
}
