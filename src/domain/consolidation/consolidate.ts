/**
 * *Consolider les services*, pure: from the grids of the workbook (each read
 * once), everything consolidation will write, computed before any write.
 *
 * Writes, in the order the use case applies them:
 * 1. `Paramètres` registry: codes given, `Dernier n° de Réf.` raised, tabs
 *    not registered yet appended (numbers are reserved before being used);
 * 2. each service tab: the missing (or duplicated) Réf.s, one write per run of
 *    consecutive rows in the Réf. column, nothing else ever;
 * 3. `Actions`: header, actions, orphans area, and blank cells clearing what
 *    was below, in one block from the header row;
 * 4. `Plans` computed columns (Nb d'actions EC, Budget EC (€)) in one block;
 * 5. `AFOM` › Actions liées in one block.
 * A block equal to what is already there is not written.
 *
 * Idempotent: on its own output it plans no write to `Actions`, `Plans`,
 * `AFOM`, `Paramètres` or service tabs.
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { BlockWrite } from '../install/plan';
import { CONSOLIDATION_MESSAGES as M } from '../messages/consolidation';
import { VALIDATION_MESSAGES as VM } from '../messages/validation';
import { isEmptyCell, type ParsedValue } from '../parse/rows';
import { splitMulti } from '../parse/values';
import { LEAD_COLUMNS, SERVICE_COLUMNS, TAB, TABS, tableSection } from '../schema/tabs';
import type { ColumnSpec } from '../schema/types';
import type { Cell, Grid } from '../table/cell';
import { columnLetter, locateTable, tableRows } from '../table/locate';
import {
  lookAlikeServiceTabs,
  readLookups,
  readServiceTab,
  serviceTabsIn,
  type GridLookup,
  type Lookups,
  type PlanEntry,
  type ServiceRow,
  type ServiceTabRead,
} from '../validation/service-tabs';
import {
  annotationsOf,
  canonicalLead,
  orphanMessage,
  orphansTitleRow,
  readPreviousActions,
  sameAnnotations,
  type Annotations,
  type ActionsLayout,
  type PreviousActionRow,
} from './actions-tab';
import { blockWrites, sameCell, setChange, type CellChanges } from './blocks';
import { actionsLieesParAfom, budgetsByPlan, type BudgetsByPlan } from './budgets';
import { allocateRefs, parseRef, refKey } from './refs';
import { bindServices, readRegistry, registryHighest, registryUpdate, type ServiceBinding } from './registry';

/** The `consolidate --report` JSON (PRODUCT.md): field names and shape are a contract. */
export interface ConsolidationReport {
  readonly services: ReadonlyArray<{ readonly onglet: string; readonly lignes: number }>;
  readonly actions: number;
  readonly anomalies: ReadonlyArray<{
    readonly onglet: string;
    readonly ligne: number | null;
    readonly colonne: string | null;
    readonly message: string;
    readonly bloquante: boolean;
  }>;
}

/** One row of the rebuilt `Actions`. */
export interface ConsolidatedAction {
  readonly ref: string;
  /** Registry name, or the name taken from the tab. */
  readonly service: string;
  readonly code: string;
  readonly onglet: string;
  /** 1-based row in the service tab. */
  readonly ligne: number;
  /** `Service – Déchets, ligne 12`. */
  readonly origine: string;
  /** Service columns by key, canonical where a list knows the value (dates as UTC midnights). */
  readonly values: Readonly<Record<string, ParsedValue>>;
  /** Lead columns by key, as written into `Actions`. */
  readonly lead: Readonly<Record<string, Cell>>;
  /** The row's anomalies (those written in its Anomalies cell). */
  readonly anomalies: readonly Anomaly[];
}

export type OrphanReason = 'retiree' | 'doublon' | 'manuelle' | 'sans-ref';

export interface OrphanRow {
  readonly ref: string;
  readonly origine: string;
  readonly reason: OrphanReason;
  readonly message: string;
}

