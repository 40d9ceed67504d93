/**
 * `npm run e2e:google`'s orchestration on recorded exchanges: the bench is
 * created once (spreadsheet, bound script, API-executable deployment), each
 * run pushes the harness with dist/'s manifest and sidebar, resets the
 * spreadsheet, then runs the menu through scripts.run and reads back what
 * Google holds. The add-on's side of scripts.run is emulated here (the
 * harness itself is driven in node:vm in harness.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { script_v1, sheets_v4 } from 'googleapis';
import { SERVICE_TAB, SERVICE_TAB_PREFIX, TAB, tableSection } from '../../src/domain/schema/tabs';
import type { TableSectionSpec } from '../../src/domain/schema/types';
import type { Grid } from '../../src/domain/table/cell';
import { locateTable } from '../../src/domain/table/locate';
import { PLAN_ROWS, SERVICE_ROWS, type HarnessResult } from '../../src/node/google/e2e';
import { installRequests, layoutFromSpreadsheet } from '../../src/node/google/sheets-install';
import { FakeGoogle, type FakeSpreadsheet, type RunHandler } from './fake-google';
import { buildRoot, runMain, type BuiltRoot } from './support';

let built: BuiltRoot;
beforeAll(() => {
  built = buildRoot();
});
afterAll(() => built?.cleanup());

const HARNESS = '/* harness bundle */ function capE2e() {}';

interface Emulation {
  readonly calls: Array<{ fn: string; handler?: string; answers?: string[]; select?: { sheet: string; row: number }; spreadsheetId?: string }>;
  readonly handler: RunHandler;
}

