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

interface SpreadsheetResource {
  properties?: { title?: string };
  sheets?: ReadonlyArray<{
    properties?: { title?: string; gridProperties?: { frozenRowCount?: number } };
    data?: ReadonlyArray<{ startRow?: number; startColumn?: number; rowData?: ReadonlyArray<{ values?: readonly CellData[] }> }>;
    merges?: readonly unknown[];
  }>;
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
