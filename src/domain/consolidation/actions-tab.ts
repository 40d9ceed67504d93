/**
 * The `Actions` tab as consolidation finds it and rewrites it.
 *
 * Layout: the user's column order is kept; a schema column missing from the
 * tab is appended at the right; every other column (a header the schema does
 * not know, or no header at all but data below) is the project lead's and is
 * carried by Réf. like the lead's columns (Action phare, Retenue au plan,
 * Répond à, Priorité, Note).
 *
 * Orphans area: below the actions, a blank row, then a title row
 * (`ORPHANS_TITLE`), then the rows whose annotations no longer have an action:
 * an action removed from its service tab, a second annotation row of the same
 * Réf., a row typed directly into `Actions`. They stay there, re-read at each
 * consolidation, until the lead deletes them or the Réf. comes back (the
 * annotations then return to the action). Nothing the lead typed is dropped.
 */
import { ACTIONS_COLUMNS, LEAD_COLUMNS, TAB, tableSection } from '../schema/tabs';
import { ORPHANS_TITLE, CONSOLIDATION_MESSAGES as M } from '../messages/consolidation';
import { isEmptyCell, sectionEnd } from '../parse/rows';
import { cleanText, readListValue, readOuiNon, splitMultiKnown } from '../parse/values';
import { PRIORITES_ACTION } from '../schema/lists';
import type { Cell, Grid } from '../table/cell';
import { locateTable } from '../table/locate';
import { refKey } from './refs';

export const ACTIONS_SECTION = () => tableSection(TAB.actions, 'actions');
const LEAD_KEYS: readonly string[] = LEAD_COLUMNS.map((c) => c.key);
const SERVICE_SIDE_KEYS: readonly string[] = ACTIONS_COLUMNS.map((c) => c.key).filter((k) => !LEAD_KEYS.includes(k) && k !== 'anomalies');

export interface ActionsLayout {
  /** Columns of the rewritten block, from column A. */
  readonly width: number;
  /** Schema key → 0-based column. */
  readonly index: ReadonlyMap<string, number>;
  /** The lead's own columns (not in the schema), carried by Réf. */
  readonly extra: readonly number[];
  /** The header row as it is written (schema headers canonical, others as they were). */
  readonly header: readonly Cell[];
}

export interface PreviousActionRow {
  /** 0-based row in the grid. */
  readonly index: number;
  /** Comparison key of the Réf. ('' when blank). */
  readonly key: string;
  readonly refText: string;
  readonly origine: string;
  /** The row's cells over the layout's width. */
  readonly cells: readonly Cell[];
  /** A lead column or one of the lead's own columns holds something. */
  readonly hasLeadContent: boolean;
  /** No Origine, but content in the service columns: typed by hand into Actions. */
  readonly manual: boolean;
  readonly inOrphanArea: boolean;
}

export interface PreviousActions {
  readonly exists: boolean;
  /** Content but no header row: the tab is not rewritten (nothing would be safe). */
  readonly unreadable: boolean;
  /** 0-based header row (0 when the tab is absent or empty). */
  readonly headerRow: number;
  readonly layout: ActionsLayout;
  readonly rows: readonly PreviousActionRow[];
  /** Rows of the grid (the rewritten block clears everything below the new content). */
  readonly height: number;
}

function freshLayout(): ActionsLayout {
  const index = new Map(ACTIONS_COLUMNS.map((c, i) => [c.key, i] as [string, number]));
  return { width: ACTIONS_COLUMNS.length, index, extra: [], header: ACTIONS_COLUMNS.map((c) => c.header) };
}

