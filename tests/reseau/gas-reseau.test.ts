/**
 * The coordinator's *Réseau ▸ Consolider les fiches d'un dossier* in the built
 * add-on (node:vm over the Apps Script fakes): the Picker dialog (or, before
 * the maintainers configured it, a French explanation), then the rollup of
 * the picked fiches read through the Sheets API (two calls per file), the
 * regional tabs written in her spreadsheet, the network's deck as a new
 * Slides file, a file the add-on may not read named and set aside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classeurSynthetique, territoiresSynthetiques } from '../../src/app/reseau-synthetique';
import { ficheDuClasseur } from '../../src/app/reseau';
import { RESEAU_MESSAGES } from '../../src/domain/messages/reseau';
import { ficheVersClasseur } from '../../src/domain/reseau/fiche-classeur';
import { TAB } from '../../src/domain/schema/tabs';
import { spreadsheetResource } from '../../src/gas/tet-spreadsheet';
import { buildBundle, Lead, menuItems, readSample, table, type Built } from '../gas-e2e/support';
import { RUN_BUDGET_MS } from '../fakes/gas/core';

const M = RESEAU_MESSAGES.google;
let built: Built;
let lead: Lead;
const NOW = new Date(Date.UTC(2026, 10, 28));
let ids: string[] = [];
let noms: string[] = [];

interface SheetsFake {
  Spreadsheets: { create(r: unknown): { spreadsheetId: string } };
  pick(id: string): void;
}

beforeAll(async () => {
  built = buildBundle();
  lead = new Lead(built);
  lead.run('onOpen', { authMode: 'FULL' });
  lead.run('runInstall');
  // Five territories' fiches, as their own add-ons made them, shared with the coordinator.
  const sheets = lead.env.globals.Sheets as unknown as SheetsFake;
  const ts = territoiresSynthetiques(await readSample(), 5, 99);
  for (const t of ts) {
    const fiche = ficheDuClasseur(classeurSynthetique(t, NOW), NOW).fiche;
    const created = lead.quietly(() => sheets.Spreadsheets.create(spreadsheetResource(ficheVersClasseur(fiche), `Fiche réseau – ${t.nom}`, 'Europe/Paris')));
    sheets.pick(created.spreadsheetId);
    ids.push(created.spreadsheetId);
    noms.push(t.nom);
  }
}, 180_000);

afterAll(() => built?.cleanup());

describe('Réseau ▸ Consolider les fiches d’un dossier', () => {
  it('is in the menu, under Réseau', () => {
    expect(menuItems().find((i) => i.handler === 'runReseauConsolider')).toMatchObject({ within: 'Réseau' });
  });

  it('explains in French what the maintainers must set before the Picker can open', () => {
    const click = lead.run('runReseauConsolider');
    expect(click.dialogs).toEqual([]);
    expect(click.alerts).toHaveLength(1);
    expect(click.alerts[0].message).toMatch(/CAP_PICKER_API_KEY/);
    expect(click.alerts[0].message).toMatch(/cap-circulaire reseau/);
  });

  it('opens Google Picker on spreadsheets, several at once, with the project’s key and number', () => {
    const props = lead.env.globals.PropertiesService as unknown as { getScriptProperties(): { setProperty(k: string, v: string): void } };
    lead.quietly(() => {
      props.getScriptProperties().setProperty('CAP_PICKER_API_KEY', 'cle-de-test');
      props.getScriptProperties().setProperty('CAP_PICKER_APP_ID', '123456789');
    });
    const click = lead.run('runReseauConsolider');
    expect(click.alerts).toEqual([]);
    expect(click.dialogs).toHaveLength(1);
    const html = click.dialogs[0].output.getContent();
    expect(html).toContain('MULTISELECT_ENABLED');
    expect(html).toContain('"apiKey":"cle-de-test"');
    expect(html).toContain('"appId":"123456789"');
    expect(html).toContain('setAppId(CONFIG.appId)');
    expect(html).toContain('consoliderFichesReseau(ids)');
  });

  it('rolls up the picked fiches into Réseau tabs and a Slides deck, naming the file it may not read', () => {
    const decks = lead.slides.presentations.size;
    const click = lead.run('consoliderFichesReseau', [...ids, 'fichier-non-partage']);
    expect(click.errors).toEqual([]);
    // Two Sheets API calls per readable file, one for the one it may not read.
    const calls = click.calls.filter((c) => c.service === 'Sheets');
    expect(calls.filter((c) => c.method === 'Spreadsheets.get')).toHaveLength(ids.length + 1);
    expect(calls.filter((c) => c.method === 'Spreadsheets.Values.batchGet')).toHaveLength(ids.length);
    const territoires = table(lead.values('Réseau – Territoires'), 'Territoire');
    expect(territoires.rows.map((r) => r[0]).sort()).toEqual([...noms].sort());
    const dateCol = territoires.header.indexOf('Date de la fiche');
    for (const r of territoires.rows) expect(String(r[dateCol])).not.toBe('');
    const ecartes = table(lead.values('Réseau – Fichiers écartés'), 'Fichier');
    expect(ecartes.rows.map((r) => r[0])).toEqual(['fichier-non-partage']);
    expect(lead.tabs()).toEqual(expect.arrayContaining(['Réseau – Mesures', 'Réseau – Mesures faites', 'Réseau – Actions des plans', 'Réseau – Doublons']));
    expect(lead.slides.presentations.size).toBe(decks + 1);
    expect(click.alerts).toHaveLength(1);
    expect(click.alerts[0].message).toMatch(/5 territoires consolidés depuis 6 fichiers ; 1 fichier écarté/);
    expect(click.dialogs).toHaveLength(1);
    const journal = table(lead.values(TAB.journal), 'Commande');
    expect(journal.rows[journal.rows.length - 1][journal.header.indexOf('Commande')]).toBe(M.commande);
  });

  it('rewrites the Réseau tabs on a second run with fewer files, leaving no stale row', () => {
    lead.run('consoliderFichesReseau', ids.slice(0, 2));
    const territoires = table(lead.values('Réseau – Territoires'), 'Territoire');
    expect(territoires.rows.map((r) => r[0]).sort()).toEqual(noms.slice(0, 2).sort());
    expect(table(lead.values('Réseau – Fichiers écartés'), 'Fichier').rows).toEqual([]);
  });

  it('rolls up 200 fiches (the most one run takes) within the run budget, and refuses 201 before reading any', async () => {
    // 200 territories: the five fiches above under other names and SIRENs, each its own spreadsheet.
    const sheets = lead.env.globals.Sheets as unknown as SheetsFake;
    const ts = territoiresSynthetiques(await readSample(), 5, 99);
    const fiches = ts.map((t) => ficheDuClasseur(classeurSynthetique(t, NOW), NOW).fiche);
    const many: string[] = [];
    for (let i = 0; i < 200; i++) {
      const base = fiches[i % fiches.length];
      const fiche = { ...base, identite: { ...base.identite, nom: `${base.identite.nom} ${i + 1}`, siren: String(210_000_000 + i) } };
      const created = lead.quietly(() => sheets.Spreadsheets.create(spreadsheetResource(ficheVersClasseur(fiche), `Fiche réseau – ${fiche.identite.nom}`, 'Europe/Paris')));
      sheets.pick(created.spreadsheetId);
      many.push(created.spreadsheetId);
    }
    const click = lead.run('consoliderFichesReseau', many);
    expect(click.errors).toEqual([]);
    // Google stops a run at 6 minutes; the fake's pessimistic time model keeps a minute of margin.
    expect(click.estimatedMs).toBeLessThan(RUN_BUDGET_MS);
    // …and the model did charge the two Sheets API requests per fiche (about 400 ms each).
    expect(click.estimatedMs).toBeGreaterThan(200 * 2 * 400);
    expect(table(lead.values('Réseau – Territoires'), 'Territoire').rows).toHaveLength(200);
    expect(table(lead.values('Réseau – Doublons'), 'Territoire').rows).toEqual([]);

    const before = lead.values('Réseau – Territoires');
    const refused = lead.run('consoliderFichesReseau', [...many, ids[0]]);
    expect(refused.errors).toEqual([]);
    expect(refused.calls.filter((c) => c.service === 'Sheets')).toEqual([]);
    expect(refused.alerts).toHaveLength(1);
    expect(refused.alerts[0].message).toBe(M.tropDeFichiers(201, 200).replace(/[\u00a0\u202f]/g, ' '));
    expect(lead.values('Réseau – Territoires')).toEqual(before);
  }, 300_000);
});
