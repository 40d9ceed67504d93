/**
 * Simple triggers. `onOpen` may run in AuthMode.NONE (a file whose user has
 * not authorised the add-on): it builds the menu with UI calls only and reads
 * nothing from the spreadsheet, so it works in every mode.
 */
import { buildMenu } from '../menu';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Installing the add-on from the Marketplace does not fire onOpen for the open file. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
