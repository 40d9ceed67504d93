import { describe, expect, it } from 'vitest';
import {
  consequencesPersonnalisation,
  type PersonnalisationContext,
  type ReponseBinaire,
  type TypeCollectivite,
} from '../../../src/domain/referentiel/personnalisation';
import { arrondi3, type LineScore } from '../../../src/domain/referentiel/score';
import { STATUT, statutDetaille, type Statut } from '../../../src/domain/referentiel/statut';
import { getNode, NODES } from '../../../src/domain/referentiel/tree';
import { ids, prng, scores } from './helpers';

const ITERATIONS = 200;
const QUESTIONS = ['dev_eco_1', 'dechets_3', 'dechets_1', 'dechets_2', 'SPASER', 'formation', 'REOM'];
const TYPES: (TypeCollectivite | undefined)[] = ['EPCI', 'Syndicat', 'Commune', 'Autre', undefined];
const POINTS = ['pointPotentiel', 'pointFait', 'pointProgramme', 'pointPasFait', 'pointNonRenseigne'] as const;

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function randomStatut(rand: () => number): Statut {
  const r = rand();
  if (r < 0.2) return STATUT.fait;
  if (r < 0.35) return STATUT.programme;
  if (r < 0.5) return STATUT.pas_fait;
  if (r < 0.62) return STATUT.non_concerne;
  if (r < 0.7) return STATUT.non_renseigne;
  const fait = rand();
  const programme = (1 - fait) * rand();
  return statutDetaille(fait, programme, 1 - fait - programme);
}

function randomCase(rand: () => number): { statuts: Map<string, Statut>; ctx: PersonnalisationContext } {
  const statuts = new Map<string, Statut>();
  for (const sm of ids('sous-mesure')) {
    const taches = getNode(sm).children;
    const mode = rand();
    if (mode < 0.3 || !taches.length) {
      if (rand() < 0.85) statuts.set(sm, randomStatut(rand));
    } else if (mode < 0.85) {
      for (const t of taches) if (rand() < 0.85) statuts.set(t, randomStatut(rand));
    }
    // Otherwise nothing is entered for this sous-mesure.
  }
  const reponses: Record<string, ReponseBinaire | undefined> = {};
  for (const q of QUESTIONS) reponses[q] = pick(rand, ['OUI', 'NON', undefined] as const);
  const population = rand() < 0.2 ? undefined : Math.floor(rand() * 300_000);
  return { statuts, ctx: { identite: { type: pick(rand, TYPES), population }, reponses } };
}

const sum = (lines: readonly LineScore[], field: (typeof POINTS)[number]) => lines.reduce((s, l) => s + l[field], 0);

