import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../node/helpers';

const dir = tempDir('score');

function csv(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, ['id,statut,fait,programme,pas_fait', ...lines].join('\n'));
  return p;
}

describe('cap-circulaire score', () => {
  it('prints TeT-named JSON for every line and the root', async () => {
    const file = csv('ok.csv', ['eci_1.1.1,fait,,,', 'eci_1.1.2,detaille,"0,5","0,25","0,25"', 'eci_2.4.2,non_concerne,,,']);
    const r = await cli(dir, 'score', '--statuts', file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.referentiel).toBe('eci');
    expect(Object.keys(json.scores)).toHaveLength(1 + 5 + 21 + 80 + 261);
    expect(json.scores['eci_1.1.1']).toMatchObject({ pointReferentiel: 6, pointPotentiel: 6, pointFait: 6, concerne: true });
    expect(json.scores['eci_1.1.2'].pointFait).toBeCloseTo(json.scores['eci_1.1.2'].pointPotentiel / 2, 3);
    expect(json.scores['eci_2.4']).toMatchObject({ pointPotentiel: 20 });
    expect(json.scores['eci_2.4.2']).toMatchObject({ pointPotentiel: 0, concerne: false });
    expect(json.etoiles).toEqual({ actuelle: 0, potentielle: 0 });
    expect(typeof json.completude).toBe('number');
  });

  it('prints a French summary by axe with the star and what is missing', async () => {
    const file = csv('sum.csv', ['eci_1.1.1,fait,,,']);
    const r = await cli(dir, 'score', '--statuts', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Axe 1 – /);
    expect(r.stdout).toMatch(/Étoile actuelle/);
    expect(r.stdout).toMatch(/Complétude/);
  });

  it('refuses unknown ids, unknown statuses, bad fractions and a status on an axe, naming each CSV line', async () => {
    const file = csv('bad.csv', ['eci_9.9.9,fait,,,', 'eci_1.1.1,presque,,,', 'eci_1.1.2,detaille,0.5,0.5,0.5', 'eci_2,fait,,,']);
    const r = await cli(dir, 'score', '--statuts', file);
    expect(r.code).toBe(1);
    for (const line of [2, 3, 4, 5]) expect(r.stderr).toMatch(new RegExp(`[Ll]igne ${line}\\b`));
    expect(r.stdout).toBe('');
  });

  it('usage errors exit 2 in French', async () => {
    expect((await cli(dir, 'score')).code).toBe(2);
    const both = await cli(dir, 'score', 'a.xlsx', '--statuts', 'b.csv');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/soit un classeur/);
  });

  it('scores a workbook without modifying it, and agrees with the statuses typed in it', async () => {
    const out = join(dir, 'modele.xlsx');
    expect((await cli(dir, 'template', '--out', out)).code).toBe(0);
    const before = createHash('sha256').update(readFileSync(out)).digest('hex');
    const r = await cli(dir, 'score', out, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scores.eci.pointNonRenseigne).toBeGreaterThan(490);
    expect(createHash('sha256').update(readFileSync(out)).digest('hex')).toBe(before);
  });
});
