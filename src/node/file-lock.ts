/**
 * The offline document lock: one writer at a time on a workbook. An
 * exclusive lock file beside it (`.<nom>.cap-circulaire.lock`, created with
 * O_EXCL) says who holds it: command, user, host, process, since when.
 *
 * A run that finds the lock taken waits a bounded time (polling, without
 * blocking the event loop), then gives up and names the holder. A lock whose
 * process is dead on this host, or older than STALE_MS (another host, a
 * reused pid), is recovered, and the temporary files of the dead run are
 * removed with it. The holder refreshes the lock's time while it runs, so a
 * long run is never taken for an abandoned one.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { sweepStaleTemps } from './atomic-write';
import { alive, currentUser, onInterrupt, safeHostname, STALE_MS } from './owner';

export { STALE_MS } from './owner';

/** How long a second run waits for the lock by default; CAP_CIRCULAIRE_ATTENTE_VERROU (seconds) overrides it. */
export const DEFAULT_WAIT_MS = 30_000;
const REFRESH_MS = 30_000;
const POLL_MS = 150;

export function lockPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.cap-circulaire.lock`);
}

export function lockWaitMs(): number {
  const raw = process.env.CAP_CIRCULAIRE_ATTENTE_VERROU;
  const seconds = raw === undefined ? NaN : Number(raw.replace(',', '.'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_WAIT_MS;
}

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly user: string;
  readonly command: string;
  /** ISO date the lock was taken. */
  readonly since: string;
}

export type LockAttempt =
  | { readonly ok: true; readonly recovered: boolean }
  /** `owner` is null when the lock file cannot be read (another writer's format, being written). */
  | { readonly ok: false; readonly owner: LockOwner | null; readonly since: Date };

/** Reads a lock file: ours (JSON) or the older bare pid. */
export function readLockOwner(path: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  if (/^\d+$/.test(text.trim())) {
    return { pid: Number(text.trim()), host: safeHostname(), user: '', command: '', since: new Date(statMtime(path) ?? Date.now()).toISOString() };
  }
  try {
    const o = JSON.parse(text) as Partial<Record<keyof LockOwner, unknown>>;
    if (typeof o.pid !== 'number') return null;
    return {
      pid: o.pid,
      host: typeof o.host === 'string' ? o.host : '',
      user: typeof o.user === 'string' ? o.user : '',
      command: typeof o.command === 'string' ? o.command : '',
      since: typeof o.since === 'string' ? o.since : new Date(statMtime(path) ?? Date.now()).toISOString(),
    };
  } catch {
    return null;
  }
}

function statMtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class FileLock {
  readonly path: string;
  private held = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private forget: (() => void) | undefined;

  /** `target` is the file to protect; `command` names the holder in messages. */
  constructor(readonly target: string, private readonly command: string) {
    this.path = lockPathFor(target);
  }

  /** Takes the lock, waiting up to `waitMs` for its holder to finish. */
  async acquire(waitMs: number = lockWaitMs()): Promise<LockAttempt> {
    const deadline = Date.now() + waitMs;
    let recovered = false;
    for (;;) {
      if (this.tryCreate()) {
        this.hold();
        return { ok: true, recovered };
      }
      if (await this.recoverIfStale()) {
        recovered = true;
        continue;
      }
      if (Date.now() >= deadline) {
        const owner = readLockOwner(this.path);
        return { ok: false, owner, since: new Date(owner?.since ?? statMtime(this.path) ?? Date.now()) };
      }
      await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.timer) clearInterval(this.timer);
    this.forget?.();
    // Only our own lock is removed (a lock recovered from us as stale belongs to someone else now).
    if (readLockOwner(this.path)?.pid === process.pid) rmSync(this.path, { force: true });
  }

  private tryCreate(): boolean {
    let fd: number;
    try {
      fd = openSync(this.path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    try {
      const owner: LockOwner = { pid: process.pid, host: safeHostname(), user: currentUser(), command: this.command, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    return true;
  }

  private hold(): void {
    this.held = true;
    this.timer = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(this.path, now, now);
      } catch {
        // The lock file vanished (removed by hand): the change check before the rename still protects the workbook.
      }
    }, REFRESH_MS);
    this.timer.unref?.();
    this.forget = onInterrupt(() => this.release());
  }

  /**
   * Removes an abandoned lock and its run's temporary files. The lock is
   * first renamed to a private name, so two waiters cannot both take it over
   * (only one rename succeeds); if what was renamed is not the stale lock
   * seen (a fresh one replaced it meanwhile), it is put back.
   */
  private async recoverIfStale(): Promise<boolean> {
    const owner = readLockOwner(this.path);
    const mtime = statMtime(this.path);
    if (mtime === null) return true; // Released meanwhile: try again at once.
    const old = Date.now() - mtime > STALE_MS;
    const deadHere = owner !== null && owner.host === safeHostname() && !alive(owner.pid);
    if (!old && !deadHere) return false;
    const aside = `${this.path}.${process.pid}.${randomBytes(3).toString('hex')}.stale`;
    try {
      renameSync(this.path, aside);
    } catch {
      return true;
    }
    const taken = readLockOwner(aside);
    if (owner && taken && (taken.pid !== owner.pid || taken.since !== owner.since)) {
      try {
        renameSync(aside, this.path);
      } catch {
        rmSync(aside, { force: true });
      }
      return false;
    }
    rmSync(aside, { force: true });
    await sweepStaleTemps(this.target);
    return true;
  }
}
