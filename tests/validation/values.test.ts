/** The French readers of parse/values.ts, form by form (the rules docs/saisie.md documents). */
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  looksLikeFormula,
  quoteValue,
  readAmount,
  readDate,
  readListValue,
  readNumber,
  readOuiNon,
  readPercent,
  splitMulti,
  splitMultiKnown,
  suggestListValue,
} from '../../src/domain/parse/values';
import { FILIERES, TEMPORALITES } from '../../src/domain/schema/lists';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('amounts', () => {
  const accepted: Array<[unknown, number]> = [
    ['12500', 12500],
    ['12 500', 12500],
    ['12\u00a0500', 12500],
    ['12\u202f500', 12500],
    ['12  500', 12500],
    ['12 500 €', 12500],
    ['12 500,50', 12500.5],
    ['12500,5', 12500.5],
    ['12.500,50', 12500.5],
    ['1.234.567', 1234567],
    ['12500.50', 12500.5],
    ['12 500.50', 12500.5],
    ['0,75', 0.75],
    ['€ 1 200', 1200],
    ['1 200 EUR', 1200],
    ['1 200 euros', 1200],
    ['1 200 € HT', 1200],
    ['1 200 € TTC', 1200],
    ['15 k€', 15000],
    ['1,2 M€', 1200000],
    ['-500', -500],
    ['−500', -500],
    ['+500', 500],
    [12500.5, 12500.5],
    [' 12 500 ', 12500],
  ];
  for (const [input, value] of accepted) {
    it(`reads ${JSON.stringify(input)} as ${value}`, () => {
      expect(readAmount(input as string)).toEqual({ ok: true, value });
    });
  }

  const rejected: Array<[string, RegExp]> = [
    ['12,500.50', /format anglais.*12 500,50/],
    ['1,234,567', /format anglais/],
    ['12.500', /ambigu.*12 500 ou 12,5/],
    ['12,500', /ambigu.*12 500.*12,5/],
    ['(500)', /parenthèses.*-500/],
    ['50 %', /pourcentage/],
    ['12 50', /lisible/],
    ['1e3', /lisible/],
    ['douze mille', /lisible/],
    ['12,5,0', /lisible/],
    ['#REF!', /erreur de formule #REF!/],
  ];
  for (const [input, reason] of rejected) {
    it(`refuses ${JSON.stringify(input)} with a French reason`, () => {
      const r = readAmount(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    });
  }

  it('reads 12,500 as 12,5 when it is a number, not an amount', () => {
    expect(readNumber('12,500')).toEqual({ ok: true, value: 12.5 });
    expect(readNumber('3', 'une année').ok).toBe(true);
  });

  it('does not read a unit as a multiplier outside euros', () => {
    expect(readNumber('500 m').ok).toBe(false);
  });

  it('reads percentages as fractions', () => {
    expect(readPercent('50 %')).toEqual({ ok: true, value: 0.5 });
    expect(readPercent('0,5')).toEqual({ ok: true, value: 0.5 });
    expect(readPercent(50)).toEqual({ ok: true, value: 0.5 });
  });
});

describe('dates', () => {
  const accepted: Array<[unknown, Date]> = [
    ['03/04/2025', utc(2025, 4, 3)],
    ['3/4/25', utc(2025, 4, 3)],
    ['03-04-2025', utc(2025, 4, 3)],
    ['03.04.2025', utc(2025, 4, 3)],
    ['2025-04-03', utc(2025, 4, 3)],
    ['2025/04/03', utc(2025, 4, 3)],
    ['2025-04-03T00:00:00.000Z', utc(2025, 4, 3)],
    ['03/04/2025 14:30', utc(2025, 4, 3)],
    ['3 avril 2025', utc(2025, 4, 3)],
    ['1er AVRIL 2025', utc(2025, 4, 1)],
    ['jeudi 3 avril 2025', utc(2025, 4, 3)],
    ['15 fevrier 2026', utc(2026, 2, 15)],
    ['15 févr. 2026', utc(2026, 2, 15)],
    [45750, utc(2025, 4, 3)],
    [new Date(Date.UTC(2025, 3, 2, 22)), utc(2025, 4, 3)],
    [new Date(Date.UTC(2025, 3, 3, 1)), utc(2025, 4, 3)],
  ];
  for (const [input, value] of accepted) {
    it(`reads ${input instanceof Date ? input.toISOString() : JSON.stringify(input)}`, () => {
      expect(readDate(input as string)).toEqual({ ok: true, value });
    });
  }

  const rejected: Array<[unknown, RegExp]> = [
    ['31/02/2024', /n'existe pas.*février 2024 a 29 jours/],
    ['29/02/2023', /février 2023 a 28 jours/],
    ['31/04/2025', /avril 2025 a 30 jours/],
    ['04/13/2025', /mois 13.*jour\/mois\/année/],
    ['03/04/0025', /hors des limites/],
    ['14:30', /heure/],
    [new Date(Date.UTC(1899, 11, 30, 14, 30)), /heure/],
    ['avril 2025', /lisible/],
    ['32 janvier 2025', /janvier 2025 a 31 jours/],
    [true, /JJ\/MM\/AAAA/],
    [12, /n'est pas une date/],
  ];
  for (const [input, reason] of rejected) {
    it(`refuses ${input instanceof Date ? input.toISOString() : JSON.stringify(input)}`, () => {
      const r = readDate(input as string);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    });
  }
});

describe('lists', () => {
  it('meets the canonical entry without case, accent, apostrophe or dash trouble', () => {
    expect(readListValue('dechets VERTS', FILIERES)).toEqual({ ok: true, value: 'Déchets verts' });
    expect(readListValue('papier carton', FILIERES)).toEqual({ ok: true, value: 'Papier-carton' });
    expect(readListValue(' reemploi et reparation ', FILIERES)).toEqual({ ok: true, value: 'Réemploi et réparation' });
    expect(readListValue('EN COURS', TEMPORALITES)).toEqual({ ok: true, value: 'En cours' });
    expect(readListValue('2', ['0 – Absent', '1 – Faible', '2 – Partiel'])).toEqual({ ok: true, value: '2 – Partiel' });
  });

  it('refuses an unknown value and suggests the closest entry', () => {
    const r = readListValue('Textille', FILIERES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('vouliez-vous dire « Textile »');
    expect(suggestListValue('plastique', FILIERES)).toBe('Plastiques');
    expect(suggestListValue('zz', FILIERES)).toBeNull();
  });

  it('splits multi-valued cells on commas, semicolons and line breaks', () => {
    expect(splitMulti('PLPDMA, CODEC;PCAET\nPAT')).toEqual(['PLPDMA', 'CODEC', 'PCAET', 'PAT']);
    const plans = ['PLPDMA', 'Plan climat, air, énergie', 'CODEC'];
    expect(splitMultiKnown('plan climat, air, energie, codec ; plpdma, PLPDMA', plans).map((p) => (p.read.ok ? p.read.value : `?${p.text}`))).toEqual([
      'Plan climat, air, énergie',
      'CODEC',
      'PLPDMA',
    ]);
    expect(splitMultiKnown('PLDPMA, CODEC', plans).map((p) => p.read.ok)).toEqual([false, true]);
  });
});

describe('small readers', () => {
  it('reads yes and no', () => {
    for (const v of ['oui', 'OUI', 'x', 'Vrai', true]) expect(readOuiNon(v as string)).toEqual({ ok: true, value: true });
    for (const v of ['non', 'N', 'faux', false]) expect(readOuiNon(v as string)).toEqual({ ok: true, value: false });
    expect(readOuiNon('peut-être').ok).toBe(false);
  });

  it('recognises formula-like text and cleans invisible characters', () => {
    for (const s of ['=A1', '+33', '-5', '@x']) expect(looksLikeFormula(s)).toBe(true);
    expect(looksLikeFormula('Composteurs')).toBe(false);
    expect(cleanText('\u200b Compost\u00ad \u00a0')).toBe('Compost');
    expect(quoteValue('x'.repeat(200))).toHaveLength(60);
  });
});
