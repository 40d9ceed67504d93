/** *Vérifier les saisies* reports every tab's problems, référentiel and steering included. */
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { installWorkbook } from '../../src/app/install';
import { validate } from '../../src/app/validate';
import { locateTable } from '../../src/domain/table/locate';
import { tableSection } from '../../src/domain/schema/tabs';

function set(wb: MemoryWorkbook, tab: string, section: string, match: [string, string], values: Record<string, unknown>): number {
  const grid = wb.grid(tab);
  const t = locateTable(grid, tableSection(tab, section))!;
  let row = grid.findIndex((r, i) => i >= t.dataStart && r[t.columns.get(match[0])!] === match[1]);
  if (row < 0) row = t.dataEnd;
  for (const [k, v] of Object.entries(values)) {
    while (grid.length <= row) grid.push([]);
    grid[row][t.columns.get(k)!] = v as never;
  }
  return row + 1;
}

describe('Vérifier les saisies across the workbook', () => {
  it('names the Référentiel row of a status typed on a mesure and the Indicateurs cell of a % above 100', () => {
    const wb = new MemoryWorkbook();
    installWorkbook({ workbook: wb, formatter: wb });
    const refRow = set(wb, 'Référentiel', 'referentiel', ['identifiant', 'eci_2.1'], { statut: 'Fait' });
    const indRow = set(wb, 'Indicateurs', 'indicateurs', ['identifiant', 'VDL-9'], { identifiant: 'VDL-9', intitule: 'Part de réemploi', unite: '%', annee2023: 12, annee2024: 450 });
    const r = validate({ workbook: wb, clock: { now: () => new Date(Date.UTC(2026, 10, 28)) }, user: { email: () => '' } });
    expect(r.anomalies).toEqual(expect.arrayContaining([
      expect.objectContaining({ onglet: 'Référentiel', ligne: refRow, colonne: 'Statut', bloquante: true }),
      expect.objectContaining({ onglet: 'Indicateurs', ligne: indRow }),
    ]));
    // Tabs in workbook order: Référentiel comes before Indicateurs.
    const tabs = r.anomalies.map((a) => a.onglet);
    expect(tabs.indexOf('Référentiel')).toBeLessThan(tabs.indexOf('Indicateurs'));
    expect(r.blocking).toBeGreaterThanOrEqual(1);
  });
});
