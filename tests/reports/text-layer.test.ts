import { readFileSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunk, formatEuroHT, paginate, paginateEvenly, SAFETY, textWidth, typographie, wrapText } from '../../src/domain/text';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French typography routine', () => {
  it('puts the right no-break spaces before punctuation and inside guillemets', () => {
    expect(typographie('Score : 43 % ; fini ! Vraiment ?')).toBe(`Score${NBSP}: 43${NBSP}%${NNBSP}; fini${NNBSP}! Vraiment${NNBSP}?`);
    expect(typographie('« Economie circulaire »')).toBe(`«${NNBSP}Économie circulaire${NNBSP}»`);
    expect(typographie('«Déchets»')).toBe(`«${NNBSP}Déchets${NNBSP}»`);
  });

  it('groups thousands, keeps € HT together, uses the typographic apostrophe and accented capitals', () => {
    expect(typographie('12 500 € HT')).toBe(`12${NNBSP}500${NBSP}€${NBSP}HT`);
    expect(typographie('1 000 000 habitants')).toBe(`1${NNBSP}000${NNBSP}000 habitants`);
    expect(typographie("l'action d'un Elu, Etape 2")).toBe('l’action d’un Élu, Étape 2');
    expect(typographie('Echéance et Evaluation')).toBe('Échéance et Évaluation');
    expect(formatEuroHT(12500)).toBe(`12${NNBSP}500${NBSP}€${NBSP}HT`);
  });

  it('leaves addresses, times and ids alone', () => {
    expect(typographie('https://intranet.local/a?b=1;c=2')).toBe('https://intranet.local/a?b=1;c=2');
    expect(typographie('à 10:30, mesure eci_1:2')).toBe('à 10:30, mesure eci_1:2');
    expect(typographie('écrire à marie.dupont@agglo.fr !')).toBe(`écrire à marie.dupont@agglo.fr${NNBSP}!`);
    expect(typographie('Ecologie')).toBe('Écologie');
    expect(typographie('Eau et Energie')).toBe('Eau et Énergie');
  });

  it('is idempotent and never loses a letter or digit', () => {
    const alphabet = fc.constantFrom(...'abcE é12 3:;!?%€«»\'.-HTt/\u00a0\u202f'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => {
        const once = typographie(s);
        expect(typographie(once)).toBe(once);
        const letters = (x: string) => x.normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '');
        expect(letters(once)).toBe(letters(s));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no ordinary space before ; ! ? : % €', () => {
    const out = typographie('Total : 3 000 € ; soit 12 % ! Prêt ?');
    expect(out).not.toMatch(/ [;!?:%€]/);
  });
});

describe('text measurement with Carlito metrics', () => {
  it('measures with the real advance widths plus the safety margin', () => {
    // Carlito (= Calibri) « n » is 525/1000 em; « i » 229/1000 em.
    expect(textWidth('n', 1000)).toBeCloseTo(525 * SAFETY, 0);
    expect(textWidth('i', 1000)).toBeCloseTo(229 * SAFETY, 0);
    expect(textWidth('Économie', 12, true)).toBeGreaterThan(textWidth('Économie', 12));
  });

  it('agrees with fontkit on the font file (when installed)', async () => {
    const file = '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf';
    if (!existsSync(file)) return;
    const { createRequire } = await import('node:module');
    const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { layout(t: string): { advanceWidth: number }; unitsPerEm: number } };
    const font = fontkit.create(readFileSync(file));
    const text = 'Réemploi, réparation : 12 500 € HT « Économie circulaire »';
    const real = (font.layout(text).advanceWidth / font.unitsPerEm) * 14;
    const ours = textWidth(text, 14);
    expect(ours).toBeGreaterThanOrEqual(real);
    expect(ours).toBeLessThanOrEqual(real * SAFETY * 1.02);
  });

  it('wraps without losing any character, lines within the width', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zéÉ€%]{1,14}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 40, max: 400 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width, 12);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const l of lines) if (l.length > 1) expect(textWidth(l, 12)).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('pagination', () => {
  it('keeps every item once, in order, within the room of each page', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 60 }), fc.integer({ min: 50, max: 200 }), (heights, room) => {
        const pages = paginate(heights, (h) => h, room, room - 20);
        expect(pages.flat()).toEqual(heights);
        pages.forEach((p, i) => {
          const sum = p.reduce((a, b) => a + b, 0);
          if (p.length > 1) expect(sum).toBeLessThanOrEqual(i === 0 ? room - 20 : room);
        });
      }),
    );
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('spreads items evenly over the same number of pages, each within its room', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 60 }), fc.integer({ min: 50, max: 200 }), (heights, room) => {
        const greedy = paginate(heights, (h) => h, room);
        const even = paginateEvenly(heights, (h) => h, room);
        expect(even.flat()).toEqual(heights);
        expect(even).toHaveLength(greedy.length);
        for (const p of even) if (p.length > 1) expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(room);
      }),
    );
    expect(paginateEvenly([10, 10, 10, 10, 10, 10, 10, 10, 10], (x) => x, 80).map((p) => p.length)).toEqual([5, 4]);
  });
});
