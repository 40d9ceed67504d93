import { describe, expect, it } from 'vitest';
import {
  CONTEXTE_VIDE,
  consequencesPersonnalisation,
  effetQuestion,
  effetsPersonnalisation,
  parseReponseBinaire,
  questionsBinaires,
  questionsPersonnalisation,
  type PersonnalisationContext,
} from '../../../src/domain/referentiel/personnalisation';
import { NODES } from '../../../src/domain/referentiel/tree';

const desactives = (ctx: PersonnalisationContext) =>
  [...consequencesPersonnalisation(ctx)].filter(([, c]) => c.desactive).map(([id]) => id);

/** Lines deactivated by their own rule (not through an ancestor). */
const desactivesParLeurRegle = (ctx: PersonnalisationContext) =>
  [...consequencesPersonnalisation(ctx)].filter(([id, c]) => c.desactivePar === id).map(([id]) => id);

describe('personalisation consequences', () => {
  it('gives a consequence for every line', () => {
    const c = consequencesPersonnalisation(CONTEXTE_VIDE);
    expect(c.size).toBe(NODES.length);
    expect(c.get('eci_1.1.1')).toEqual({ desactive: false, facteur: 1, desactivePar: null });
  });

  it('reproduces the 1.2.4 anomaly: non concernée for anything but a syndicat', () => {
    expect(desactivesParLeurRegle(CONTEXTE_VIDE)).toEqual(['eci_1.2.4', 'eci_4.2.5']);
    expect(desactivesParLeurRegle({ identite: { type: 'EPCI' }, reponses: {} })).toEqual(['eci_1.2.4', 'eci_4.2.5']);
    const syndicat = desactivesParLeurRegle({ identite: { type: 'Syndicat' }, reponses: {} });
    expect(syndicat).toEqual(['eci_1.2.2', 'eci_1.2.3', 'eci_4.2.5']);
    const syndicatTraitement = desactivesParLeurRegle({ identite: { type: 'Syndicat' }, reponses: { dechets_2: 'OUI' } });
    expect(syndicatTraitement).toEqual(['eci_1.2.2', 'eci_1.2.3']);
  });

  it('reproduces the inverted SPASER rule: 3.2.0 non concernée when SPASER = OUI', () => {
    const oui = consequencesPersonnalisation({ identite: {}, reponses: { SPASER: 'OUI' } });
    const non = consequencesPersonnalisation({ identite: {}, reponses: { SPASER: 'NON' } });
    expect(oui.get('eci_3.2.0')!.desactive).toBe(true);
    expect(non.get('eci_3.2.0')!.desactive).toBe(false);
    expect(consequencesPersonnalisation(CONTEXTE_VIDE).get('eci_3.2.0')!.desactive).toBe(false);
  });

  it('inherits a deactivation and records which rule caused it', () => {
    const c = consequencesPersonnalisation({ identite: {}, reponses: { dechets_1: 'NON', dechets_2: 'NON' } });
    expect(c.get('eci_2.4')).toEqual({ desactive: true, facteur: 1, desactivePar: 'eci_2.4' });
    expect(c.get('eci_2.4.1.1')).toEqual({ desactive: true, facteur: 1, desactivePar: 'eci_2.4' });
    expect(c.get('eci_2.4.2')!.desactivePar).toBe('eci_2.4');
    expect(c.get('eci_4.1')!.desactive).toBe(true);
    expect(c.get('eci_2')!.desactive).toBe(false);
  });

  it('deactivates 2.2, 2.4.2, 2.4.3 and 4.2.1–4.2.4 without the collecte competence', () => {
    const list = desactivesParLeurRegle({ identite: { type: 'EPCI' }, reponses: { dechets_1: 'NON', dechets_2: 'OUI' } });
    expect(list).toEqual([
      'eci_1.2.4',
      'eci_2.2',
      'eci_2.4.2',
      'eci_2.4.3',
      'eci_4.2.1',
      'eci_4.2.2',
      'eci_4.2.3',
      'eci_4.2.4',
      'eci_4.2.5',
    ]);
    expect(desactives({ identite: { type: 'EPCI' }, reponses: { dechets_1: 'NON', dechets_2: 'OUI' } })).toContain('eci_2.2.1');
  });

  it('reweights 3.7.1 and 3.7.2 below 100 000 inhabitants, tâches included', () => {
    const petite = consequencesPersonnalisation({ identite: { population: 99_999 }, reponses: {} });
    expect(petite.get('eci_3.7.1')!.facteur).toBe(3);
    expect(petite.get('eci_3.7.1.2')!.facteur).toBe(3);
    expect(petite.get('eci_3.7.2')!.facteur).toBeCloseTo(1 / 3, 15);
    expect(petite.get('eci_3.7')!.facteur).toBe(1);
    const grande = consequencesPersonnalisation({ identite: { population: 100_000 }, reponses: {} });
    expect(grande.get('eci_3.7.1')!.facteur).toBe(1);
    expect(consequencesPersonnalisation(CONTEXTE_VIDE).get('eci_3.7.2')!.facteur).toBe(1);
  });

  it('reads Oui / Non answers', () => {
    expect(parseReponseBinaire('Oui')).toBe('OUI');
    expect(parseReponseBinaire(' NON ')).toBe('NON');
    expect(parseReponseBinaire('')).toBeNull();
    expect(parseReponseBinaire('peut-être')).toBeNull();
  });
});