export function readPreviousActions(grid: Grid | null): PreviousActions {
  if (!grid) return { exists: false, unreadable: false, headerRow: 0, layout: freshLayout(), rows: [], height: 0 };
  const blank = grid.every((r) => r.every((c) => isEmptyCell(c)));
  if (blank) return { exists: true, unreadable: false, headerRow: 0, layout: freshLayout(), rows: [], height: grid.length };
  const located = locateTable(grid, ACTIONS_SECTION());
  if (!located) return { exists: true, unreadable: true, headerRow: 0, layout: freshLayout(), rows: [], height: grid.length };

  let oldWidth = 0;
  for (let r = located.headerRow; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = row.length - 1; c >= oldWidth; c--) {
      if (!isEmptyCell(row[c])) {
        oldWidth = c + 1;
        break;
      }
    }
  }
  const index = new Map(located.columns);
  let width = oldWidth;
  for (const c of ACTIONS_COLUMNS) if (!index.has(c.key)) index.set(c.key, width++);
  const schemaCols = new Set(index.values());
  const extra: number[] = [];
  for (let c = 0; c < oldWidth; c++) if (!schemaCols.has(c)) extra.push(c);
  const headerCells = grid[located.headerRow] ?? [];
  const header: Cell[] = new Array(width).fill(null);
  for (const c of extra) header[c] = headerCells[c] ?? null;
  for (const c of ACTIONS_COLUMNS) header[index.get(c.key)!] = c.header;
  const layout: ActionsLayout = { width, index, extra, header };

  const end = sectionEnd(grid, located);
  const leadCols = [...LEAD_KEYS.map((k) => index.get(k)!), ...extra];
  const serviceCols = SERVICE_SIDE_KEYS.filter((k) => k !== 'origine' && k !== 'ref').map((k) => index.get(k)!);
  const rows: PreviousActionRow[] = [];
  for (let r = located.dataStart; r < grid.length; r++) {
    let line = grid[r] ?? [];
    if (r === end) {
      // The title row is the engine's; anything the lead typed in it beyond the title is kept as a row of its own.
      line = line.map((c, i) => (i <= 1 ? null : c));
    }
    if (line.every((c) => isEmptyCell(c))) continue;
    const cells: Cell[] = new Array(width).fill(null);
    for (let c = 0; c < Math.min(line.length, width); c++) cells[c] = line[c] ?? null;
    const refText = cleanText(cells[index.get('ref')!]);
    const origine = cleanText(cells[index.get('origine')!]);
    rows.push({
      index: r,
      key: refText === '' ? '' : refKey(refText),
      refText,
      origine,
      cells,
      hasLeadContent: leadCols.some((c) => !isEmptyCell(cells[c])),
      manual: r === end || (origine === '' && serviceCols.some((c) => !isEmptyCell(cells[c]))),
      inOrphanArea: r >= end && end < located.dataEnd,
    });
  }
  return { exists: true, unreadable: false, headerRow: located.headerRow, layout, rows, height: grid.length };
}

/** The lead's values of a row: lead columns by key, the lead's own columns by index. */
export interface Annotations {
  readonly lead: Readonly<Record<string, Cell>>;
  readonly extra: ReadonlyMap<number, Cell>;
}

export function annotationsOf(row: PreviousActionRow, layout: ActionsLayout): Annotations {
  const lead: Record<string, Cell> = {};
  for (const k of LEAD_KEYS) lead[k] = row.cells[layout.index.get(k)!] ?? null;
  const extra = new Map<number, Cell>();
  for (const c of layout.extra) extra.set(c, row.cells[c] ?? null);
  return { lead, extra };
}

export function sameAnnotations(a: Annotations, b: Annotations): boolean {
  const eq = (x: Cell, y: Cell) =>
    (isEmptyCell(x) && isEmptyCell(y)) || (x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : cleanText(x) === cleanText(y));
  return LEAD_KEYS.every((k) => eq(a.lead[k], b.lead[k])) && [...a.extra.keys()].every((c) => eq(a.extra.get(c) ?? null, b.extra.get(c) ?? null));
}

/**
 * A lead value written back in its canonical form when it is one (`oui` →
 * `Oui`, `haute` → `Haute`, `f1;o2` → `F1, O2`), else exactly as typed.
 */
export function canonicalLead(key: string, v: Cell, afomIds: readonly string[] | null): Cell {
  if (isEmptyCell(v)) return null;
  switch (key) {
    case 'actionPhare':
    case 'retenueAuPlan': {
      const r = readOuiNon(v);
      return r.ok ? (r.value ? 'Oui' : 'Non') : v;
    }
    case 'priorite': {
      const r = readListValue(v, PRIORITES_ACTION);
      return r.ok ? r.value : v;
    }
    case 'repondA': {
      if (!afomIds) return v;
      const parts = splitMultiKnown(v, afomIds);
      return parts.length > 0 && parts.every((p) => p.read.ok) ? parts.map((p) => (p.read.ok ? p.read.value : '')).join(', ') : v;
    }
    default:
      return v;
  }
}

/** Why a row sits in the orphans area (the text of its Anomalies cell). */
export function orphanMessage(row: PreviousActionRow, currentRefs: ReadonlySet<string>): string {
  if (row.key !== '' && currentRefs.has(row.key)) return M.orphanDuplicate(row.refText);
  if (row.manual) return M.orphanManual;
  if (row.key !== '') return M.orphanRemoved(row.refText, row.origine || null);
  return M.orphanNoRef(row.origine || null);
}

/** The orphans area's title row. */
export function orphansTitleRow(layout: ActionsLayout): Cell[] {
  const line: Cell[] = new Array(layout.width).fill(null);
  line[0] = ORPHANS_TITLE;
  if (layout.width > 1) line[1] = M.orphansExplanation;
  return line;
}
