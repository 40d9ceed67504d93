/**
 * Google credentials for the maintainers' commands, read from the environment
 * only (never from a file in the repository):
 *
 * - an OAuth client and its refresh token: GOOGLE_CLIENT_ID,
 *   GOOGLE_CLIENT_SECRET, GOOGLE_REFRESH_TOKEN; or GOOGLE_APPLICATION_CREDENTIALS
 *   pointing at an `authorized_user` JSON file (what `gcloud auth
 *   application-default login` writes);
 * - a service account: GOOGLE_APPLICATION_CREDENTIALS pointing at its key,
 *   plus GOOGLE_IMPERSONATE_USER. Google documents that "the Apps Script API
 *   doesn't work with service accounts"
 *   (https://developers.google.com/apps-script/api/how-tos/execute), so a
 *   service account must act for a Workspace user (domain-wide delegation):
 *   its token is then a user's token.
 *
 * The result says exactly what is missing or wrong, in French.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';

const M = DEPLOY_MESSAGES.credentials;

export type GoogleCredentials =
  | { readonly kind: 'oauth'; readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string; readonly source: 'env' | 'file' }
  | { readonly kind: 'serviceAccount'; readonly clientEmail: string; readonly privateKey: string; readonly subject: string };

export type CredentialsResolution =
  | { readonly ok: true; readonly credentials: GoogleCredentials }
  /** Nothing at all is set: deploy stops (exit 2), e2e skips (exit 0). */
  | { readonly ok: false; readonly reason: 'none'; readonly message: string }
  /** Something is set but unusable: both stop with exit 2. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly message: string };

export type Env = Readonly<Record<string, string | undefined>>;

export interface FileReader {
  exists(path: string): boolean;
  read(path: string): string;
}

const nodeFiles: FileReader = { exists: existsSync, read: (p) => readFileSync(p, 'utf8') };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

export function resolveCredentials(env: Env, files: FileReader = nodeFiles): CredentialsResolution {
  const problems: string[] = [];
  const [idVar, secretVar, tokenVar] = DEPLOY_MESSAGES.envOauth;
  const oauth = { id: value(env, idVar), secret: value(env, secretVar), token: value(env, tokenVar) };
  const keyPath = value(env, 'GOOGLE_APPLICATION_CREDENTIALS');
  const subject = value(env, 'GOOGLE_IMPERSONATE_USER');

  const anyOauth = oauth.id || oauth.secret || oauth.token;
  if (anyOauth) {
    const missing = DEPLOY_MESSAGES.envOauth.filter((_, i) => ![oauth.id, oauth.secret, oauth.token][i]);
    if (missing.length === 0) {
      return { ok: true, credentials: { kind: 'oauth', clientId: oauth.id!, clientSecret: oauth.secret!, refreshToken: oauth.token!, source: 'env' } };
    }
    // Half an OAuth setup is a mistake to report, even when a key file is also set: never guess which one was meant.
    problems.push(M.partialOauth(missing));
  }

  if (keyPath) {
    const fromFile = readKeyFile(keyPath, subject, files);
    if ('problem' in fromFile) problems.push(fromFile.problem);
    else if (problems.length === 0) return { ok: true, credentials: fromFile.credentials };
  }

  if (problems.length > 0) return { ok: false, reason: 'invalid', message: M.invalid(problems) };
  return { ok: false, reason: 'none', message: M.none };
}

function readKeyFile(path: string, subject: string | undefined, files: FileReader): { credentials: GoogleCredentials } | { problem: string } {
  if (!files.exists(path)) return { problem: M.keyFileMissing(path) };
  let json: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(files.read(path));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: M.keyFileUnreadable(path) };
    json = parsed as Record<string, unknown>;
  } catch {
    return { problem: M.keyFileUnreadable(path) };
  }
  const str = (k: string) => (typeof json[k] === 'string' && (json[k] as string).trim() ? (json[k] as string) : undefined);
  const type = str('type') ?? '';
  if (type === 'authorized_user') {
    const missing = ['client_id', 'client_secret', 'refresh_token'].filter((k) => !str(k));
    if (missing.length > 0) return { problem: M.keyFileFields(path, missing) };
    return { credentials: { kind: 'oauth', clientId: str('client_id')!, clientSecret: str('client_secret')!, refreshToken: str('refresh_token')!, source: 'file' } };
  }
  if (type === 'service_account') {
    const missing = ['client_email', 'private_key'].filter((k) => !str(k));
    if (missing.length > 0) return { problem: M.keyFileFields(path, missing) };
    if (!subject) return { problem: M.serviceAccountAlone(str('client_email')!) };
    if (!EMAIL.test(subject)) return { problem: M.badImpersonation(subject) };
    return { credentials: { kind: 'serviceAccount', clientEmail: str('client_email')!, privateKey: str('private_key')!, subject } };
  }
  return { problem: M.keyFileType(path, type || '?') };
}
