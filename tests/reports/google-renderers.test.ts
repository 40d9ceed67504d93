import { describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../../src/domain/reports/deck';
import type { ReportDocument } from '../../src/domain/reports/document';
import { copilDeck } from '../../src/domain/reports/copil';
import { afomDocument } from '../../src/domain/reports/afom';
import { cell, para, tableSlides, widths } from '../../src/domain/reports/deck-kit';
import { slidePrimitives } from '../../src/domain/reports/primitives';
import { GoogleDocsRenderer } from '../../src/gas/reports/docs-renderer';
import { docsRequests } from '../../src/gas/reports/docs-requests';
import { typographie } from '../../src/domain/text/typography';
import { GoogleSlidesRenderer } from '../../src/gas/reports/slides-renderer';
import { slidesRequests } from '../../src/gas/reports/slides-requests';
import { documentBody, FakeDocsService, FakeSlidesService, slideTexts, type FakeDocTable } from '../fakes/gas/reports-fakes';
import { almostEmptyInput } from './support';

const TRICKY = ['=SOMME(A1:A9)', '+33 6 12 34 56 78', '<b>gras</b>', '<img src=x onerror=alert(1)>', 'Fin & suite « citée »'];

function deckWithRows(n: number): Deck {
  const columns = widths(672, [1, 3, 1]).map((w, i) => ({ header: ['N°', 'Intitulé', 'Statut'][i], width: w }));
  const rows = Array.from({ length: n }, (_, i) => [cell(String(i + 1)), cell(TRICKY[i % TRICKY.length] + ` ${i}`), cell(i % 2 ? 'Fait' : 'À faire', { fill: '#B7E1CD' })]);
  const table: Slide[] = tableSlides({ title: 'Tableau', columns, rows, size: 12, notes: 'Notes du tableau.' });
  const chart: Slide = {
    layout: 'content',
    title: 'Graphique',
    notes: 'Notes du graphique.',
    blocks: [
      {
        kind: 'chart',
        frame: { x: 24, y: 64, w: 400, h: 300 },
        chart: {
          orientation: 'horizontal',
          grouping: 'stacked',
          categories: Array.from({ length: Math.min(n, 8) }, (_, i) => `Catégorie ${i + 1}`),
          series: [
            { name: 'Réalisé', colour: '#6FB596', values: Array.from({ length: Math.min(n, 8) }, (_, i) => 10 + i) },
            { name: 'Programmé', colour: '#F2C66D', values: Array.from({ length: Math.min(n, 8) }, () => 5) },
          ],
          max: 100,
          unit: '\u202f%',
          decimals: 0,
          size: 11,
        },
      },
      { kind: 'text', frame: { x: 440, y: 64, w: 256, h: 200 }, paragraphs: TRICKY.map((t) => para(t, 12, { bullet: true })) },
    ],
  };
  return { title: 'Essai', collectivite: 'Commune <b>test</b>', date: '28/11/2026', footer: 'Commune <b>test</b> · COPIL du 28/11/2026', slides: [chart, ...table] };
}

describe('Google Slides renderer', () => {
  it('creates a new presentation and fills it with one batchUpdate, whatever the number of rows', () => {
    const summaries = [3, 120].map((n) => {
      const slides = new FakeSlidesService();
      const file = new GoogleSlidesRenderer(slides).render(deckWithRows(n), `Présentation COPIL – Essai – 28/11/2026`);
      expect(file.url).toMatch(/^https:\/\/docs\.google\.com\/presentation\/d\/pres1\/edit$/);
      return { summary: slides.calls.summary(), slides: slides.last().slides.length };
    });
    // create, one batchUpdate with everything, then the notes (ids known only once the slides exist): get + batchUpdate.
    expect(summaries[0].summary).toEqual({ 'Slides.Presentations.create': 1, 'Slides.Presentations.batchUpdate': 2, 'Slides.Presentations.get': 1 });
    expect(summaries[1].summary).toEqual(summaries[0].summary);
    expect(summaries[1].slides).toBeGreaterThan(summaries[0].slides);
  });

  it('builds every slide, deletes the default one, and keeps texts literal', () => {
    const deck = deckWithRows(12);
    const slides = new FakeSlidesService();
    new GoogleSlidesRenderer(slides).render(deck, 'Essai');
    const p = slides.last();
    expect(p.title).toBe('Essai');
    expect(p.slides.map((s) => s.objectId)).toEqual(deck.slides.map((_, i) => `cc_s${i}`));
    const all = p.slides.flatMap(slideTexts);
    // Literal, in French typography (« citée » gets its narrow no-break spaces).
    for (const t of TRICKY) expect(all.some((x) => x.includes(typographie(t)))).toBe(true);
    expect(all).toContain('Commune <b>test</b> · COPIL du 28/11/2026');
    // Table cells hold exactly the deck's cell texts.
    const table = p.slides[1].elements.find((e) => e.kind === 'table')!;
    const block = deck.slides[1].blocks.find((b) => b.kind === 'table')!;
    if (block.kind !== 'table') throw new Error('table attendue');
    expect(table.cells).toEqual([block.columns.map((c) => c.header), ...block.rows.map((r) => r.map((c) => c.text))]);
    expect(p.slides.map((s) => s.notes)).toEqual(deck.slides.map((s) => s.notes));
  });

  it('draws charts as rectangles sized by value, with their labels', () => {
    const deck = deckWithRows(8);
    const slides = new FakeSlidesService();
    new GoogleSlidesRenderer(slides).render(deck, 'Essai');
    const chartSlide = slides.last().slides[0];
    const bars = chartSlide.elements.filter((e) => e.kind === 'shape' && e.shapeType === 'RECTANGLE' && e.at.y > 64 && e.at.x > 24 && e.size.h > 5 && e.size.w < 400);
    const texts = slideTexts(chartSlide);
    for (let i = 1; i <= 8; i++) expect(texts).toContain(`Catégorie ${i}`);
    expect(texts).toContain('Réalisé');
    expect(texts).toContain('Programmé');
    // The Réalisé bars (their fill is the series colour), top to bottom: category 8 (17 %) is 1,7 times category 1 (10 %).
    const red = (e: (typeof bars)[number]) => (e.fills.get('shape') as { shapeBackgroundFill?: { solidFill?: { color: { rgbColor: { red: number } } } } }).shapeBackgroundFill?.solidFill?.color.rgbColor.red;
    const widthsByY = bars.filter((b) => Math.abs((red(b) ?? -1) - 0x6f / 255) < 1e-6).sort((a, b) => a.at.y - b.at.y);
    expect(widthsByY).toHaveLength(8);
    expect(widthsByY[7].size.w / widthsByY[0].size.w).toBeCloseTo(17 / 10, 1);
  });

  it('renders the COPIL deck of an almost empty workbook without an invalid request', () => {
    const deck = copilDeck(almostEmptyInput());
    const slides = new FakeSlidesService();
    new GoogleSlidesRenderer(slides).render(deck, 'Présentation COPIL');
    expect(slides.last().slides).toHaveLength(deck.slides.length);
    const ids = slidesRequests(deck).requests.flatMap((r) => Object.values(r).map((b) => (b as { objectId?: string }).objectId)).filter(Boolean);
    for (const id of ids) expect(id!.length).toBeGreaterThanOrEqual(5);
    // Every text of every primitive reached the presentation.
    const texts = slides.last().slides.flatMap(slideTexts).join('\n');
    deck.slides.forEach((_, i) => {
      for (const p of slidePrimitives(deck, i, { nativeCharts: false })) {
        if (p.kind === 'text') for (const para of p.paragraphs) for (const r of para.runs) if (r.text) expect(texts).toContain(r.text);
      }
    });
  });
});

function docWith(n: number): ReportDocument {
  return {
    title: 'Dossier <b>essai</b>',
    subtitle: 'Commune test · 28/11/2026',
    collectivite: 'Commune test',
    date: '28/11/2026',
    version: 'Version du 28/11/2026 à 16\u00a0h\u00a020',
    footer: 'Dossier · Commune test',
    tableOfContents: false,
    blocks: [
      { kind: 'heading', level: 1, text: 'Première partie' },
      { kind: 'paragraph', runs: [{ text: 'Texte ' }, { text: 'gras', bold: true }, { text: ' et ' }, { text: 'un lien', link: 'https://exemple.fr/preuve.pdf' }, { text: ' et ' }, { text: 'pas un lien', link: 'javascript:alert(1)' }] },
      { kind: 'list', ordered: false, items: TRICKY.map((t) => [{ text: t }]) },
      { kind: 'paragraph', runs: [{ text: 'Après la liste.' }] },
      { kind: 'heading', level: 2, text: 'Tableau' },
      {
        kind: 'table',
        headers: ['N°', 'Texte', 'État'],
        widths: [1, 4, 2],
        rows: Array.from({ length: n }, (_, i) => [{ runs: [{ text: String(i + 1) }] }, { runs: [{ text: `${TRICKY[i % TRICKY.length]}\nseconde ligne ${i}` }] }, { runs: [{ text: i % 2 ? 'Prête' : '' }], fill: '#B7E1CD' }]),
      },
      { kind: 'paragraph', runs: [{ text: 'Entre deux tableaux.' }], style: 'note' },
      { kind: 'table', headers: [], widths: [1, 2], rows: [[{ runs: [{ text: 'Clé' }] }, { runs: [{ text: 'Valeur' }] }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'un' }], [{ text: 'deux' }]] },
      { kind: 'heading', level: 3, text: 'Fin' },
    ],
  };
}

