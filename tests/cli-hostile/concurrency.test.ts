/**
 * One writer at a time, and nothing lost: real processes of the built
 * binary run at once on one workbook (two `consolidate --in-place`;
 * `consolidate --in-place` and `import-tet --in-place`), a run is killed
 * while it holds the lock, and someone saves the file (as Excel or
 * LibreOffice would) while an --in-place run works on it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../../src/domain/schema/tabs';
import { hostTag } from '../../src/node/owner';
import { lockPathFor } from '../../src/node/file-lock';
import { packageRoot } from '../../src/node/paths';
import { readXlsxFile, writeXlsxFile } from '../../src/node/xlsx-files';
import { installed, register, setServiceTab } from '../consolidation/support';
import { runCli } from '../../src/node/main';
import { captureIo, plainSpaces, tempDir } from '../node/helpers';
import { ACCEPTE } from '../tet-import/support';

const dir = tempDir('concurrence');
const root = packageRoot();
const T = "Intitulé de l'action";
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function start(args: readonly string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [join(root, 'bin/cap-circulaire.js'), ...args], { cwd: dir, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout: plainSpaces(stdout), stderr: plainSpaces(stderr) })));
  return { child, done };
}

async function workbook(name: string): Promise<string> {
  const wb = installed();
  register(wb, [
    { service: 'Déchets', onglet: 'Service – Déchets', code: 'DEC' },
    { service: 'Achats', onglet: 'Service – Achats', code: 'ACH' },
  ]);
  setServiceTab(wb, 'Service – Déchets', [{ [T]: 'Composteurs partagés' }, { [T]: 'Ressourcerie' }]);
  setServiceTab(wb, 'Service – Achats', [{ [T]: 'Clauses de réemploi' }]);
  const path = join(dir, name);
  await writeXlsxFile(wb, path);
  return path;
}

async function journal(path: string): Promise<string[]> {
  const grid = (await readXlsxFile(path)).workbook.grid(TAB.journal);
  const col = grid[0].indexOf('Commande');
  return grid.slice(1).map((r) => String(r[col] ?? '')).filter((c) => c !== '');
}

const leftovers = () => readdirSync(dir).filter((n) => n.includes('.cap-circulaire'));

describe('one writer at a time (built binary, real processes)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build-node.mjs')], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('two consolidate --in-place at once: both Journal rows are there (the second waited), or the second was refused cleanly', async () => {
    const path = await workbook('deux.xlsx');
    const before = (await journal(path)).length;
    const a = start(['consolidate', 'deux.xlsx', '--in-place']);
    const b = start(['consolidate', 'deux.xlsx', '--in-place']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    for (const r of [ra, rb]) expect([0, 1, 2], r.stderr).toContain(r.code);
    const succeeded = [ra, rb].filter((r) => r.code !== 2).length;
    const refused = [ra, rb].filter((r) => r.code === 2);
    for (const r of refused) expect(r.stderr).toMatch(/en cours de modification par une autre commande Cap Circulaire \(« consolidate », utilisateur .*, processus \d+, depuis le/);
    expect(succeeded).toBeGreaterThanOrEqual(1);
    const rows = await journal(path);
    expect(rows.length - before).toBe(succeeded);
    expect(rows.slice(before).every((c) => c === 'Consolider les services')).toBe(true);
    expect(leftovers()).toEqual([]);
  }, 180_000);

  it('the second run waits a bounded time, then refuses naming the holder; once the holder is dead, its lock is recovered', async () => {
    const path = await workbook('attente.xlsx');
    const before = sha(path);
    // A live holder on this host: another process, as a long run would be.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const lock = lockPathFor(path);
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname(), user: 'marie', command: 'import-tet', since: '2026-12-06T08:05:09.000Z' }));
    try {
      const t0 = Date.now();
      const refused = await start(['consolidate', 'attente.xlsx', '--in-place'], { CAP_CIRCULAIRE_ATTENTE_VERROU: '0,5' }).done;
      expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `Le classeur attente.xlsx est en cours de modification par une autre commande Cap Circulaire (« import-tet », utilisateur marie, poste ${hostname()}, processus ${holder.pid}, depuis le 06/12/2026 à `,
      );
      expect(refused.stderr).toContain('rien n’a été fait');
      expect(sha(path)).toBe(before);
      expect(existsSync(lock)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.on('close', r));
    }
    const recovered = await start(['consolidate', 'attente.xlsx', '--in-place'], { CAP_CIRCULAIRE_ATTENTE_VERROU: '0,5' }).done;
    expect(recovered.code, recovered.stderr).not.toBe(2);
    expect(recovered.stderr).toContain('Un verrou abandonné par une commande interrompue a été levé sur attente.xlsx.');
    expect(existsSync(lock)).toBe(false);
    expect((await journal(path)).filter((c) => c === 'Consolider les services')).toHaveLength(1);
  }, 180_000);

  it('consolidate --in-place and import-tet --in-place at once lose nothing: Actions, both Journal rows and the imported fiches', async () => {
    const path = await workbook('mixte.xlsx');
    copyFileSync(ACCEPTE, join(dir, 'plan-tet.xlsx'));
    const a = start(['consolidate', 'mixte.xlsx', '--in-place']);
    const b = start(['import-tet', 'plan-tet.xlsx', 'mixte.xlsx', '--in-place']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).not.toBe(2);
    expect(rb.code, rb.stderr).toBe(0);
    const book = (await readXlsxFile(path)).workbook;
    const actions = book.grid(TAB.actions);
    const ref = actions[0].indexOf('Réf.');
    expect(actions.slice(1).map((r) => r[ref]).filter(Boolean).sort()).toEqual(['ACH-001', 'DEC-001', 'DEC-002']);
    const plan = book.grid(TAB.planActions);
    const titre = plan[0].findIndex((h) => String(h).startsWith('Titre'));
    expect(plan.slice(1).filter((r) => r[titre]).length).toBe(7);
    const rows = await journal(path);
    expect(rows).toContain('Consolider les services');
    expect(rows).toContain('Importer un plan depuis Territoires en Transitions');
    expect(leftovers()).toEqual([]);
  }, 180_000);

  it('a run killed while holding the lock leaves it; the next run recovers it, removes the dead run’s temporary files, and says so', async () => {
    await workbook('tue.xlsx');
    const lock = lockPathFor(join(dir, 'tue.xlsx'));
    const a = start(['consolidate', 'tue.xlsx', '--in-place']);
    while (!existsSync(lock)) await new Promise((r) => setTimeout(r, 2));
    a.child.kill('SIGKILL');
    await a.done;
    expect(existsSync(lock)).toBe(true);
    // What a run killed during its write leaves too: its temporary file (dead pid, this host).
    const deadPid = a.child.pid!;
    const orphan = join(dir, `.tue.xlsx.cap-circulaire.${hostTag()}.${deadPid}.0badc0de.tmp.xlsx`);
    writeFileSync(orphan, 'moitié de classeur');
    // Another host's fresh temporary file may belong to a live run there: kept; an old one is not.
    const remoteFresh = join(dir, '.tue.xlsx.cap-circulaire.autre_poste.4242.00c0ffee.tmp.xlsx');
    const remoteOld = join(dir, '.tue.xlsx.cap-circulaire.autre_poste.4243.00c0ffee.tmp.xlsx');
    writeFileSync(remoteFresh, 'x');
    writeFileSync(remoteOld, 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(remoteOld, hourAgo, hourAgo);
    const before = sha(join(dir, 'tue.xlsx'));

    const b = await start(['consolidate', 'tue.xlsx', '--in-place']).done;
    expect(b.code, b.stderr).not.toBe(2);
    expect(b.stderr).toContain('Un verrou abandonné par une commande interrompue a été levé sur tue.xlsx.');
    expect(sha(join(dir, 'tue.xlsx'))).not.toBe(before);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(remoteOld)).toBe(false);
    expect(existsSync(remoteFresh)).toBe(true);
  }, 180_000);

  it('Ctrl+C during a run removes its lock and temporary file and says so', async () => {
    await workbook('interrompu.xlsx');
    const lock = lockPathFor(join(dir, 'interrompu.xlsx'));
    const before = sha(join(dir, 'interrompu.xlsx'));
    const a = start(['consolidate', 'interrompu.xlsx', '--in-place']);
    while (!existsSync(lock)) await new Promise((r) => setTimeout(r, 2));
    a.child.kill('SIGINT');
    const r = await a.done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Commande interrompue');
    expect(existsSync(lock)).toBe(false);
    expect(leftovers().filter((n) => n.startsWith('.interrompu'))).toEqual([]);
    expect(sha(join(dir, 'interrompu.xlsx'))).toBe(before);
  }, 180_000);
});

describe('someone saves the workbook while an --in-place run works on it', () => {
  it('consolidate writes nothing, keeps their save, says so (exit 2), and leaves no lock or temporary file', async () => {
    const path = await workbook('modifie.xlsx');
    const theirs = await workbook('leur-version.xlsx');
    // The seam: just before the rename, « Excel » saves its own version of the file.
    const io = captureIo(dir);
    const code = await runCli(['consolidate', 'modifie.xlsx', '--in-place'], {
      ...io,
      hooks: {
        beforeReplace: () => {
          copyFileSync(theirs, path);
        },
      },
    });
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain('Le classeur modifie.xlsx a été modifié par quelqu’un d’autre pendant la commande');
    expect(io.stderr.join('\n')).toContain('rien n’a été écrit');
    expect(sha(path)).toBe(sha(theirs));
    expect((await journal(path)).length).toBe((await journal(theirs)).length);
    expect(leftovers().filter((n) => n.startsWith('.modifie'))).toEqual([]);
  }, 120_000);

  it('import-tet --in-place too', async () => {
    const path = await workbook('modifie-import.xlsx');
    copyFileSync(ACCEPTE, join(dir, 'plan-tet-2.xlsx'));
    const io = captureIo(dir);
    let saved = '';
    const code = await runCli(['import-tet', 'plan-tet-2.xlsx', 'modifie-import.xlsx', '--in-place'], {
      ...io,
      hooks: {
        beforeReplace: () => {
          // A save that keeps size and time would still be caught by the hash: change one byte in place.
          const bytes = readFileSync(path);
          const info = { atime: new Date(), mtime: new Date() };
          bytes[bytes.length - 30] ^= 1;
          writeFileSync(path, bytes);
          utimesSync(path, info.atime, info.mtime);
          saved = sha(path);
        },
      },
    });
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain('a été modifié par quelqu’un d’autre pendant la commande');
    expect(sha(path)).toBe(saved);
    expect(leftovers().filter((n) => n.startsWith('.modifie-import'))).toEqual([]);
  }, 120_000);
});
