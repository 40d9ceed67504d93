/**
 * Google's REST endpoints the deploy and the live check use (OAuth token,
 * Sheets v4, Drive v3, Apps Script v1), answered in memory through the
 * `fetchImplementation` googleapis accepts: no network. Every exchange is
 * recorded (method, path, query, JSON body) so tests assert the sequence and
 * the bodies; failures can be queued per route (429 with Retry-After, 5xx,
 * 403, 404, token refusals, network errors).
 *
 * It refuses what Google refuses, with Google's wording, for the requests we
 * send (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request):
 * - a frozen row count equal to or above the row count: "You can't freeze all visible rows on the sheet.";
 * - a range or sheetId outside an existing grid: "No grid with id: N" / "Range … exceeds grid limits";
 * - two sheets with the same title or id; deleting the only sheet ("You can't remove all the sheets in a document.");
 * - more than 10,000,000 cells in a spreadsheet (https://support.google.com/drive/answer/37603);
 * - more than 50,000 characters in a cell (same page);
 * - a conditional rule index or protected range id that does not exist.
 */
import type { drive_v3, script_v1, sheets_v4 } from 'googleapis';

export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly status: number;
}

interface Failure {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number | 'network';
  readonly message?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface FakeSheet {
  properties: { sheetId: number; title: string; index: number; gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number }; tabColorStyle?: sheets_v4.Schema$ColorStyle };
  values: unknown[][];
  rules: sheets_v4.Schema$ConditionalFormatRule[];
  protections: sheets_v4.Schema$ProtectedRange[];
  validations: number;
  formats: number;
}

export interface FakeSpreadsheet {
  id: string;
  properties: { title: string; locale: string; timeZone: string };
  sheets: FakeSheet[];
}

const MAX_CELLS = 10_000_000;
const MAX_CELL_CHARS = 50_000;

class GoogleError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly statusText = status === 400 ? 'INVALID_ARGUMENT' : status === 404 ? 'NOT_FOUND' : status === 403 ? 'PERMISSION_DENIED' : 'UNKNOWN',
  ) {
    super(message);
  }
}

export type RunHandler = (fn: string, parameters: unknown[], fake: FakeGoogle) => script_v1.Schema$Operation;

export class FakeGoogle {
  readonly exchanges: Exchange[] = [];
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly files = new Map<string, drive_v3.Schema$File & { permissions: drive_v3.Schema$Permission[] }>();
  readonly scripts = new Map<string, { title: string; parentId?: string; files: script_v1.Schema$File[]; versions: number; deployments: string[] }>();
  private failures: Failure[] = [];
  private counter = 0;
  tokenRequests = 0;
  runHandler: RunHandler = () => ({ done: true, response: { result: { ok: true, alerts: [], prompts: [], sidebars: 0, dialogs: 0 } } });

  /** Queues a failure for the next matching request (several calls queue several failures). */
  fail(method: string, path: RegExp, status: number | 'network', extra: Omit<Failure, 'method' | 'path' | 'status'> = {}): this {
    this.failures.push({ method, path, status, ...extra });
    return this;
  }

  /** Requests to Google's APIs (the token requests left out), as `METHOD path`. */
  calls(): string[] {
    return this.exchanges.filter((e) => e.path !== '/token').map((e) => `${e.method} ${e.path}`);
  }

