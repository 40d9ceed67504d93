/**
 * Use case *Actualiser le pilotage* (one command, "refresh steering"): reads
 * each tab once, computes every steering figure, then writes each computed
 * block once and logs one Journal row:
 * - Acteurs › Potentiel de mobilisation, Priorité;
 * - Jalons › En retard; Engagements › En retard;
 * - Indicateurs › Progression vers l'objectif, Tendance;
 * - Accueil › feuille de route: Détecté automatiquement, and Statut where a
 *   detector ticks a practice still `À faire` or empty (never downgraded);
 * - Audit › checklist (État, Détail) and calendar (Alerte);
 * - Tableau de bord (the whole tab, see ./dashboard.ts).
 * Columns are found by header; a block is skipped when its tab or header is
 * missing (install first). Nothing is written before everything is computed.
 */
import type { Anomaly } from '../domain/anomaly';
import type { WorkbookModel } from '../domain/model/types';
import type { ScoreResult } from '../domain/referentiel/score';
import { TAB, tableSection } from '../domain/schema/tabs';
import { cellText, isBlank, type Cell, type Grid } from '../domain/table/cell';
import { columnWrites, type ColumnBlockWrite } from '../domain/table/column-writes';
import { locateTable, tableRows, type LocatedTable } from '../domain/table/locate';
import { normalizeKey } from '../domain/table/normalize';
import { calculerActeurs } from '../domain/acteurs/priorite';
import { colonneEnRetard } from '../domain/plan-actions/echeances';
import { analyserIndicateur, anomaliesUnite, anneesHorsPlage } from '../domain/indicateurs/analyse';
import { alertesCalendrier, checklistAudit } from '../domain/audit/preparation';
import { CALENDRIER_ETAPES, CHECKLIST_CRITERES } from '../domain/audit/checklist';
import { calculerFeuilleDeRoute } from '../domain/feuille-de-route/feuille-de-route';
import { verifierPlanActions } from '../domain/plan-actions/fiches';
import { buildDashboard } from '../domain/dashboard/build';
import type { DashboardData } from '../domain/dashboard/types';
import { layoutDashboard } from '../domain/dashboard/layout';
import { STEERING_MESSAGES as M } from '../domain/messages/steering';
import { appendJournal } from './journal';
import { dashboardWrites, type DashboardRendererPort } from './dashboard';
import { readSteeringInput, type SteeringInput } from './steering-input';

export { readSteeringInput, type SteeringInput };
import type { ClockPort, UserPort, WorkbookPort } from './ports';

/** Steering checks (non-blocking anomalies): for *Vérifier* and for the steering run's report. */
export function steeringAnomalies(input: Pick<SteeringInput, 'model' | 'read'>): Anomaly[] {
  const { model } = input;
  const indicateursTable = input.read.tables.get(`${TAB.indicateurs}›indicateurs`);
  const located = indicateursTable?.located ?? null;
  const yearCol = (annee: number) => located?.columns.get(`annee${annee}`);
  return [
    ...verifierPlanActions(model),
    ...anneesHorsPlage(located),
    ...model.indicateurs.flatMap((i) => anomaliesUnite(i, yearCol)),
  ];
}

interface PendingWrite extends ColumnBlockWrite {
  readonly sheet: string;
}

function located(input: SteeringInput, tab: string, section: string): { grid: Grid; located: LocatedTable } | null {
  const grid = input.src.grid(tab);
  if (!grid) return null;
  const fromModel = input.read.tables.get(`${tab}›${section}`)?.located;
  const l = fromModel ?? locateTable(grid, tableSection(tab, section));
  return l ? { grid, located: l } : null;
}

function byRowNumber(values: ReadonlyMap<number, Readonly<Record<string, Cell>>>): Map<number, Readonly<Record<string, Cell>>> {
  return new Map([...values].map(([rowNumber, v]) => [rowNumber - 1, v]));
}

export interface SteeringBlocks {
  readonly writes: readonly PendingWrite[];
  /** Practices the engine ticked `Fait` in this run. */
  readonly pratiquesCochees: number;
  readonly enRetard: number;
}

