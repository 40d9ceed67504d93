/** Label / value sections (Accueil's identity): the label in one cell, the value in the next. */
import type { ColumnSpec, KeyValueSectionSpec } from '../schema/types';
import { cellText, type Cell, type Grid } from './cell';
import { normalizeKey } from './normalize';

export interface LocatedField {
  readonly spec: ColumnSpec;
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

export function locateKeyValues(grid: Grid, section: KeyValueSectionSpec): { found: LocatedField[]; missing: ColumnSpec[] } {
  const found: LocatedField[] = [];
  const missing: ColumnSpec[] = [];
  for (const spec of section.fields) {
    const key = normalizeKey(spec.header);
    let hit: LocatedField | null = null;
    for (let r = 0; r < grid.length && !hit; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        if (normalizeKey(cellText(row[c])) === key) {
          hit = { spec, row: r, col: c + 1, value: row[c + 1] ?? null };
          break;
        }
      }
    }
    if (hit) found.push(hit);
    else missing.push(spec);
  }
  return { found, missing };
}
