/**
 * The sidebar (HtmlService, 300 px): the dashboard figures and the anomalies of the last check,
 * where the lead works. `dist/sidebar.html` is built by scripts/build-html.mjs from
 * `src/gas/html/` (stylesheet and client script inlined).
 *
 * - `showSidebar()`: opens it (menu *Tableau de bord*, and after *Vérifier* / *Consolider*).
 * - `sidebarData(refresh)`: what the page asks for through `google.script.run`: the dashboard built
 *   by `computeDashboard` (`buildDashboard`, the same code as the `Tableau de bord` tab) and the
 *   stored last check, as one plain JSON object. The dashboard comes from the document cache when
 *   a command left it there (dashboard-cache.ts), so opening the sidebar reads no tab; the
 *   *Actualiser* button (`refresh`) recomputes it.
 * - `selectCell(onglet, a1)`: shows the tab and selects the cell (or the row `12:12`, or nothing
 *   but the tab when `a1` is null) that an anomaly or a due item points to.
 */
import { computeDashboard } from '../app/dashboard';
import { SIDEBAR_MESSAGES as M } from '../domain/messages/sidebar';
import type { LastCheck } from '../domain/validation/last-check';
import type { SidebarData } from './html/contract';
import { CachedWorkbook } from './cached-workbook';
import { loadLastCheck } from './check-store';
import { cacheDashboard, loadCachedDashboard } from './dashboard-cache';
import { GasClock } from './gas-ports';
import { SheetsWorkbook } from './sheets-workbook';

/** Name of the built HTML file (dist/sidebar.html). */
export const SIDEBAR_FILE = 'sidebar';

export function showSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(M.titre);
  SpreadsheetApp.getUi().showSidebar(output);
}

function errorMessage(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

/**
 * One plain object for `google.script.run` (which cannot carry a Date): the dashboard (or the
 * French reason it could not be computed) and the last check. Read-only: no lock, no write.
 */
export function sidebarData(refresh?: boolean): SidebarData {
  let dashboard: SidebarData['dashboard'] = null;
  let erreurTableau: string | null = null;
  try {
    dashboard = refresh === true ? null : loadCachedDashboard();
    if (!dashboard) {
      const workbook = new CachedWorkbook(new SheetsWorkbook(SpreadsheetApp.getActive()));
      dashboard = computeDashboard({ workbook, clock: new GasClock() });
      cacheDashboard(dashboard);
    }
  } catch (e) {
    console.error(e);
    erreurTableau = M.tableauIndisponible(errorMessage(e));
  }
  let lastCheck: LastCheck | null = null;
  try {
    lastCheck = loadLastCheck();
  } catch (e) {
    console.error(e);
  }
  return JSON.parse(JSON.stringify({ dashboard, erreurTableau, lastCheck })) as SidebarData;
}

const CELL_OR_RANGE = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;
const ROWS = /^(\d+):(\d+)$/;

/** `'Service – Déchets'!B12` → `B12`: a sheet-qualified reference is accepted too. */
function localReference(a1: string): string {
  const bang = a1.lastIndexOf('!');
  return (bang >= 0 ? a1.slice(bang + 1) : a1).trim();
}

/**
 * Shows the tab `onglet` and selects `a1` in it: a cell or a range (`B12`, `B12:D14`), whole rows
 * (`12:12`, selected over the tab's used columns), or, when `a1` is null, nothing but the tab.
 * Returns the French confirmation the sidebar announces; throws a French message otherwise.
 */
export function selectCell(onglet: string, a1: string | null): string {
  const sheet = SpreadsheetApp.getActive().getSheetByName(onglet);
  if (!sheet) throw new Error(M.ongletIntrouvable(onglet));
  if (a1 === null || a1.trim() === '') {
    sheet.activate();
    return M.ongletAffiche(onglet);
  }
  const ref = localReference(a1);
  const rows = ROWS.exec(ref);
  if (rows) {
    const first = Math.min(Number(rows[1]), Number(rows[2]));
    const count = Math.abs(Number(rows[2]) - Number(rows[1])) + 1;
    if (first < 1) throw new Error(M.referenceInvalide(a1));
    sheet.activate();
    sheet.getRange(first, 1, count, Math.max(1, sheet.getLastColumn())).activate();
    return M.ligneSelectionnee(onglet, first);
  }
  if (!CELL_OR_RANGE.test(ref)) throw new Error(M.referenceInvalide(a1));
  sheet.activate();
  sheet.getRange(ref).activate();
  const shown = ref.replace(/\$/g, '').toUpperCase();
  return shown.includes(':') ? M.plageSelectionnee(onglet, shown) : M.celluleSelectionnee(onglet, shown);
}
