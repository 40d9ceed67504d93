/**
 * Entry of the maintainers' Google commands, bundled apart from the CLI
 * (scripts/google.mjs), so the offline engine never loads googleapis:
 *
 *   npm run deploy:google   → main(['deploy'])
 *   npm run e2e:google      → main(['e2e'])
 *
 * Exit codes as everywhere: 0 done (or e2e skipped for lack of credentials),
 * 1 Google refused or a check failed, 2 missing or unusable credentials, or
 * dist/ not built. Messages in French; a stack trace only with --debug.
 */
import { join } from 'node:path';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';
import { DEPLOY_SCOPES, E2E_SCOPES, GoogleCallError, GoogleCaller, googleApis, type CallerOptions, type GoogleApis } from './api';
import { resolveCredentials, type Env, type FileReader, type GoogleCredentials } from './credentials';
import { deployTemplate } from './deploy';
import { runE2e } from './e2e';
import { readDistFiles } from './script-files';
import { DEFAULT_STATE_FILE, fileStateStore, type StateStore } from './state';

export interface MainOptions {
  readonly env?: Env;
  /** Repository root: dist/ and the state file are found from here. */
  readonly root?: string;
  readonly fetchImplementation?: typeof fetch;
  readonly caller?: CallerOptions;
  readonly state?: StateStore;
  readonly files?: FileReader;
  readonly version?: string;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** The live check's Apps Script bundle (scripts/google/build-harness.mjs). */
  readonly harness?: () => Promise<string>;
  /** Builds the clients (tests may hand their own). */
  readonly apis?: (credentials: GoogleCredentials, scopes: readonly string[]) => GoogleApis;
}

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const out = options.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = options.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const debug = argv.includes('--debug');
  const command = argv.find((a) => !a.startsWith('--'));
  const env = options.env ?? process.env;
  const root = options.root ?? process.cwd();

  if (command !== 'deploy' && command !== 'e2e') {
    err(DEPLOY_MESSAGES.deploy.usage);
    return 2;
  }

  const resolution = resolveCredentials(env, options.files);
  if (!resolution.ok) {
    if (command === 'e2e' && resolution.reason === 'none') {
      out(DEPLOY_MESSAGES.e2e.skipped);
      return 0;
    }
    err(resolution.message);
    return 2;
  }

  const scopes = command === 'deploy' ? DEPLOY_SCOPES : E2E_SCOPES;
  const apis = options.apis
    ? options.apis(resolution.credentials, scopes)
    : googleApis(resolution.credentials, scopes, { fetchImplementation: options.fetchImplementation });
  const caller = new GoogleCaller({ log: out, ...options.caller });
  const state = options.state ?? fileStateStore(join(root, env.CAP_GOOGLE_STATE_FILE?.trim() || DEFAULT_STATE_FILE));

  try {
    const files = readDistFiles(join(root, 'dist'));
    if (command === 'deploy') {
      out(DEPLOY_MESSAGES.deploy.title);
      await deployTemplate({ apis, caller, state, files, version: options.version ?? '0.0.0', log: out });
      return 0;
    }
    if (resolution.credentials.kind !== 'oauth') {
      err(DEPLOY_MESSAGES.e2e.needsOauth);
      return 2;
    }
    if (!options.harness) throw new Error('harness bundle missing');
    const result = await runE2e({ apis, caller, state, files, harness: await options.harness(), log: out });
    return result.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof GoogleCallError) {
      err(e.message);
      if (debug && e.stack) err(e.stack);
      return e.reason === 'build' ? 2 : 1;
    }
    const detail = e instanceof Error ? e.message : String(e);
    err(DEPLOY_MESSAGES.unexpected(detail));
    if (debug && e instanceof Error && e.stack) err(e.stack);
    return 1;
  }
}