/** What the add-on does inside Google for each menu handler, reduced to what the check reads back. */
function emulateAddon(google: FakeGoogle, overrides: Partial<Record<string, (bench: FakeSpreadsheet) => HarnessResult>> = {}): Emulation {
  const calls: Emulation['calls'] = [];
  const bench = () => [...google.spreadsheets.values()][0];
  const grid = (s: FakeSpreadsheet, tab: string) => (s.sheets.find((t) => t.properties.title === tab)?.values ?? []) as Grid;
  const sheetId = (s: FakeSpreadsheet, tab: string) => s.sheets.find((t) => t.properties.title === tab)!.properties.sheetId;
  const put = (s: FakeSpreadsheet, tab: string, row: number, col: number, values: string[][]) =>
    google.apply(s.id, [
      { updateCells: { start: { sheetId: sheetId(s, tab), rowIndex: row, columnIndex: col }, rows: values.map((r) => ({ values: r.map((v) => ({ userEnteredValue: { stringValue: v } })) })), fields: 'userEnteredValue' } },
    ]);
  const journal = (s: FakeSpreadsheet, command: string, link: string) => {
    const g = grid(s, TAB.journal);
    const located = locateTable(g, tableSection(TAB.journal, 'journal'))!;
    let row = located.headerRow + 1;
    while (g[row]?.some((v) => v !== '' && v !== undefined && v !== null)) row++;
    put(s, TAB.journal, row, located.columns.get('commande')!, [[command]]);
    put(s, TAB.journal, row, located.columns.get('lien')!, [[link]]);
  };
  const ok = (...alerts: string[]): HarnessResult => ({ ok: true, ms: 1200, alerts, prompts: [], sidebars: 0, dialogs: 0 });
  const file = (s: FakeSpreadsheet, command: string, kind: 'presentation' | 'document') => {
    const id = `${kind}-${google.files.size}`;
    google.files.set(id, { id, name: `${command} – essai`, mimeType: `application/vnd.google-apps.${kind}`, permissions: [] });
    journal(s, command, `https://docs.google.com/${kind}/d/${id}/edit`);
    return ok(`${command} — créé`);
  };
  const behaviour: Record<string, (s: FakeSpreadsheet, answers: string[]) => HarnessResult> = {
    runInstall: (s) => {
      const values = new Map(s.sheets.map((t) => [t.properties.title, t.values as Grid]));
      google.apply(s.id, installRequests(layoutFromSpreadsheet(google.describe(s), values)).requests);
      return ok('Installer ou mettre à jour le classeur — Le classeur a été mis à jour.');
    },
    runAddService: (s, answers) => {
      const title = `${SERVICE_TAB_PREFIX}${answers[0]}`;
      const id = Math.max(...s.sheets.map((t) => t.properties.sheetId)) + 1;
      google.apply(s.id, [{ addSheet: { properties: { sheetId: id, title } } }]);
      put(s, title, 0, 0, [(SERVICE_TAB.sections[0] as TableSectionSpec).columns.map((c) => c.header)]);
      return ok(`Ajouter un service — Onglet « ${title} » créé.`);
    },
    runValidate: () => ok('Vérifier les saisies — Aucune anomalie.'),
    runConsolidate: (s) => {
      const section = SERVICE_TAB.sections[0] as TableSectionSpec;
      const rows: string[][] = [];
      for (const t of s.sheets.filter((x) => x.properties.title.startsWith(SERVICE_TAB_PREFIX))) {
        const located = locateTable(t.values as Grid, section)!;
        const col = located.columns.get('intitule')!;
        for (const r of (t.values as Grid).slice(located.headerRow + 1)) if (r?.[col]) rows.push([String(r[col])]);
      }
      const actions = locateTable(grid(s, TAB.actions), tableSection(TAB.actions, 'actions'))!;
      put(s, TAB.actions, actions.headerRow + 1, actions.columns.get('intitule')!, rows);
      return ok(`Consolider les services — ${rows.length} actions consolidées.`);
    },
    runCalculerScores: () => ok('Calculer les scores — score réalisé 0 %'),
    runExportTet: (s) => {
      const created = google.createSpreadsheet({ properties: { title: 'Export TeT' } });
      // TeT's import layout: two header rows, then one row per fiche of Plan d'actions.
      const plan = locateTable(grid(s, TAB.planActions), tableSection(TAB.planActions, 'planActions'))!;
      const titre = plan.columns.get('titre')!;
      const fiches = grid(s, TAB.planActions).slice(plan.headerRow + 1).filter((r) => r?.[titre]).map((r) => [String(r[titre])]);
      google.apply(created.spreadsheetId!, [
        { addSheet: { properties: { title: 'Référentiel' } } },
        { updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [['Plan'], ['Titre de l’action'], ...fiches].map((r) => ({ values: r.map((v) => ({ userEnteredValue: { stringValue: v } })) })), fields: 'userEnteredValue' } },
      ]);
      journal(s, 'Export Territoires en Transitions', `https://docs.google.com/spreadsheets/d/${created.spreadsheetId}/edit`);
      return ok('Export Territoires en Transitions — fichier créé.');
    },
    runGenererCopil: (s) => file(s, 'Présentation COPIL', 'presentation'),
    runGenererAfom: (s) => file(s, 'Document AFOM', 'document'),
    runGenererAudit: (s) => file(s, 'Dossier d’audit', 'document'),
    runGenererBilan: (s) => file(s, 'Bilan d’une instance', 'document'),
  };
  const handler: RunHandler = (fn, parameters) => {
    if (fn === 'capE2eReset') {
      calls.push({ fn, spreadsheetId: parameters[0] as string });
      return { done: true, response: { result: null } };
    }
    const [name, answers, select, spreadsheetId] = parameters as [string, string[], { sheet: string; row: number } | null, string];
    calls.push({ fn, handler: name, answers, select: select ?? undefined, spreadsheetId });
    const s = bench();
    const result = overrides[name]?.(s) ?? behaviour[name](s, answers);
    return { done: true, response: { '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionResponse', result } } as script_v1.Schema$Operation;
  };
  return { calls, handler };
}

const e2e = (google: FakeGoogle, options: Parameters<typeof runMain>[3] = {}) => runMain('e2e', google, built.root, { harness: HARNESS, ...options });

