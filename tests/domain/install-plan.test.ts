import { describe, expect, it } from 'vitest';
import { planInstall } from '../../src/domain/install/plan';
import { TABS } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';

function applyPlan(names: string[], grids: Map<string, Grid>) {
  const plan = planInstall(names, grids);
  const out = new Map(grids);
  const outNames = [...names];
  for (const c of plan.create) { outNames.splice(c.index, 0, c.name); out.set(c.name, []); }
  for (const w of plan.writes) {
    const g = out.get(w.sheet)!.map((r) => r.slice());
    w.values.forEach((row, i) => row.forEach((v, j) => {
      while (g.length <= w.row + i) g.push([]);
      const line = g[w.row + i];
      while (line.length <= w.col + j) line.push(null);
      line[w.col + j] = v;
    }));
    out.set(w.sheet, g);
  }
  return { plan, names: outNames, grids: out };
}

describe('install plan', () => {
  it('creates every tab on an empty workbook, then plans no write the second time', () => {
    const first = applyPlan([], new Map());
    expect(first.plan.create.map((c) => c.name)).toEqual(TABS.map((t) => t.name));
    expect(first.grids.get('Référentiel')!.length).toBe(1 + 5 + 21 + 80 + 261);
    const second = applyPlan(first.names, first.grids);
    expect(second.plan.create).toEqual([]);
    expect(second.plan.writes).toEqual([]);
  });

  it('keeps moved columns, extra columns and rows, and appends only missing headers', () => {
    const first = applyPlan([], new Map());
    const plans = first.grids.get('Plans')!;
    // The user moved Intitulé first, added a column, dropped Niveau EC, and typed a row.
    const headers = plans[0].map(String);
    const reordered = ['Intitulé', 'Ma colonne', ...headers.filter((h) => h !== 'Intitulé' && h !== 'Niveau EC')];
    const row = reordered.map((h) => (h === 'Intitulé' ? 'PLPDMA 2022-2027' : h === 'Ma colonne' ? 'à moi' : null));
    first.grids.set('Plans', [reordered, row]);
    const second = applyPlan(first.names, first.grids);
    expect(second.plan.writes).toHaveLength(1);
    expect(second.plan.writes[0]).toMatchObject({ sheet: 'Plans', row: 0, col: reordered.length, values: [['Niveau EC']] });
    const after = second.grids.get('Plans')!;
    expect(after[1][0]).toBe('PLPDMA 2022-2027');
    expect(after[1][1]).toBe('à moi');
  });
});

describe('Référentiel status dropdown', () => {
  it('applies only to sous-mesure and tâche rows', () => {
    const first = applyPlan([], new Map());
    const fmt = first.plan.formats.find((f) => f.sheet === 'Référentiel')!.format;
    const statut = fmt.blocks[0].columns.find((c) => c.header === 'Statut')!;
    expect(statut.validation).toMatchObject({ kind: 'list' });
    const grid = first.grids.get('Référentiel')!;
    const covered = new Set<number>();
    for (const [a, b] of statut.validationRows!) for (let r = a; r <= b; r++) covered.add(r);
    const niveauCol = grid[0].indexOf('Niveau');
    grid.forEach((row, r) => {
      if (r === 0) return;
      expect(covered.has(r)).toBe(row[niveauCol] === 'Sous-mesure' || row[niveauCol] === 'Tâche');
    });
    expect(covered.size).toBe(80 + 261);
  });
});
