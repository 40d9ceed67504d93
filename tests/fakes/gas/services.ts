/**
 * Fakes of the small Apps Script services: LockService, Session,
 * PropertiesService, HtmlService, Utilities, ScriptApp, Logger, console.
 */
import { randomUUID } from 'node:crypto';
import { FakeUser, isDate, type GasCore } from './core';

// ---------------------------------------------------------------- LockService

export class FakeLock {
  private held = false;
  /** When true, another execution holds the lock: tryLock returns false, waitLock throws. */
  busy = false;

  constructor(
    private readonly core: GasCore,
    readonly scope: 'document' | 'script' | 'user',
  ) {}

  setBusy(busy: boolean): this {
    this.busy = busy;
    return this;
  }
  tryLock(timeoutMs: number): boolean {
    this.core.record('Lock', 'tryLock', { detail: `${this.scope} ${timeoutMs}ms` });
    if (this.busy) return false;
    this.held = true;
    this.core.locksHeld.add(this.scope);
    return true;
  }
  waitLock(timeoutMs: number): void {
    this.core.record('Lock', 'waitLock', { detail: `${this.scope} ${timeoutMs}ms` });
    if (this.busy) throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
    this.held = true;
    this.core.locksHeld.add(this.scope);
  }
  releaseLock(): void {
    this.core.record('Lock', 'releaseLock', { detail: this.scope });
    this.held = false;
    this.core.locksHeld.delete(this.scope);
  }
  hasLock(): boolean {
    return this.held;
  }
}

export class FakeLockService {
  readonly document: FakeLock;
  readonly script: FakeLock;
  readonly user: FakeLock;
  /** Set to true to emulate a script not bound to a document (getDocumentLock returns null). */
  unbound = false;

  constructor(private readonly core: GasCore) {
    this.document = new FakeLock(core, 'document');
    this.script = new FakeLock(core, 'script');
    this.user = new FakeLock(core, 'user');
  }
  getDocumentLock(): FakeLock | null {
    this.core.record('LockService', 'getDocumentLock');
    this.core.requireAuth('LockService.getDocumentLock');
    return this.unbound ? null : this.document;
  }
  getScriptLock(): FakeLock {
    this.core.record('LockService', 'getScriptLock');
    this.core.requireAuth('LockService.getScriptLock');
    return this.script;
  }
  getUserLock(): FakeLock {
    this.core.record('LockService', 'getUserLock');
    this.core.requireAuth('LockService.getUserLock');
    return this.user;
  }
}

// ---------------------------------------------------------------- Session

export class FakeSession {
  locale = 'fr';
  scriptTimeZone = 'Europe/Paris';
  constructor(private readonly core: GasCore) {}
  getActiveUser(): FakeUser {
    this.core.record('Session', 'getActiveUser');
    this.core.requireAuth('Session.getActiveUser');
    return new FakeUser(this.core.activeUser);
  }
  getEffectiveUser(): FakeUser {
    this.core.record('Session', 'getEffectiveUser');
    this.core.requireAuth('Session.getEffectiveUser');
    return new FakeUser(this.core.effectiveUser);
  }
  getActiveUserLocale(): string {
    this.core.record('Session', 'getActiveUserLocale');
    return this.locale;
  }
  getScriptTimeZone(): string {
    this.core.record('Session', 'getScriptTimeZone');
    return this.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    this.core.record('Session', 'getTemporaryActiveUserKey');
    return 'fake-temporary-user-key';
  }
}

// ---------------------------------------------------------------- PropertiesService