export interface NewRefInfo {
  readonly onglet: string;
  readonly ligne: number;
  readonly ref: string;
  readonly raison: 'manquante' | 'doublon';
}

export interface ConsolidationPlan {
  /** French reason when consolidation must not run (nothing is written); null otherwise. */
  readonly refusal: string | null;
  /** Position at which to create `Actions` when the tab does not exist, else null. */
  readonly createActionsAt: number | null;
  readonly writes: readonly BlockWrite[];
  readonly actions: readonly ConsolidatedAction[];
  readonly orphans: readonly OrphanRow[];
  readonly newRefs: readonly NewRefInfo[];
  readonly registered: ReadonlyArray<{ readonly service: string; readonly onglet: string; readonly code: string }>;
  /** Every anomaly: service tabs (tab and rows), Réf. and registry remarks, in workbook order. */
  readonly anomalies: readonly Anomaly[];
  readonly services: ReadonlyArray<{ readonly onglet: string; readonly lignes: number }>;
  readonly budgets: BudgetsByPlan<PlanEntry>;
  /** AFOM id → Réf.s of the actions answering it. */
  readonly actionsLiees: ReadonlyMap<string, readonly string[]>;
  /** The `Actions` block as written from its header row (header, actions, orphans, clearing rows). */
  readonly actionsBlock: Grid;
}

const ACTIONS_INDEX = TABS.findIndex((t) => t.name === TAB.actions);

