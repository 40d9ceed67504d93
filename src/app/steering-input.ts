/**
 * What every steering use case starts from: one read of each tab (memoised),
 * the typed model, the scores, and the size of each service tab.
 */
import { memoSource, readWorkbookModel, type GridSource } from '../domain/model/read';
import type { ModelRead, WorkbookModel } from '../domain/model/types';
import { scoreWorkbook } from '../domain/referentiel/workbook-scores';
import type { ScoreResult } from '../domain/referentiel/score';
import { SERVICE_TAB } from '../domain/schema/tabs';
import type { TableSectionSpec } from '../domain/schema/types';
import { locateTable, tableRows } from '../domain/table/locate';
import type { WorkbookPort } from './ports';

/** Everything a steering computation starts from: one read of each tab. */
export interface SteeringInput {
  readonly src: GridSource;
  readonly read: ModelRead;
  readonly model: WorkbookModel;
  readonly scores: ScoreResult;
  /** Data rows of each `Service – …` tab. */
  readonly lignesParOngletService: ReadonlyMap<string, number>;
}

export function readSteeringInput(workbook: WorkbookPort): SteeringInput {
  const src = memoSource(workbook.sheetNames(), (n) => workbook.read(n));
  const read = readWorkbookModel(src);
  const scores = scoreWorkbook(read.model).result;
  const lignes = new Map<string, number>();
  for (const tab of read.model.serviceTabs) {
    const grid = src.grid(tab);
    const located = grid ? locateTable(grid, SERVICE_TAB.sections[0] as TableSectionSpec) : null;
    lignes.set(tab, grid && located ? tableRows(grid, located).length : 0);
  }
  return { src, read, model: read.model, scores, lignesParOngletService: lignes };
}

