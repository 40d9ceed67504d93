/**
 * The full menu of the built bundle, at 20 services × 500 rows, as the three people who use
 * it (README › Qui peut lancer quoi):
 *
 * - the owner of the spreadsheet (installs it, then may run anything);
 * - the project lead, an editor of every tab (she adds the services, so every service tab's
 *   protection keeps her);
 * - a service member, an editor of the spreadsheet who may edit her own service tab only.
 *
 * On fakes that enforce Google's documented rules (tests/fakes/gas: protections per user,
 * property and cache quotas, cells and characters limits, Sheets API rules, Slides and Docs
 * text filtering, the 6-minute limit through a time model), every click must: raise no
 * unexpected error, stay under the 5-minute budget of the time model, and — for a member —
 * either say in French that the command is the lead's and write nothing, or (Vérifier) write
 * nothing outside her tab. Every Slides, Docs and Sheets request the run emitted is then
 * type-checked against googleapis' own types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleFile } from '../../src/app/load-sample';
import { gasMessages } from '../../src/domain/messages/gas';
import { TAB } from '../../src/domain/schema/tabs';
import type { Cell } from '../../src/domain/table/cell';
import { RUN_BUDGET_MS } from '../fakes/gas';
import { distinctByShape, typeCheckAgainstGoogleapis } from './google-types';
import { buildBundle, col, Lead, menuItems, readSample, serviceRows, writesOf, type Built, type Click } from './support';

const OWNER = 'dgs@agglo-exemple.fr';
const LEAD = 'cheffe.projet@agglo-exemple.fr';
const SERVICES = [
  'Déchets',
  'Développement éco',
  'Commande publique',
  'Aménagement',
  'Services techniques',
  'Mobilité',
  'Eau',
  'Espaces verts',
  'Culture',
  'Sports',
  'Tourisme',
  'Habitat',
  'Énergie',
  'Restauration',
  'Communication',
  'Finances',
  'Ressources humaines',
  'Informatique',
  'Agriculture',
  'Petite enfance',
];
const ROWS = 500;
const member = (i: number) => `membre.${String(i + 1).padStart(2, '0')}@agglo-exemple.fr`;
const MEMBER_INDEX = 5;
const MEMBER = member(MEMBER_INDEX);
const MEMBER_TAB = `Service – ${SERVICES[MEMBER_INDEX]}`;
/** Menu items that write into tabs a service member cannot edit. */
const LEAD_ONLY = ['runInstall', 'runAddService', 'runConsolidate', 'runCalculerScores', 'runTableauDeBord'];

let built: Built;
let sample: SampleFile[];
let book: Lead;
const timings: Array<{ user: string; fn: string; seconds: number; wall: number }> = [];

/** Fills a service tab to `rows` actions from a template row; every 5th action lacks its title (a blocking anomaly). */
function fill(lead: Lead, tab: string, template: Cell[], header: string[], rows: number, code: string): void {
  lead.quietly(() => {
    const wb = lead.workbook();
    const grid = wb.read(tab);
    const existing = serviceRows(lead.values(tab)).length;
    const extra: Cell[][] = [];
    for (let i = existing; i < rows; i++) {
      const line = [...template];
      while (line.length < header.length) line.push(null);
      line[col(header, 'Réf.')] = `${code}-${7000 + i}`;
      line[col(header, "Intitulé de l'action")] = i % 5 === 0 ? null : `Action ${i} du service ${tab.slice(10)}`;
      extra.push(line);
    }
    wb.write(tab, Math.max(grid.length, 1), 0, extra);
  });
}

function expectHealthy(click: Click): void {
  expect(click.errors, `${click.user} ${click.fn}: errors`).toEqual([]);
  for (const a of click.alerts) expect(a.message, `${click.user} ${click.fn}`).not.toContain('erreur inattendue');
  expect(click.estimatedMs, `${click.user} ${click.fn}: estimated ${Math.round(click.estimatedMs / 1000)} s`).toBeLessThan(RUN_BUDGET_MS);
  timings.push({ user: click.user, fn: click.fn, seconds: Math.round(click.estimatedMs / 100) / 10, wall: click.wallMs });
}

/** Puts the cursor on the first instance (the bilan's input). */
function cursorOnInstance(lead: Lead): void {
  lead.quietly(() => {
    const sheet = lead.env.spreadsheet.sheet(TAB.instances);
    const grid = sheet.snapshot();
    const headerRow = grid.findIndex((r) => r.includes('N°'));
    sheet.setActiveRange(sheet.getRange(headerRow + 2, 2));
  });
}