export function planConsolidation(src: GridLookup): ConsolidationPlan {
  const anomalies: Anomaly[] = [];
  for (const t of lookAlikeServiceTabs(src.sheetNames)) {
    anomalies.push(anomaly({ onglet: t, ligne: null, colonne: null, message: VM.ignoredTab(t), bloquante: false, code: 'onglet-ignore' }));
  }
  const lookups = readLookups(src);
  const tabs = serviceTabsIn(src.sheetNames).map((n) => readServiceTab(n, src.grid(n.tab) ?? [], lookups));
  const previous = readPreviousActions(src.grid(TAB.actions));
  if (previous.unreadable) return refused(M.actionsUnreadable, tabs, lookups);

  const registry = readRegistry(src.grid(TAB.parametres));
  const bound = bindServices(
    tabs.map((t) => ({ tab: t.tab, name: t.name, refs: t.rows.map((r) => r.ref).filter((r) => r !== '') })),
    registry,
    src.sheetNames,
  );
  const bindingOf = new Map<string, ServiceBinding>(bound.bindings.map((b) => [b.tab, b]));

  // Réf. allocation over every row of every service tab.
  // Each service row is a site (ServiceRow has the fields of a RefSite).
  const sites: ServiceRow[] = [];
  const siteTabs: ServiceTabRead[] = [];
  for (const t of tabs) {
    for (const r of t.rows) {
      sites.push(r);
      siteTabs.push(t);
    }
  }
  const alloc = allocateRefs(sites, { refs: previous.rows.map((r) => r.refText).filter((r) => r !== ''), highest: registryHighest(registry) }, (site) => bindingOf.get(site.tab)!.code);
  const newRefBySite = new Map(alloc.newRefs.map((n) => [n.site, n]));
  const sitesOfTab = new Map<ServiceTabRead, number[]>();
  siteTabs.forEach((tab, i) => (sitesOfTab.get(tab) ?? sitesOfTab.set(tab, []).get(tab)!).push(i));

  // Remarks on Réf.s: events (reported once) and persistent ones (also in the Anomalies cell).
  const events = new Map<ServiceRow, Anomaly[]>();
  const persistent = new Map<ServiceRow, Anomaly[]>();
  const push = (m: Map<ServiceRow, Anomaly[]>, r: ServiceRow, a: Anomaly) => (m.get(r) ?? m.set(r, []).get(r)!).push(a);
  sites.forEach((row, i) => {
    const tab = siteTabs[i];
    const refCol = tab.located?.columns.get('ref');
    const where = { onglet: tab.tab, ligne: row.rowNumber, colonne: 'Réf.', cellule: refCol === undefined ? null : `${columnLetter(refCol)}${row.rowNumber}` };
    if (row.refOnly) {
      push(persistent, row, anomaly({ ...where, message: M.refOnly(row.ref), bloquante: false, code: 'ref-seule' }));
      return;
    }
    const n = newRefBySite.get(i);
    if (n?.reason === 'doublon') {
      push(events, row, anomaly({ ...where, message: M.refDuplicateAssigned(row.ref, n.keeper!.tab, n.keeper!.rowNumber, n.ref), bloquante: false, code: 'ref-en-double' }));
    } else if (row.ref !== '' && !parseRef(row.ref)) {
      push(persistent, row, anomaly({ ...where, message: M.refNonStandard(row.ref), bloquante: false, code: 'ref-non-standard' }));
    }
  });

  // Service tabs: the Réf. column only.
  const writes: BlockWrite[] = [];
  const tabWrites: BlockWrite[] = [];
  const tabEvents = new Map<string, Anomaly[]>();
  for (const t of tabs) {
    if (!t.located) continue;
    const changes: CellChanges = new Map();
    let refCol = t.located.columns.get('ref');
    if (refCol === undefined) {
      refCol = freeColumn(t.grid, t.located.headerRow);
      setChange(changes, t.located.headerRow, refCol, SERVICE_COLUMNS[0].header);
      tabEvents.set(t.tab, [anomaly({ onglet: t.tab, ligne: t.located.headerRow + 1, colonne: 'Réf.', cellule: `${columnLetter(refCol)}${t.located.headerRow + 1}`, message: M.refColumnAdded(columnLetter(refCol)), bloquante: false, code: 'colonne-ref-ajoutee' })]);
    }
    for (const i of sitesOfTab.get(t) ?? []) {
      const n = newRefBySite.get(i);
      if (n) setChange(changes, sites[i].rowNumber - 1, refCol, n.ref);
    }
    tabWrites.push(...blockWrites(t.tab, t.grid, changes, { ownedCols: [refCol], splitRows: !t.located.columns.has('ref') ? false : true }));
  }

  // Actions, rebuilt: the annotations of the previous Actions go back by Réf.
  const currentKeys = new Set<string>();
  sites.forEach((row, i) => {
    if (!row.refOnly) currentKeys.add(refKey(alloc.refs[i]));
  });
  const carried = carryAnnotations(previous.rows, previous.layout, currentKeys);
  const layout = previous.layout;
  const columns = lineColumns(layout);
  const actions: ConsolidatedAction[] = [];
  const block: Grid = [layout.header.slice()];
  const noLead: Record<string, Cell> = Object.freeze(Object.fromEntries(LEAD_COLUMNS.map((c) => [c.key, null]))) as Record<string, Cell>;
  sites.forEach((row, i) => {
    if (row.refOnly) return;
    const tab = siteTabs[i];
    const b = bindingOf.get(tab.tab)!;
    const ref = alloc.refs[i];
    const ann = carried.annotations.get(refKey(ref));
    let lead = noLead;
    if (ann) {
      lead = {};
      for (const c of LEAD_COLUMNS) lead[c.key] = canonicalLead(c.key, ann.lead[c.key] ?? null, lookups.afomIds);
    }
    const extraAnomalies = persistent.get(row);
    const action: ConsolidatedAction = {
      ref,
      service: b.service,
      code: b.code,
      onglet: tab.tab,
      ligne: row.rowNumber,
      origine: M.origine(tab.tab, row.rowNumber),
      values: row.values,
      lead,
      anomalies: extraAnomalies ? [...row.anomalies, ...extraAnomalies] : row.anomalies,
    };
    actions.push(action);
    block.push(actionLine(layout, columns, action, row.raw, ann?.extra ?? null));
  });
  const orphans: OrphanRow[] = [];
  if (carried.orphans.length > 0) {
    block.push(new Array(layout.width).fill(null));
    block.push(orphansTitleRow(layout));
    for (const o of carried.orphans) {
      const message = orphanMessage(o, currentKeys);
      const line = o.cells.slice();
      line[layout.index.get('anomalies')!] = message;
      block.push(line);
      orphans.push({ ref: o.refText, origine: o.origine, reason: orphanReason(o, currentKeys), message });
    }
  }
  const height = Math.max(block.length, previous.height - previous.headerRow);
  while (block.length < height) block.push(new Array(layout.width).fill(null));
  const actionsWrite: BlockWrite = { sheet: TAB.actions, row: previous.headerRow, col: 0, values: block };
  const actionsGrid = src.grid(TAB.actions);
  const actionsChanged = !previous.exists || !sameRegion(actionsGrid ?? [], actionsWrite);

  // Derived figures.
  const doneActions = actions;
  const budgets = budgetsByPlan(
    doneActions.map((a) => ({ ref: a.ref, plans: Array.isArray(a.values.plans) ? (a.values.plans as string[]) : [], budget: typeof a.values.budget === 'number' ? a.values.budget : null })),
    lookups.plans,
  );
  const liees = lookups.afomIds
    ? actionsLieesParAfom(doneActions.map((a) => ({ ref: a.ref, repondA: splitMulti(a.lead.repondA ?? null) })), lookups.afomIds)
    : new Map<string, string[]>();

  // Registry: after allocation, so the highest numbers include the new ones.
  const reg = registryUpdate(registry, bound.bindings, alloc.highest);
  writes.push(...reg.writes, ...tabWrites);
  if (actionsChanged) writes.push(actionsWrite);
  writes.push(...plansWrites(src, budgets), ...afomWrites(src, liees));

  // Anomalies in workbook order.
  for (const t of tabs) {
    const tabLevel = t.tabAnomalies.filter((a) => !(a.code === 'colonne-ref-absente' && tabEvents.has(t.tab)));
    anomalies.push(...tabLevel, ...(tabEvents.get(t.tab) ?? []));
    for (const r of t.rows) anomalies.push(...r.anomalies, ...(persistent.get(r) ?? []), ...(events.get(r) ?? []));
  }
  anomalies.push(...bound.anomalies, ...reg.anomalies);

  return {
    refusal: null,
    createActionsAt: previous.exists ? null : ACTIONS_INDEX,
    writes,
    actions: doneActions,
    orphans,
    newRefs: alloc.newRefs.map((n) => ({ onglet: sites[n.site].tab, ligne: sites[n.site].rowNumber, ref: n.ref, raison: n.reason })),
    registered: reg.added,
    anomalies,
    services: tabs.map((t) => ({ onglet: t.tab, lignes: t.rows.filter((r) => !r.refOnly).length })),
    budgets,
    actionsLiees: liees,
    actionsBlock: block,
  };
}

