/**
 * The page's pure parts, in Node: download names, the kind of file opened,
 * the anomalies table's filter and sort, and the worker's engine on bytes
 * (without a browser: the browser tests drive the built page).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { WEB_MESSAGES as M } from '../../src/domain/messages/web';
import { templateBytes } from '../../src/files/offline';
import { filterAndSort, type AnomalyFilter } from '../../src/web/anomalies-table';
import { UserError, WebEngine } from '../../src/web/engine';
import { downloadName } from '../../src/web/file-name';
import { SERVICE_COLUMNS } from '../../src/domain/schema/tabs';
import { handWorkbook, inl } from '../xlsx/support';
import type { AnomalyRow, Result } from '../../src/web/protocol';

describe('downloadName', () => {
  it('keeps a French document name, with a hyphen for the slashes of the date', () => {
    expect(downloadName("Présentation COPIL – Communauté d'agglomération du Val de Loue – 06/12/2026", '.pptx')).toBe(
      "Présentation COPIL – Communauté d'agglomération du Val de Loue – 06-12-2026.pptx",
    );
  });

  it('never yields a character a file system refuses, an empty or hidden name, nor loses the extension', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('.xlsx', '.pptx', '.docx', '.json'), (name, ext) => {
        const out = downloadName(name, ext);
        expect(out.endsWith(ext)).toBe(true);
        const base = out.slice(0, -ext.length);
        expect(base.length).toBeGreaterThan(0);
        expect(base.length).toBeLessThanOrEqual(180);
        expect(base).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f]/);
        expect(base.startsWith('.')).toBe(false);
        expect(base).toBe(base.trim());
      }),
    );
  });
});

describe('filterAndSort (anomalies table)', () => {
  const row = fc.record({
    onglet: fc.constantFrom('Service – Déchets', 'Actions', 'Plans'),
    ligne: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
    colonne: fc.option(fc.constantFrom('Date de fin', 'Filière', 'Budget (€ HT)'), { nil: null }),
    message: fc.constantFrom('La date est invalide.', 'Filière inconnue : « Textille ».', 'Montant illisible.'),
    bloquante: fc.boolean(),
  });
  const all: AnomalyFilter = { onglet: '', gravite: 'toutes', texte: '' };

  it('keeps exactly the rows the filter describes, in their order when unsorted', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('', 'Actions', 'Plans'), fc.constantFrom('toutes', 'bloquantes', 'avertissements') as fc.Arbitrary<AnomalyFilter['gravite']>, (rows, onglet, gravite) => {
        const out = filterAndSort(rows, { onglet, gravite, texte: '' }, null);
        expect(out).toEqual(rows.filter((r) => (onglet === '' || r.onglet === onglet) && (gravite === 'toutes' || r.bloquante === (gravite === 'bloquantes'))));
      }),
    );
  });

  it('searches the text without caring for case or accents', () => {
    const rows: AnomalyRow[] = [
      { onglet: 'Actions', ligne: 3, colonne: 'Filière', message: 'Filière inconnue.', bloquante: false },
      { onglet: 'Plans', ligne: 4, colonne: 'Type', message: 'Type manquant.', bloquante: true },
    ];
    expect(filterAndSort(rows, { ...all, texte: 'FILIERE' }, null)).toEqual([rows[0]]);
  });

  it('sorts by any column both ways, empty cells last, ties in the workbook order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('onglet', 'ligne', 'colonne', 'message', 'bloquante') as fc.Arbitrary<keyof AnomalyRow>, fc.boolean(), (generated, key, ascending) => {
        const rows: AnomalyRow[] = generated;
        const out = filterAndSort(rows, all, { key, ascending });
        expect(out).toHaveLength(rows.length);
        const values = out.map((r) => r[key]);
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        for (let i = 1; i < out.length; i++) {
          const a = out[i - 1][key];
          const b = out[i][key];
          if (a === null || b === null) continue;
          const cmp = typeof a === 'number' && typeof b === 'number' ? a - b : typeof a === 'boolean' ? Number(b) - Number(a as boolean) : String(a).localeCompare(String(b), 'fr', { sensitivity: 'base', numeric: true });
          expect(ascending ? cmp : -cmp).toBeLessThanOrEqual(0);
          if (cmp === 0) expect(rows.indexOf(out[i - 1])).toBeLessThan(rows.indexOf(out[i]));
        }
      }),
    );
  });
});

describe('WebEngine (the worker without the browser)', () => {
  const noProgress = () => undefined;
  const now = () => new Date(2026, 11, 6, 10, 0);

  it('refuses work before a workbook is open, an .ods with how to save it as .xlsx, and a file that is not a workbook', async () => {
    const engine = new WebEngine(now);
    await expect(engine.handle({ type: 'consolider' }, noProgress)).rejects.toThrow(M.erreurs.aucunClasseur);
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] });
    await expect(engine.handle({ type: 'open', name: 'c.ods', bytes: ods.slice().buffer }, noProgress)).rejects.toThrow(M.ouvrir.ods);
    // Told by content, whatever the name.
    await expect(engine.handle({ type: 'open', name: 'renomme.xlsx', bytes: ods.slice().buffer }, noProgress)).rejects.toThrow(M.ouvrir.ods);
    await expect(engine.handle({ type: 'open', name: 'c.xlsx', bytes: strToU8('texte').slice().buffer }, noProgress)).rejects.toThrow(M.ouvrir.pasXlsx('c.xlsx'));
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(engine.handle({ type: 'open', name: 'ancien.xls', bytes: xls.buffer }, noProgress)).rejects.toBeInstanceOf(UserError);
    const truncated = (await templateBytes()).bytes.slice(0, 2000);
    await expect(engine.handle({ type: 'open', name: 'coupe.xlsx', bytes: truncated.buffer }, noProgress)).rejects.toBeInstanceOf(UserError);
  });

  it('opens the empty workbook, reports progress, and asks for the instance of a bilan', async () => {
    const engine = new WebEngine(now);
    const steps: string[] = [];
    const { bytes } = await templateBytes();
    const opened = (await engine.handle({ type: 'open', name: 'modele.xlsx', bytes: bytes.slice().buffer }, (label, i, n) => steps.push(`${label} ${i}/${n}`))) as Extract<Result, { type: 'open' }>;
    expect(steps).toEqual([`${M.progression.lecture} 1/2`, `${M.progression.verification} 2/2`]);
    expect(opened.summary.fichier).toBe('modele.xlsx');
    expect(opened.summary.services).toEqual([]);
    await expect(engine.handle({ type: 'rapport', kind: 'bilan' }, noProgress)).rejects.toThrow(M.erreurs.choisirInstance);
    const tet = (await engine.handle({ type: 'export-tet' }, noProgress)) as Extract<Result, { type: 'file' }>;
    expect(tet.downloads[0].name).toMatch(/^Export Territoires en Transitions – .+ – 06-12-2026\.xlsx$/);
  });

  it('sends with the opened workbook the cells it could not read (openpyxl’s formulas without result), and none for a clean one', async () => {
    const engine = new WebEngine(now);
    const fixture = new Uint8Array(readFileSync(path.resolve(__dirname, '../fixtures/xlsx/openpyxl-service.xlsx')));
    const opened = (await engine.handle({ type: 'open', name: 'openpyxl.xlsx', bytes: fixture.slice().buffer }, noProgress)) as Extract<Result, { type: 'open' }>;
    expect(opened.nonLues.map(({ tab, row, column, kind }) => ({ tab, row, column, kind }))).toEqual([
      { tab: 'Service – Déchets', row: 3, column: 'M', kind: 'formula-without-value' },
      { tab: 'Suivi', row: 2, column: 'C', kind: 'formula-without-value' },
    ]);
    expect(opened.message).toContain('2\u00a0cellules n’ont pas pu être lues');
    const { bytes } = await templateBytes();
    const clean = (await engine.handle({ type: 'open', name: 'modele.xlsx', bytes: bytes.slice().buffer }, noProgress)) as Extract<Result, { type: 'open' }>;
    expect(clean.nonLues).toEqual([]);
    expect(clean.message).not.toContain(M.cellules.nonLues);
  });

  it('sends with the consolidated workbook the cells the writer could not write (a Réf. under a merged range)', async () => {
    const engine = new WebEngine(now);
    const header = `<row r="1">${SERVICE_COLUMNS.map((c, i) => inl(`${String.fromCharCode(65 + i)}1`, c.header.replace(/'/g, '&apos;'))).join('')}</row>`;
    const bytes = handWorkbook({
      sheets: [{ name: 'Service – Déchets', body: `<sheetData>${header}<row r="2">${inl('A2', 'DEC-001')}${inl('B2', 'Compostage')}</row><row r="3">${inl('B3', 'Broyage')}</row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>` }],
    });
    const opened = (await engine.handle({ type: 'open', name: 'fusion.xlsx', bytes: bytes.slice().buffer }, noProgress)) as Extract<Result, { type: 'open' }>;
    expect(opened.nonLues).toEqual([]);
    const done = (await engine.handle({ type: 'consolider' }, noProgress)) as Extract<Result, { type: 'consolider' }>;
    expect(done.downloads.some((d) => d.name.endsWith('.xlsx'))).toBe(true);
    expect(done.nonEcrites.map(({ tab, row, column, kind }) => ({ tab, row, column, kind }))).toEqual([{ tab: 'Service – Déchets', row: 3, column: 'A', kind: 'merged-cell-not-written' }]);
    expect(done.nonEcrites[0].message).toContain('plage fusionnée (A2:A3)');
    expect(done.message).toContain('1\u00a0cellule n’a pas été écrite comme prévu');
  });
});
