/**
 * `npm run e2e:google`: the add-on against real Google, for maintainers.
 *
 * It works on its own spreadsheet and bound script (never the public
 * template), remembered in the state file under `e2e`, built from the same
 * dist/ (manifest, sidebar) with Code.js replaced by the harness bundle: the
 * same src/gas handlers plus `capE2e`, which runs a menu handler with a
 * scripted Ui (scripts/google/e2e-ui-shim.ts) since a script run through the
 * API has no browser to show an alert in.
 *
 * Google runs a function through the API (`scripts.run`) only when the
 * script is deployed as an API executable and belongs to the caller's
 * standard Cloud project
 * (https://developers.google.com/apps-script/api/how-tos/execute): the
 * deployment is created here once, the project switch is a manual step the
 * first run explains. Each run then pushes the current build, resets the
 * spreadsheet, and goes through the menu as a project lead would: install,
 * two services, their rows, Vérifier, Consolider, scores, TeT export with an
 * empty then a filled plan, the deck and the documents; after each step it
 * reads back what Google holds (tabs, rows, Journal links, files in Drive).
 */
import type { sheets_v4 } from 'googleapis';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';
import { gasMessages } from '../../domain/messages/gas';
import { SERVICE_TAB, SERVICE_TAB_PREFIX, TAB, TABS, tableSection } from '../../domain/schema/tabs';
import type { TableSectionSpec } from '../../domain/schema/types';
import type { Grid } from '../../domain/table/cell';
import { locateTable } from '../../domain/table/locate';
import { GoogleCallError, type GoogleApis, type GoogleCaller } from './api';
import { editLink } from './deploy';
import type { ScriptFile } from './script-files';
import { quoteSheet } from './sheets-install';
import type { E2eState, StateStore, TemplateState } from './state';

const M = DEPLOY_MESSAGES.e2e;
const OP = DEPLOY_MESSAGES.op;

/** What `capE2e` returns from Apps Script. */
export interface HarnessResult {
  readonly ok: boolean;
  readonly ms?: number;
  readonly error?: string;
  readonly alerts: readonly string[];
  readonly prompts: readonly string[];
  readonly sidebars: number;
  readonly dialogs: number;
}

export interface E2eDeps {
  readonly apis: GoogleApis;
  readonly caller: GoogleCaller;
  readonly state: StateStore;
  /** dist/ as built: the manifest and the HTML are pushed as they are. */
  readonly files: readonly ScriptFile[];
  /** The harness bundle (scripts/google/build-harness.mjs), pushed as Code. */
  readonly harness: string;
  readonly log: (line: string) => void;
}

export interface StepResult {
  readonly label: string;
  readonly ok: boolean;
  readonly details: string[];
}

export const E2E_TITLE = 'Cap Circulaire – essai de bout en bout';
export const SERVICES = ['Déchets', 'Commande publique'] as const;
/** Rows typed in each service tab, by column key of the service table. */
export const SERVICE_ROWS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { intitule: 'Collecte des biodéchets', description: 'Tri à la source des biodéchets des ménages', temporalite: 'En cours', debut: '03/04/2025', budget: '12 500' },
  { intitule: 'Recyclerie intercommunale', description: 'Réemploi des objets apportés en déchèterie', temporalite: 'Prévue', budget: '80 000' },
  { intitule: 'Clauses d’économie circulaire', description: 'Critères de réemploi dans les marchés publics', temporalite: 'Prévue' },
];
export const PLAN_ROWS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { numero: '1', axe: '1. Prévenir et réemployer', titre: 'Recyclerie intercommunale', descriptif: 'Ouvrir une recyclerie', financeur1: 'ADEME', montant1: '40 000' },
  { numero: '2', axe: '2. Acheter responsable', titre: 'Clauses d’économie circulaire', descriptif: 'Clauses dans les marchés' },
];

/** Manifest of the live check's script: the add-on's, runnable through the API by its owner only. */
export function e2eManifest(manifest: string): string {
  const json = JSON.parse(manifest) as Record<string, unknown>;
  return JSON.stringify({ ...json, executionApi: { access: 'MYSELF' } }, null, 2);
}

export function e2eFiles(files: readonly ScriptFile[], harness: string): ScriptFile[] {
  return files.map((f) =>
    f.type === 'JSON' && f.name === 'appsscript' ? { ...f, source: e2eManifest(f.source) } : f.type === 'SERVER_JS' && f.name === 'Code' ? { ...f, source: harness } : f,
  );
}

