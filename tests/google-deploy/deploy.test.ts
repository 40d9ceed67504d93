/**
 * `npm run deploy:google` on recorded exchanges with a fake Google that
 * refuses what Google refuses: the create path, the update path, resuming,
 * sharing, the content pushed, and every failure explained in French.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { script_v1, sheets_v4 } from 'googleapis';
import { TABS } from '../../src/domain/schema/tabs';
import { FakeGoogle } from './fake-google';
import { buildRoot, runMain, type BuiltRoot } from './support';

let built: BuiltRoot;
beforeAll(() => {
  built = buildRoot();
});
afterAll(() => built?.cleanup());

const deploy = (google: FakeGoogle, options: Parameters<typeof runMain>[3] = {}) => runMain('deploy', google, built.root, options);

function noStackTrace(lines: readonly string[]): void {
  for (const l of lines) expect(l).not.toMatch(/\n\s+at\s|Error:|GaxiosError/);
}

describe('deploy:google, first run (create path)', () => {
  it('creates the spreadsheet, installs the workbook, creates the bound script, pushes dist/, shares it read-only and prints the copy link', async () => {
    const google = new FakeGoogle();
    const run = await deploy(google);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);

    const calls = google.calls();
    const batch = calls.filter((c) => c.endsWith(':batchUpdate'));
    expect(batch.length).toBeGreaterThanOrEqual(1);
    const id = run.state.spreadsheetId!;
    const scriptId = run.state.scriptId!;
    expect(calls).toEqual([
      'POST /v4/spreadsheets',
      `GET /v4/spreadsheets/${id}`,
      ...batch,
      'POST /v1/projects',
      `PUT /v1/projects/${scriptId}/content`,
      `GET /drive/v3/files/${id}/permissions`,
      `POST /drive/v3/files/${id}/permissions`,
    ]);
    // The refresh token was exchanged for an access token, once.
    expect(google.tokenRequests).toBe(1);
    const token = google.exchanges.find((e) => e.path === '/token')!.body as Record<string, string>;
    expect(token).toMatchObject({ grant_type: 'refresh_token', refresh_token: '1//refresh', client_id: 'client-id.apps.googleusercontent.com' });

    // The spreadsheet: French settings and title with the version.
    const created = google.exchanges[1].body as sheets_v4.Schema$Spreadsheet;
    expect(created.properties).toEqual({ title: 'Cap Circulaire – modèle (v9.9.9)', locale: 'fr_FR', timeZone: 'Europe/Paris' });

    // The bound script: its parent is the spreadsheet.
    const project = google.exchanges.find((e) => e.path === '/v1/projects')!.body as script_v1.Schema$CreateProjectRequest;
    expect(project).toEqual({ title: 'Cap Circulaire', parentId: id });

    // Content pushed equals dist/, byte for byte, with the right types.
    const pushed = google.scripts.get(scriptId)!.files;
    expect(pushed.map((f) => [f.name, f.type])).toEqual([
      ['appsscript', 'JSON'],
      ['Code', 'SERVER_JS'],
      ['sidebar', 'HTML'],
    ]);
    expect(pushed[0].source).toBe(built.dist['appsscript.json']);
    expect(pushed[1].source).toBe(built.dist['Code.js']);
    expect(pushed[2].source).toBe(built.dist['sidebar.html']);

    // Shared read-only to anyone with the link, not discoverable.
    const share = google.exchanges.find((e) => e.method === 'POST' && e.path.endsWith('/permissions'))!.body;
    expect(share).toEqual({ type: 'anyone', role: 'reader', allowFileDiscovery: false });
    expect(google.files.get(id)!.permissions).toEqual([{ type: 'anyone', role: 'reader', allowFileDiscovery: false, id: 'anyoneWithLink' }]);

    // The copy link, printed and remembered.
    const link = `https://docs.google.com/spreadsheets/d/${id}/copy`;
    expect(run.out.join('\n')).toContain(link);
    expect(run.state.copyLink).toBe(link);
    expect(run.state.placeholderSheetId).toBeUndefined();
  });

  it('installs every tab of the schema, in order, with the référentiel prefilled, the blank first sheet removed and no frozen row count Google would refuse', async () => {
    const google = new FakeGoogle();
    const run = await deploy(google);
    expect(run.code).toBe(0);
    const sheet = google.spreadsheets.get(run.state.spreadsheetId!)!;
    expect(sheet.sheets.map((s) => s.properties.title)).toEqual(TABS.map((t) => t.name));
    expect(sheet.properties).toMatchObject({ locale: 'fr_FR', timeZone: 'Europe/Paris' });
    for (const s of sheet.sheets) {
      const g = s.properties.gridProperties;
      expect(g.frozenRowCount ?? 0).toBeLessThan(g.rowCount);
    }
    const referentiel = sheet.sheets.find((s) => s.properties.title === 'Référentiel')!;
    const filled = referentiel.values.filter((r) => r && r.some((v) => v !== '' && v !== undefined)).length;
    expect(filled).toBeGreaterThan(367);
    // Formats, validations, protections and colour rules are there too.
    expect(referentiel.validations).toBeGreaterThan(0);
    expect(referentiel.rules.length).toBeGreaterThan(0);
    expect(sheet.sheets.every((s) => s.protections.every((p) => p.warningOnly === true && !p.editors))).toBe(true);
    expect(sheet.sheets.flatMap((s) => s.protections).length).toBeGreaterThan(TABS.length);
    // Nothing personal in a publicly shared file: no Journal row.
    const journal = sheet.sheets.find((s) => s.properties.title === 'Journal')!;
    expect(journal.values.filter((r) => r && r.some((v) => v !== '' && v !== undefined)).length).toBe(1);
    // Text that looks like a formula is sent as text.
    const requests = google.batchRequests();
    const formulas = requests.flatMap((r) => r.updateCells?.rows ?? []).flatMap((row) => row.values ?? []).filter((c) => c.userEnteredValue?.formulaValue);
    expect(formulas).toEqual([]);
  });
});

describe('deploy:google, later runs (update path)', () => {
  it('finds the template by its saved id, changes no value, replaces its own rules and protections instead of doubling them, pushes the new build, keeps the sharing', async () => {
    const google = new FakeGoogle();
    const first = await deploy(google);
    const id = first.state.spreadsheetId!;
    const before = JSON.parse(JSON.stringify(google.spreadsheets.get(id)!.sheets)) as typeof google.spreadsheets extends Map<string, infer S> ? S extends { sheets: infer T } ? T : never : never;
    const mark = google.exchanges.length;

    const second = await deploy(google, { state: first.state });
    expect(second.err).toEqual([]);
    expect(second.code).toBe(0);
    const calls = google.exchanges.slice(mark).filter((e) => e.path !== '/token').map((e) => `${e.method} ${e.path}`);
    expect(calls).not.toContain('POST /v4/spreadsheets');
    expect(calls).not.toContain('POST /v1/projects');
    expect(calls).not.toContain(`POST /drive/v3/files/${id}/permissions`);
    expect(calls[0]).toBe(`GET /drive/v3/files/${id}`);
    expect(calls).toContain(`GET /v4/spreadsheets/${id}/values:batchGet`);
    expect(calls).toContain(`PUT /v1/projects/${first.state.scriptId}/content`);
    expect(second.out.join('\n')).toContain('Déjà partagé');

    const requests = google.exchanges
      .slice(mark)
      .filter((e) => e.path.endsWith(':batchUpdate'))
      .flatMap((e) => (e.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []);
    expect(requests.filter((r) => r.addSheet)).toEqual([]);
    expect(requests.filter((r) => r.updateCells?.fields?.includes('userEnteredValue'))).toEqual([]);

    const after = google.spreadsheets.get(id)!.sheets;
    expect(after.map((s) => s.values)).toEqual(before.map((s) => s.values));
    expect(after.map((s) => s.rules.length)).toEqual(before.map((s) => s.rules.length));
    expect(after.map((s) => s.protections.length)).toEqual(before.map((s) => s.protections.length));
    expect(second.state.copyLink).toBe(first.state.copyLink);
  });

  it('renames the template to the current version and lets readers copy it again', async () => {
    const google = new FakeGoogle();
    const first = await deploy(google);
    const id = first.state.spreadsheetId!;
    Object.assign(google.files.get(id)!, { name: 'Cap Circulaire – modèle (v0.0.1)', copyRequiresWriterPermission: true });
    await deploy(google, { state: first.state });
    const patch = google.exchanges.find((e) => e.method === 'PATCH' && e.path === `/drive/v3/files/${id}`)!;
    expect(patch.body).toEqual({ name: 'Cap Circulaire – modèle (v9.9.9)', copyRequiresWriterPermission: false });
  });

  it('narrows an "anyone" permission wider than reader instead of adding a second one', async () => {
    const google = new FakeGoogle();
    const first = await deploy(google);
    const id = first.state.spreadsheetId!;
    google.files.get(id)!.permissions = [{ id: 'anyoneWithLink', type: 'anyone', role: 'writer' }];
    const run = await deploy(google, { state: first.state });
    expect(run.code).toBe(0);
    expect(google.files.get(id)!.permissions).toEqual([{ id: 'anyoneWithLink', type: 'anyone', role: 'reader' }]);
    expect(google.calls().filter((c) => c === `POST /drive/v3/files/${id}/permissions`)).toHaveLength(1);
  });

  it('resumes an interrupted first run: the saved spreadsheet is completed, its blank first sheet removed, and only the missing script is created', async () => {
    const google = new FakeGoogle();
    // The first run stops after creating the spreadsheet (the install batch is refused by a 500).
    google.fail('POST', /:batchUpdate$/, 500, { message: 'Internal error encountered.' });
    const broken = await deploy(google);
    expect(broken.code).toBe(1);
    expect(broken.err.join('\n')).toMatch(/erreur 500.*reprend là où il s’est arrêté/s);
    expect(broken.state.spreadsheetId).toBeDefined();
    expect(broken.state.scriptId).toBeUndefined();
    expect(google.calls().filter((c) => c.endsWith(':batchUpdate'))).toHaveLength(1); // a non-idempotent batch is not retried

    const resumed = await deploy(google, { state: broken.state });
    expect(resumed.code).toBe(0);
    expect(google.calls().filter((c) => c === 'POST /v4/spreadsheets')).toHaveLength(1);
    expect(google.calls().filter((c) => c === 'POST /v1/projects')).toHaveLength(1);
    const sheet = google.spreadsheets.get(broken.state.spreadsheetId!)!;
    expect(sheet.sheets.map((s) => s.properties.title)).toEqual(TABS.map((t) => t.name));
  });
});

describe('deploy:google, Google refuses (French, exit codes, no stack trace)', () => {
  it('retries a 429 after the delay Retry-After gives, then succeeds', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /^\/v4\/spreadsheets$/, 429, { headers: { 'retry-after': '7' }, message: 'Quota exceeded' });
    google.fail('POST', /^\/v4\/spreadsheets$/, 429, { message: 'Quota exceeded' });
    const run = await deploy(google);
    expect(run.code).toBe(0);
    expect(run.waits).toEqual([7000, 2000]);
    expect(run.out.join('\n')).toContain('Google a répondu 429 à « création du classeur modèle » : nouvelle tentative dans 7 s (2/5).');
    expect(google.calls().filter((c) => c === 'POST /v4/spreadsheets')).toHaveLength(3);
  });

  it('gives up after 5 attempts on a lasting 429 with backoff 1, 2, 4, 8 s, and says to wait and run again', async () => {
    const google = new FakeGoogle();
    for (let i = 0; i < 5; i++) google.fail('GET', /\/permissions$/, 429);
    const run = await deploy(google);
    expect(run.code).toBe(1);
    expect(run.waits).toEqual([1000, 2000, 4000, 8000]);
    expect(run.err.join('\n')).toContain('Google limite le nombre de requêtes (429) : l’opération « lecture du partage du modèle » a encore été refusée après 5 tentatives espacées.');
    noStackTrace(run.err);
  });

  it('retries a 503 on an idempotent call (content push) but never on a create', async () => {
    const google = new FakeGoogle();
    google.fail('PUT', /\/content$/, 503);
    const ok = await deploy(google);
    expect(ok.code).toBe(0);
    expect(google.calls().filter((c) => c.endsWith('/content'))).toHaveLength(2);

    const other = new FakeGoogle();
    other.fail('POST', /^\/v1\/projects$/, 503);
    const failed = await deploy(other);
    expect(failed.code).toBe(1);
    expect(other.calls().filter((c) => c === 'POST /v1/projects')).toHaveLength(1);
    expect(failed.err.join('\n')).toContain('Les serveurs de Google ont répondu par une erreur 503 à l’opération « création du script lié au classeur »');
    // The spreadsheet id is saved: the next run creates the script only.
    expect(failed.state.spreadsheetId).toBeDefined();
  });

  it('explains how to enable the Apps Script API when Google says the user has not', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /^\/v1\/projects$/, 403, {
      message: 'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
    });
    const run = await deploy(google);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toBe(
      'Google refuse l’opération « création du script lié au classeur » : l’API Apps Script n’est pas activée pour ce compte Google. Activez-la sur https://script.google.com/home/usersettings (« API Google Apps Script » sur « Activé »), attendez quelques minutes, puis relancez.',
    );
  });

  it('explains any other 403 with the APIs and scopes to check', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /^\/v4\/spreadsheets$/, 403, { message: 'Google Sheets API has not been used in project 123 before or it is disabled.' });
    const run = await deploy(google);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/^Google refuse l’opération « création du classeur modèle » \(403\) : Google Sheets API has not been used.*\nVérifiez que les API Google Drive, Google Sheets et Apps Script sont activées/s);
  });

  it('says the saved template is gone (404 or in the trash) and how to start over, without creating another one', async () => {
    for (const how of ['404', 'trash'] as const) {
      const google = new FakeGoogle();
      const first = await deploy(google);
      const id = first.state.spreadsheetId!;
      if (how === '404') google.files.delete(id);
      else google.files.get(id)!.trashed = true;
      const run = await deploy(google, { state: first.state });
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toContain(`Le modèle ${id} enregistré dans .google-template.json est introuvable ou dans la corbeille.`);
      expect(google.calls().filter((c) => c === 'POST /v4/spreadsheets')).toHaveLength(1);
    }
  });

  it('says the refresh token is refused when Google answers invalid_grant', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /^\/token$/, 400, { body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } });
    const run = await deploy(google);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/^Google refuse les identifiants : Token has been expired or revoked\.\. Le jeton d’actualisation est peut-être expiré ou révoqué/);
    noStackTrace(run.err);
  });

  it('says Google cannot be reached when the network fails', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /^\/v4\/spreadsheets$/, 'network');
    const run = await deploy(google);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/^Impossible de joindre les serveurs de Google pendant l’opération « création du classeur modèle »/);
  });

  it('shows the stack only with --debug', async () => {
    const google = new FakeGoogle();
    google.fail('POST', /^\/v4\/spreadsheets$/, 400, { message: 'Invalid value' });
    const quiet = await deploy(google);
    expect(quiet.err).toEqual(['Google refuse la requête « création du classeur modèle » (400) : Invalid value']);
    google.fail('POST', /^\/v4\/spreadsheets$/, 400, { message: 'Invalid value' });
    const loud = await deploy(google, { argv: ['--debug'] });
    expect(loud.err.length).toBe(2);
    expect(loud.err[1]).toMatch(/\n\s+at /);
  });
});
