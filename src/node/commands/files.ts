/**
 * File handling shared by the verbs, so that every command treats paths the
 * same way (every problem is a French message and exit 2):
 *
 * - inputs: must exist and be files; a workbook is recognised by its content
 *   (src/files/detect.ts), not its name, and what is not a readable
 *   workbook is named with the way out (.ods, encrypted, .xls, renamed
 *   .docx…);
 * - outputs: never an input (compared after resolving symbolic links, and
 *   by file identity, so a different case or a hard link is caught too),
 *   never a folder, in a folder created when missing, written atomically
 *   (./atomic-write.ts);
 * - --in-place: the lock is taken before the read and kept until the
 *   rename (../file-lock.ts), and the file is replaced only if nobody saved
 *   it meanwhile (../fingerprint.ts).
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { MemoryWorkbook } from '../../app/memory-workbook';
import { CLI_MESSAGES as M, FILE_FORMAT_MESSAGES as F, PATH_MESSAGES as P } from '../../domain/messages/cli';
import { detectFormat, isReadableWorkbook, notAWorkbookMessage, type DetectedFormat, type FileKind } from '../../files/detect';
import type { LoadedWorkbook } from '../../files/xlsx';
import { writeAtomic } from '../atomic-write';
import { FileLock } from '../file-lock';
import { fingerprintOf, sameStat, unchangedSince, type Fingerprint } from '../fingerprint';
import { fsUsageError, isErrno } from '../fs-errors';
import { readXlsxFile, writeXlsxFile } from '../xlsx-files';
import { UsageError, type CliIo } from './types';

/** A path as users like to read it: relative to where they are when it is below. */
export function displayPath(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Runs a file system step, turning its errors into French usage errors. */
export async function fsStep<T>(io: CliIo, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (isErrno(e)) throw fsUsageError(e, (p) => displayPath(io, p));
    throw e;
  }
}

/** Like fsStep, but an error on a temporary file names the output it was for. */
async function fsStepAt<T>(io: CliIo, target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (isErrno(e)) throw fsUsageError(e, (p) => displayPath(io, p), target);
    throw e;
  }
}

/** Resolves an input path and checks it is an existing file (UsageError otherwise). */
export async function requireInputFile(io: CliIo, path: string): Promise<string> {
  const full = resolve(io.cwd, path);
  const info = await stat(full).catch((e: unknown) => {
    if (isErrno(e) && e.code !== 'ENOENT' && e.code !== 'ENOTDIR') throw fsUsageError(e, (p) => displayPath(io, p));
    return null;
  });
  if (!info) throw new UsageError(M.fileNotFound(path));
  if (!info.isFile()) throw new UsageError(M.notAFile(path));
  return full;
}

/** The French answer for a file that is not a readable workbook (face-neutral, in src/files/detect.ts). */
export { notAWorkbookMessage };

/** A workbook as read: the engine's view, where it came from, and what the file was. */
export interface OpenedWorkbook {
  readonly loaded: LoadedWorkbook;
  readonly workbook: MemoryWorkbook;
  /** Absolute path. */
  readonly path: string;
  readonly format: DetectedFormat;
  readonly fingerprint: Fingerprint;
}

/**
 * Reads an input workbook, recognised by its content. Anything else (or a
 * workbook the reader cannot parse) is a usage error naming the file and
 * what to do.
 */
export async function openWorkbook(io: CliIo, path: string): Promise<OpenedWorkbook> {
  const full = await requireInputFile(io, path);
  const bytes = await fsStep(io, () => readFile(full));
  const format = detectFormat(bytes);
  if (!isReadableWorkbook(format)) throw new UsageError(notAWorkbookMessage(format.kind, path));
  const fingerprint = await fsStep(io, () => fingerprintOf(full, bytes));
  let loaded: LoadedWorkbook;
  try {
    loaded = await readXlsxFile(full);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (isErrno(e)) throw fsUsageError(e, (p) => displayPath(io, p));
    throw new UsageError(F.unreadable(path), { cause: e });
  }
  // Saved by someone else while we were reading: what we read may mix both versions.
  if (!(await sameStat(full, fingerprint))) throw new UsageError(P.changedMeanwhile(path));
  // Cells that could not be read as the user sees them (a formula without its stored result): named, never read as empty in silence.
  for (const issue of loaded.readingIssues) io.err(issue.message);
  return { loaded, workbook: loaded.workbook, path: full, format, fingerprint };
}

