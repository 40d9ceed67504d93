/**
 * Node's file system errors (ENOENT, EACCES, EISDIR…) in French: a user
 * never sees an errno code or an English message. Every such error is a
 * path problem: exit 2.
 */
import { PATH_MESSAGES as M } from '../domain/messages/cli';
import { UsageError } from './commands/types';

export interface ErrnoLike {
  readonly code: string;
  readonly path?: string;
  readonly dest?: string;
  readonly syscall?: string;
}

export function isErrno(e: unknown): e is ErrnoLike & Error {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** The French message of a file system error; `show` turns a path into what users read. */
export function fsErrorMessage(e: ErrnoLike, show: (path: string) => string = (p) => p): string {
  const path = show(e.dest ?? e.path ?? '');
  const table = M.fs as Record<string, (path: string) => string>;
  return (table[e.code] ?? M.fs.other)(path);
}

/** A file system error as a usage error (exit 2), keeping the original for --debug. */
export function fsUsageError(e: ErrnoLike & Error, show?: (path: string) => string): UsageError {
  return new UsageError(fsErrorMessage(e, show), { cause: e });
}
