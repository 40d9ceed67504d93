/**
 * The fiche réseau in the domain: built from the sample, written and read
 * back unchanged, personal data removed from shared titles, the order
 * statistics the comparisons rest on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ficheDuClasseur } from '../../src/app/reseau';
import { estFicheReseau, ficheVersClasseur, lireFicheReseau } from '../../src/domain/reseau/fiche-classeur';
import { axeDeFiche, statutMesure } from '../../src/domain/reseau/fiche';
import { retirerDonneesPersonnelles } from '../../src/domain/reseau/personal-data';
import { quantile, quartiles, trancheDe } from '../../src/domain/reseau/stats';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { classeurToBuffer } from '../../src/files/xlsx/classeur-export';
import { sampleWorkbook } from '../reports/support';
import { personalStrings } from './personal';

const NOW = new Date(Date.UTC(2026, 10, 28));

describe('fiche réseau of the sample territory', () => {
  it('carries identity, 5 axes, 21 mesures, the plan’s fiches, funders, preuves and the last COPIL held', async () => {
    const wb = await sampleWorkbook();
    const { fiche } = ficheDuClasseur(wb, NOW);
    expect(fiche.identite).toMatchObject({ nom: 'Communauté d\'agglomération du Val de Loue', type: 'EPCI', population: 85400 });
    expect(fiche.axes).toHaveLength(5);
    expect(fiche.mesures).toHaveLength(21);
    expect(fiche.actions).toHaveLength(10);
    expect(fiche.financements.length).toBeGreaterThan(5);
    expect(fiche.preuves.attendues).toBeGreaterThan(fiche.preuves.pretes);
    expect(fiche.dernierCopil).not.toBeNull();
    expect(fiche.dernierCopil!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    // The sample's scores: 2 stars, 3 within reach (README).
    expect(fiche.etoiles).toMatchObject({ actuelle: 2, potentielle: 3 });
    for (const a of fiche.actions) expect(a.axe === null || (a.axe >= 1 && a.axe <= 5)).toBe(true);
    expect(fiche.actions.some((a) => a.filieres.length > 0)).toBe(true);
  });

  it('is written and read back unchanged, through a real .xlsx', async () => {
    const { fiche } = ficheDuClasseur(await sampleWorkbook(), NOW);
    const { workbook } = await readXlsxBuffer(await classeurToBuffer(ficheVersClasseur(fiche)));
    const book = { sheetNames: () => workbook.sheetNames(), grid: (n: string) => workbook.read(n) };
    expect(estFicheReseau(book)).toBe(true);
    const lu = lireFicheReseau(book);
    expect(lu.ok).toBe(true);
    if (!lu.ok) return;
    expect(lu.remarques).toEqual([]);
    expect(lu.fiche).toEqual(fiche);
  });

  it('holds none of the people named in the workbook', async () => {
    const wb = await sampleWorkbook();
    const personal = personalStrings(wb);
    expect(personal).toContain('Élodie Bourgeois');
    const cells = ficheVersClasseur(ficheDuClasseur(wb, NOW).fiche).feuilles.flatMap((f) => f.rows.flat()).filter((c): c is string => typeof c === 'string');
    for (const c of cells) for (const p of personal) expect(c.includes(p), `« ${p} » dans « ${c} »`).toBe(false);
  });
});

describe('personal data in shared titles', () => {
  it('removes e-mail addresses and French phone numbers, and says what it removed', () => {
    const r = retirerDonneesPersonnelles('Compostage (contact : j.dupont@agglo.fr, 04 72 12 34 56 ou +33 6 12 34 56 78)');
    expect(r.texte).toBe('Compostage (contact : [retiré], [retiré] ou [retiré])');
    expect(r.retraits).toEqual(['adresse électronique', 'numéro de téléphone', 'numéro de téléphone']);
  });

  it('leaves amounts, dates, years and references alone', () => {
    for (const t of ['Budget 2025 : 120 000 €', 'Délibération n° 2024-037 du 21/03/2024', 'eci_2.1.1', 'Collecte de 12 500 tonnes']) {
      expect(retirerDonneesPersonnelles(t)).toEqual({ texte: t, retraits: [] });
    }
  });
});

describe('order statistics', () => {
  it('quantiles match the closest-ranks interpolation of spreadsheets (QUARTILE.INC)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
    expect(quartiles([NaN, 3, 1, 2])).toEqual({ q1: 1.5, mediane: 2, q3: 2.5, n: 3 });
  });

  it('orders q1 ≤ median ≤ q3 within the data’s range, whatever the order of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }), (xs) => {
        const q = quartiles(xs)!;
        const min = Math.min(...xs);
        const max = Math.max(...xs);
        expect(min).toBeLessThanOrEqual(q.q1 + 1e-9);
        expect(q.q1).toBeLessThanOrEqual(q.mediane + 1e-9);
        expect(q.mediane).toBeLessThanOrEqual(q.q3 + 1e-9);
        expect(q.q3).toBeLessThanOrEqual(max + 1e-9);
        expect(quartiles([...xs].reverse())).toEqual(q);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('puts populations in bands', () => {
    expect([null, 0, 9_999, 10_000, 49_999, 50_000, 100_000].map(trancheDe)).toEqual(['inconnue', 'inconnue', 'moins10k', 'de10a50k', 'de10a50k', 'de50a100k', 'plus100k']);
  });
});

describe('a mesure’s standing', () => {
  it('follows its points', () => {
    const s = (fait: number, programme: number, pasFait: number, concerne = true) => statutMesure({ potentiel: 10, fait, programme, pasFait, concerne });
    expect(s(10, 0, 0)).toBe('fait');
    expect(s(4, 6, 0)).toBe('enPartie');
    expect(s(0, 6, 4)).toBe('programme');
    expect(s(0, 0, 10)).toBe('pasFait');
    expect(s(0, 0, 0)).toBe('nonRenseigne');
    expect(s(0, 0, 0, false)).toBe('nonConcerne');
    expect(statutMesure({ potentiel: 0, fait: 0, programme: 0, pasFait: 0, concerne: true })).toBe('nonConcerne');
  });

  it('takes a fiche’s axe from its label, else from its first mesure', () => {
    expect(axeDeFiche({ axe: '2. Offre des acteurs économiques', mesures: [] })).toBe(2);
    expect(axeDeFiche({ axe: 'Axe 4 – Consommation', mesures: [] })).toBe(4);
    expect(axeDeFiche({ axe: null, mesures: ['eci_3.1'] })).toBe(3);
    expect(axeDeFiche({ axe: 'Transversal', mesures: [] })).toBeNull();
  });
});
