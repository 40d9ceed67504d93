/**
 * Round trip: the sample territory exported with the existing export
 * (prepareExportTet + classeurToBuffer) and imported into a workbook whose
 * Plan d'actions is empty gives back the same fiches; importing twice
 * changes nothing; importing the export into the sample itself changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importTet } from '../../src/app/import-tet';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { memoSource, readWorkbookModel } from '../../src/domain/model/read';
import type { FicheAction, Jalon } from '../../src/domain/model/types';
import { TAB } from '../../src/domain/schema/tabs';
import type { FeuilleTet } from '../../src/domain/tet/import';
import { exportTetDe, feuilles, sample, template } from './support';

const clock = { now: () => new Date(Date.UTC(2026, 10, 20)) };
const modele = (wb: MemoryWorkbook) => readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.grid(n))).model;

/** What a fiche is for the comparison (its row aside). */
function vue(f: FicheAction) {
  const { rowNumber: _row, ...rest } = f;
  return { ...rest, ameliorationContinue: f.ameliorationContinue === true };
}
const vueJalon = (j: Jalon) => ({ fiche: j.fiche, jalon: j.jalon, echeance: j.echeance, fait: j.statut === 'Fait' });

describe('import-tet: round trip of the sample territory', () => {
  let source: MemoryWorkbook;
  let tet: FeuilleTet[];
  beforeAll(async () => {
    source = await sample();
    tet = await feuilles(await exportTetDe(source));
  });

  it('gives back the same fiches in an empty Plan d\'actions (titles, statuts, dates, budgets, financeurs…)', () => {
    const cible = template();
    const r = importTet({ workbook: cible, clock }, tet);
    expect(r.status).toBe('ok');
    expect(r.source?.format).toBe('import');
    expect(r.conflits).toEqual([]);
    expect(r.anomalies).toEqual([]);
    const avant = modele(source).planActions;
    const apres = modele(cible).planActions;
    expect(avant.length).toBe(10);
    expect(r.creees.map((f) => f.titre)).toEqual(avant.map((f) => f.titre));
    expect(apres.map((f) => f.titre)).toEqual(avant.map((f) => f.titre));
    for (const [i, f] of avant.entries()) {
      const g = apres[i];
      expect(g.numero, f.titre).toBe(f.numero);
      expect(g.statut, f.titre).toBe(f.statut);
      expect(g.priorite, f.titre).toBe(f.priorite);
      expect(g.debut, f.titre).toEqual(f.debut);
      expect(g.fin, f.titre).toEqual(f.fin);
      expect(g.budgetTotal, f.titre).toBe(f.budgetTotal);
      expect(g.financeurs, f.titre).toEqual(f.financeurs);
    }
    // Everything the export carries comes back, field by field.
    expect(apres.map(vue)).toEqual(avant.map(vue));
  });

  it('turns the Calendrier lines back into the fiches\' jalons (fiche, jalon, échéance, fait)', () => {
    const cible = template();
    const r = importTet({ workbook: cible, clock }, tet);
    const avant = modele(source).jalons.map(vueJalon);
    expect(avant.length).toBeGreaterThan(10);
    expect(r.jalons).toBe(avant.length);
    const apres = modele(cible).jalons.map(vueJalon);
    const key = (j: ReturnType<typeof vueJalon>) => `${j.fiche}|${j.jalon}`;
    expect([...apres].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...avant].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('is idempotent: the second import writes nothing and reports nothing', () => {
    const cible = template();
    importTet({ workbook: cible, clock }, tet);
    const grids = cible.sheetNames().map((n) => cible.grid(n).map((row) => row.slice()));
    cible.resetCalls();
    const r = importTet({ workbook: cible, clock }, tet);
    expect(r.creees).toEqual([]);
    expect(r.completees).toEqual([]);
    expect(r.conflits).toEqual([]);
    expect(r.jalons).toBe(0);
    expect(r.ecrit).toBe(false);
    expect(cible.count('write')).toBe(0);
    expect(cible.sheetNames().map((n) => cible.grid(n))).toEqual(grids);
  });

  it('imported into the sample itself, finds every fiche and jalon already there: nothing written, no conflict', () => {
    const wb = source;
    const before = wb.grid(TAB.planActions).map((row) => row.slice());
    wb.resetCalls();
    const r = importTet({ workbook: wb, clock }, tet);
    expect(r.conflits).toEqual([]);
    expect(r.creees).toEqual([]);
    expect(r.completees).toEqual([]);
    expect(wb.count('write')).toBe(0);
    expect(wb.grid(TAB.planActions)).toEqual(before);
  });

  it('costs one read per tab and a handful of rectangular writes', () => {
    const cible = template();
    importTet({ workbook: cible, clock }, tet);
    for (const tab of [TAB.planActions, TAB.jalons, TAB.journal]) expect(cible.count('read', tab), tab).toBe(1);
    expect(cible.calls.filter((c) => c.op === 'read').length).toBe(3);
    // One block of fiches, one block of jalons, one Journal row.
    expect(cible.count('write', TAB.planActions)).toBe(1);
    expect(cible.count('write', TAB.jalons)).toBe(1);
    expect(cible.count('write', TAB.journal)).toBe(1);
  });
});