  batchRequests(): sheets_v4.Schema$Request[] {
    return this.exchanges.filter((e) => e.path.endsWith(':batchUpdate') && e.status === 200).flatMap((e) => (e.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []);
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = decodeURIComponent(url.pathname);
    const raw = init?.body === undefined || init.body === null ? undefined : String(init.body);
    let body: unknown = raw;
    if (raw !== undefined) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = Object.fromEntries(new URLSearchParams(raw));
      }
    }
    const failure = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failure >= 0) {
      const f = this.failures.splice(failure, 1)[0];
      if (f.status === 'network') {
        this.exchanges.push({ method, path, query: url.searchParams, body, status: 0 });
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
      }
      this.exchanges.push({ method, path, query: url.searchParams, body, status: f.status });
      const payload = f.body ?? { error: { code: f.status, message: f.message ?? 'error', status: f.status === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE' } };
      return json(payload, f.status, f.headers);
    }
    try {
      const result = this.route(method, url, path, body);
      this.exchanges.push({ method, path, query: url.searchParams, body, status: 200 });
      return json(result, 200);
    } catch (e) {
      if (!(e instanceof GoogleError)) throw e;
      this.exchanges.push({ method, path, query: url.searchParams, body, status: e.status });
      return json({ error: { code: e.status, message: e.message, status: e.statusText } }, e.status);
    }
  };

  private id(prefix: string): string {
    this.counter++;
    return `${prefix}${String(this.counter).padStart(4, '0')}`;
  }

  private route(method: string, url: URL, path: string, body: unknown): unknown {
    let m: RegExpExecArray | null;
    if (path === '/token') {
      this.tokenRequests++;
      return { access_token: `ya29.fake-${this.tokenRequests}`, expires_in: 3599, token_type: 'Bearer' };
    }
    if (url.host === 'sheets.googleapis.com') {
      if (method === 'POST' && path === '/v4/spreadsheets') return this.createSpreadsheet(body as sheets_v4.Schema$Spreadsheet);
      if ((m = /^\/v4\/spreadsheets\/([\w-]+):batchUpdate$/.exec(path)) && method === 'POST') return this.batchUpdate(this.sheet(m[1]), body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest);
      if ((m = /^\/v4\/spreadsheets\/([\w-]+)\/values:batchGet$/.exec(path)) && method === 'GET') {
        const s = this.sheet(m[1]);
        return { spreadsheetId: s.id, valueRanges: url.searchParams.getAll('ranges').map((r) => ({ range: r, values: this.tab(s, r).values })) };
      }
      if ((m = /^\/v4\/spreadsheets\/([\w-]+)\/values\/(.+)$/.exec(path))) {
        const s = this.sheet(m[1]);
        const [name, cell] = splitA1(m[2]);
        const tab = this.tab(s, name);
        if (method === 'GET') return { range: m[2], values: trimGrid(tab.values) };
        if (method === 'PUT') {
          const start = cell ? Number(/\d+/.exec(cell)?.[0] ?? '1') - 1 : 0;
          const rows = (body as sheets_v4.Schema$ValueRange).values ?? [];
          rows.forEach((row, i) => {
            tab.values[start + i] = [...row];
          });
          return { updatedRows: rows.length };
        }
      }
      if ((m = /^\/v4\/spreadsheets\/([\w-]+)$/.exec(path)) && method === 'GET') return this.describe(this.sheet(m[1]));
    }
    if (url.host === 'www.googleapis.com' && path.startsWith('/drive/v3/files/')) {
      if ((m = /^\/drive\/v3\/files\/([\w-]+)\/permissions$/.exec(path))) {
        const f = this.file(m[1]);
        if (method === 'GET') return { permissions: f.permissions };
        if (method === 'POST') {
          const p = body as drive_v3.Schema$Permission;
          const id = p.type === 'anyone' ? 'anyoneWithLink' : this.id('perm');
          f.permissions = f.permissions.filter((x) => x.id !== id).concat({ ...p, id });
          return { id };
        }
      }
      if ((m = /^\/drive\/v3\/files\/([\w-]+)\/permissions\/([\w-]+)$/.exec(path)) && method === 'PATCH') {
        const f = this.file(m[1]);
        const p = f.permissions.find((x) => x.id === m![2]);
        if (!p) throw new GoogleError(404, `Permission not found: ${m[2]}.`);
        Object.assign(p, body);
        return p;
      }
      if ((m = /^\/drive\/v3\/files\/([\w-]+)$/.exec(path))) {
        const f = this.file(m[1]);
        if (method === 'PATCH') Object.assign(f, body);
        const { permissions: _p, ...rest } = f;
        return rest;
      }
    }
    if (url.host === 'script.googleapis.com') {
      if (method === 'POST' && path === '/v1/projects') {
        const req = body as script_v1.Schema$CreateProjectRequest;
        if (req.parentId && !this.files.has(req.parentId)) throw new GoogleError(404, 'Requested entity was not found.');
        const scriptId = this.id('script');
        this.scripts.set(scriptId, { title: req.title ?? '', parentId: req.parentId ?? undefined, files: [], versions: 0, deployments: [] });
        return { scriptId, title: req.title, parentId: req.parentId };
      }
      if ((m = /^\/v1\/projects\/([\w-]+)\/content$/.exec(path)) && method === 'PUT') {
        const p = this.project(m[1]);
        const files = (body as script_v1.Schema$Content).files ?? [];
        if (!files.some((f) => f.type === 'JSON' && f.name === 'appsscript')) throw new GoogleError(400, 'Script project must contain a manifest file named appsscript.');
        p.files = files;
        return { scriptId: m[1], files };
      }
      if ((m = /^\/v1\/projects\/([\w-]+)\/versions$/.exec(path)) && method === 'POST') {
        const p = this.project(m[1]);
        p.versions++;
        return { scriptId: m[1], versionNumber: p.versions };
      }
      if ((m = /^\/v1\/projects\/([\w-]+)\/deployments$/.exec(path)) && method === 'POST') {
        const p = this.project(m[1]);
        const deploymentId = this.id('AKfy');
        p.deployments.push(deploymentId);
        return { deploymentId };
      }
      if ((m = /^\/v1\/scripts\/([\w-]+):run$/.exec(path)) && method === 'POST') {
        const req = body as script_v1.Schema$ExecutionRequest;
        if (![...this.scripts.values()].some((p) => p.deployments.includes(m![1]))) throw new GoogleError(404, 'Requested entity was not found.');
        return this.runHandler(req.function ?? '', req.parameters ?? [], this);
      }
    }
    throw new GoogleError(404, `Fake Google: no route for ${method} ${url.host}${path}`);
  }

  private sheet(id: string): FakeSpreadsheet {
    const s = this.spreadsheets.get(id);
    if (!s || this.files.get(id)?.trashed) throw new GoogleError(404, 'Requested entity was not found.');
    return s;
  }

  private file(id: string) {
    const f = this.files.get(id);
    if (!f) throw new GoogleError(404, `File not found: ${id}.`);
    return f;
  }

  private project(id: string) {
    const p = this.scripts.get(id);
    if (!p) throw new GoogleError(404, 'Requested entity was not found.');
    return p;
  }

  tab(s: FakeSpreadsheet, a1: string): FakeSheet {
    const name = a1.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    const tab = s.sheets.find((t) => t.properties.title === name);
    if (!tab) throw new GoogleError(400, `Unable to parse range: ${a1}`);
    return tab;
  }

  createSpreadsheet(body: sheets_v4.Schema$Spreadsheet): sheets_v4.Schema$Spreadsheet {
    const id = this.id('sheet');
    const s: FakeSpreadsheet = {
      id,
      properties: { title: body.properties?.title ?? 'Sans titre', locale: body.properties?.locale ?? 'en_US', timeZone: body.properties?.timeZone ?? 'America/Los_Angeles' },
      sheets: [newSheet(0, 'Feuille 1', 0)],
    };
    this.spreadsheets.set(id, s);
    this.files.set(id, { id, name: s.properties.title, mimeType: 'application/vnd.google-apps.spreadsheet', trashed: false, copyRequiresWriterPermission: false, permissions: [] });
    return this.describe(s);
  }

  describe(s: FakeSpreadsheet): sheets_v4.Schema$Spreadsheet {
    return {
      spreadsheetId: s.id,
      properties: { ...s.properties },
      sheets: s.sheets.map((t) => ({
        properties: JSON.parse(JSON.stringify(t.properties)) as sheets_v4.Schema$SheetProperties,
        conditionalFormats: t.rules,
        protectedRanges: t.protections,
      })),
    };
  }

  private batchUpdate(s: FakeSpreadsheet, body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest): sheets_v4.Schema$BatchUpdateSpreadsheetResponse {
    // Google applies a batch atomically: work on a copy, commit at the end.
    const work: FakeSpreadsheet = JSON.parse(JSON.stringify(s)) as FakeSpreadsheet;
    const replies: sheets_v4.Schema$Response[] = [];
    (body.requests ?? []).forEach((r, i) => {
      try {
        replies.push(applyRequest(work, r));
      } catch (e) {
        if (e instanceof GoogleError) throw new GoogleError(e.status, `Invalid requests[${i}].${Object.keys(r)[0]}: ${e.message}`);
        throw e;
      }
    });
    const cells = work.sheets.reduce((n, t) => n + t.properties.gridProperties.rowCount * t.properties.gridProperties.columnCount, 0);
    if (cells > MAX_CELLS) throw new GoogleError(400, `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    Object.assign(s, work);
    return { spreadsheetId: s.id, replies };
  }
}

function json(payload: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json; charset=UTF-8', ...headers } });
}

function newSheet(sheetId: number, title: string, index: number, rows = 1000, cols = 26): FakeSheet {
  return { properties: { sheetId, title, index, gridProperties: { rowCount: rows, columnCount: cols } }, values: [], rules: [], protections: [], validations: 0, formats: 0 };
}

function splitA1(a1: string): [string, string | undefined] {
  const m = /^('(?:[^']|'')*'|[^!]+)(?:!(.+))?$/.exec(a1);
  return m ? [m[1], m[2]] : [a1, undefined];
}

function trimGrid(values: unknown[][]): unknown[][] {
  const rows = values.map((r) => {
    const row = [...(r ?? [])];
    while (row.length > 0 && (row[row.length - 1] === '' || row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
    return row.map((v) => (v === undefined || v === null ? '' : v));
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function sheetById(s: FakeSpreadsheet, id: number | null | undefined): FakeSheet {
  const t = s.sheets.find((x) => x.properties.sheetId === id);
  if (!t) throw new GoogleError(400, `No grid with id: ${id}`);
  return t;
}

function checkRange(s: FakeSpreadsheet, r: sheets_v4.Schema$GridRange | undefined): FakeSheet {
  const t = sheetById(s, r?.sheetId ?? 0);
  const { rowCount, columnCount } = t.properties.gridProperties;
  if ((r?.endRowIndex ?? 0) > rowCount || (r?.endColumnIndex ?? 0) > columnCount || (r?.startRowIndex ?? 0) < 0 || (r?.startColumnIndex ?? 0) < 0) {
    throw new GoogleError(400, `Range (${t.properties.title}!R${(r?.startRowIndex ?? 0) + 1}C${(r?.startColumnIndex ?? 0) + 1}:R${r?.endRowIndex}C${r?.endColumnIndex}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
  }
  if ((r?.endRowIndex ?? 1) <= (r?.startRowIndex ?? 0) || (r?.endColumnIndex ?? 1) <= (r?.startColumnIndex ?? 0)) throw new GoogleError(400, 'Empty range.');
  return t;
}

function checkFrozen(t: FakeSheet): void {
  const g = t.properties.gridProperties;
  if ((g.frozenRowCount ?? 0) >= g.rowCount) throw new GoogleError(400, "You can't freeze all visible rows on the sheet.");
}

function applyRequest(s: FakeSpreadsheet, r: sheets_v4.Schema$Request): sheets_v4.Schema$Response {
  if (r.updateSpreadsheetProperties) {
    Object.assign(s.properties, r.updateSpreadsheetProperties.properties);
    return {};
  }
  if (r.addSheet) {
    const p = r.addSheet.properties ?? {};
    const title = p.title ?? `Feuille ${s.sheets.length + 1}`;
    if (s.sheets.some((t) => t.properties.title === title)) throw new GoogleError(400, `A sheet with the name "${title}" already exists. Please enter another name.`);
    const id = p.sheetId ?? Math.max(...s.sheets.map((t) => t.properties.sheetId)) + 1;
    if (s.sheets.some((t) => t.properties.sheetId === id)) throw new GoogleError(400, `Sheet with id ${id} already exists.`);
    const t = newSheet(id, title, p.index ?? s.sheets.length, p.gridProperties?.rowCount ?? 1000, p.gridProperties?.columnCount ?? 26);
    t.properties.gridProperties.frozenRowCount = p.gridProperties?.frozenRowCount ?? undefined;
    checkFrozen(t);
    s.sheets.splice(Math.min(t.properties.index, s.sheets.length), 0, t);
    s.sheets.forEach((x, i) => (x.properties.index = i));
    return { addSheet: { properties: t.properties } };
  }
  if (r.deleteSheet) {
    sheetById(s, r.deleteSheet.sheetId);
    if (s.sheets.length === 1) throw new GoogleError(400, "You can't remove all the sheets in a document.");
    s.sheets = s.sheets.filter((t) => t.properties.sheetId !== r.deleteSheet!.sheetId);
    s.sheets.forEach((x, i) => (x.properties.index = i));
    return {};
  }
  if (r.updateSheetProperties) {
    const p = r.updateSheetProperties.properties ?? {};
    const t = sheetById(s, p.sheetId);
    const fields = (r.updateSheetProperties.fields ?? '').split(',');
    if (!r.updateSheetProperties.fields) throw new GoogleError(400, "'fields' is required.");
    for (const f of fields) {
      if (f === 'gridProperties.rowCount') t.properties.gridProperties.rowCount = p.gridProperties?.rowCount ?? t.properties.gridProperties.rowCount;
      else if (f === 'gridProperties.columnCount') t.properties.gridProperties.columnCount = p.gridProperties?.columnCount ?? t.properties.gridProperties.columnCount;
      else if (f === 'gridProperties.frozenRowCount') t.properties.gridProperties.frozenRowCount = p.gridProperties?.frozenRowCount ?? 0;
      else if (f === 'tabColorStyle') t.properties.tabColorStyle = p.tabColorStyle ?? undefined;
      else throw new GoogleError(400, `Unknown field: ${f}`);
    }
    checkFrozen(t);
    return {};
  }
  if (r.updateCells) {
    const u = r.updateCells;
    const t = sheetById(s, u.start?.sheetId);
    const rows = u.rows ?? [];
    const row0 = u.start?.rowIndex ?? 0;
    const col0 = u.start?.columnIndex ?? 0;
    checkRange(s, { sheetId: t.properties.sheetId, startRowIndex: row0, endRowIndex: row0 + Math.max(1, rows.length), startColumnIndex: col0, endColumnIndex: col0 + Math.max(1, ...rows.map((x) => x.values?.length ?? 0)) });
    if (!u.fields) throw new GoogleError(400, "'fields' is required.");
    if (u.fields.includes('userEnteredValue')) {
      rows.forEach((row, i) =>
        (row.values ?? []).forEach((cell, j) => {
          const v = cell.userEnteredValue;
          const value = v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? v?.formulaValue ?? '';
          if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new GoogleError(400, `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
          const line = (t.values[row0 + i] ??= []);
          line[col0 + j] = value;
        }),
      );
    } else {
      t.formats++;
    }
    return {};
  }
  if (r.repeatCell) {
    checkRange(s, r.repeatCell.range);
    if (!r.repeatCell.fields) throw new GoogleError(400, "'fields' is required.");
    sheetById(s, r.repeatCell.range?.sheetId).formats++;
    return {};
  }
  if (r.setDataValidation) {
    const t = checkRange(s, r.setDataValidation.range);
    const c = r.setDataValidation.rule?.condition;
    if (c?.type === 'ONE_OF_RANGE') {
      const ref = String(c.values?.[0]?.userEnteredValue ?? '');
      const m = /^='((?:[^']|'')+)'!\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)$/.exec(ref);
      if (!m) throw new GoogleError(400, `Invalid ONE_OF_RANGE reference: ${ref}`);
      const source = s.sheets.find((x) => x.properties.title === m[1].replace(/''/g, "'"));
      if (!source) throw new GoogleError(400, `Unable to parse range: ${ref}`);
      if (Number(m[3]) > source.properties.gridProperties.rowCount) throw new GoogleError(400, `Range ${ref} exceeds grid limits.`);
    }
    if (r.setDataValidation.rule) t.validations++;
    return {};
  }
  if (r.addProtectedRange) {
    const p = r.addProtectedRange.protectedRange ?? {};
    const t = checkRange(s, p.range ?? undefined);
    if (p.warningOnly && p.editors) throw new GoogleError(400, 'Cannot set editors on a warning-only protected range.');
    const id = 1000 + s.sheets.reduce((n, x) => n + x.protections.length, 0) + Math.floor(Math.random() * 1e6);
    t.protections.push({ ...p, protectedRangeId: id });
    return { addProtectedRange: { protectedRange: { ...p, protectedRangeId: id } } };
  }
  if (r.deleteProtectedRange) {
    const id = r.deleteProtectedRange.protectedRangeId;
    const t = s.sheets.find((x) => x.protections.some((p) => p.protectedRangeId === id));
    if (!t) throw new GoogleError(400, `No protected range with id: ${id}`);
    t.protections = t.protections.filter((p) => p.protectedRangeId !== id);
    return {};
  }
  if (r.addConditionalFormatRule) {
    const rule = r.addConditionalFormatRule.rule ?? {};
    const ranges = rule.ranges ?? [];
    if (ranges.length === 0) throw new GoogleError(400, 'A conditional format rule needs a range.');
    const t = checkRange(s, ranges[0]);
    const index = r.addConditionalFormatRule.index ?? t.rules.length;
    if (index > t.rules.length) throw new GoogleError(400, `Invalid index: ${index}`);
    t.rules.splice(index, 0, rule);
    return {};
  }
  if (r.deleteConditionalFormatRule) {
    const t = sheetById(s, r.deleteConditionalFormatRule.sheetId);
    const index = r.deleteConditionalFormatRule.index ?? -1;
    if (index < 0 || index >= t.rules.length) throw new GoogleError(400, `No conditional format on sheet ${t.properties.sheetId} at index ${index}`);
    t.rules.splice(index, 1);
    return {};
  }
  if (r.updateDimensionProperties) {
    const range = r.updateDimensionProperties.range;
    const t = sheetById(s, range?.sheetId);
    const max = range?.dimension === 'COLUMNS' ? t.properties.gridProperties.columnCount : t.properties.gridProperties.rowCount;
    if ((range?.endIndex ?? 0) > max) throw new GoogleError(400, `Invalid dimension range: end index ${range?.endIndex} exceeds ${max}.`);
    return {};
  }
  throw new GoogleError(400, `Fake Google: unsupported request ${Object.keys(r).join(',')}`);
}
