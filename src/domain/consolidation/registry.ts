/**
 * The registry of services (`Paramètres` › Service, Onglet, Code, …, Dernier
 * n° de Réf.) as consolidation uses it: which registry row each service tab
 * belongs to, the code its new Réf.s take, and the registry's update (codes
 * given, highest numbers, tabs not registered yet) as block writes.
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { BlockWrite } from '../install/plan';
import { CONSOLIDATION_MESSAGES as M } from '../messages/consolidation';
import { readNumber } from '../parse/values';
import { isEmptyCell } from '../parse/rows';
import { TAB, tableSection } from '../schema/tabs';
import { serviceCode } from '../services/code';
import { cellText, type Grid } from '../table/cell';
import { locateTable, tableRows, type LocatedTable } from '../table/locate';
import { normalizeKey } from '../table/normalize';
import { blockWrites, setChange, type CellChanges } from './blocks';
import { parseRef } from './refs';

export interface RegistryRow {
  /** 0-based row in the grid. */
  readonly index: number;
  readonly service: string;
  readonly onglet: string;
  readonly code: string;
  readonly dernierNumero: number | null;
}

export interface RegistryRead {
  readonly grid: Grid;
  readonly located: LocatedTable | null;
  readonly rows: readonly RegistryRow[];
}

export function readRegistry(grid: Grid | null): RegistryRead {
  const g = grid ?? [];
  const located = locateTable(g, tableSection(TAB.parametres, 'services'));
  if (!located) return { grid: g, located: null, rows: [] };
  const rows = tableRows(g, located)
    .filter((r) => !Object.values(r.cells).every((c) => isEmptyCell(c)))
    .map((r) => {
      const n = r.cells.dernierNumero === undefined || isEmptyCell(r.cells.dernierNumero) ? null : readNumber(r.cells.dernierNumero);
      return {
        index: r.index,
        service: cellText(r.cells.service ?? null),
        onglet: cellText(r.cells.onglet ?? null),
        code: cellText(r.cells.code ?? null).toUpperCase(),
        dernierNumero: n && n.ok ? Math.floor(n.value) : null,
      };
    });
  return { grid: g, located, rows };
}

/** A service tab and the service it belongs to. */
export interface ServiceBinding {
  readonly tab: string;
  /** Registry name, or the name taken from the tab. */
  readonly service: string;
  readonly code: string;
  /** The registry row, or null for a tab not registered yet (a row is appended). */
  readonly row: RegistryRow | null;
  /** The code was generated now (new row, or registered row without code). */
  readonly codeGenerated: boolean;
}

export interface TabForBinding {
  readonly tab: string;
  readonly name: string;
  /** Réf.s found in the tab, to keep their prefix for a tab registered now. */
  readonly refs: readonly string[];
}

export function bindServices(tabs: readonly TabForBinding[], registry: RegistryRead, sheetNames: readonly string[]): { bindings: ServiceBinding[]; anomalies: Anomaly[] } {
  const anomalies: Anomaly[] = [];
  const claimed = new Set<RegistryRow>();
  const codes = new Set(registry.rows.map((r) => r.code).filter((c) => c !== ''));
  const find = (pred: (r: RegistryRow) => boolean) => registry.rows.find((r) => !claimed.has(r) && pred(r));
  const bindings: ServiceBinding[] = [];
  // First pass: exact and normalised Onglet; second: a row without Onglet named like the tab.
  const rowOf = new Map<string, RegistryRow>();
  for (const t of tabs) {
    const row = find((r) => r.onglet === t.tab) ?? find((r) => r.onglet !== '' && normalizeKey(r.onglet) === normalizeKey(t.tab));
    if (row) {
      claimed.add(row);
      rowOf.set(t.tab, row);
    }
  }
  for (const t of tabs) {
    if (rowOf.has(t.tab)) continue;
    const row = find((r) => r.onglet === '' && r.service !== '' && normalizeKey(r.service) === normalizeKey(t.name));
    if (row) {
      claimed.add(row);
      rowOf.set(t.tab, row);
    }
  }
  for (const t of tabs) {
    const row = rowOf.get(t.tab) ?? null;
    if (row && row.code !== '') {
      bindings.push({ tab: t.tab, service: row.service || t.name, code: row.code, row, codeGenerated: false });
      continue;
    }
    const name = row?.service || t.name;
    const code = preferredCode(t.refs, codes) ?? serviceCode(name, codes);
    codes.add(code);
    bindings.push({ tab: t.tab, service: name, code, row, codeGenerated: true });
  }
  for (const r of registry.rows) {
    if (r.onglet !== '' && !claimed.has(r) && !sheetNames.includes(r.onglet)) {
      anomalies.push(anomaly({ onglet: TAB.parametres, ligne: r.index + 1, colonne: 'Onglet', message: M.registryTabMissing(r.service || r.onglet, r.onglet), bloquante: false, code: 'registre-onglet-absent' }));
    }
  }
  return { bindings, anomalies };
}

