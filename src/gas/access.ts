/**
 * Who may run what (README › Qui peut lancer quoi). Google decides who may
 * edit which tab through protections; the add-on only reads them, once per
 * command, before writing anything, so no command stops halfway on Google's
 * "You are trying to edit a protected cell or object".
 *
 * - The project lead (the owner, or any editor of every protected tab) runs
 *   every command.
 * - A service member (an editor of the spreadsheet kept out of at least one
 *   protected tab, typically every service tab but hers) runs *Vérifier*
 *   (her tabs only, result in the sidebar), *Générer* (new files; the Journal
 *   row only when she may edit Journal), the sidebar and *Aide*. Commands that
 *   write into tabs she cannot edit say so in French and write nothing.
 *
 * Only sheet protections that are not "warning only" count: the add-on's own
 * range protections (headers, computed columns) only warn. Range protections
 * made by hand are read by write-guard.ts, against where each command writes. Cost: one
 * `getProtections(SHEET)`, one `canEdit` per sheet protection, and for each
 * one she cannot edit, `isWarningOnly` and its tab's name.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Access {
  /** 'lead': may edit every tab; 'member': some protected tabs are closed to her. */
  readonly role: 'lead' | 'member';
  /** Tabs protected against the person running the command. */
  readonly closedTabs: readonly string[];
  canEdit(tab: string): boolean;
}

export function readAccess(spreadsheet: Spreadsheet, app: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'ProtectionType'> = SpreadsheetApp): Access {
  const closed: string[] = [];
  for (const p of spreadsheet.getProtections(app.ProtectionType.SHEET)) {
    if (p.canEdit() || p.isWarningOnly()) continue;
    closed.push(p.getRange().getSheet().getName());
  }
  const set = new Set(closed);
  return {
    role: closed.length > 0 ? 'member' : 'lead',
    closedTabs: closed,
    canEdit: (tab) => !set.has(tab),
  };
}

/** Access of a run that may edit everything (tests, the offline engine's equivalents). */
export const FULL_ACCESS: Access = { role: 'lead', closedTabs: [], canEdit: () => true };
