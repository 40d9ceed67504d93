/**
 * Use case *Générer ▸ Export Territoires en Transitions*: reads the workbook
 * (each tab once), scores it, and describes the export file (plan d'actions
 * first, référentiel second; domain/tet/). The adapter writes the file (an
 * .xlsx offline, a new Google Sheets file in Apps Script) and logs its link.
 */
import type { Anomaly } from '../domain/anomaly';
import type { ClasseurExport } from '../domain/tet/classeur';
import { exportTet } from '../domain/tet/export';
import { STEERING_MESSAGES as M } from '../domain/messages/steering';
import type { WorkbookModel } from '../domain/model/types';
import { TAB } from '../domain/schema/tabs';
import type { Grid } from '../domain/table/cell';
import type { WorkbookPort } from './ports';
import { readSteeringInput } from './steering-input';

export interface ExportTetRun {
  readonly classeur: ClasseurExport;
  readonly anomalies: readonly Anomaly[];
  readonly message: string;
  readonly model: WorkbookModel;
  /** The Journal grid already read, for the adapter's Journal row. */
  readonly journal: Grid | null;
}

export function prepareExportTet(workbook: WorkbookPort, today: Date): ExportTetRun {
  const input = readSteeringInput(workbook);
  const r = exportTet(input.model, input.scores, today);
  const anomalies = [...r.anomalies];
  const message = r.fiches === 0 ? `${M.tet.exportFait(0, r.lignes)} ${M.tet.aucuneFiche}` : M.tet.exportFait(r.fiches, r.lignes);
  return { classeur: r.classeur, anomalies, message, model: input.model, journal: input.src.grid(TAB.journal) };
}
