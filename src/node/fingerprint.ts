/**
 * What a workbook was when a run read it (size, modification time, inode,
 * SHA-256), so that an --in-place run can check, just before replacing it,
 * that nobody saved it meanwhile from Excel or LibreOffice (which take no
 * Cap Circulaire lock): their save would otherwise be erased.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

export interface Fingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The fingerprint of bytes just read from `path` (stat taken after the read). */
export async function fingerprintOf(path: string, bytes: Uint8Array): Promise<Fingerprint> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, sha256: sha256(bytes) };
}

/** Cheap check (no read): same size, time and inode. */
export async function sameStat(path: string, fp: Fingerprint): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.size === fp.size && info.mtimeMs === fp.mtimeMs && info.ino === fp.ino;
}

/**
 * Whether the file is still what was read: size, time and inode first, then
 * the content's hash (a save within the file system's time resolution keeps
 * the time but not the hash).
 */
export async function unchangedSince(path: string, fp: Fingerprint): Promise<boolean> {
  if (!(await sameStat(path, fp))) return false;
  const bytes = await readFile(path).catch(() => null);
  return bytes !== null && sha256(bytes) === fp.sha256;
}
