/**
 * The build of the sidebar: one self-contained `sidebar.html` (stylesheet and client bundle
 * inlined), produced by `node scripts/build.mjs` through its HTML hook, and the guards of the
 * inlining step. Plus the client's pure helpers (order of the anomalies, target of a link).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anomaly, type Anomaly } from '../../src/domain/anomaly';
import { cible, dateHeureFr, ordonner } from '../../src/gas/html/render-anomalies';
import { buildSidebarHtml, bundleSidebarClient, inlineSidebar } from '../../scripts/build-html.mjs';

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE = '<!DOCTYPE html><html><head><!-- @inline sidebar.css --></head><body><!-- @inline sidebar.client.ts --></body></html>';

describe('node scripts/build.mjs', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'cap-circulaire-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes one self-contained sidebar.html through its HTML hook', async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out-dir', out], { cwd: ROOT, stdio: 'pipe' });
    expect(readdirSync(out)).toContain('sidebar.html');
    const html = readFileSync(path.join(out, 'sidebar.html'), 'utf8');
    // Exactly what the sidebar's own step produces, never the raw template copied over it.
    const alone = mkdtempSync(path.join(tmpdir(), 'cap-circulaire-html-'));
    try {
      expect(readFileSync(await buildSidebarHtml({ outDir: alone }), 'utf8')).toBe(html);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
    expect(html).not.toContain('@inline');
    // No CSP meta tag: it would govern Google's injected google.script.run too (see sidebar.html).
    expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/i);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(html.match(/<style\b[^>]*>/g)).toEqual(['<style>']);
    expect(html).not.toMatch(/<link\b|@import|url\(|https?:\/\/(?!www\.w3\.org)/i);
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(html).toContain('<html lang="fr">');
  });
});

describe('inlineSidebar', () => {
  it('puts the stylesheet and the script in place of their markers', () => {
    const html = inlineSidebar(TEMPLATE, 'p { color: red; }', 'console.log(1);');
    expect(html).toBe('<!DOCTYPE html><html><head><style>\np { color: red; }\n</style></head><body><script>\nconsole.log(1);\n</script></body></html>');
  });

  it('keeps `$&` and `$1` of the bundle as they are, and neutralises `</script` and `<!--`', () => {
    const html = inlineSidebar(TEMPLATE, '', 'a.replace(/x/, "$&$1"); b = "</script><!--";');
    expect(html).toContain('a.replace(/x/, "$&$1"); b = "<\\/script><\\!--";');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('refuses a template without its markers, and anything that would load from outside', () => {
    expect(() => inlineSidebar('<html></html>', '', '')).toThrow('sidebar.html : le repère « <!-- @inline sidebar.css --> » doit apparaître une fois (trouvé 0 fois).');
    expect(() => inlineSidebar(TEMPLATE, "@import 'x.css';", '')).toThrow('sidebar.css ne doit charger aucune ressource');
    expect(() => inlineSidebar(TEMPLATE, 'body { background: url(https://x/y.png); }', '')).toThrow('sidebar.css ne doit charger aucune ressource');
    expect(() => inlineSidebar(TEMPLATE.replace('</head>', '<script src="https://cdn.example/x.js"></script></head>'), '', '')).toThrow('chargerait une ressource externe');
  });

  it('bundles the client into one IIFE that shares the domain number formats', async () => {
    const js = await bundleSidebarClient();
    expect(js.trimStart()).toMatch(/^(\(\(\) => \{|"use strict";\s*\(\(\) => \{)/);
    expect(js).not.toMatch(/^\s*(import|export)\s/m);
    expect(js).toContain('function formatPercentFr');
  });
});

describe('client helpers', () => {
  const a = (onglet: string, ligne: number | null, cellule: string | null, bloquante: boolean): Anomaly =>
    anomaly({ onglet, ligne, colonne: null, cellule, message: `${onglet} ${cellule}`, bloquante, code: 'x' });

  it('orders tabs with blocking anomalies first (most first), and inside a tab blocking then by row', () => {
    const groupes = ordonner([
      { onglet: 'Acteurs', anomalies: [a('Acteurs', 9, 'B9', false)] },
      { onglet: 'Vide', anomalies: [] },
      { onglet: 'Plans', anomalies: [a('Plans', 3, 'C3', false), a('Plans', 7, 'D7', true)] },
      { onglet: 'Service – Déchets', anomalies: [a('Service – Déchets', 12, 'J12', true), a('Service – Déchets', null, null, false), a('Service – Déchets', 5, 'B5', true)] },
    ]);
    expect(groupes.map((g) => g.onglet)).toEqual(['Service – Déchets', 'Plans', 'Acteurs']);
    expect(groupes[0].anomalies.map((x) => x.cellule)).toEqual(['B5', 'J12', null]);
    expect(groupes[1].anomalies.map((x) => x.cellule)).toEqual(['D7', 'C3']);
  });

  it('targets the cell, else the row, else the tab', () => {
    expect(cible(a('Plans', 4, 'C4', false))).toBe('C4');
    expect(cible(a('Plans', 4, null, false))).toBe('4:4');
    expect(cible(a('Plans', null, null, false))).toBeNull();
  });

  it('writes the date of the check in French, in local time', () => {
    expect(dateHeureFr(new Date(2026, 10, 28, 9, 5).toISOString())).toBe('28/11/2026 à 09:05');
    expect(dateHeureFr('pas une date')).toBeNull();
  });
});
