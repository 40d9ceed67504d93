import { describe, expect, it } from 'vitest';
import { colonneEnRetard, echeances, estEnRetard } from '../../src/domain/plan-actions/echeances';
import type { Engagement, Jalon } from '../../src/domain/model/types';
import { at, day } from './helpers';

const jalon = (rowNumber: number, echeance: Date | null, statut: Jalon['statut'], libelle = `Jalon ${rowNumber}`): Jalon => ({
  rowNumber, fiche: '1', jalon: libelle, echeance, responsable: 'Élodie', statut, commentaire: null,
});
const engagement = (rowNumber: number, echeance: Date | null, statut: Engagement['statut']): Engagement => ({
  rowNumber, instance: 3, qui: 'Thomas', quoi: `Engagement ${rowNumber}`, echeance, statut,
});

describe('En retard around today (injected clock)', () => {
  const deadline = day(2026, 3, 15);

  it('is not late the day before nor on the day itself, late the day after', () => {
    expect(estEnRetard({ echeance: deadline, statut: 'À faire' }, at(2026, 3, 14))).toBe(false);
    expect(estEnRetard({ echeance: deadline, statut: 'À faire' }, at(2026, 3, 15))).toBe(false);
    expect(estEnRetard({ echeance: deadline, statut: 'À faire' }, at(2026, 3, 16))).toBe(true);
  });

  it('takes the calendar day of the clock, whatever the hour', () => {
    expect(estEnRetard({ echeance: deadline, statut: null }, at(2026, 3, 15, 0))).toBe(false);
    expect(estEnRetard({ echeance: deadline, statut: null }, at(2026, 3, 15, 23))).toBe(false);
    expect(estEnRetard({ echeance: deadline, statut: null }, at(2026, 3, 16, 0))).toBe(true);
  });

  it('is never late when done or without deadline', () => {
    expect(estEnRetard({ echeance: deadline, statut: 'Fait' }, at(2026, 6, 1))).toBe(false);
    expect(estEnRetard({ echeance: null, statut: 'À faire' }, at(2026, 6, 1))).toBe(false);
  });

  it('gives the whole En retard column, clearing the rows no longer late', () => {
    const col = colonneEnRetard([jalon(2, deadline, 'À faire'), jalon(3, deadline, 'Fait'), jalon(4, day(2026, 3, 16), null)], at(2026, 3, 16));
    expect([...col]).toEqual([[2, 'En retard'], [3, null], [4, null]]);
  });

  it('lists overdue items (most late first) and the ones due within the horizon, with tab and row', () => {
    const today = at(2026, 3, 16);
    const r = echeances(
      [jalon(2, day(2026, 3, 15), 'À faire'), jalon(3, day(2026, 1, 10), null), jalon(4, day(2026, 3, 16), null), jalon(5, day(2026, 6, 16), null), jalon(6, day(2026, 6, 17), null), jalon(7, day(2026, 1, 1), 'Fait')],
      [engagement(2, day(2026, 4, 1), 'À faire'), engagement(3, day(2026, 2, 1), 'À faire')],
      today,
      3,
    );
    expect(r.enRetard.map((e) => [e.onglet, e.ligne, e.jours])).toEqual([
      ['Jalons', 3, 65],
      ['Engagements', 3, 43],
      ['Jalons', 2, 1],
    ]);
    expect(r.aVenir.map((e) => [e.onglet, e.ligne, e.jours])).toEqual([
      ['Jalons', 4, 0],
      ['Engagements', 2, 16],
      ['Jalons', 5, 92],
    ]);
    expect(r.enRetard[1]).toMatchObject({ source: 'engagement', reference: '3', qui: 'Thomas', echeance: '2026-02-01', echeanceLibelle: '01/02/2026' });
  });
});
