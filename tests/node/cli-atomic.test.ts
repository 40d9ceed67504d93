/**
 * The pieces under every write of the command line: atomic writes with
 * their stale temporary files swept, and the file lock (holder, bounded
 * wait, stale recovery).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, tempPathFor, writeAtomic } from '../../src/node/atomic-write';
import { FileLock, lockPathFor, readLockOwner } from '../../src/node/file-lock';
import { hostTag } from '../../src/node/owner';
import { cli, tempDir } from './helpers';

const dir = tempDir('atomique');
/** A pid that ran on this host and is gone. */
const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('writeAtomic', () => {
  it('replaces the target in one rename, and leaves it untouched when producing or the last check fails', async () => {
    const target = join(dir, 'sortie.json');
    await writeAtomic(target, 'un');
    expect(readFileSync(target, 'utf8')).toBe('un');
    await expect(writeAtomic(target, async () => Promise.reject(new Error('échec')))).rejects.toThrow('échec');
    await expect(writeAtomic(target, 'deux', { beforeReplace: () => Promise.reject(new Error('modifié')) })).rejects.toThrow('modifié');
    await expect(
      writeAtomic(target, async (tmp) => {
        writeFileSync(tmp, 'à moitié');
        throw new Error('interrompu');
      }),
    ).rejects.toThrow('interrompu');
    expect(readFileSync(target, 'utf8')).toBe('un');
    expect(readdirSync(dir).filter((n) => n.startsWith('.sortie.json'))).toEqual([]);
  });

  it('names its temporary file after the target, this host and this process, in the same folder', () => {
    const tmp = tempPathFor(join(dir, 'classeur.xlsx'));
    expect(tmp.startsWith(join(dir, `.classeur.xlsx.cap-circulaire.${hostTag()}.${process.pid}.`))).toBe(true);
    expect(tmp.endsWith('.tmp.xlsx')).toBe(true);
  });

  it('sweeps the temporary files of dead runs on this host and old ones from anywhere, never a live run’s', async () => {
    const target = join(dir, 'balaye.xlsx');
    const dead = deadPid();
    const names = {
      deadHere: `.balaye.xlsx.cap-circulaire.${hostTag()}.${dead}.0a0b0c0d.tmp.xlsx`,
      writerOfDeadHere: `..balaye.xlsx.cap-circulaire.${hostTag()}.${dead}.0a0b0c0d.tmp.xlsx.${dead}.tmp`,
      liveHere: `.balaye.xlsx.cap-circulaire.${hostTag()}.${process.pid}.0a0b0c0e.tmp.xlsx`,
      elsewhereFresh: '.balaye.xlsx.cap-circulaire.autre.12.0a0b0c0f.tmp.xlsx',
      elsewhereOld: '.balaye.xlsx.cap-circulaire.autre.13.0a0b0c10.tmp.xlsx',
      legacyDead: `.balaye.xlsx.${dead}.tmp`,
      otherFile: `.autre.xlsx.cap-circulaire.${hostTag()}.${dead}.0a0b0c11.tmp.xlsx`,
      userFile: 'balaye.xlsx.tmp',
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), 'x');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, names.elsewhereOld), old, old);
    const removed = (await sweepStaleTemps(target)).map((p) => p.slice(dir.length + 1)).sort();
    expect(removed).toEqual([names.deadHere, names.writerOfDeadHere, names.elsewhereOld, names.legacyDead].sort());
    for (const n of [names.liveHere, names.elsewhereFresh, names.otherFile, names.userFile]) expect(existsSync(join(dir, n))).toBe(true);
  });
});

describe('FileLock', () => {
  it('records who holds it, makes a second taker wait, and lets it in once released', async () => {
    const target = join(dir, 'verrou.xlsx');
    const a = new FileLock(target, 'consolidate');
    expect(await a.acquire(0)).toEqual({ ok: true, recovered: false });
    const owner = readLockOwner(lockPathFor(target))!;
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), command: 'consolidate' });
    expect(Date.now() - Date.parse(owner.since)).toBeLessThan(60_000);

    const b = new FileLock(target, 'import-tet');
    const refused = await b.acquire(200);
    expect(refused).toMatchObject({ ok: false, owner: { pid: process.pid, command: 'consolidate' } });
    const waiting = b.acquire(5_000);
    setTimeout(() => a.release(), 300);
    expect(await waiting).toEqual({ ok: true, recovered: false });
    expect(readLockOwner(lockPathFor(target))).toMatchObject({ command: 'import-tet' });
    // Releasing twice, or a lock that is not ours, removes nothing of someone else's.
    a.release();
    expect(existsSync(lockPathFor(target))).toBe(true);
    b.release();
    expect(existsSync(lockPathFor(target))).toBe(false);
  });

  it('recovers a lock whose process died on this host, or an old one from another host, but waits for a live or recent one', async () => {
    const target = join(dir, 'abandon.xlsx');
    const path = lockPathFor(target);
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), user: 'x', command: 'consolidate', since: new Date().toISOString() }));
    const lock = new FileLock(target, 'consolidate');
    expect(await lock.acquire(0)).toEqual({ ok: true, recovered: true });
    lock.release();

    writeFileSync(path, JSON.stringify({ pid: 99999999, host: 'un-autre-poste', user: 'x', command: 'consolidate', since: new Date().toISOString() }));
    expect((await new FileLock(target, 'consolidate').acquire(100)).ok).toBe(false);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(path, old, old);
    const again = new FileLock(target, 'consolidate');
    expect(await again.acquire(100)).toEqual({ ok: true, recovered: true });
    again.release();

    // A run killed between creating the lock and writing its name leaves an empty file: recovered after a few seconds.
    writeFileSync(path, '');
    expect((await new FileLock(target, 'consolidate').acquire(100)).ok).toBe(false);
    const seconds = new Date(Date.now() - 5_000);
    utimesSync(path, seconds, seconds);
    const empty = new FileLock(target, 'consolidate');
    expect(await empty.acquire(100)).toEqual({ ok: true, recovered: true });
    empty.release();

    // The older lock format (a bare pid) is still understood.
    writeFileSync(path, String(deadPid()));
    const legacy = new FileLock(target, 'consolidate');
    expect((await legacy.acquire(0)).ok).toBe(true);
    legacy.release();
  });
});

describe('template --force', () => {
  it('never replaces an existing file without --force, and does with it', async () => {
    writeFileSync(join(dir, 'rempli.xlsx'), 'mon classeur rempli');
    const refused = await cli(dir, 'template', '--out', 'rempli.xlsx');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('Le fichier rempli.xlsx existe déjà : il n’est pas remplacé. Choisissez un autre nom, ou ajoutez --force pour le remplacer.');
    expect(readFileSync(join(dir, 'rempli.xlsx'), 'utf8')).toBe('mon classeur rempli');
    const forced = await cli(dir, 'template', '--out', 'rempli.xlsx', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'rempli.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
