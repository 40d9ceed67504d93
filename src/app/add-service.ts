/**
 * Use case *Ajouter un service…*: registers a service in `Paramètres`, creates
 * its `Service – <Nom>` tab with the service columns and their formats, and
 * restricts editing to the service's editors. Everything is checked before
 * anything is written, so a refusal leaves the workbook untouched.
 *
 * Cost: reads `Paramètres` and the tabs the service columns' dropdowns point
 * at, once each; writes the new tab's header and the registry row, one block
 * each. The caller holds the document lock (two leads adding the same service
 * at once must not both succeed).
 */
import { sheetFormat } from '../domain/install/plan';
import { servicesMessages as msg } from '../domain/messages/services';
import { MAX_TAB_NAME_LENGTH, SERVICE_TAB, TAB, isServiceTabName } from '../domain/schema/tabs';
import type { TableSectionSpec } from '../domain/schema/types';
import type { Grid } from '../domain/table/cell';
import {
  fullServiceTabName,
  parseEditors,
  readServiceRegistry,
  registryAppend,
  sameServiceName,
  serviceCode,
  serviceTabName,
  validateServiceName,
} from '../domain/services';
import type { FormatterPort, WorkbookPort } from './ports';

/** Sheet-level edit rights. Apps Script: a sheet protection; offline: nothing to enforce. */
export interface ProtectionPort {
  /**
   * Only `editors` may edit the tab, plus those the platform always keeps
   * (the spreadsheet's owner and whoever runs the command). Replaces any
   * restriction this port set earlier on the same tab.
   */
  restrictSheet(sheet: string, editors: readonly string[]): void;
}

export interface AddServicePorts {
  readonly workbook: WorkbookPort;
  readonly formatter: FormatterPort;
  readonly protection: ProtectionPort;
}

export interface AddServiceInput {
  /** As typed: trimmed and checked here. */
  readonly name: string;
  /** As typed: comma, semicolon or line separated. */
  readonly editors: string;
  readonly referent?: string;
}

export type AddServiceResult =
  | {
      readonly ok: true;
      readonly service: string;
      readonly tab: string;
      readonly code: string;
      readonly editors: readonly string[];
      readonly truncated: boolean;
      /** The tab exists and is registered, but could not be protected. */
      readonly protectionError: string | null;
      /** French summary for the user and the Journal. */
      readonly message: string;
    }
  | { readonly ok: false; readonly message: string };

const SERVICE_SECTION = SERVICE_TAB.sections[0] as TableSectionSpec;

export function addService({ workbook, formatter, protection }: AddServicePorts, input: AddServiceInput): AddServiceResult {
  const name = validateServiceName(input.name);
  if (!name.ok) return name;
  const editors = parseEditors(input.editors);
  if (!editors.ok) return editors;

  const sheetNames = workbook.sheetNames();
  if (!sheetNames.includes(TAB.parametres)) return { ok: false, message: msg.notInstalled };
  const parametres = workbook.read(TAB.parametres);
  const registry = readServiceRegistry(parametres);
  if (!registry) return { ok: false, message: msg.notInstalled };

  const same = registry.services.find((s) => sameServiceName(s.service, name.value));
  if (same) return { ok: false, message: msg.duplicateName(same.service, same.onglet) };

  const full = fullServiceTabName(name.value);
  const registeredTabs = registry.services.filter((s) => s.onglet !== '');
  if (full.length <= MAX_TAB_NAME_LENGTH) {
    // The exact tab exists: a service someone set up by hand, or another service's tab.
    const owner = registeredTabs.find((s) => s.onglet.toLowerCase() === full.toLowerCase());
    if (owner) return { ok: false, message: msg.duplicateTab(full, owner.service) };
    if (sheetNames.some((n) => n.toLowerCase() === full.toLowerCase())) return { ok: false, message: msg.duplicateTab(full, null) };
  }
  const { tab, truncated } = serviceTabName(name.value, [...sheetNames, ...registeredTabs.map((s) => s.onglet)]);
  const code = serviceCode(name.value, registry.services.map((s) => s.code).filter((c) => c !== ''));

  // The dropdowns of a service tab point at other tabs' columns: read those once.
  const grids = new Map<string, Grid>([[TAB.parametres, parametres]]);
  for (const source of listSourceTabs()) {
    if (!grids.has(source) && sheetNames.includes(source)) grids.set(source, workbook.read(source));
  }

  workbook.createSheet(tab, insertionIndex(sheetNames));
  const header: Grid = [SERVICE_SECTION.columns.map((c) => c.header)];
  workbook.write(tab, 0, 0, header);
  grids.set(tab, header);
  formatter.applyFormat(tab, sheetFormat(SERVICE_TAB, header, grids));

  const row = registryAppend(parametres, registry.located, {
    service: name.value,
    onglet: tab,
    code,
    editeurs: editors.value.join(', '),
    referent: input.referent?.trim() || null,
  });
  workbook.write(TAB.parametres, row.row, row.col, [row.values]);

  let protectionError: string | null = null;
  try {
    protection.restrictSheet(tab, editors.value);
  } catch (e) {
    // The tab and its registry row are written: say so rather than leave the lead guessing.
    protectionError = e instanceof Error ? e.message : String(e);
  }

  const lines = [msg.added(name.value, tab, code)];
  if (truncated) lines.push(msg.truncated(tab));
  if (protectionError) lines.push(msg.protectionFailed(tab, protectionError));
  else lines.push(editors.value.length > 0 ? msg.editorsRestricted(editors.value) : msg.noEditors);
  return { ok: true, service: name.value, tab, code, editors: editors.value, truncated, protectionError, message: lines.join('\n') };
}

function listSourceTabs(): string[] {
  const tabs = new Set<string>();
  for (const c of SERVICE_SECTION.columns) if (c.list?.kind === 'column') tabs.add(c.list.tab);
  return [...tabs];
}

/** Service tabs sit together, between `Plans` and `Actions` as PRODUCT.md lists them. */
function insertionIndex(sheetNames: readonly string[]): number {
  let lastService = -1;
  sheetNames.forEach((n, i) => {
    if (isServiceTabName(n)) lastService = i;
  });
  if (lastService >= 0) return lastService + 1;
  const actions = sheetNames.indexOf(TAB.actions);
  if (actions >= 0) return actions;
  const plans = sheetNames.indexOf(TAB.plans);
  return plans >= 0 ? plans + 1 : sheetNames.length;
}
