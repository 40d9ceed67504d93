/**
 * Use case *Importer un plan depuis Territoires en Transitions*: reads a TeT
 * plan (the sheets of TeT's file, as grids: the adapter reads the file) and
 * merges its fiches into `Plan d'actions` and their jalons into `Jalons`
 * (domain/tet/import.ts reads the file, domain/tet/import-merge.ts decides).
 *
 * Cost: each tab of the workbook read once (`Plan d'actions`, `Jalons`,
 * `Journal`); writes: one block per run of adjacent empty cells completed in
 * a row (a filled cell, possibly a formula, is never rewritten), one block
 * for the appended fiches, the same for `Jalons`, one Journal row. Nothing is
 * written when there is nothing to import, so a second import of the same
 * file writes nothing.
 */
import type { Anomaly } from '../domain/anomaly';
import { TET_IMPORT_MESSAGES as M } from '../domain/messages/tet-import';
import { TAB, tableSection } from '../domain/schema/tabs';
import { isBlank, type Cell, type Grid } from '../domain/table/cell';
import { locateTable } from '../domain/table/locate';
import { lirePlanTet, type FeuilleTet } from '../domain/tet/import';
import { fusionnerPlanTet, type Cible, type Completion, type ConflitTet, type FicheRapport, type Valeurs } from '../domain/tet/import-merge';
import { appendJournal } from './journal';
import type { ClockPort, UserPort, WorkbookPort } from './ports';

export interface ImportTetPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user?: UserPort;
}

export interface ImportTetResult {
  /** `refuse`: nothing imported (TeT file not recognised, or no `Plan d'actions` table). */
  readonly status: 'ok' | 'refuse';
  readonly message: string;
  /** The TeT sheet read, when recognised. */
  readonly source: { readonly feuille: string; readonly format: 'import' | 'export'; readonly fiches: number } | null;
  readonly creees: readonly FicheRapport[];
  readonly completees: readonly FicheRapport[];
  readonly conflits: readonly ConflitTet[];
  /** Jalons appended or completed. */
  readonly jalons: number;
  /** Remarks on the TeT file and the merge (all non-blocking). */
  readonly anomalies: readonly Anomaly[];
  /** Whether the workbook was written. */
  readonly ecrit: boolean;
}

const refus = (message: string, source: ImportTetResult['source'] = null): ImportTetResult => ({
  status: 'refuse', message, source, creees: [], completees: [], conflits: [], jalons: 0, anomalies: [], ecrit: false,
});

function cible(workbook: WorkbookPort, names: readonly string[], tab: string, section: string): Cible | null {
  if (!names.includes(tab)) return null;
  const grid = workbook.read(tab);
  const located = locateTable(grid, tableSection(tab, section));
  return located ? { grid, located } : null;
}

export function importTet({ workbook, clock, user }: ImportTetPorts, feuilles: readonly FeuilleTet[]): ImportTetResult {
  const lecture = lirePlanTet(feuilles);
  if (!lecture.ok) return refus(lecture.message);
  const plan = lecture.plan;
  const source = { feuille: plan.feuille, format: plan.format, fiches: plan.fiches.length };

  const names = workbook.sheetNames();
  const planActions = cible(workbook, names, TAB.planActions, 'planActions');
  if (!planActions) return refus(M.planIntrouvable, source);
  const jalonsCible = cible(workbook, names, TAB.jalons, 'jalons');

  const fusion = fusionnerPlanTet(plan, planActions, jalonsCible);
  const writes: Array<{ tab: string; row: number; col: number; values: Grid }> = [];
  for (const w of completionWrites(planActions, fusion.plan.completions)) writes.push({ tab: TAB.planActions, ...w });
  const ajoutPlan = appendWrite(planActions, fusion.plan.debutAjout, fusion.plan.nouvelles);
  if (ajoutPlan) writes.push({ tab: TAB.planActions, ...ajoutPlan });
  if (jalonsCible) {
    for (const w of completionWrites(jalonsCible, fusion.jalons.completions)) writes.push({ tab: TAB.jalons, ...w });
    const ajoutJalons = appendWrite(jalonsCible, fusion.jalons.debutAjout, fusion.jalons.nouvelles);
    if (ajoutJalons) writes.push({ tab: TAB.jalons, ...ajoutJalons });
  }

  const jalons = fusion.jalons.completions.length + fusion.jalons.nouvelles.length;
  const message = plan.fiches.length
    ? M.resume({ creees: fusion.creees.length, completees: fusion.completees.length, conflits: fusion.conflits.length, jalons })
    : M.rienAImporter;
  // Read before any write: a command never reads a tab after writing.
  const journal = writes.length && names.includes(TAB.journal) ? workbook.read(TAB.journal) : null;
  for (const w of writes) workbook.write(w.tab, w.row, w.col, w.values);
  if (writes.length) {
    appendJournal(workbook, journal, { date: clock.now(), utilisateur: user?.email() ?? '', commande: M.journalCommande, resultat: message });
  }
  return {
    status: 'ok',
    message,
    source,
    creees: fusion.creees,
    completees: fusion.completees,
    conflits: fusion.conflits,
    jalons,
    anomalies: fusion.anomalies,
    ecrit: writes.length > 0,
  };
}

/** One write per run of adjacent columns to fill in a row, only where the cell is still empty. */
function completionWrites(t: Cible, completions: readonly Completion[]): Array<{ row: number; col: number; values: Grid }> {
  const out: Array<{ row: number; col: number; values: Grid }> = [];
  for (const c of completions) {
    const row = c.rowNumber - 1;
    const cols = Object.entries(c.values)
      .map(([k, v]) => ({ idx: t.located.columns.get(k), v }))
      .filter((x): x is { idx: number; v: Cell } => x.idx !== undefined && isBlank(t.grid[row]?.[x.idx]))
      .sort((a, b) => a.idx - b.idx);
    let run: { col: number; values: Cell[] } | null = null;
    for (const x of cols) {
      if (run && run.col + run.values.length === x.idx) run.values.push(x.v);
      else {
        if (run) out.push({ row, col: run.col, values: [run.values] });
        run = { col: x.idx, values: [x.v] };
      }
    }
    if (run) out.push({ row, col: run.col, values: [run.values] });
  }
  return out;
}

/**
 * The appended rows in one block spanning the table's columns, from `start`
 * (0-based); a cell of someone else's column caught between ours keeps its value.
 */
function appendWrite(t: Cible, start: number, rows: readonly Valeurs[]): { row: number; col: number; values: Grid } | null {
  if (!rows.length) return null;
  const cols = [...t.located.columns.values()];
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  const values: Grid = rows.map((v, i) => {
    const existing = t.grid[start + i] ?? [];
    const line: Cell[] = [];
    for (let c = min; c <= max; c++) line.push(existing[c] ?? null);
    for (const [key, idx] of t.located.columns) if (key in v) line[idx - min] = v[key] ?? null;
    return line;
  });
  return { row: start, col: min, values };
}
