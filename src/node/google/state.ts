/**
 * Where the deployed template is remembered between runs: a small JSON file,
 * git-ignored (`.google-template.json` at the repository's root by default),
 * written after each creation so an interrupted deploy resumes instead of
 * creating a second template. It holds ids only, no credential.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';
import { GoogleCallError } from './api';

export interface E2eState {
  readonly spreadsheetId?: string;
  readonly scriptId?: string;
  readonly deploymentId?: string;
}

export interface TemplateState {
  readonly spreadsheetId?: string;
  readonly scriptId?: string;
  readonly copyLink?: string;
  /** The blank first sheet of a new template, until the install has removed it (kept here so a resumed run still removes it). */
  readonly placeholderSheetId?: number;
  /** The live check's own spreadsheet and script (never the public template). */
  readonly e2e?: E2eState;
}

export interface StateStore {
  readonly path: string;
  read(): TemplateState;
  write(state: TemplateState): void;
}

export const DEFAULT_STATE_FILE = '.google-template.json';

const isId = (v: unknown) => v === undefined || (typeof v === 'string' && /^[\w-]+$/.test(v));

export function parseState(text: string, path: string): TemplateState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GoogleCallError(DEPLOY_MESSAGES.state.unreadable(path), undefined, 'state');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new GoogleCallError(DEPLOY_MESSAGES.state.unreadable(path), undefined, 'state');
  const s = json as Record<string, unknown>;
  const e2e = (s.e2e ?? {}) as Record<string, unknown>;
  if (![s.spreadsheetId, s.scriptId, e2e.spreadsheetId, e2e.scriptId, e2e.deploymentId].every(isId) || typeof e2e !== 'object') {
    throw new GoogleCallError(DEPLOY_MESSAGES.state.unreadable(path), undefined, 'state');
  }
  return json as TemplateState;
}

export function fileStateStore(path: string): StateStore {
  return {
    path,
    read: () => (existsSync(path) ? parseState(readFileSync(path, 'utf8'), path) : {}),
    write: (state) => {
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
      renameSync(tmp, path);
    },
  };
}

/** In memory, for tests. */
export function memoryStateStore(initial: TemplateState = {}, path = DEFAULT_STATE_FILE): StateStore & { current: TemplateState } {
  const store = {
    path,
    current: initial,
    read: () => store.current,
    write: (s: TemplateState) => {
      store.current = JSON.parse(JSON.stringify(s)) as TemplateState;
    },
  };
  return store;
}
