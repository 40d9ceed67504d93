/**
 * A workbook last checked by the previous version: its marks' colours were kept
 * in the document's properties (`capCirculaire.marques.<sheetId>`, chunked).
 * The previous marker itself (fixtures/previous-cell-marker.ts, verbatim from
 * git) leaves the workbook in that state; then the built bundle, in node:vm, is
 * clicked: the first Vérifier (or Consolider) puts back every colour the old
 * properties remember (cells still in our red only), removes those properties,
 * and a second run finds nothing left to do. Within the property store's
 * quotas, which the fakes enforce (9 kB per value, 500 kB per store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleFile } from '../../src/app/load-sample';
import { gasMessages } from '../../src/domain/messages/gas';
import { NOTE_PREFIX } from '../../src/domain/messages/validation';
import { TAB } from '../../src/domain/schema/tabs';
import type { CellMark } from '../../src/domain/validation/last-check';
import { GasCellMarker, LEGACY_MARK_PREFIX, MARK_BACKGROUND, MARK_STATE_KEY } from '../../src/gas/cell-marker';
import { RUN_BUDGET_MS } from '../fakes/gas';
import type { FakeProperties } from '../fakes/gas/services';
import { GasCellMarker as PreviousCellMarker } from './fixtures/previous-cell-marker';
import { buildBundle, Lead, readSample, writesOf, type Built } from './support';

const LEAD = 'cheffe.projet@agglo-exemple.fr';
const MEMBER = 'dechets@agglo-exemple.fr';
const DEC = 'Service – Déchets';
/** A tab of the lead's own (not in the schema): the new check never marks it, only the migration touches it. */
const OWN_TAB = 'Suivi interne';
const OWN_ROWS = 3000;
const WHITE = '#ffffff';

let built: Built;
let sample: SampleFile[];

beforeAll(async () => {
  built = buildBundle();
  sample = await readSample();
});

afterAll(() => built?.cleanup());

/** Installed, two services, the sample typed in, and the lead's own tab of OWN_ROWS rows. */
function workbook(): Lead {
  const book = new Lead(built, { owner: LEAD, user: LEAD, spreadsheetEditors: [MEMBER] });
  book.run('onOpen', { authMode: 'LIMITED' });
  book.run('runInstall');
  book.env.ui.queuePrompt('Déchets').queuePrompt(MEMBER);
  book.run('runAddService');
  book.loadSample(sample);
  book.quietly(() => book.env.spreadsheet.seedSheet(OWN_TAB, [['Sujet', 'Avancement', 'Commentaire'], ...Array.from({ length: OWN_ROWS }, (_, i) => [`Sujet ${i + 1}`, `${i % 100} %`, ''])]));
  return book;
}

function background(book: Lead, tab: string, row: number, col: number): string {
  return (book.env.spreadsheet.sheet(tab).format(row - 1, col - 1).background ?? WHITE).toLowerCase();
}

function colour(book: Lead, tab: string, row: number, col: number, bg: string): void {
  book.quietly(() => book.env.spreadsheet.sheet(tab).setFormat(row - 1, col - 1, { background: bg }));
}

function documentProperties(book: Lead): FakeProperties {
  return book.env.properties.document as unknown as FakeProperties;
}

function legacyKeys(book: Lead): string[] {
  return [...documentProperties(book).store.keys()].filter((k) => k.startsWith(LEGACY_MARK_PREFIX));
}

function everyBackground(book: Lead, tabs: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const tab of tabs) {
    const sheet = book.env.spreadsheet.sheet(tab);
    for (let r = 0; r < sheet.maxRows; r++) for (let c = 0; c < sheet.maxColumns; c++) {
      const bg = sheet.format(r, c).background;
      if (bg) (out[tab] ??= []).push(`${r + 1}:${c + 1}=${bg.toLowerCase()}`);
    }
  }
  return out;
}

interface Remembered {
  readonly tab: string;
  readonly row: number;
  readonly col: number;
  /** The colour the cell had before the previous version coloured it. */
  readonly original: string;
}

/**
 * The previous version's check: its marker colours the blocking cells of each tab red and keeps
 * their colours in the document's properties. Returns what it remembered.
 */
