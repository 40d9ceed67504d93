/**
 * What every section of the COPIL deck is built from, computed once: the
 * meeting, the previous COPIL, the dashboard figures AT THE MEETING'S DATE,
 * one budget (the fiches' HT totals) and its financing, the late and coming
 * items counted once, the référentiel labels for élus.
 */
import { buildDashboard } from '../../dashboard/build';
import type { DashboardData } from '../../dashboard/types';
import { calculerFeuilleDeRoute } from '../../feuille-de-route/feuille-de-route';
import type { ActionRow, FicheAction, Instance, Preuve } from '../../model/types';
import { isoJour, joursEntre } from '../../plan-actions/jours';
import { estPrete, preuvesAttendues } from '../../preuves/readiness';
import { REFERENTIEL_LINES } from '../../referentiel/catalogue';
import { formatDateFr } from '../../text/numbers';
import { collectiviteName, type ReportInput } from '../input';
import type { HistoriqueRow } from './historique';
import { historiqueDeSeance } from './historique';
import { copilPrecedent, instantDuJour, type Seance } from './seance';

export interface FicheBudget {
  readonly fiche: FicheAction;
  /** Budget prévisionnel total, € HT (0 when not filled). */
  readonly budget: number;
  /** Sum of the financeurs' amounts, capped at the budget. */
  readonly finance: number;
  readonly aTrouver: number;
}

export interface Item {
  readonly quoi: string;
  readonly qui: string | null;
  readonly echeance: Date;
  /** Days late (> 0) or days left (≥ 0). */
  readonly jours: number;
  /** « fiche 3 », « COPIL du 06/10/2026 »… (never a tab name). */
  readonly origine: string | null;
  /** The tabs and rows it comes from (speaker notes). */
  readonly sources: readonly string[];
}

