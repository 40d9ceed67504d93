/**
 * Merging a TeT plan (`PlanTet`, import.ts) into `Plan d'actions` and
 * `Jalons`: which cells to fill, which rows to append, which values differ.
 *
 * Rules (non-destructive and idempotent):
 * - a TeT fiche is the workbook's fiche with the same N° (when the TeT file
 *   has a `N°` column) or else the same title, compared without case or
 *   accents; that fiche is completed in its EMPTY cells only; a cell whose
 *   value differs from TeT's is left as the user typed it and reported
 *   (tab, row, column, both values); equal values (same date, same amount,
 *   same list entry, same text but for case, accents and spaces, same set of
 *   ids) are not differences;
 * - other fiches are appended with the next N° (largest numeric N° + 1);
 * - TeT fields without a column of their own go to `Notes`, one line each
 *   (`<TeT label> : <text>`): Sous-sous axe, Instances de gouvernance,
 *   Moyens humains et techniques, Financements, Calendrier text, Thématique
 *   principale, Cibles, Documents et liens…, and financeurs beyond the third
 *   (`Autres financeurs : …`, also reported);
 * - sous-actions: one with a date (fin, else début) becomes a `Jalons` row
 *   (Jalon = its title, Échéance, Responsable = its personne pilote, Statut
 *   `Fait` when TeT says Réalisé, else `À faire`, TeT's statut in
 *   Commentaire); one without a date is appended to the fiche's Descriptif
 *   under `Sous-actions (Territoires en Transitions) :`, one `- titre
 *   (statut)` line each. A jalon is matched by fiche N° and title, and
 *   completed or appended like a fiche;
 * - `Calendrier` lines written by our export become jalons the same way.
 * A column missing from the user's tab is reported once; its values are not
 * imported.
 */
import { anomaly, type Anomaly } from '../anomaly';
import { TET_IMPORT_MESSAGES as M, TET_IMPORT_TEXTES as T } from '../messages/tet-import';
import { numeroMax } from '../plan-actions/fiches';
import { quoteValue, readAmount, readDate, readListValue, readNumber, readOuiNon, splitMulti } from '../parse/values';
import { resolveNodeId } from '../referentiel/tree';
import { TAB } from '../schema/tabs';
import type { ColumnSpec } from '../schema/types';
import { cellText, isBlank, type Cell, type Grid } from '../table/cell';
import { tableRows, type LocatedTable, type TableRow } from '../table/locate';
import { normalizeKey } from '../table/normalize';
import type { FicheTet, PlanTet } from './import';

export type Valeurs = Readonly<Record<string, Cell>>;

export interface ConflitTet {
  readonly onglet: string;
  /** 1-based row of the workbook. */
  readonly ligne: number;
  /** Header of the column. */
  readonly colonne: string;
  readonly classeur: string;
  readonly tet: string;
}

export interface FicheRapport {
  readonly numero: string;
  readonly titre: string;
  /** 1-based row of `Plan d'actions`. */
  readonly ligne: number;
  /** Headers of the completed cells (completed fiches). */
  readonly colonnes?: readonly string[];
}

export interface Completion {
  /** 1-based row. */
  readonly rowNumber: number;
  readonly values: Valeurs;
}

export interface Cible {
  readonly grid: Grid;
  readonly located: LocatedTable;
}

export interface FusionTet {
  readonly plan: { readonly completions: readonly Completion[]; readonly nouvelles: readonly Valeurs[]; readonly debutAjout: number };
  readonly jalons: { readonly completions: readonly Completion[]; readonly nouvelles: readonly Valeurs[]; readonly debutAjout: number };
  readonly creees: readonly FicheRapport[];
  readonly completees: readonly FicheRapport[];
  readonly conflits: readonly ConflitTet[];
  /** Remarks on the TeT file and on the merge (non-blocking). */
  readonly anomalies: readonly Anomaly[];
}

/** A jalon of a fiche, without its fiche N°. */
export type JalonValeurs = Readonly<Record<string, Cell>>;

