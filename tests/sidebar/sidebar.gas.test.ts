/**
 * The sidebar's server side (src/gas/sidebar.ts) against the Apps Script fakes: opening it,
 * the data it hands to the page (the same dashboard as the `Tableau de bord` tab, and the
 * stored last check), and selecting the cell an anomaly points to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeDashboard } from '../../src/app/dashboard';
import { GasCheckStore } from '../../src/gas/check-store';
import { selectCell, showSidebar, sidebarData } from '../../src/gas/sidebar';
import { buildSidebarHtml } from '../../scripts/build-html.mjs';
import { createGasEnvironment, installGasFakes, type GasEnvironment } from '../fakes/gas';
import { NOW, sampleSidebar, type SampleSidebar } from './sidebar-data';

let restore: (() => void) | null = null;

afterEach(() => {
  restore?.();
  restore = null;
  vi.useRealTimers();
});

/** A spreadsheet holding the given tabs, with the fakes installed as Apps Script globals. */
function env(sheets: Array<[string, unknown[][]]>, htmlFiles: Record<string, string> = {}): GasEnvironment {
  const e = createGasEnvironment({ sheets, htmlFiles });
  restore = installGasFakes(globalThis as unknown as Record<string, unknown>, e);
  return e;
}

describe('showSidebar', () => {
  let html: string;
  beforeAll(async () => {
    html = readFileSync(await buildSidebarHtml(), 'utf8');
  });

  it('opens dist/sidebar.html as a sidebar titled in French', () => {
    const e = env([['Accueil', [['Cap Circulaire']]]], { sidebar: html });
    showSidebar();
    expect(e.calls.where({ service: 'HtmlService' }).map((c) => [c.method, c.detail])).toEqual([['createHtmlOutputFromFile', 'sidebar']]);
    expect(e.calls.count('showSidebar')).toBe(1);
    expect(e.ui.dialogs).toHaveLength(1);
    const [dialog] = e.ui.dialogs;
    expect(dialog.kind).toBe('sidebar');
    expect(dialog.title).toBe('Cap Circulaire – Tableau de bord');
    // The built page, stylesheet and client script inlined: nothing left to load.
    expect(dialog.output.getContent()).toBe(html);
    expect(html).not.toContain('@inline');
    expect(html).toMatch(/<style>[\s\S]*\.barre[\s\S]*<\/style>/);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
    expect(script).toContain('.sidebarData(');
    expect(script).toContain('.selectCell(');
  });
});