/**
 * "Properties value size 9 KB / val" and "Properties total storage 500 KB / property store"
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 * Sizes are counted in UTF-8 bytes, key included (what Google's store measures).
 */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export class FakeProperties {
  readonly store = new Map<string, string>();

  /** Bytes the store holds (keys and values), as counted against its quota. */
  get bytes(): number {
    let n = 0;
    for (const [k, v] of this.store) n += utf8(k) + utf8(v);
    return n;
  }

  /** Refuses a batch that breaks either quota, before writing any of it. */
  private checkQuota(entries: ReadonlyArray<readonly [string, string]>, replaceAll: boolean): void {
    for (const [k, v] of entries) {
      if (utf8(k) + utf8(v) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Exception: Argument too large: value');
    }
    const next = new Map(replaceAll ? [] : this.store);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += utf8(k) + utf8(v);
    if (total > PROPERTY_STORE_MAX_BYTES) throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  constructor(
    private readonly core: GasCore,
    readonly scope: string,
  ) {}
  private rec(method: string, detail?: string): void {
    this.core.record('Properties', method, { detail: detail ? `${this.scope}:${detail}` : this.scope });
  }
  getProperty(k: string): string | null {
    this.rec('getProperty', k);
    return this.store.get(k) ?? null;
  }
  setProperty(k: string, v: string): this {
    this.rec('setProperty', k);
    this.checkQuota([[k, String(v)]], false);
    this.store.set(k, String(v));
    return this;
  }
  getProperties(): Record<string, string> {
    this.rec('getProperties');
    return Object.fromEntries(this.store);
  }
  setProperties(props: Record<string, string>, deleteAllOthers = false): this {
    this.rec('setProperties');
    this.checkQuota(Object.entries(props).map(([k, v]) => [k, String(v)] as const), deleteAllOthers);
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(props)) this.store.set(k, String(v));
    return this;
  }
  deleteProperty(k: string): this {
    this.rec('deleteProperty', k);
    this.store.delete(k);
    return this;
  }
  deleteAllProperties(): this {
    this.rec('deleteAllProperties');
    this.store.clear();
    return this;
  }
  getKeys(): string[] {
    this.rec('getKeys');
    return [...this.store.keys()];
  }
}

export class FakePropertiesService {
  readonly document: FakeProperties;
  readonly script: FakeProperties;
  readonly user: FakeProperties;
  constructor(private readonly core: GasCore) {
    this.document = new FakeProperties(core, 'document');
    this.script = new FakeProperties(core, 'script');
    this.user = new FakeProperties(core, 'user');
  }
  getDocumentProperties(): FakeProperties {
    this.core.record('PropertiesService', 'getDocumentProperties');
    this.core.requireAuth('PropertiesService.getDocumentProperties');
    return this.document;
  }
  getScriptProperties(): FakeProperties {
    this.core.record('PropertiesService', 'getScriptProperties');
    this.core.requireAuth('PropertiesService.getScriptProperties');
    return this.script;
  }
  getUserProperties(): FakeProperties {
    this.core.record('PropertiesService', 'getUserProperties');
    this.core.requireAuth('PropertiesService.getUserProperties');
    return this.user;
  }
}

// ---------------------------------------------------------------- CacheService

/**
 * "Individual keys can be up to 250 characters and store up to 100KB of data, with a cache item
 * cap of 1,000 entries"; expirations are at most 21,600 seconds (6 hours)
 * (https://developers.google.com/apps-script/reference/cache/cache). Time does not pass in the
 * fake unless a test calls `expireAll()`.
 */
export const CACHE_KEY_MAX = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_MAX_EXPIRATION_S = 21_600;

export class FakeCache {
  readonly store = new Map<string, string>();
  constructor(
    private readonly core: GasCore,
    readonly scope: string,
  ) {}
  private rec(method: string, detail?: string): void {
    this.core.record('Cache', method, { detail: detail ? `${this.scope}:${detail}` : this.scope });
  }
  private check(entries: ReadonlyArray<readonly [string, string]>, expiration?: number): void {
    if (expiration !== undefined && !(expiration >= 1 && expiration <= CACHE_MAX_EXPIRATION_S)) throw new Error('Exception: Argument expirationInSeconds out of range.');
    for (const [k, v] of entries) {
      if (k.length > CACHE_KEY_MAX) throw new Error('Exception: Argument too large: key');
      if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_MAX_BYTES) throw new Error('Exception: Argument too large: value');
    }
  }
  get(key: string): string | null {
    this.rec('get', key);
    return this.store.get(key) ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    this.rec('getAll', `${keys.length}`);
    const out: Record<string, string> = {};
    for (const k of keys) if (this.store.has(k)) out[k] = this.store.get(k)!;
    return out;
  }
  put(key: string, value: string, expiration?: number): void {
    this.rec('put', key);
    this.check([[key, String(value)]], expiration);
    this.set(key, String(value));
  }
  putAll(values: Record<string, string>, expiration?: number): void {
    this.rec('putAll', `${Object.keys(values).length}`);
    const entries = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    this.check(entries, expiration);
    for (const [k, v] of entries) this.set(k, v);
  }
  remove(key: string): void {
    this.rec('remove', key);
    this.store.delete(key);
  }
  removeAll(keys: string[]): void {
    this.rec('removeAll', `${keys.length}`);
    for (const k of keys) this.store.delete(k);
  }
  /** Test helper: every entry expires (six hours went by). */
  expireAll(): void {
    this.store.clear();
  }
  private set(k: string, v: string): void {
    this.store.delete(k);
    this.store.set(k, v);
    // Beyond the cap, the oldest entries are evicted (a cache never refuses, it forgets).
    while (this.store.size > CACHE_MAX_ITEMS) this.store.delete(this.store.keys().next().value as string);
  }
}