const UNEXPECTED = gasMessages.unexpectedError('').split(':')[0];

export async function runE2e(deps: E2eDeps): Promise<{ ok: boolean; steps: StepResult[] }> {
  const { apis, caller, log } = deps;
  const steps: StepResult[] = [];
  const labels = M.steps;
  const total = Object.keys(labels).length;
  log(M.title);

  let state: TemplateState = deps.state.read();
  const saveE2e = (patch: Partial<E2eState>) => {
    state = { ...state, e2e: { ...state.e2e, ...patch } };
    deps.state.write(state);
  };

  // The bench: spreadsheet, bound script, API-executable deployment (created once).
  const files = e2eFiles(deps.files, deps.harness);
  let bench = state.e2e ?? {};
  if (!bench.spreadsheetId) {
    log(M.creatingBench);
    const sheet = await caller.call({ what: OP.createSpreadsheet, idempotent: false }, () => apis.sheets.spreadsheets.create({ requestBody: { properties: { title: E2E_TITLE } }, fields: 'spreadsheetId' }));
    saveE2e({ spreadsheetId: sheet.spreadsheetId ?? undefined, scriptId: undefined, deploymentId: undefined });
    bench = state.e2e ?? {};
  }
  const spreadsheetId = bench.spreadsheetId!;
  log(M.bench(editLink(spreadsheetId)));
  if (!bench.scriptId) {
    const project = await caller.call({ what: OP.createScript, idempotent: false }, () => apis.script.projects.create({ requestBody: { title: E2E_TITLE, parentId: spreadsheetId } }));
    saveE2e({ scriptId: project.scriptId ?? undefined, deploymentId: undefined });
    bench = state.e2e ?? {};
  }
  const scriptId = bench.scriptId!;

  // Step: reset and push.
  const reset: StepResult = { label: labels.reset, ok: true, details: [] };
  await caller.call({ what: OP.pushScript, idempotent: true }, () => apis.script.projects.updateContent({ scriptId, requestBody: { files } }));
  if (!bench.deploymentId) {
    const version = await caller.call({ what: OP.createVersion, idempotent: false }, () => apis.script.projects.versions.create({ scriptId, requestBody: { description: E2E_TITLE } }));
    const deployment = await caller.call({ what: OP.deployment, idempotent: false }, () =>
      apis.script.projects.deployments.create({ scriptId, requestBody: { versionNumber: version.versionNumber ?? 1, manifestFileName: 'appsscript', description: E2E_TITLE } }),
    );
    saveE2e({ deploymentId: deployment.deploymentId ?? undefined });
    bench = state.e2e ?? {};
  }
  const deploymentId = bench.deploymentId!;
  await resetSpreadsheet(apis, caller, spreadsheetId);
  reset.details.push(M.bench(editLink(spreadsheetId)));

  const run = async (fn: string, parameters: unknown[] = []): Promise<HarnessResult> => {
    const res = await caller
      .call({ what: OP.run(fn), idempotent: false }, () => apis.script.scripts.run({ scriptId: deploymentId, requestBody: { function: fn, parameters, devMode: true } }))
      .catch((e: unknown) => {
        if (e instanceof GoogleCallError && (e.status === 403 || e.status === 404)) {
          throw new GoogleCallError(`${M.callerProjectMismatch}\n${M.needsGcpProject(`https://script.google.com/d/${scriptId}/edit`)}`, e.status, 'gcpProject');
        }
        throw e;
      });
    if (res.error) {
      const detail = (res.error.details?.[0] as { errorMessage?: string } | undefined)?.errorMessage ?? res.error.message ?? '?';
      throw new Error(M.scriptError(fn, detail));
    }
    return ((res.response as { result?: HarnessResult } | undefined)?.result ?? { ok: true, alerts: [], prompts: [], sidebars: 0, dialogs: 0 }) as HarnessResult;
  };
  await run('capE2eReset');
  steps.push(reset);
  log(M.step(1, total, reset.label));
  log(M.ok(reset.details.join(' ; ')));

  const readTab = async (name: string): Promise<Grid> => {
    const got = await caller.call({ what: OP.readBack, idempotent: true }, () =>
      apis.sheets.spreadsheets.values.get({ spreadsheetId, range: quoteSheet(name), valueRenderOption: 'FORMATTED_VALUE' }),
    );
    return (got.values ?? []) as Grid;
  };
  const sheetTitles = async (id = spreadsheetId): Promise<string[]> => {
    const got = await caller.call({ what: OP.readBack, idempotent: true }, () => apis.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets(properties(title))' }));
    return (got.sheets ?? []).map((s) => s.properties?.title ?? '');
  };
  const writeRows = async (tab: string, section: TableSectionSpec, rows: ReadonlyArray<Readonly<Record<string, string>>>) => {
    const located = locateTable(await readTab(tab), section);
    if (!located) throw new Error(M.missingServiceTab(tab));
    const width = Math.max(...located.columns.values()) + 1;
    const values = rows.map((r) => Array.from({ length: width }, (_, c) => [...located.columns].find(([, i]) => i === c)?.[0]).map((key) => (key && r[key]) ?? ''));
    await caller.call({ what: OP.writeCells, idempotent: true }, () =>
      apis.sheets.spreadsheets.values.update({
        spreadsheetId,
        range: `${quoteSheet(tab)}!A${located.headerRow + 2}`,
        valueInputOption: 'USER_ENTERED',
        requestBody: { values },
      }),
    );
  };
  const lastJournalLink = async (): Promise<string | undefined> => {
    const grid = await readTab(TAB.journal);
    const located = locateTable(grid, tableSection(TAB.journal, 'journal'));
    const col = located?.columns.get('lien');
    if (!located || col === undefined) return undefined;
    for (let r = grid.length - 1; r > located.headerRow; r--) {
      const v = grid[r]?.[col];
      if (typeof v === 'string' && /^https:\/\//.test(v)) return v;
    }
    return undefined;
  };
  const fileOf = async (url: string) => {
    const id = /\/d\/([\w-]+)/.exec(url)?.[1] ?? '';
    return caller.call({ what: OP.readBack, idempotent: true }, () => apis.drive.files.get({ fileId: id, fields: 'id,name,mimeType' }));
  };

  /** Runs one menu handler and checks what the user saw. */
  const menu = async (step: StepResult, handler: string, answers: string[] = [], select?: { sheet: string; row: number }) => {
    const r = await run('capE2e', [handler, answers, ...(select ? [select] : [])]);
    if (!r.ok) fail(step, M.scriptError(handler, r.error ?? '?'));
    for (const a of r.alerts) {
      if (a.includes(UNEXPECTED)) fail(step, M.alert(a));
      else step.details.push(M.alert(a.length > 160 ? `${a.slice(0, 157)}…` : a));
    }
    return r;
  };
  const fail = (step: StepResult, detail: string) => {
    (step as { ok: boolean }).ok = false;
    step.details.push(M.failed(detail));
  };

  const generated = async (step: StepResult, handler: string, kind: 'presentation' | 'document' | 'spreadsheet', select?: { sheet: string; row: number }) => {
    const before = await lastJournalLink();
    await menu(step, handler, [], select);
    const link = await lastJournalLink();
    if (!link || link === before) return fail(step, M.noJournalLink(step.label));
    const file = await fileOf(link);
    if (!String(file.mimeType ?? '').endsWith(kind)) fail(step, M.fileFound(file.name ?? '?', file.mimeType ?? '?'));
    else step.details.push(M.fileFound(file.name ?? '?', file.mimeType ?? '?'));
    return link;
  };

  const scenario: Array<[string, (s: StepResult) => Promise<void>]> = [
    [
      labels.install,
      async (s) => {
        await menu(s, 'runInstall');
        const titles = await sheetTitles();
        const missing = TABS.map((t) => t.name).filter((n) => !titles.includes(n));
        if (missing.length > 0) fail(s, M.expectTabs(missing));
        else s.details.push(M.tabsOk(TABS.length));
      },
    ],
    [
      labels.addServices,
      async (s) => {
        for (const name of SERVICES) await menu(s, 'runAddService', [name, '$me']);
        const titles = await sheetTitles();
        const tabs = SERVICES.map((n) => `${SERVICE_TAB_PREFIX}${n}`);
        for (const t of tabs) if (!titles.includes(t)) fail(s, M.missingServiceTab(t));
        s.details.push(M.serviceTabs(titles.filter((t) => t.startsWith(SERVICE_TAB_PREFIX))));
      },
    ],
    [
      labels.fill,
      async (s) => {
        const section = SERVICE_TAB.sections[0] as TableSectionSpec;
        for (const name of SERVICES) await writeRows(`${SERVICE_TAB_PREFIX}${name}`, section, SERVICE_ROWS);
        await writeRows(TAB.instances, tableSection(TAB.instances, 'instances'), [{ numero: '1', date: '12/05/2025', intitule: 'Comité de pilotage de lancement' }]);
        s.details.push(M.filled(SERVICES.length * SERVICE_ROWS.length));
      },
    ],
    [labels.validate, async (s) => void (await menu(s, 'runValidate'))],
    [
      labels.consolidate,
      async (s) => {
        await menu(s, 'runConsolidate');
        const grid = await readTab(TAB.actions);
        const section = tableSection(TAB.actions, TABS.find((t) => t.name === TAB.actions)!.sections[0].id);
        const located = locateTable(grid, section);
        const col = located?.columns.get('intitule');
        const n = located && col !== undefined ? grid.slice(located.headerRow + 1).filter((r) => String(r[col] ?? '').trim() !== '').length : 0;
        const expected = SERVICES.length * SERVICE_ROWS.length;
        if (n !== expected) fail(s, M.actions(n, expected));
        else s.details.push(M.actions(n, expected));
      },
    ],
    [labels.scores, async (s) => void (await menu(s, 'runCalculerScores'))],
    [
      labels.exportEmpty,
      async (s) => {
        const link = await generated(s, 'runExportTet', 'spreadsheet');
        if (link) s.details.push(M.exportRows(await sheetTitles(/\/d\/([\w-]+)/.exec(link)?.[1] ?? '')));
      },
    ],
    [
      labels.fillPlan,
      async (s) => {
        await writeRows(TAB.planActions, tableSection(TAB.planActions, 'planActions'), PLAN_ROWS);
        s.details.push(M.filled(PLAN_ROWS.length));
      },
    ],
    [
      labels.exportFull,
      async (s) => {
        const link = await generated(s, 'runExportTet', 'spreadsheet');
        if (link) s.details.push(M.exportRows(await sheetTitles(/\/d\/([\w-]+)/.exec(link)?.[1] ?? '')));
      },
    ],
    [labels.copil, async (s) => void (await generated(s, 'runGenererCopil', 'presentation'))],
    [labels.afom, async (s) => void (await generated(s, 'runGenererAfom', 'document'))],
    [labels.audit, async (s) => void (await generated(s, 'runGenererAudit', 'document'))],
    [
      labels.bilan,
      async (s) => {
        // The handler reads the row under the cursor: the Instances row written above (1-based row).
        const located = locateTable(await readTab(TAB.instances), tableSection(TAB.instances, 'instances'));
        await generated(s, 'runGenererBilan', 'document', { sheet: TAB.instances, row: (located?.headerRow ?? 0) + 2 });
      },
    ],
  ];

  for (const [label, body] of scenario) {
    const step: StepResult = { label, ok: true, details: [] };
    log(M.step(steps.length + 1, total, label));
    try {
      await body(step);
    } catch (e) {
      if (e instanceof GoogleCallError && e.reason === 'gcpProject') throw e;
      fail(step, e instanceof Error ? e.message : String(e));
    }
    for (const d of step.details) log(d.startsWith('  ') ? d : M.ok(d));
    steps.push(step);
  }

  const failed = steps.filter((s) => !s.ok).length;
  log(failed === 0 ? M.summaryOk(steps.length) : M.summaryFailed(failed, steps.length));
  return { ok: failed === 0, steps };
}

/** One blank sheet left: a new one is added, then every other deleted (Google refuses to delete the last sheet). */
async function resetSpreadsheet(apis: GoogleApis, caller: GoogleCaller, spreadsheetId: string): Promise<void> {
  const got = await caller.call({ what: OP.resetSheets, idempotent: true }, () => apis.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(sheetId,title))' }));
  const ids = (got.sheets ?? []).map((s) => s.properties?.sheetId).filter((id): id is number => typeof id === 'number');
  const fresh = Math.max(0, ...ids) + 1;
  const requests: sheets_v4.Schema$Request[] = [
    { addSheet: { properties: { sheetId: fresh, title: `Essai ${fresh}`, index: 0 } } },
    ...ids.map((sheetId) => ({ deleteSheet: { sheetId } })),
  ];
  await caller.call({ what: OP.resetSheets, idempotent: false }, () => apis.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
}
