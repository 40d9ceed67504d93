/**
 * Menu *Consolider les services*: rebuilds `Actions` from the service tabs
 * (use case `consolidate`), marks the anomalies on their cells, stores them
 * for the sidebar, and says what was done. `runCommand` already holds the
 * document lock (a second run gets its French refusal), so the use case is
 * given that lock as held. Project lead only: it writes into every service
 * tab (missing Réf., marks) and into `Actions`.
 */
import { consolidate } from '../../app/consolidate';
import type { LockPort } from '../../app/ports';
import { gasMessages } from '../../domain/messages/gas';
import { CONSOLIDATION_MESSAGES as M } from '../../domain/messages/consolidation';
import { TAB } from '../../domain/schema/tabs';
import { GasCellMarker } from '../cell-marker';
import { GasCheckStore } from '../check-store';
import { runCommand } from '../command';
import { FOOTPRINTS } from '../write-guard';
import { forgetDashboard } from '../dashboard-cache';
import { showSidebar } from '../sidebar';
import { progressPerTab } from '../progress';

/** The document lock `runCommand` took for this run. */
const HELD: LockPort = { tryLock: () => true, release: () => undefined };

export function runConsolidate(): void {
  const title = gasMessages.menu.consolider;
  runCommand(
    title,
    (ctx) => {
      const marker = new GasCellMarker(ctx.spreadsheet, PropertiesService.getDocumentProperties(), progressPerTab(ctx), ctx.rangeBlockers());
      // A workbook last checked by the previous version: its colours come back first (cell-marker.ts).
      marker.migrateLegacy((t) => ctx.access().canEdit(t));
      const result = consolidate({
        workbook: ctx.workbook,
        lock: HELD,
        clock: ctx.clock,
        user: ctx.user,
        marker,
        store: new GasCheckStore(PropertiesService.getDocumentProperties()),
      });
      if (result.status === 'done') {
        forgetDashboard();
        ctx.spreadsheet.getSheetByName(TAB.actions)?.activate();
      }
      const hint = result.status === 'done' && result.anomalies.length > 0 ? `\n\n${M.markedHint}` : '';
      const notices = marker.notices().map((n) => `\n\n${n}`).join('');
      ctx.ui.alert(title, result.message + hint + notices, ctx.ui.ButtonSet.OK);
      // The anomalies stay in view, each one a link to its cell.
      if (result.status === 'done') ctx.later(showSidebar);
    },
    { leadOnly: true, writes: FOOTPRINTS.runConsolidate },
  );
}
