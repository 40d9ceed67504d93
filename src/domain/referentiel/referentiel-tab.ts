/**
 * The computed columns of the `Référentiel` tab (Potentiel, Points faits,
 * Points programmés, % réalisé, % programmé, Preuves prêtes / attendues),
 * row by row from the scores, so the tab shows exactly the figures of
 * `cap-circulaire score`.
 */
import type { Cell, Grid } from '../table/cell';
import { cellText } from '../table/cell';
import { columnWrites, type ColumnBlockWrite } from '../table/column-writes';
import type { LocatedTable } from '../table/locate';
import type { ScoreResult } from './score';

export const REFERENTIEL_COMPUTED_KEYS = ['potentiel', 'pointsFaits', 'pointsProgrammes', 'pctRealise', 'pctProgramme', 'preuves'] as const;

export function referentielComputedWrites(
  grid: Grid,
  located: LocatedTable,
  scores: ScoreResult,
  preuves: ReadonlyMap<string, { pretes: number; attendues: number }>,
): ColumnBlockWrite[] {
  const idCol = located.columns.get('identifiant');
  const rows = new Map<number, Record<string, Cell>>();
  if (idCol === undefined) return [];
  for (let r = located.dataStart; r < located.dataEnd; r++) {
    const id = cellText(grid[r]?.[idCol]);
    const s = scores.scores[id];
    if (!s) continue;
    const p = preuves.get(id);
    rows.set(r, {
      potentiel: s.pointPotentiel,
      pointsFaits: s.pointFait,
      pointsProgrammes: s.pointProgramme,
      pctRealise: s.pointPotentiel > 0 ? round(s.pourcentageFait / 100) : null,
      pctProgramme: s.pointPotentiel > 0 ? round(s.pourcentageProgramme / 100) : null,
      preuves: p && p.attendues > 0 ? `${p.pretes} / ${p.attendues}` : null,
    });
  }
  return columnWrites(located, REFERENTIEL_COMPUTED_KEYS, rows);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
