/**
 * A string too long for one Apps Script property (9 KB per value) kept in
 * several: `<key>` holds the number of chunks, `<key>.0`, `<key>.1`… the
 * chunks. One `getProperties` to read, one `setProperties` to write (plus one
 * `deleteProperty` per chunk left over from a longer value).
 */
import { splitChunks } from '../domain/validation/last-check';

type Properties = GoogleAppsScript.Properties.Properties;

/** Bytes per chunk: under the 9 KB limit with room for the key. */
export const CHUNK_BYTES = 8_000;

export function readChunked(props: Properties, key: string): string | null {
  return chunkedValue(props.getProperties(), key);
}

/** The value kept under `key` in properties already read (`getProperties()`); null when absent or incomplete. */
export function chunkedValue(all: Readonly<Record<string, string>>, key: string): string | null {
  const n = Number(all[key]);
  if (!Number.isInteger(n) || n <= 0) return null;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const part = all[`${key}.${i}`];
    if (part === undefined) return null;
    parts.push(part);
  }
  return parts.join('');
}

export function writeChunked(props: Properties, key: string, value: string | null): void {
  const previous = Number(props.getProperty(key)) || 0;
  const chunks = value === null ? [] : splitChunks(value, CHUNK_BYTES);
  if (chunks.length > 0) {
    const batch: Record<string, string> = { [key]: String(chunks.length) };
    chunks.forEach((c, i) => {
      batch[`${key}.${i}`] = c;
    });
    props.setProperties(batch);
  } else if (previous > 0) {
    props.deleteProperty(key);
  }
  for (let i = chunks.length; i < previous; i++) props.deleteProperty(`${key}.${i}`);
}
