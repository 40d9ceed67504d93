/**
 * `.xlsx` on disk: the byte-level reader and writer of `src/files/xlsx`
 * plus the file system. Writes go through a temporary file in the same
 * folder, then a rename: an interrupted write never leaves half a workbook
 * (nor damages the input when rewriting it with --in-place).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { MemoryWorkbook } from '../app/memory-workbook';
import { readXlsxBuffer, writeXlsxBuffer, type LoadedWorkbook, type XlsxSource } from '../files/xlsx';

export async function readXlsxFile(path: string): Promise<LoadedWorkbook> {
  return readXlsxBuffer(await readFile(path));
}

export async function writeXlsxFile(workbook: MemoryWorkbook, path: string, source?: XlsxSource): Promise<void> {
  const data = await writeXlsxBuffer(workbook, source);
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
