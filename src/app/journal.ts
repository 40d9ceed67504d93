/**
 * Appends one row to `Journal` (date, user, command, result, link) in one
 * write. The caller passes the Journal grid it already read, so a command
 * never reads a tab twice.
 */
import { TAB, tableSection } from '../domain/schema/tabs';
import type { Grid } from '../domain/table/cell';
import { appendRowBlock } from '../domain/table/append';
import { locateTable } from '../domain/table/locate';
import { gasMessages } from '../domain/messages/gas';
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
  const block = appendRowBlock(journalGrid, located, {
    date: entry.date,
    utilisateur: entry.utilisateur || gasMessages.unknownUser,
    commande: entry.commande,
    resultat: entry.resultat,
    lien: entry.lien ?? null,
  });
  workbook.write(TAB.journal, block.row, block.col, [block.values]);
  return true;
}
