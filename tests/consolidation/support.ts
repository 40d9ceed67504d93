/**
 * Shared by the consolidation and validation tests: an installed workbook
 * (installed once, cloned per test), service tabs and lookup tabs filled by
 * header name, the small ports, and readers of `Actions` by header.
 */
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { CellMarkerPort, CheckStorePort, LockPort } from '../../src/app/ports';
import { ORPHANS_TITLE } from '../../src/domain/messages/consolidation';
import { ACTIONS_COLUMNS, SERVICE_COLUMNS, TAB, tableSection } from '../../src/domain/schema/tabs';
import type { Cell, Grid } from '../../src/domain/table/cell';
import { locateTable } from '../../src/domain/table/locate';
import type { CellMark, LastCheck } from '../../src/domain/validation/last-check';

export const NOW = new Date(Date.UTC(2026, 0, 15, 9, 30));
export const clock = { now: () => NOW };
export const user = { email: () => 'cheffe.projet@agglo-exemple.fr' };

export class TestLock implements LockPort {
  busy = false;
  held = false;
  tries = 0;
  releases = 0;
  tryLock(): boolean {
    this.tries++;
    if (this.busy) return false;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
    this.releases++;
  }
}

export class MemoryMarker implements CellMarkerPort {
  readonly marks = new Map<string, readonly CellMark[]>();
  readonly calls: Array<{ op: 'mark' | 'clear'; sheet: string }> = [];
  mark(sheet: string, marks: readonly CellMark[]): void {
    this.calls.push({ op: 'mark', sheet });
    this.marks.set(sheet, marks);
  }
  clear(sheet: string): void {
    this.calls.push({ op: 'clear', sheet });
    this.marks.delete(sheet);
  }
}

export class MemoryStore implements CheckStorePort {
  value: LastCheck | null = null;
  load(): LastCheck | null {
    return this.value ? (JSON.parse(JSON.stringify(this.value)) as LastCheck) : null;
  }
  save(check: LastCheck): void {
    this.value = JSON.parse(JSON.stringify(check)) as LastCheck;
  }
}

let base: Array<[string, Grid]> | null = null;

/** A freshly installed workbook (every tab, headers, prefilled reference tabs), no service tab. */
export function installed(): MemoryWorkbook {
  if (!base) {
    const wb = new MemoryWorkbook();
    installWorkbook({ workbook: wb, formatter: wb });
    base = wb.sheetNames().map((n) => [n, wb.grid(n).map((r) => r.slice())]);
  }
  return new MemoryWorkbook(base.map(([n, g]) => [n, g.map((r) => r.slice())]));
}

export const SERVICE_HEADERS: readonly string[] = SERVICE_COLUMNS.map((c) => c.header);

/** A row given by header (a subset), as a grid line in `headers` order. */
export function line(headers: readonly string[], values: Readonly<Record<string, Cell>>): Cell[] {
  for (const k of Object.keys(values)) if (!headers.includes(k)) throw new Error(`Unknown header in test row: ${k}`);
  return headers.map((h) => (h in values ? values[h] : null));
}

export function serviceGrid(rows: ReadonlyArray<Readonly<Record<string, Cell>>>, headers: readonly string[] = SERVICE_HEADERS): Grid {
  return [headers.slice(), ...rows.map((r) => line(headers, r))];
}

export function setServiceTab(wb: MemoryWorkbook, tab: string, rows: ReadonlyArray<Readonly<Record<string, Cell>>>, headers?: readonly string[]): void {
  wb.setGrid(tab, serviceGrid(rows, headers));
}

/** Registry rows of `Paramètres` (Service, Onglet, Code, Dernier n° de Réf.). */
export function register(wb: MemoryWorkbook, services: ReadonlyArray<{ service: string; onglet?: string; code?: string; dernier?: number }>): void {
  const grid = wb.grid(TAB.parametres);
  const t = locateTable(grid, tableSection(TAB.parametres, 'services'))!;
  services.forEach((s, i) => {
    const r = t.dataStart + i;
    while (grid.length <= r) grid.push([]);
    const set = (key: string, v: Cell) => {
      const c = t.columns.get(key)!;
      while (grid[r].length <= c) grid[r].push(null);
      grid[r][c] = v;
    };
    set('service', s.service);
    set('onglet', s.onglet ?? null);
    set('code', s.code ?? null);
    set('dernierNumero', s.dernier ?? null);
  });
}

