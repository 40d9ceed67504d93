/**
 * What `sidebarData()` (src/gas/sidebar.ts) returns through `google.script.run`, and what the
 * client script renders. Plain JSON only: no Date, no Map, no undefined.
 */
import type { DashboardData } from '../../domain/dashboard/types';
import type { LastCheck } from '../../domain/validation/last-check';

export interface SidebarData {
  /** Built by `buildDashboard`, the same code as the `Tableau de bord` tab; null when it failed. */
  readonly dashboard: DashboardData | null;
  /** French reason when `dashboard` is null, else null. */
  readonly erreurTableau: string | null;
  /** The last *Vérifier* / *Consolider* as stored (anomalies grouped by tab), null when none was recorded. */
  readonly lastCheck: LastCheck | null;
}
