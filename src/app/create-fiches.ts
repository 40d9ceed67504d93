/**
 * Use case *Créer les fiches du plan d'actions*: a fiche in `Plan d'actions`
 * for every action marked *Retenue au plan* in `Actions`
 * (domain/plan-actions/fiches.ts for the rules). Non-destructive and
 * idempotent: an existing fiche (matched by the action's Réf. in
 * `Actions liées`) is completed in its empty cells only, never duplicated;
 * new fiches are appended below the last one, in one block.
 *
 * Writes: one block per run of adjacent empty cells completed in a row
 * (a filled cell, possibly a formula, is never rewritten), one block for
 * the new fiches, one Journal row.
 */
import type { Anomaly } from '../domain/anomaly';
import { memoSource, readWorkbookModel } from '../domain/model/read';
import { planifierFiches } from '../domain/plan-actions/fiches';
import { TAB, tableSection } from '../domain/schema/tabs';
import { isBlank, type Cell, type Grid } from '../domain/table/cell';
import { locateTable, tableRows } from '../domain/table/locate';
import { STEERING_MESSAGES as M } from '../domain/messages/steering';
import { appendJournal } from './journal';
import type { ClockPort, UserPort, WorkbookPort } from './ports';

export interface CreateFichesPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user?: UserPort;
}

export interface CreateFichesResult {
  readonly creees: number;
  readonly completees: number;
  readonly anomalies: readonly Anomaly[];
  readonly message: string;
}

export function createFiches({ workbook, clock, user }: CreateFichesPorts): CreateFichesResult {
  const names = workbook.sheetNames();
  const src = memoSource(names, (n) => workbook.read(n));
  const { model } = readWorkbookModel(src);
  const grid = src.grid(TAB.planActions);
  const located = grid ? locateTable(grid, tableSection(TAB.planActions, 'planActions')) : null;
  if (!grid || !located) {
    return { creees: 0, completees: 0, anomalies: [], message: M.fichesCreees(0, 0) };
  }
  const existantes = tableRows(grid, located).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }));
  const plan = planifierFiches(model.actions, existantes, model.identite.nom);
  const journal = src.grid(TAB.journal);

  // Completions: runs of adjacent columns to fill, per row.
  const writes: Array<{ row: number; col: number; values: Grid }> = [];
  for (const c of plan.completions) {
    const row = c.rowNumber - 1;
    const cols = Object.entries(c.values)
      .map(([k, v]) => ({ idx: located.columns.get(k), v }))
      .filter((x): x is { idx: number; v: Cell } => x.idx !== undefined && isBlank(grid[row]?.[x.idx]))
      .sort((a, b) => a.idx - b.idx);
    let run: { col: number; values: Cell[] } | null = null;
    for (const x of cols) {
      if (run && run.col + run.values.length === x.idx) run.values.push(x.v);
      else {
        if (run) writes.push({ row, col: run.col, values: [run.values] });
        run = { col: x.idx, values: [x.v] };
      }
    }
    if (run) writes.push({ row, col: run.col, values: [run.values] });
  }

  // New fiches: one block after the last row holding anything in the table's columns.
  if (plan.nouvelles.length) {
    const cols = [...located.columns.values()];
    const min = Math.min(...cols);
    const max = Math.max(...cols);
    let last = located.headerRow;
    for (let r = located.dataStart; r < grid.length; r++) if (cols.some((c) => !isBlank(grid[r]?.[c]))) last = r;
    const block: Grid = plan.nouvelles.map((values, i) => {
      const existing = grid[last + 1 + i] ?? [];
      const line: Cell[] = [];
      for (let c = min; c <= max; c++) line.push(existing[c] ?? null);
      for (const [key, idx] of located.columns) if (key in values) line[idx - min] = values[key] ?? null;
      return line;
    });
    writes.push({ row: last + 1, col: min, values: block });
  }

  for (const w of writes) workbook.write(TAB.planActions, w.row, w.col, w.values);
  const message = M.fichesCreees(plan.nouvelles.length, plan.completions.length);
  if (writes.length) {
    appendJournal(workbook, journal, { date: clock.now(), utilisateur: user?.email() ?? '', commande: M.steer.commandeFiches, resultat: message });
  }
  return { creees: plan.nouvelles.length, completees: plan.completions.length, anomalies: plan.anomalies, message };
}
