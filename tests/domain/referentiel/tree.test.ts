import { describe, expect, it } from 'vitest';
import eci from '../../../src/domain/referentiel/data/eci.json';
import {
  INDICATEURS_ECI,
  NODES,
  PREUVES_ATTENDUES,
  ROOT,
  ancestorsOf,
  findNode,
  getNode,
  nodesAtLevel,
  resolveNodeId,
} from '../../../src/domain/referentiel/tree';

describe('référentiel tree', () => {
  it('has 5 axes, 21 mesures, 80 sous-mesures, 261 tâches and 500 points', () => {
    expect(nodesAtLevel('referentiel')).toHaveLength(1);
    expect(nodesAtLevel('axe')).toHaveLength(5);
    expect(nodesAtLevel('mesure')).toHaveLength(21);
    expect(nodesAtLevel('sous-mesure')).toHaveLength(80);
    expect(nodesAtLevel('tache')).toHaveLength(261);
    expect(NODES).toHaveLength(1 + 5 + 21 + 80 + 261);
    expect(ROOT.id).toBe('eci');
    expect(ROOT.points).toBe(500);
  });

  it("adds up children's points to their parent's on every node", () => {
    for (const node of NODES) {
      if (!node.children.length) continue;
      const sum = node.children.reduce((s, c) => s + getNode(c).points, 0);
      expect(Math.abs(sum - node.points), node.id).toBeLessThan(1e-6);
    }
  });

  it('agrees with the points stored in eci.json (rounded there to 6 decimals)', () => {
    type Raw = { id: string; points: number; sousAxes?: Raw[]; actions?: Raw[]; subActions?: Raw[] };
    const walk = (n: Raw): Raw[] => [n, ...(n.sousAxes ?? n.actions ?? n.subActions ?? []).flatMap(walk)];
    const raw = (eci.axes as unknown as Raw[]).flatMap(walk);
    expect(raw).toHaveLength(NODES.length - 1);
    for (const r of raw) expect(Math.abs(getNode(r.id).points - r.points), r.id).toBeLessThanOrEqual(5e-7);
  });

  it('splits equally when no sibling has a percentage, and keeps regulatory x.x.0 at 0', () => {
    expect(getNode('eci_2.1.1.1').points).toBeCloseTo(4 / 7, 12);
    for (const id of ['eci_2.1.0', 'eci_2.2.0', 'eci_2.3.0', 'eci_2.4.0', 'eci_3.2.0', 'eci_4.1.0']) {
      expect(getNode(id).points).toBe(0);
    }
    expect(getNode('eci_2.4.1').points).toBe(4);
  });

  it('lists nodes in document order with consistent parent and children links', () => {
    expect(NODES.slice(0, 5).map((n) => n.id)).toEqual(['eci', 'eci_1', 'eci_1.1', 'eci_1.1.1', 'eci_1.1.1.1']);
    const position = new Map(NODES.map((n, i) => [n.id, i]));
    for (const node of NODES) {
      for (const c of node.children) {
        expect(getNode(c).parentId).toBe(node.id);
        expect(position.get(c)!).toBeGreaterThan(position.get(node.id)!);
      }
    }
    // Each mesure is followed by its sous-mesures, each followed by its tâches.
    const i = position.get('eci_2.4.1')!;
    expect(NODES.slice(i, i + 5).map((n) => n.id)).toEqual(['eci_2.4.1', 'eci_2.4.1.1', 'eci_2.4.1.2', 'eci_2.4.1.3', 'eci_2.4.2']);
    expect(ancestorsOf('eci_2.4.1.1').map((n) => n.id)).toEqual(['eci_2.4.1', 'eci_2.4', 'eci_2', 'eci']);
  });

  it('carries levels, phases, personalisation rules and indicators', () => {
    const sm = getNode('eci_1.2.2');
    expect(sm.level).toBe('sous-mesure');
    expect(sm.phase).toBe('Concrétiser');
    expect(sm.personnalisation?.desactivation).toContain('identite(type, syndicat)');
    expect(getNode('eci_3.7.1').personnalisation?.reduction).toBe('si identite(population, moins_de_100000) alors 3');
    expect(getNode('eci_1.1').indicateurs).toContain('eci_1');
    expect(getNode('eci_1.1.1.1').level).toBe('tache');
    expect(getNode('eci_1').level).toBe('axe');
    expect(getNode('eci_1.1').level).toBe('mesure');
  });

  it('lists 176 distinct preuves, each with the sous-mesures that expect it', () => {
    expect(PREUVES_ATTENDUES).toHaveLength(176);
    expect(new Set(PREUVES_ATTENDUES.map((p) => p.id)).size).toBe(176);
    const links = PREUVES_ATTENDUES.reduce((s, p) => s + p.sousMesures.length, 0);
    const perSousMesure = nodesAtLevel('sous-mesure').reduce((s, n) => s + n.preuves.length, 0);
    expect(links).toBe(perSousMesure);
    expect(PREUVES_ATTENDUES.some((p) => p.sousMesures.length > 1)).toBe(true);
    for (const p of PREUVES_ATTENDUES) {
      for (const id of p.sousMesures) expect(getNode(id).level).toBe('sous-mesure');
    }
    const organigramme = PREUVES_ATTENDUES.find((p) => p.id === 'organigramme_eci')!;
    expect(organigramme.sousMesures[0]).toBe('eci_1.1.1');
  });

  it('lists the 36 indicators', () => {
    expect(INDICATEURS_ECI).toHaveLength(36);
    expect(new Set(INDICATEURS_ECI.map((i) => i.id)).size).toBe(36);
    expect(INDICATEURS_ECI.find((i) => i.id === 'eci_1')?.unit).toBe('%');
  });

  it('resolves ids typed with or without the eci_ prefix', () => {
    expect(resolveNodeId('2.4.1')).toBe('eci_2.4.1');
    expect(resolveNodeId(' eci_2.4.1 ')).toBe('eci_2.4.1');
    expect(resolveNodeId('eci')).toBe('eci');
    expect(resolveNodeId('9.9')).toBeUndefined();
    expect(findNode('nope')).toBeUndefined();
    expect(() => getNode('nope')).toThrow();
  });
});
