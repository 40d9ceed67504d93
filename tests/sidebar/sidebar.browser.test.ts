/**
 * The BUILT sidebar (`dist/sidebar.html`) in headless Chromium at 300 px, with a stub of
 * `google.script.run` injected before the page's scripts that serves the sample territory's
 * data and records every call. Checks what the lead sees and can do.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidebarData } from '../../src/gas/html/contract';
import { buildSidebarHtml } from '../../scripts/build-html.mjs';
import { CHROMIUM, SIDEBAR_VIEWPORT, SKIP_MESSAGE, launch, type Browser } from './browser';
import { INJECTION, sampleSidebar, type SampleSidebar } from './sidebar-data';
import { GasCheckStore } from '../../src/gas/check-store';
import { selectCell, sidebarData } from '../../src/gas/sidebar';
import { createGasEnvironment, installGasFakes } from '../fakes/gas';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const NNBSP = '\u202f';

if (!CHROMIUM) console.warn(SKIP_MESSAGE);

interface StubOptions {
  /** `sidebarData` calls its failure handler with this message. */
  readonly failLoad?: string;
  /** Calls go to these functions (the real server side over the fakes) instead of canned answers. */
  readonly server?: Readonly<Record<string, (...args: never[]) => unknown>>;
}

interface Opened {
  readonly page: Page;
  /** URLs of every request the page tried (other than about: and data:). */
  readonly requests: string[];
  /** Requests started and not (yet) refused by the CSP. */
  readonly attempts: string[];
  /** Requests the page's Content-Security-Policy refused. */
  readonly blockedByCsp: string[];
  readonly dialogs: string[];
  readonly errors: string[];
  calls(): Promise<unknown[][]>;
}

/** Source of the `google.script.run` stub (plain JS, see gas-stub.js). */
const STUB = readFileSync(path.join(__dirname, 'gas-stub.js'), 'utf8');