describe('Google Docs renderer', () => {
  it('creates a new document and fills it with one batchUpdate, whatever the number of rows', () => {
    const summaries = [2, 150].map((n) => {
      const docs = new FakeDocsService();
      const file = new GoogleDocsRenderer(docs).render(docWith(n), 'Dossier');
      expect(file.url).toBe('https://docs.google.com/document/d/doc1/edit');
      return docs.calls.summary();
    });
    // The body in one batchUpdate; a second, small one fills the footer (its id comes back from the first).
    expect(summaries[0]).toEqual({ 'Docs.Documents.create': 1, 'Docs.Documents.batchUpdate': 2 });
    expect(summaries[1]).toEqual(summaries[0]);
  });

  it('puts every text where it belongs: headings styled, lists bulleted, cells computed from indexes', () => {
    const doc = docWith(7);
    const docs = new FakeDocsService();
    new GoogleDocsRenderer(docs).render(doc, 'Dossier');
    const body = documentBody(docs.last());
    const paragraphs = body.filter((e) => e.type === 'paragraph');
    const find = (text: string) => paragraphs.find((p) => p.type === 'paragraph' && p.text === text) as Extract<(typeof body)[number], { type: 'paragraph' }>;
    expect(find('Dossier <b>essai</b>').style).toBe('TITLE');
    expect(find('Commune test · 28/11/2026').style).toBe('SUBTITLE');
    expect(find('Première partie').style).toBe('HEADING_1');
    expect(find('Tableau').style).toBe('HEADING_2');
    expect(find('Fin').style).toBe('HEADING_3');
    for (const t of TRICKY) {
      expect(find(t).bullet).toBe('BULLET_DISC_CIRCLE_SQUARE');
      expect(find(t).style).toBe('NORMAL_TEXT');
    }
    expect(find('Après la liste.').bullet).toBeNull();
    expect(find('un').bullet).toBe('NUMBERED_DECIMAL_ALPHA_ROMAN');
    expect(find('Première partie').bullet).toBeNull();
    // Runs: bold, link kept for https only.
    const mixed = find('Texte gras et un lien et pas un lien');
    expect(mixed.runs.find((r) => r.text === 'gras')?.bold).toBe(true);
    expect(mixed.runs.find((r) => r.text === 'un lien')?.link).toBe('https://exemple.fr/preuve.pdf');
    expect(mixed.runs.every((r) => !r.link || r.link.startsWith('https://'))).toBe(true);
    // Tables: exact cell texts (multi-line cells keep their lines), header row, fills.
    const tables = body.filter((e): e is FakeDocTable => e.type === 'table');
    expect(tables).toHaveLength(2);
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('table');
    expect(tables[0].cells).toEqual([table.headers, ...table.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join('')))]);
    expect(tables[0].fills[1][2]).toEqual({ color: { rgbColor: { red: 0xb7 / 255, green: 0xe1 / 255, blue: 0xcd / 255 } } });
    expect(tables[0].runs[0][0][0].bold).toBe(true);
    expect(tables[1].cells).toEqual([['Clé', 'Valeur']]);
  });

  it('prints a cover page, a footer on the other pages, and a table of contents linked to the headings', () => {
    const doc = { ...docWith(3), tableOfContents: true };
    const docs = new FakeDocsService();
    new GoogleDocsRenderer(docs).render(doc, 'Dossier');
    expect(docs.calls.summary()).toEqual({ 'Docs.Documents.create': 1, 'Docs.Documents.batchUpdate': 2, 'Docs.Documents.get': 1 });
    const d = docs.last();
    const body = documentBody(d);
    const texts = body.map((e) => (e.type === 'paragraph' ? e.text : '<table>'));
    // Cover: collectivité, title, subtitle, version, then a page break.
    expect(texts.slice(0, 5)).toEqual(['Commune test', 'Dossier <b>essai</b>', 'Commune test · 28/11/2026', 'Version du 28/11/2026 à 16\u00a0h\u00a020', '\f']);
    expect(d.documentStyle?.useFirstPageHeaderFooter).toBe(true);
    // Sommaire: one entry per heading, in order, each linked to its heading; then a page break.
    const headings = body.filter((e) => e.type === 'paragraph' && /^HEADING_/.test(e.style)).map((e) => (e.type === 'paragraph' ? e.text : ''));
    expect(texts[5]).toBe('Sommaire');
    expect(texts.slice(6, 6 + headings.length)).toEqual(headings);
    expect(texts[6 + headings.length]).toBe('\f');
    const entries = body.slice(6, 6 + headings.length);
    entries.forEach((e, i) => expect(e.type === 'paragraph' && e.runs.every((r) => r.link === `#heading=h.${i + 1}`)).toBe(true));
    // Footer: the document and the collectivité (Docs cannot insert page numbers through the API).
    expect([...d.footers!.values()]).toEqual([{ type: 'DEFAULT', text: 'Dossier · Commune test\n', alignment: 'END' }]);
  });

  it('renders the AFOM document of an almost empty workbook', () => {
    const doc = afomDocument(almostEmptyInput());
    const docs = new FakeDocsService();
    new GoogleDocsRenderer(docs).render(doc, 'Document AFOM');
    const texts = documentBody(docs.last()).flatMap((e) => (e.type === 'paragraph' ? [e.text] : e.cells.flat()));
    expect(texts.join('\n')).toContain('Aucun élément AFOM renseigné');
    expect(docsRequests(doc).length).toBeGreaterThan(5);
  });
});

