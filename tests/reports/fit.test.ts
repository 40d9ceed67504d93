import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineCount, paginate, paragraphsHeight, textWidth, wrapText, LINE_HEIGHT, TEXT_INSET_Y } from '../../src/domain/reports/fit';
import { bounded, listSlides, para, tableSlides, widths } from '../../src/domain/reports/deck-kit';
import { LAYOUT } from '../../src/domain/reports/primitives';

describe('text measurement', () => {
  it('is conservative: at least Calibri’s advance widths, bold wider than regular', () => {
    // « Économie circulaire » in Calibri (Carlito) 10 pt is about 84 pt wide.
    const w = textWidth('Économie circulaire', 10);
    expect(w).toBeGreaterThanOrEqual(80);
    expect(w).toBeLessThan(84 * 1.2);
    expect(textWidth('Économie circulaire', 10, true)).toBeGreaterThan(w);
    expect(textWidth('MMMM', 12)).toBeGreaterThan(textWidth('iiii', 12) * 3);
  });

  it('wraps on words, never past the width, and cuts a word longer than a line', () => {
    const text = 'Généraliser le tri à la source des biodéchets dans les trente-huit communes du territoire';
    for (const width of [60, 120, 240]) {
      const lines = wrapText(text, width, 11);
      for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(width);
      // Nothing lost: a word longer than the line is cut, not dropped.
      expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      if (width >= 120) expect(lines.join(' ')).toBe(text);
    }
    const long = wrapText('Anticonstitutionnellement', 40, 12);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('')).toBe('Anticonstitutionnellement');
    expect(wrapText('a\nb', 200, 12)).toEqual(['a', 'b']);
  });

  it('measures paragraphs with their insets', () => {
    const h = paragraphsHeight([para('Une ligne', 10), para('Une autre', 10)], 300);
    expect(h).toBeCloseTo(2 * TEXT_INSET_Y + 2 * 10 * LINE_HEIGHT, 5);
  });

  it('paginates by height, never leaves an empty page and puts an oversized item on its own page', () => {
    expect(paginate([10, 10, 10, 10], (x) => x, 25)).toEqual([[10, 10], [10, 10]]);
    expect(paginate([30, 5], (x) => x, 25)).toEqual([[30], [5]]);
    expect(paginate([], (x: number) => x, 25)).toEqual([[]]);
  });
});

describe('tables over several slides', () => {
  const columns = widths(672, [1, 3]).map((w, i) => ({ header: i ? 'Intitulé' : 'N°', width: w }));
  const row = (i: number) => [{ text: String(i) }, { text: `Ligne ${i} avec un intitulé assez long pour tenir sur une ligne ou deux selon la police` }];

  it('continues on « (suite) » slides, every row shown once, every table inside the content area', () => {
    const slides = tableSlides({ title: 'Jalons', columns, rows: Array.from({ length: 200 }, (_, i) => row(i + 1)), size: 12, notes: 'n' });
    expect(slides.length).toBeGreaterThan(5);
    expect(slides[0].title).toBe('Jalons');
    expect(slides.slice(1).every((s) => s.title === 'Jalons (suite)')).toBe(true);
    const shown = slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'table').flatMap((b) => (b.kind === 'table' ? b.rows : [])));
    // Nothing left out, no « … et N autres » line: the table goes on until its last row.
    expect(shown.map((r) => r[0].text)).toEqual(Array.from({ length: 200 }, (_, i) => String(i + 1)));
    for (const s of slides) for (const b of s.blocks) expect(b.frame.y + b.frame.h).toBeLessThanOrEqual(LAYOUT.content.y + LAYOUT.content.h + 0.01);
    for (const s of slides) expect(s.blocks.every((b) => b.kind === 'table')).toBe(true);
  });

  it('never goes below 12 pt, and widens a column rather than break a word', () => {
    const rows = [[{ text: '1' }, { text: 'Anticonstitutionnellement' }]];
    const narrow = [{ header: 'N°', width: 600 }, { header: 'Intitulé', width: 72 }];
    const [slide] = tableSlides({ title: 'T', columns: narrow, rows, size: 8, notes: '' });
    const t = slide.blocks.find((b) => b.kind === 'table');
    if (t?.kind !== 'table') throw new Error('table attendue');
    expect(t.size).toBe(12);
    expect(wrapText('Anticonstitutionnellement', t.columns[1].width - 14.4, 12)).toHaveLength(1);
  });
});

describe('summarising rather than continuing', () => {
  const columns = widths(672, [1, 3]).map((w, i) => ({ header: i ? 'Intitulé' : 'N°', width: w }));
  const row = (i: number) => [{ text: String(i) }, { text: `Ligne ${i} avec un intitulé ${'assez '.repeat(i % 7)}long` }];
  const rest = (n: number) => `Et ${n} autres lignes : liste complète dans le classeur.`;
  const build = (rows: number, k: number) => tableSlides({ title: 'T', columns, rows: Array.from({ length: k }, (_, i) => row(i + 1)), size: 12, notes: 'n', rest: k < rows ? rest(rows - k) : undefined });

  it('keeps the most rows that fit on the slides allowed, the first ones, and says how many are left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 3 }), (n, max) => {
        const { slides, shown } = bounded(n, max, (k) => build(n, k));
        expect(slides.length).toBeLessThanOrEqual(max);
        const rows = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : [])));
        expect(rows.map((r) => r[0].text)).toEqual(Array.from({ length: shown }, (_, i) => String(i + 1)));
        const said = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : [])));
        if (shown < n) {
          // The largest: one row more would not fit.
          expect(build(n, shown + 1).length).toBeGreaterThan(max);
          expect(said.join(' ')).toContain(`Et ${n - shown} autres lignes`);
        } else expect(said.join(' ')).not.toMatch(/autres lignes/);
        for (const s of slides) for (const b of s.blocks) expect(b.frame.y + b.frame.h).toBeLessThanOrEqual(LAYOUT.content.y + LAYOUT.content.h + 0.01);
      }),
      { numRuns: 40 },
    );
  });

  it('puts the count of a list’s left-out items last, without a bullet, on its last slide', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ text: `Avancée numéro ${i + 1} du plan` }));
    const { slides, shown } = bounded(items.length, 1, (k) => listSlides({ title: 'L', items: items.slice(0, k), notes: 'n', rest: k < items.length ? rest(items.length - k) : undefined }));
    expect(slides).toHaveLength(1);
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(40);
    const ps = slides[0].blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));
    const last = ps[ps.length - 1];
    expect(last.runs[0].text).toBe(rest(40 - shown).replace(' :', '\u00a0:'));
    expect(last.bullet).toBeFalsy();
    expect(last.runs[0].italic).toBe(true);
  });
});