function refused(message: string, tabs: readonly ServiceTabRead[], lookups: Lookups): ConsolidationPlan {
  const anomalies: Anomaly[] = [anomaly({ onglet: TAB.actions, ligne: null, colonne: null, message, bloquante: true, code: 'actions-illisible' })];
  for (const t of tabs) {
    anomalies.push(...t.tabAnomalies);
    for (const r of t.rows) anomalies.push(...r.anomalies);
  }
  return {
    refusal: message,
    createActionsAt: null,
    writes: [],
    actions: [],
    orphans: [],
    newRefs: [],
    registered: [],
    anomalies,
    services: tabs.map((t) => ({ onglet: t.tab, lignes: t.rows.filter((r) => !r.refOnly).length })),
    budgets: budgetsByPlan([], lookups.plans),
    actionsLiees: new Map(),
    actionsBlock: [],
  };
}

/** The first column right of the header's last cell that is blank in every row from the header down. */
function freeColumn(grid: Grid, headerRow: number): number {
  const header = grid[headerRow] ?? [];
  let c = header.length;
  while (c > 0 && isEmptyCell(header[c - 1])) c--;
  for (;;) {
    let free = true;
    for (let r = headerRow; r < grid.length && free; r++) free = isEmptyCell(grid[r]?.[c] ?? null);
    if (free) return c;
    c++;
  }
}

