/**
 * The Journal from a GAS command: reads `Journal` through the command's
 * cached workbook (free when the command already read it) and appends one row
 * with the shared use-case helper.
 */
import { appendJournal as appendJournalRow } from '../app/journal';
import type { ClockPort, UserPort, WorkbookPort } from '../app/ports';
import { TAB } from '../domain/schema/tabs';

export interface JournalEntry {
  readonly command: string;
  readonly result: string;
  readonly link?: string;
}

export interface JournalPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user: UserPort;
}

/** False when the workbook has no Journal to write to (not installed, header removed). */
export function appendJournal({ workbook, clock, user }: JournalPorts, entry: JournalEntry): boolean {
  if (!workbook.sheetNames().includes(TAB.journal)) return false;
  return appendJournalRow(workbook, workbook.read(TAB.journal), {
    date: clock.now(),
    utilisateur: user.email(),
    commande: entry.command,
    resultat: entry.result,
    lien: entry.link ?? null,
  });
}
