/**
 * The network in the web page (built dist-web/index.html, from disk, in
 * Chromium): the territory's *Fiche réseau* button, and the coordinator's
 * rollup of several files picked at once (fiches, a full workbook, a broken
 * file), downloaded as the regional workbook and deck, read back; no
 * request leaves the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classeurSynthetique, territoiresSynthetiques } from '../../src/app/reseau-synthetique';
import { ficheReseauBytes } from '../../src/files/offline-reseau';
import { writeXlsxFile } from '../../src/node/xlsx-files';
import { readSampleFolder } from '../../src/node/sample';
import { buildSample, CHROMIUM, ensureBuiltPage, idle, networkRequests, openPage, pageUrlFromDisk, pptxSlides, readWorkbook, sheetValues, SKIP_MESSAGE, tempFolder, type Session } from './support';

if (!CHROMIUM) console.warn(SKIP_MESSAGE);

const temp = tempFolder('reseau');
const NOW = new Date(Date.UTC(2026, 10, 28));
let files: string[] = [];
let names: string[] = [];
let sampleWorkbook = '';

beforeAll(async () => {
  ensureBuiltPage();
  const dir = path.join(temp.dir, 'recus');
  mkdirSync(dir, { recursive: true });
  const ts = territoiresSynthetiques(await readSampleFolder('sheets-templates/val-de-loue'), 4, 77);
  for (const [i, t] of ts.entries()) {
    const wb = classeurSynthetique(t, NOW);
    const file = path.join(dir, i === 3 ? `classeur-${i}.xlsx` : `fiche-${i}.xlsx`);
    if (i === 3) await writeXlsxFile(wb, file);
    else writeFileSync(file, (await ficheReseauBytes(wb, NOW)).bytes);
    files.push(file);
  }
  names = ts.map((t) => t.nom);
  const broken = path.join(dir, 'illisible.xlsx');
  writeFileSync(broken, 'pas un classeur');
  files.push(broken);
  sampleWorkbook = (await buildSample(path.join(temp.dir, 'exemple'))).workbook;
}, 240_000);

afterAll(() => temp.remove());

describe.skipIf(!CHROMIUM)('page web : réseau régional', () => {
  let session: Session;
  const url = pageUrlFromDisk();

  beforeAll(async () => {
    session = await openPage(url);
  });
  afterAll(async () => session?.close());

  it('rolls up the files picked at once into the regional workbook and deck, naming the file set aside', async () => {
    const { page } = session;
    const got: Array<{ name: string; file: string }> = [];
    page.on('download', async (d) => {
      const file = path.join(temp.dir, 'web', d.suggestedFilename());
      mkdirSync(path.dirname(file), { recursive: true });
      await d.saveAs(file);
      got.push({ name: d.suggestedFilename(), file });
    });
    await page.getByLabel('Consolider des fiches réseau').setInputFiles(files);
    await page.waitForFunction(() => document.querySelectorAll('#liste-fichiers li').length >= 2, undefined, { timeout: 180_000 });
    await idle(page);
    await expect.poll(() => got.length, { timeout: 30_000 }).toBe(2);
    // The status line is typeset (no-break spaces): read it with plain spaces.
    expect((await page.locator('#etat-texte').textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/4 territoires consolidés depuis 5 fichiers ; 1 fichier écarté/);
    expect((await page.locator('#erreur').textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/Écarté : illisible\.xlsx/);
    const xlsx = got.find((g) => g.name.endsWith('.xlsx'))!;
    const pptx = got.find((g) => g.name.endsWith('.pptx'))!;
    expect(xlsx.name).toMatch(/^Réseau – classeur régional – \d\d-\d\d-\d{4}\.xlsx$/);
    const { readFileSync } = await import('node:fs');
    const wb = await readWorkbook(new Uint8Array(readFileSync(xlsx.file)));
    const territoires = sheetValues(wb.getWorksheet('Territoires')!);
    expect(territoires.slice(1).map((r) => r[0]).sort()).toEqual([...names].sort());
    expect(sheetValues(wb.getWorksheet('Fichiers écartés')!).slice(1).map((r) => r[0])).toEqual(['illisible.xlsx']);
    const slides = pptxSlides(new Uint8Array(readFileSync(pptx.file)));
    expect(slides[0].join(' ')).toMatch(/Réseau économie circulaire/);
    expect(slides.some((s) => s.join(' ').includes('score réalisé par axe, 4 territoires'))).toBe(true);
  });

  it('writes the fiche réseau of the open workbook and says what is shared', async () => {
    const { page } = session;
    await page.getByLabel('Ouvrir un classeur').setInputFiles(sampleWorkbook);
    await page.locator('#collectivite').waitFor({ timeout: 120_000 });
    await idle(page);
    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Fiche réseau', exact: true }).click();
    const d = await waiting;
    expect(d.suggestedFilename()).toMatch(/^Fiche réseau – Communauté d'agglomération du Val de Loue – /);
    const file = path.join(temp.dir, 'web', d.suggestedFilename());
    await d.saveAs(file);
    await idle(page);
    expect((await page.locator('#etat-texte').textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/Jamais partagé : noms de personnes/);
    const { readFileSync } = await import('node:fs');
    const wb = await readWorkbook(new Uint8Array(readFileSync(file)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Fiche réseau', 'Scores', 'Actions du plan', 'Financements']);
  });

  it('made no request other than the page itself, and raised no error', () => {
    expect(networkRequests(session, url)).toEqual([]);
    expect(session.refused).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
