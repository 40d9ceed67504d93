/**
 * The coordinator's files, read through the Sheets API (advanced service
 * `Sheets`): the add-on holds `drive.file`, so it reads exactly the files the
 * coordinator picked in Google Picker, nothing else of her Drive. Two calls
 * per file, whatever its size: the tab names, then every tab's values in one
 * `values.batchGet`.
 *
 * Google's documented behaviour this follows:
 * - drive.file gives access to files the user opened with the app, Picker
 *   included (https://developers.google.com/drive/api/guides/api-specific-auth);
 *   picking a FOLDER does not open its files, hence multi-selection of files;
 * - `valueRenderOption=UNFORMATTED_VALUE` gives numbers as numbers, and
 *   `dateTimeRenderOption=FORMATTED_STRING` dates as the cell shows them
 *   (https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption):
 *   our fiches format dates `dd/mm/yyyy`, which the French reader takes.
 */
import type { FichierDossier, LecteurClasseur } from '../app/reseau';
import { RESEAU_MESSAGES as M } from '../domain/messages/reseau';
import type { Cell, Grid } from '../domain/table/cell';

/** The part of the Sheets advanced service the rollup reads with (fakes implement it). */
export interface SheetsReadService {
  readonly Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: { fields?: string }): { properties?: { title?: string }; sheets?: ReadonlyArray<{ properties?: { title?: string } }> };
    readonly Values: {
      batchGet(
        spreadsheetId: string,
        optionalArgs: { ranges: string[]; valueRenderOption: 'UNFORMATTED_VALUE'; dateTimeRenderOption: 'FORMATTED_STRING' },
      ): { valueRanges?: ReadonlyArray<{ values?: unknown[][] }> };
    };
  };
}

/** A1 notation of a whole tab: its name quoted, quotes doubled (https://developers.google.com/sheets/api/guides/concepts#expandable-1). */
export function wholeTab(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function toCell(v: unknown): Cell {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** One picked file: its workbook, or why it could not be read (French). */
export function lireFichierGoogle(sheets: SheetsReadService, id: string): FichierDossier {
  let title = id;
  try {
    const meta = sheets.Spreadsheets.get(id, { fields: 'properties.title,sheets.properties.title' });
    title = meta.properties?.title ?? id;
    const names = (meta.sheets ?? []).map((s) => s.properties?.title ?? '').filter((n) => n !== '');
    const got = names.length
      ? sheets.Spreadsheets.Values.batchGet(id, { ranges: names.map(wholeTab), valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' })
      : { valueRanges: [] };
    const grids = new Map<string, Grid>(names.map((n, i) => [n, (got.valueRanges?.[i]?.values ?? []).map((row) => row.map(toCell))]));
    const book: LecteurClasseur = { sheetNames: () => names, read: (n) => grids.get(n) ?? [] };
    return { fichier: title, book };
  } catch (e) {
    // A file that is not a Google Sheets (an .xlsx left as is), or no longer shared: named, never fatal.
    return { fichier: title, erreur: M.google.illisible(e instanceof Error ? e.message : String(e)) };
  }
}