beforeAll(async () => {
  built = buildBundle();
  sample = await readSample();
  book = new Lead(built, { owner: OWNER, user: OWNER, spreadsheetEditors: [LEAD, ...SERVICES.map((_, i) => member(i))] });
  book.run('onOpen', { authMode: 'LIMITED' });
  expectHealthy(book.run('runInstall'));
  book.as(LEAD);
  SERVICES.forEach((name, i) => {
    book.env.ui.queuePrompt(name).queuePrompt(member(i));
    const click = book.run('runAddService');
    expectHealthy(click);
    expect(click.alerts.at(-1)!.message).not.toContain('pas été ajouté');
  });
  book.loadSample(sample);
  const dec = book.values('Service – Déchets');
  const header = dec[0].map(String);
  SERVICES.forEach((name, i) => {
    const tab = `Service – ${name}`;
    const own = book.values(tab);
    const template = (own.length > 1 ? own[1] : dec[1]) as Cell[];
    fill(book, tab, template, header, ROWS, `S${String(i + 1).padStart(2, '0')}`);
  });
}, 600_000);

afterAll(() => {
  built?.cleanup();
  if (timings.length > 0) console.log(`Estimated Apps Script time per click (s):\n${timings.map((t) => `  ${t.user.padEnd(32)} ${t.fn.padEnd(20)} ${String(t.seconds).padStart(6)} s estimated, ${t.wall} ms in the fakes`).join('\n')}`);
});

