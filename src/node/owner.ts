/**
 * Who is running: this process, its user and its host, as written in lock
 * files and temporary file names, and whether another process still runs.
 * Also the registry of what to clean up when the user interrupts a run
 * (Ctrl+C): held locks and temporary files.
 */
import { hostname, userInfo } from 'node:os';

/** A lock or temporary file older than this is taken as abandoned, whoever left it (bound for other hosts, reused pids). */
export const STALE_MS = 10 * 60_000;

/** The host name as it may appear in a file name: letters, digits and `_` only. */
export function hostTag(): string {
  return (safeHostname().replace(/[^A-Za-z0-9]/g, '_').slice(0, 40) || 'poste');
}

export function safeHostname(): string {
  try {
    return hostname();
  } catch {
    return '';
  }
}

export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/** Whether a process of this host still runs (EPERM: it runs under another user). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const cleanups = new Set<() => void>();

/** Registers a synchronous cleanup run if the process is interrupted; returns its removal. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup (signal handlers of the binary call this). */
export function runInterruptCleanups(): void {
  for (const c of [...cleanups]) {
    try {
      c();
    } catch {
      // Best effort: the next run recovers what is left.
    }
  }
  cleanups.clear();
}