interface Carried {
  /** Réf. key → annotations to put back on the action. */
  readonly annotations: ReadonlyMap<string, Annotations>;
  /** Rows of the orphans area, in order: those already there, then the new ones. */
  readonly orphans: readonly PreviousActionRow[];
}

/**
 * Where each row of the previous `Actions` goes: its annotations back on its
 * action (by Réf.), into the orphans area, or nowhere when it holds nothing
 * of the lead's (a removed action without annotations).
 */
function carryAnnotations(rows: readonly PreviousActionRow[], layout: ActionsLayout, current: ReadonlySet<string>): Carried {
  const fromMain = new Map<string, Annotations>();
  const newOrphans: PreviousActionRow[] = [];
  for (const row of rows) {
    if (row.inOrphanArea) continue;
    if (row.manual) {
      newOrphans.push(row);
      continue;
    }
    if (row.key !== '' && current.has(row.key)) {
      if (!row.hasLeadContent) continue;
      const ann = annotationsOf(row, layout);
      const first = fromMain.get(row.key);
      if (!first) fromMain.set(row.key, ann);
      else if (!sameAnnotations(first, ann)) newOrphans.push(row);
      continue;
    }
    if (row.hasLeadContent) newOrphans.push(row);
  }
  const annotations = new Map(fromMain);
  const kept: PreviousActionRow[] = [];
  for (const row of rows) {
    if (!row.inOrphanArea) continue;
    if (!row.manual && row.key !== '' && current.has(row.key)) {
      if (!row.hasLeadContent) continue;
      const ann = annotationsOf(row, layout);
      const attached = annotations.get(row.key);
      if (!attached) annotations.set(row.key, ann);
      else if (!sameAnnotations(attached, ann)) kept.push(row);
      continue;
    }
    if (row.manual || row.hasLeadContent) kept.push(row);
  }
  return { annotations, orphans: [...kept, ...newOrphans] };
}

function orphanReason(row: PreviousActionRow, current: ReadonlySet<string>): OrphanReason {
  if (row.key !== '' && current.has(row.key) && !row.manual) return 'doublon';
  if (row.manual) return 'manuelle';
  return row.key !== '' ? 'retiree' : 'sans-ref';
}

/** A service value as written into Actions: canonical when read, else the cell as typed (nothing lost). */
function serviceCell(spec: ColumnSpec, values: Readonly<Record<string, ParsedValue>>, raw: Readonly<Record<string, Cell>>): Cell {
  const cell = raw[spec.key] ?? null;
  if (isEmptyCell(cell)) return null;
  const v = values[spec.key];
  switch (spec.type) {
    case 'multilist':
      return Array.isArray(v) && v.length > 0 ? v.join(', ') : cell;
    case 'date':
      return v instanceof Date ? v : cell;
    case 'money':
    case 'number':
    case 'integer':
    case 'percent':
    case 'year':
      return typeof v === 'number' ? v : cell;
    case 'list':
      return typeof v === 'string' && v !== '' ? v : cell;
    default:
      return cell;
  }
}

interface LineColumns {
  readonly service: ReadonlyArray<readonly [ColumnSpec, number]>;
  readonly lead: ReadonlyArray<readonly [string, number]>;
  readonly ref: number;
  readonly serviceName: number;
  readonly origine: number;
  readonly anomalies: number;
}

/** Column of each value of an action line, resolved once. */
function lineColumns(layout: ActionsLayout): LineColumns {
  const at = (key: string) => layout.index.get(key)!;
  return {
    service: SERVICE_COLUMNS.filter((c) => c.key !== 'ref').map((c) => [c, at(c.key)] as const),
    lead: LEAD_COLUMNS.map((c) => [c.key, at(c.key)] as const),
    ref: at('ref'),
    serviceName: at('service'),
    origine: at('origine'),
    anomalies: at('anomalies'),
  };
}