/** The values of `Plan d'actions` for a TeT fiche (by column key, N° excluded) and its jalons. */
export function valeursFiche(f: FicheTet, anomalies: Anomaly[], feuille: string): { fiche: Valeurs; jalons: JalonValeurs[] } {
  const notes: string[] = [];
  if (f.notes) notes.push(f.notes);
  if (f.sousSousAxe) notes.push(T.noteComplement('Sous-sous axe (x.x.x)', f.sousSousAxe));
  if (f.calendrierTexte) notes.push(T.noteComplement(T.noteCalendrier, f.calendrierTexte));
  for (const c of f.complements) notes.push(T.noteComplement(c.libelle, c.texte));
  const autres = f.financeurs.slice(3);
  if (autres.length) {
    const liste = autres.map((x) => T.financeur(x.nom ?? '?', x.montant)).join(', ');
    notes.push(T.noteComplement(T.noteAutresFinanceurs, liste));
    anomalies.push(anomaly({ onglet: feuille, ligne: f.ligne, colonne: null, message: M.financeursEnTrop(f.titre, liste), bloquante: false, code: 'tet-import-financeurs' }));
  }

  const jalons: JalonValeurs[] = [];
  for (const e of f.calendrier) jalons.push({ jalon: e.libelle, echeance: e.echeance, statut: e.fait ? 'Fait' : null });
  const sansDate: string[] = [];
  for (const s of f.sousActions) {
    const echeance = s.fin ?? s.debut;
    if (echeance) {
      jalons.push({
        jalon: s.titre,
        echeance,
        responsable: s.pilote,
        statut: s.statut === 'Réalisé' ? 'Fait' : 'À faire',
        commentaire: T.commentaireSousAction(s.statut),
      });
    } else sansDate.push(T.sousAction(s.titre, s.statut));
  }
  const descriptif = sansDate.length ? [f.descriptif, [T.sousActions, ...sansDate].join('\n')].filter(Boolean).join('\n\n') : f.descriptif;

  const fin = (i: number) => f.financeurs[i] ?? null;
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : null);
  const fiche: Record<string, Cell> = {
    axe: f.axe,
    sousAxe: f.sousAxe,
    titre: f.titre,
    descriptif,
    objectifs: f.objectifs,
    indicateurs: f.indicateurs,
    structurePilote: f.structurePilote,
    servicePilote: f.servicePilote,
    personnePilote: f.personnePilote,
    eluReferent: f.eluReferent,
    partenaires: f.partenaires,
    financeur1: fin(0)?.nom ?? null,
    montant1: fin(0)?.montant ?? null,
    financeur2: fin(1)?.nom ?? null,
    montant2: fin(1)?.montant ?? null,
    financeur3: fin(2)?.nom ?? null,
    montant3: fin(2)?.montant ?? null,
    budgetTotal: f.budgetTotal,
    statut: f.statut,
    priorite: f.priorite,
    debut: f.debut,
    fin: f.fin,
    ameliorationContinue: f.ameliorationContinue === null ? null : f.ameliorationContinue ? 'Oui' : 'Non',
    mesures: list(f.mesures),
    actionsLiees: list(f.actionsLiees),
    afom: list(f.afom),
    piliers: list(f.piliers),
    participation: f.participation,
    notes: notes.length ? notes.join('\n') : null,
  };
  return { fiche, jalons };
}

// ---------------------------------------------------------------------------
// Comparing a workbook cell with an imported value

const MULTI_KEYS = new Set(['mesures', 'actionsLiees', 'afom', 'piliers']);

function ensemble(key: string, v: Cell): string {
  const parts = splitMulti(v).map((p) => (key === 'mesures' ? resolveNodeId(p) ?? p : p)).map(normalizeKey);
  return [...new Set(parts)].sort().join('|');
}