/** The prefix most of the tab's Réf.s carry, when no registered service uses it. */
function preferredCode(refs: readonly string[], taken: ReadonlySet<string>): string | null {
  const count = new Map<string, number>();
  for (const r of refs) {
    const p = parseRef(r);
    if (p && p.code.length >= 2 && p.code.length <= 6) count.set(p.code, (count.get(p.code) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [code, n] of count) if (!taken.has(code) && (best === null || n > count.get(best)!)) best = code;
  return best;
}

/** Highest number per code the registry records. */
export function registryHighest(registry: RegistryRead): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of registry.rows) {
    if (r.code !== '' && r.dernierNumero !== null) m.set(r.code, Math.max(m.get(r.code) ?? 0, r.dernierNumero));
  }
  return m;
}

export interface RegistryUpdate {
  readonly writes: readonly BlockWrite[];
  readonly added: ReadonlyArray<{ readonly service: string; readonly onglet: string; readonly code: string }>;
  readonly anomalies: readonly Anomaly[];
}

/**
 * Codes given to registered services without one, `Dernier n° de Réf.` of
 * every code raised to the highest number seen, and a row appended for each
 * tab not registered yet, below the registry's last row (the sections beside
 * it do not count).
 */
export function registryUpdate(registry: RegistryRead, bindings: readonly ServiceBinding[], highest: ReadonlyMap<string, number>): RegistryUpdate {
  const anomalies: Anomaly[] = [];
  const located = registry.located;
  const added = bindings.filter((b) => b.row === null).map((b) => ({ service: b.service, onglet: b.tab, code: b.code }));
  if (!located) {
    if (bindings.length > 0) anomalies.push(anomaly({ onglet: TAB.parametres, ligne: null, colonne: null, message: M.registryMissing, bloquante: false, code: 'registre-introuvable' }));
    return { writes: [], added: [], anomalies };
  }
  const col = (key: string) => located.columns.get(key);
  for (const key of ['code', 'dernierNumero'] as const) {
    if (col(key) === undefined) {
      const header = tableSection(TAB.parametres, 'services').columns.find((c) => c.key === key)!.header;
      anomalies.push(anomaly({ onglet: TAB.parametres, ligne: located.headerRow + 1, colonne: header, message: M.registryColumnMissing(header), bloquante: false, code: 'registre-colonne-absente' }));
    }
  }
  const changes: CellChanges = new Map();
  const set = (row: number, key: string, value: string | number) => {
    const c = col(key);
    if (c !== undefined) setChange(changes, row, c, value);
  };
  for (const b of bindings) {
    if (b.row && b.codeGenerated) {
      set(b.row.index, 'code', b.code);
      anomalies.push(anomaly({ onglet: TAB.parametres, ligne: b.row.index + 1, colonne: 'Code', cellule: null, message: M.registryCodeAdded(b.service, b.code), bloquante: false, code: 'registre-code-attribue' }));
    }
  }
  for (const r of registry.rows) {
    const code = r.code || bindings.find((b) => b.row === r)?.code || '';
    const n = highest.get(code);
    if (code !== '' && n !== undefined && n > 0 && n !== r.dernierNumero && n > (r.dernierNumero ?? 0)) set(r.index, 'dernierNumero', n);
  }
  // Appended rows, after the last row where a registry column holds something.
  const cols = [...located.columns.values()];
  let last = located.headerRow;
  for (let r = located.dataStart; r < registry.grid.length; r++) {
    if (cols.some((c) => !isEmptyCell(registry.grid[r]?.[c] ?? null))) last = r;
  }
  let next = last + 1;
  for (const b of bindings) {
    if (b.row) continue;
    set(next, 'service', b.service);
    set(next, 'onglet', b.tab);
    set(next, 'code', b.code);
    const n = highest.get(b.code);
    if (n !== undefined && n > 0) set(next, 'dernierNumero', n);
    anomalies.push(anomaly({ onglet: TAB.parametres, ligne: next + 1, colonne: 'Service', message: M.registryAdded(b.service, b.tab, b.code), bloquante: false, code: 'registre-service-ajoute' }));
    next++;
  }
  return { writes: blockWrites(TAB.parametres, registry.grid, changes, { ownedCols: cols }), added, anomalies };
}