describe('personalisation questions and their effect', () => {
  it('lists the questions with their French formulation and the lines they drive', () => {
    const all = questionsPersonnalisation();
    expect(all.map((q) => q.id)).toEqual([
      'dev_eco_1',
      'dechets_3',
      'dechets_1',
      'dechets_2',
      'SPASER',
      'formation',
      'REOM',
      'identite(type, syndicat)',
      'identite(population, moins_de_100000)',
    ]);
    expect(questionsBinaires()).toHaveLength(7);
    const dechets1 = all.find((q) => q.id === 'dechets_1')!;
    expect(dechets1.formulation).toMatch(/compétence collecte des déchets/);
    expect(dechets1.lignes).toEqual(['eci_2.2', 'eci_2.4', 'eci_2.4.2', 'eci_2.4.3', 'eci_4.1', 'eci_4.2.1', 'eci_4.2.2', 'eci_4.2.3', 'eci_4.2.4']);
    // 1.2.2's source lists only dev_eco_1, but its rule also asks whether the collectivité is a syndicat.
    expect(all.find((q) => q.id === 'identite(type, syndicat)')!.lignes).toEqual(['eci_1.2.2', 'eci_1.2.3', 'eci_1.2.4', 'eci_4.2.5']);
    expect(all.find((q) => q.id === 'identite(population, moins_de_100000)')!.lignes).toEqual(['eci_3.7.1', 'eci_3.7.2']);
  });

  it('says which lines an answer makes non concernées', () => {
    const ctx: PersonnalisationContext = { identite: { type: 'EPCI' }, reponses: { dechets_1: 'NON', dechets_2: 'OUI' } };
    const e = effetQuestion('dechets_1', ctx);
    expect(e.reponse).toBe('NON');
    expect(e.nonConcernees).toEqual(['eci_2.2', 'eci_2.4.2', 'eci_2.4.3', 'eci_4.2.1', 'eci_4.2.2', 'eci_4.2.3', 'eci_4.2.4']);
    expect(e.effet).toMatch(/^« Non » : Non concernées : la mesure 2\.2/);
    expect(e.effet).toContain('les sous-mesures 2.4.2 et 2.4.3');
    // 4.2.5 is out too (not a syndicat), so 4.2 keeps no sous-mesure to receive the points.
    expect(e.effet).toContain("leur mesure n'a plus de sous-mesure concernée");
    expect(e.hypotheses).toBeNull();
    expect(effetQuestion('dechets_2', ctx).effet).toBe('« Oui » : aucun effet sur le référentiel.');
  });

  it('shows only the topmost line when a whole mesure goes', () => {
    const e = effetQuestion('dechets_1', { identite: {}, reponses: { dechets_1: 'NON', dechets_2: 'NON' } });
    expect(e.nonConcernees).toEqual(['eci_2.2', 'eci_2.4', 'eci_4.1', 'eci_4.2.1', 'eci_4.2.2', 'eci_4.2.3', 'eci_4.2.4']);
  });

  it('does not credit an answer with what another one already decided', () => {
    // Without the dev_eco competence, 3.4 is out whatever the answer on training.
    const e = effetQuestion('formation', { identite: {}, reponses: { dev_eco_1: 'NON', formation: 'NON' } });
    expect(e.nonConcernees).toEqual([]);
    expect(effetQuestion('formation', { identite: {}, reponses: { dev_eco_1: 'OUI', formation: 'NON' } }).nonConcernees).toEqual([
      'eci_3.4.2',
    ]);
  });

  it('describes both answers of an unanswered question', () => {
    const e = effetQuestion('REOM', CONTEXTE_VIDE);
    expect(e.reponse).toBeNull();
    expect(e.hypotheses!.OUI.nonConcernees).toEqual(['eci_4.2.1', 'eci_4.2.3']);
    expect(e.hypotheses!.NON.nonConcernees).toEqual([]);
    expect(e.effet).toMatch(/^Sans réponse/);
    expect(e.effet).toContain('Si « Oui » : Non concernées : les sous-mesures 4.2.1 et 4.2.3');
    expect(e.effet).toContain('Si « Non » : aucun effet.');
  });

  it('explains the reweighting by population and the two anomalies', () => {
    const ctx: PersonnalisationContext = { identite: { type: 'Commune', population: 20_000 }, reponses: { SPASER: 'OUI' } };
    const effets = new Map(effetsPersonnalisation(ctx).map((e) => [e.questionId, e]));
    expect(effets.size).toBe(9);
    const population = effets.get('identite(population, moins_de_100000)')!;
    expect(population.reponderees).toEqual([
      { id: 'eci_3.7.1', pointsReferentiel: 5, pointsPersonnalises: 15 },
      { id: 'eci_3.7.2', pointsReferentiel: 15, pointsPersonnalises: 5 },
    ]);
    expect(population.effet).toContain('3.7.1 passe de 5 pts à 15 pts et 3.7.2 passe de 15 pts à 5 pts');
    const spaser = effets.get('SPASER')!;
    expect(spaser.nonConcernees).toEqual(['eci_3.2.0']);
    expect(spaser.effet).toContain('semble inversée');
    const syndicat = effets.get('identite(type, syndicat)')!;
    expect(syndicat.reponse).toBe('NON');
    // 4.2.5 would stay out for a syndicat too, without the traitement competence: not this answer's doing.
    expect(syndicat.nonConcernees).toEqual(['eci_1.2.4']);
    expect(syndicat.effet).toContain("toute collectivité qui n’est pas un syndicat");
  });

  it('asks for the identity when it is unknown', () => {
    const e = effetQuestion('identite(population, moins_de_100000)', CONTEXTE_VIDE);
    expect(e.reponse).toBeNull();
    expect(e.effet).toContain("onglet Accueil");
    expect(e.hypotheses!.OUI.reponderees.map((r) => r.id)).toEqual(['eci_3.7.1', 'eci_3.7.2']);
  });

  it('rejects an unknown question', () => {
    expect(() => effetQuestion('nope', CONTEXTE_VIDE)).toThrow(/inconnue/);
  });
});
