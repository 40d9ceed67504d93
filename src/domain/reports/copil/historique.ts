/**
 * `Historique`: the figures of each COPIL, recorded when its deck is
 * generated (one row per meeting date, replaced when the deck is generated
 * again for the same meeting), so that the next deck shows the progression
 * since the previous COPIL and since the start.
 */
import type { DashboardData } from '../../dashboard/types';
import { TAB, tableSection } from '../../schema/tabs';
import type { Cell, Grid } from '../../table/cell';
import { appendRowBlock } from '../../table/append';
import { locateTable, tableRows } from '../../table/locate';
import type { Seance } from './seance';

export interface HistoriqueRow {
  /** Calendar day of the meeting (UTC midnight). */
  readonly seance: Date;
  readonly instance: number | null;
  /** Score réalisé and with the programmé, in % (0–100). */
  readonly scoreRealise: number;
  readonly scorePrevisionnel: number | null;
  readonly etoile: number | null;
  /** % réalisé of axes 1–5 (null when not recorded). */
  readonly axes: ReadonlyArray<number | null>;
  readonly actions: number | null;
  readonly phares: number | null;
  readonly fiches: number | null;
  readonly fichesRealisees: number | null;
  readonly preuvesPretes: number | null;
  readonly preuvesAttendues: number | null;
  readonly enRetard: number | null;
  readonly budget: number | null;
  readonly finance: number | null;
}

const num = (v: Cell): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.replace(',', '.'))) ? Number(v.replace(',', '.')) : null);
const day = (v: Cell): Date | null => {
  if (v instanceof Date) return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  if (typeof v === 'string') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim()) ?? null;
    if (m) return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim());
    if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  }
  return null;
};

/** Rows of `Historique` (rows without a meeting date or a score are skipped), oldest first. */
export function lireHistorique(grid: Grid | null): HistoriqueRow[] {
  if (!grid) return [];
  const located = locateTable(grid, tableSection(TAB.historique, 'historique'));
  if (!located) return [];
  const out: HistoriqueRow[] = [];
  for (const r of tableRows(grid, located)) {
    const c = r.cells;
    const seance = day(c.seance);
    const score = num(c.scoreRealise);
    if (!seance || score === null) continue;
    out.push({
      seance,
      instance: num(c.instance),
      scoreRealise: score,
      scorePrevisionnel: num(c.scorePrevisionnel),
      etoile: num(c.etoile),
      axes: [num(c.axe1), num(c.axe2), num(c.axe3), num(c.axe4), num(c.axe5)],
      actions: num(c.actions),
      phares: num(c.phares),
      fiches: num(c.fiches),
      fichesRealisees: num(c.fichesRealisees),
      preuvesPretes: num(c.preuvesPretes),
      preuvesAttendues: num(c.preuvesAttendues),
      enRetard: num(c.enRetard),
      budget: num(c.budget),
      finance: num(c.finance),
    });
  }
  return out.sort((a, b) => a.seance.getTime() - b.seance.getTime());
}

/** The figures of this meeting, as the deck shows them. */
export function historiqueDeSeance(seance: Seance, d: DashboardData, extra: { fiches: number; fichesRealisees: number; phares: number; budget: number; finance: number; enRetard: number }): HistoriqueRow {
  const axe = (n: number) => d.scores.axes.find((a) => a.numero === String(n))?.pourcentageRealise ?? null;
  return {
    seance: seance.date,
    instance: seance.instance?.numero ?? null,
    scoreRealise: d.etoiles.scoreRealise,
    scorePrevisionnel: d.etoiles.scorePrevisionnel,
    etoile: d.etoiles.actuelle,
    axes: [1, 2, 3, 4, 5].map(axe),
    actions: d.actions.total,
    phares: extra.phares,
    fiches: extra.fiches,
    fichesRealisees: extra.fichesRealisees,
    preuvesPretes: d.preuves.pretes,
    preuvesAttendues: d.preuves.attendues,
    enRetard: extra.enRetard,
    budget: extra.budget,
    finance: extra.finance,
  };
}

/**
 * Where to write a meeting's row: over the row of the same meeting date when
 * there is one (the deck was generated again), else after the last row.
 * Null when the tab has no headers.
 */
export function blocHistorique(grid: Grid, row: HistoriqueRow, enregistreLe: Date): { row: number; col: number; values: Cell[] } | null {
  const located = locateTable(grid, tableSection(TAB.historique, 'historique'));
  if (!located) return null;
  const values: Record<string, Cell> = {
    seance: row.seance,
    instance: row.instance,
    enregistreLe,
    scoreRealise: row.scoreRealise,
    scorePrevisionnel: row.scorePrevisionnel,
    etoile: row.etoile,
    axe1: row.axes[0] ?? null,
    axe2: row.axes[1] ?? null,
    axe3: row.axes[2] ?? null,
    axe4: row.axes[3] ?? null,
    axe5: row.axes[4] ?? null,
    actions: row.actions,
    phares: row.phares,
    fiches: row.fiches,
    fichesRealisees: row.fichesRealisees,
    preuvesPretes: row.preuvesPretes,
    preuvesAttendues: row.preuvesAttendues,
    enRetard: row.enRetard,
    budget: row.budget,
    finance: row.finance,
  };
  const same = tableRows(grid, located).find((r) => day(r.cells.seance)?.getTime() === row.seance.getTime());
  if (same) {
    const cols = [...located.columns.values()];
    const min = Math.min(...cols);
    const max = Math.max(...cols);
    const existing = grid[same.index] ?? [];
    const line: Cell[] = [];
    for (let c = min; c <= max; c++) line.push(existing[c] ?? null);
    for (const [key, idx] of located.columns) if (key in values) line[idx - min] = values[key];
    return { row: same.index, col: min, values: line };
  }
  return appendRowBlock(grid, located, values);
}
