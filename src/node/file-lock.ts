/**
 * The offline document lock: an exclusive lock file beside the workbook
 * (`.<name>.cap-circulaire.lock`), so two `consolidate` runs writing the same
 * file cannot interleave. A lock left by a process that no longer runs, or
 * older than STALE_MS, is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LockPort } from '../app/ports';

export const STALE_MS = 15 * 60_000;

export function lockPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.cap-circulaire.lock`);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileLock implements LockPort {
  private held = false;

  constructor(readonly path: string) {}

  tryLock(timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held = true;
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (this.stale()) {
        rmSync(this.path, { force: true });
        continue;
      }
      if (Date.now() >= deadline) return false;
      sleep(Math.min(100, Math.max(1, deadline - Date.now())));
    }
  }

  release(): void {
    if (!this.held) return;
    rmSync(this.path, { force: true });
    this.held = false;
  }

  private stale(): boolean {
    try {
      const pid = Number(readFileSync(this.path, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) return true;
      return Date.now() - statSync(this.path).mtimeMs > STALE_MS;
    } catch {
      return false;
    }
  }
}