describe('e2e:google orchestration', () => {
  it('creates the bench once, pushes the harness with dist/’s manifest (made API-executable) and sidebar, and walks the whole menu, reading back each result', async () => {
    const google = new FakeGoogle();
    const addon = emulateAddon(google);
    google.runHandler = addon.handler;
    const run = await e2e(google);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toContain('Essai réussi : 14 étapes vérifiées dans Google.');

    // The bench: created once, remembered apart from the public template.
    const bench = run.state.e2e!;
    expect(bench.spreadsheetId && bench.scriptId && bench.deploymentId).toBeTruthy();
    expect(run.state.spreadsheetId).toBeUndefined();
    const project = google.scripts.get(bench.scriptId!)!;
    expect(project.parentId).toBe(bench.spreadsheetId);
    expect(project.versions).toBe(1);
    expect(project.deployments).toEqual([bench.deploymentId]);

    // What was pushed: the harness as Code, dist/'s manifest plus executionApi, dist/'s sidebar.
    const byName = Object.fromEntries(project.files.map((f) => [f.name, f]));
    expect(byName.Code).toMatchObject({ type: 'SERVER_JS', source: HARNESS });
    const manifest = JSON.parse(built.dist['appsscript.json']) as { oauthScopes: string[] };
    expect(JSON.parse(byName.appsscript.source!)).toEqual({
      ...manifest,
      // openById: a run through the API has no active spreadsheet.
      oauthScopes: [...manifest.oauthScopes, 'https://www.googleapis.com/auth/spreadsheets'],
      executionApi: { access: 'MYSELF' },
    });
    expect(byName.sidebar.source).toBe(built.dist['sidebar.html']);

    // The menu, in the user's order, through scripts.run with devMode (the latest pushed code).
    expect(addon.calls.map((c) => c.handler ?? c.fn)).toEqual([
      'capE2eReset',
      'runInstall',
      'runAddService',
      'runAddService',
      'runValidate',
      'runConsolidate',
      'runCalculerScores',
      'runExportTet',
      'runExportTet',
      'runGenererCopil',
      'runGenererAfom',
      'runGenererAudit',
      'runGenererBilan',
    ]);
    expect(addon.calls.filter((c) => c.handler === 'runAddService').map((c) => c.answers)).toEqual([
      ['Déchets', '$me'],
      ['Commande publique', '$me'],
    ]);
    // Every run names the bench, which the script opens by id.
    expect(addon.calls.every((c) => c.spreadsheetId === bench.spreadsheetId)).toBe(true);
    const runs = google.exchanges.filter((e) => e.path.endsWith(':run'));
    expect(runs.every((e) => (e.body as script_v1.Schema$ExecutionRequest).devMode === true)).toBe(true);
    expect(runs.every((e) => e.path === `/v1/scripts/${bench.deploymentId}:run`)).toBe(true);

    // The bilan runs with the cursor on the Instances row typed in (1-based row under the header).
    const instances = locateTable(google.spreadsheets.get(bench.spreadsheetId!)!.sheets.find((t) => t.properties.title === TAB.instances)!.values as Grid, tableSection(TAB.instances, 'instances'))!;
    expect(addon.calls.at(-1)!.select).toEqual({ sheet: TAB.instances, row: instances.headerRow + 2 });

    // The services' rows are typed as a person would (USER_ENTERED), under the located header.
    const typed = google.exchanges.filter((e) => e.method === 'PUT' && e.path.includes('/values/'));
    expect(typed.map((e) => e.path.replace(/^.*\/values\//, ''))).toEqual([
      `'Service – Déchets'!A2`,
      `'Service – Commande publique'!A2`,
      `'Instances'!A${instances.headerRow + 2}`,
      `'Plan d''actions'!A${locateTable(google.spreadsheets.get(bench.spreadsheetId!)!.sheets.find((t) => t.properties.title === TAB.planActions)!.values as Grid, tableSection(TAB.planActions, 'planActions'))!.headerRow + 2}`,
    ]);
    expect(typed.every((e) => e.query.get('valueInputOption') === 'USER_ENTERED')).toBe(true);
    const first = (typed[0].body as sheets_v4.Schema$ValueRange).values!;
    expect(first.map((r) => r[1])).toEqual(['Collecte des biodéchets', 'Recyclerie intercommunale', 'Clauses d’économie circulaire']);

    // Read back: each generated file looked up in Drive by the link Journal holds.
    const looked = google.exchanges.filter((e) => e.method === 'GET' && /^\/drive\/v3\/files\/(presentation|document)-/.test(e.path)).map((e) => e.path);
    expect(looked).toHaveLength(4);
    expect(run.out.join('\n')).toContain('« Actions » compte 6 action(s) consolidée(s), 6 attendue(s)');
    expect(run.out.join('\n')).toMatch(/\[8\/14\][^[]*classeur exporté : Feuille 1, Référentiel ; 2 ligne\(s\)[^[]*\[9\/14\][^[]*\[10\/14\][^[]*; 4 ligne\(s\)/s);
  });

  it('fails the full export when the typed fiches do not reach the exported plan', async () => {
    const google = new FakeGoogle();
    const addon = emulateAddon(google);
    let exports = 0;
    // An export that ignores the plan: the same two header rows every time.
    google.runHandler = (fn, parameters, fake) => {
      if (fn === 'capE2e' && (parameters[0] as string) === 'runExportTet' && ++exports === 2) {
        const s = [...fake.spreadsheets.values()][0];
        const created = fake.createSpreadsheet({ properties: { title: 'Export TeT' } });
        fake.apply(created.spreadsheetId!, [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'Plan' } }] }, { values: [{ userEnteredValue: { stringValue: 'Titre' } }] }], fields: 'userEnteredValue' } }]);
        const journal = s.sheets.find((t) => t.properties.title === TAB.journal)!;
        const located = locateTable(journal.values as Grid, tableSection(TAB.journal, 'journal'))!;
        const row = journal.values.findIndex((r, i) => i > located.headerRow && !(r ?? []).some((v) => v)) ;
        fake.apply(s.id, [{ updateCells: { start: { sheetId: journal.properties.sheetId, rowIndex: row < 0 ? journal.values.length : row, columnIndex: located.columns.get('lien')! }, rows: [{ values: [{ userEnteredValue: { stringValue: `https://docs.google.com/spreadsheets/d/${created.spreadsheetId}/edit` } }] }], fields: 'userEnteredValue' } }]);
        return { done: true, response: { result: { ok: true, alerts: [], prompts: [], sidebars: 0, dialogs: 0 } } };
      }
      return addon.handler(fn, parameters, fake);
    };
    const run = await e2e(google);
    expect(run.code).toBe(1);
    expect(run.out.join('\n')).toContain('✘ le plan exporté compte 2 ligne(s) : au moins 4 attendues (2 avec le plan vide, plus 2 fiche(s))');
  });

  it('a second run reuses the bench: no new spreadsheet, script, version or deployment; the spreadsheet is reset to one blank sheet first', async () => {
    const google = new FakeGoogle();
    google.runHandler = emulateAddon(google).handler;
    const first = await e2e(google);
    expect(first.code).toBe(0);
    const mark = google.exchanges.length;
    const second = await e2e(google, { state: first.state });
    expect(second.code).toBe(0);
    const calls = google.exchanges.slice(mark).map((e) => `${e.method} ${e.path}`);
    expect(calls.filter((c) => c === 'POST /v4/spreadsheets' || c === 'POST /v1/projects' || c.endsWith('/versions') || c.endsWith('/deployments'))).toEqual([]);
    const reset = google.exchanges.slice(mark).find((e) => e.path.endsWith(':batchUpdate'))!.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest;
    expect(reset.requests![0].addSheet).toBeDefined();
    expect(reset.requests!.slice(1).every((r) => r.deleteSheet)).toBe(true);
    expect(reset.requests!.length).toBeGreaterThan(15);
  });

  it('fails (exit 1) and says which step when the add-on shows an unexpected error, and keeps going with the next steps', async () => {
    const google = new FakeGoogle();
    google.runHandler = emulateAddon(google, {
      runConsolidate: () => ({ ok: true, alerts: ['Consolider les services — La commande s’est arrêtée sur une erreur inattendue : You are trying to edit a protected cell or object.'], prompts: [], sidebars: 0, dialogs: 0 }),
    }).handler;
    const run = await e2e(google);
    expect(run.code).toBe(1);
    const text = run.out.join('\n');
    expect(text).toMatch(/\[6\/14\] Consolider les services\n {2}✘ message affiché : « Consolider les services — La commande s’est arrêtée sur une erreur inattendue/);
    expect(text).toContain('✘ « Actions » compte 0 action(s) consolidée(s), 6 attendue(s)');
    expect(text).toContain('[14/14] Bilan d’une instance');
    expect(text).toContain('Essai en échec : 1 étape(s) sur 14 n’ont pas donné le résultat attendu.');
  });

  it('explains the one manual step when Google refuses scripts.run because the script is not in the OAuth client’s Cloud project', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /:run$/, 403, { message: 'The caller does not have permission' });
    const run = await e2e(google);
    expect(run.code).toBe(1);
    const scriptId = run.state.e2e!.scriptId!;
    expect(run.err.join('\n')).toContain('le script et le client OAuth ne sont pas dans le même projet Google Cloud');
    expect(run.err.join('\n')).toContain(`ouvrez https://script.google.com/d/${scriptId}/edit, Paramètres du projet ▸ Projet Google Cloud ▸ Modifier le projet`);
  });

  it('reports a script that throws with the function and Google’s message', async () => {
    const google = new FakeGoogle();
    google.runHandler = () => ({ done: true, error: { code: 3, message: 'ScriptError', details: [{ '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionError', errorMessage: 'ReferenceError: capE2eReset is not defined', errorType: 'ScriptError' }] } });
    const run = await e2e(google);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toBe('Erreur inattendue : le script s’est arrêté dans capE2eReset : ReferenceError: capE2eReset is not defined. Relancez avec --debug pour le détail technique.');
  });
});

