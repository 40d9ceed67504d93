import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { installWorkbook } from '../../src/app/install';
import { memoSource, readWorkbookModel } from '../../src/domain/model/read';

describe('workbook model', () => {
  it('reads an installed empty workbook without anomalies, each tab once', () => {
    const wb = new MemoryWorkbook();
    installWorkbook({ workbook: wb, formatter: wb });
    wb.resetCalls();
    const { model, anomalies } = readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.read(n)));
    expect(anomalies).toEqual([]);
    expect(model.referentiel).toHaveLength(367);
    expect(model.preuves.length).toBe(176);
    expect(model.filieres.length).toBeGreaterThan(5);
    expect(model.seuils.impactEleve).toBe(3);
    const reads = wb.calls.filter((c) => c.op === 'read').map((c) => c.sheet);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('reads French inputs typed in Plans and flags what it cannot read', () => {
    const wb = new MemoryWorkbook();
    installWorkbook({ workbook: wb, formatter: wb });
    const g = wb.grid('Plans');
    const h = g[0].map(String);
    const row = h.map((x) => ({ Type: 'plpdma', Intitulé: 'Programme local 2022-2027', Début: '03/04/2025', Fin: '31/02/2026', 'Niveau EC': '2' } as Record<string, string>)[x] ?? null);
    wb.setGrid('Plans', [g[0], row]);
    const { model, anomalies } = readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.read(n)));
    expect(model.plans[0]).toMatchObject({ type: 'PLPDMA', niveauEc: 2, debut: new Date(Date.UTC(2025, 3, 3)) });
    const bad = anomalies.find((a) => a.colonne === 'Fin');
    expect(bad).toMatchObject({ onglet: 'Plans', ligne: 2, bloquante: true, code: 'date-invalide' });
    expect(bad!.message).toContain('31/02/2026');
  });
});
