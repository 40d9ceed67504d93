/**
 * The workbook speaks French: dates as JJ/MM/AAAA, decimal commas, Paris
 * time. Locale and time zone are spreadsheet settings (not the manifest's),
 * so install sets them when they differ, and says so.
 */
import { gasMessages } from '../domain/messages/gas';

export const WORKBOOK_LOCALE = 'fr_FR';
export const WORKBOOK_TIME_ZONE = 'Europe/Paris';

/** French descriptions of what changed (empty when nothing did). */
export function ensureFrenchSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const changes: string[] = [];
  if (spreadsheet.getSpreadsheetLocale() !== WORKBOOK_LOCALE) {
    spreadsheet.setSpreadsheetLocale(WORKBOOK_LOCALE);
    changes.push(gasMessages.install.locale(WORKBOOK_LOCALE));
  }
  if (spreadsheet.getSpreadsheetTimeZone() !== WORKBOOK_TIME_ZONE) {
    spreadsheet.setSpreadsheetTimeZone(WORKBOOK_TIME_ZONE);
    changes.push(gasMessages.install.timeZone(WORKBOOK_TIME_ZONE));
  }
  return changes;
}