describe('e2e:google, bench removed by hand or API disabled', () => {
  it('says the bench is gone and how to start a new one, when its script no longer exists', async () => {
    const google = new FakeGoogle();
    google.runHandler = emulateAddon(google).handler;
    const first = await e2e(google);
    google.scripts.delete(first.state.e2e!.scriptId!);
    const run = await e2e(google, { state: first.state });
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/^Le classeur d’essai ou son script enregistrés dans \.google-template\.json \(rubrique « e2e »\) sont introuvables\./);
  });

  it('keeps Google’s « Apps Script API not enabled » explanation for scripts.run', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /:run$/, 403, { message: 'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.' });
    const run = await e2e(google);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toContain('l’API Apps Script n’est pas activée pour ce compte Google');
    expect(run.err.join('\n')).not.toContain('même projet Google Cloud');
  });
});

describe('e2e:google, what it types', () => {
  it('types only columns the schema knows, and list values the lists accept, so a failure is the add-on’s and not the check’s', () => {
    const check = (section: TableSectionSpec, rows: ReadonlyArray<Readonly<Record<string, string>>>) => {
      for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
          const column = section.columns.find((c) => c.key === key);
          expect(column, key).toBeDefined();
          if (column?.list?.kind === 'fixed') expect(column.list.values, key).toContain(value);
        }
      }
    };
    check(SERVICE_TAB.sections[0] as TableSectionSpec, SERVICE_ROWS);
    check(tableSection(TAB.planActions, 'planActions'), PLAN_ROWS);
  });
});

describe('scopes', () => {
  it('the live check asks for every scope the manifest declares (scripts.run requires the token to cover them all), and the README explains each one', async () => {
    const { E2E_SCOPES } = await import('../../src/node/google/api');
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(built.dist['appsscript.json']) as { oauthScopes: string[] };
    const readme = readFileSync(`${__dirname}/../../README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('### Démarrer sans terminal'), readme.indexOf('### Installer le module avec clasp'));
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes) {
      expect(E2E_SCOPES).toContain(scope);
      expect(section).toContain(`| \`${scope.replace('https://www.googleapis.com/auth/', '')}\` |`);
    }
  });
});
