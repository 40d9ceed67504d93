/**
 * The BUILT web page (dist-web/index.html) in headless Chromium, served by a
 * static server and opened from disk (file://): opens the sample workbook,
 * checks, consolidates, computes the scores and downloads every file, each
 * read back and compared with what the command line writes from the same
 * workbook; no request leaves the page; axe-core finds no serious or critical
 * violation; everything is reachable by keyboard.
 */
import { typographie } from '../../src/domain/text/typography';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_MESSAGES as M } from '../../src/domain/messages/web';
import { cli } from '../node/helpers';
import {
  ARTIFACTS,
  CHROMIUM,
  ROOT,
  SKIP_MESSAGE,
  axeViolations,
  buildSample,
  docxTexts,
  download,
  ensureBuiltPage,
  idle,
  networkRequests,
  openPage,
  pageUrlFromDisk,
  pptxSlides,
  readWorkbook,
  serve,
  sheetValues,
  tempFolder,
  type Session,
} from './support';

if (!CHROMIUM) console.warn(SKIP_MESSAGE);

const BUTTONS = ['Vérifier', 'Consolider', 'Calculer les scores', 'Présentation COPIL', 'Document AFOM', "Dossier d'audit", "Bilan d'une instance", 'Export Territoires en Transitions', 'Modèle vierge'];
const COLLECTIVITE = "Communauté d'agglomération du Val de Loue";

interface Reference {
  readonly dir: string;
  readonly workbook: string;
  readonly services: Array<{ onglet: string; lignes: number }>;
  readonly actions: number;
  readonly validate: { bloquantes: number; avertissements: number; anomalies: Array<{ onglet: string; ligne: number | null; colonne: string | null; message: string; bloquante: boolean }> };
  readonly scores: { etoiles: { actuelle: number; potentielle: number } };
  /** Files written by the CLI from the same workbook. */
  readonly files: Record<'consolide' | 'copil' | 'afom' | 'audit' | 'bilan' | 'tet' | 'modele', string>;
  readonly instance: number;
}

let ref: Reference;
const temp = tempFolder('page');

beforeAll(async () => {
  ensureBuiltPage();
  const dir = temp.dir;
  const sample = await buildSample(path.join(dir, 'exemple'));
  const out = (f: string) => path.join(dir, 'cli', f);
  mkdirSync(path.join(dir, 'cli'), { recursive: true });
  const run = async (...argv: string[]) => {
    const r = await cli(dir, ...argv);
    expect(r.code, r.stderr).toBeLessThan(2);
    return r;
  };
  const validate = JSON.parse((await run('validate', sample.workbook, '--json')).stdout);
  const scores = JSON.parse((await run('score', sample.workbook, '--json')).stdout);
  // The bilan of the sample's last instance (the one the demo writes).
  const instance = 10;
  await run('consolidate', sample.workbook, '--out', out('consolide.xlsx'));
  await run('generate', 'copil', sample.workbook, '--out', out('copil.pptx'));
  await run('generate', 'afom', sample.workbook, '--out', out('afom.docx'));
  await run('generate', 'audit', sample.workbook, '--out', out('audit.docx'));
  await run('generate', 'bilan', sample.workbook, '--out', out('bilan.docx'), '--instance', String(instance));
  await run('export-tet', sample.workbook, '--out', out('tet.xlsx'));
  await run('template', '--out', out('modele.xlsx'));
  ref = {
    dir,
    workbook: sample.workbook,
    services: sample.report.services,
    actions: sample.report.actions,
    validate,
    scores,
    instance,
    files: { consolide: out('consolide.xlsx'), copil: out('copil.pptx'), afom: out('afom.docx'), audit: out('audit.docx'), bilan: out('bilan.docx'), tet: out('tet.xlsx'), modele: out('modele.xlsx') },
  };
});

afterAll(() => temp.remove());

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

