/**
 * `npm run deploy:google`: creates (first run) or updates (later runs) the
 * template spreadsheet a chargé·e de mission copies to get the add-on without
 * a terminal:
 *
 * 1. the spreadsheet (Sheets API), its id saved at once in the state file;
 * 2. the workbook installed in it (sheets-install.ts explains why through the
 *    Sheets API rather than the script itself);
 * 3. its bound script (Apps Script API `projects.create` with the spreadsheet
 *    as parent), id saved at once, then its content replaced by dist/;
 * 4. shared read-only with anyone who has the link (Drive), which is what a
 *    `/copy` link needs; an existing wider "anyone" permission is narrowed;
 * 5. the copy link printed and saved.
 *
 * Each step reads what exists before acting, so a run interrupted anywhere
 * resumes without creating a twin, and a second run changes nothing but the
 * script's content and whatever the schema added.
 */
import type { sheets_v4 } from 'googleapis';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';
import type { Grid } from '../../domain/table/cell';
import { GoogleCallError, type GoogleApis, type GoogleCaller } from './api';
import type { ScriptFile } from './script-files';
import { batches, installRequests, layoutFromSpreadsheet, quoteSheet, tabsToRead, WORKBOOK_LOCALE, WORKBOOK_TIME_ZONE } from './sheets-install';
import type { StateStore, TemplateState } from './state';

const M = DEPLOY_MESSAGES;
const OP = M.op;

export interface DeployDeps {
  readonly apis: GoogleApis;
  readonly caller: GoogleCaller;
  readonly state: StateStore;
  readonly files: readonly ScriptFile[];
  readonly version: string;
  readonly log: (line: string) => void;
}

export interface DeployResult {
  readonly spreadsheetId: string;
  readonly scriptId: string;
  readonly copyLink: string;
  readonly created: boolean;
}