/**
 * The start of a command that reads one workbook (its first argument) and
 * writes a new .xlsx to --out (export-tet, export-reseau): the output name is
 * checked, the output prepared (never onto the input), then the workbook read.
 */
export async function workbookToNewXlsx(io: CliIo, input: string, rawOut: string): Promise<{ opened: OpenedWorkbook; out: string }> {
  xlsxOutput(io, rawOut, { kind: 'xlsx' });
  const full = await requireInputFile(io, input);
  const out = await prepareOutput(io, rawOut, { option: '--out', inputs: [full] });
  return { opened: await openWorkbook(io, input), out };
}

/** Kinds whose content type needs the macro-enabled extension (Excel refuses the file otherwise). */
const MACRO_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['xlsm', 'xltm']);

/** The workbook extension an output of this input must have. */
export function workbookExtension(format: DetectedFormat | undefined): '.xlsx' | '.xlsm' {
  return format && MACRO_KINDS.has(format.kind) ? '.xlsm' : '.xlsx';
}

/**
 * Checks an output workbook name: `.xlsx`, or `.xlsm` for a macro-enabled
 * input (Excel refuses a file whose extension does not match its content).
 * Without the input's format yet, either extension passes.
 */
export function xlsxOutput(io: CliIo, path: string, input?: DetectedFormat): string {
  const ext = extname(path).toLowerCase();
  const wanted = input === undefined ? ext : workbookExtension(input);
  if (ext !== wanted || (ext !== '.xlsx' && ext !== '.xlsm')) {
    if (wanted === '.xlsm' && ext === '.xlsx') throw new UsageError(M.outputMustBeXlsm(path));
    throw new UsageError(M.outputMustBeXlsx(path));
  }
  return resolve(io.cwd, path);
}

/** The path with symbolic links resolved as far as it exists, case-folded where the file system ignores case. */
async function canonical(path: string): Promise<string> {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    const real = await realpath(head).catch(() => null);
    if (real !== null) {
      const full = join(real, ...tail);
      return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full;
    }
    const parent = dirname(head);
    if (parent === head) return resolve(path);
    tail.unshift(basename(head));
    head = parent;
  }
}

/** Whether two paths name the same file: same inode when both exist, same canonical path otherwise. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  if (sa && sb && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  return (await canonical(a)) === (await canonical(b));
}

export interface OutputRules {
  /** Option that named the output, in messages (`--out`, `--report`). */
  readonly option: string;
  /** Files this output must never be (the inputs). */
  readonly inputs: readonly string[];
  /** False for `template` without --force: an existing file is not replaced. */
  readonly overwrite?: boolean;
}

/**
 * Checks an output path and prepares its folder: never an input, not a
 * folder, writable; a missing folder is created (or named in the error).
 * Returns the absolute path.
 */
export async function prepareOutput(io: CliIo, raw: string, rules: OutputRules): Promise<string> {
  const full = resolve(io.cwd, raw);
  const show = displayPath(io, full);
  for (const input of rules.inputs) {
    if (await sameFile(full, input)) throw new UsageError(P.outputIsInput(rules.option, raw));
  }
  if (/[\\/]$/.test(raw)) throw new UsageError(P.outputIsFolder(raw));
  const info = await stat(full).catch(() => null);
  if (info?.isDirectory()) throw new UsageError(P.outputIsFolder(raw));
  if (info) {
    if (rules.overwrite === false) throw new UsageError(P.alreadyExists(show));
    if (!(await writable(full))) throw new UsageError(P.fileNotWritable(show));
  }
  const folder = dirname(full);
  const folderInfo = await stat(folder).catch(() => null);
  if (folderInfo && !folderInfo.isDirectory()) throw new UsageError(P.parentIsFile(show, displayPath(io, folder)));
  if (!folderInfo) {
    try {
      await makeFolders(folder);
    } catch (e) {
      const why = isErrno(e) ? fsUsageError(e, (p) => displayPath(io, p)).message : String(e);
      throw new UsageError(P.cannotCreateFolder(displayPath(io, folder), why.replace(/\.$/, '')), { cause: e });
    }
  }
  if (!(await writable(folder))) throw new UsageError(P.folderNotWritable(displayPath(io, folder)));
  return full;
}

