/** The TeT export as one Sheets API create request (drive.file is enough). */
import { describe, expect, it } from 'vitest';
import { spreadsheetResource } from '../../src/gas/tet-spreadsheet';
import { writeClasseurSheets } from '../../src/gas/handlers/export-tet';
import type { ClasseurExport } from '../../src/domain/tet/classeur';
import { createGasEnvironment, FakeSheetsAdvanced } from '../fakes/gas';

function classeur(rows: number): ClasseurExport {
  const data = Array.from({ length: rows }, (_, i) => [`${i + 1}. Axe`, null, `Fiche ${i + 1}`, 12500.5, new Date(Date.UTC(2025, 3, 3)), i === 0 ? '=SOMME(A1:A2)' : true]);
  return {
    feuilles: [
      {
        name: "Fichier d'import",
        rows: [['Présentation', null, null, null, null, null], ['Axe (x)', 'Sous-axe (x.x)', "Titre de l'action", 'Montant € HT', 'Date de début', 'Notes'], ['Champ texte'], ...data],
        merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
        widths: [20, 20, 40, 12, 12, 30],
        formats: [{ row: 3, col: 3, rows, cols: 1, numberFormat: '#,##0.00' }],
        boldRows: [0, 1],
        frozenRows: 2,
      },
      { name: 'Référentiel ECi', rows: [['N°', 'Intitulé'], ['1', 'Axe 1']], merges: [], widths: [8, 60], formats: [], boldRows: [0], frozenRows: 1 },
    ],
  };
}

describe('TeT export in Google Sheets', () => {
  it('describes values with their types, dates as serials with a date format, and `=…` as text', () => {
    const r = spreadsheetResource(classeur(2), 'Export TeT – Val de Loue – 28/11/2026');
    expect(r.properties).toMatchObject({ title: 'Export TeT – Val de Loue – 28/11/2026', locale: 'fr_FR' });
    expect(r.sheets.map((s) => s.properties.title)).toEqual(["Fichier d'import", 'Référentiel ECi']);
    const first = r.sheets[0];
    expect(first.properties.gridProperties.frozenRowCount).toBe(2);
    expect(first.merges).toEqual([{ sheetId: first.properties.sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 }]);
    const row = first.data[0].rowData[3].values;
    expect(row[0].userEnteredValue).toEqual({ stringValue: '1. Axe' });
    expect(row[1].userEnteredValue).toBeUndefined();
    expect(row[3]).toMatchObject({ userEnteredValue: { numberValue: 12500.5 }, userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '#,##0.00' } } });
    // 03/04/2025 is day 45750 since 30/12/1899.
    expect(row[4]).toMatchObject({ userEnteredValue: { numberValue: 45750 }, userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } });
    expect(row[5].userEnteredValue).toEqual({ stringValue: '=SOMME(A1:A2)' });
    expect(first.data[0].rowData[1].values[0].userEnteredFormat).toMatchObject({ textFormat: { bold: true } });
  });

  it('creates the file in one API call whatever its size', () => {
    for (const rows of [1, 500]) {
      const env = createGasEnvironment();
      const sheets = env.globals.Sheets as FakeSheetsAdvanced;
      const url = writeClasseurSheets(sheets, classeur(rows), 'Export TeT');
      expect(env.calls.count('Spreadsheets.create')).toBe(1);
      expect(env.calls.all.filter((c) => c.service === 'Sheets')).toHaveLength(1);
      const created = env.spreadsheetApp.created.at(-1)!;
      expect(url).toBe(`https://docs.google.com/spreadsheets/d/${created.id}/edit`);
      expect(created.sheetNames()).toEqual(["Fichier d'import", 'Référentiel ECi']);
      expect(created.sheet("Fichier d'import").snapshot()[1][0]).toBe('Axe (x)');
      expect(created.sheet("Fichier d'import").snapshot()).toHaveLength(3 + rows);
    }
  });
});
