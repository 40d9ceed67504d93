/**
 * The regional rollup's worker pool (src/node/reseau-pool.ts): the built
 * worker (dist-node/reseau-worker.js, made by `npm test`'s build:node) gives
 * exactly what reading in this thread gives, in the folder's order, broken
 * files included; a worker dying on one file costs that file only; a worker
 * that cannot start is reported, never turned into "every file unreadable".
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainSpaces, tempDir } from '../node/helpers';
import { readSampleFolder } from '../../src/node/sample';
import { writeXlsxFile } from '../../src/node/xlsx-files';
import { classeurSynthetique, territoiresSynthetiques } from '../../src/app/reseau-synthetique';
import { ficheDuClasseur } from '../../src/app/reseau';
import { ficheVersClasseur } from '../../src/domain/reseau/fiche-classeur';
import { classeurToBuffer } from '../../src/files/xlsx/classeur-export';
import { defaultJobs, lireDossierReseau } from '../../src/node/reseau-pool';

const dir = tempDir('reseau-pool');
const folder = join(dir, 'dossier');
const NOW = new Date(Date.UTC(2026, 10, 28));
const WORKER = pathToFileURL(resolve('dist-node/reseau-worker.js'));
const fixture = (name: string) => pathToFileURL(resolve('tests/fixtures/reseau-workers', name));
let names: string[];

beforeAll(async () => {
  const sample = await readSampleFolder('sheets-templates/val-de-loue');
  const ts = territoiresSynthetiques(sample, 6, 7);
  mkdirSync(folder, { recursive: true });
  for (const [i, t] of ts.entries()) {
    const wb = classeurSynthetique(t, NOW);
    if (i % 2 === 0) await writeXlsxFile(wb, join(folder, `classeur-${i}.xlsx`));
    else writeFileSync(join(folder, `fiche-${i}.xlsx`), await classeurToBuffer(ficheVersClasseur(ficheDuClasseur(wb, NOW).fiche)));
  }
  writeFileSync(join(folder, 'coupe.xlsx'), Buffer.from('PK\u0003\u0004 tronqué'));
  writeFileSync(join(folder, 'notes.txt'), 'Compte rendu');
  writeFileSync(join(folder, 'vide.xlsx'), '');
  names = readdirSync(folder).sort();
}, 240_000);

describe('rollup worker pool', () => {
  it('is built beside the command line bundle', () => {
    expect(existsSync(WORKER), 'dist-node/reseau-worker.js manque : lancez npm run build:node').toBe(true);
  });

  it('reads with two workers exactly what one thread reads, in the folder order, broken files included', async () => {
    const seen: number[] = [];
    const pooled = await lireDossierReseau(folder, names, NOW, (i, n) => seen.push(i) && expect(n).toBe(names.length), { workerUrl: WORKER, jobs: 2 });
    const alone = await lireDossierReseau(folder, names, NOW, undefined, { jobs: 1 });
    expect(pooled).toEqual(alone);
    expect(pooled.map((l) => (l.ok ? l.territoire.fichier : l.ecart.fichier))).toEqual(names);
    expect(pooled.filter((l) => l.ok)).toHaveLength(6);
    expect(pooled.filter((l) => !l.ok).map((l) => !l.ok && l.ecart.fichier)).toEqual(['coupe.xlsx', 'notes.txt', 'vide.xlsx']);
    expect(seen).toEqual(names.map((_, k) => k + 1));
  }, 120_000);

  it('sets aside only the file a worker died on, and carries on with a new worker', async () => {
    const list = ['a.xlsx', 'b.xlsx', 'boom.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx'];
    const r = await lireDossierReseau(folder, list, NOW, undefined, { workerUrl: fixture('crash-on-boom.mjs'), jobs: 2 });
    expect(r.map((l) => (l.ok ? l.territoire.fichier : l.ecart.fichier))).toEqual(list);
    const boom = r[2];
    expect(boom.ok).toBe(false);
    if (!boom.ok) expect(boom.ecart.raison).toMatch(/^fichier illisible \(.*lecteur hors de contrôle\)$/);
    expect(r.filter((l) => l.ok)).toHaveLength(5);
  }, 60_000);

  it('reports a worker that cannot start instead of setting every file aside', async () => {
    await expect(lireDossierReseau(folder, names, NOW, undefined, { workerUrl: fixture('broken-at-start.mjs'), jobs: 2 })).rejects.toThrow(/module du lecteur introuvable/);
  }, 60_000);

  it('uses workers only when there are enough files to pay for them', () => {
    expect(defaultJobs(3)).toBe(1);
    expect(defaultJobs(300)).toBeGreaterThanOrEqual(1);
    expect(defaultJobs(300)).toBeLessThanOrEqual(4);
  });

  it('runs from the built command line on a folder big enough for the pool', () => {
    const r = spawnSync(process.execPath, [resolve('bin/cap-circulaire.js'), 'reseau', folder, '--out', join(dir, 'r.xlsx')], { encoding: 'utf8', cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(plainSpaces(r.stdout)).toMatch(/6 territoires consolidés depuis 9 fichiers ; 3 fichiers écartés/);
    expect(plainSpaces(r.stderr)).toMatch(/Écarté : coupe\.xlsx/);
    expect(r.stderr).toMatch(/\[9\/9\]/);
  }, 120_000);
});
