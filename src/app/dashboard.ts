/**
 * Use case *Tableau de bord*: rebuilds the `Tableau de bord` tab from
 * `buildDashboard` (the same object the sidebar and the COPIL deck use):
 * one write of the whole tab (values; the previous content is cleared), its
 * look through a `DashboardRendererPort`, a Journal row.
 */
import { buildDashboard } from '../domain/dashboard/build';
import { layoutDashboard, type DashboardLayout } from '../domain/dashboard/layout';
import type { DashboardData } from '../domain/dashboard/types';
import { STEERING_MESSAGES as M } from '../domain/messages/steering';
import { TAB, TABS } from '../domain/schema/tabs';
import type { Cell, Grid } from '../domain/table/cell';
import { appendJournal } from './journal';
import type { ClockPort, UserPort, WorkbookPort } from './ports';
import { readSteeringInput } from './steering-input';

/** Applies the dashboard's styles, merges, links, charts (Sheets) or data bars (.xlsx). */
export interface DashboardRendererPort {
  render(sheet: string, layout: DashboardLayout): void;
}

/** Keeps the last layout per tab: the offline engine applies it when it writes the .xlsx. */
export class MemoryDashboardRenderer implements DashboardRendererPort {
  readonly layouts = new Map<string, DashboardLayout>();
  render(sheet: string, layout: DashboardLayout): void {
    this.layouts.set(sheet, layout);
  }
}

/**
 * The block that replaces the tab's content (covering what was there), and
 * where to create the tab when missing: before the first tab that follows it
 * in the schema (`Journal`), else last.
 */
export function dashboardWrites(sheetNames: readonly string[], previous: Grid | null, layout: DashboardLayout): { values: Grid; create: { index: number } | null } {
  const rows = Math.max(layout.grid.length, previous?.length ?? 0);
  const cols = Math.max(layout.grid[0]?.length ?? 0, ...(previous ?? []).map((r) => r.length));
  const values: Grid = [];
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = new Array(cols).fill(null);
    (layout.grid[r] ?? []).forEach((v, c) => (line[c] = v));
    values.push(line);
  }
  let create: { index: number } | null = null;
  if (previous === null && !sheetNames.includes(TAB.tableauDeBord)) {
    const order = TABS.map((t) => t.name as string);
    const after = order.slice(order.indexOf(TAB.tableauDeBord) + 1);
    const next = sheetNames.findIndex((n) => after.includes(n));
    create = { index: next >= 0 ? next : sheetNames.length };
  }
  return { values, create };
}

export interface DashboardPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user?: UserPort;
  readonly renderer?: DashboardRendererPort;
  /** False when the rebuild is part of another command that logs its own Journal row. */
  readonly journal?: boolean;
}

/** The dashboard object, computed without writing (sidebar, documents). */
export function computeDashboard({ workbook, clock }: Pick<DashboardPorts, 'workbook' | 'clock'>): DashboardData {
  const input = readSteeringInput(workbook);
  return buildDashboard(input.model, input.scores, clock.now(), { lignesParOngletService: input.lignesParOngletService });
}

export function rebuildDashboard({ workbook, clock, user, renderer, journal: log = true }: DashboardPorts): DashboardData {
  const now = clock.now();
  const input = readSteeringInput(workbook);
  const data = buildDashboard(input.model, input.scores, now, { lignesParOngletService: input.lignesParOngletService });
  const layout = layoutDashboard(data);
  const { values, create } = dashboardWrites(workbook.sheetNames(), input.src.grid(TAB.tableauDeBord), layout);
  const journal = input.src.grid(TAB.journal);
  if (create) workbook.createSheet(TAB.tableauDeBord, create.index);
  workbook.write(TAB.tableauDeBord, 0, 0, values);
  renderer?.render(TAB.tableauDeBord, layout);
  if (log) appendJournal(workbook, journal, {
    date: now,
    utilisateur: user?.email() ?? '',
    commande: M.steer.commandeDashboard,
    resultat: M.steer.resumeTableau(data.etoiles.libelleActuelle, data.etoiles.scoreRealise, data.feuilleDeRoute.fait, data.feuilleDeRoute.total),
  });
  return data;
}
