/**
 * What every generated document is built from: the workbook read into its
 * model, the scores, the dashboard figures (the one source of steering
 * numbers) and the day of generation. Builders are pure functions of it.
 */
import type { DashboardData } from '../dashboard/types';
import { formatDateFr } from '../format';
import { jourDe } from '../plan-actions/jours';
import type { WorkbookModel } from '../model/types';
import type { ScoreResult } from '../referentiel/score';
import { REPORT_MESSAGES as M } from '../messages/reports';
import type { HistoriqueRow } from './copil/historique';
import type { Seance } from './copil/seance';

export interface ReportInput {
  readonly model: WorkbookModel;
  readonly scores: ScoreResult;
  readonly dashboard: DashboardData;
  /** The instant of generation; its calendar day (engine's time zone) dates the documents. */
  readonly today: Date;
  /** Data rows of each `Service – …` tab, as the dashboard got them (feuille de route detectors). */
  readonly lignesParOngletService?: ReadonlyMap<string, number>;
  /** COPIL deck: the meeting it is prepared for (default: the next COPIL of Instances). */
  readonly seance?: Seance;
  /** COPIL deck: the figures recorded at previous COPILs (tab Historique). */
  readonly historique?: readonly HistoriqueRow[];
}

/** The day of generation as `JJ/MM/AAAA`. */
export function reportDate(today: Date): string {
  return formatDateFr(jourDe(today));
}

export type { ReportKind } from './kind';
import type { ReportKind } from './kind';

export function collectiviteName(input: Pick<ReportInput, 'model' | 'dashboard'>): string {
  const nom = input.model.identite.nom?.trim() || input.dashboard.collectivite.nom?.trim();
  return nom || M.collectiviteInconnue;
}

/** `<Document> – <Collectivité> – <JJ/MM/AAAA>`, the name of every generated file. */
export function reportFileName(kind: ReportKind, collectivite: string, today: Date, instance?: number): string {
  return `${M.nomDocument(kind, instance)} – ${collectivite} – ${reportDate(today)}`;
}

