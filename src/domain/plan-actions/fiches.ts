/**
 * Fiches of `Plan d'actions` created from the actions marked *Retenue au
 * plan* in `Actions` (guide ch. 5), and the checks of the plan's shape.
 *
 * Creation is non-destructive and idempotent:
 * - an action already has its fiche when a fiche lists the action's Réf. in
 *   `Actions liées`; that fiche is completed in its EMPTY cells only (a value
 *   the lead typed, even unreadable, is never replaced);
 * - other retained actions get a new fiche, appended with the next N° (the
 *   largest numeric N° + 1);
 * - an action without Réf. cannot be matched later: it is reported, not created.
 *
 * Mapping (action → fiche): Intitulé → Titre; Description → Descriptif;
 * référentiel axe of the Mesure → Axe (x) (`2. <axe title>`) and its mesure →
 * Sous-axe (x.x); collectivité → Structure pilote; Service → Direction ou
 * service pilote; Pilote → Personne pilote; Partenaires; Source du budget and
 * Budget → Financeur 1 / Montant; Budget → Budget prévisionnel total;
 * Temporalité → Statut (Réalisée → Réalisé, En cours → En cours, Programmée
 * and Envisagée → À venir); Priorité (Haute / Moyenne / Basse → Élevé / Moyen
 * / Bas); dates; Mesure → Mesures liées; Réf. → Actions liées; Répond à →
 * AFOM traités; Pilier EC → Piliers EC; Indicateur de suivi → Indicateurs liés.
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { ActionRow, AfomItem, FicheAction, WorkbookModel } from '../model/types';
import { findNode, resolveNodeId } from '../referentiel/tree';
import { TAB } from '../schema/tabs';
import { isBlank, type Cell } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { splitMulti } from '../parse/values';
import { STEERING_MESSAGES as M } from '../messages/steering';

export type FicheValues = Readonly<Record<string, Cell>>;

const STATUT_PAR_TEMPORALITE: Readonly<Record<string, string>> = {
  Réalisée: 'Réalisé',
  'En cours': 'En cours',
  Programmée: 'À venir',
  Envisagée: 'À venir',
};
const PRIORITE_FICHE: Readonly<Record<string, string>> = { Haute: 'Élevé', Moyenne: 'Moyen', Basse: 'Bas' };

/** `eci_2.1.1` → { axe: '2. <title>', sousAxe: '2.1. <title>' } (nulls when unknown). */
export function axesDeMesure(mesure: string | null): { axe: string | null; sousAxe: string | null } {
  const id = mesure ? resolveNodeId(mesure) : undefined;
  if (!id) return { axe: null, sousAxe: null };
  const parts = id.replace(/^eci_/, '').split('.');
  const axeNode = findNode(`eci_${parts[0]}`);
  const mesureNode = parts.length >= 2 ? findNode(`eci_${parts[0]}.${parts[1]}`) : undefined;
  return {
    axe: axeNode ? `${parts[0]}. ${axeNode.title}` : null,
    sousAxe: mesureNode ? `${parts[0]}.${parts[1]}. ${mesureNode.title}` : null,
  };
}

/** The fiche's values for an action, by column key of `Plan d'actions` (N° excluded). */
export function ficheDepuisAction(a: ActionRow, nomCollectivite: string | null): Record<string, Cell> {
  const { axe, sousAxe } = axesDeMesure(a.mesure);
  return {
    axe,
    sousAxe,
    titre: a.intitule || null,
    descriptif: a.description,
    indicateurs: a.indicateur,
    structurePilote: nomCollectivite,
    servicePilote: a.service,
    personnePilote: a.pilote,
    partenaires: a.partenaires,
    financeur1: a.sourceBudget,
    montant1: a.sourceBudget ? a.budget : null,
    budgetTotal: a.budget,
    statut: a.temporalite ? STATUT_PAR_TEMPORALITE[a.temporalite] ?? null : null,
    priorite: a.priorite ? PRIORITE_FICHE[a.priorite] ?? null : null,
    debut: a.debut,
    fin: a.fin,
    mesures: a.mesure,
    actionsLiees: a.ref,
    afom: a.repondA.length ? a.repondA.join(', ') : null,
    piliers: a.pilier,
    notes: a.ref ? M.noteFicheCreee(a.ref, a.service) : null,
  };
}

/** An existing row of `Plan d'actions`, as raw cells by column key. */
export interface FicheExistante {
  readonly rowNumber: number;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface PlanFiches {
  /** Cells to fill in existing fiches (only empty ones), by 1-based row. */
  readonly completions: ReadonlyArray<{ readonly rowNumber: number; readonly values: FicheValues }>;
  /** New fiches, with their N°. */
  readonly nouvelles: readonly FicheValues[];
  readonly anomalies: readonly Anomaly[];
}

/** The largest numeric N° of the fiches (0 when none): the next fiche is numbered after it. */
export function numeroMax(fiches: readonly FicheExistante[]): number {
  let max = 0;
  for (const f of fiches) {
    const v = f.cells.numero;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(n) && n > max) max = n;
  }
  return max;
}