/**
 * Creates a folder and its missing parents one level at a time (Node's
 * recursive mkdir never returns on some virtual file systems, such as /proc).
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let at = folder;
  while (!(await stat(at).catch(() => null))) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const f of missing) await mkdir(f).catch((e: unknown) => {
    if (!(isErrno(e) && e.code === 'EEXIST')) throw e;
  });
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * --in-place: the workbook itself must be writable. Replacing it by a rename
 * only needs its folder to be, which would silently bypass a file the user
 * (or the network share) made read-only.
 */
export async function requireWritableInput(io: CliIo, input: string): Promise<void> {
  if (!(await writable(dirname(input)))) throw new UsageError(P.folderNotWritable(displayPath(io, dirname(input))));
  if (!(await writable(input))) throw new UsageError(P.fileNotWritable(displayPath(io, input)));
}

/** Two outputs of one run must differ (`--report` and `--out`). */
export async function requireDistinct(a: string, b: string, message: string): Promise<void> {
  if (await sameFile(a, b)) throw new UsageError(message);
}

/**
 * Where a verb that rewrites a workbook writes: `--out` (never the input
 * itself) or, with `--in-place`, the input. Checks the usage only; the
 * output's folder is prepared by prepareOutput.
 */
export function workbookTarget(out: string | undefined, inPlace: boolean): { readonly out?: string; readonly inPlace: boolean } {
  if (out !== undefined && inPlace) throw new UsageError(M.outAndInPlace);
  if (!inPlace && out === undefined) throw new UsageError(M.outOrInPlace);
  return { out, inPlace };
}

export interface SaveOptions {
  /** --in-place: replace the file only if it is still what was read. */
  readonly unchangedSince?: Fingerprint;
}

/** Writes a workbook read with openWorkbook (keeping the user's file) or built in memory, atomically. */
export async function saveWorkbook(io: CliIo, book: OpenedWorkbook | MemoryWorkbook, target: string, options: SaveOptions = {}): Promise<void> {
  const write = (tmp: string) => ('loaded' in book ? writeXlsxFile(book.loaded.workbook, tmp, book.loaded.source) : writeXlsxFile(book, tmp));
  await writeOutput(io, target, write, options);
  // What the patching writer left alone (a merged cell, a formula that could not move with its row), cell by cell.
  if ('loaded' in book) for (const issue of book.loaded.source.writingIssues) io.err(issue.message);
}

/** Writes any output atomically; with `unchangedSince`, refuses to replace a file saved meanwhile. */
export async function writeOutput(
  io: CliIo,
  target: string,
  content: Uint8Array | string | ((tmp: string) => Promise<void>),
  options: SaveOptions = {},
): Promise<void> {
  await fsStepAt(io, target, () =>
    writeAtomic(target, content, {
      beforeReplace: async () => {
        await io.hooks?.beforeReplace?.(target);
        if (options.unchangedSince && !(await unchangedSince(target, options.unchangedSince))) {
          throw new UsageError(P.changedMeanwhile(displayPath(io, target)));
        }
      },
    }),
  );
}

/**
 * Runs `body` holding the lock of `target` (a workbook rewritten in place):
 * taken before the read, released after the rename. A second run waits,
 * then refuses naming the holder.
 */
export async function withLock<T>(io: CliIo, target: string, command: string, body: () => Promise<T>): Promise<T> {
  const lock = new FileLock(target, command);
  const attempt = await lock.acquire().catch((e: unknown) => {
    // The lock file is created beside the workbook: a folder we cannot write to is the problem to name.
    if (isErrno(e) && ['EACCES', 'EPERM', 'EROFS'].includes(e.code)) throw new UsageError(P.folderNotWritable(displayPath(io, dirname(target))), { cause: e });
    if (isErrno(e)) throw fsUsageError(e, (p) => displayPath(io, p));
    throw e;
  });
  if (!attempt.ok) {
    const since = formatSince(attempt.since);
    const o = attempt.owner;
    const holder = o ? P.lockHolder(o.command, o.user, o.host, o.pid, since) : P.lockHolderUnknown(since);
    throw new UsageError(P.lockBusy(displayPath(io, target), holder));
  }
  if (attempt.recovered) io.err(P.staleRecovered(displayPath(io, target)));
  try {
    return await body();
  } finally {
    lock.release();
  }
}

function formatSince(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `le ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} à ${p(d.getHours())} h ${p(d.getMinutes())} min ${p(d.getSeconds())} s`;
}