describe.skipIf(!CHROMIUM)('barre latérale dans Chromium (dist/sidebar.html, 300 px)', () => {
  let browser: Browser;
  let html: string;
  let data: SidebarData;
  let sample: SampleSidebar;

  beforeAll(async () => {
    const out = await buildSidebarHtml();
    html = readFileSync(out, 'utf8');
    sample = await sampleSidebar();
    data = sample.data;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: StubOptions = {}, payload: SidebarData = data): Promise<Opened> {
    const page = await browser.context.newPage();
    await page.setViewportSize(SIDEBAR_VIEWPORT);
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    const blockedByCsp: string[] = [];
    // Anything that reaches the network layer is recorded and aborted; a load the page's CSP
    // refuses never gets there (Chromium still reports it, failed with `csp`).
    await page.route('**', (route) => {
      const url = route.request().url();
      if (!/^(about|data):/.test(url)) requests.push(url);
      return route.abort();
    });
    const attempts: string[] = [];
    page.on('request', (req) => {
      if (!/^(about|data):/.test(req.url())) attempts.push(req.url());
    });
    page.on('requestfailed', (req) => {
      if (req.failure()?.errorText === 'csp') {
        blockedByCsp.push(req.url());
        attempts.splice(attempts.indexOf(req.url()), 1);
      }
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const server = options.server;
    if (server) {
      await page.exposeFunction('__server', (name: string, args: never[]) => {
        try {
          return { ok: true, value: server[name](...args) };
        } catch (e) {
          return { ok: false, error: (e as Error).message };
        }
      });
    }
    const config = JSON.stringify({ data: payload, failLoad: options.failLoad ?? null, server: !!server });
    await page.addInitScript({ content: STUB.replace('})(__STUB__);', () => `})(${config});`) });
    // A navigation makes the init script run in the document that then receives the sidebar.
    await page.goto('about:blank');
    await page.setContent(html, { waitUntil: 'load' });
    await page.locator('#app[aria-busy="false"]').waitFor();
    return { page, requests, attempts, blockedByCsp, dialogs, errors, calls: () => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls) };
  }

  const pct = (x: number) => `${String(x).replace('.', ',')}${NNBSP}%`;
  const etoiles = (n: number) => `${n} ${n >= 2 ? 'étoiles' : 'étoile'} sur 5`;

  it('asks the server once for its data and shows the collectivité and the computation date', async () => {
    const { page, calls, errors } = await open();
    expect(await calls()).toEqual([['sidebarData']]);
    expect(await page.locator('h1').textContent()).toBe('Tableau de bord');
    expect(await page.locator('#collectivite').textContent()).toBe("Communauté d'agglomération du Val de Loue");
    expect(await page.locator('#etat').textContent()).toBe('Données du classeur calculées le 28/11/2026.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws one stacked bar per axe: réalisé then programmé, the potentiel as 100 %', async () => {
    const { page } = await open();
    const bars = page.locator('#axes [role="progressbar"]');
    expect(await bars.count()).toBe(5);
    const axes = data.dashboard!.scores.axes;
    expect(axes.map((a) => a.numero)).toEqual(['1', '2', '3', '4', '5']);
    for (let i = 0; i < axes.length; i++) {
      const axe = axes[i];
      const bar = bars.nth(i);
      expect(await bar.getAttribute('aria-label')).toBe(`Score de l’axe ${axe.numero}`);
      expect(await bar.getAttribute('aria-valuemin')).toBe('0');
      expect(await bar.getAttribute('aria-valuemax')).toBe('100');
      expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(axe.pourcentageRealise);
      expect(await bar.getAttribute('aria-valuetext')).toBe(
        `réalisé ${pct(axe.pourcentageRealise)}, programmé ${pct(axe.pourcentageProgramme)}, sur un potentiel de ${String(axe.potentiel).replace('.', ',')} points`,
      );
      const box = await bar.evaluate((el) => {
        const r = el.querySelector('.segment.realise')!.getBoundingClientRect();
        const p = el.querySelector('.segment.programme')!.getBoundingClientRect();
        return { track: el.clientWidth, realise: r.width, programme: p.width, realiseEnd: r.right, programmeStart: p.left };
      });
      expect(box.track).toBeGreaterThan(250);
      expect(Math.abs(box.realise - (box.track * axe.pourcentageRealise) / 100)).toBeLessThanOrEqual(1);
      expect(Math.abs(box.programme - (box.track * axe.pourcentageProgramme) / 100)).toBeLessThanOrEqual(1);
      // Stacked in one bar: the programmé part starts where the réalisé part ends.
      expect(Math.abs(box.realiseEnd - box.programmeStart)).toBeLessThan(0.5);
      expect(await page.locator('#axes .axe-titre').nth(i).textContent()).toBe(`${axe.numero}. ${axe.titre}`);
    }
    // Across axes, widths follow the percentages: same order, and the ratio of two widths is the ratio of the %.
    const widths = await bars.evaluateAll((els) => els.map((el) => el.querySelector('.segment.realise')!.getBoundingClientRect().width));
    const byWidth = [...widths.keys()].sort((x, y) => widths[x] - widths[y]);
    const byPct = [...axes.keys()].sort((x, y) => axes[x].pourcentageRealise - axes[y].pourcentageRealise);
    expect(byWidth).toEqual(byPct);
    expect(widths[1] / widths[4]).toBeCloseTo(axes[1].pourcentageRealise / axes[4].pourcentageRealise, 1);
    await page.close();
  });

  it('shows the stars as ★ glyphs with their text equivalent, the glyphs hidden from screen readers', async () => {
    const { page } = await open();
    const { actuelle, atteignable } = data.dashboard!.etoiles;
    expect([actuelle, atteignable]).toEqual([2, 3]);
    expect(await page.locator('#etoile-actuelle .etoiles-texte').textContent()).toBe('2 étoiles sur 5');
    expect(await page.locator('#etoile-atteignable .etoiles-texte').textContent()).toBe('3 étoiles sur 5');
    expect(await page.locator('#etoile-actuelle .glyphes').textContent()).toBe('★★☆☆☆');
    expect(await page.locator('#etoile-atteignable .glyphes').textContent()).toBe('★★★☆☆');
    expect(await page.locator('#etoile-actuelle .glyphes').getAttribute('aria-hidden')).toBe('true');
    const tree = await page.locator('#sec-etoiles').ariaSnapshot();
    expect(tree).toContain('heading "Label et étoiles" [level=2]');
    expect(tree).toContain('heading "Niveau atteint" [level=3]');
    expect(tree).toContain(etoiles(actuelle));
    expect(tree).toContain(etoiles(atteignable));
    expect(tree).not.toMatch(/[★☆]/);
    expect(await page.locator('#etoiles .prochaine').textContent()).toBe(data.dashboard!.etoiles.prochaine!.libelle);
    await page.close();
  });

  it('writes numbers the French way: decimal comma and narrow no-break space before %', async () => {
    const { page } = await open();
    const d = data.dashboard!;
    const body = (await page.locator('main').textContent())!;
    expect(d.scores.axes[0].pourcentageRealise).toBe(55.6);
    expect(await page.locator('#axes .chiffre.realise').first().textContent()).toBe(`Réalisé 55,6${NNBSP}%`);
    expect(await page.locator('#axes .chiffre.potentiel').first().textContent()).toBe('50 points faits sur 90');
    expect(body).toContain(`Score réalisé : 43,3${NNBSP}%`);
    expect(body).toContain(`Réalisé + programmé : 62,7${NNBSP}%`);
    expect(await page.locator('#preuves .indicateur-texte').textContent()).toBe(d.preuves.libelle);
    expect(await page.locator('#preuves [role="progressbar"]').getAttribute('aria-valuenow')).toBe('16.9');
    expect(await page.locator('#completude .indicateur-texte').textContent()).toBe(d.completude.libelle);
    expect(await page.locator('#feuille-de-route .indicateur-texte').textContent()).toBe(`33 pratiques faites sur 49 (67,3${NNBSP}%)`);
    // No English decimal point in a figure, and always a narrow no-break space between a number and its %.
    expect(body).not.toMatch(/\d\.\d+\s*%/);
    expect(body).not.toMatch(/\d[ \u00a0]?%/);
    await page.close();
  });

  it('lists overdue and coming échéances, each a button that selects its row', async () => {
    const { page, calls } = await open();
    const { enRetard, aVenir } = data.dashboard!.echeances;
    expect(await page.locator('#en-retard h3').textContent()).toBe(`En retard (${enRetard.length})`);
    const retard = page.locator('#en-retard button.lien-cellule');
    expect(await retard.count()).toBe(Math.min(5, enRetard.length));
    expect(await page.locator('#en-retard .note').textContent()).toBe(`… et ${enRetard.length - 5} autres dans le classeur.`);
    const first = enRetard[0];
    expect(await retard.first().locator('.echeance-date').textContent()).toBe(`Échéance ${first.echeanceLibelle} – ${first.jours} jours de retard`);
    expect(await retard.first().locator('.echeance-libelle').textContent()).toBe(first.libelle);
    expect(await page.locator('#a-venir h3').textContent()).toBe(`À venir dans les 3 mois (${aVenir.length})`);
    await retard.nth(1).click();
    await expect.poll(calls).toContainEqual(['selectCell', enRetard[1].onglet, `${enRetard[1].ligne}:${enRetard[1].ligne}`]);
    await page.close();
  });

  it('groups the anomalies by tab in <details>, blocking tabs first and open, with counts', async () => {
    const { page } = await open();
    const check = data.lastCheck!;
    expect([check.total, check.bloquantes]).toEqual([7, 2]);
    expect(await page.locator('#anomalies-resume').textContent()).toBe(`Dernière vérification le ${dateHeure(check.date)} (Vérifier les saisies).7 anomalies, dont 2 bloquantes.`);
    const groups = page.locator('#anomalies details.onglet');
    expect(await groups.count()).toBe(4);
    expect(await groups.locator('summary').allTextContents()).toEqual([
      'Service – Déchets (4 anomalies, 2 bloquantes)',
      'Service – Aménagement (1 anomalie)',
      'Service – Développement éco (1 anomalie)',
      'Service – Services techniques (1 anomalie)',
    ]);
    expect(await groups.evaluateAll((els) => els.map((e) => (e as HTMLDetailsElement).open))).toEqual([true, false, false, false]);
    // Inside a tab: blocking first, then by row.
    expect(await groups.nth(0).locator('button .lieu').allTextContents()).toEqual([
      'Cellule J4 · Date de fin',
      "Cellule B6 · Intitulé de l'action",
      'Cellule D4 · Pilier EC',
      "Cellule B15 · Intitulé de l'action",
    ]);
    expect(await groups.nth(0).locator('.gravite').allTextContents()).toEqual(['Bloquante', 'Bloquante', 'À vérifier', 'À vérifier']);
    // A closed group's buttons show once its summary is opened.
    expect(await groups.nth(1).locator('button').first().isVisible()).toBe(false);
    await groups.nth(1).locator('summary').click();
    expect(await groups.nth(1).locator('button').first().isVisible()).toBe(true);
    await page.close();
  });

  it('selects the anomaly’s cell through google.script.run.selectCell(sheet, a1) and announces it', async () => {
    const { page, calls } = await open();
    await page.getByRole('button', { name: /Cellule J4 · Date de fin/ }).click();
    await expect.poll(calls).toContainEqual(['selectCell', 'Service – Déchets', 'J4']);
    await expect.poll(() => page.locator('#annonce').textContent()).toBe('J4 sélectionné dans « Service – Déchets ».');
    await page.locator('details[data-onglet="Service – Aménagement"] summary').click();
    await page.getByRole('button', { name: /Cellule J11/ }).click();
    await expect.poll(calls).toContainEqual(['selectCell', 'Service – Aménagement', 'J11']);
    expect((await calls()).filter((c) => c[0] === 'selectCell')).toHaveLength(2);
    await page.close();
  });

  it('offers shortcuts to the anomalies and the overdue items that move the keyboard focus there', async () => {
    const { page } = await open();
    const shortcuts = page.locator('#raccourcis button');
    expect(await shortcuts.allTextContents()).toEqual(['Anomalies : 7, dont 2 bloquantes', `En retard : ${data.dashboard!.echeances.enRetard.length}`]);
    await shortcuts.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('titre-anomalies');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.querySelector('.lieu')?.textContent)).toBe('Cellule J4 · Date de fin');
    await page.close();
  });

  it('renders workbook values carrying markup as text: no element created, no script run', async () => {
    const { page, dialogs, errors } = await open();
    const message = page.locator('.anomalie .message', { hasText: 'Pilier EC' });
    expect(await message.textContent()).toContain(`Pilier EC : « ${INJECTION} » ne fait pas partie de la liste.`);
    expect(await message.isVisible()).toBe(true);
    const jalon = page.locator('#en-retard .echeance-detail', { hasText: 'img' });
    expect(await jalon.textContent()).toBe(`Fiche ${data.dashboard!.echeances.enRetard.find((e) => e.qui === INJECTION)!.reference} · ${INJECTION}`);
    expect(await page.locator('img, iframe, object, embed, script[src]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML.includes('<img'))).toBe(false);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends no request anywhere (no CSP of its own: Google injects google.script.run into the sandbox frame)', async () => {
    const { page, requests, attempts, blockedByCsp } = await open();
    await page.getByRole('button', { name: /Cellule J4/ }).click();
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await page.locator('#app[aria-busy="false"]').waitFor();
    expect(requests).toEqual([]);
    expect(attempts).toEqual([]);
    expect(blockedByCsp).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy" i]'))).toBeNull();
    await page.close();
  });

  it('lets Tab reach the anomaly buttons with a visible focus, and Enter selects the cell', async () => {
    const { page, calls } = await open();
    const stops: string[] = [];
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { inAnomalies: !!el.closest('#anomalies'), tag: el.tagName, text: (el.textContent ?? '').trim() };
      });
      stops.push(`${info.tag}:${info.text.slice(0, 24)}`);
      reached = info.inAnomalies && info.tag === 'BUTTON';
    }
    expect(reached, `arrêts de tabulation : ${stops.join(' | ')}`).toBe(true);
    expect(stops.slice(0, 3)).toEqual(['BUTTON:Actualiser', 'BUTTON:Anomalies : 7, dont 2 bl', 'BUTTON:En retard : 9']);
    expect(stops.at(-2)).toBe('SUMMARY:Service – Déchets (4 ano');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, lieu: el.querySelector('.lieu')?.textContent };
    });
    expect(focus.lieu).toBe('Cellule J4 · Date de fin');
    expect(focus.style).toBe('solid');
    expect(focus.width).toBeGreaterThanOrEqual(2);
    expect(focus.color).toBe('rgb(11, 87, 208)');
    await page.keyboard.press('Enter');
    await expect.poll(calls).toContainEqual(['selectCell', 'Service – Déchets', 'J4']);
    // Space on a closed tab's summary opens it, and its buttons are then in the Tab order.
    await page.locator('details[data-onglet="Service – Aménagement"] summary').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.querySelector('.lieu')?.textContent)).toBe('Cellule J11 · Date de fin');
    await page.close();
  });

  it('keeps every text at a contrast of 4.5:1 at least, and fits 300 px without horizontal scrolling', async () => {
    const { page } = await open();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const failures = await page.evaluate(() => {
      const parse = (c: string) => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
      };
      const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null) => {
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c.a > 0) return c;
        }
        return { r: 255, g: 255, b: 255, a: 1 };
      };
      const out: string[] = [];
      let checked = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || !el.checkVisibility() || el.closest('.visuellement-cache')) continue;
        const fg = parse(getComputedStyle(el).color)!;
        const [hi, lo] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
        const ratio = (hi + 0.05) / (lo + 0.05);
        checked++;
        if (ratio < 4.5) out.push(`${n.textContent!.trim().slice(0, 40)} : ${ratio.toFixed(2)}`);
      }
      return { out, checked };
    });
    expect(failures.checked).toBeGreaterThan(100);
    expect(failures.out).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_VIEWPORT.width);
    await page.close();
  });

  it('shows an axe made non concerné by personalisation as such, with an empty bar', async () => {
    const d = data.dashboard!;
    const axes = d.scores.axes.map((a, i) => (i === 3 ? { ...a, potentiel: 0, fait: 0, programme: 0, pourcentageRealise: 0, pourcentageProgramme: 0 } : a));
    const { page } = await open({}, { ...data, dashboard: { ...d, scores: { ...d.scores, axes } } });
    const bar = page.locator('#axes [role="progressbar"]').nth(3);
    expect(await bar.getAttribute('aria-valuetext')).toBe('Non concerné (potentiel nul après personnalisation)');
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    expect(await bar.locator('.segment.realise').evaluate((e) => e.getBoundingClientRect().width)).toBe(0);
    expect(await page.locator('#axes .axe-chiffres').nth(3).textContent()).toBe('Non concerné (potentiel nul après personnalisation)');
    await page.close();
  });

  it('says in French when the data cannot be read, and still shows the anomalies when only the dashboard failed', async () => {
    const failed = await open({ failLoad: 'Exception: Service Spreadsheets failed' });
    expect(await failed.page.locator('#etat').textContent()).toBe('Impossible de lire le classeur : Exception: Service Spreadsheets failed');
    expect(await failed.page.locator('#sec-scores').isHidden()).toBe(true);
    expect(await failed.page.locator('#etat').evaluate((e) => e.getAttribute('role'))).toBe('status');
    await failed.page.close();

    const partial = await open({}, { ...data, dashboard: null, erreurTableau: 'L’onglet « Référentiel » est introuvable.' });
    expect(await partial.page.locator('#etat').textContent()).toBe('Le tableau de bord n’a pas pu être calculé : L’onglet « Référentiel » est introuvable.');
    expect(await partial.page.locator('#sec-scores').isHidden()).toBe(true);
    expect(await partial.page.locator('#anomalies details.onglet').count()).toBe(4);
    await partial.page.close();

    const never = await open({}, { ...data, lastCheck: null });
    expect(await never.page.locator('#anomalies').textContent()).toBe('Aucune vérification enregistrée : lancez « Vérifier les saisies » depuis le menu Cap Circulaire.');
    await never.page.close();
  });

  it('round trip with the real server side over the Apps Script fakes: data in, cell selected in the spreadsheet', async () => {
    const wb = sample.workbook;
    const env = createGasEnvironment({ sheets: wb.sheetNames().map((n): [string, unknown[][]] => [n, wb.read(n) as unknown[][]]) });
    new GasCheckStore(env.properties.document as never).save(data.lastCheck!);
    const restore = installGasFakes(globalThis as unknown as Record<string, unknown>, env);
    try {
      const { page, calls, requests } = await open({ server: { sidebarData, selectCell } as never });
      expect(await page.locator('#collectivite').textContent()).toBe("Communauté d'agglomération du Val de Loue");
      expect(await page.locator('#axes [role="progressbar"]').count()).toBe(5);
      expect(await page.locator('#anomalies details.onglet').count()).toBe(4);

      await page.getByRole('button', { name: /Cellule J4 · Date de fin/ }).click();
      await expect.poll(() => page.locator('#annonce').textContent()).toBe('Cellule J4 sélectionnée dans l’onglet « Service – Déchets ».');
      expect(env.spreadsheet.getActiveSheet().getName()).toBe('Service – Déchets');
      expect(env.spreadsheet.getActiveRange()!.a1()).toBe('J4');

      // The tab was deleted since the check: the server's French refusal is shown as an error.
      env.spreadsheet.deleteSheet(env.spreadsheet.sheet('Service – Aménagement'));
      await page.locator('details[data-onglet="Service – Aménagement"] summary').click();
      await page.getByRole('button', { name: /Cellule J11/ }).click();
      await expect
        .poll(() => page.locator('#annonce').textContent())
        .toBe('La cellule n’a pas pu être sélectionnée : L’onglet « Service – Aménagement » n’existe plus dans le classeur (renommé ou supprimé ?). Relancez « Vérifier les saisies » pour mettre la liste à jour.');
      expect(await page.locator('#annonce').getAttribute('class')).toContain('erreur');
      expect((await calls()).map((c) => c[0])).toEqual(['sidebarData', 'selectCell', 'selectCell']);
      expect(requests).toEqual([]);
      await page.close();
    } finally {
      restore();
    }
  });

  it('saves a screenshot of the whole panel at 300 px (tests/artifacts/sidebar.png)', async () => {
    const { page } = await open();
    await page.locator('details[data-onglet="Service – Aménagement"] summary').click();
    // Keyboard focus on the second anomaly, to see the focus ring.
    await page.getByRole('button', { name: /Cellule J4/ }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.querySelector('.lieu')?.textContent)).toBe("Cellule B6 · Intitulé de l'action");
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar.png'), fullPage: true });
    expect(png.readUInt32BE(16)).toBe(SIDEBAR_VIEWPORT.width);
    expect(png.readUInt32BE(20)).toBeGreaterThan(SIDEBAR_VIEWPORT.height);
    await page.close();
  });
});

/** `28/11/2026 à 16:20` in the browser's time zone (set to this process's, see browser.ts). */
function dateHeure(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} à ${two(d.getHours())}:${two(d.getMinutes())}`;
}


