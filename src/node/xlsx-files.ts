/**
 * `.xlsx` on disk: the byte-level reader and writer of `src/files/xlsx`
 * plus the file system. Writes go through a temporary file in the same
 * folder, then a rename: an interrupted write never leaves half a workbook
 * (nor damages the input when rewriting it with --in-place). Parts are
 * compressed by Node's zlib (native, on its thread pool) rather than by the
 * browser's fflate.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deflateRaw } from 'node:zlib';
import * as zlib from 'node:zlib';
import type { MemoryWorkbook } from '../app/memory-workbook';
import { readXlsxBuffer, writeXlsxBuffer, type Deflater, type LoadedWorkbook, type XlsxSource } from '../files/xlsx';

/** Node's zlib as the writer's deflater (zlib.crc32 from Node 20.15 on; the writer's own otherwise). */
export const ZLIB: Deflater = {
  deflate: (data) =>
    new Promise((resolve, reject) => deflateRaw(data, { level: 6 }, (err, out) => (err ? reject(err) : resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))))),
  ...(typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? { crc32: (data: Uint8Array) => (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data) } : {}),
};

export async function readXlsxFile(path: string): Promise<LoadedWorkbook> {
  const data = await readFile(path);
  return readXlsxBuffer(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

export async function writeXlsxFile(workbook: MemoryWorkbook, path: string, source?: XlsxSource): Promise<void> {
  const data = await writeXlsxBuffer(workbook, source, ZLIB);
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
