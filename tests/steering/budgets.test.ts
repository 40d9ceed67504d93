import { describe, expect, it } from 'vitest';
import { budgetsParAnnee, budgetsParFinanceur, repartirParAnnee } from '../../src/domain/plan-actions/budgets';
import type { FicheAction } from '../../src/domain/model/types';
import { day } from './helpers';

const fiche = (numero: string, budgetTotal: number | null, debut: Date | null, fin: Date | null, financeurs: FicheAction['financeurs'] = []): FicheAction => ({
  rowNumber: 2, numero, axe: null, sousAxe: null, titre: `Fiche ${numero}`, descriptif: null, objectifs: null, indicateurs: null,
  structurePilote: null, servicePilote: null, personnePilote: null, eluReferent: null, partenaires: null, financeurs, budgetTotal,
  statut: null, priorite: null, debut, fin, ameliorationContinue: null, mesures: [], actionsLiees: [], afom: [], piliers: [], participation: null, notes: null,
});

describe('budgets by year (pro rata of days between début and fin)', () => {
  it('spreads a budget over the years it covers, in proportion of days', () => {
    const m = repartirParAnnee(30_000, day(2025, 7, 1), day(2027, 6, 30));
    // 184 days in 2025, 365 in 2026, 181 in 2027: 730 days in all.
    expect(m.get(2025)).toBe(Math.round((30_000 * 184) / 730));
    expect(m.get(2026)).toBe(Math.round((30_000 * 365) / 730));
    expect([...m.values()].reduce((a, b) => a + b, 0)).toBe(30_000);
    expect([...m.keys()]).toEqual([2025, 2026, 2027]);
  });

  it('puts a budget in one year when it starts and ends within it, or has only one date', () => {
    expect([...repartirParAnnee(5_000, day(2026, 2, 1), day(2026, 11, 30))]).toEqual([[2026, 5_000]]);
    expect([...repartirParAnnee(5_000, null, day(2027, 3, 1))]).toEqual([[2027, 5_000]]);
    expect([...repartirParAnnee(5_000, day(2025, 3, 1), null)]).toEqual([[2025, 5_000]]);
  });

  it('keeps undated or inconsistent budgets apart, as « Non daté »', () => {
    expect([...repartirParAnnee(5_000, null, null)]).toEqual([['nonDate', 5_000]]);
    expect([...repartirParAnnee(5_000, day(2027, 1, 1), day(2026, 1, 1))]).toEqual([['nonDate', 5_000]]);
  });

  it('sums the fiches by year, years in order then « Non daté »', () => {
    const r = budgetsParAnnee([
      fiche('1', 12_000, day(2026, 1, 1), day(2027, 12, 31)),
      fiche('2', 3_000, day(2025, 6, 1), day(2025, 12, 31)),
      fiche('3', 1_000, null, null),
      fiche('4', null, day(2026, 1, 1), day(2026, 12, 31)),
    ]);
    expect(r).toEqual([
      { annee: 2025, libelle: '2025', budget: 3_000 },
      { annee: 2026, libelle: '2026', budget: 6_000 },
      { annee: 2027, libelle: '2027', budget: 6_000 },
      { annee: null, libelle: 'Non daté', budget: 1_000 },
    ]);
  });
});

describe('budgets by financeur', () => {
  it('sums montants by financeur name (case ignored) and reports what is not covered', () => {
    const r = budgetsParFinanceur([
      fiche('1', 50_000, null, null, [{ nom: 'ADEME', montant: 20_000 }, { nom: 'Région BFC', montant: 10_000 }]),
      fiche('2', 10_000, null, null, [{ nom: 'ademe ', montant: 5_000 }]),
      fiche('3', 8_000, null, null, [{ nom: '', montant: 8_000 }]),
    ]);
    expect(r).toEqual([
      { financeur: 'ADEME', montant: 25_000 },
      { financeur: 'Région BFC', montant: 10_000 },
      { financeur: 'Non ventilé entre financeurs', montant: 33_000 },
    ]);
  });
});