export function registryRows(wb: MemoryWorkbook): Array<Record<string, Cell>> {
  const grid = wb.grid(TAB.parametres);
  const t = locateTable(grid, tableSection(TAB.parametres, 'services'))!;
  const out: Array<Record<string, Cell>> = [];
  for (let r = t.dataStart; r < grid.length; r++) {
    const rec: Record<string, Cell> = {};
    for (const [k, c] of t.columns) rec[k] = grid[r]?.[c] ?? null;
    if (rec.service === null && rec.onglet === null && rec.code === null) continue;
    out.push(rec);
  }
  return out;
}

export const PLANS_HEADERS = tableSection(TAB.plans, 'plans').columns.map((c) => c.header);
export const AFOM_HEADERS = tableSection(TAB.afom, 'afom').columns.map((c) => c.header);

export function setPlans(wb: MemoryWorkbook, plans: ReadonlyArray<Readonly<Record<string, Cell>>>): void {
  wb.setGrid(TAB.plans, [PLANS_HEADERS.slice(), ...plans.map((p) => line(PLANS_HEADERS, p))]);
}

export function setAfom(wb: MemoryWorkbook, items: ReadonlyArray<Readonly<Record<string, Cell>>>): void {
  wb.setGrid(TAB.afom, [AFOM_HEADERS.slice(), ...items.map((p) => line(AFOM_HEADERS, p))]);
}

export const ACTIONS_HEADERS = ACTIONS_COLUMNS.map((c) => c.header);

export interface ActionsView {
  readonly header: Cell[];
  /** Action rows by header (extra columns by their header text too). */
  readonly rows: Array<Record<string, Cell>>;
  readonly orphans: Array<Record<string, Cell>>;
  readonly hasOrphanTitle: boolean;
}

/** `Actions` read by header: action rows, then the orphans area. */
export function actionsView(wb: MemoryWorkbook): ActionsView {
  const grid = wb.grid(TAB.actions);
  const header = (grid[0] ?? []).slice();
  const rows: Array<Record<string, Cell>> = [];
  const orphans: Array<Record<string, Cell>> = [];
  let inOrphans = false;
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (cells.every((c) => c === null || c === undefined || c === '')) continue;
    if (cells[0] === ORPHANS_TITLE) {
      inOrphans = true;
      continue;
    }
    const rec: Record<string, Cell> = {};
    header.forEach((h, i) => {
      rec[h === null ? `#${i}` : String(h)] = cells[i] ?? null;
    });
    (inOrphans ? orphans : rows).push(rec);
  }
  return { header, rows, orphans, hasOrphanTitle: inOrphans };
}

/** Sets lead columns of the `Actions` row carrying `ref`. */
export function annotate(wb: MemoryWorkbook, ref: string, values: Readonly<Record<string, Cell>>): void {
  const grid = wb.grid(TAB.actions);
  const header = grid[0].map((h) => (h === null ? null : String(h)));
  const refCol = header.indexOf('Réf.');
  const row = grid.findIndex((r, i) => i > 0 && r[refCol] === ref);
  if (row < 0) throw new Error(`No Actions row for ${ref}`);
  for (const [h, v] of Object.entries(values)) {
    const c = header.indexOf(h);
    if (c < 0) throw new Error(`No Actions column ${h}`);
    while (grid[row].length <= c) grid[row].push(null);
    grid[row][c] = v;
  }
}

/** A column of a tab by header (data rows under the first row). */
export function columnValues(wb: MemoryWorkbook, tab: string, header: string): Cell[] {
  const grid = wb.grid(tab);
  const c = grid[0].indexOf(header);
  if (c < 0) throw new Error(`No column ${header} in ${tab}`);
  return grid.slice(1).map((r) => r[c] ?? null);
}

/** Deep copy of every grid, to compare a workbook before and after. */
export function snapshot(wb: MemoryWorkbook): Map<string, Grid> {
  return new Map(wb.sheetNames().map((n) => [n, wb.grid(n).map((r) => r.slice())]));
}

export function ports(wb: MemoryWorkbook, extra: { lock?: TestLock; marker?: MemoryMarker; store?: MemoryStore } = {}) {
  return { workbook: wb, lock: extra.lock ?? new TestLock(), clock, user, marker: extra.marker, store: extra.store };
}
