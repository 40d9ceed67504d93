import { describe, expect, it } from 'vitest';
import { CONTEXTE_VIDE, type PersonnalisationContext } from '../../../src/domain/referentiel/personnalisation';
import { computeScores } from '../../../src/domain/referentiel/score';
import { STATUT, statutDetaille, type Statut } from '../../../src/domain/referentiel/statut';
import { getNode } from '../../../src/domain/referentiel/tree';
import { fait, ids, nonConcerne, pasFait, programme, scores, toutesSousMesures } from './helpers';

const potentiels = (r: ReturnType<typeof scores>, list: string[]) => list.map((id) => r.scores[id].pointPotentiel);
const SOUS_MESURES_24 = ['eci_2.4.0', 'eci_2.4.1', 'eci_2.4.2', 'eci_2.4.3', 'eci_2.4.4', 'eci_2.4.5'];

/** Everything fait at sous-mesure level, then the given overrides. */
function toutFaitSauf(overrides: [string, Statut][]): Map<string, Statut> {
  const statuts = toutesSousMesures(fait);
  for (const [id, s] of overrides) statuts.set(id, s);
  return statuts;
}

describe('TeT published expectation on eci_2.4', () => {
  it('checks the reference points the expectation relies on', () => {
    expect(SOUS_MESURES_24.map((id) => getNode(id).points)).toEqual([0, 4, 4, 2, 6, 4]);
  });

  it('redistributes 2.4.2 declared non concernée: 0, 5, 0, 3, 7, 5 and 2.4 keeps 20', () => {
    const r = scores([['eci_2.4.2', nonConcerne]]);
    expect(potentiels(r, SOUS_MESURES_24)).toEqual([0, 5, 0, 3, 7, 5]);
    expect(r.scores['eci_2.4'].pointPotentiel).toBe(20);
    expect(r.scores['eci_2.4.2'].concerne).toBe(false);
    expect(r.scores['eci_2.4.2'].desactive).toBe(false);
    // Each sous-mesure is scaled with its tâches.
    expect(r.scores['eci_2.4.4.1'].pointPotentiel).toBe(1.05);
    expect(r.scores['eci_2.4.1.3'].pointPotentiel).toBe(2.5);
    expect(r.scores.eci.pointPotentiel).toBe(500);
  });

  it('with dechets_1 = NON (dechets_2 = OUI), 2.4.3 goes too: 0, 6, 0, 0, 8, 6', () => {
    const ctx: PersonnalisationContext = { identite: { type: 'EPCI' }, reponses: { dechets_1: 'NON', dechets_2: 'OUI' } };
    const r = scores([], ctx);
    expect(potentiels(r, SOUS_MESURES_24)).toEqual([0, 6, 0, 0, 8, 6]);
    expect(r.scores['eci_2.4'].pointPotentiel).toBe(20);
    expect(r.scores['eci_2.4.2'].desactive).toBe(true);
    // Whole mesures are not redistributed: 2.2 (15) leaves axe 2, 4.2 (all sous-mesures out for an EPCI) leaves axe 4.
    expect(r.scores['eci_2.2'].concerne).toBe(false);
    expect(r.scores['eci_2'].pointPotentiel).toBe(65);
    expect(r.scores['eci_4.2'].concerne).toBe(false);
    expect(r.scores['eci_4'].pointPotentiel).toBe(40);
    expect(r.scores.eci.pointPotentiel).toBe(465);
    expect(r.scores.eci.pointReferentiel).toBe(500);
  });
});

