/**
 * Export to Territoires en Transitions: ONE file, two sheets — the plan
 * d'actions first (what TeT's importer reads), the référentiel second (the
 * layout of TeT's own `export_eci.xlsx`, for the reader and for comparison
 * with the platform line by line).
 */
import type { Anomaly } from '../anomaly';
import type { WorkbookModel } from '../model/types';
import type { ScoreResult } from '../referentiel/score';
import type { ClasseurExport } from './classeur';
import { feuillePlanTet } from './plan';
import { feuilleReferentielTet } from './referentiel';

export function exportTet(model: WorkbookModel, scores: ScoreResult, today: Date): { classeur: ClasseurExport; anomalies: Anomaly[]; fiches: number; lignes: number } {
  const plan = feuillePlanTet(model);
  const ref = feuilleReferentielTet(model, scores, today);
  return {
    classeur: { feuilles: [plan.feuille, ref] },
    anomalies: plan.anomalies,
    fiches: model.planActions.length,
    lignes: ref.rows.length - 6,
  };
}