function actionLine(layout: ActionsLayout, cols: LineColumns, a: ConsolidatedAction, raw: Readonly<Record<string, Cell>>, extra: ReadonlyMap<number, Cell> | null): Cell[] {
  const line: Cell[] = new Array(layout.width).fill(null);
  for (const [spec, c] of cols.service) line[c] = serviceCell(spec, a.values, raw);
  line[cols.ref] = a.ref;
  line[cols.serviceName] = a.service;
  line[cols.origine] = a.origine;
  line[cols.anomalies] = a.anomalies.length === 0 ? null : a.anomalies.length === 1 ? a.anomalies[0].message : a.anomalies.map((x) => x.message).join('\n');
  for (const [key, c] of cols.lead) line[c] = a.lead[key] ?? null;
  if (extra) for (const [c, v] of extra) line[c] = v;
  return line;
}

function sameRegion(grid: Grid, w: BlockWrite): boolean {
  const height = Math.max(w.values.length, grid.length - w.row);
  for (let i = 0; i < height; i++) {
    const line = w.values[i];
    const current = grid[w.row + i] ?? [];
    if (!line) return false;
    const width = Math.max(line.length, current.length - w.col);
    for (let j = 0; j < width; j++) {
      if (j >= line.length) {
        if (!isEmptyCell(current[w.col + j] ?? null)) return false;
        continue;
      }
      if (!sameCell(current[w.col + j] ?? null, line[j])) return false;
    }
  }
  return true;
}

/** `Plans` › Nb d'actions EC and Budget EC (€), one block over the plans' rows. */
function plansWrites(src: GridLookup, budgets: BudgetsByPlan<PlanEntry>): BlockWrite[] {
  const grid = src.grid(TAB.plans);
  if (!grid) return [];
  const located = locateTable(grid, tableSection(TAB.plans, 'plans'));
  if (!located) return [];
  const nb = located.columns.get('nbActions');
  const bu = located.columns.get('budgetEc');
  const owned = [nb, bu].filter((c): c is number => c !== undefined);
  if (owned.length === 0) return [];
  const changes: CellChanges = new Map();
  for (const p of budgets.parPlan) {
    const r = p.plan.rowNumber - 1;
    if (nb !== undefined) setChange(changes, r, nb, p.nbActions);
    if (bu !== undefined) setChange(changes, r, bu, p.budget);
  }
  return blockWrites(TAB.plans, grid, changes, { ownedCols: owned });
}

/** `AFOM` › Actions liées, one block over the AFOM rows. */
function afomWrites(src: GridLookup, liees: ReadonlyMap<string, readonly string[]>): BlockWrite[] {
  const grid = src.grid(TAB.afom);
  if (!grid) return [];
  const located = locateTable(grid, tableSection(TAB.afom, 'afom'));
  const col = located?.columns.get('actionsLiees');
  if (!located || col === undefined) return [];
  const changes: CellChanges = new Map();
  for (const r of tableRows(grid, located)) {
    const id = String(r.cells.id ?? '').trim();
    const refs = liees.get(id) ?? [];
    setChange(changes, r.index, col, refs.length > 0 ? refs.join(', ') : null);
  }
  return blockWrites(TAB.afom, grid, changes, { ownedCols: [col] });
}

/** The report JSON of `consolidate --report`: exactly the contract's fields. */
export function consolidationReport(plan: Pick<ConsolidationPlan, 'services' | 'actions' | 'anomalies'>): ConsolidationReport {
  return {
    services: plan.services.map((s) => ({ onglet: s.onglet, lignes: s.lignes })),
    actions: plan.actions.length,
    anomalies: plan.anomalies.map((a) => ({ onglet: a.onglet, ligne: a.ligne, colonne: a.colonne, message: a.message, bloquante: a.bloquante })),
  };
}
