/**
 * The Google clients (Drive v3, Sheets v4, Apps Script v1) built from the
 * credentials, with an injectable HTTP transport (`fetchImplementation`, for
 * the API calls and the token requests alike) so tests replay recorded
 * exchanges with no network; and `GoogleCaller`, through which every call
 * goes: retries with truncated exponential backoff, errors in French.
 *
 * Retry policy, after Google's guidance for 429 and 5xx
 * (https://developers.google.com/sheets/api/limits#exponential-backoff,
 * https://developers.google.com/drive/api/guides/limits): wait
 * min(2^n s + jitter, 32 s), or what `Retry-After` says, up to MAX_ATTEMPTS.
 * A 429 means the request was refused, so it is always safe to repeat; a 5xx
 * is only repeated for calls that are idempotent (reads, content replacement):
 * a create that failed with 500 may have happened, so the command stops and a
 * new run resumes from the state file instead of creating a twin.
 * googleapis' own retry is switched off (`retry: false`) so this is the only one.
 */
import { google, type drive_v3, type script_v1, type sheets_v4 } from 'googleapis';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';
import type { GoogleCredentials } from './credentials';

const M = DEPLOY_MESSAGES.api;

/** Scopes the deploy needs (the refresh token must have been granted them). */
export const DEPLOY_SCOPES = [
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.projects',
] as const;

/**
 * Scopes of the live check: the deploy's, deployments, plus every scope the
 * script itself declares (scripts.run requires the token to cover all of them),
 * plus read-only Drive to read back the files the script creates.
 */
export const E2E_SCOPES = [
  ...DEPLOY_SCOPES,
  'https://www.googleapis.com/auth/script.deployments',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/drive.readonly',
] as const;

export interface GoogleApis {
  readonly drive: drive_v3.Drive;
  readonly sheets: sheets_v4.Sheets;
  readonly script: script_v1.Script;
}

export interface TransportOptions {
  /** Replaces global fetch for every request, token requests included (tests). */
  readonly fetchImplementation?: typeof fetch;
}

export function googleApis(credentials: GoogleCredentials, scopes: readonly string[], transport: TransportOptions = {}): GoogleApis {
  const transporterOptions = transport.fetchImplementation ? { fetchImplementation: transport.fetchImplementation } : undefined;
  const auth =
    credentials.kind === 'oauth'
      ? new google.auth.OAuth2({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, transporterOptions })
      : new google.auth.JWT({ email: credentials.clientEmail, key: credentials.privateKey, subject: credentials.subject, scopes: [...scopes], transporterOptions });
  if (credentials.kind === 'oauth') auth.setCredentials({ refresh_token: credentials.refreshToken });
  const options = { auth, retry: false, ...(transport.fetchImplementation ? { fetchImplementation: transport.fetchImplementation } : {}) };
  return {
    drive: google.drive({ version: 'v3', ...options }),
    sheets: google.sheets({ version: 'v4', ...options }),
    script: google.script({ version: 'v1', ...options }),
  };
}

/** A failure already explained in French: the command prints its message, exits 1, no stack trace. */
export class GoogleCallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly reason: string | undefined,
  ) {
    super(message);
    this.name = 'GoogleCallError';
  }
}

export interface CallSpec {
  /** French name of the operation (DEPLOY_MESSAGES.op). */
  readonly what: string;
  /** Safe to send twice (reads, full replacements): 5xx are then retried too. */
  readonly idempotent: boolean;
}

export interface CallerOptions {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly log?: (line: string) => void;
  readonly maxAttempts?: number;
}

export const MAX_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 32_000;

export class GoogleCaller {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private readonly maxAttempts: number;

  constructor(options: CallerOptions = {}) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.log = options.log ?? (() => undefined);
    this.maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  }

  async call<T>(spec: CallSpec, request: () => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await request()).data;
      } catch (e) {
        const failure = describe(e);
        const retryable = failure.status === 429 || (spec.idempotent && failure.status !== undefined && failure.status >= 500);
        if (!retryable || attempt >= this.maxAttempts) throw explain(spec, failure, attempt);
        const wait = failure.retryAfterMs ?? Math.min(2 ** (attempt - 1) * 1000 + Math.floor(this.random() * 1000), MAX_BACKOFF_MS);
        this.log(M.retrying(spec.what, failure.status!, Math.ceil(wait / 1000), attempt + 1, this.maxAttempts));
        await this.sleep(wait);
      }
    }
  }
}

interface Failure {
  readonly status?: number;
  readonly message: string;
  readonly reason?: string;
  readonly retryAfterMs?: number;
  /** The token endpoint refused the credentials (invalid_grant, invalid_client…). */
  readonly tokenError?: string;
  readonly network?: boolean;
}

function describe(e: unknown): Failure {
  if (e instanceof GoogleCallError) return { status: e.status, message: e.message, reason: e.reason };
  const err = (e ?? {}) as {
    status?: number;
    code?: string | number;
    message?: string;
    response?: { status?: number; data?: unknown; headers?: unknown; config?: { url?: unknown } };
  };
  const status = err.response?.status ?? err.status ?? (typeof err.code === 'number' ? err.code : undefined);
  const data = err.response?.data as { error?: unknown; error_description?: string } | undefined;
  const url = String(err.response?.config?.url ?? '');
  if (data && typeof data.error === 'string' && (url.includes('oauth2') || url.includes('/token') || data.error_description !== undefined)) {
    return { status, message: data.error_description ?? data.error, tokenError: data.error };
  }
  const apiError = data && typeof data.error === 'object' && data.error ? (data.error as { message?: string; status?: string; errors?: Array<{ reason?: string }> }) : undefined;
  const message = apiError?.message ?? err.message ?? String(e);
  const reason = apiError?.errors?.[0]?.reason ?? apiError?.status;
  if (status === undefined) {
    const network = typeof err.code === 'string' || /fetch failed|network|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/i.test(message);
    return { message, network };
  }
  return { status, message, reason, retryAfterMs: retryAfter(err.response?.headers) };
}

function retryAfter(headers: unknown): number | undefined {
  let raw: string | null | undefined;
  if (headers && typeof (headers as Headers).get === 'function') raw = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object') raw = (headers as Record<string, string | undefined>)['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_BACKOFF_MS);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, Math.min(date - Date.now(), MAX_BACKOFF_MS)) : undefined;
}

function explain(spec: CallSpec, f: Failure, attempts: number): GoogleCallError {
  const { what } = spec;
  if (f.tokenError) return new GoogleCallError(M.tokenRefused(f.message), f.status, f.tokenError);
  if (f.network) return new GoogleCallError(M.network(what, f.message), undefined, 'network');
  switch (f.status) {
    case 400:
      return new GoogleCallError(M.badRequest(what, f.message), 400, f.reason);
    case 401:
      return new GoogleCallError(M.unauthorized(what), 401, f.reason);
    case 403:
      if (/script\.google\.com\/home\/usersettings|has not enabled the Apps Script API/i.test(f.message)) {
        return new GoogleCallError(M.appsScriptApiDisabled(what), 403, 'appsScriptApiDisabled');
      }
      return new GoogleCallError(M.forbidden(what, f.message), 403, f.reason);
    case 404:
      return new GoogleCallError(M.notFound(what), 404, f.reason);
    case 429:
      return new GoogleCallError(M.rateLimited(what, attempts), 429, f.reason);
  }
  if (f.status !== undefined && f.status >= 500) return new GoogleCallError(M.serverError(what, f.status, attempts), f.status, f.reason);
  return new GoogleCallError(M.other(what, f.status ?? '?', f.message), f.status, f.reason);
}
