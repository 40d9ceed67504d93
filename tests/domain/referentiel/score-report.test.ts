import { describe, expect, it } from 'vitest';
import { scoreJson, scoreTexte } from '../../../src/domain/referentiel/score-report';
import { statutDetaille, type Statut } from '../../../src/domain/referentiel/statut';
import { getNode, NODES } from '../../../src/domain/referentiel/tree';
import { fait, nonConcerne, pasFait, programme, scores, toutesSousMesures } from './helpers';

const NNBSP = '\u202f';

describe('score JSON (PRODUCT.md)', () => {
  it('has exactly the documented shape, with every line of the référentiel', () => {
    const r = scores([['eci_1.1.1', statutDetaille(0.5, 0.25, 0.25)], ['eci_2.4.2', nonConcerne]]);
    const json = scoreJson(r);
    expect(Object.keys(json)).toEqual(['referentiel', 'scores', 'etoiles', 'completude']);
    expect(json.referentiel).toBe('eci');
    expect(Object.keys(json.scores)).toEqual(NODES.map((n) => n.id));
    expect(Object.keys(json.scores)[0]).toBe('eci');
    for (const line of Object.values(json.scores)) {
      expect(Object.keys(line)).toEqual([
        'pointReferentiel',
        'pointPotentiel',
        'pointFait',
        'pointProgramme',
        'pointPasFait',
        'pointNonRenseigne',
        'concerne',
      ]);
    }
    expect(json.scores['eci_1.1.1']).toEqual({
      pointReferentiel: 6,
      pointPotentiel: 6,
      pointFait: 3,
      pointProgramme: 1.5,
      pointPasFait: 1.5,
      pointNonRenseigne: 0,
      concerne: true,
    });
    expect(json.scores['eci_2.4.2'].concerne).toBe(false);
    expect(json.etoiles).toEqual({ actuelle: 0, potentielle: 0 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('gives the completude as a ratio rounded down, so that 1 means complete', () => {
    const statuts = toutesSousMesures(fait);
    statuts.delete('eci_5.3.2');
    for (const id of getNode('eci_5.3.2').children.slice(1)) statuts.set(id, fait);
    const json = scoreJson(scores(statuts));
    expect(json.completude).toBe(0.9963); // 273 / 274 = 0.99635…
    expect(scoreJson(scores(toutesSousMesures(fait))).completude).toBe(1);
  });
});

describe('score text summary', () => {
  const axe3 = (s: Statut): [string, Statut][] =>
    getNode('eci_3')
      .children.flatMap((m) => getNode(m).children)
      .filter((id) => id !== 'eci_3.2.0')
      .map((id): [string, Statut] => [id, s]);

  it('gives scores per axe, the total, completude, stars and the gap to the next star in French', () => {
    const statuts = toutesSousMesures(fait);
    for (const [id, s] of axe3(pasFait)) statuts.set(id, s);
    statuts.set('eci_3.1.1', programme);
    const text = scoreTexte(scores(statuts));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Scores du référentiel Économie circulaire');
    expect(text).toContain(`Axe 1 – ${getNode('eci_1').title}\n  réalisé 90 pts sur 90 pts (100${NNBSP}%) · programmé 0 pts (0${NNBSP}%)`);
    // 3.1.1 carries 35 / 3 points.
    expect(text).toContain(`réalisé 0 pts sur 180 pts (0${NNBSP}%) · programmé 11,7 pts (6,5${NNBSP}%)`);
    expect(text).toContain(`Total : réalisé 320 pts sur 500 pts (64${NNBSP}%) · programmé 11,7 pts (2,3${NNBSP}%) · prévisionnel 66,3${NNBSP}%`);
    expect(text).toContain(`Complétude : 100${NNBSP}% (274 tâches renseignées sur 274`);
    expect(text).toContain('Étoile actuelle : 3 étoiles');
    expect(text).toContain('Étoile à portée si tout le programmé est réalisé : 4 étoiles');
    expect(text).toContain(
      `Pour la 4e étoile (65${NNBSP}% de score réalisé) : il manque 5 pts réalisés, 20 pts avec la marge recommandée de 3 points (68${NNBSP}%)`,
    );
  });

  it('lists what the first star still needs', () => {
    const text = scoreTexte(scores([['eci_1.1.2', statutDetaille(0.1, 0, 0.9)], ['eci_2.2.0', nonConcerne]]));
    expect(text).toContain('Étoile actuelle : aucune');
    expect(text).toContain('Pour la 1re étoile : aucun seuil de score');
    expect(text).toContain(`  - 1.1.2 Engager un diagnostic territorial : 10${NNBSP}% réalisé, 10${NNBSP}% avec le programmé ; requis : 20${NNBSP}% réalisé`);
    expect(text).toContain('  - 2.2.0 Respecter la réglementation liée au système de collecte : déclarée non concernée');
    expect(text).toMatch(/Encore 26\d tâches sans statut/);
  });

  it('shows a lowered potentiel and a non concerné axe', () => {
    const statuts = toutesSousMesures(fait);
    for (const m of getNode('eci_5').children) for (const sm of getNode(m).children) statuts.set(sm, nonConcerne);
    const text = scoreTexte(scores(statuts));
    expect(text).toContain(`Axe 5 – ${getNode('eci_5').title}\n  non concerné`);
    expect(text).toContain('(potentiel ramené de 500 pts à 410 pts par les lignes non concernées)');
    expect(text).toContain('Étoile actuelle : 5 étoiles');
    expect(text).toContain('La 5e étoile, la plus haute, est atteinte.');
  });
});