describe('score invariants over random statuses (seeded)', () => {
  const rand = prng(20_260_807);
  const cases = Array.from({ length: ITERATIONS }, () => randomCase(rand));

  it('adds children up to their parent and splits every potentiel exactly (unrounded)', () => {
    // Failures are collected rather than asserted one by one: 200 × 368 lines × 5 fields.
    const failures: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) failures.push(what);
    };
    cases.forEach(({ statuts, ctx }, i) => {
      const r = scores(statuts, ctx, false);
      for (const node of NODES) {
        const line = r.scores[node.id];
        const at = `case ${i}, ${node.id}`;
        for (const f of POINTS) {
          check(Number.isFinite(line[f]), `${at}: ${f} is ${line[f]}`);
          check(line[f] >= -1e-9 && line[f] <= line.pointPotentiel + 1e-9, `${at}: ${f} ${line[f]} outside [0, potentiel]`);
          if (!line.concerne) check(line[f] === 0, `${at}: non concerné with ${f} ${line[f]}`);
        }
        const parts = line.pointFait + line.pointProgramme + line.pointPasFait + line.pointNonRenseigne;
        check(Math.abs(parts - line.pointPotentiel) < 1e-9, `${at}: parts ${parts} ≠ potentiel ${line.pointPotentiel}`);
        if (node.children.length) {
          const children = node.children.map((c) => r.scores[c]);
          for (const f of POINTS) check(Math.abs(sum(children, f) - line[f]) < 1e-9, `${at}: children's ${f} ≠ parent's`);
        }
        check(Number.isFinite(line.pourcentageFait) && line.pourcentageFait <= 100 + 1e-9, `${at}: pourcentageFait`);
      }
      check(r.scores.eci.pointPotentiel <= 500 + 1e-9, `case ${i}: root potentiel above 500`);
    });
    expect(failures).toEqual([]);
  });

  it("keeps a mesure's potentiel through redistribution unless the whole mesure is non concernée", () => {
    let redistributed = 0;
    for (const { statuts, ctx } of cases) {
      const r = scores(statuts, ctx, false);
      const consequences = consequencesPersonnalisation(ctx);
      for (const mesure of NODES.filter((n) => n.level === 'mesure')) {
        const line = r.scores[mesure.id];
        if (!line.concerne) {
          expect(line.pointPotentiel).toBe(0);
          continue;
        }
        const expected = mesure.children.reduce((s, c) => s + getNode(c).points * consequences.get(c)!.facteur, 0);
        const receivers = mesure.children.filter((c) => r.scores[c].concerne && r.scores[c].pointPotentiel > 0);
        // With no concerned sous-mesure left to receive them (only a regulatory x.x.0), the points are lost.
        if (!receivers.length) {
          expect(line.pointPotentiel).toBe(0);
          continue;
        }
        expect(Math.abs(line.pointPotentiel - expected), mesure.id).toBeLessThan(1e-9);
        if (mesure.children.some((c) => !r.scores[c].concerne)) redistributed++;
      }
    }
    expect(redistributed).toBeGreaterThan(ITERATIONS);
  });

  it('rounds each output field as the platform does, within rounding error of the invariants', () => {
    const failures: string[] = [];
    cases.forEach(({ statuts, ctx }, i) => {
      const exact = scores(statuts, ctx, false);
      const rounded = scores(statuts, ctx, true);
      for (const node of NODES) {
        const line = rounded.scores[node.id];
        const at = `case ${i}, ${node.id}`;
        for (const f of POINTS) {
          if (line[f] !== arrondi3(exact.scores[node.id][f])) failures.push(`${at}: ${f} not rounded to 3 decimals`);
        }
        // Each rounded value is off by at most 0.0005: five values on a line, n + 1 for a parent and its n children.
        const parts = line.pointFait + line.pointProgramme + line.pointPasFait + line.pointNonRenseigne;
        if (Math.abs(parts - line.pointPotentiel) > 5 * 0.0005 + 1e-9) failures.push(`${at}: parts ${parts} vs ${line.pointPotentiel}`);
        if (!node.children.length) continue;
        const bound = (node.children.length + 1) * 0.0005 + 1e-9;
        for (const f of POINTS) {
          const gap = Math.abs(sum(node.children.map((c) => rounded.scores[c]), f) - line[f]);
          if (gap > bound) failures.push(`${at}: children's ${f} off by ${gap}`);
        }
      }
    });
    expect(failures).toEqual([]);
  });

  it('keeps stars and completude consistent', () => {
    for (const { statuts, ctx } of cases) {
      const r = scores(statuts, ctx);
      expect(r.completude).toBeGreaterThanOrEqual(0);
      expect(r.completude).toBeLessThanOrEqual(1);
      expect(r.etoiles.actuelle).toBeGreaterThanOrEqual(0);
      expect(r.etoiles.potentielle).toBeGreaterThanOrEqual(r.etoiles.actuelle);
      expect(r.etoiles.potentielle).toBeLessThanOrEqual(5);
      if (r.completude < 1) expect(r.etoiles.potentielle).toBe(0);
      if (r.etoiles.actuelle < 5) {
        const next = r.etoiles.prochaine!;
        expect(next.etoile).toBe(r.etoiles.actuelle + 1);
        expect(next.pointsManquantsAvecMarge).toBeGreaterThanOrEqual(next.pointsManquants);
      } else {
        expect(r.etoiles.prochaine).toBeUndefined();
      }
    }
  });
});
