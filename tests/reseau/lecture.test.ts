/**
 * One file of the coordinator's folder that the engine cannot read to the
 * end is set aside with a French reason saying what to do, never the end of
 * the rollup (src/app/reseau.ts, lireFichierDossier).
 */
import { describe, expect, it } from 'vitest';
import { consoliderLectures, lireFichierDossier } from '../../src/app/reseau';
import { TAB } from '../../src/domain/schema/tabs';

const NOW = new Date(Date.UTC(2026, 10, 28));

describe('a workbook the engine cannot read to the end', () => {
  it('is set aside with a French reason and what to do; the rollup goes on', () => {
    const book = {
      sheetNames: () => [TAB.accueil, TAB.referentiel],
      read: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    };
    const lu = lireFichierDossier({ fichier: 'cassé.xlsx', book }, NOW);
    expect(lu.ok).toBe(false);
    if (lu.ok) return;
    expect(lu.ecart.fichier).toBe('cassé.xlsx');
    expect(lu.ecart.raison).toMatch(/^classeur Cap Circulaire que le moteur n’a pas pu lire jusqu’au bout : ouvrez-le et lancez « Vérifier »/);
    expect(lu.ecart.raison).toContain('détail technique : Cannot read properties of undefined');
    const { rollup } = consoliderLectures([lu]);
    expect(rollup.ecartes).toEqual([lu.ecart]);
    expect(rollup.territoires).toEqual([]);
  });

  it('a file that could not be opened keeps the reason the face gave', () => {
    const lu = lireFichierDossier({ fichier: 'notes.txt', erreur: 'pas un classeur .xlsx' }, NOW);
    expect(lu).toEqual({ ok: false, ecart: { fichier: 'notes.txt', raison: 'pas un classeur .xlsx' } });
  });
});

describe('column widths of the regional workbook', () => {
  it('fit the longest value of each column within bounds; long headers wrap rather than widen', async () => {
    const { largeursAjustees } = await import('../../src/domain/reseau/rollup');
    const rows = [
      ['Territoire', 'Tranche de population (habitants)', 'Budget', 'Date'],
      ['Syndicat intercommunal de collecte Monts de la Drôme', '10 000 à 50 000', 1_234_567, new Date(Date.UTC(2026, 0, 1))],
      ['Ville', 'moins de 10 000', 12, null],
      ['x'.repeat(200), null, null, null],
    ];
    const w = largeursAjustees(rows, { min: 10, max: 60 });
    expect(w[0]).toBe(60);
    // The header counts for 22 characters at most; the band itself is shorter.
    expect(w[1]).toBe(22 + 2);
    expect(w[2]).toBe('1 234 567'.length + 2);
    expect(w[3]).toBe(12);
    expect(largeursAjustees([['A'], ['b']])).toEqual([8]);
  });
});