export class FakeCacheService {
  readonly document: FakeCache;
  readonly script: FakeCache;
  readonly user: FakeCache;
  constructor(private readonly core: GasCore) {
    this.document = new FakeCache(core, 'document');
    this.script = new FakeCache(core, 'script');
    this.user = new FakeCache(core, 'user');
  }
  getDocumentCache(): FakeCache {
    this.core.record('CacheService', 'getDocumentCache');
    this.core.requireAuth('CacheService.getDocumentCache');
    return this.document;
  }
  getScriptCache(): FakeCache {
    this.core.record('CacheService', 'getScriptCache');
    return this.script;
  }
  getUserCache(): FakeCache {
    this.core.record('CacheService', 'getUserCache');
    return this.user;
  }
}

// ---------------------------------------------------------------- HtmlService

export class FakeHtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  readonly metaTags: Array<{ name: string; content: string }> = [];
  sandboxMode: string | null = null;
  xFrameOptionsMode: string | null = null;

  constructor(private content = '') {}
  getContent(): string {
    return this.content;
  }
  setContent(html: string): this {
    this.content = html;
    return this;
  }
  append(html: string): this {
    this.content += html;
    return this;
  }
  appendUntrusted(text: string): this {
    this.content += escapeHtml(text);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(t: string): this {
    this.title = t;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(w: number): this {
    this.width = w;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(h: number): this {
    this.height = h;
    return this;
  }
  setSandboxMode(m: string): this {
    this.sandboxMode = m;
    return this;
  }
  setXFrameOptionsMode(m: string): this {
    this.xFrameOptionsMode = m;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(): this {
    return this;
  }
}

/**
 * A template with Apps Script scriptlets: `<?= expr ?>` (escaped),
 * `<?!= expr ?>` (raw), `<? code ?>`. Expressions see the template's own
 * properties first, then the environment's globals (so `include(...)`
 * defined by the script under test resolves when run in a vm context).
 */
export class FakeHtmlTemplate {
  [key: string]: unknown;
  constructor(
    private readonly source: string,
    private readonly scope: () => Record<string, unknown>,
  ) {}
  getRawContent(): string {
    return this.source;
  }
  evaluate(): FakeHtmlOutput {
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (k !== 'source' && k !== 'scope') data[k] = this[k];
    return new FakeHtmlOutput(renderTemplate(this.source, data, this.scope()));
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function renderTemplate(source: string, data: Record<string, unknown>, globals: Record<string, unknown>): string {
  let code = 'let __out = "";\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __esc(String(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  // Sloppy-mode function on purpose: `with` gives scriptlets Apps Script's scoping.
  const fn = new Function('__data', '__globals', '__esc', `with (__globals) { with (__data) { ${code} } }`);
  return fn(data, globals, escapeHtml) as string;
}

export class FakeHtmlService {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' } as const;
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
  /** Project files by name without `.html` (what `createHtmlOutputFromFile('Sidebar')` finds). */
  readonly files = new Map<string, string>();

  constructor(
    private readonly core: GasCore,
    private readonly scope: () => Record<string, unknown>,
  ) {}

  private file(name: string): string {
    const k = name.replace(/\.html$/, '');
    const content = this.files.get(k);
    if (content === undefined) throw new Error(`Exception: No HTML file named ${k} was found. (fake: add it to env.html.files)`);
    return content;
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    this.core.record('HtmlService', 'createHtmlOutput');
    return new FakeHtmlOutput(html);
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    this.core.record('HtmlService', 'createHtmlOutputFromFile', { detail: name });
    return new FakeHtmlOutput(this.file(name));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    this.core.record('HtmlService', 'createTemplate');
    return new FakeHtmlTemplate(html, this.scope);
  }
  createTemplateFromFile(name: string): FakeHtmlTemplate {
    this.core.record('HtmlService', 'createTemplateFromFile', { detail: name });
    return new FakeHtmlTemplate(this.file(name), this.scope);
  }
}

// ---------------------------------------------------------------- Utilities

export class FakeUtilities {
  constructor(private readonly core: GasCore) {}

  /** Supports yyyy, yy, MM, M, dd, d, HH, H, mm, ss, and quoted literals ('T'). */
  formatDate(date: Date, timeZone: string, pattern: string): string {
    this.core.record('Utilities', 'formatDate');
    if (!isDate(date)) throw new Error('Exception: Invalid argument: date');
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(date.getTime()))
        .map((p) => [p.type, p.value]),
    );
    const tokens: Record<string, string> = {
      yyyy: parts.year,
      yy: parts.year.slice(-2),
      MM: parts.month,
      M: String(Number(parts.month)),
      dd: parts.day,
      d: String(Number(parts.day)),
      HH: parts.hour,
      H: String(Number(parts.hour)),
      mm: parts.minute,
      ss: parts.second,
    };
    return pattern.replace(/'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|ss/g, (m, literal: string | undefined) =>
      literal !== undefined ? literal : tokens[m],
    );
  }
  getUuid(): string {
    this.core.record('Utilities', 'getUuid');
    return randomUUID();
  }
  sleep(ms: number): void {
    this.core.record('Utilities', 'sleep', { detail: `${ms}ms` });
  }
  base64Encode(data: string): string {
    this.core.record('Utilities', 'base64Encode');
    return Buffer.from(data, 'utf8').toString('base64');
  }
  base64Decode(data: string): number[] {
    this.core.record('Utilities', 'base64Decode');
    return [...Buffer.from(data, 'base64')];
  }
}

// ---------------------------------------------------------------- ScriptApp, Logger, console

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
  constructor(private readonly core: GasCore) {}
  getScriptId(): string {
    this.core.record('ScriptApp', 'getScriptId');
    return 'fake-script-id';
  }
  getOAuthToken(): string {
    this.core.record('ScriptApp', 'getOAuthToken');
    return 'fake-oauth-token';
  }
}

export function fakeLogger(core: GasCore) {
  return {
    log(format: unknown, ...values: unknown[]) {
      core.logs.push({ level: 'log', message: [format, ...values].map(String).join(' ') });
      return this;
    },
    getLog() {
      return core.logs.map((l) => l.message).join('\n');
    },
    clear() {
      core.logs.length = 0;
    },
  };
}

function describeArg(a: unknown): string {
  if (typeof a === 'string') return a;
  // Errors thrown inside a vm context are another realm's: test the shape, not the class.
  if (a && typeof a === 'object' && 'message' in a) return String((a as { stack?: string }).stack ?? (a as { message: string }).message);
  try {
    return JSON.stringify(a);
  } catch {
    return String(a);
  }
}

/** Records instead of printing, so test output stays readable; `env.logs` has everything. */
export function fakeConsole(core: GasCore) {
  const at = (level: string) => (...args: unknown[]) => {
    core.logs.push({ level, message: args.map(describeArg).join(' ') });
  };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), time: () => {}, timeEnd: () => {} };
}