describe('computeScores', () => {
  it('gives 500 points fait, 5 stars and a complete référentiel when everything is fait', () => {
    for (const statuts of [
      toutesSousMesures(fait),
      new Map(
        [...ids('tache'), ...ids('sous-mesure').filter((id) => getNode(id).children.length === 0)].map((id) => [id, fait]),
      ),
    ]) {
      const r = scores(statuts);
      expect(r.scores.eci).toMatchObject({ pointPotentiel: 500, pointFait: 500, pointNonRenseigne: 0, pourcentageFait: 100 });
      expect(r.etoiles.actuelle).toBe(5);
      expect(r.etoiles.potentielle).toBe(5);
      expect(r.etoiles.prochaine).toBeUndefined();
      expect(r.etoiles.criteres.every((c) => c.atteint)).toBe(true);
      expect(r.completude).toBe(1);
      expect(r.completudeDetail).toEqual({ lignesRenseignees: 274, lignesTotal: 274, sousMesuresRenseignees: 80, sousMesuresTotal: 80 });
    }
  });

  it('leaves 500 points non renseignés and no star when nothing is entered', () => {
    const r = scores();
    expect(r.scores.eci).toMatchObject({ pointPotentiel: 500, pointFait: 0, pointProgramme: 0, pointPasFait: 0, pointNonRenseigne: 500 });
    expect(r.scores.eci.renseigne).toBe(false);
    expect(r.etoiles.actuelle).toBe(0);
    expect(r.etoiles.potentielle).toBe(0);
    expect(r.etoiles.prochaine?.etoile).toBe(1);
    // Only the lines personalisation makes non concernées count as renseignées: 1.2.4 and 4.2.5 (4 + 2 tâches).
    expect(r.completudeDetail.lignesRenseignees).toBe(6);
    expect(r.completude).toBeCloseTo(6 / 274, 12);
    expect(r.axes.map((a) => a.identifiant)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('splits a line by its détaillé fractions, tâches included', () => {
    const r = scores([['eci_1.1.1', statutDetaille(0.5, 0.25, 0.25)]]);
    expect(r.scores['eci_1.1.1']).toMatchObject({
      pointPotentiel: 6,
      pointFait: 3,
      pointProgramme: 1.5,
      pointPasFait: 1.5,
      pointNonRenseigne: 0,
      pourcentageFait: 50,
      pourcentageProgramme: 25,
      renseigne: true,
      statutEffectif: 'detaille',
    });
    expect(r.scores['eci_1.1.1.1']).toMatchObject({ pointFait: 0.6, pointProgramme: 0.3, statutEffectif: 'non_renseignable' });
    expect(r.scores['eci_1.1']).toMatchObject({ pointFait: 3, pointNonRenseigne: 24 });
  });

  it('counts a tâche fait for its own points only', () => {
    const r = scores([['eci_1.1.1.2', fait]]);
    expect(r.scores['eci_1.1.1.2'].pointFait).toBe(1.8);
    expect(r.scores['eci_1.1.1']).toMatchObject({ pointFait: 1.8, pointNonRenseigne: 4.2, statutEffectif: 'detaille_a_la_tache', renseigne: false });
    expect(r.scores['eci_1.1.1.1']).toMatchObject({ pointFait: 0, pointNonRenseigne: 1.2, statutEffectif: 'non_renseigne' });
    expect(r.scores.eci.pointFait).toBe(1.8);
  });

  it("lets a sous-mesure's own status override its tâches", () => {
    const r = scores([
      ['eci_1.1.1', fait],
      ['eci_1.1.1.2', pasFait],
      ['eci_1.1.1.3', nonConcerne],
    ]);
    expect(r.scores['eci_1.1.1'].pointFait).toBe(6);
    expect(r.scores['eci_1.1.1.2']).toMatchObject({ pointFait: 1.8, pointPasFait: 0, concerne: true, statutEffectif: 'non_renseignable' });
    expect(r.scores['eci_1.1.1.3']).toMatchObject({ pointPotentiel: 1.2, pointFait: 1.2, concerne: true });
  });

  it('redistributes a non concernée tâche among the tâches of its sous-mesure', () => {
    const r = scores([['eci_2.4.1.1', nonConcerne]]);
    expect(potentiels(r, ['eci_2.4.1.1', 'eci_2.4.1.2', 'eci_2.4.1.3', 'eci_2.4.1'])).toEqual([0, 1.6, 2.4, 4]);
    expect(r.scores['eci_2.4.1.1'].renseigne).toBe(true);
  });

  it('makes the tâches of a non concernée sous-mesure non concernées', () => {
    const r = scores([['eci_2.4.1', nonConcerne]]);
    for (const id of getNode('eci_2.4.1').children) {
      expect(r.scores[id]).toMatchObject({ concerne: false, pointPotentiel: 0, statutEffectif: 'non_concerne', renseigne: true });
    }
  });

  it('makes a sous-mesure whose tâches are all non concernées non concernée', () => {
    const r = scores(getNode('eci_2.4.1').children.map((id): [string, Statut] => [id, nonConcerne]));
    expect(r.scores['eci_2.4.1'].concerne).toBe(false);
    expect(potentiels(r, SOUS_MESURES_24)).toEqual([0, 0, 5, 3, 7, 5]);
  });

  it('lowers the total when a whole mesure is non concernée, and scores on the reduced potentiel', () => {
    const mesure = getNode('eci_2.1').children;
    const r = scores(toutFaitSauf(mesure.map((id): [string, Statut] => [id, nonConcerne])));
    expect(r.scores['eci_2.1']).toMatchObject({ concerne: false, pointPotentiel: 0, pointReferentiel: 10 });
    expect(r.scores['eci_2'].pointPotentiel).toBe(70);
    expect(r.scores.eci).toMatchObject({ pointPotentiel: 490, pointFait: 490, pourcentageFait: 100 });
    expect(r.etoiles.scoreRealise).toBe(100);
  });

  it('keeps a mesure whose only concerned sous-mesure is regulatory, with no potentiel left', () => {
    const autres = getNode('eci_2.1').children.filter((id) => id !== 'eci_2.1.0');
    const r = scores(autres.map((id): [string, Statut] => [id, nonConcerne]));
    expect(r.scores['eci_2.1']).toMatchObject({ concerne: true, pointPotentiel: 0 });
    expect(r.scores['eci_2.1.0'].concerne).toBe(true);
    expect(r.scores.eci.pointPotentiel).toBe(490);
  });

  it('reweights 3.7.1 and 3.7.2 below 100 000 inhabitants', () => {
    const r = scores([], { identite: { population: 35_000 }, reponses: {} });
    expect(potentiels(r, ['eci_3.7.1', 'eci_3.7.1.1', 'eci_3.7.1.2', 'eci_3.7.2', 'eci_3.7.2.1', 'eci_3.7'])).toEqual([15, 6, 3, 5, 2.5, 20]);
    expect(r.scores['eci_3.7.1'].pointReferentiel).toBe(5);
    const grande = scores([], { identite: { population: 250_000 }, reponses: {} });
    expect(potentiels(grande, ['eci_3.7.1', 'eci_3.7.2'])).toEqual([5, 15]);
  });

  it('reproduces the 1.2.4 anomaly: its 12 points go to 1.2.1–1.2.3 unless the collectivité is a syndicat', () => {
    const epci = scores([], { identite: { type: 'EPCI' }, reponses: {} });
    expect(potentiels(epci, ['eci_1.2.1', 'eci_1.2.2', 'eci_1.2.3', 'eci_1.2.4'])).toEqual([10, 10, 10, 0]);
    expect(epci.scores['eci_1.2.4'].desactive).toBe(true);
    const syndicat = scores([], { identite: { type: 'Syndicat' }, reponses: {} });
    expect(potentiels(syndicat, ['eci_1.2.1', 'eci_1.2.2', 'eci_1.2.3', 'eci_1.2.4'])).toEqual([12, 0, 0, 18]);
  });

  it('reproduces the SPASER anomaly: answering OUI lifts the 3.2.0 first-star criterion', () => {
    const statuts = toutFaitSauf([['eci_3.2.0', pasFait]]);
    const non = scores(statuts, { identite: {}, reponses: { SPASER: 'NON' } });
    expect(non.etoiles.scoreRealise).toBe(100);
    expect(non.etoiles.actuelle).toBe(0);
    expect(non.etoiles.prochaine?.etoile).toBe(1);
    expect(non.etoiles.prochaine?.criteresManquants.map((c) => c.actionId)).toEqual(['eci_3.2.0']);
    const oui = scores(statuts, { identite: {}, reponses: { SPASER: 'OUI' } });
    expect(oui.scores['eci_3.2.0']).toMatchObject({ concerne: false, desactive: true });
    const critere = oui.etoiles.criteresPremiereEtoile.find((c) => c.actionId === 'eci_3.2.0')!;
    expect(critere).toMatchObject({ applicable: false, atteint: true });
    expect(oui.etoiles.actuelle).toBe(5);
  });

  it('rejects statuses on unknown lines or on axes and mesures', () => {
    expect(() => computeScores({ statuts: new Map([['eci_9.9', fait]]), personnalisation: CONTEXTE_VIDE })).toThrow(/n'est pas une ligne/);
    expect(() => computeScores({ statuts: new Map([['eci_2.4', fait]]), personnalisation: CONTEXTE_VIDE })).toThrow(/une mesure/);
    expect(() => computeScores({ statuts: new Map([['eci', fait]]), personnalisation: CONTEXTE_VIDE })).toThrow(/référentiel/);
  });

  it('treats an explicit non renseigné as no status', () => {
    const r = scores([['eci_1.1.1', STATUT.non_renseigne], ['eci_1.1.1.1', fait]]);
    expect(r.scores['eci_1.1.1.1'].pointFait).toBe(1.2);
    expect(r.scores['eci_1.1.1'].statutEffectif).toBe('detaille_a_la_tache');
  });
});

describe('stars', () => {
  const axe3PasFait = (): [string, Statut][] =>
    getNode('eci_3')
      .children.flatMap((m) => getNode(m).children)
      .filter((id) => id !== 'eci_3.2.0')
      .map((id): [string, Statut] => [id, pasFait]);

  it('gives 3 stars at 64 %, with the gap to the 4th and the 3-point margin', () => {
    const r = scores(toutFaitSauf(axe3PasFait()));
    expect(r.scores.eci.pointFait).toBe(320);
    expect(r.etoiles.scoreRealise).toBe(64);
    expect(r.etoiles.actuelle).toBe(3);
    expect(r.etoiles.prochaine).toMatchObject({ etoile: 4, seuil: 65, pointsManquants: 5, seuilAvecMarge: 68, pointsManquantsAvecMarge: 20, criteresManquants: [], lignesNonRenseignees: 0 });
  });

  it('gives 4 stars at exactly 65 %', () => {
    const r = scores(toutFaitSauf([...axe3PasFait(), ['eci_3.5.1', fait]]));
    expect(r.scores.eci.pointFait).toBe(325);
    expect(r.etoiles.actuelle).toBe(4);
    expect(r.etoiles.prochaine).toMatchObject({ etoile: 5, seuil: 75, pointsManquants: 50, pointsManquantsAvecMarge: 65 });
  });

  it('gives the star within reach when all programmé becomes fait', () => {
    const r = scores(toutFaitSauf(axe3PasFait().map(([id]): [string, Statut] => [id, programme])));
    expect(r.etoiles.actuelle).toBe(3);
    expect(r.etoiles.potentielle).toBe(5);
    expect(r.etoiles.scorePrevisionnel).toBe(100);
    // Détaillé: the programmé share becomes fait, 320 + 10 % of 180 = 338 points, 67.6 %.
    const detaille = scores(toutFaitSauf(axe3PasFait().map(([id]): [string, Statut] => [id, statutDetaille(0, 0.1, 0.9)])));
    expect(detaille.etoiles.scorePrevisionnel).toBe(67.6);
    expect(detaille.etoiles.actuelle).toBe(3);
    expect(detaille.etoiles.potentielle).toBe(4);
  });

  it('needs a complete référentiel, even at 99 %', () => {
    const statuts = toutesSousMesures(fait);
    statuts.delete('eci_5.3.2');
    for (const id of getNode('eci_5.3.2').children.slice(1)) statuts.set(id, fait);
    const r = scores(statuts);
    expect(r.etoiles.scoreRealise).toBeGreaterThan(99);
    expect(r.etoiles.actuelle).toBe(0);
    expect(r.etoiles.potentielle).toBe(0);
    expect(r.etoiles.prochaine).toMatchObject({ etoile: 1, pointsManquants: 0, pointsManquantsAvecMarge: 0, lignesNonRenseignees: 1 });
    expect(r.completudeDetail.lignesRenseignees).toBe(273);
  });

  it('needs the star-2 criterion (1.1.1.2 fait) from the 2nd star on', () => {
    const r = scores(toutFaitSauf([['eci_1.1.1', statutDetaille(0.9, 0, 0.1)]]));
    // 90 % of 1.1.1 passes no 100 % criterion of its tâches 1.1.1.1 / 1.1.1.3 either: not even the 1st star.
    expect(r.etoiles.actuelle).toBe(0);
    const statuts = toutesSousMesures(fait);
    statuts.delete('eci_1.1.1');
    for (const id of getNode('eci_1.1.1').children) statuts.set(id, id === 'eci_1.1.1.2' ? pasFait : fait);
    const sans112 = scores(statuts);
    expect(sans112.etoiles.scoreRealise).toBeGreaterThan(99);
    expect(sans112.etoiles.actuelle).toBe(1);
    expect(sans112.etoiles.prochaine?.criteresManquants.map((c) => [c.etoile, c.actionId])).toEqual([[2, 'eci_1.1.1.2']]);
  });

  it('accepts a programmed regulatory line for the 1st star, not for the 4th', () => {
    const r = scores(toutFaitSauf([['eci_2.1.0', programme]]));
    expect(r.etoiles.actuelle).toBe(3);
    expect(r.etoiles.potentielle).toBe(5);
    expect(r.etoiles.prochaine?.criteresManquants.map((c) => [c.etoile, c.actionId])).toEqual([[4, 'eci_2.1.0']]);
  });

  it('requires 20 % of 1.1.2 for the 1st star', () => {
    expect(scores(toutFaitSauf([['eci_1.1.2', statutDetaille(0.2, 0, 0.8)]])).etoiles.actuelle).toBe(5);
    const r = scores(toutFaitSauf([['eci_1.1.2', statutDetaille(0.19, 0, 0.81)]]));
    expect(r.etoiles.actuelle).toBe(0);
    expect(r.etoiles.criteresPremiereEtoile.find((c) => c.actionId === 'eci_1.1.2')).toMatchObject({ realise: 19, atteint: false });
  });

  it('counts a criterion line declared non concernée as not met, like TeT', () => {
    const r = scores(toutFaitSauf([['eci_2.2.0', nonConcerne]]));
    expect(r.etoiles.actuelle).toBe(0);
    expect(r.etoiles.criteresPremiereEtoile.find((c) => c.actionId === 'eci_2.2.0')).toMatchObject({ concerne: false, applicable: true, atteint: false });
  });
});
