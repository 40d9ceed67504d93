/**
 * Range protections made by hand (Données ▸ Protéger les feuilles et les
 * plages) that keep the person running a command out of cells the command
 * writes. Google refuses such a write with its own English error ("You are
 * trying to edit a protected cell or object…",
 * https://developers.google.com/apps-script/reference/spreadsheet/protection),
 * in the middle of a run that may already have written part of its output; so
 * every command that writes into the workbook's tabs declares where it writes
 * (its footprint, below), and `runCommand` refuses it up front, in French,
 * naming each tab and range, when a protection it cannot pass lies there.
 *
 * What does not block: a warning-only protection (Google only asks to
 * confirm), one the person may edit (`canEdit()`: the owner always may), the
 * add-on's own protections (recognised by their description, protection.ts:
 * Installer's are warning-only, and reading `canEdit` on each of the hundreds
 * of them would cost a call apiece), and one outside the footprint.
 *
 * Marks (notes and colours under Vérifier's and Consolider's anomalies) are
 * not in the footprints: the marker leaves out, and names, a tab where such a
 * protection lies (cell-marker.ts), and marks the others.
 *
 * Cost, once per run (GasContext.rangeBlockers): one `getProtections(RANGE)`
 * and one `getDescription` per range protection; for each hand-made one, `isWarningOnly`, `canEdit`, and its range
 * (sheet name, A1 notation, rows) when it blocks; one `getLastRow` per tab
 * appended to that such a protection covers.
 */
import { isServiceTabName, TAB, TABS } from '../domain/schema/tabs';
import { isOurProtection } from './protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A hand-made range protection the person running the command may not pass. */
export interface RangeBlocker {
  readonly tab: string;
  /** Its range in A1 notation (`B2:D40`). */
  readonly a1: string;
  /** Its description as typed by whoever made it ('' when none). */
  readonly description: string;
  /** 1-based rows it covers, inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Where a command may write. */
export type WriteTarget =
  /** Any cell of the tab. */
  | { readonly kind: 'tab'; readonly tab: string }
  /** One row below the tab's last row (the Journal). */
  | { readonly kind: 'append'; readonly tab: string }
  /** Every service tab (`Service – …`). */
  | { readonly kind: 'serviceTabs' }
  /** Every tab of the schema and every service tab (Installer formats them all). */
  | { readonly kind: 'installedTabs' };

export const writesTab = (tab: string): WriteTarget => ({ kind: 'tab', tab });
export const appendsTo = (tab: string): WriteTarget => ({ kind: 'append', tab });
export const SERVICE_TABS: WriteTarget = { kind: 'serviceTabs' };
export const INSTALLED_TABS: WriteTarget = { kind: 'installedTabs' };

const SCHEMA_TABS: ReadonlySet<string> = new Set(TABS.map((t) => t.name));

/**
 * Where each command that writes into the workbook's tabs writes (every tab a
 * run on a filled workbook was seen writing: tests/gas-e2e/range-protections.test.ts
 * keeps these honest). Générer writes its Journal row only when it can (reports/generate.ts).
 */
export const FOOTPRINTS = {
  runInstall: [INSTALLED_TABS],
  runAddService: [writesTab(TAB.parametres), appendsTo(TAB.journal)],
  runConsolidate: [writesTab(TAB.actions), writesTab(TAB.plans), writesTab(TAB.parametres), SERVICE_TABS, appendsTo(TAB.journal)],
  runCalculerScores: [writesTab(TAB.referentiel), writesTab(TAB.personnalisation), writesTab(TAB.tableauDeBord), appendsTo(TAB.journal)],
  runTableauDeBord: [
    writesTab(TAB.planActions),
    writesTab(TAB.acteurs),
    writesTab(TAB.jalons),
    writesTab(TAB.engagements),
    writesTab(TAB.indicateurs),
    writesTab(TAB.accueil),
    writesTab(TAB.audit),
    writesTab(TAB.tableauDeBord),
    appendsTo(TAB.journal),
  ],
} as const satisfies Record<string, readonly WriteTarget[]>;

/** Does the footprint cover `tab` at all (a write anywhere in it)? */
export function footprintCovers(targets: readonly WriteTarget[], tab: string): boolean {
  return targets.some((t) => targetCoversTab(t, tab));
}

function targetCoversTab(t: WriteTarget, tab: string): boolean {
  switch (t.kind) {
    case 'tab':
    case 'append':
      return t.tab === tab;
    case 'serviceTabs':
      return isServiceTabName(tab);
    case 'installedTabs':
      return SCHEMA_TABS.has(tab) || isServiceTabName(tab);
  }
}

/** Hand-made range protections, not warning-only, that the person running the script cannot edit. */
export function readRangeBlockers(spreadsheet: Spreadsheet, app: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'ProtectionType'> = SpreadsheetApp): RangeBlocker[] {
  const out: RangeBlocker[] = [];
  for (const p of spreadsheet.getProtections(app.ProtectionType.RANGE)) {
    const description = p.getDescription() ?? '';
    if (isOurProtection(description)) continue;
    if (p.isWarningOnly() || p.canEdit()) continue;
    const range = p.getRange();
    out.push({ tab: range.getSheet().getName(), a1: range.getA1Notation(), description, firstRow: range.getRow(), lastRow: range.getLastRow() });
  }
  return out;
}

/** The blockers that lie where the footprint writes (`lastRowOf`: the tab's last row with content, asked only when needed). */
export function blockersIn(blockers: readonly RangeBlocker[], targets: readonly WriteTarget[], lastRowOf: (tab: string) => number): RangeBlocker[] {
  const lastRows = new Map<string, number>();
  const lastRow = (tab: string) => {
    let n = lastRows.get(tab);
    if (n === undefined) lastRows.set(tab, (n = lastRowOf(tab)));
    return n;
  };
  return blockers.filter((b) =>
    targets.some((t) => {
      if (!targetCoversTab(t, b.tab)) return false;
      if (t.kind !== 'append') return true;
      // The appended row is the one below the last: a protection over the rows above leaves it free.
      const next = lastRow(b.tab) + 1;
      return b.firstRow <= next && next <= b.lastRow;
    }),
  );
}

/** The hand-made protections a command with this footprint would run into, read before it writes anything. */
export function rangeBlockersFor(
  spreadsheet: Spreadsheet,
  targets: readonly WriteTarget[],
  blockers: readonly RangeBlocker[] = readRangeBlockers(spreadsheet),
): RangeBlocker[] {
  if (blockers.length === 0) return [];
  return blockersIn(blockers, targets, (tab) => spreadsheet.getSheetByName(tab)?.getLastRow() ?? 0);
}
