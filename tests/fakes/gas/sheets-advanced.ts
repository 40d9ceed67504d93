/**
 * The Sheets advanced service (`Sheets`), as much as the add-on uses:
 * `Sheets.Spreadsheets.create(resource)` makes a new spreadsheet from the
 * request's sheets and cell data (one recorded call), lands in
 * `SpreadsheetApp.created` like a file made by `SpreadsheetApp.create`, and
 * answers with its id and URL. Values keep their types; a `stringValue` is
 * text even when it starts with `=` (the API never parses it).
 */
import type { GasCore } from './core';
import { FakeSpreadsheet, type FakeSpreadsheetApp } from './spreadsheet';

interface CellData {
  userEnteredValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean; formulaValue?: string };
  userEnteredFormat?: { numberFormat?: { type: string; pattern: string }; textFormat?: { bold?: boolean } };
}

interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

interface SpreadsheetResource {
  properties?: { title?: string };
  sheets?: ReadonlyArray<{
    properties?: { sheetId?: number; title?: string; gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number; frozenColumnCount?: number } };
    data?: ReadonlyArray<{ startRow?: number; startColumn?: number; rowData?: ReadonlyArray<{ values?: readonly CellData[] }> }>;
    merges?: readonly GridRange[];
  }>;
}

/** Google's answer to a refused request, as the advanced service throws it. */
function refused(message: string): Error {
  return new Error(`GoogleJsonResponseException: API call to sheets.spreadsheets.create failed with error: Invalid requests[0]: ${message}`);
}

/**
 * The rules the Sheets API applies to a new spreadsheet's sheets
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#gridproperties,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#gridrange):
 * frozen rows and columns strictly below the grid's size ("You can't freeze all visible rows on
 * the sheet"), data inside the grid, sheet ids unique, merges on an existing sheetId (an omitted
 * sheetId means 0), inside the grid, of two cells or more, not overlapping one another.
 * Sheets without an id get one chosen by Google: the fake never gives 0, so a merge that omits
 * its sheetId (or guesses 0) is refused as it can be by the API.
 */
function checkSheets(sheets: NonNullable<SpreadsheetResource['sheets']>, nextId: () => number): number[] {
  const ids: number[] = [];
  for (const s of sheets) {
    const id = s.properties?.sheetId ?? nextId();
    if (!Number.isInteger(id) || id < 0) throw refused(`Invalid sheetId ${id}.`);
    if (ids.includes(id)) throw refused(`Duplicate sheet ID: ${id}`);
    ids.push(id);
  }
  sheets.forEach((s, i) => {
    const g = s.properties?.gridProperties ?? {};
    const rows = g.rowCount ?? 1000;
    const cols = g.columnCount ?? 26;
    if (rows < 1 || cols < 1) throw refused('Sheets need at least one row and one column.');
    if ((g.frozenRowCount ?? 0) >= rows) throw refused("You can't freeze all visible rows on the sheet.");
    if ((g.frozenColumnCount ?? 0) >= cols) throw refused("You can't freeze all visible columns on the sheet.");
    for (const block of s.data ?? []) {
      const r0 = block.startRow ?? 0;
      const c0 = block.startColumn ?? 0;
      const height = block.rowData?.length ?? 0;
      const width = Math.max(0, ...(block.rowData ?? []).map((r) => r.values?.length ?? 0));
      if (r0 + height > rows || c0 + width > cols) throw refused(`Data of sheet ${s.properties?.title} exceeds its grid (${rows} × ${cols}).`);
    }
    const merges = s.merges ?? [];
    merges.forEach((m, j) => {
      const sid = m.sheetId ?? 0;
      if (!ids.includes(sid)) throw refused(`No grid with id: ${sid}`);
      const target = sheets[ids.indexOf(sid)];
      const tg = target.properties?.gridProperties ?? {};
      const [r0, r1, c0, c1] = [m.startRowIndex ?? 0, m.endRowIndex ?? tg.rowCount ?? 1000, m.startColumnIndex ?? 0, m.endColumnIndex ?? tg.columnCount ?? 26];
      if (r0 < 0 || c0 < 0 || r1 > (tg.rowCount ?? 1000) || c1 > (tg.columnCount ?? 26) || r0 >= r1 || c0 >= c1) throw refused(`Merge ${j} outside the grid of sheet ${sid}.`);
      if (r1 - r0 === 1 && c1 - c0 === 1) throw refused('Must merge at least two cells.');
      for (const o of merges.slice(0, j)) {
        if ((o.sheetId ?? 0) !== sid) continue;
        if ((o.startRowIndex ?? 0) < r1 && r0 < (o.endRowIndex ?? 0) && (o.startColumnIndex ?? 0) < c1 && c0 < (o.endColumnIndex ?? 0)) throw refused('You cannot merge cells that overlap an existing merge.');
      }
    });
    void i;
  });
  return ids;
}

/** What the last created files were asked: for tests that check formats and merges. */
export interface CreatedRequest {
  readonly spreadsheet: FakeSpreadsheet;
  readonly resource: SpreadsheetResource;
}

export class FakeSheetsAdvanced {
  readonly requests: CreatedRequest[] = [];
  readonly Spreadsheets = {
    create: (resource: SpreadsheetResource) => this.create(resource),
  };

  constructor(
    private readonly core: GasCore,
    private readonly app: FakeSpreadsheetApp,
  ) {}

  private create(resource: SpreadsheetResource): { spreadsheetId: string; spreadsheetUrl: string; properties: { title: string } } {
    this.core.record('Sheets', 'Spreadsheets.create', { detail: resource.properties?.title ?? '' });
    this.core.requireAuth('Sheets.Spreadsheets.create');
    const title = resource.properties?.title;
    if (!title) throw new Error('GoogleJsonResponseException: API call to sheets.spreadsheets.create failed with error: title required (fake)');
    const ss = new FakeSpreadsheet(this.core, title, `fake-created-${this.core.newId()}`);
    const sheets = resource.sheets && resource.sheets.length > 0 ? resource.sheets : [{ properties: { title: 'Feuille 1' } }];
    checkSheets(sheets, () => 1_000_000 + this.core.newId());
    sheets.forEach((s, i) => {
      const grid: unknown[][] = [];
      for (const block of s.data ?? []) {
        (block.rowData ?? []).forEach((row, r) => {
          const line = (grid[(block.startRow ?? 0) + r] ??= []);
          (row.values ?? []).forEach((cell, c) => {
            const v = cell.userEnteredValue;
            if (v?.formulaValue !== undefined) throw new Error('fake: formulas are not evaluated');
            line[(block.startColumn ?? 0) + c] = v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? '';
          });
        });
      }
      ss.seedSheet(s.properties?.title ?? `Feuille ${i + 1}`, grid);
    });
    this.app.created.push(ss);
    this.requests.push({ spreadsheet: ss, resource });
    return { spreadsheetId: ss.id, spreadsheetUrl: ss.getUrl(), properties: { title } };
  }
}
