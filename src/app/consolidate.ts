/**
 * Use case *Consolider les services* (and `cap-circulaire consolidate`).
 *
 * Under the document lock: read each tab it needs once (service tabs,
 * `Paramètres`, `Plans`, `AFOM`, `Actions`, `Journal`), compute everything
 * (`planConsolidation`), then write: registry, missing Réf.s, `Actions` in one
 * block, `Plans` and `AFOM` computed columns, one `Journal` row; finally the
 * cell marks and the stored check for the sidebar. An exception before the
 * writes leaves the workbook as it was; `Actions` is a single write, so it is
 * either rebuilt or untouched.
 */
import type { Anomaly } from '../domain/anomaly';
import { consolidationReport, planConsolidation, type ConsolidationPlan, type ConsolidationReport } from '../domain/consolidation/consolidate';
import { CONSOLIDATION_MESSAGES as M } from '../domain/messages/consolidation';
import { memoSource } from '../domain/model/read';
import { TAB } from '../domain/schema/tabs';
import type { LastCheck } from '../domain/validation/last-check';
import { appendJournal } from './journal';
import type { CellMarkerPort, CheckStorePort, ClockPort, LockPort, UserPort, WorkbookPort } from './ports';
import { publishCheck } from './validate';

export interface ConsolidatePorts {
  readonly workbook: WorkbookPort;
  readonly lock: LockPort;
  readonly clock: ClockPort;
  readonly user: UserPort;
  readonly marker?: CellMarkerPort;
  readonly store?: CheckStorePort;
}

export interface ConsolidateOptions {
  /** How long to wait for another run to finish (default 10 s). */
  readonly lockTimeoutMs?: number;
}

export type ConsolidateResult =
  /** Another run holds the lock: nothing was read or written. */
  | { readonly status: 'busy'; readonly message: string }
  /** `Actions` cannot be rewritten safely: nothing was written but the Journal row. */
  | { readonly status: 'refused'; readonly message: string; readonly plan: ConsolidationPlan; readonly report: ConsolidationReport }
  | {
      readonly status: 'done';
      /** French summary (also the Journal's Résultat). */
      readonly message: string;
      readonly plan: ConsolidationPlan;
      /** The `--report` JSON. */
      readonly report: ConsolidationReport;
      readonly anomalies: readonly Anomaly[];
      readonly blocking: number;
      readonly warnings: number;
      /** Number of block writes applied (Journal row excluded). */
      readonly writes: number;
      /** What was stored for the sidebar (null when no store was given). */
      readonly lastCheck: LastCheck | null;
    };

export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

export function consolidate(ports: ConsolidatePorts, options: ConsolidateOptions = {}): ConsolidateResult {
  const { workbook, lock, clock, user } = ports;
  if (!lock.tryLock(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS)) return { status: 'busy', message: M.lockBusy };
  try {
    const names = workbook.sheetNames();
    const src = memoSource(names, (n) => workbook.read(n));
    const journal = src.grid(TAB.journal);
    const log = (resultat: string) => appendJournal(workbook, journal, { date: clock.now(), utilisateur: user.email(), commande: M.command, resultat });

    let plan: ConsolidationPlan;
    try {
      plan = planConsolidation(src);
    } catch (e) {
      // Nothing written yet: say so in the Journal, then let the caller show the error.
      try {
        log(M.failed(e instanceof Error ? e.message : String(e)));
      } catch {
        // The Journal itself failing must not hide the original error.
      }
      throw e;
    }
    const report = consolidationReport(plan);
    if (plan.refusal) {
      log(M.refused(plan.refusal));
      return { status: 'refused', message: plan.refusal, plan, report };
    }

    if (plan.createActionsAt !== null) workbook.createSheet(TAB.actions, Math.min(plan.createActionsAt, names.length));
    for (const w of plan.writes) workbook.write(w.sheet, w.row, w.col, w.values);

    const blocking = plan.anomalies.filter((a) => a.bloquante).length;
    const message = M.summary({
      actions: plan.actions.length,
      tabs: plan.services.length,
      newRefs: plan.newRefs.length,
      blocking,
      warnings: plan.anomalies.length - blocking,
      orphans: plan.orphans.length,
      registered: plan.registered.length,
    });
    log(message);
    const lastCheck = ports.store || ports.marker ? publishCheck(plan.anomalies, workbook.sheetNames(), ports, 'consolider') : null;
    return {
      status: 'done',
      message,
      plan,
      report,
      anomalies: plan.anomalies,
      blocking,
      warnings: plan.anomalies.length - blocking,
      writes: plan.writes.length,
      lastCheck,
    };
  } finally {
    lock.release();
  }
}