export interface CopilContext {
  readonly input: ReportInput;
  readonly collectivite: string;
  readonly seance: Seance;
  readonly dateLibelle: string;
  /** Dashboard figures computed at the meeting's date. */
  readonly d: DashboardData;
  readonly precedent: Instance | null;
  /** Start of « since »: the previous COPIL, or the first recorded instance. */
  readonly depuis: Date | null;
  readonly historique: readonly HistoriqueRow[];
  /** This meeting's figures (the row recorded in Historique). */
  readonly courant: HistoriqueRow;
  readonly fiches: readonly FicheBudget[];
  readonly budget: { readonly total: number; readonly finance: number; readonly aTrouver: number };
  readonly phares: readonly ActionRow[];
  readonly enRetard: readonly Item[];
  readonly aVenir: readonly Item[];
  readonly horizonMois: number;
  readonly preuves: readonly Preuve[];
  /** The strategy or plan already adopted (délibération, validation politique). */
  readonly planAdopte: { readonly adopte: boolean; readonly par: string | null };
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ');
const STOP = new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'a', 'au', 'aux', 'en', 'un', 'une', 'pour', 'sur', 'l', 'd', 'dans', 'avec', 'par']);
export function mots(s: string): Set<string> {
  return new Set(norm(s).split(/\s+/).filter((w) => w.length > 2 && !STOP.has(w)));
}
/** Share of the smaller set's words found in the other (0–1). */
export function proximite(a: string, b: string): number {
  const x = mots(a);
  const y = mots(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
}

/** `eci_3.7` → « mesure 3.7 — Titre » (sous-mesure, axe, tâche alike); unknown ids stay as typed. */
export function libelleMesure(id: string): string {
  const line = REFERENTIEL_LINES.find((l) => l.id === id.trim() || l.identifiant === id.trim());
  if (!line) return id;
  const niveau = line.niveauLabel.toLowerCase();
  return `${niveau} ${line.identifiant} — ${line.title}`;
}

function planAdopte(input: ReportInput, jusquA: Date): { adopte: boolean; par: string | null } {
  const inst = input.model.instances
    .filter((i) => i.date && i.date.getTime() <= jusquA.getTime())
    .find((i) => {
      const t = norm(`${i.intitule} ${i.decisions ?? ''}`);
      return /(adopt|approuv|vot|valid)/.test(t) && /(strategie|plan d actions|plan)/.test(t) && /(deliberation|conseil|adopt)/.test(t) && (i.type === 'Conseil communautaire' || /deliberation/.test(t));
    });
  if (inst) return { adopte: true, par: `${inst.intitule} (${formatDateFr(inst.date!)})` };
  const lignes = calculerFeuilleDeRoute(input.model.feuilleDeRoute, { model: input.model, today: input.today, lignesParOngletService: input.lignesParOngletService });
  const validation = lignes.find((l) => l.pratique?.id === 'p5-validation' && l.statut === 'Fait');
  return validation ? { adopte: true, par: null } : { adopte: false, par: null };
}

/**
 * Late and coming items, each counted once: a commitment made in an instance
 * FOR a milestone (same deadline, same person or close wording) is the
 * milestone, not a second item.
 */
function itemsUniques(input: ReportInput, seance: Date, horizonMois: number, d: DashboardData): { enRetard: Item[]; aVenir: Item[] } {
  const fiches = new Map(input.model.planActions.map((f) => [f.numero, f]));
  const instances = new Map(input.model.instances.map((i) => [String(i.numero), i]));
  const origine = (e: DashboardData['echeances']['enRetard'][number]) => {
    if (!e.reference) return null;
    if (e.source === 'jalon') return fiches.get(e.reference) ? `fiche ${e.reference}` : null;
    const i = instances.get(e.reference);
    return i ? `${i.type ?? 'instance'} du ${i.date ? formatDateFr(i.date) : '?'}` : null;
  };
  const merge = (list: DashboardData['echeances']['enRetard']): Item[] => {
    const out: Array<Item & { source: string }> = [];
    for (const e of list) {
      const date = new Date(`${e.echeance}T00:00:00Z`);
      const twin = out.find(
        (o) => o.source !== e.source && isoJour(o.echeance) === e.echeance && ((o.qui && e.qui && norm(o.qui) === norm(e.qui)) || proximite(o.quoi, e.libelle) >= 0.5),
      );
      const src = `${e.onglet}, ligne ${e.ligne}`;
      if (twin) {
        (twin.sources as string[]).push(src);
        continue;
      }
      out.push({ quoi: e.libelle, qui: e.qui, echeance: date, jours: Math.abs(joursEntre(seance, date)), origine: origine(e), sources: [src], source: e.source });
    }
    return out.map(({ source: _s, ...i }) => i);
  };
  void horizonMois;
  return { enRetard: merge(d.echeances.enRetard), aVenir: merge(d.echeances.aVenir) };
}

export function copilContext(input: ReportInput, seance: Seance, historique: readonly HistoriqueRow[]): CopilContext {
  const model = input.model;
  const d = buildDashboard(model, input.scores, instantDuJour(seance.date), { lignesParOngletService: input.lignesParOngletService });
  const precedent = copilPrecedent(model, seance);
  const premiere = model.instances.filter((i) => i.date).sort((a, b) => a.date!.getTime() - b.date!.getTime())[0] ?? null;
  const fiches = model.planActions.map((f) => {
    const budget = Math.max(0, f.budgetTotal ?? 0);
    const declare = f.financeurs.reduce((s, x) => s + Math.max(0, x.montant ?? 0), 0);
    const finance = Math.min(budget, declare);
    return { fiche: f, budget, finance, aTrouver: Math.max(0, budget - finance) };
  });
  const budget = {
    total: fiches.reduce((s, f) => s + f.budget, 0),
    finance: fiches.reduce((s, f) => s + f.finance, 0),
    aTrouver: fiches.reduce((s, f) => s + f.aTrouver, 0),
  };
  const { enRetard, aVenir } = itemsUniques(input, seance.date, model.seuils.horizonMois, d);
  const preuves = preuvesAttendues(model.preuves, (id) => input.scores.scores[id]?.concerne !== false);
  const phares = model.actions.filter((a) => a.actionPhare);
  const courant = historiqueDeSeance(seance, d, {
    fiches: model.planActions.length,
    fichesRealisees: model.planActions.filter((f) => f.statut === 'Réalisé').length,
    phares: phares.length,
    budget: budget.total,
    finance: budget.finance,
    enRetard: enRetard.length,
  });
  return {
    input,
    collectivite: collectiviteName(input),
    seance,
    dateLibelle: formatDateFr(seance.date),
    d,
    precedent,
    depuis: precedent?.date ?? premiere?.date ?? null,
    historique: historique.filter((h) => h.seance.getTime() < seance.date.getTime()),
    courant,
    fiches,
    budget,
    phares,
    enRetard,
    aVenir,
    horizonMois: d.echeances.horizonMois,
    preuves,
    planAdopte: planAdopte(input, seance.date),
  };
}

/** Preuves not ready (neither prête nor déposée). */
export function preuvesAProduire(ctx: CopilContext): Preuve[] {
  return ctx.preuves.filter((p) => !estPrete(p));
}
