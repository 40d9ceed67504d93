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
 * and one `getDescription` per range protection; for each hand-made one,
 * `isWarningOnly`, `canEdit`, and its range (sheet name, A1 notation, rows,
 * columns) when it blocks. Placing the footprint reads, through the command's
 * cached workbook, only tabs the command reads anyway, and only when a
 * blocker lies in one of its tabs.
 */
import type { WorkbookPort } from '../app/ports';
import { planConsolidation } from '../domain/consolidation/consolidate';
import { memoSource } from '../domain/model/read';
import { isServiceTabName, TAB, TABS } from '../domain/schema/tabs';
import type { Grid } from '../domain/table/cell';
import { isOurProtection } from './protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A hand-made range protection the person running the command may not pass. */
export interface RangeBlocker {
  readonly tab: string;
  /** Its range in A1 notation (`B2:D40`). */
  readonly a1: string;
  /** Its description as typed by whoever made it ('' when none). */
  readonly description: string;
  /** 1-based rows and columns it covers, inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

/** A block a command's plan will write (0-based, as WorkbookPort.write takes it). */
export interface PlannedBlock {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly values: Grid;
}

/** What the guard may read to place a footprint: the command's own cached workbook (no read is wasted). */
export type GuardWorkbook = Pick<WorkbookPort, 'sheetNames' | 'read'>;

/** Where a command may write. */
export type WriteTarget =
  /** Any cell of the tab. */
  | { readonly kind: 'tab'; readonly tab: string }
  /** One row below the tab's last row (the Journal). */
  | { readonly kind: 'append'; readonly tab: string }
  /** Every tab of the schema and every service tab (Installer formats them all). */
  | { readonly kind: 'installedTabs' }
  /**
   * Exactly the blocks the command's pure plan will write in the tabs `mayTouch` accepts, computed
   * (only when a protection lies in such a tab) from the grids the command reads anyway.
   */
  | { readonly kind: 'planned'; readonly mayTouch: (tab: string) => boolean; readonly blocks: (workbook: GuardWorkbook) => readonly PlannedBlock[] };

export const writesTab = (tab: string): WriteTarget => ({ kind: 'tab', tab });
export const appendsTo = (tab: string): WriteTarget => ({ kind: 'append', tab });
export const INSTALLED_TABS: WriteTarget = { kind: 'installedTabs' };

const SCHEMA_TABS: ReadonlySet<string> = new Set(TABS.map((t) => t.name));

/**
 * Consolider's writes but its Journal row: the registry, the missing Réf.s of the service tabs
 * (the Réf. column only: a service protecting her validated rows by hand does not stop the
 * consolidation unless a Réf. must be written there), `Actions`, `Plans` and `AFOM`.
 */
const CONSOLIDATION_WRITES: WriteTarget = {
  kind: 'planned',
  mayTouch: (tab) => isServiceTabName(tab) || tab === TAB.parametres || tab === TAB.actions || tab === TAB.plans || tab === TAB.afom,
  blocks: (workbook) => {
    const names = workbook.sheetNames();
    return planConsolidation(memoSource(names, (n) => workbook.read(n))).writes;
  },
};

/**
 * Where each command that writes into the workbook's tabs writes, as read from
 * its use cases (tests/gas-e2e/range-protections.test.ts checks that every tab
 * a run on a filled workbook was seen writing is covered). Générer and the
 * exports write their Journal (and Historique) row only when they can
 * (reports/generate.ts).
 */
export const FOOTPRINTS = {
  runInstall: [INSTALLED_TABS],
  runAddService: [writesTab(TAB.parametres), appendsTo(TAB.journal)],
  runConsolidate: [CONSOLIDATION_WRITES, appendsTo(TAB.journal)],
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
    case 'installedTabs':
      return SCHEMA_TABS.has(tab) || isServiceTabName(tab);
    case 'planned':
      return t.mayTouch(tab);
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
    out.push({
      tab: range.getSheet().getName(),
      a1: range.getA1Notation(),
      description,
      firstRow: range.getRow(),
      lastRow: range.getLastRow(),
      firstCol: range.getColumn(),
      lastCol: range.getLastColumn(),
    });
  }
  return out;
}

/** Does the blocker cover any cell of the block (0-based)? */
function overlaps(b: RangeBlocker, block: PlannedBlock): boolean {
  const rows = block.values.length;
  const cols = block.values.reduce((m, r) => Math.max(m, r.length), 0);
  if (rows === 0 || cols === 0) return false;
  return b.firstRow <= block.row + rows && block.row + 1 <= b.lastRow && b.firstCol <= block.col + cols && block.col + 1 <= b.lastCol;
}

/** The blockers that lie where the footprint writes. */
export function blockersIn(blockers: readonly RangeBlocker[], targets: readonly WriteTarget[], workbook: GuardWorkbook): RangeBlocker[] {
  const plans = new Map<WriteTarget, readonly PlannedBlock[] | null>();
  const planOf = (t: Extract<WriteTarget, { kind: 'planned' }>) => {
    if (!plans.has(t)) {
      try {
        plans.set(t, t.blocks(workbook));
      } catch {
        // The command's own plan will stop on this too, before writing; meanwhile, the whole tab.
        plans.set(t, null);
      }
    }
    return plans.get(t)!;
  };
  return blockers.filter((b) =>
    targets.some((t) => {
      if (!targetCoversTab(t, b.tab)) return false;
      if (t.kind === 'append') {
        // The appended row is the one below the last: a protection over the rows above leaves it free.
        const next = workbook.read(b.tab).length + 1;
        return b.firstRow <= next && next <= b.lastRow;
      }
      if (t.kind === 'planned') {
        const blocks = planOf(t);
        return blocks === null || blocks.some((block) => block.sheet === b.tab && overlaps(b, block));
      }
      return true;
    }),
  );
}

/** The hand-made protections a command with this footprint would run into, read before it writes anything. */
export function rangeBlockersFor(workbook: GuardWorkbook, targets: readonly WriteTarget[], blockers: readonly RangeBlocker[]): RangeBlocker[] {
  return blockers.length === 0 ? [] : blockersIn(blockers, targets, workbook);
}
