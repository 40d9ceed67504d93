/**
 * Every file the command line writes goes through a temporary file in the
 * same folder, then a rename: a run killed mid-write never leaves half a
 * file, and never damages the file it replaces.
 *
 * Temporary names say who wrote them (`.<nom>.cap-circulaire.<poste>.<pid>.<aléa>.tmp<ext>`),
 * so the next run on the same file removes those of a run that died
 * (process gone on this host) or that are older than STALE_MS.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { alive, hostTag, onInterrupt, STALE_MS } from './owner';

const MARK = '.cap-circulaire.';

export function tempPathFor(target: string): string {
  const base = basename(target);
  return join(dirname(target), `.${base}${MARK}${hostTag()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp${extname(base)}`);
}

/**
 * Our temporary files of `target` left by dead or old runs: ours (named by
 * tempPathFor, possibly with the xlsx writer's own temporary suffix) and the
 * older `.<nom>.<pid>.tmp` form.
 */
export async function sweepStaleTemps(target: string): Promise<string[]> {
  const dir = dirname(target);
  const base = basename(target);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  const ours = new RegExp(`^\\.+${escape(base)}${escape(MARK)}([A-Za-z0-9_]+)\\.(\\d+)\\.[0-9a-f]+\\.tmp`);
  const legacy = new RegExp(`^\\.${escape(base)}\\.(\\d+)\\.tmp$`);
  for (const name of names) {
    const m = ours.exec(name);
    const l = m ? null : legacy.exec(name);
    if (!m && !l) continue;
    const full = join(dir, name);
    const info = await stat(full).catch(() => null);
    if (!info || !info.isFile()) continue;
    const old = Date.now() - info.mtimeMs > STALE_MS;
    const pid = Number(m ? m[2] : l![1]);
    const local = m ? m[1] === hostTag() : true;
    if (pid === process.pid) continue;
    if (old || (local && !alive(pid))) {
      await rm(full, { force: true });
      removed.push(full);
    }
  }
  return removed;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface AtomicWriteOptions {
  /**
   * Called after the temporary file is complete, just before the rename:
   * throw to abandon the write (the temporary file is removed, the target
   * left as it was).
   */
  readonly beforeReplace?: () => Promise<void>;
}

/**
 * Writes `target` atomically. `content` is the bytes or text, or a function
 * that writes the given temporary path itself (the xlsx writer).
 */
export async function writeAtomic(
  target: string,
  content: Uint8Array | string | ((tmp: string) => Promise<void>),
  options: AtomicWriteOptions = {},
): Promise<void> {
  await sweepStaleTemps(target);
  const tmp = tempPathFor(target);
  const forget = onInterrupt(() => removeSync(tmp));
  try {
    if (typeof content === 'function') await content(tmp);
    else await writeFile(tmp, content);
    await options.beforeReplace?.();
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    forget();
  }
}

function removeSync(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The next run's sweep removes it.
  }
}
