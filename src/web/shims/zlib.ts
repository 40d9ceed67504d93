/**
 * `node:zlib`'s deflateRaw for the browser (Vite alias, vite.config.web.ts),
 * on fflate: src/files/xlsx/zip.ts compresses with it. To be removed when
 * src/files no longer imports Node.
 */
import { deflateSync } from 'fflate';

type Callback = (error: Error | null, result: Uint8Array) => void;

export function deflateRaw(data: Uint8Array, options: { level?: number } | Callback, callback?: Callback): void {
  const cb = (typeof options === 'function' ? options : callback)!;
  const level = typeof options === 'function' ? 6 : options.level ?? 6;
  try {
    const out = deflateSync(data, { level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 });
    cb(null, out);
  } catch (e) {
    cb(e as Error, new Uint8Array());
  }
}
