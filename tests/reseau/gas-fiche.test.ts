/**
 * *Générer ▸ Fiche réseau* in the built add-on (`dist/Code.js` in node:vm over
 * the Apps Script fakes): a new spreadsheet with the fiche, created in one
 * Sheets API call, no personal data in it, its link in the alert and in
 * `Journal`, no tab of the workbook changed but Journal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESEAU_MESSAGES } from '../../src/domain/messages/reseau';
import { TAB } from '../../src/domain/schema/tabs';
import { buildBundle, Lead, menuItems, readSample, readsPerTab, table, type Built } from '../gas-e2e/support';
import { personalStrings } from './personal';
import { MemoryWorkbook } from '../../src/app/memory-workbook';

let built: Built;
let lead: Lead;

beforeAll(async () => {
  built = buildBundle();
  lead = new Lead(built);
  lead.run('onOpen', { authMode: 'FULL' });
  lead.run('runInstall');
  lead.loadSample(await readSample());
  lead.run('runConsolidate');
}, 120_000);

afterAll(() => built?.cleanup());

describe('Générer ▸ Fiche réseau', () => {
  it('is in the Générer submenu', () => {
    expect(menuItems().find((i) => i.handler === 'runGenererFicheReseau')).toMatchObject({ label: 'Fiche réseau', within: 'Générer' });
  });

  it('creates a new spreadsheet holding the fiche, says what is shared, and logs its link', () => {
    const before = Object.fromEntries(lead.tabs().filter((t) => t !== TAB.journal).map((t) => [t, lead.values(t)]));
    const created = lead.env.spreadsheetApp.created.length;
    const click = lead.run('runGenererFicheReseau');
    expect(click.errors).toEqual([]);
    for (const [tab, n] of readsPerTab(click.calls)) expect(n, tab).toBeLessThanOrEqual(1);
    expect(lead.env.spreadsheetApp.created).toHaveLength(created + 1);
    const file = lead.env.spreadsheetApp.created[created];
    expect(file.sheetNames()).toEqual(['Fiche réseau', 'Scores', 'Actions du plan', 'Financements']);
    const kv = file.sheet('Fiche réseau').snapshot();
    expect(kv.find((r) => r[0] === 'Format')?.[1]).toBe('Cap Circulaire – fiche réseau');
    expect(kv.find((r) => r[0] === 'Collectivité')?.[1]).toBe('Communauté d\'agglomération du Val de Loue');
    expect(click.alerts).toHaveLength(1);
    expect(click.alerts[0].title).toBe(RESEAU_MESSAGES.gas.commande);
    expect(click.alerts[0].message).toContain(file.getUrl());
    expect(click.alerts[0].message).toMatch(/Jamais partagé : noms de personnes/);
    const { header, rows } = table(lead.values(TAB.journal), 'Commande');
    const last = rows[rows.length - 1];
    expect(last[header.indexOf('Commande')]).toBe('Fiche réseau');
    expect(last[header.indexOf('Lien')]).toBe(file.getUrl());
    // Nothing but Journal changed in the workbook.
    for (const [tab, values] of Object.entries(before)) expect(lead.values(tab), tab).toEqual(values);
    // No personal data of the workbook in the fiche.
    const wb = new MemoryWorkbook(lead.tabs().map((t) => [t, lead.values(t) as never]));
    const personal = personalStrings(wb);
    expect(personal.length).toBeGreaterThan(10);
    for (const name of file.sheetNames())
      for (const row of file.sheet(name).snapshot())
        for (const c of row) if (typeof c === 'string') for (const p of personal) expect(c.includes(p), `« ${p} » in ${name}`).toBe(false);
  });
});