/** The computed blocks of every steering tab but the dashboard. Pure given the input. */
export function steeringBlocks(input: SteeringInput, today: Date): SteeringBlocks {
  const { model } = input;
  const writes: PendingWrite[] = [];
  const push = (sheet: string, ws: readonly ColumnBlockWrite[]) => ws.forEach((w) => writes.push({ sheet, ...w }));

  // Acteurs.
  const acteurs = located(input, TAB.acteurs, 'acteurs');
  if (acteurs) {
    const rows = new Map<number, Record<string, Cell>>();
    for (const c of calculerActeurs(model.acteurs, model.seuils)) rows.set(c.acteur.rowNumber, { potentiel: c.potentiel, priorite: c.priorite });
    push(TAB.acteurs, columnWrites(acteurs.located, ['potentiel', 'priorite'], byRowNumber(rows)));
  }

  // Jalons and Engagements.
  let enRetard = 0;
  for (const [tab, section, items] of [
    [TAB.jalons, 'jalons', model.jalons],
    [TAB.engagements, 'engagements', model.engagements],
  ] as const) {
    const l = located(input, tab, section);
    if (!l) continue;
    const col = colonneEnRetard(items, today);
    enRetard += [...col.values()].filter(Boolean).length;
    const rows = new Map([...col].map(([rowNumber, v]) => [rowNumber, { enRetard: v }]));
    push(tab, columnWrites(l.located, ['enRetard'], byRowNumber(rows)));
  }

  // Indicateurs.
  const ind = located(input, TAB.indicateurs, 'indicateurs');
  if (ind) {
    const rows = new Map<number, Record<string, Cell>>();
    for (const i of model.indicateurs) {
      const a = analyserIndicateur(i);
      rows.set(i.rowNumber, { progression: a.progression, tendance: a.tendance });
    }
    push(TAB.indicateurs, columnWrites(ind.located, ['progression', 'tendance'], byRowNumber(rows)));
  }

  // Accueil › feuille de route.
  let pratiquesCochees = 0;
  const fdr = located(input, TAB.accueil, 'feuilleDeRoute');
  if (fdr) {
    const lignes = calculerFeuilleDeRoute(model.feuilleDeRoute, { model, today, lignesParOngletService: input.lignesParOngletService });
    const statutCol = fdr.located.columns.get('statut');
    const rows = new Map<number, Record<string, Cell>>();
    for (const l of lignes) {
      const v: Record<string, Cell> = { detecte: l.detecte };
      // Statut is the user's column: rewrite the cell as found, except where the engine ticks it
      // (a text the reader could not take for a status is the user's too: never replaced).
      if (statutCol !== undefined) {
        const raw = fdr.grid[l.rowNumber - 1]?.[statutCol] ?? null;
        const tick = l.ecrireStatut && (isBlank(raw) || normalizeKey(cellText(raw)) === normalizeKey('À faire'));
        if (tick) pratiquesCochees++;
        v.statut = tick ? 'Fait' : raw;
      }
      rows.set(l.rowNumber, v);
    }
    push(TAB.accueil, columnWrites(fdr.located, pratiquesCochees > 0 ? ['statut', 'detecte'] : ['detecte'], byRowNumber(rows)));
  }

  // Audit › checklist and calendar.
  const checklist = located(input, TAB.audit, 'checklist');
  if (checklist) {
    const lignes = checklistAudit(model, input.scores, today);
    const rows = new Map<number, Record<string, Cell>>();
    for (const r of tableRows(checklist.grid, checklist.located)) {
      const label = normalizeKey(cellText(r.cells.critere ?? null));
      const crit = CHECKLIST_CRITERES.find((c) => normalizeKey(c.label) === label);
      const l = crit ? lignes.find((x) => x.id === crit.id) : undefined;
      if (l) rows.set(r.index, { etat: l.etat, detail: l.detail });
    }
    push(TAB.audit, columnWrites(checklist.located, ['etat', 'detail'], rows));
  }
  const cal = located(input, TAB.audit, 'calendrier');
  if (cal) {
    const alertes = alertesCalendrier(model);
    const rows = new Map<number, Record<string, Cell>>();
    for (const e of CALENDRIER_ETAPES) {
      const ligne = alertes.lignes[e.id];
      if (ligne !== undefined) rows.set(ligne - 1, { alerte: alertes.parEtape[e.id].join(' ') || null });
    }
    push(TAB.audit, columnWrites(cal.located, ['alerte'], rows));
  }
  return { writes, pratiquesCochees, enRetard };
}

export interface SteerPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user?: UserPort;
  /** Draws the dashboard's styles and charts (Sheets) or keeps them for the .xlsx writer. */
  readonly renderer?: DashboardRendererPort;
}

export interface SteerResult {
  readonly model: WorkbookModel;
  readonly scores: ScoreResult;
  readonly dashboard: DashboardData;
  readonly anomalies: readonly Anomaly[];
  readonly summary: string;
}

export function refreshSteering({ workbook, clock, user, renderer }: SteerPorts): SteerResult {
  const now = clock.now();
  const input = readSteeringInput(workbook);
  const anomalies = steeringAnomalies(input);
  const blocks = steeringBlocks(input, now);
  const dashboard = buildDashboard(input.model, input.scores, now, { lignesParOngletService: input.lignesParOngletService });
  const layout = layoutDashboard(dashboard);
  const dash = dashboardWrites(workbook.sheetNames(), input.src.grid(TAB.tableauDeBord), layout);
  const journal = input.src.grid(TAB.journal);

  // Writes, once everything is computed.
  for (const w of blocks.writes) workbook.write(w.sheet, w.row, w.col, w.values);
  if (dash.create) workbook.createSheet(TAB.tableauDeBord, dash.create.index);
  workbook.write(TAB.tableauDeBord, 0, 0, dash.values);
  renderer?.render(TAB.tableauDeBord, layout);
  const summary = M.steer.resume(dashboard.etoiles.libelleActuelle, dashboard.etoiles.scoreRealise, blocks.enRetard, blocks.pratiquesCochees, dashboard.audit.prets, dashboard.audit.checklist.length, anomalies.length);
  appendJournal(workbook, journal, { date: now, utilisateur: user?.email() ?? '', commande: M.steer.commande, resultat: summary });
  return { model: input.model, scores: input.scores, dashboard, anomalies, summary };
}


