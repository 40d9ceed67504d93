/**
 * *Vérifier les saisies*, pure: every anomaly of the workbook, service tabs
 * and other tabs, located (tab, row, column, A1 cell), in workbook order.
 *
 * - Service tabs: `readServiceTab` (columns by header, French formats, lists,
 *   référentiel, plans, dates, duplicates), Réf.s (copied rows, odd Réf.s,
 *   rows holding only a Réf.), tabs that look like service tabs but are not.
 * - Other tabs: `readWorkbookModel`'s anomalies. In `Actions`, only the
 *   lead's columns and the tab itself are checked: its service columns are
 *   copies of the service tabs, reported there once.
 * - `Paramètres`: registered tabs that no longer exist.
 */
import { anomaly, type Anomaly } from '../anomaly';
import { CONSOLIDATION_MESSAGES as CM } from '../messages/consolidation';
import { VALIDATION_MESSAGES as VM } from '../messages/validation';
import { readWorkbookModel, type GridSource } from '../model/read';
import type { ModelRead } from '../model/types';
import { LEAD_COLUMNS, SERVICE_COLUMNS, TAB } from '../schema/tabs';
import { columnLetter } from '../table/locate';
import { duplicateRefs, parseRef, type RefSite } from '../consolidation/refs';
import { bindServices, readRegistry } from '../consolidation/registry';
import { lookAlikeServiceTabs, readLookups, readServiceTab, serviceTabsIn, tabAnomaliesInOrder, type ServiceTabRead } from './service-tabs';

export interface ValidationResult {
  /** Every anomaly, tabs in workbook order, rows in order inside a tab. */
  readonly anomalies: readonly Anomaly[];
  readonly serviceTabs: readonly ServiceTabRead[];
  readonly model: ModelRead;
}

const LEAD_HEADERS = new Set(LEAD_COLUMNS.map((c) => c.header));
const ACTIONS_SCHEMA_HEADERS = new Set([...SERVICE_COLUMNS.map((c) => c.header), 'Service', 'Origine', 'Anomalies']);

export function validateWorkbook(src: GridSource): ValidationResult {
  const model = readWorkbookModel(src);
  const anomalies: Anomaly[] = [];
  for (const a of model.anomalies) {
    if (a.onglet === TAB.actions && a.colonne !== null && ACTIONS_SCHEMA_HEADERS.has(a.colonne) && !LEAD_HEADERS.has(a.colonne)) continue;
    anomalies.push(a);
  }
  for (const t of lookAlikeServiceTabs(src.sheetNames)) {
    anomalies.push(anomaly({ onglet: t, ligne: null, colonne: null, message: VM.ignoredTab(t), bloquante: false, code: 'onglet-ignore' }));
  }
  const lookups = readLookups(src);
  const tabs = serviceTabsIn(src.sheetNames).map((n) => readServiceTab(n, src.grid(n.tab) ?? [], lookups));
  const registry = readRegistry(src.grid(TAB.parametres));
  const bound = bindServices(tabs.map((t) => ({ tab: t.tab, name: t.name, refs: t.rows.map((r) => r.ref).filter((r) => r !== '') })), registry, src.sheetNames);
  const codes = new Map(bound.bindings.map((b) => [b.tab, b.code]));
  anomalies.push(...serviceAnomalies(tabs, (tab) => codes.get(tab) ?? ''));
  anomalies.push(...bound.anomalies);
  return { anomalies: inWorkbookOrder(anomalies, src.sheetNames), serviceTabs: tabs, model };
}

/** Anomalies of the service tabs, Réf. remarks included (no Réf. is assigned here). */
export function serviceAnomalies(tabs: readonly ServiceTabRead[], codeOf: (tab: string) => string): Anomaly[] {
  const out: Anomaly[] = [];
  const sites: RefSite[] = [];
  const cellOf = new Map<RefSite, string | null>();
  for (const t of tabs) {
    const refCol = t.located?.columns.get('ref');
    for (const r of t.rows) {
      const site: RefSite = r;
      sites.push(site);
      cellOf.set(site, refCol === undefined ? null : `${columnLetter(refCol)}${r.rowNumber}`);
    }
  }
  const extra = new Map<RefSite, Anomaly[]>();
  const add = (s: RefSite, a: Anomaly) => (extra.get(s) ?? extra.set(s, []).get(s)!).push(a);
  for (const d of duplicateRefs(sites, (site) => codeOf(site.tab))) {
    const s = sites[d.site];
    const k = sites[d.keeper];
    add(s, anomaly({ onglet: s.tab, ligne: s.rowNumber, colonne: 'Réf.', cellule: cellOf.get(s) ?? null, message: CM.refDuplicateFuture(s.ref, k.tab, k.rowNumber), bloquante: false, code: 'ref-en-double' }));
  }
  for (const s of sites) {
    const where = { onglet: s.tab, ligne: s.rowNumber, colonne: 'Réf.', cellule: cellOf.get(s) ?? null };
    if (s.refOnly) add(s, anomaly({ ...where, message: CM.refOnly(s.ref), bloquante: false, code: 'ref-seule' }));
    else if (s.ref !== '' && !parseRef(s.ref)) add(s, anomaly({ ...where, message: CM.refNonStandard(s.ref), bloquante: false, code: 'ref-non-standard' }));
  }
  let i = 0;
  for (const t of tabs) {
    tabAnomaliesInOrder(t, t.tabAnomalies, (r) => {
      const s = sites[i++];
      out.push(...r.anomalies, ...(extra.get(s) ?? []));
    }, (a) => out.push(a));
  }
  return out;
}

/** Stable sort by the tabs' order in the workbook (unknown tabs last), keeping each tab's own order. */
export function inWorkbookOrder(list: readonly Anomaly[], sheetNames: readonly string[]): Anomaly[] {
  const rank = new Map(sheetNames.map((n, i) => [n, i]));
  return list
    .map((a, i) => ({ a, i, t: rank.get(a.onglet) ?? sheetNames.length }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.a);
}
