/**
 * Type-checks what the adapters sent to Google against googleapis' own TypeScript types:
 * every Slides request (`slides_v1.Schema$Request`), Docs request (`docs_v1.Schema$Request`)
 * and Sheets `spreadsheets.create` body (`sheets_v4.Schema$Spreadsheet`) recorded by the
 * fakes is written, as literal JSON, into a .ts file assigned to those types, and `tsc`
 * compiles it. Object literals get TypeScript's excess-property check: a misspelt field,
 * a field at the wrong level or a value of the wrong type fails, as the API would refuse it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support';

export interface EmittedRequests {
  readonly slides: ReadonlyArray<unknown>;
  readonly docs: ReadonlyArray<unknown>;
  readonly sheetsCreate: ReadonlyArray<unknown>;
}

/** '' when everything type-checks, else tsc's report. */
export function typeCheckAgainstGoogleapis(emitted: EmittedRequests): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cap-circulaire-googleapis-'));
  try {
    const api = (name: string) => JSON.stringify(path.join(ROOT, 'node_modules/googleapis/build/src/apis', name));
    const lines = [
      `import type { slides_v1 } from ${api('slides/v1')};`,
      `import type { docs_v1 } from ${api('docs/v1')};`,
      `import type { sheets_v4 } from ${api('sheets/v4')};`,
      `export const slides: slides_v1.Schema$Request[] = ${JSON.stringify(emitted.slides, null, 1)};`,
      `export const docs: docs_v1.Schema$Request[] = ${JSON.stringify(emitted.docs, null, 1)};`,
      `export const sheets: sheets_v4.Schema$Spreadsheet[] = ${JSON.stringify(emitted.sheetsCreate, null, 1)};`,
    ];
    const file = path.join(dir, 'emitted.ts');
    writeFileSync(file, lines.join('\n'));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), file], {
        cwd: dir,
        stdio: 'pipe',
        maxBuffer: 64 * 1024 * 1024,
      });
      return '';
    } catch (e) {
      const out = e as { stdout?: Buffer; stderr?: Buffer };
      return `${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`.slice(0, 4000) || String(e);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Drops duplicates (a deck's requests repeat by shape): keeps the file small for tsc. */
export function distinctByShape(requests: ReadonlyArray<unknown>, max = 4000): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  const shape = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(shape).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${k}:${shape((v as Record<string, unknown>)[k])}`).join(',')}}` : typeof v;
  for (const r of requests) {
    const k = shape(r);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
    if (out.length >= max) break;
  }
  return out;
}
