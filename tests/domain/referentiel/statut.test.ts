import { describe, expect, it } from 'vitest';
import {
  avancement,
  libelleStatut,
  parseStatutId,
  peutRecevoirStatut,
  STATUT,
  statutDetaille,
  verifierFractions,
} from '../../../src/domain/referentiel/statut';

describe('statuts', () => {
  it('reads French labels and ids, whatever the case and accents', () => {
    const cases: [string, string][] = [
      ['Non renseigné', 'non_renseigne'],
      ['NON RENSEIGNE', 'non_renseigne'],
      ['non_renseigne', 'non_renseigne'],
      ['Fait', 'fait'],
      ['fait', 'fait'],
      ['Programmé', 'programme'],
      ['PROGRAMME', 'programme'],
      ['Pas fait', 'pas_fait'],
      ['pas_fait', 'pas_fait'],
      ['Détaillé au %', 'detaille'],
      ['detaille', 'detaille'],
      ['Non concerné', 'non_concerne'],
      ['  non   concerne ', 'non_concerne'],
    ];
    for (const [text, id] of cases) expect(parseStatutId(text), text).toBe(id);
    expect(parseStatutId('Détaillé à la tâche')).toBeNull();
    expect(parseStatutId('terminé')).toBeNull();
    expect(parseStatutId('')).toBeNull();
  });

  it('gives the platform labels', () => {
    expect(libelleStatut('detaille')).toBe('Détaillé au %');
    expect(libelleStatut('programme')).toBe('Programmé');
  });

  it('only lets sous-mesures and tâches receive a status', () => {
    expect(peutRecevoirStatut('sous-mesure')).toBe(true);
    expect(peutRecevoirStatut('tache')).toBe(true);
    expect(peutRecevoirStatut('mesure')).toBe(false);
    expect(peutRecevoirStatut('axe')).toBe(false);
    expect(peutRecevoirStatut('referentiel')).toBe(false);
  });

  it('checks détaillé fractions', () => {
    expect(verifierFractions(0.5, 0.25, 0.25)).toBeNull();
    expect(verifierFractions(1 / 3, 1 / 3, 1 / 3)).toBeNull();
    expect(verifierFractions(0.5, 0.5, 0.1)).toBe('somme');
    expect(verifierFractions(1.5, -0.5, 0)).toBe('hors_bornes');
    expect(verifierFractions(Number.NaN, 0, 1)).toBe('non_numerique');
    expect(() => statutDetaille(0.5, 0.5, 0.5)).toThrow(RangeError);
    expect(avancement(statutDetaille(0.2, 0.3, 0.5))).toEqual([0.2, 0.3, 0.5]);
  });

  it('maps statuses to fractions, none for non renseigné and non concerné', () => {
    expect(avancement(STATUT.fait)).toEqual([1, 0, 0]);
    expect(avancement(STATUT.programme)).toEqual([0, 1, 0]);
    expect(avancement(STATUT.pas_fait)).toEqual([0, 0, 1]);
    expect(avancement(STATUT.non_concerne)).toBeNull();
    expect(avancement(STATUT.non_renseigne)).toBeNull();
  });
});
