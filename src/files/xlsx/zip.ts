/**
 * The zip container of an OOXML package, on bytes (no Node built-ins: the
 * web page uses it too). Reading keeps every entry's compressed bytes, so
 * that writing copies the parts the engine did not change byte for byte,
 * without inflating and deflating them again; only changed or new parts are
 * compressed (fflate, level 6 as Excel and exceljs do).
 *
 * Plain zip only (no zip64, no encryption): an .xlsx over 4 GB is far
 * beyond what a workbook holds; an encrypted workbook is not a zip at all
 * (it is an OLE compound file) and is refused before reaching here.
 */
import { deflateSync, inflateSync } from 'fflate';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 3: sizes and CRC in a data descriptor after the data. */
const DATA_DESCRIPTOR = 0x0008;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

/** One entry of an archive as read: its compressed bytes are kept as they are. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  /** Compressed bytes (a view on the archive, never a copy). */
  readonly raw: Uint8Array;
  /** DOS time and date of the entry, kept when copied. */
  readonly time: number;
  readonly date: number;
}

export class ZipError extends Error {}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function endRecord(zip: Uint8Array, view: DataView): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END) return at;
  }
  throw new ZipError('zip: end of central directory not found');
}

/** The entries of an archive, in the order of its central directory. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  if (zip.length < 22) throw new ZipError('zip: too short');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = endRecord(zip, view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('zip: unreadable central directory');
    const flags = view.getUint16(at + 8, true);
    if (flags & 0x0001) throw new ZipError('zip: encrypted entry');
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) throw new ZipError('zip: unreadable local header');
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataAt + compressed > zip.length) throw new ZipError('zip: truncated entry');
    out.push({ name, method, crc, size, raw: zip.subarray(dataAt, dataAt + compressed), time, date });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** The uncompressed bytes of an entry. */
export function entryBytes(e: ZipEntry): Uint8Array {
  if (e.method === STORED) return e.raw;
  if (e.method === DEFLATED) return e.size === 0 ? new Uint8Array(0) : inflateSync(e.raw, { out: new Uint8Array(e.size) });
  throw new ZipError(`zip: unsupported compression method ${e.method}`);
}

let CRC_TABLE: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A new or changed part: compressed when written. */
export function newEntry(name: string, data: Uint8Array, stamp: { time: number; date: number } = dosNow()): ZipEntry {
  if (data.length === 0) return { name, method: STORED, crc: 0, size: 0, raw: data, time: stamp.time, date: stamp.date };
  return { name, method: DEFLATED, crc: crc32(data), size: data.length, raw: deflateSync(data, { level: 6 }), time: stamp.time, date: stamp.date };
}

export function dosNow(d: Date = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes the archive: local headers without data descriptors, then the central directory. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.raw.length + 46 + names[i].length));
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    const name = names[i];
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, UTF8_NAME, true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.raw.length, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(e.raw, at + 30 + name.length);
    at += 30 + name.length + e.raw.length;
  });
  const centralAt = at;
  entries.forEach((e, i) => {
    const name = names[i];
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, UTF8_NAME & ~DATA_DESCRIPTOR, true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.raw.length, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, name.length, true);
    // extra, comment, disk, internal attributes: 0
    view.setUint32(at + 38, 0, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralAt, true);
  view.setUint32(at + 16, centralAt, true);
  return out;
}

/** An archive with every entry deflated (exceljs writes it stored: its own deflate is slow). */
export function deflateStoredZip(stored: Uint8Array): Uint8Array {
  return writeZip(readZip(stored).map((e) => (e.method === STORED && e.size > 0 ? newEntry(e.name, e.raw, { time: e.time, date: e.date }) : e)));
}