export function planifierFiches(
  actions: readonly ActionRow[],
  existantes: readonly FicheExistante[],
  nomCollectivite: string | null,
): PlanFiches {
  const anomalies: Anomaly[] = [];
  const byRef = new Map<string, FicheExistante>();
  for (const f of existantes) {
    for (const ref of splitMulti(f.cells.actionsLiees ?? null)) {
      const k = normalizeKey(ref);
      if (!byRef.has(k)) byRef.set(k, f);
    }
  }
  const completions = new Map<number, Record<string, Cell>>();
  const nouvelles: Record<string, Cell>[] = [];
  const createdRefs = new Set<string>();
  let next = numeroMax(existantes) + 1;
  for (const a of actions) {
    if (!a.retenueAuPlan) continue;
    if (!a.ref) {
      anomalies.push(anomaly({ onglet: TAB.actions, ligne: a.rowNumber, colonne: 'Réf.', message: M.actionRetenueSansRef(a.rowNumber, a.intitule), bloquante: false, code: 'fiche-sans-ref' }));
      continue;
    }
    const k = normalizeKey(a.ref);
    if (createdRefs.has(k)) continue;
    const values = ficheDepuisAction(a, nomCollectivite);
    const existing = byRef.get(k);
    if (existing) {
      const fill = completions.get(existing.rowNumber) ?? {};
      for (const [key, v] of Object.entries(values)) {
        if (key === 'actionsLiees' || key === 'notes') continue;
        if (v === null || v === '') continue;
        if (!(key in existing.cells)) continue; // column absent from the user's sheet
        if (isBlank(existing.cells[key]) && fill[key] === undefined) fill[key] = v;
      }
      if (Object.keys(fill).length) completions.set(existing.rowNumber, fill);
      continue;
    }
    createdRefs.add(k);
    nouvelles.push({ numero: next++, ...values });
  }
  return {
    completions: [...completions.entries()].map(([rowNumber, values]) => ({ rowNumber, values })),
    nouvelles,
    anomalies,
  };
}

/** Axe number of a fiche: the leading number of `Axe (x)`, else of its first mesure. */
export function axeDeFiche(f: Pick<FicheAction, 'axe' | 'mesures'>): number | null {
  const m = f.axe ? /^\s*(?:axe\s*)?(\d+)/i.exec(f.axe) : null;
  if (m) return Number(m[1]);
  for (const mes of f.mesures) {
    const id = resolveNodeId(mes);
    if (id) return Number(id.replace(/^eci_/, '').split('.')[0]);
  }
  return null;
}

/** AFOM items a fiche answers that are weaknesses or strengths. */
export function afomFaiblesseOuAtout(f: Pick<FicheAction, 'afom'>, afom: readonly AfomItem[]): AfomItem[] {
  const byId = new Map(afom.map((x) => [normalizeKey(x.id), x]));
  return f.afom.map((id) => byId.get(normalizeKey(id))).filter((x): x is AfomItem => !!x && (x.type === 'Faiblesse' || x.type === 'Atout'));
}

/**
 * Shape of the plan (guide ch. 5): about ten flagship fiches (8 to 12), over
 * several axes (3 at least), each answering a weakness or a strength of the
 * AFOM. Warnings only (non-blocking), on `Plan d'actions`.
 */
export function verifierPlanActions(model: Pick<WorkbookModel, 'planActions' | 'afom'>): Anomaly[] {
  const out: Anomaly[] = [];
  const fiches = model.planActions;
  if (fiches.length === 0) return out;
  const tab = TAB.planActions;
  if (fiches.length < 8 || fiches.length > 12) {
    out.push(anomaly({ onglet: tab, ligne: null, colonne: null, message: M.fichesNombre(fiches.length), bloquante: false, code: 'fiches-nombre' }));
  }
  const axes = [...new Set(fiches.map(axeDeFiche).filter((x): x is number => x !== null))].sort((a, b) => a - b);
  if (axes.length < 3) {
    out.push(anomaly({ onglet: tab, ligne: null, colonne: 'Axe (x)', message: M.fichesAxes(axes.map(String)), bloquante: false, code: 'fiches-axes' }));
  }
  const known = new Set(model.afom.map((x) => normalizeKey(x.id)));
  for (const f of fiches) {
    for (const id of f.afom) {
      if (!known.has(normalizeKey(id))) {
        out.push(anomaly({ onglet: tab, ligne: f.rowNumber, colonne: 'AFOM traités', message: M.ficheAfomInconnu(f.numero, id), bloquante: false, code: 'fiche-afom-inconnu' }));
      }
    }
    if (afomFaiblesseOuAtout(f, model.afom).length === 0) {
      out.push(anomaly({ onglet: tab, ligne: f.rowNumber, colonne: 'AFOM traités', message: M.ficheSansAfom(f.numero, f.titre), bloquante: false, code: 'fiche-sans-afom' }));
    }
  }
  return out;
}
