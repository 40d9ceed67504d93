/**
 * ProtectionPort over Apps Script: a service tab that only its editors (and
 * the owner and the person running the command, whom Sheets always keeps)
 * may edit.
 */
import type { ProtectionPort } from '../app/add-service';
import { gasMessages } from '../domain/messages/gas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Descriptions that mark a protection as the add-on's own: the range ones
 * Installer diffs at each run (headers, computed columns: warning only) and
 * the service tabs' sheet protections. Anything else was made by hand.
 */
export const OUR_RANGE_PROTECTIONS: ReadonlySet<string> = new Set([gasMessages.protection.headers, gasMessages.protection.computed]);

export function isOurProtection(description: string): boolean {
  return OUR_RANGE_PROTECTIONS.has(description) || description === gasMessages.protection.service;
}

export class GasProtection implements ProtectionPort {
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly session: GoogleAppsScript.Base.Session = Session,
  ) {}

  restrictSheet(name: string, editors: readonly string[]): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Onglet introuvable : ${name}`);
    // protect() returns the sheet's existing protection if there is one: we take it over.
    const protection = sheet.protect().setDescription(gasMessages.protection.service).setWarningOnly(false);
    // Add ourselves first: removing a group we belong to would otherwise lock us out mid-way.
    protection.addEditor(this.session.getEffectiveUser());
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    if (editors.length > 0) protection.addEditors([...editors]);
  }
}