export const copyLink = (spreadsheetId: string) => `https://docs.google.com/spreadsheets/d/${spreadsheetId}/copy`;
export const editLink = (spreadsheetId: string) => `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;

/** Fields the install reads: sheet sizes, rule counts, protections' descriptions. */
const LAYOUT_FIELDS =
  'properties(locale,timeZone),sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount,frozenRowCount)),conditionalFormats(booleanRule(condition(type))),protectedRanges(protectedRangeId,description))';

export async function deployTemplate(deps: DeployDeps): Promise<DeployResult> {
  const { apis, caller, log } = deps;
  let state: TemplateState = deps.state.read();
  const save = (patch: Partial<TemplateState>) => {
    state = { ...state, ...patch };
    deps.state.write(state);
  };
  const title = M.deploy.templateTitle(deps.version);

  // 1. The spreadsheet.
  let spreadsheetId = state.spreadsheetId;
  let placeholderSheetId = state.placeholderSheetId;
  const created = !spreadsheetId;
  if (spreadsheetId) {
    const id = spreadsheetId;
    log(M.deploy.updating(id));
    const file = await caller
      .call({ what: OP.checkFile, idempotent: true }, () => apis.drive.files.get({ fileId: id, fields: 'id,name,trashed,copyRequiresWriterPermission' }))
      .catch((e: unknown) => {
        if (e instanceof GoogleCallError && e.status === 404) throw new GoogleCallError(M.state.templateGone(deps.state.path, id), 404, 'templateGone');
        throw e;
      });
    if (file.trashed) throw new GoogleCallError(M.state.templateGone(deps.state.path, id), 404, 'templateGone');
    const fix: { name?: string; copyRequiresWriterPermission?: boolean } = {};
    if (file.name !== title) fix.name = title;
    // Readers could not make their copy.
    if (file.copyRequiresWriterPermission) fix.copyRequiresWriterPermission = false;
    if (Object.keys(fix).length > 0) {
      await caller.call({ what: OP.checkFile, idempotent: true }, () => apis.drive.files.update({ fileId: id, requestBody: fix, fields: 'id' }));
    }
  } else {
    log(M.deploy.creating);
    const sheet = await caller.call({ what: OP.createSpreadsheet, idempotent: false }, () =>
      apis.sheets.spreadsheets.create({
        requestBody: { properties: { title, locale: WORKBOOK_LOCALE, timeZone: WORKBOOK_TIME_ZONE } },
        fields: 'spreadsheetId,sheets(properties(sheetId,title))',
      }),
    );
    if (!sheet.spreadsheetId) throw new GoogleCallError(M.api.other(OP.createSpreadsheet, '?', 'spreadsheetId absent'), undefined, 'noId');
    spreadsheetId = sheet.spreadsheetId;
    placeholderSheetId = sheet.sheets?.[0]?.properties?.sheetId ?? undefined;
    save({ spreadsheetId, scriptId: undefined, copyLink: undefined, placeholderSheetId });
  }

  // 2. The workbook.
  await installTemplate(apis, caller, spreadsheetId, placeholderSheetId, log);
  if (placeholderSheetId !== undefined) save({ placeholderSheetId: undefined });

  // 3. The bound script and its content.
  let scriptId = state.scriptId;
  if (!scriptId) {
    const parentId = spreadsheetId;
    const project = await caller.call({ what: OP.createScript, idempotent: false }, () =>
      apis.script.projects.create({ requestBody: { title: 'Cap Circulaire', parentId } }),
    );
    if (!project.scriptId) throw new GoogleCallError(M.api.other(OP.createScript, '?', 'scriptId absent'), undefined, 'noId');
    scriptId = project.scriptId;
    save({ scriptId });
    log(M.deploy.scriptCreated(scriptId));
  }
  const sid = scriptId;
  await caller.call({ what: OP.pushScript, idempotent: true }, () =>
    apis.script.projects.updateContent({ scriptId: sid, requestBody: { files: deps.files.map((f) => ({ ...f })) } }),
  );
  log(M.deploy.pushed(deps.files.map((f) => f.name)));

  // 4. Read-only to anyone with the link.
  await shareReadOnly(apis, caller, spreadsheetId, log);

  // 5. The link.
  const link = copyLink(spreadsheetId);
  save({ copyLink: link });
  log(M.deploy.done(link));
  log(M.deploy.editLink(editLink(spreadsheetId)));
  return { spreadsheetId, scriptId, copyLink: link, created };
}

/** Reads the spreadsheet, plans the install as the add-on would, sends it. Returns the number of requests sent. */
export async function installTemplate(
  apis: GoogleApis,
  caller: GoogleCaller,
  spreadsheetId: string,
  placeholderSheetId: number | undefined,
  log: (line: string) => void,
): Promise<number> {
  const spreadsheet = await caller.call({ what: OP.readTemplate, idempotent: true }, () => apis.sheets.spreadsheets.get({ spreadsheetId, fields: LAYOUT_FIELDS }));
  const titles = (spreadsheet.sheets ?? []).map((s) => s.properties?.title ?? '');
  const toRead = tabsToRead(titles);
  const grids = new Map<string, Grid>();
  if (toRead.length > 0) {
    const got = await caller.call({ what: OP.readValues, idempotent: true }, () =>
      apis.sheets.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: toRead.map(quoteSheet),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      }),
    );
    toRead.forEach((name, i) => grids.set(name, toGrid(got.valueRanges?.[i])));
  }
  const { plan, requests } = installRequests(layoutFromSpreadsheet(spreadsheet, grids, placeholderSheetId));
  for (const batch of batches(requests)) {
    // Not idempotent (addSheet): after a 5xx the next run re-plans from what exists.
    await caller.call({ what: OP.install, idempotent: false }, () => apis.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: batch } }));
  }
  log(M.deploy.installed(plan.create.length, requests.length));
  return requests.length;
}

function toGrid(range: sheets_v4.Schema$ValueRange | undefined): Grid {
  return (range?.values ?? []).map((row) => (row as unknown[]).map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null)));
}

async function shareReadOnly(apis: GoogleApis, caller: GoogleCaller, fileId: string, log: (line: string) => void): Promise<void> {
  const list = await caller.call({ what: OP.listPermissions, idempotent: true }, () =>
    apis.drive.permissions.list({ fileId, fields: 'permissions(id,type,role,allowFileDiscovery)' }),
  );
  const anyone = (list.permissions ?? []).filter((p) => p.type === 'anyone');
  const reader = anyone.find((p) => p.role === 'reader');
  // A wider "anyone" role (commenter, writer) would let strangers change the template: narrowed to reader.
  for (const p of anyone) {
    if (p === reader || !p.id) continue;
    const permissionId = p.id;
    await caller.call({ what: OP.share, idempotent: true }, () => apis.drive.permissions.update({ fileId, permissionId, requestBody: { role: 'reader' } }));
  }
  if (reader || anyone.length > 0) {
    log(M.deploy.alreadyShared);
    return;
  }
  await caller.call({ what: OP.share, idempotent: true }, () =>
    apis.drive.permissions.create({ fileId, requestBody: { type: 'anyone', role: 'reader', allowFileDiscovery: false }, fields: 'id' }),
  );
  log(M.deploy.shared);
}
