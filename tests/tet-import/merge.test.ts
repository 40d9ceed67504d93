/**
 * Non-destructive merge: an existing fiche (same title without case or
 * accents, or same N°) is completed in its empty cells only; a differing
 * value is kept and reported; new fiches get the next N°; twice changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importTet } from '../../src/app/import-tet';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { TAB } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';
import type { FeuilleTet } from '../../src/domain/tet/import';
import { ACCEPTE, ajouter, day, feuilles, fiches, fichierTet, jalons, template } from './support';

const clock = { now: () => new Date(Date.UTC(2026, 10, 20)) };

function classeurUtilisateur(): MemoryWorkbook {
  const wb = template();
  ajouter(wb, TAB.planActions, 'planActions', [
    { 'N°': 2, 'Titre de la fiche action': 'Ma fiche à moi', Statut: 'À venir' },
    {
      'N°': 7,
      // same title as TeT's first fiche, but for case and accents
      'Titre de la fiche action': 'ARRANGER LA PISTE CYCLABLE 2040-2044',
      Statut: 'En pause', // TeT: En cours
      'Niveau de priorité': 'élevé', // TeT: Élevé (same entry)
      'Financeur 1': 'Smaug',
      'Montant financeur 1 (€ HT)': '3 000', // TeT: 3000 (same amount)
      'Date de début': '14/12/2020', // TeT: 12/14/20 (same day)
      'Budget prévisionnel total € HT': 800, // TeT: 500
    },
  ]);
  wb.resetCalls();
  return wb;
}

describe('import-tet: merge into a workbook the user filled', () => {
  let tet: FeuilleTet[];
  beforeAll(async () => {
    tet = await feuilles(ACCEPTE);
  });

  it('completes the existing fiche in its empty cells only, keeps and reports the differing values', () => {
    const wb = classeurUtilisateur();
    const before: Grid = wb.grid(TAB.planActions).map((r) => r.slice());
    const r = importTet({ workbook: wb, clock }, tet);
    expect(r.status).toBe('ok');

    const [mine, existing] = fiches(wb);
    expect(mine.cells).toMatchObject({ numero: 2, titre: 'Ma fiche à moi', statut: 'À venir', axe: null });
    expect(existing.cells).toMatchObject({
      numero: 7,
      titre: 'ARRANGER LA PISTE CYCLABLE 2040-2044',
      statut: 'En pause',
      priorite: 'élevé',
      montant1: '3 000',
      debut: '14/12/2020',
      budgetTotal: 800,
      // completed
      fin: day(2028, 12, 14),
      financeur2: 'Ras al Ghul',
      mesures: 'eci_2.1',
      axe: '1. Sécurité : développer les aménagements cyclables et améliorer la sécurité routière',
    });
    // Every cell the user had filled is unchanged.
    before.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null && v !== '') expect(wb.grid(TAB.planActions)[i][j], `${i},${j}`).toEqual(v);
    }));

    expect(r.conflits).toEqual([
      { onglet: "Plan d'actions", ligne: existing.rowNumber, colonne: 'Budget prévisionnel total € HT', classeur: '800', tet: '500' },
      { onglet: "Plan d'actions", ligne: existing.rowNumber, colonne: 'Statut', classeur: 'En pause', tet: 'En cours' },
    ]);
    expect(r.completees).toHaveLength(1);
    expect(r.completees[0]).toMatchObject({ numero: '7', ligne: existing.rowNumber });
    expect(r.completees[0].colonnes).toContain('Date de fin');
    expect(r.completees[0].colonnes).not.toContain('Statut');

    // The 6 other fiches appended after the last one, numbered from 8.
    expect(r.creees.map((f) => f.numero)).toEqual(['8', '9', '10', '11', '12', '13']);
    expect(fiches(wb).map((f) => f.cells.numero)).toEqual([2, 7, 8, 9, 10, 11, 12, 13]);
    expect(r.creees[0].ligne).toBe(existing.rowNumber + 1);
    expect(r.message).toBe('Import Territoires en Transitions : 6 fiches créées, 1 fiche complétée, 2 conflits.');
  });

  it('writes only empty cells: one block per run of adjacent cells, one block for the new fiches', () => {
    const wb = classeurUtilisateur();
    importTet({ workbook: wb, clock }, tet);
    const writes = wb.calls.filter((c) => c.op === 'write' && c.sheet === TAB.planActions);
    // New fiches: one block of 6 rows; completions: single-row runs.
    expect(writes.filter((w) => (w.rows ?? 0) > 1)).toEqual([expect.objectContaining({ rows: 6 })]);
    expect(writes.every((w) => w.rows === 1 || w.rows === 6)).toBe(true);
    expect(wb.count('read', TAB.planActions)).toBe(1);
  });

  it('is idempotent: a second import writes nothing and reports the same conflicts', () => {
    const wb = classeurUtilisateur();
    const first = importTet({ workbook: wb, clock }, tet);
    const grid = wb.grid(TAB.planActions).map((r) => r.slice());
    wb.resetCalls();
    const second = importTet({ workbook: wb, clock }, tet);
    expect(second.creees).toEqual([]);
    expect(second.completees).toEqual([]);
    expect(second.conflits).toEqual(first.conflits);
    expect(wb.count('write')).toBe(0);
    expect(wb.grid(TAB.planActions)).toEqual(grid);
  });

  it('matches by N° when the TeT file has a N° column (a title renamed on one side is a conflict, not a new fiche)', async () => {
    const wb = classeurUtilisateur();
    const file = await fichierTet(ACCEPTE, 4, [{ D: 'Titre renommé dans TeT', Y: 'Réalisé', AJ: 2 }], { AJ2: 'N°' });
    const r = importTet({ workbook: wb, clock }, await feuilles(file));
    expect(r.creees).toEqual([]);
    expect(r.conflits.map((c) => `${c.colonne}: ${c.classeur} / ${c.tet}`)).toEqual(['Titre de la fiche action: Ma fiche à moi / Titre renommé dans TeT', 'Statut: À venir / Réalisé']);
    expect(fiches(wb)).toHaveLength(2);
  });

  it('links jalons to the existing fiche\'s N°, and completes an existing jalon in its empty cells only', async () => {
    const wb = classeurUtilisateur();
    ajouter(wb, TAB.jalons, 'jalons', [{ 'Fiche (N°)': 7, Jalon: 'Sous-action datée', Responsable: 'Moi' }]);
    const rows = [
      { D: 'Arranger la piste cyclable 2040-2044', E: 'Sous-action datée', N: 'Léa', AB: '15/03/2027' },
      { D: 'Arranger la piste cyclable 2040-2044', E: 'Deuxième', AA: '01/02/2027' },
    ];
    const r = importTet({ workbook: wb, clock }, await feuilles(await fichierTet(ACCEPTE, 4, rows)));
    expect(jalons(wb).map((j) => [j.cells.fiche, j.cells.jalon, j.cells.echeance, j.cells.responsable])).toEqual([
      [7, 'Sous-action datée', day(2027, 3, 15), 'Moi'],
      [7, 'Deuxième', day(2027, 2, 1), null],
    ]);
    expect(r.conflits).toEqual([{ onglet: 'Jalons', ligne: 2, colonne: 'Responsable', classeur: 'Moi', tet: 'Léa' }]);
  });

  it('refuses a workbook without Plan d\'actions, and reports jalons it cannot write without Jalons', async () => {
    const r = importTet({ workbook: new MemoryWorkbook([['Feuil1', [['x']]]]), clock }, tet);
    expect(r.status).toBe('refuse');
    expect(r.message).toMatch(/L'onglet « Plan d'actions » est absent/);

    const wb = template();
    wb.deleteSheet(TAB.jalons);
    const rows = [{ D: 'Action', E: 'Sous-action', AB: '15/03/2027' }];
    const r2 = importTet({ workbook: wb, clock }, await feuilles(await fichierTet(ACCEPTE, 4, rows)));
    expect(r2.status).toBe('ok');
    expect(r2.anomalies.map((a) => a.message)).toContain("L'onglet « Jalons » est absent ou sans en-têtes : 1 jalon de TeT (sous-actions datées, calendrier) n'est pas importé.");
  });
});
