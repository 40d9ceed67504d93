/**
 * Appends one row to `Journal` (date, user, command, result, link) in one
 * write. The caller passes the Journal grid it already read, so a command
 * never reads a tab twice.
 */
import { TAB, tableSection } from '../domain/schema/tabs';
import type { Cell, Grid } from '../domain/table/cell';
import { locateTable } from '../domain/table/locate';
import { isBlankRow } from '../domain/table/cell';
import type { WorkbookPort } from './ports';

export interface JournalEntry {
  readonly date: Date;
  readonly utilisateur: string;
  readonly commande: string;
  readonly resultat: string;
  readonly lien?: string | null;
}

/** Returns false (and writes nothing) when the workbook has no Journal tab with its headers. */
export function appendJournal(workbook: WorkbookPort, journalGrid: Grid | null, entry: JournalEntry): boolean {
  if (!journalGrid) return false;
  const located = locateTable(journalGrid, tableSection(TAB.journal, 'journal'));
  if (!located) return false;
  let end = journalGrid.length;
  while (end > located.dataStart && isBlankRow(journalGrid[end - 1])) end--;
  const cols = [...located.columns.entries()];
  const min = Math.min(...cols.map(([, i]) => i));
  const max = Math.max(...cols.map(([, i]) => i));
  const line: Cell[] = new Array(max - min + 1).fill(null);
  const values: Record<string, Cell> = {
    date: entry.date,
    utilisateur: entry.utilisateur || 'Utilisateur inconnu',
    commande: entry.commande,
    resultat: entry.resultat,
    lien: entry.lien ?? null,
  };
  for (const [key, i] of cols) line[i - min] = values[key] ?? null;
  // Keep whatever the user typed in extra columns of that row: none, since it is a new row.
  workbook.write(TAB.journal, Math.max(end, located.dataStart), min, [line]);
  return true;
}
