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
import { formatDateFr } from '../format';
import { isEmptyCell, type ParsedValue } from '../parse/rows';
import { splitMulti } from '../parse/values';
import { LEAD_COLUMNS, SERVICE_COLUMNS, TAB, TABS, tableSection } from '../schema/tabs';
import type { ColumnSpec } from '../schema/types';
import { cellText, type Cell, type Grid } from '../table/cell';
import { columnLetter, locateTable, tableRows } from '../table/locate';
import {
  lookAlikeServiceTabs,
  readLookups,
  readServiceTab,
  serviceTabsIn,
  type GridLookup,
  type Lookups,
  type PlanEntry,
  tabAnomaliesInOrder,
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
import { actionsLieesParAfom, budgetsByPlan, budgetsByPlanOf, type BudgetAccess, type BudgetsByPlan } from './budgets';
import { allocateRefs, isRef, refKey, type NewRef } from './refs';
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

const NO_PLAN: readonly string[] = Object.freeze([]) as readonly string[];

/** An action's plans and budget, as budgetsByPlan counts them. */
const ACTION_BUDGET: BudgetAccess<ConsolidatedAction> = {
  ref: (a) => a.ref,
  plans: (a) => (Array.isArray(a.values.plans) ? (a.values.plans as string[]) : NO_PLAN),
  budget: (a) => (typeof a.values.budget === 'number' ? a.values.budget : null),
};

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
    // A tab's Réf.s are read only for a tab whose registry row has no code yet.
    tabs.map((t) => ({
      tab: t.tab,
      name: t.name,
      get refs() {
        return t.rows.map((r) => r.ref).filter((r) => r !== '');
      },
    })),
    registry,
    src.sheetNames,
  );
  const bindingOf = new Map<string, ServiceBinding>(bound.bindings.map((b) => [b.tab, b]));

  // Réf. allocation over every row of every service tab.
  // Each service row is a site (ServiceRow has the fields of a RefSite); a tab's sites are consecutive.
  let siteCount = 0;
  for (const t of tabs) siteCount += t.rows.length;
  const sites: ServiceRow[] = new Array(siteCount);
  const siteTabs: ServiceTabRead[] = new Array(siteCount);
  const firstSite = new Map<ServiceTabRead, number>();
  let site = 0;
  for (const t of tabs) {
    firstSite.set(t, site);
    for (let r = 0; r < t.rows.length; r++) {
      sites[site] = t.rows[r];
      siteTabs[site++] = t;
    }
  }
  const alloc = allocateRefs(sites, { refs: previous.rows.map((r) => r.refText).filter((r) => r !== ''), highest: registryHighest(registry) }, (site) => bindingOf.get(site.tab)!.code);
  const newRefAt: Array<NewRef | undefined> = new Array(sites.length);
  for (const n of alloc.newRefs) newRefAt[n.site] = n;

  // Remarks on Réf.s: events (reported once) and persistent ones (also in the Anomalies cell).
  const events = new Map<ServiceRow, Anomaly[]>();
  const persistent = new Map<ServiceRow, Anomaly[]>();
  const push = (m: Map<ServiceRow, Anomaly[]>, r: ServiceRow, a: Anomaly) => (m.get(r) ?? m.set(r, []).get(r)!).push(a);
  const refWhere = (i: number) => {
    const row = sites[i];
    const tab = siteTabs[i];
    const refCol = tab.located?.columns.get('ref');
    return { onglet: tab.tab, ligne: row.rowNumber, colonne: 'Réf.', cellule: refCol === undefined ? null : `${columnLetter(refCol)}${row.rowNumber}` };
  };
  for (let i = 0; i < sites.length; i++) {
    const row = sites[i];
    if (row.refOnly) {
      push(persistent, row, anomaly({ ...refWhere(i), message: M.refOnly(row.ref), bloquante: false, code: 'ref-seule' }));
      continue;
    }
    const n = newRefAt[i];
    if (n?.reason === 'doublon') {
      push(events, row, anomaly({ ...refWhere(i), message: M.refDuplicateAssigned(row.ref, n.keeper!.tab, n.keeper!.rowNumber, n.ref), bloquante: false, code: 'ref-en-double' }));
    } else if (row.ref !== '' && !isRef(row.ref)) {
      push(persistent, row, anomaly({ ...refWhere(i), message: M.refNonStandard(row.ref), bloquante: false, code: 'ref-non-standard' }));
    }
  }

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
    const first = firstSite.get(t)!;
    for (let i = first; i < first + t.rows.length; i++) {
      const n = newRefAt[i];
      if (n) setChange(changes, sites[i].rowNumber - 1, refCol, n.ref);
    }
    for (const w of blockWrites(t.tab, t.grid, changes, { ownedCols: [refCol], splitRows: !t.located.columns.has('ref') ? false : true })) tabWrites.push(w);
  }

  // Actions, rebuilt: the annotations of the previous Actions go back by Réf.
  // (The Réf. keys are needed only when the previous Actions has rows.)
  const currentKeys = new Set<string>();
  const siteKeys: string[] = new Array(sites.length);
  const keyed = previous.rows.length > 0;
  let actionCount = 0;
  for (let i = 0; i < sites.length; i++) {
    if (sites[i].refOnly) continue;
    actionCount++;
    if (!keyed) continue;
    const key = refKey(alloc.refs[i]);
    siteKeys[i] = key;
    currentKeys.add(key);
  }
  const carried = carryAnnotations(previous.rows, previous.layout, currentKeys);
  const layout = previous.layout;
  const columns = lineColumns(layout);
  const actions: ConsolidatedAction[] = new Array(actionCount);
  // The block, filled in place: header, one line per action, then the orphans area and the clearing rows.
  const block: Grid = new Array(1 + actionCount);
  block[0] = layout.header.slice();
  const noLead: Record<string, Cell> = Object.freeze(Object.fromEntries(LEAD_COLUMNS.map((c) => [c.key, null]))) as Record<string, Cell>;
  const annotated = carried.annotations.size > 0;
  let done = 0;
  for (const tab of tabs) {
    const b = bindingOf.get(tab.tab)!;
    const first = firstSite.get(tab)!;
    const cellsAt = serviceColumnsOf(columns, tab);
    for (let i = first; i < first + tab.rows.length; i++) {
      const row = sites[i];
      if (row.refOnly) continue;
      const ref = alloc.refs[i];
      const ann = annotated ? carried.annotations.get(siteKeys[i]) : undefined;
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
      actions[done] = action;
      block[++done] = actionLine(columns, action, tab.grid[row.rowNumber - 1] ?? [], cellsAt, ann?.extra ?? null, lead === noLead);
    }
  }
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
  while (block.length < height) block.push(columns.blank.slice());
  const actionsWrite: BlockWrite = { sheet: TAB.actions, row: previous.headerRow, col: 0, values: block };
  const actionsGrid = src.grid(TAB.actions);
  const actionsChanged = !previous.exists || !sameRegion(actionsGrid ?? [], actionsWrite);

  // Derived figures.
  const doneActions = actions;
  const budgets = budgetsByPlanOf(doneActions, ACTION_BUDGET, lookups.plans);
  // Only annotated actions can answer an AFOM item (« Répond à » is a lead column).
  const liees = lookups.afomIds
    ? actionsLieesParAfom(
        doneActions.filter((a) => a.lead !== noLead).map((a) => ({ ref: a.ref, repondA: splitMulti(a.lead.repondA ?? null) })),
        lookups.afomIds,
      )
    : new Map<string, string[]>();

  // Registry: after allocation, so the highest numbers include the new ones.
  const reg = registryUpdate(registry, bound.bindings, alloc.highest);
  writes.push(...reg.writes, ...tabWrites);
  if (actionsChanged) writes.push(actionsWrite);
  writes.push(...plansWrites(src, budgets), ...afomWrites(src, liees));

  // Anomalies in workbook order.
  const append = (list: readonly Anomaly[] | undefined) => {
    if (list) for (let i = 0; i < list.length; i++) anomalies.push(list[i]);
  };
  const pushOne = (a: Anomaly) => anomalies.push(a);
  for (const t of tabs) {
    const tabLevel = t.tabAnomalies.filter((a) => !(a.code === 'colonne-ref-absente' && tabEvents.has(t.tab)));
    const events0 = tabEvents.get(t.tab);
    tabAnomaliesInOrder(t, events0 ? [...tabLevel, ...events0] : tabLevel, (r) => {
      append(r.anomalies);
      append(persistent.get(r));
      append(events.get(r));
    }, pushOne);
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
    services: tabs.map((t) => ({ onglet: t.tab, lignes: countActions(t) })),
    budgets,
    actionsLiees: liees,
    actionsBlock: block,
  };
}

