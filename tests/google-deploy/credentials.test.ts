/**
 * Credentials from the environment: what is accepted, and the exact French
 * explanation of what is missing (exit 2, no stack trace, no request sent).
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCredentials, type FileReader } from '../../src/node/google/credentials';
import { FakeGoogle } from './fake-google';
import { buildRoot, runMain, type BuiltRoot } from './support';

const files = (map: Record<string, string>): FileReader => ({ exists: (p) => p in map, read: (p) => map[p] });

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const SA_KEY = JSON.stringify({ type: 'service_account', client_email: 'deploy@projet.iam.gserviceaccount.com', private_key: privateKey, token_uri: 'https://oauth2.googleapis.com/token' });

describe('resolveCredentials', () => {
  it('takes the three OAuth variables', () => {
    const r = resolveCredentials({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's', GOOGLE_REFRESH_TOKEN: 't' }, files({}));
    expect(r).toEqual({ ok: true, credentials: { kind: 'oauth', clientId: 'id', clientSecret: 's', refreshToken: 't', source: 'env' } });
  });

  it('says nothing is set when nothing is (blank values count as unset)', () => {
    const r = resolveCredentials({ GOOGLE_CLIENT_ID: '  ' }, files({}));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('none');
    expect(!r.ok && r.message).toMatch(/^Aucun identifiant Google n’est défini : ni GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, GOOGLE_REFRESH_TOKEN, ni GOOGLE_APPLICATION_CREDENTIALS\./);
    expect(!r.ok && r.message).toContain('https://script.google.com/home/usersettings');
  });

  it('names the missing OAuth variables, even when a key file is also set', () => {
    const r = resolveCredentials({ GOOGLE_CLIENT_ID: 'id', GOOGLE_APPLICATION_CREDENTIALS: '/k.json', GOOGLE_IMPERSONATE_USER: 'a@b.fr' }, files({ '/k.json': SA_KEY }));
    expect(!r.ok && r.reason).toBe('invalid');
    expect(!r.ok && r.message).toContain('Identifiants OAuth incomplets : il manque les variables GOOGLE_CLIENT_SECRET, GOOGLE_REFRESH_TOKEN.');
  });

  it('reads an authorized_user file (gcloud application-default) as OAuth credentials', () => {
    const r = resolveCredentials(
      { GOOGLE_APPLICATION_CREDENTIALS: '/adc.json' },
      files({ '/adc.json': JSON.stringify({ type: 'authorized_user', client_id: 'c', client_secret: 's', refresh_token: 'r' }) }),
    );
    expect(r).toEqual({ ok: true, credentials: { kind: 'oauth', clientId: 'c', clientSecret: 's', refreshToken: 'r', source: 'file' } });
  });

  it('refuses a service account acting for itself, since the Apps Script API does not work with service accounts', () => {
    const r = resolveCredentials({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, files({ '/k.json': SA_KEY }));
    expect(!r.ok && r.message).toContain('Le compte de service deploy@projet.iam.gserviceaccount.com ne peut pas agir en son nom propre');
    expect(!r.ok && r.message).toContain('GOOGLE_IMPERSONATE_USER');
  });

  it('accepts a service account with a user to act for', () => {
    const r = resolveCredentials({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json', GOOGLE_IMPERSONATE_USER: 'cheffe@agglo.fr' }, files({ '/k.json': SA_KEY }));
    expect(r.ok && r.credentials).toMatchObject({ kind: 'serviceAccount', clientEmail: 'deploy@projet.iam.gserviceaccount.com', subject: 'cheffe@agglo.fr' });
  });

  it('explains a missing, unreadable, incomplete or foreign key file, and a bad impersonated address', () => {
    const msg = (env: Record<string, string>, map: Record<string, string>) => {
      const r = resolveCredentials(env, files(map));
      return r.ok ? '' : r.message;
    };
    expect(msg({ GOOGLE_APPLICATION_CREDENTIALS: '/nope.json' }, {})).toContain('GOOGLE_APPLICATION_CREDENTIALS désigne un fichier introuvable : /nope.json');
    expect(msg({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, { '/k.json': '{not json' })).toContain('n’est pas un fichier JSON d’identifiants Google lisible : /k.json');
    expect(msg({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, { '/k.json': '{"type":"service_account"}' })).toContain('il manque client_email, private_key');
    expect(msg({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, { '/k.json': '{"type":"external_account"}' })).toContain('est de type « external_account »');
    expect(msg({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json', GOOGLE_IMPERSONATE_USER: 'cheffe' }, { '/k.json': SA_KEY })).toContain('GOOGLE_IMPERSONATE_USER doit être une adresse électronique : « cheffe ».');
  });
});

describe('deploy:google and e2e:google without usable credentials', () => {
  let built: BuiltRoot;
  beforeAll(() => {
    built = buildRoot();
  });
  afterAll(() => built?.cleanup());

  it('deploy stops with exit 2, the French explanation on stderr, and not a single request', async () => {
    const google = new FakeGoogle();
    const run = await runMain('deploy', google, built.root, { env: {} });
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(/^Aucun identifiant Google n’est défini/);
    expect(run.err.join('\n')).not.toMatch(/\bat\s.*\(|Error/);
    expect(google.exchanges).toEqual([]);
  });

  it('e2e is skipped with exit 0 and « ignoré » when nothing is set, so npm test and CI stay offline', async () => {
    const google = new FakeGoogle();
    const run = await runMain('e2e', google, built.root, { env: {} });
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out.join('\n')).toMatch(/^Essai de bout en bout dans Google ignoré : aucun identifiant Google n’est défini/);
    expect(google.exchanges).toEqual([]);
  });

  it('e2e does not skip half-set credentials: exit 2 with what is missing', async () => {
    const google = new FakeGoogle();
    const run = await runMain('e2e', google, built.root, { env: { GOOGLE_REFRESH_TOKEN: 'r' } });
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toContain('il manque les variables GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET');
  });

  it('deploy with an impersonating service account signs a JWT for the user and the deploy scopes', async () => {
    const google = new FakeGoogle();
    const { writeFileSync } = await import('node:fs');
    const keyPath = `${built.root}/key.json`;
    writeFileSync(keyPath, SA_KEY);
    const run = await runMain('deploy', google, built.root, { env: { GOOGLE_APPLICATION_CREDENTIALS: keyPath, GOOGLE_IMPERSONATE_USER: 'cheffe@agglo.fr' } });
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const token = google.exchanges.find((e) => e.path === '/token')!.body as Record<string, string>;
    expect(token.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const claims = JSON.parse(Buffer.from(token.assertion.split('.')[1], 'base64url').toString('utf8')) as Record<string, string>;
    expect(claims).toMatchObject({ iss: 'deploy@projet.iam.gserviceaccount.com', sub: 'cheffe@agglo.fr' });
    expect(claims.scope.split(' ').sort()).toEqual(['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/script.projects']);
  });

  it('e2e refuses a service account even impersonating: scripts.run wants an OAuth client of the script’s Cloud project', async () => {
    const google = new FakeGoogle();
    const { writeFileSync } = await import('node:fs');
    const keyPath = `${built.root}/key2.json`;
    writeFileSync(keyPath, SA_KEY);
    const run = await runMain('e2e', google, built.root, { env: { GOOGLE_APPLICATION_CREDENTIALS: keyPath, GOOGLE_IMPERSONATE_USER: 'cheffe@agglo.fr' } });
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toContain('exige un client OAuth du même projet Google Cloud que le script');
    expect(google.exchanges).toEqual([]);
  });

  it('says dist/ is not built (exit 2) before asking Google anything', async () => {
    const google = new FakeGoogle();
    const run = await runMain('deploy', google, `${built.root}/nowhere`);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/Le module Apps Script n’est pas construit : Code\.js, appsscript\.json manquent dans .*nowhere\/dist\. Lancez « npm run build »\./);
    expect(google.calls()).toEqual([]);
  });
});
