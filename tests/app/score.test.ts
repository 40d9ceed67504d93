import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { installWorkbook } from '../../src/app/install';
import { runScores } from '../../src/app/score';
import { locateTable } from '../../src/domain/table/locate';
import { tableSection } from '../../src/domain/schema/tabs';

const clock = { now: () => new Date(Date.UTC(2026, 10, 28, 10)) };

function installed(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  return wb;
}

function setStatus(wb: MemoryWorkbook, id: string, statut: string, fractions?: [number, number, number]) {
  const grid = wb.grid('Référentiel');
  const t = locateTable(grid, tableSection('Référentiel', 'referentiel'))!;
  const row = grid.findIndex((r) => r[t.columns.get('identifiant')!] === id);
  grid[row][t.columns.get('statut')!] = statut;
  if (fractions) {
    grid[row][t.columns.get('faitPct')!] = fractions[0];
    grid[row][t.columns.get('programmePct')!] = fractions[1];
    grid[row][t.columns.get('pasFaitPct')!] = fractions[2];
  }
  return { row, t };
}

describe('Calculer les scores', () => {
  it('writes the Référentiel computed columns in one block and logs once', () => {
    const wb = installed();
    const { row, t } = setStatus(wb, 'eci_1.1.1', 'Fait');
    setStatus(wb, 'eci_1.1.2', 'détaillé au %', [0.5, 0.25, 0.25]);
    wb.resetCalls();
    const run = runScores({ workbook: wb, clock, write: true });
    expect(run.result.scores['eci_1.1.1'].pointFait).toBe(6);
    const grid = wb.grid('Référentiel');
    expect(grid[row][t.columns.get('pointsFaits')!]).toBe(6);
    expect(grid[row][t.columns.get('pctRealise')!]).toBe(1);
    expect(wb.count('write', 'Référentiel')).toBe(1);
    expect(wb.count('write', 'Personnalisation')).toBe(1);
    expect(wb.count('write', 'Journal')).toBe(1);
    const reads = wb.calls.filter((c) => c.op === 'read').map((c) => c.sheet);
    expect(new Set(reads).size).toBe(reads.length);
    expect(run.summary).toContain('étoile');
  });

  it('reports a status typed on a mesure and fractions that do not sum to 1, naming the row', () => {
    const wb = installed();
    const { row } = setStatus(wb, 'eci_1.1', 'Fait');
    const second = setStatus(wb, 'eci_1.1.3', 'Détaillé au %', [0.5, 0.5, 0.5]);
    wb.resetCalls();
    const run = runScores({ workbook: wb, clock, write: false });
    expect(run.anomalies).toEqual(expect.arrayContaining([
      expect.objectContaining({ onglet: 'Référentiel', ligne: row + 1, colonne: 'Statut', bloquante: true }),
      expect.objectContaining({ onglet: 'Référentiel', ligne: second.row + 1, code: 'fractions' }),
    ]));
    expect(run.result.scores['eci_1.1'].pointFait).toBe(0);
    expect(wb.calls.some((c) => c.op === 'write')).toBe(false);
  });
});
