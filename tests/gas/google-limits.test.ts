/**
 * The fakes refuse what Google refuses (each rule cites its documentation beside its code in
 * tests/fakes/gas), and the adapters stay within those rules: each failure of issue 12 is
 * reproduced here on the stricter fakes, then shown fixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GasCellMarker, MARK_BACKGROUND, MARK_STATE_KEY, MAX_COLOURED_CELLS, MAX_STATE_CHARS } from '../../src/gas/cell-marker';
import { googleText } from '../../src/gas/reports/google-text';
import { slidesRequests } from '../../src/gas/reports/slides-requests';
import { spreadsheetResource } from '../../src/gas/tet-spreadsheet';
import type { ClasseurExport } from '../../src/domain/tet/classeur';
import {
  createGasEnvironment,
  FakeSheetsAdvanced,
  MAX_CELLS,
  PROPERTY_STORE_MAX_BYTES,
  PROPERTY_VALUE_MAX_BYTES,
  PROTECTED_MESSAGE,
  RUN_LIMIT_MS,
  TimeModel,
} from '../fakes/gas';
import { documentBody, FakeDocsService, FakeSlidesService, googleFiltered, slideTexts } from '../fakes/gas/reports-fakes';
import { prepareReport } from '../../src/app/generate-report';
import { TAB } from '../../src/domain/schema/tabs';
import { GoogleDocsRenderer } from '../../src/gas/reports/docs-renderer';
import { GoogleSlidesRenderer } from '../../src/gas/reports/slides-renderer';
import { clock, sampleWorkbook } from '../reports/support';

const OWNER = 'dgs@x.fr';
const LEAD = 'cheffe@x.fr';
const MEMBER = 'membre@x.fr';

function sharedBook() {
  const env = createGasEnvironment({ owner: OWNER, activeUser: LEAD, effectiveUser: LEAD, spreadsheetEditors: [LEAD, MEMBER], sheets: { 'Service – A': [['Réf.']], 'Service – B': [['Réf.']], Actions: [['Réf.']] } });
  // The lead protects each service tab for its member (as Ajouter un service does).
  const pa = env.spreadsheet.sheet('Service – A').protect();
  pa.removeEditors(pa.getEditors());
  pa.addEditors([MEMBER]);
  const pb = env.spreadsheet.sheet('Service – B').protect();
  pb.removeEditors(pb.getEditors());
  return env;
}

describe('protections are per user', () => {
  it("refuses a member's write into a tab she may not edit, with Google's message, and allows her own", () => {
    const env = sharedBook();
    env.actAs(MEMBER);
    const b = env.spreadsheet.sheet('Service – B');
    expect(() => b.getRange('A2').setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(() => b.getRange('A1:B2').setNotes([['', ''], ['', '']])).toThrow(PROTECTED_MESSAGE);
    expect(() => b.getRange('A1').setBackground('#ff0000')).toThrow(PROTECTED_MESSAGE);
    expect(() => b.insertRowsAfter(1, 5)).toThrow(PROTECTED_MESSAGE);
    expect(() => b.addDeveloperMetadata('k', 'v')).toThrow(PROTECTED_MESSAGE);
    expect(() => b.protect().setDescription('à moi')).toThrow(PROTECTED_MESSAGE);
    expect(b.protect().canEdit()).toBe(false);
    env.spreadsheet.sheet('Service – A').getRange('A2').setValue('mine');
    expect(env.spreadsheet.sheet('Service – A').protect().canEdit()).toBe(true);
    // Unprotected tabs stay open to every editor; the owner always may edit.
    env.spreadsheet.sheet('Actions').getRange('A2').setValue('ok');
    env.actAs(OWNER);
    b.getRange('A2').setValue('owner');
  });

  it('lets warning-only protections and unprotected ranges through', () => {
    const env = sharedBook();
    env.actAs(MEMBER);
    env.actAs(LEAD);
    const b = env.spreadsheet.sheet('Service – B');
    b.protect().setUnprotectedRanges([b.getRange('C1:C10')]);
    const r = env.spreadsheet.sheet('Actions').getRange('A1').protect();
    r.removeEditors(r.getEditors());
    r.setWarningOnly(true);
    env.actAs(MEMBER);
    b.getRange('C2').setValue('libre');
    expect(() => b.getRange('B2:C2').setValues([['x', 'y']])).toThrow(PROTECTED_MESSAGE);
    env.spreadsheet.sheet('Actions').getRange('A1').setValue('avertissement seulement');
  });
});

describe('quotas and limits', () => {
  it('PropertiesService: 9 kB per value, 500 kB per store, nothing written when refused', () => {
    const env = createGasEnvironment();
    const p = env.properties.getDocumentProperties();
    expect(() => p.setProperty('k', 'é'.repeat(PROPERTY_VALUE_MAX_BYTES / 2))).toThrow(/Argument too large/);
    p.setProperty('k', 'x'.repeat(8000));
    const many: Record<string, string> = {};
    for (let i = 0; i < 70; i++) many[`c${i}`] = 'y'.repeat(8000);
    expect(() => p.setProperties(many)).toThrow(/property storage quota/);
    expect(p.getKeys()).toEqual(['k']);
    expect(env.properties.document.bytes).toBeLessThan(PROPERTY_STORE_MAX_BYTES);
  });

  it('50,000 characters per cell; 10 million cells per spreadsheet', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    const s = env.spreadsheet.sheet('S');
    expect(() => s.getRange('A1').setValues([['x'.repeat(50_001)]])).toThrow(/50000 characters/);
    s.getRange('A1').setValues([['x'.repeat(50_000)]]);
    expect(() => s.insertRowsAfter(1000, Math.ceil(MAX_CELLS / 26))).toThrow(/above the limit of 10000000 cells/);
  });

  it('frozen rows and columns stay below the grid', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    const s = env.spreadsheet.sheet('S');
    expect(() => s.setFrozenRows(1000)).toThrow("You can't freeze all visible rows on the sheet.");
    s.setFrozenRows(999);
    expect(() => s.setFrozenColumns(26)).toThrow(/freeze all visible columns/);
  });

  it('AuthMode.NONE allows the menu and nothing else', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    env.setAuthMode('NONE');
    env.ui.createMenu('Cap Circulaire').addItem('Aide', 'showHelp').addToUi();
    expect(() => env.spreadsheetApp.getActive()).toThrow(/permission/);
    expect(() => env.locks.getDocumentLock()).toThrow(/permission/);
    expect(() => env.properties.getUserProperties()).toThrow(/permission/);
    expect(() => env.cache.getDocumentCache()).toThrow(/permission/);
    expect(() => env.ui.alert('x')).toThrow(/permission/);
  });

  it('an alert is refused while the document lock is held (it would wait for a click)', () => {
    const env = createGasEnvironment();
    const lock = env.locks.getDocumentLock()!;
    lock.tryLock(1000);
    expect(() => env.ui.alert('x')).toThrow(/holding the document lock/);
    lock.releaseLock();
    env.ui.alert('x');
  });

  it('the time model charges every call and stops a run past 6 minutes', () => {
    const env = createGasEnvironment({ sheets: { S: [] } });
    env.time.startRun();
    const s = env.spreadsheet.sheet('S');
    s.getRange('A1:Z1000').getValues();
    expect(env.time.elapsedMs).toBeCloseTo(TimeModel.CALL_MS * 2 + 26_000 * TimeModel.CELL_MS, 0);
    expect(() => {
      for (let i = 0; i < RUN_LIMIT_MS / TimeModel.CALL_MS + 10; i++) s.getMaxRows();
    }).toThrow(/Exceeded maximum execution time/);
  });
});

describe('Sheets API create rules', () => {
  const classeur = (rows: number): ClasseurExport =>
    ({
      feuilles: [
        {
          name: 'Plan',
          rows: [['Titre', 'Statut', 'Pilote'], ['', '', ''], ['Titre de l’action', 'Statut', 'Pilote'], ...Array.from({ length: rows }, (_, i) => [`Fiche ${i}`, 'En cours', 'X'])],
          boldRows: [0, 2],
          formats: [],
          merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
          widths: [30, 12, 12],
          frozenRows: 3,
        },
      ],
    }) as unknown as ClasseurExport;

  it('refuses frozen rows filling the grid and merges on a sheetId that does not exist', () => {
    const env = createGasEnvironment();
    const api = env.globals.Sheets as FakeSheetsAdvanced;
    expect(() =>
      api.Spreadsheets.create({ properties: { title: 't' }, sheets: [{ properties: { title: 'P', gridProperties: { rowCount: 3, columnCount: 3, frozenRowCount: 3 } } }] }),
    ).toThrow("You can't freeze all visible rows on the sheet.");
    expect(() =>
      api.Spreadsheets.create({ properties: { title: 't' }, sheets: [{ properties: { title: 'P' }, merges: [{ startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 }] }] }),
    ).toThrow(/No grid with id: 0/);
  });

  it('the TeT export of an empty plan and of a full one is accepted', () => {
    const env = createGasEnvironment();
    const api = env.globals.Sheets as FakeSheetsAdvanced;
    for (const n of [0, 40]) {
      const resource = spreadsheetResource(classeur(n), `Export ${n}`);
      const grid = resource.sheets[0].properties.gridProperties;
      expect(grid.frozenRowCount).toBeLessThan(grid.rowCount);
      expect(() => api.Spreadsheets.create(resource as never)).not.toThrow();
    }
  });
});

describe('marks: bounded memory, kept with the tab', () => {
  it(`colours at most ${MAX_COLOURED_CELLS} cells per tab, remembers them within ${MAX_STATE_CHARS} characters, and restores them`, () => {
    const rows = 4000;
    const grid = [['Réf.', 'Intitulé'], ...Array.from({ length: rows }, (_, i) => [`R${i}`, ''])];
    const env = createGasEnvironment({ sheets: { 'Service – A': grid } });
    const sheet = env.spreadsheet.sheet('Service – A');
    for (let r = 1; r <= rows; r += 2) sheet.setFormat(r, 1, { background: '#00ff00' });
    const marker = new GasCellMarker(env.spreadsheet as never);
    const marks = Array.from({ length: rows }, (_, i) => ({ row: i + 2, col: 2, note: 'Intitulé obligatoire.', blocking: true }));
    marker.mark('Service – A', marks);
    expect(marker.capped).toEqual(['Service – A']);
    const red = Array.from({ length: rows }, (_, i) => sheet.format(i + 1, 1).background ?? '').filter((b) => b.toLowerCase() === MARK_BACKGROUND);
    expect(red).toHaveLength(MAX_COLOURED_CELLS);
    expect(sheet.format(rows, 1).note).toContain('Intitulé obligatoire.');
    const [state] = sheet.metadata;
    expect(state.key).toBe(MARK_STATE_KEY);
    expect(state.value!.length).toBeLessThanOrEqual(MAX_STATE_CHARS);
    // Nothing in the property store.
    expect(env.properties.document.bytes).toBe(0);
    marker.clear('Service – A');
    expect(sheet.metadata).toEqual([]);
    for (let r = 1; r <= rows; r++) expect(sheet.format(r, 1).background ?? '#ffffff').toBe(r % 2 === 1 ? '#00ff00' : '#ffffff');
  });
});

describe('Slides and Docs keep the indices right after Google filters the text', () => {
  const pasted = fc.array(fc.constantFrom('a', 'é', ' ', '\uf0b7', '\u0007', '\r', '\n', '\t', '\u000c', '\ue000', '😀', 'Z'), { maxLength: 40 }).map((xs) => xs.join(''));

  it('googleText removes exactly what Google strips (and a little more), never what it keeps', () => {
    fc.assert(
      fc.property(pasted, (s) => {
        const t = googleText(s);
        expect(googleFiltered(t)).toBe(t);
        expect(t).not.toMatch(/\r/);
      }),
    );
  });

  it('the COPIL deck, the AFOM document and a bilan built from texts pasted from Word render in one batch each', async () => {
    const wb = await sampleWorkbook();
    // Word's bullets (U+F0B7 in the Private Use Area), a tab, CR LF and a bell in every free text.
    const pasted = '\uf0b7\tRéemploi des palettes\r\n\uf0b7\tCompostage\u0007 partagé ';
    for (const tab of [TAB.afom, TAB.actions, TAB.planActions, TAB.instances]) {
      const grid = wb.read(tab);
      const patched = grid.map((row, r) => (r < 3 ? row : row.map((v) => (typeof v === 'string' && v.length > 15 && v.includes(' ') ? pasted + v : v))));
      wb.write(tab, 0, 0, patched);
    }
    const slides = new FakeSlidesService();
    const docs = new FakeDocsService();
    const copil = prepareReport('copil', wb, clock);
    if (copil.kind !== 'copil') throw new Error('copil');
    new GoogleSlidesRenderer(slides as never).render(copil.deck, 'copil');
    const afom = prepareReport('afom', wb, clock);
    if (afom.kind === 'copil') throw new Error('afom');
    new GoogleDocsRenderer(docs as never).render(afom.document, 'afom');
    const instanceRow = wb.read(TAB.instances).findIndex((r, i) => i > 0 && r.some((v) => typeof v === 'string' && v.startsWith('\uf0b7'))) + 1;
    if (instanceRow > 0) {
      const bilan = prepareReport('bilan', wb, clock, { instanceRow });
      if (bilan.kind === 'copil') throw new Error('bilan');
      new GoogleDocsRenderer(docs as never).render(bilan.document, 'bilan');
    }
    const deckText = slides.last().slides.flatMap((sl) => [...slideTexts(sl), sl.notes]).join('\n');
    const docText = [...docs.documents.values()].map((d) => JSON.stringify(documentBody(d))).join('\n');
    for (const text of [deckText, docText]) {
      expect(text).not.toMatch(/[\uf0b7\u0007\r]/);
    }
    expect(docText).toContain('Réemploi des palettes');
    expect(deckText + docText).toContain('Compostage partagé');
  });

  it('a line of zero width and height is refused by the fake, and never emitted', () => {
    const slides = new FakeSlidesService();
    const { presentationId } = slides.Presentations.create({ title: 't' }) as { presentationId: string };
    expect(() =>
      slides.Presentations.batchUpdate(
        {
          requests: [
            { createSlide: { objectId: 'slide_1', insertionIndex: 0 } },
            { createLine: { objectId: 'line_1', category: 'STRAIGHT', elementProperties: { pageObjectId: 'slide_1', size: { width: { magnitude: 0, unit: 'PT' }, height: { magnitude: 0, unit: 'PT' } } } } },
          ],
        },
        presentationId,
      ),
    ).toThrow(/zero width and height/);
    // The deck's builder never emits one: a primitive line of no extent is dropped.
    const plan = slidesRequests({ slides: [] } as never);
    expect(plan.requests.filter((r) => 'createLine' in r)).toEqual([]);
  });
});
