import { describe, expect, it } from 'vitest';
import { calculerActeurs, matriceActeurs, potentielMobilisation, prioriteActeur } from '../../src/domain/acteurs/priorite';
import { defaultSeuils } from '../../src/domain/parametres/read-seuils';
import type { Acteur } from '../../src/domain/model/types';

const seuils = defaultSeuils();
const acteur = (nom: string, impact: number | null, facilite: number | null, relation: Acteur['relation']): Acteur => ({
  rowNumber: 2, nom, categorie: null, filiere: null, localisation: null, relation, chaineValeur: null, impact, facilite, serviceReferent: null, contact: null,
});

describe('acteurs: priority at each threshold edge', () => {
  it('uses the defaults of Paramètres (impact élevé 3, relations établies Régulière and Partenaire)', () => {
    expect(seuils.impactEleve).toBe(3);
    expect(seuils.relationsEtablies).toEqual(['Régulière', 'Partenaire']);
  });

  it.each([
    // impact just below the threshold: always « Rester en veille », whatever the relation
    [2, 'Aucune', 'Rester en veille'],
    [2, null, 'Rester en veille'],
    [2, 'Partenaire', 'Rester en veille'],
    // impact at the threshold
    [3, 'Aucune', "À contacter d'urgence"],
    [3, 'Ponctuelle', "À contacter d'urgence"],
    [3, null, "À contacter d'urgence"],
    [3, 'Régulière', 'Lien à entretenir'],
    [3, 'Partenaire', 'Lien à entretenir'],
    // impact above
    [4, 'Ponctuelle', "À contacter d'urgence"],
    [4, 'Régulière', 'Lien à entretenir'],
  ] as const)('impact %s, relation %s → %s', (impact, relation, attendu) => {
    expect(prioriteActeur({ impact, relation }, seuils)).toBe(attendu);
  });

  it('follows the thresholds typed in Paramètres', () => {
    const strict = { ...seuils, impactEleve: 4, relationsEtablies: ['Partenaire'] };
    expect(prioriteActeur({ impact: 3, relation: 'Aucune' }, strict)).toBe('Rester en veille');
    expect(prioriteActeur({ impact: 4, relation: 'Régulière' }, strict)).toBe("À contacter d'urgence");
    expect(prioriteActeur({ impact: 4, relation: 'Partenaire' }, strict)).toBe('Lien à entretenir');
    // relation matched without case or accent trouble
    expect(prioriteActeur({ impact: 4, relation: 'partenaire' as Acteur['relation'] }, strict)).toBe('Lien à entretenir');
  });

  it('has no priority without impact, and a potentiel = impact × facilité', () => {
    expect(prioriteActeur({ impact: null, relation: 'Aucune' }, seuils)).toBeNull();
    expect(potentielMobilisation({ impact: 3, facilite: 4 })).toBe(12);
    expect(potentielMobilisation({ impact: 3, facilite: null })).toBeNull();
  });

  it('places acteurs with both axes on the matrix, highest potentiel first', () => {
    const calc = calculerActeurs(
      [acteur('B', 4, 4, 'Aucune'), acteur('A', 3, 2, 'Partenaire'), acteur('C', null, 4, 'Aucune'), acteur('D', 1, 1, null)],
      seuils,
    );
    const m = matriceActeurs(calc);
    expect(m.map((p) => [p.nom, p.potentiel, p.priorite])).toEqual([
      ['B', 16, "À contacter d'urgence"],
      ['A', 6, 'Lien à entretenir'],
      ['D', 1, 'Rester en veille'],
    ]);
  });
});