/** The same value for the reader: same day, same amount, same list entry, same text but for case, accents and spaces. */
export function memeValeur(spec: ColumnSpec, existing: Cell, imported: Cell): boolean {
  if (MULTI_KEYS.has(spec.key)) return ensemble(spec.key, existing) === ensemble(spec.key, imported);
  switch (spec.type) {
    case 'date': {
      const a = readDate(existing);
      const b = readDate(imported);
      if (a.ok && b.ok) return a.value.getTime() === b.value.getTime();
      break;
    }
    case 'money':
    case 'number':
    case 'integer': {
      const a = spec.type === 'money' ? readAmount(existing) : readNumber(existing);
      const b = spec.type === 'money' ? readAmount(imported) : readNumber(imported);
      if (a.ok && b.ok) return Math.abs(a.value - b.value) < 0.005;
      break;
    }
    case 'ouiNon': {
      const a = readOuiNon(existing);
      const b = readOuiNon(imported);
      if (a.ok && b.ok) return a.value === b.value;
      break;
    }
    case 'list': {
      const values = spec.list?.kind === 'fixed' ? spec.list.values : null;
      if (values) {
        const a = readListValue(existing, values);
        const b = readListValue(imported, values);
        if (a.ok && b.ok) return a.value === b.value;
      }
      break;
    }
    default:
      break;
  }
  return normalizeKey(cellText(existing)) === normalizeKey(cellText(imported));
}

const shown = (v: Cell) => quoteValue(cellText(v), 80);

// ---------------------------------------------------------------------------
// The merge

/** 0-based row after the last one holding anything in the table's columns. */
function apresDerniereLigne(t: Cible): number {
  const cols = [...t.located.columns.values()];
  let last = t.located.headerRow;
  for (let r = t.located.dataStart; r < t.grid.length; r++) if (cols.some((c) => !isBlank(t.grid[r]?.[c]))) last = r;
  return last + 1;
}

class Table {
  readonly completions = new Map<number, Record<string, Cell>>();
  readonly nouvelles: Record<string, Cell>[] = [];
  readonly absentes = new Set<string>();
  readonly rows: TableRow[];
  readonly specs: ReadonlyMap<string, ColumnSpec>;

  constructor(
    readonly onglet: string,
    readonly cible: Cible,
  ) {
    this.rows = tableRows(cible.grid, cible.located);
    this.specs = new Map(cible.located.section.columns.map((c) => [c.key, c]));
  }

  /** Fills the row's empty cells; reports differing ones. Returns the headers of the completed cells. */
  completer(row: TableRow, values: Valeurs, conflits: ConflitTet[]): string[] {
    // A row appended by this import: the first values win.
    if (row.rowNumber < 0) return [];
    const fill = this.completions.get(row.rowNumber) ?? {};
    const colonnes: string[] = [];
    for (const [k, v] of Object.entries(values)) {
      if (v === null || v === '') continue;
      const spec = this.specs.get(k);
      if (!spec) continue;
      if (!this.cible.located.columns.has(k)) {
        this.absentes.add(k);
        continue;
      }
      const cur = row.cells[k] ?? null;
      if (isBlank(cur)) {
        if (fill[k] === undefined) {
          fill[k] = v;
          colonnes.push(spec.header);
        }
      } else if (!memeValeur(spec, cur, v)) {
        conflits.push({ onglet: this.onglet, ligne: row.rowNumber, colonne: spec.header, classeur: shown(cur), tet: shown(v) });
      }
    }
    if (Object.keys(fill).length) this.completions.set(row.rowNumber, fill);
    return colonnes;
  }

  ajouter(values: Valeurs): void {
    for (const [k, v] of Object.entries(values)) if (v !== null && v !== '' && this.specs.has(k) && !this.cible.located.columns.has(k)) this.absentes.add(k);
    this.nouvelles.push({ ...values });
  }

  remarques(anomalies: Anomaly[]): void {
    for (const k of this.absentes) {
      const header = this.specs.get(k)?.header ?? k;
      anomalies.push(anomaly({ onglet: this.onglet, ligne: null, colonne: header, message: M.colonneAbsente(this.onglet, header), bloquante: false, code: 'tet-import-colonne' }));
    }
  }

  resultat(): { completions: Completion[]; nouvelles: Valeurs[]; debutAjout: number } {
    return {
      completions: [...this.completions.entries()].map(([rowNumber, values]) => ({ rowNumber, values })),
      nouvelles: this.nouvelles,
      debutAjout: apresDerniereLigne(this.cible),
    };
  }
}

