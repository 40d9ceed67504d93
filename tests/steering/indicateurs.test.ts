import { describe, expect, it } from 'vitest';
import { anomaliesUnite, anneesHorsPlage, progression, tendance } from '../../src/domain/indicateurs/analyse';
import type { Indicateur } from '../../src/domain/model/types';
import { steeringAnomalies, readSteeringInput } from '../../src/app/steer';
import { addRows, installed } from './helpers';

const ind = (valeurs: Array<[number, number]>, objectif: number | null = null, unite: string | null = 't'): Indicateur => ({
  rowNumber: 7, identifiant: 'eci_ind_1', intitule: 'Tonnage', unite, type: null, objectif, anneeCible: 2030, source: null, service: null,
  valeurs: valeurs.map(([annee, valeur]) => ({ annee, valeur })),
});

describe('indicators: trend', () => {
  it('needs two values', () => {
    expect(tendance(ind([]))).toBeNull();
    expect(tendance(ind([[2022, 10]]))).toBeNull();
  });
  it('compares the last value with the previous one, Stable within 2 %', () => {
    expect(tendance(ind([[2021, 50], [2022, 60]]))).toBe('En hausse');
    expect(tendance(ind([[2021, 50], [2023, 40]]))).toBe('En baisse');
    expect(tendance(ind([[2021, 100], [2022, 101.5]]))).toBe('Stable');
    expect(tendance(ind([[2021, 0], [2022, 0]]))).toBe('Stable');
    // years sorted whatever the order given
    expect(tendance(ind([[2024, 30], [2020, 80], [2023, 50]]))).toBe('En baisse');
  });
});

describe('indicators: progress towards the objective', () => {
  it('goes from the first value towards a higher objective', () => {
    expect(progression(ind([[2020, 20], [2024, 35]], 50))).toBe(0.5);
  });
  it('goes from the first value towards a lower objective (reduction)', () => {
    expect(progression(ind([[2020, 600], [2022, 550], [2024, 450]], 300))).toBe(0.5);
  });
  it('is bounded to 0–1 (going the wrong way, or beyond the objective)', () => {
    expect(progression(ind([[2020, 600], [2024, 650]], 300))).toBe(0);
    expect(progression(ind([[2020, 20], [2024, 80]], 50))).toBe(1);
  });
  it('is null without objective or value', () => {
    expect(progression(ind([[2020, 20]], null))).toBeNull();
    expect(progression(ind([], 50))).toBeNull();
  });
  it('uses the trend when the objective equals the first value', () => {
    expect(progression(ind([[2020, 50], [2024, 50]], 50))).toBe(1);
  });
});

describe('indicators: unit anomalies', () => {
  it('flags a % indicator with a value above 100', () => {
    const a = anomaliesUnite(ind([[2021, 45], [2022, 4500]], 60, '%'));
    expect(a.map((x) => [x.code, x.colonne])).toEqual([['indicateur-unite', '2022']]);
    expect(a[0].message).toContain('entre 0 et 100');
  });
  it('flags a value about 100 times off the others (heuristic: ≥ 30 ×, the median of the others)', () => {
    const a = anomaliesUnite(ind([[2020, 520], [2021, 505], [2022, 5.1], [2023, 498]]), (annee) => 8 + annee - 2019);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ onglet: 'Indicateurs', ligne: 7, colonne: '2022', cellule: 'L7', bloquante: false });
    expect(a[0].message).toContain('fois plus petit');
  });
  it('reports only the later value when there are two', () => {
    const a = anomaliesUnite(ind([[2020, 0.42], [2021, 45]]));
    expect(a.map((x) => x.colonne)).toEqual(['2021']);
  });
  it('accepts a normal series', () => {
    expect(anomaliesUnite(ind([[2020, 520], [2021, 480], [2022, 455]], 300))).toEqual([]);
    expect(anomaliesUnite(ind([[2020, 12], [2021, 35]], 60, '%'))).toEqual([]);
  });
});

describe('indicators: year columns outside 2019–2030', () => {
  it('names an extra year header found in the sheet', () => {
    const wb = installed();
    const g = wb.grid('Indicateurs').map((r) => r.slice());
    g[0].push('2031', 'Remarque', '2018');
    wb.setGrid('Indicateurs', g);
    const input = readSteeringInput(wb);
    const a = anneesHorsPlage(input.read.tables.get('Indicateurs›indicateurs')!.located);
    expect(a.map((x) => x.colonne)).toEqual(['2031', '2018']);
    expect(a[0].message).toContain('« 2031 »');
    expect(a[0].message).toContain('2019 à 2030');
    // and the steering checks carry it
    expect(steeringAnomalies(input).some((x) => x.code === 'annee-hors-plage' && x.colonne === '2031')).toBe(true);
  });

  it('reports nothing on the installed layout', () => {
    const wb = installed();
    addRows(wb, 'Indicateurs', 'indicateurs', [{ Identifiant: 'perso_1', Intitulé: 'Composteurs', '2024': 10, '2025': 14 }]);
    const input = readSteeringInput(wb);
    expect(steeringAnomalies(input).filter((a) => a.onglet === 'Indicateurs')).toEqual([]);
  });
});
