import { describe, expect, it } from 'vitest';
import { lineCount, paginate, paragraphsHeight, textWidth, truncateToLines, wrapText, LINE_HEIGHT, TEXT_INSET_Y } from '../../src/domain/reports/fit';
import { para, tableSlides, widths } from '../../src/domain/reports/deck-kit';
import { LAYOUT } from '../../src/domain/reports/primitives';

describe('text measurement', () => {
  it('is conservative: at least Arial’s advance widths, bold wider than regular', () => {
    // « Économie circulaire » in Arial 10 pt is about 87 pt wide.
    const w = textWidth('Économie circulaire', 10);
    expect(w).toBeGreaterThanOrEqual(87);
    expect(w).toBeLessThan(87 * 1.2);
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

  it('truncates to a number of lines with an ellipsis, and leaves short texts alone', () => {
    const text = 'Un réseau de réemploi déjà solide : la Ressourcerie La Loue Solidaire, deux zones de réemploi en déchèterie et un repair café itinérant.';
    const cut = truncateToLines(text, 150, 11, 2);
    expect(cut.endsWith('…')).toBe(true);
    expect(lineCount(cut, 150, 11)).toBeLessThanOrEqual(2);
    expect(truncateToLines('Court', 150, 11, 1)).toBe('Court');
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

  it('continues on « (suite) » slides, every table inside the content area', () => {
    const slides = tableSlides({ title: 'Jalons', columns, rows: Array.from({ length: 40 }, (_, i) => row(i + 1)), size: 11, notes: 'n', maxPages: 5 });
    expect(slides.length).toBeGreaterThan(1);
    expect(slides[0].title).toBe('Jalons');
    expect(slides.slice(1).every((s) => s.title === 'Jalons (suite)')).toBe(true);
    const shown = slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'table').flatMap((b) => (b.kind === 'table' ? b.rows : [])));
    expect(shown.map((r) => r[0].text)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    for (const s of slides) for (const b of s.blocks) expect(b.frame.y + b.frame.h).toBeLessThanOrEqual(LAYOUT.content.y + LAYOUT.content.h + 0.01);
  });

  it('stops at maxPages and says how many rows are left', () => {
    const slides = tableSlides({ title: 'Jalons', columns, rows: Array.from({ length: 200 }, (_, i) => row(i + 1)), size: 11, notes: 'n', maxPages: 2 });
    expect(slides).toHaveLength(2);
    const last = slides[1].blocks[slides[1].blocks.length - 1];
    expect(last.kind).toBe('text');
    const text = last.kind === 'text' ? last.paragraphs[0].runs[0].text : '';
    expect(text).toMatch(/^… et \d+ autres lignes dans le classeur\.$/);
    const shown = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []))).length;
    expect(Number(/\d+/.exec(text)![0])).toBe(200 - shown);
    expect(last.frame.y + last.frame.h).toBeLessThanOrEqual(LAYOUT.content.y + LAYOUT.content.h + 0.01);
  });

  it('goes down one point of font when that saves a slide, never below 10 pt', () => {
    const rows = Array.from({ length: 14 }, (_, i) => row(i + 1));
    const at11 = tableSlides({ title: 'T', columns, rows, size: 11, notes: '' });
    const tables = at11.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    for (const t of tables) if (t.kind === 'table') expect(t.size).toBeGreaterThanOrEqual(10);
  });
});