async function sameSheets(webBytes: Uint8Array, cliFile: string, tabs?: readonly string[]): Promise<void> {
  const [web, cliBook] = await Promise.all([readWorkbook(webBytes), readWorkbook(bytesOf(cliFile))]);
  const names = (wb: typeof web) => wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
  expect(names(web)).toEqual(names(cliBook));
  for (const tab of tabs ?? names(cliBook)) {
    expect(sheetValues(web.getWorksheet(tab)!), tab).toEqual(sheetValues(cliBook.getWorksheet(tab)!));
  }
}

async function openSample(page: Page): Promise<void> {
  await page.getByLabel('Ouvrir un classeur').setInputFiles(ref.workbook);
  await page.locator('#collectivite').waitFor({ timeout: 120_000 });
  await idle(page);
}

for (const mode of ['serveur', 'fichier'] as const) {
  describe.skipIf(!CHROMIUM)(`page web construite (dist-web/index.html), ${mode === 'serveur' ? 'servie par un hôte statique' : 'ouverte depuis le disque (file://)'}`, () => {
    let session: Session;
    let url: string;
    let server: { url: string; close(): Promise<void> } | null = null;
    const downloads = () => path.join(temp.dir, `telechargements-${mode}`);

    beforeAll(async () => {
      if (mode === 'serveur') {
        server = await serve();
        url = server.url;
      } else url = pageUrlFromDisk();
      session = await openPage(url);
    });

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('says that nothing leaves the computer, names every control as the contract does, and offers the empty workbook before any file', async () => {
      const { page } = session;
      await expect(page.locator('#confidentialite').textContent()).resolves.toBe(M.confidentialite);
      expect(await page.getByLabel('Ouvrir un classeur', { exact: true }).getAttribute('type')).toBe('file');
      for (const name of BUTTONS) await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
      expect(await page.getByRole('button', { name: 'Modèle vierge', exact: true }).isEnabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Consolider', exact: true }).isEnabled()).toBe(false);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await page.locator('h1').count()).toBe(1);

      const modele = await download(page, 'Modèle vierge', downloads());
      expect(modele.name).toMatch(/^Modèle Cap Circulaire – \d{2}-\d{2}-\d{4}\.xlsx$/);
      await sameSheets(modele.bytes, ref.files.modele);
    });

    it('opens the sample workbook: collectivité, services with their actions, anomalies as the CLI lists them', async () => {
      const { page } = session;
      await openSample(page);
      expect(await page.locator('#collectivite').textContent()).toBe(COLLECTIVITE);
      const services = await page.locator('#table-services tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('td')!.textContent)]));
      expect(services).toEqual(ref.services.map((s) => [s.onglet, s.lignes]));
      const rows = await page.locator('#table-anomalies tbody tr').count();
      expect(rows).toBe(ref.validate.anomalies.length);
      expect(rows).toBeGreaterThan(0);
      expect(await page.locator('#anomalies-resume').textContent()).toBe(M.anomalies.resume(ref.validate.bloquantes, ref.validate.avertissements));
      const first = await page.locator('#table-anomalies tbody tr').first().locator('td').allTextContents();
      const a = ref.validate.anomalies[0];
      expect(first).toEqual([a.onglet, a.ligne === null ? '–' : String(a.ligne), a.colonne ?? '–', a.message, a.bloquante ? 'Oui' : 'Non']);
    });

    it('filters and sorts the anomalies (tab, severity, text; any column, both ways)', async () => {
      const { page } = session;
      const tabs = [...new Set(ref.validate.anomalies.map((a) => a.onglet))];
      const tab = tabs[tabs.length - 1];
      await page.getByLabel(M.anomalies.filtreOnglet, { exact: true }).selectOption(tab);
      const shown = await page.locator('#table-anomalies tbody tr td:first-child').allTextContents();
      expect(shown).toEqual(ref.validate.anomalies.filter((x) => x.onglet === tab).map((x) => x.onglet));
      await page.getByLabel(M.anomalies.filtreOnglet, { exact: true }).selectOption('');

      await page.getByLabel(M.anomalies.filtreGravite, { exact: true }).selectOption('avertissements');
      expect(await page.locator('#table-anomalies tbody tr').count()).toBe(ref.validate.avertissements);
      await page.getByLabel(M.anomalies.filtreGravite, { exact: true }).selectOption('toutes');

      const word = ref.validate.anomalies[0].message.split(/\s+/).find((w) => w.length > 6)!;
      await page.getByLabel(M.anomalies.filtreTexte, { exact: true }).fill(word.toUpperCase());
      const matching = ref.validate.anomalies.filter((x) => `${x.message} ${x.colonne ?? ''} ${x.onglet}`.toLowerCase().includes(word.toLowerCase()));
      expect(await page.locator('#table-anomalies tbody tr').count()).toBe(matching.length);
      await page.getByLabel(M.anomalies.filtreTexte, { exact: true }).fill('');

      const header = page.locator('#table-anomalies th[data-cle="ligne"]');
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const up = (await page.locator('#table-anomalies tbody tr td:nth-child(2)').allTextContents()).filter((t) => t !== '–').map(Number);
      expect(up).toEqual([...up].sort((x, y) => x - y));
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      const down = (await page.locator('#table-anomalies tbody tr td:nth-child(2)').allTextContents()).filter((t) => t !== '–').map(Number);
      expect(down).toEqual([...up].sort((x, y) => y - x));
    });

    it('Vérifier lists the anomalies again and says how many', async () => {
      const { page } = session;
      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await idle(page);
      expect(await page.locator('#table-anomalies tbody tr').count()).toBe(ref.validate.anomalies.length);
      expect(await page.locator('#etat-texte').textContent()).toMatch(/anomalie|avertissement|Aucune/i);
    });

    it('Consolider downloads the same workbook as `cap-circulaire consolidate` (Actions, Plans, AFOM, Paramètres) and its report', async () => {
      const { page } = session;
      // Two downloads, in whatever order the browser reports them.
      const waitingReport = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.json'), timeout: 120_000 });
      const file = await download(page, 'Consolider', downloads(), '.xlsx');
      await (await waitingReport).saveAs(path.join(downloads(), 'rapport.json'));
      expect(file.name).toMatch(new RegExp(`^Classeur consolidé – ${COLLECTIVITE} – \\d{2}-\\d{2}-\\d{4}\\.xlsx$`));
      await sameSheets(file.bytes, ref.files.consolide, ['Actions', 'Plans', 'AFOM', 'Paramètres']);
      const actions = sheetValues((await readWorkbook(file.bytes)).getWorksheet('Actions')!);
      expect(actions.filter((r) => r.length > 0).length - 1).toBe(ref.actions);
      const report = JSON.parse(readFileSync(path.join(downloads(), 'rapport.json'), 'utf8'));
      expect(report.actions).toBe(ref.actions);
      expect(report.services).toEqual(ref.services);
      await expect(page.locator('#etat-texte').textContent()).resolves.toContain('actions consolidées');
    });

    it('Calculer les scores shows each axe, the current star and the star within reach, as the CLI computes them', async () => {
      const { page } = session;
      const file = await download(page, 'Calculer les scores', downloads());
      const json = JSON.parse(Buffer.from(file.bytes).toString('utf8'));
      expect(json.etoiles).toEqual(ref.scores.etoiles);
      expect(await page.locator('#table-scores tbody tr').count()).toBe(6);
      expect(await page.locator('#etoile-actuelle .etoiles-texte').textContent()).toBe(M.scores.etoilesSur(ref.scores.etoiles.actuelle));
      expect(await page.locator('#etoile-a-portee .etoiles-texte').textContent()).toBe(M.scores.etoilesSur(ref.scores.etoiles.potentielle));
    });

    it('Présentation COPIL downloads the deck the CLI generates, slide for slide', async () => {
      const { page } = session;
      const file = await download(page, 'Présentation COPIL', downloads());
      expect(file.name).toMatch(new RegExp(`^Présentation COPIL – ${COLLECTIVITE} – \\d{2}-\\d{2}-\\d{4}\\.pptx$`));
      const slides = pptxSlides(file.bytes);
      expect(slides.length).toBeGreaterThanOrEqual(10);
      expect(slides.flat().join(' ')).toContain('Val de Loue');
      expect(slides).toEqual(pptxSlides(bytesOf(ref.files.copil)));
    });

    it('Document AFOM and Dossier d\'audit download the documents the CLI generates', async () => {
      const { page } = session;
      const afom = await download(page, 'Document AFOM', downloads());
      expect(afom.name).toMatch(/^Document AFOM – .+\.docx$/);
      expect(docxTexts(afom.bytes).length).toBeGreaterThan(50);
      // The cover's « Version du … à HH h MM » is the minute each file was made: the rest must be identical.
      const sameButVersion = (texts: string[]) => texts.map((t) => t.replace(/^Version\sdu\s\d\d\/\d\d\/\d{4}\sà\s\d+\sh\s\d\d/, 'Version du …'));
      expect(sameButVersion(docxTexts(afom.bytes))).toEqual(sameButVersion(docxTexts(bytesOf(ref.files.afom))));
      const audit = await download(page, "Dossier d'audit", downloads());
      expect(audit.name).toMatch(/\.docx$/);
      expect(sameButVersion(docxTexts(audit.bytes))).toEqual(sameButVersion(docxTexts(bytesOf(ref.files.audit))));
    });

    it("Bilan d'une instance uses the instance picked in the list", async () => {
      const { page } = session;
      const select = page.getByLabel(M.travailler.instanceBilan, { exact: true });
      const values = await select.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
      expect(values).toContain(String(ref.instance));
      await select.selectOption(String(ref.instance));
      const bilan = await download(page, "Bilan d'une instance", downloads());
      expect(bilan.name).toContain(`n° ${ref.instance}`);
      const sameButVersion = (texts: string[]) => texts.map((t) => t.replace(/^Version\sdu\s\d\d\/\d\d\/\d{4}\sà\s\d+\sh\s\d\d/, 'Version du …'));
      expect(sameButVersion(docxTexts(bilan.bytes))).toEqual(sameButVersion(docxTexts(bytesOf(ref.files.bilan))));
      // Another instance gives another document.
      const other = values.find((v) => v !== '' && v !== String(ref.instance))!;
      await select.selectOption(other);
      const second = await download(page, "Bilan d'une instance", downloads());
      expect(second.name).toContain(`n° ${other}`);
      expect(docxTexts(second.bytes)).not.toEqual(docxTexts(bilan.bytes));
    });

    it('Export Territoires en Transitions downloads the file the CLI writes', async () => {
      const { page } = session;
      const file = await download(page, 'Export Territoires en Transitions', downloads());
      expect(file.name).toMatch(new RegExp(`^Export Territoires en Transitions – ${COLLECTIVITE} – .+\\.xlsx$`));
      await sameSheets(file.bytes, ref.files.tet);
    });

    it('made no request other than the page itself, and raised no error', async () => {
      expect(session.refused).toEqual([]);
      expect(networkRequests(session, url)).toEqual([]);
      expect(session.errors).toEqual([]);
    });

    it('has no serious or critical accessibility violation (axe-core), with every section shown', async () => {
      const { page } = session;
      await expect(page.locator('#scores').isVisible()).resolves.toBe(true);
      await expect(page.locator('#anomalies').isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      if (mode === 'fichier') {
        mkdirSync(ARTIFACTS, { recursive: true });
        // The page as she sees it after opening the sample: her workbook, the buttons, the files produced.
        await page.setViewportSize({ width: 1280, height: 1900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(ARTIFACTS, 'page-web.png'), fullPage: false });
        await page.setViewportSize({ width: 1280, height: 900 });
        // `UPDATE_SCREENSHOTS=1` refreshes the README's picture.
        if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path.join(ARTIFACTS, 'page-web.png'), path.join(ROOT, 'docs/images/page-web.png'));
      }
    });
  });
}

describe.skipIf(!CHROMIUM)('page web : clavier, glisser-déposer, fichiers refusés', () => {
  let session: Session;
  let url: string;

  beforeAll(async () => {
    url = pageUrlFromDisk();
    session = await openPage(url, { width: 390, height: 844 });
  });
  afterAll(async () => session?.close());

  it('is usable by keyboard alone, with a visible focus on each control', async () => {
    const { page } = session;
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        // A file input is drawn by its label (a button in the page's language): the ring is on the label.
        const drawn = a.classList.contains('fichier') ? (a.nextElementSibling as HTMLElement) : a;
        const style = getComputedStyle(drawn);
        return { id: a === document.body ? 'body' : a.id || a.className, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      // Before a workbook is open, the buttons that need one are disabled: focus goes round
      // the skip link, the file inputs and « Modèle vierge » (then the browser's own controls: body).
      if (f.id === 'body') continue;
      reached.push(f.id);
      expect(f.outline, `${f.id}: ${f.outline}`).not.toBe('none');
      expect(f.width, f.id).toBeGreaterThanOrEqual(2);
    }
    expect(reached[0]).toBe('lien-evitement');
    // (and the network's file input, which needs no workbook either).
    expect(new Set(reached)).toEqual(new Set(['lien-evitement', 'fichier', 'btn-modele', 'fichiers-reseau']));
    expect(reached).toContain('fichier');
    expect(reached).toContain('btn-modele');
    // The empty workbook by keyboard.
    await page.locator('#btn-modele').focus();
    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await page.keyboard.press('Enter');
    expect((await waiting).suggestedFilename()).toMatch(/\.xlsx$/);
    await idle(page);
  });

  it('explains how to save an .ods as .xlsx, and refuses a file that is not a workbook, in French', async () => {
    const { page } = session;
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') });
    await page.getByLabel('Ouvrir un classeur').setInputFiles({ name: 'classeur.ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', buffer: Buffer.from(ods) });
    await idle(page);
    await expect(page.locator('#erreur').textContent()).resolves.toBe(typographie(M.ouvrir.ods));
    await page.getByLabel('Ouvrir un classeur').setInputFiles({ name: 'notes.xlsx', mimeType: 'text/plain', buffer: Buffer.from('pas un classeur') });
    await idle(page);
    await expect(page.locator('#erreur').textContent()).resolves.toBe(typographie(M.ouvrir.pasXlsx('notes.xlsx')));
    expect(await page.getByRole('button', { name: 'Consolider', exact: true }).isEnabled()).toBe(false);
  });

  it('opens a workbook dropped on the drop zone', async () => {
    const { page } = session;
    const base64 = readFileSync(ref.workbook).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'deposé.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return dt;
    }, base64);
    await page.dispatchEvent('#depot', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('#depot', 'drop', { dataTransfer: transfer });
    await page.locator('#collectivite').waitFor({ timeout: 120_000 });
    await idle(page);
    expect(await page.locator('#nom-fichier').textContent()).toBe('deposé.xlsx');
    expect(await page.locator('#collectivite').textContent()).toBe(COLLECTIVITE);
    expect(await axeViolations(page)).toEqual([]);
    expect(networkRequests(session, url)).toEqual([]);
    expect(session.refused).toEqual([]);
  });

  it('once a workbook is open, reaches every button, list and sort header by keyboard, each with a visible focus', async () => {
    const { page } = session;
    await page.locator('.lien-evitement').focus();
    const seen = new Map<string, string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const style = getComputedStyle(a.classList.contains('fichier') ? (a.nextElementSibling as HTMLElement) : a);
        return { key: a === document.body ? 'body' : a.id || `${a.className}:${a.textContent}`, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      if (f.key === 'body') break;
      seen.set(f.key, f.outline);
    }
    for (const id of ['fichier', 'btn-verifier', 'btn-consolider', 'btn-scores', 'instance-copil', 'btn-copil', 'btn-afom', 'btn-audit', 'instance-bilan', 'btn-bilan', 'btn-export-tet', 'btn-modele', 'filtre-onglet', 'filtre-gravite', 'filtre-texte']) {
      expect(seen.get(id), id).toMatch(/^solid [2-9]/);
    }
    expect([...seen.keys()].filter((k) => k.startsWith('tri:'))).toHaveLength(5);
  });
});