describe('the Docs fake follows the API’s index rules', () => {
  it('refuses text outside a paragraph and finds cell paragraphs where the formula puts them', () => {
    const docs = new FakeDocsService();
    const { documentId } = docs.Documents.create({ title: 'x' }) as { documentId: string };
    // A 2 × 3 table at index 1: newline at 1, table start T = 2, cell (r, c) paragraph at T + 3 + r·7 + 2c.
    const T = 2;
    docs.Documents.batchUpdate(
      {
        requests: [
          { insertTable: { rows: 2, columns: 3, location: { index: 1 } } },
          { insertText: { location: { index: T + 3 + 7 + 4 }, text: 'r1c2' } },
          { insertText: { location: { index: T + 3 }, text: 'r0c0' } },
        ],
      },
      documentId,
    );
    const [, table] = documentBody(docs.last());
    expect(table).toMatchObject({ type: 'table', cells: [['r0c0', '', ''], ['', '', 'r1c2']] });
    // The table start, a row start or a cell start are not inside a paragraph.
    for (const index of [T, T + 1, T + 2]) {
      expect(() => docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index }, text: 'x' } }] }, documentId)).toThrow(/not inside a paragraph/);
    }
    expect(() => docs.Documents.batchUpdate({ requests: [{ updateTextStyle: { range: { startIndex: 5, endIndex: 500 }, textStyle: {}, fields: 'bold' } }] }, documentId)).toThrow(/bad range/);
  });
});