function previousCheck(book: Lead, marksByTab: Record<string, CellMark[]>): Remembered[] {
  const remembered: Remembered[] = [];
  book.quietly(() => {
    const old = new PreviousCellMarker(book.env.spreadsheet as never, book.env.properties.getDocumentProperties() as never);
    for (const [tab, marks] of Object.entries(marksByTab)) {
      for (const m of marks) if (m.blocking) remembered.push({ tab, row: m.row, col: m.col, original: background(book, tab, m.row, m.col) });
      old.mark(tab, marks);
    }
  });
  for (const r of remembered) expect(background(book, r.tab, r.row, r.col)).toBe(MARK_BACKGROUND);
  return remembered;
}

const blocking = (row: number, col: number, note = 'Intitulé obligatoire.'): CellMark => ({ row, col, note, blocking: true });

describe('the first check of a workbook the previous version had checked', () => {
  let book: Lead;
  let remembered: Remembered[];
  let afterFirst: Record<string, string[]>;

  beforeAll(() => {
    book = workbook();
    // The services' and the lead's own formatting, under what the old check will colour.
    colour(book, DEC, 2, 2, '#b7e1cd');
    colour(book, DEC, 3, 2, '#fce8b2');
    colour(book, TAB.actions, 4, 3, '#c9daf8');
    for (let r = 2; r <= OWN_ROWS + 1; r += 3) colour(book, OWN_TAB, r, 2, '#d9ead3');
    book.quietly(() => book.env.spreadsheet.sheet(OWN_TAB).setFormat(5, 1, { note: 'Voir avec la DGS' }));
    remembered = previousCheck(book, {
      [DEC]: [blocking(2, 2), blocking(3, 2), blocking(4, 3), { row: 5, col: 2, note: 'Avertissement.', blocking: false }],
      [TAB.actions]: [blocking(4, 3), blocking(5, 3)],
      // More cells than the new version ever colours per tab (1 500): the old memory was unbounded.
      [OWN_TAB]: Array.from({ length: OWN_ROWS }, (_, i) => blocking(i + 2, 2, 'Avancement illisible.')),
    });
    // The old memory, chunked within the 9 kB per value the fakes enforce.
    expect(legacyKeys(book).length).toBeGreaterThan(6);
    for (const k of legacyKeys(book)) expect(Buffer.byteLength(k + documentProperties(book).store.get(k)!, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    // Since the old check, a service recoloured one of the red cells herself.
    colour(book, DEC, 3, 2, '#ff9900');
  });

  it('Vérifier puts back every remembered colour the new check does not use, removes the old properties, and says so', () => {
    const click = book.run('runValidate');
    expect(click.errors).toEqual([]);
    expect(legacyKeys(book)).toEqual([]);
    const alert = click.alerts.at(-1)!.message;
    expect(alert).toMatch(/\d+ cellules ont retrouvé leur couleur d’origine/);
    // The lead's own tab: no new mark there, so every colour is back now, and the old notes are gone (hers kept).
    for (const r of remembered.filter((x) => x.tab === OWN_TAB)) expect(background(book, OWN_TAB, r.row, r.col), `${r.row}:${r.col}`).toBe(r.original);
    const ownNotes = book.env.spreadsheet.sheet(OWN_TAB).snapshot().length;
    expect(ownNotes).toBeGreaterThan(OWN_ROWS);
    expect(book.env.spreadsheet.sheet(OWN_TAB).format(5, 1).note).toBe('Voir avec la DGS');
    expect(book.env.spreadsheet.sheet(OWN_TAB).format(10, 1).note ?? '').not.toContain(NOTE_PREFIX);
    // What the user recoloured after the old check stays hers.
    expect(background(book, DEC, 3, 2)).toBe('#ff9900');
    afterFirst = everyBackground(book, [DEC, TAB.actions, OWN_TAB]);
  });

  it('a cell the new check colours again keeps its original colour in the new memory: clearing the marks gives it back', () => {
    book.quietly(() => {
      const marker = new GasCellMarker(book.env.spreadsheet as never);
      for (const tab of [DEC, TAB.actions]) marker.clear(tab);
    });
    for (const r of remembered.filter((x) => x.tab !== OWN_TAB)) {
      if (r.tab === DEC && r.row === 3) continue; // recoloured by the service since
      expect(background(book, r.tab, r.row, r.col), `${r.tab} ${r.row}:${r.col}`).toBe(r.original);
    }
    for (const tab of [DEC, TAB.actions]) expect(book.env.spreadsheet.sheet(tab).metadata.filter((m) => m.key === MARK_STATE_KEY)).toEqual([]);
    // The next check re-marks (the assertions below start from the state after the first one).
    book.run('runValidate');
    expect(everyBackground(book, [DEC, TAB.actions, OWN_TAB])).toEqual(afterFirst);
  });

  it('once migrated, nothing is left to migrate: the next Vérifier changes no colour, deletes no property, and does not mention it', () => {
    const click = book.run('runValidate');
    expect(click.errors).toEqual([]);
    expect(click.alerts.at(-1)!.message).not.toContain('couleur d’origine');
    expect(click.calls.filter((c) => c.method === 'deleteProperty')).toEqual([]);
    expect(click.calls.filter((c) => c.sheet === OWN_TAB && writesOf([c]).length > 0)).toEqual([]);
    expect(everyBackground(book, [DEC, TAB.actions, OWN_TAB])).toEqual(afterFirst);
    expect(documentProperties(book).bytes).toBeLessThan(500 * 1024);
  });
});

describe('migration edge cases', () => {
  it('Consolider migrates too; a deleted tab’s properties go; a half-deleted memory is cleaned without error', () => {
    const book = workbook();
    colour(book, DEC, 2, 2, '#b7e1cd');
    book.quietly(() => book.env.spreadsheet.seedSheet('Brouillon', [['a', 'b'], ['c', 'd']]));
    const remembered = previousCheck(book, { [DEC]: [blocking(2, 2)], Brouillon: [blocking(2, 1)], [OWN_TAB]: Array.from({ length: 1200 }, (_, i) => blocking(i + 2, 3)) });
    // The user deletes Brouillon. On the own tab, a run of ours stopped after putting the colours
    // back, while deleting the old properties: the chunks are gone, the count is left.
    book.quietly(() => book.env.spreadsheet.deleteSheet(book.env.spreadsheet.sheet('Brouillon')));
    const ownId = book.quietly(() => book.env.spreadsheet.sheet(OWN_TAB).getSheetId());
    for (const r of remembered.filter((x) => x.tab === OWN_TAB)) colour(book, OWN_TAB, r.row, r.col, r.original);
    const props = documentProperties(book);
    expect(props.store.has(`${LEGACY_MARK_PREFIX}${ownId}.1`)).toBe(true);
    for (const k of legacyKeys(book)) if (k.startsWith(`${LEGACY_MARK_PREFIX}${ownId}.`)) props.store.delete(k);
    expect(props.store.has(`${LEGACY_MARK_PREFIX}${ownId}`)).toBe(true);
    const click = book.run('runConsolidate');
    expect(click.errors).toEqual([]);
    expect(legacyKeys(book)).toEqual([]);
    expect(click.alerts.at(-1)!.message).toContain('a retrouvé sa couleur d’origine');
    const dec = remembered.find((r) => r.tab === DEC)!;
    // Consolider may mark the cell again; either way its original colour is known.
    const now = background(book, DEC, dec.row, dec.col);
    if (now === MARK_BACKGROUND) {
      book.quietly(() => new GasCellMarker(book.env.spreadsheet as never).clear(DEC));
      expect(background(book, DEC, dec.row, dec.col)).toBe(dec.original);
    } else expect(now).toBe(dec.original);
    // The own tab: finished (the old notes removed), its colours as they were.
    expect(book.env.spreadsheet.sheet(OWN_TAB).format(2, 2).note ?? '').not.toContain(NOTE_PREFIX);
    for (const r of remembered.filter((x) => x.tab === OWN_TAB)) expect(background(book, OWN_TAB, r.row, r.col)).toBe(r.original);
  });

  it('a service member’s Vérifier migrates her tabs only; the lead’s next Vérifier migrates the rest', () => {
    const book = workbook();
    // A second service tab closed to her: she is a service member (src/gas/access.ts).
    book.env.ui.queuePrompt('Mobilité').queuePrompt('mobilite@agglo-exemple.fr');
    book.run('runAddService');
    colour(book, DEC, 2, 2, '#b7e1cd');
    colour(book, TAB.actions, 4, 3, '#c9daf8');
    const remembered = previousCheck(book, { [DEC]: [blocking(2, 2)], [TAB.actions]: [blocking(4, 3)] });
    const decId = book.quietly(() => book.env.spreadsheet.sheet(DEC).getSheetId());
    const actionsId = book.quietly(() => book.env.spreadsheet.sheet(TAB.actions).getSheetId());
    const actionsBefore = everyBackground(book, [TAB.actions]);
    book.as(MEMBER);
    const mine = book.run('runValidate');
    expect(mine.alerts.at(-1)!.message).toMatch(/^Vérification de vo(tre onglet|s onglets) : « Service – /);
    expect(mine.errors).toEqual([]);
    expect(legacyKeys(book).some((k) => k.startsWith(`${LEGACY_MARK_PREFIX}${decId}`))).toBe(false);
    expect(legacyKeys(book).some((k) => k.startsWith(`${LEGACY_MARK_PREFIX}${actionsId}`))).toBe(true);
    // Nothing written outside the service tabs she may edit (the sample's other service tabs are not protected).
    expect(writesOf(mine.calls).filter((c) => c.sheet !== undefined && !c.sheet.startsWith('Service – '))).toEqual([]);
    expect(everyBackground(book, [TAB.actions])).toEqual(actionsBefore);
    book.as(LEAD);
    const lead = book.run('runValidate');
    expect(lead.errors).toEqual([]);
    expect(legacyKeys(book)).toEqual([]);
    const actions = remembered.find((r) => r.tab === TAB.actions)!;
    book.quietly(() => new GasCellMarker(book.env.spreadsheet as never).clear(TAB.actions));
    expect(background(book, TAB.actions, actions.row, actions.col)).toBe(actions.original);
  });

  it('a property store the previous version filled near its 500 kB quota: every colour back, the store emptied, within the run budget', () => {
    const book = workbook();
    const rows = 24_000;
    book.quietly(() => book.env.spreadsheet.seedSheet('Grand suivi', [['Sujet', 'État'], ...Array.from({ length: rows }, (_, i) => [`Sujet ${i + 1}`, ''])]));
    for (let r = 2; r <= rows + 1; r += 7) colour(book, 'Grand suivi', r, 2, '#fff2cc');
    const remembered = previousCheck(book, { 'Grand suivi': Array.from({ length: rows }, (_, i) => blocking(i + 2, 2, 'État manquant.')) });
    expect(documentProperties(book).bytes).toBeGreaterThan(400 * 1024);
    expect(documentProperties(book).bytes).toBeLessThanOrEqual(500 * 1024);
    const click = book.run('runValidate');
    expect(click.errors).toEqual([]);
    expect(click.estimatedMs).toBeLessThan(RUN_BUDGET_MS);
    expect(legacyKeys(book)).toEqual([]);
    expect(documentProperties(book).bytes).toBeLessThan(50 * 1024);
    for (const r of remembered) expect(background(book, 'Grand suivi', r.row, r.col)).toBe(r.original);
    expect(click.alerts.at(-1)!.message).toContain(`${rows} cellules ont retrouvé leur couleur d’origine`);
  });

  it('a workbook the previous version never checked: one getProperties, nothing else', () => {
    const book = workbook();
    const click = book.run('runValidate');
    expect(click.calls.filter((c) => c.service === 'Properties' && c.method === 'getProperties' && c.detail === 'document').length).toBeGreaterThanOrEqual(1);
    expect(click.calls.filter((c) => c.method === 'deleteProperty' || c.method === 'getSheetId')).toEqual([]);
    expect(click.alerts.at(-1)!.message).not.toContain('couleur d’origine');
    expect(gasMessages.marks.legacyRestored(2)).toContain('2 cellules');
  });
});
