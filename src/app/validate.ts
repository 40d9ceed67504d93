/**
 * Use case *Vérifier les saisies* (and `cap-circulaire validate`): one read
 * per tab, every anomaly located, then (Apps Script) the cells marked and the
 * list stored for the sidebar. Never writes a cell value.
 */
import type { Anomaly } from '../domain/anomaly';
import { VALIDATION_MESSAGES as VM } from '../domain/messages/validation';
import { memoSource } from '../domain/model/read';
import { buildLastCheck, cellMarks, type LastCheck } from '../domain/validation/last-check';
import { inWorkbookOrder, validateWorkbook } from '../domain/validation/validate';
import { statutsFromModel } from '../domain/referentiel/workbook-scores';
import { steeringAnomalies } from './steer';
import type { CellMarkerPort, CheckStorePort, ClockPort, UserPort, WorkbookPort } from './ports';

export interface CheckPublishPorts {
  readonly clock: ClockPort;
  readonly user: UserPort;
  readonly marker?: CellMarkerPort;
  readonly store?: CheckStorePort;
}

export interface ValidatePorts extends CheckPublishPorts {
  readonly workbook: WorkbookPort;
}

export interface ValidateResult {
  readonly anomalies: readonly Anomaly[];
  readonly blocking: number;
  readonly warnings: number;
  readonly lastCheck: LastCheck;
  /** French summary for the dialog or the terminal. */
  readonly message: string;
}

export function validate(ports: ValidatePorts): ValidateResult {
  const names = ports.workbook.sheetNames();
  const src = memoSource(names, (n) => ports.workbook.read(n));
  const checked = validateWorkbook(src);
  // The référentiel entries the scores cannot use, and the steering checks (indicators, plan d'actions), are shown here too.
  const anomalies = inWorkbookOrder(
    [...checked.anomalies, ...statutsFromModel(checked.model.model).anomalies, ...steeringAnomalies({ model: checked.model.model, read: checked.model })],
    names,
  );
  const lastCheck = publishCheck(anomalies, names, ports, 'verifier');
  const blocking = lastCheck.bloquantes;
  const tabs = new Set(anomalies.map((a) => a.onglet)).size;
  return { anomalies, blocking, warnings: lastCheck.avertissements, lastCheck, message: VM.summary(blocking, lastCheck.avertissements, tabs) };
}

/**
 * Marks the cells of the anomalies (one `mark` per tab that has some, one
 * `clear` per tab the previous check marked and this one does not), then
 * stores the check for the sidebar. Returns the stored check.
 */
export function publishCheck(anomalies: readonly Anomaly[], sheetNames: readonly string[], ports: CheckPublishPorts, commande: LastCheck['commande']): LastCheck {
  let previous: LastCheck | null = null;
  try {
    previous = ports.store?.load() ?? null;
  } catch {
    previous = null;
  }
  const existing = new Set(sheetNames);
  const marks = cellMarks(anomalies);
  const marked: string[] = [];
  if (ports.marker) {
    for (const [sheet, list] of marks) {
      if (!existing.has(sheet)) continue;
      ports.marker.mark(sheet, list);
      marked.push(sheet);
    }
    for (const sheet of previous?.marques ?? []) {
      if (!marks.has(sheet) && existing.has(sheet)) ports.marker.clear(sheet);
    }
  }
  const check = buildLastCheck(anomalies, {
    date: ports.clock.now(),
    commande,
    utilisateur: ports.user.email(),
    // Without a marker, the previous marks are still there: keep them listed so a later check clears them.
    marques: ports.marker ? marked : (previous?.marques ?? []),
  });
  ports.store?.save(check);
  return check;
}
