/**
 * Applies the project lead's annotations (Action phare, Retenue au plan,
 * Répond à, Priorité, Note) to the rows of `Actions`, by Réf.: what a lead
 * types by hand after a consolidation, done by the demo from the sample's
 * `actions-lead.json`. One read of `Actions`, one write per run of lead
 * columns; an unknown Réf. or column is reported, never guessed.
 */
import { blockWrites, setChange, type CellChanges } from '../domain/consolidation/blocks';
import { ACTIONS_SECTION } from '../domain/consolidation/actions-tab';
import { refKey } from '../domain/consolidation/refs';
import { LEAD_DEMO_MESSAGES as M } from '../domain/messages/consolidation';
import { LEAD_COLUMNS, TAB } from '../domain/schema/tabs';
import type { Cell } from '../domain/table/cell';
import { cellText } from '../domain/table/cell';
import { locateTable } from '../domain/table/locate';
import { normalizeKey } from '../domain/table/normalize';
import { sectionEnd } from '../domain/parse/rows';
import type { WorkbookPort } from './ports';

export interface LeadAnnotationInput {
  readonly ref: string;
  /** Lead column header → value. */
  readonly values: Readonly<Record<string, Cell>>;
}

export interface LeadAnnotationsResult {
  readonly applied: number;
  /** French remarks: unknown Réf., unknown column, no Actions tab. */
  readonly warnings: string[];
}

export function applyLeadAnnotations(workbook: WorkbookPort, annotations: readonly LeadAnnotationInput[]): LeadAnnotationsResult {
  const warnings: string[] = [];
  if (annotations.length === 0) return { applied: 0, warnings };
  if (!workbook.sheetNames().includes(TAB.actions)) return { applied: 0, warnings: [M.noActions] };
  const grid = workbook.read(TAB.actions);
  const located = locateTable(grid, ACTIONS_SECTION());
  if (!located) return { applied: 0, warnings: [M.noActions] };
  const refCol = located.columns.get('ref')!;
  const end = sectionEnd(grid, located);
  const rowOf = new Map<string, number>();
  for (let r = located.dataStart; r < end; r++) {
    const ref = cellText(grid[r]?.[refCol] ?? null);
    if (ref && !rowOf.has(refKey(ref))) rowOf.set(refKey(ref), r);
  }
  const leadCols = new Map(LEAD_COLUMNS.map((c) => [normalizeKey(c.header), located.columns.get(c.key)!]));
  const changes: CellChanges = new Map();
  let applied = 0;
  for (const a of annotations) {
    const row = rowOf.get(refKey(a.ref));
    if (row === undefined) {
      warnings.push(M.unknownRef(a.ref));
      continue;
    }
    for (const [header, value] of Object.entries(a.values)) {
      const col = leadCols.get(normalizeKey(header));
      if (col === undefined) warnings.push(M.unknownColumn(a.ref, header));
      else setChange(changes, row, col, value);
    }
    applied++;
  }
  for (const w of blockWrites(TAB.actions, grid, changes, { ownedCols: [...leadCols.values()] })) workbook.write(w.sheet, w.row, w.col, w.values);
  return { applied, warnings };
}
