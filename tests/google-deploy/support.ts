/**
 * Runs the maintainers' Google commands (src/node/google/main.ts) as
 * `npm run deploy:google` / `npm run e2e:google` would, against FakeGoogle:
 * the dist/ of a fresh build in a folder of its own, an in-memory state file,
 * OAuth credentials in a fake environment, and the waits recorded instead of
 * slept.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type MainOptions } from '../../src/node/google/main';
import { memoryStateStore, type TemplateState } from '../../src/node/google/state';
import { FakeGoogle } from './fake-google';

export const ROOT = path.resolve(__dirname, '../..');

export const OAUTH_ENV = { GOOGLE_CLIENT_ID: 'client-id.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 'secret', GOOGLE_REFRESH_TOKEN: '1//refresh' };

/** A build in `<tmp>/dist`, so the root handed to main() holds exactly what `npm run build` produces. */
export interface BuiltRoot {
  readonly root: string;
  readonly dist: Record<string, string>;
  cleanup(): void;
}

export function buildRoot(): BuiltRoot {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cap-google-deploy-'));
  const dist = path.join(root, 'dist');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out-dir', dist], { cwd: ROOT, stdio: 'pipe' });
  const files = Object.fromEntries(readdirSync(dist).map((f) => [f, readFileSync(path.join(dist, f), 'utf8')]));
  return { root, dist: files, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
  readonly waits: number[];
  readonly state: TemplateState;
}

export async function runMain(
  command: 'deploy' | 'e2e',
  google: FakeGoogle,
  root: string,
  options: { env?: Record<string, string>; state?: TemplateState; harness?: string; extra?: Partial<MainOptions>; argv?: string[] } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const waits: number[] = [];
  const state = memoryStateStore(options.state ?? {});
  const code = await main([command, ...(options.argv ?? [])], {
    env: options.env ?? OAUTH_ENV,
    root,
    version: '9.9.9',
    fetchImplementation: google.fetch as typeof fetch,
    caller: { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    state,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    harness: async () => options.harness ?? '/* harness */',
    ...options.extra,
  });
  return { code, out, err, waits, state: state.current };
}