function refused(message: string, tabs: readonly ServiceTabRead[], lookups: Lookups): ConsolidationPlan {
  const anomalies: Anomaly[] = [anomaly({ onglet: TAB.actions, ligne: null, colonne: null, message, bloquante: true, code: 'actions-illisible' })];
  for (const t of tabs) tabAnomaliesInOrder(t, t.tabAnomalies, (r) => anomalies.push(...r.anomalies), (a) => anomalies.push(a));
  return {
    refusal: message,
    createActionsAt: null,
    writes: [],
    actions: [],
    orphans: [],
    newRefs: [],
    registered: [],
    anomalies,
    services: tabs.map((t) => ({ onglet: t.tab, lignes: countActions(t) })),
    budgets: budgetsByPlan([], lookups.plans),
    actionsLiees: new Map(),
    actionsBlock: [],
  };
}

/** Rows of a tab that are actions (not holding only a Réf.). */
function countActions(t: ServiceTabRead): number {
  let n = 0;
  for (let i = 0; i < t.rows.length; i++) if (!t.rows[i].refOnly) n++;
  return n;
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

/** How a service column's value is written into Actions (decided once per column). */
const Kind = { Multi: 0, Date: 1, Number: 2, List: 3, AsTyped: 4 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function kindOf(spec: ColumnSpec): Kind {
  switch (spec.type) {
    case 'multilist':
      return Kind.Multi;
    case 'date':
      return Kind.Date;
    case 'money':
    case 'number':
    case 'integer':
    case 'percent':
    case 'year':
      return Kind.Number;
    case 'list':
      return Kind.List;
    default:
      return Kind.AsTyped;
  }
}

/**
 * A service value as written into Actions: canonical when read, else the
 * cell as typed (nothing lost). `cell` is the row's cell (its `raw` value).
 */
function serviceCell(cell: Cell, key: string, kind: Kind, values: Readonly<Record<string, ParsedValue>>): Cell {
  if (isEmptyCell(cell)) return null;
  if (kind === Kind.AsTyped) return cell instanceof Date ? dateInTextColumn(cell) : cell;
  const v = values[key];
  switch (kind) {
    case Kind.Multi: {
      if (!Array.isArray(v) || v.length === 0) return asTyped(cell);
      // One value: itself (what join would give, without a new string).
      const joined = v.length === 1 && typeof v[0] === 'string' ? v[0] : v.join(', ');
      // A number or a date the list does not know stays what it was (not its text).
      return typeof cell !== 'string' && joined === cellText(cell) ? asTyped(cell) : joined;
    }
    case Kind.Date:
      return v instanceof Date ? v : asTyped(cell);
    case Kind.Number:
      return typeof v === 'number' ? v : asTyped(cell);
    case Kind.List:
      if (typeof v !== 'string' || v === '') return asTyped(cell);
      // A number or a date the list does not know stays what it was (not its text).
      return typeof cell !== 'string' && v === cellText(cell) ? asTyped(cell) : v;
  }
}

/** A cell kept as typed in a column of Actions that is not a date column. */
function asTyped(cell: Cell): Cell {
  return cell instanceof Date ? dateInTextColumn(cell) : cell;
}

/**
 * A date typed in a column that is not a date column (Pilote, Commentaire,
 * Budget…: the cell holds a date, not text) goes into Actions as its French
 * text `03/04/2025`, the way the service tab shows it: written as a date into
 * a column without a date format, Excel would show its serial number
 * (45750). A date with a time of day (UTC, as files give them) is kept as it
 * is: its text would depend on a time zone.
 */
export function dateInTextColumn(d: Date): Cell {
  const t = d.getTime();
  if (Number.isNaN(t) || t % 86_400_000 !== 0) return d;
  return formatDateFr(d);
}

interface LineColumns {
  /** A line of blanks over the layout's width (copied for each line: quicker than filling a new array). */
  readonly blank: readonly Cell[];
  /** Service columns (Réf. excepted): key, how the value is written, column in Actions. */
  readonly serviceKeys: readonly string[];
  readonly serviceKinds: readonly Kind[];
  readonly serviceAt: readonly number[];
  readonly lead: ReadonlyArray<readonly [string, number]>;
  readonly ref: number;
  readonly serviceName: number;
  readonly origine: number;
  readonly anomalies: number;
}

/** Column of each value of an action line, resolved once. */
function lineColumns(layout: ActionsLayout): LineColumns {
  const at = (key: string) => layout.index.get(key)!;
  const service = SERVICE_COLUMNS.filter((c) => c.key !== 'ref');
  return {
    blank: new Array<Cell>(layout.width).fill(null),
    serviceKeys: service.map((c) => c.key),
    serviceKinds: service.map(kindOf),
    serviceAt: service.map((c) => at(c.key)),
    lead: LEAD_COLUMNS.map((c) => [c.key, at(c.key)] as const),
    ref: at('ref'),
    serviceName: at('service'),
    origine: at('origine'),
    anomalies: at('anomalies'),
  };
}

/** Column of each service column (`serviceKeys` order) in a service tab; -1 when the tab lacks it. */
function serviceColumnsOf(cols: LineColumns, tab: ServiceTabRead): number[] {
  return cols.serviceKeys.map((k) => tab.located?.columns.get(k) ?? -1);
}

/**
 * One line of Actions. `cells` is the action's row of its service tab and
 * `cellsAt` the tab's columns (a row's `raw` record, read by index).
 * `blankLead`: the action has no annotation (its lead cells stay blank).
 */
function actionLine(cols: LineColumns, a: ConsolidatedAction, cells: readonly Cell[], cellsAt: readonly number[], extra: ReadonlyMap<number, Cell> | null, blankLead: boolean): Cell[] {
  const line: Cell[] = cols.blank.slice();
  const { serviceKeys, serviceKinds, serviceAt } = cols;
  for (let k = 0; k < serviceKeys.length; k++) {
    const at = cellsAt[k];
    const cell = at < 0 ? null : (cells[at] ?? null);
    line[serviceAt[k]] = serviceCell(cell, serviceKeys[k], serviceKinds[k], a.values);
  }
  line[cols.ref] = a.ref;
  line[cols.serviceName] = a.service;
  line[cols.origine] = a.origine;
  line[cols.anomalies] = a.anomalies.length === 0 ? null : a.anomalies.length === 1 ? a.anomalies[0].message : a.anomalies.map((x) => x.message).join('\n');
  if (!blankLead) for (const [key, c] of cols.lead) line[c] = a.lead[key] ?? null;
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
