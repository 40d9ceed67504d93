/**
 * File handling shared by the verbs: input checks (exit 2 with a clear
 * French message), output rules (the input is never modified unless
 * --in-place), reading and writing workbooks.
 */
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CLI_MESSAGES as M } from '../../domain/messages/cli';
import type { LoadedWorkbook } from '../../files/xlsx';
import { readXlsxFile, writeXlsxFile } from '../xlsx-files';
import { UsageError, type CliIo } from './types';

/** Resolves an input path and checks it is an existing file (UsageError otherwise). */
export async function requireInputFile(io: CliIo, path: string): Promise<string> {
  const full = resolve(io.cwd, path);
  const info = await stat(full).catch(() => null);
  if (!info) throw new UsageError(M.fileNotFound(path));
  if (!info.isFile()) throw new UsageError(M.notAFile(path));
  return full;
}

/** Resolves an output `.xlsx` path (UsageError when the extension is not .xlsx). */
export function xlsxOutput(io: CliIo, path: string): string {
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(M.outputMustBeXlsx(path));
  return resolve(io.cwd, path);
}

/**
 * Where a verb that rewrites a workbook writes: `--out` (never the input
 * itself) or, with `--in-place`, the input.
 */
export function workbookOutput(io: CliIo, input: string, out: string | undefined, inPlace: boolean): string {
  if (out !== undefined && inPlace) throw new UsageError(M.outAndInPlace);
  if (inPlace) return input;
  if (out === undefined) throw new UsageError(M.outOrInPlace);
  const target = xlsxOutput(io, out);
  if (target === resolve(io.cwd, input)) throw new UsageError(M.outputIsInput(out));
  return target;
}

/** Reads an input workbook; a file that is not an .xlsx is a usage error. */
export async function openWorkbook(io: CliIo, path: string): Promise<LoadedWorkbook> {
  const full = await requireInputFile(io, path);
  try {
    return await readXlsxFile(full);
  } catch {
    throw new UsageError(M.notXlsx(path));
  }
}

/** Writes a workbook read with openWorkbook (keeping the user's formats) or built in memory. */
export async function saveWorkbook(loaded: LoadedWorkbook, path: string): Promise<void> {
  await writeXlsxFile(loaded.workbook, path, loaded.source);
}

/** A path as users like to read it: relative to where they are when it is below. */
export function displayPath(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