describe(`the full menu at ${SERVICES.length} services × ${ROWS} rows`, () => {
  it('holds 20 protected service tabs of 500 actions each, every 5th without its title', () => {
    for (const name of SERVICES) expect(serviceRows(book.values(`Service – ${name}`)).length).toBe(ROWS);
    const sheetProtections = book.env.spreadsheet.protections.filter((p) => p.type === 'SHEET').map((p) => p.info);
    expect(sheetProtections).toHaveLength(SERVICES.length);
    const mine = sheetProtections.find((p) => p.sheet === MEMBER_TAB)!;
    expect(mine.editors).toEqual(expect.arrayContaining([MEMBER, LEAD, OWNER]));
    expect(mine.editors).not.toContain(member(0));
  });

  it('as the project lead: every menu item runs, within the time budget', { timeout: 900_000 }, () => {
    book.as(LEAD);
    const ran: string[] = [];
    for (const item of menuItems()) {
      if (item.handler === 'runAddService') continue; // ran 20 times above
      if (item.handler === 'runGenererBilan') cursorOnInstance(book);
      // The COPIL dialog asks which meeting the deck is for (before the lock).
      if (item.handler === 'runGenererCopil') book.env.ui.queuePrompt('15/12/2026');
      const click = book.run(item.handler);
      expectHealthy(click);
      ran.push(item.handler);
      // Progress shown while a long run works (toasts), then its end.
      if (item.handler === 'runInstall') expect(click.toasts.map((t) => t.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Mise en forme des onglets : \d+ sur \d+\.$/)]));
      if (item.handler === 'runValidate' || item.handler === 'runConsolidate') expect(click.toasts.map((t) => t.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Annotation des cellules : \d+ onglets traités\.$/)]));
      // Every command under the lock says it started (Aide and the network's Picker take no lock).
      if (item.handler !== 'showHelp' && item.handler !== 'runReseauConsolider') expect(click.toasts[0]?.message, item.handler).toMatch(/en cours…/);
      if (item.handler === 'runValidate') {
        // Hundreds of blocking cells per tab: notes everywhere, colours bounded, memory with each tab.
        expect(click.alerts[0].message).toMatch(/bloquant/);
        expect(book.env.spreadsheet.sheet(MEMBER_TAB).metadata.map((m) => m.key)).toEqual(['capCirculaire.marques']);
        expect(book.env.properties.document.bytes).toBeLessThan(260 * 1024);
      }
    }
    expect(ran).toEqual(expect.arrayContaining(['runValidate', 'runConsolidate', 'runCalculerScores', 'runTableauDeBord', 'runGenererCopil', 'runGenererAfom', 'runGenererAudit', 'runGenererBilan', 'runExportTet', 'runInstall', 'showHelp']));
    // The sidebar opens without reading any tab: the dashboard was cached by Tableau de bord.
    book.run('showSidebar');
    const data = book.run('sidebarData');
    expect(data.calls.filter((c) => c.method === 'getValues')).toEqual([]);
  });

  it('re-running Installer keeps every protection (diffed, not removed and recreated)', { timeout: 300_000 }, () => {
    book.as(LEAD);
    // The first run follows what the commands since the lead's install changed (Actions and
    // Journal grew); the next one finds every protection in place.
    expectHealthy(book.run('runInstall'));
    const click = book.run('runInstall');
    expectHealthy(click);
    expect(click.calls.filter((c) => c.service === 'Protection' && c.method === 'remove')).toEqual([]);
    expect(click.calls.filter((c) => c.method === 'protect')).toEqual([]);
    expect(click.calls.filter((c) => c.service === 'Protection').length).toBeLessThan(book.env.spreadsheet.protections.length * 3);
  });

  it('as a service member: lead-only items say so in French and write nothing', { timeout: 300_000 }, () => {
    book.as(MEMBER);
    for (const fn of LEAD_ONLY) {
      const before = book.everything();
      const click = book.run(fn);
      expectHealthy(click);
      expect(click.alerts, fn).toHaveLength(1);
      expect(click.alerts[0].message, fn).toContain('est réservé à la cheffe ou au chef de projet');
      expect(click.alerts[0].message, fn).toContain('Rien n’a été modifié');
      expect(writesOf(click.calls).filter((c) => c.method !== 'toast'), fn).toEqual([]);
      expect(book.everything(), fn).toEqual(before);
    }
  });

  it('as a service member: Vérifier checks her tab, writes nothing outside it, and the sidebar shows her result', { timeout: 300_000 }, () => {
    book.as(MEMBER);
    const documentStore = new Map(book.env.properties.document.store);
    const click = book.run('runValidate');
    expectHealthy(click);
    expect(click.alerts[0].message).toContain(`Vérification de votre onglet : « ${MEMBER_TAB} »`);
    const outside = writesOf(click.calls).filter((c) => c.sheet !== undefined && c.sheet !== MEMBER_TAB);
    expect(outside).toEqual([]);
    expect(click.calls.filter((c) => c.service === 'Properties' && /set|delete/.test(c.method)).every((c) => String(c.detail).startsWith('user'))).toBe(true);
    expect(book.env.properties.document.store).toEqual(documentStore);
    expect(click.dialogs.map((d) => d.kind)).toEqual(['sidebar']);
    const sidebar = book.ctx.sidebarData as () => { lastCheck: { anomalies?: Array<{ onglet: string }>; groupes?: Array<{ onglet: string }> } | null };
    const check = book.quietly(() => sidebar());
    expect(check.lastCheck).not.toBeNull();
    expect(JSON.stringify(check.lastCheck)).toContain(MEMBER_TAB);
    for (const other of SERVICES.filter((s) => s !== SERVICES[MEMBER_INDEX])) expect(JSON.stringify(check.lastCheck)).not.toContain(`Service – ${other}"`);
  });

  it('as a service member: Générer, Aide and the sidebar work (new files of her own)', { timeout: 900_000 }, () => {
    book.as(MEMBER);
    for (const fn of ['runGenererCopil', 'runGenererAfom', 'runGenererAudit', 'runExportTet', 'showHelp', 'showSidebar']) {
      if (fn === 'runGenererCopil') book.env.ui.queuePrompt('15/12/2026');
      const click = book.run(fn);
      expectHealthy(click);
      const outside = writesOf(click.calls).filter((c) => c.sheet !== undefined && c.sheet !== TAB.journal && c.sheet !== MEMBER_TAB);
      expect(outside, fn).toEqual([]);
    }
    cursorOnInstance(book);
    expectHealthy(book.run('runGenererBilan'));
  });

  it('as the owner: every menu item runs, within the time budget', { timeout: 900_000 }, () => {
    book.as(OWNER);
    for (const item of menuItems()) {
      if (item.handler === 'runGenererBilan') cursorOnInstance(book);
      if (item.handler === 'runAddService') book.env.ui.queuePrompt('Vie associative').queuePrompt('asso@agglo-exemple.fr');
      if (item.handler === 'runGenererCopil') book.env.ui.queuePrompt('15/12/2026');
      expectHealthy(book.run(item.handler));
    }
  });

  it('every Slides, Docs and Sheets request emitted type-checks against googleapis', () => {
    const slides = [...book.slides.presentations.values()].flatMap((p) => p.batches.flat());
    const docs = [...book.docs.documents.values()].flatMap((d) => d.batches.flat());
    const sheetsCreate = (book.env.globals.Sheets as { requests: Array<{ resource: unknown }> }).requests.map((r) => r.resource);
    expect(slides.length).toBeGreaterThan(100);
    expect(docs.length).toBeGreaterThan(100);
    expect(sheetsCreate.length).toBeGreaterThan(0);
    const report = typeCheckAgainstGoogleapis({ slides: distinctByShape(slides), docs: distinctByShape(docs), sheetsCreate: sheetsCreate.slice(0, 1) });
    expect(report).toBe('');
  }, 300_000);
});