const numeroKey = (v: Cell) => normalizeKey(cellText(v));

export function fusionnerPlanTet(plan: PlanTet, planActions: Cible, jalonsCible: Cible | null): FusionTet {
  const anomalies: Anomaly[] = [...plan.anomalies];
  if (plan.montantsTtc && plan.fiches.length) {
    anomalies.push(anomaly({ onglet: plan.feuille, ligne: null, colonne: null, message: M.montantsTtc(plan.feuille), bloquante: false, code: 'tet-import-ttc' }));
  }
  const conflits: ConflitTet[] = [];
  const creees: FicheRapport[] = [];
  const completees: FicheRapport[] = [];

  const fiches = new Table(TAB.planActions, planActions);
  const byNumero = new Map<string, TableRow>();
  const byTitre = new Map<string, TableRow>();
  for (const r of fiches.rows) {
    const n = numeroKey(r.cells.numero ?? null);
    if (n && !byNumero.has(n)) byNumero.set(n, r);
    const t = normalizeKey(cellText(r.cells.titre ?? null));
    if (t && !byTitre.has(t)) byTitre.set(t, r);
  }
  let next = numeroMax(fiches.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))) + 1;
  const debutAjout = apresDerniereLigne(planActions);

  const jalons = jalonsCible ? new Table(TAB.jalons, jalonsCible) : null;
  const jalonsExistants = new Map<string, TableRow>();
  for (const r of jalons?.rows ?? []) {
    const k = `${numeroKey(r.cells.fiche ?? null)}|${normalizeKey(cellText(r.cells.jalon ?? null))}`;
    if (!jalonsExistants.has(k)) jalonsExistants.set(k, r);
  }
  let jalonsPerdus = 0;

  for (const f of plan.fiches) {
    const { fiche: values, jalons: jalonsFiche } = valeursFiche(f, anomalies, plan.feuille);
    const existing = (f.numero ? byNumero.get(numeroKey(f.numero)) : undefined) ?? byTitre.get(normalizeKey(f.titre));
    let numero: Cell;
    if (existing) {
      numero = existing.cells.numero ?? null;
      const colonnes = fiches.completer(existing, values, conflits);
      if (colonnes.length) completees.push({ numero: cellText(numero), titre: cellText(existing.cells.titre ?? null) || f.titre, ligne: existing.rowNumber, colonnes });
    } else {
      numero = next++;
      creees.push({ numero: String(numero), titre: f.titre, ligne: debutAjout + fiches.nouvelles.length + 1 });
      fiches.ajouter({ numero, ...values });
      byTitre.set(normalizeKey(f.titre), { index: -1, rowNumber: -1, cells: { numero, ...values } });
    }
    if (!jalonsFiche.length) continue;
    if (isBlank(numero)) {
      anomalies.push(anomaly({ onglet: TAB.planActions, ligne: existing?.rowNumber ?? null, colonne: 'N°', message: M.jalonsSansNumero(f.titre, jalonsFiche.length), bloquante: false, code: 'tet-import-jalons' }));
      continue;
    }
    if (!jalons) {
      jalonsPerdus += jalonsFiche.length;
      continue;
    }
    for (const j of jalonsFiche) {
      const k = `${numeroKey(numero)}|${normalizeKey(cellText(j.jalon ?? null))}`;
      const row = jalonsExistants.get(k);
      if (row) jalons.completer(row, j, conflits);
      else {
        const values = { fiche: numero, ...j };
        jalons.ajouter(values);
        jalonsExistants.set(k, { index: -1, rowNumber: -1, cells: values });
      }
    }
  }
  fiches.remarques(anomalies);
  jalons?.remarques(anomalies);
  if (jalonsPerdus) {
    anomalies.push(anomaly({ onglet: TAB.jalons, ligne: null, colonne: null, message: M.jalonsIntrouvables(jalonsPerdus), bloquante: false, code: 'tet-import-jalons' }));
  }
  return {
    plan: fiches.resultat(),
    jalons: jalons ? jalons.resultat() : { completions: [], nouvelles: [], debutAjout: 0 },
    creees,
    completees,
    conflits,
    anomalies,
  };
}
