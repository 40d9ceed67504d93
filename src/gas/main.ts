/**
 * Apps Script entry point: a flat list of the functions Apps Script may call
 * (triggers and menu items), one line each, each from its own module. The
 * build turns every export below into a top-level function.
 * To add a menu command: export its handler here, add its name to
 * `HandlerName` and its line to `MENU` in menu.ts (menu-handlers.ts checks
 * that every name the menu uses is exported here).
 *
 * Distribution model: a script bound to the template spreadsheet that users
 * copy (README › Utiliser le module dans Google Sheets), not an Editor add-on
 * from the Marketplace. So there is no `onInstall`, and `onOpen` builds the
 * spreadsheet's own menu (`createMenu`), not the add-on menu.
 */
export { onOpen } from './handlers/on-open';
export { runInstall } from './handlers/install';
export { runAddService } from './handlers/add-service';
export { runValidate } from './handlers/verifier';
export { runConsolidate } from './handlers/consolider';
export { runCalculerScores } from './handlers/calculer-scores';
export { showHelp } from './handlers/help';
export { runTableauDeBord, dashboardData } from './handlers/tableau-de-bord';
export { runExportTet } from './handlers/export-tet';
export { runGenererCopil } from './handlers/generer-copil';
export { runGenererAfom } from './handlers/generer-afom';
export { runGenererAudit } from './handlers/generer-audit';
export { runGenererBilan } from './handlers/generer-bilan';
export { showSidebar, sidebarData, selectCell } from './sidebar';