describe('sidebarData', () => {
  let sample: SampleSidebar;
  beforeAll(async () => {
    sample = await sampleSidebar();
  });

  function sampleSpreadsheet(): GasEnvironment {
    const wb = sample.workbook;
    return env(wb.sheetNames().map((n) => [n, wb.read(n) as unknown[][]]));
  }

  it('returns the dashboard of buildDashboard (as the Tableau de bord tab) and the stored last check, as plain JSON', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const e = sampleSpreadsheet();
    new GasCheckStore(e.properties.document as never).save(sample.data.lastCheck!);
    e.calls.reset();

    const data = sidebarData();

    expect(data.erreurTableau).toBeNull();
    // Same figures as the use case that writes the tab, on the same workbook.
    expect(data.dashboard).toEqual(JSON.parse(JSON.stringify(computeDashboard({ workbook: sample.workbook, clock: { now: () => NOW } }))));
    expect(data.dashboard!.scores.axes).toHaveLength(5);
    expect(data.lastCheck).toEqual(sample.data.lastCheck);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    // Read-only: one bulk read per tab at most, nothing written.
    expect(e.calls.count('setValues')).toBe(0);
    expect(e.calls.count('setValue')).toBe(0);
    for (const [sheet, n] of e.calls.perSheet('getValues')) expect(n, sheet).toBe(1);
  });

  it('still returns the last check, with a French reason, when the dashboard cannot be computed', () => {
    const e = sampleSpreadsheet();
    new GasCheckStore(e.properties.document as never).save(sample.data.lastCheck!);
    vi.spyOn(e.spreadsheet, 'getSheets').mockImplementation(() => {
      throw new Error('Service Spreadsheets failed while accessing document');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const data = sidebarData();
    expect(data.dashboard).toBeNull();
    expect(data.erreurTableau).toBe('Service Spreadsheets failed while accessing document. Si des onglets manquent, lancez « Installer ou mettre à jour le classeur ».');
    expect(data.lastCheck!.total).toBe(7);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });

  it('runs in the Apps Script runtime: bundled alone (no Node API) and called in a vm over the fakes', async () => {
    const bundle = await build({
      entryPoints: [path.resolve(__dirname, '../../src/gas/sidebar.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'Barre',
      platform: 'neutral',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    const wb = sample.workbook;
    const e = createGasEnvironment({ sheets: wb.sheetNames().map((n): [string, unknown[][]] => [n, wb.read(n) as unknown[][]]) });
    new GasCheckStore(e.properties.document as never).save(sample.data.lastCheck!);
    const ctx = e.createVmContext();
    vm.runInContext(bundle.outputFiles[0].text, ctx);
    const barre = ctx.Barre as { sidebarData(): unknown; selectCell(o: string, a1: string | null): string };
    const data = JSON.parse(JSON.stringify(barre.sidebarData())) as typeof sample.data;
    expect(data.erreurTableau).toBeNull();
    expect(data.dashboard!.collectivite.nom).toBe("Communauté d'agglomération du Val de Loue");
    expect(data.lastCheck).toEqual(sample.data.lastCheck);
    expect(barre.selectCell('Service – Déchets', 'B6')).toBe('Cellule B6 sélectionnée dans l’onglet « Service – Déchets ».');
    expect(e.spreadsheet.getActiveRange()!.a1()).toBe('B6');
  });

  it('returns a null last check when no check was ever recorded', () => {
    sampleSpreadsheet();
    expect(sidebarData().lastCheck).toBeNull();
  });
});

describe('selectCell', () => {
  const grid = (rows: number, cols: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `r${r + 1}c${c + 1}`));

  function spreadsheet(): GasEnvironment {
    return env([
      ['Accueil', grid(3, 3)],
      ['Service – Déchets', grid(20, 16)],
      ["Plan d'actions", grid(5, 8)],
    ]);
  }

  const active = (e: GasEnvironment) => {
    const r = e.spreadsheet.getActiveRange();
    return { sheet: e.spreadsheet.getActiveSheet().getName(), range: r ? `${r.getSheet().getName()}!${r.a1()}` : null };
  };

  it('shows the tab and activates the anomaly’s cell, and says so in French', () => {
    const e = spreadsheet();
    expect(selectCell('Service – Déchets', 'J4')).toBe('Cellule J4 sélectionnée dans l’onglet « Service – Déchets ».');
    expect(active(e)).toEqual({ sheet: 'Service – Déchets', range: 'Service – Déchets!J4' });
    expect(e.calls.where({ service: 'Sheet', method: 'activate' }).map((c) => c.sheet)).toEqual(['Service – Déchets']);
    expect(e.calls.where({ service: 'Range', method: 'activate' })).toHaveLength(1);
  });

  it('accepts the sheet-qualified reference of the last check and a lower-case or absolute one', () => {
    const e = spreadsheet();
    selectCell("Plan d'actions", "'Plan d''actions'!c3");
    expect(active(e)).toEqual({ sheet: "Plan d'actions", range: "Plan d'actions!C3" });
    expect(selectCell('Service – Déchets', '$B$6:D7')).toBe('Plage B6:D7 sélectionnée dans l’onglet « Service – Déchets ».');
    expect(active(e).range).toBe('Service – Déchets!B6:D7');
  });

  it('selects a whole row over the used columns for `12:12`, and only shows the tab when a1 is null', () => {
    const e = spreadsheet();
    expect(selectCell('Service – Déchets', '12:12')).toBe('Ligne 12 sélectionnée dans l’onglet « Service – Déchets ».');
    expect(active(e).range).toBe('Service – Déchets!A12:P12');
    expect(selectCell('Accueil', null)).toBe('Onglet « Accueil » affiché.');
    expect(active(e).sheet).toBe('Accueil');
  });

  it('refuses in French a tab that no longer exists or a reference that is not one, without moving', () => {
    const e = spreadsheet();
    selectCell('Accueil', 'B2');
    expect(() => selectCell('Service – Voirie', 'B2')).toThrow('L’onglet « Service – Voirie » n’existe plus dans le classeur');
    expect(() => selectCell('Accueil', '=HYPERLINK("x")')).toThrow('« =HYPERLINK("x") » n’est pas une référence de cellule valide');
    expect(() => selectCell('Accueil', '0:0')).toThrow('n’est pas une référence de cellule valide');
    expect(active(e)).toEqual({ sheet: 'Accueil', range: 'Accueil!B2' });
  });
});
