/**
 * Workbooks really written by openpyxl and LibreOffice
 * (tests/fixtures/xlsx, README there): read as the user sees them, formulas
 * without a stored result reported, and consolidated in place without
 * losing their chart, table, comment or names.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { OoxmlPackage } from '../../src/files/xlsx/package';
import { cli, tempDir } from '../node/helpers';
import { hasLibreOffice, libreOfficeCsv } from './support';

const FIXTURES = join(__dirname, '..', 'fixtures', 'xlsx');
const dir = tempDir('real');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('workbooks written by openpyxl and LibreOffice', () => {
  it('reads openpyxl’s workbook and reports its formulas stored without result, by cell', async () => {
    const loaded = await readXlsxBuffer(fixture('openpyxl-service.xlsx'));
    const service = loaded.workbook.read('Service – Déchets');
    expect(service[1].slice(0, 2)).toEqual(['DEC-001', 'Compostage partagé']);
    expect(service[1][8]).toEqual(new Date(Date.UTC(2025, 2, 14)));
    expect(service[2][12]).toBeNull();
    expect(loaded.readingIssues.map(({ tab, row, column, kind }) => ({ tab, row, column, kind }))).toEqual([
      { tab: 'Service – Déchets', row: 3, column: 'M', kind: 'formula-without-value' },
      { tab: 'Suivi', row: 2, column: 'C', kind: 'formula-without-value' },
    ]);
  });

  it('reads LibreOffice’s workbook (table, shared strings, computed results) without a reading issue', async () => {
    const loaded = await readXlsxBuffer(fixture('libreoffice-service.xlsx'));
    expect(loaded.readingIssues).toEqual([]);
    expect(loaded.workbook.read('Service – Déchets')[2][12]).toBe(1200);
    expect(loaded.workbook.read('Suivi')).toEqual([['Filière', 'Tonnes', 'Total'], ['Textile', 12, 20], ['BTP', 3, null], ['Bois', 5, null]]);
  });

  it('reads dates of openpyxl’s 1904 workbook as the same days', async () => {
    const loaded = await readXlsxBuffer(fixture('openpyxl-1904.xlsx'));
    expect(loaded.source.date1904).toBe(true);
    expect(loaded.workbook.read('Dates')).toEqual([['Jalon', 'Date'], ['Lancement', new Date(Date.UTC(2025, 2, 14))], ['Bilan', new Date(Date.UTC(2026, 0, 5, 10, 30))]]);
  });

  for (const name of ['openpyxl-service.xlsx', 'libreoffice-service.xlsx']) {
    it(`consolidates ${name} in place, keeping its chart, table, comment and names, and LibreOffice opens the result`, async () => {
      const file = join(dir, name);
      copyFileSync(join(FIXTURES, name), file);
      const before = new OoxmlPackage(fixture(name));
      const res = await cli(dir, 'consolidate', name, '--in-place');
      expect(res.code, res.stderr).toBe(0);
      const after = new OoxmlPackage(new Uint8Array(readFileSync(file)));
      const kept = before.names().filter((n) => /chart|drawing|table|comment|vml|theme/i.test(n));
      expect(kept.length).toBeGreaterThanOrEqual(5);
      for (const part of kept) expect(Buffer.from(after.bytes(part)!).equals(Buffer.from(before.bytes(part)!)), part).toBe(true);
      expect(after.text('xl/workbook.xml')).toContain('MesTonnes');
      const loaded = await readXlsxBuffer(after.toBytes());
      const service = loaded.workbook.read('Service – Déchets');
      // The action without a Réf. got one, written in the service tab.
      expect(service[2][0]).toMatch(/^[A-Z]+-\d+$/);
      expect(loaded.workbook.read('Actions').length).toBe(4);
      if (hasLibreOffice()) expect(libreOfficeCsv(file, dir)).toContain('Compostage partagé');
    }, 120_000);
  }
});

describe('the command line names the cells it could not read', () => {
  it('validate on openpyxl’s workbook prints each formula stored without result, with its tab and cell, in French', async () => {
    const { cli } = await import('../node/helpers');
    const r = await cli(dir, 'validate', join(FIXTURES, 'openpyxl-service.xlsx'));
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toContain('« Service – Déchets », cellule M3 : la formule n’a pas de résultat enregistré');
    expect(r.stderr).toContain('« Suivi », cellule C2 :');
  });
});
