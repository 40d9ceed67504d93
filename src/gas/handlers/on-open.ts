/**
 * Simple trigger `onOpen`. The add-on is a script bound to the spreadsheet
 * (copied with it from the template), so Google runs it in AuthMode.LIMITED
 * for a bound script, and in AuthMode.NONE when the file has never been
 * authorised: it builds the menu with UI calls only and reads nothing from the
 * spreadsheet, so it works in every mode
 * (https://developers.google.com/apps-script/guides/triggers#restrictions).
 * A bound script has no `onInstall` (that trigger is for Editor add-ons, which
 * would also have to use `createAddonMenu()`).
 */
import { buildMenu } from '../menu';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}
