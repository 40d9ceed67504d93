/**
 * The BUILT web page (dist-web/index.html) in headless Chromium tells the
 * user which cells the .xlsx layer could not read (openpyxl's formulas stored
 * without their result) and which it could not write as asked (a Réf. under
 * a merged range), by tab and cell, with the very lines the command line
 * prints; says nothing of the kind for the clean sample; stays accessible
 * (axe-core) and reachable by keyboard with the notices shown.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_MESSAGES as M } from '../../src/domain/messages/web';
import { SERVICE_COLUMNS } from '../../src/domain/schema/tabs';
import { typographie } from '../../src/domain/text/typography';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { OoxmlPackage } from '../../src/files/xlsx/package';
import { cli } from '../node/helpers';
import { handWorkbook, inl } from '../xlsx/support';
import { CHROMIUM, SKIP_MESSAGE, axeViolations, buildSample, download, ensureBuiltPage, idle, networkRequests, openPage, pageUrlFromDisk, tempFolder, type Session } from './support';

if (!CHROMIUM) console.warn(SKIP_MESSAGE);

const OPENPYXL = path.resolve(__dirname, '../fixtures/xlsx/openpyxl-service.xlsx');
const temp = tempFolder('cellules');
const HEADERS = SERVICE_COLUMNS.map((c) => c.header);
const headerRow = (r: number) => `<row r="${r}">${HEADERS.map((h, i) => inl(`${String.fromCharCode(65 + i)}${r}`, h.replace(/'/g, '&apos;'))).join('')}</row>`;

/** A service tab whose first Réf. cell is merged over the empty Réf. of the next action: the new Réf. cannot be written there. */
function mergedWorkbook(file: string): string {
  const bytes = handWorkbook({
    sheets: [
      {
        name: 'Service – Déchets',
        body: `<sheetData>${headerRow(1)}<row r="2">${inl('A2', 'DEC-001')}${inl('B2', 'Compostage')}</row><row r="3">${inl('B3', 'Broyage')}</row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`,
      },
    ],
  });
  writeFileSync(file, bytes);
  return file;
}

/** The notice's rows as the user reads them: tab, cell, message. */
async function rows(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#table-${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Ouvrir un classeur').setInputFiles(file);
  await page.locator('#nom-fichier').filter({ hasText: path.basename(file) }).waitFor({ timeout: 120_000 });
  await idle(page);
}

describe.skipIf(!CHROMIUM)('page web : cellules non lues et non écrites', () => {
  let session: Session;
  let url: string;
  let sample: string;

  beforeAll(async () => {
    ensureBuiltPage();
    sample = (await buildSample(path.join(temp.dir, 'exemple'))).workbook;
    url = pageUrlFromDisk();
    session = await openPage(url);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    temp.remove();
  });

  it('lists, after opening an openpyxl workbook, each formula stored without its result by tab and cell, with the line the command line prints', async () => {
    const { page } = session;
    await openFile(page, OPENPYXL);
    const expected = (await readXlsxBuffer(new Uint8Array(readFileSync(OPENPYXL)))).readingIssues;
    expect(expected.length).toBe(2);
    const section = page.locator('#cellules-non-lues');
    expect(await section.isVisible()).toBe(true);
    // A titled region: its heading names it for screen readers.
    expect(await page.getByRole('region', { name: M.cellules.nonLues, exact: true }).first().isVisible()).toBe(true);
    expect(await page.locator('#cellules-non-lues-titre').textContent()).toBe(M.cellules.nonLues);
    expect(await page.locator('#cellules-non-lues-resume').textContent()).toBe(typographie(M.cellules.resume(2, 2)));
    expect(await rows(page, 'cellules-non-lues')).toEqual([
      ['Service – Déchets', 'M3', typographie(expected[0].message)],
      ['Suivi', 'C2', typographie(expected[1].message)],
    ]);
    // The same lines as `cap-circulaire validate` prints on stderr.
    const r = await cli(temp.dir, 'validate', OPENPYXL);
    for (const issue of expected) expect(r.stderr).toContain(issue.message);
    // Announced with the result, in the status line a screen reader reads out.
    expect(await page.locator('#etat-texte').textContent()).toContain(typographie(M.cellules.annonceNonLues(2)));
    expect(await page.locator('#cellules-non-ecrites').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reaches the notice by keyboard, with a visible focus', async () => {
    const { page } = session;
    await page.locator('#btn-modele').focus();
    let reached: { outline: string; width: number } | null = null;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        if (!a.closest('#cellules-non-lues')) return null;
        const style = getComputedStyle(a);
        return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
    }
    expect(reached, 'the notice’s table is never focused').not.toBeNull();
    expect(reached!.outline).not.toBe('none');
    expect(reached!.width).toBeGreaterThanOrEqual(2);
  });

  it('shows a long list by pages: 200 cells, then the rest on demand', async () => {
    const { page } = session;
    const cells = Array.from({ length: 250 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><f>B${i + 2}*2</f></c></row>`).join('');
    const file = path.join(temp.dir, 'formules.xlsx');
    writeFileSync(file, handWorkbook({ sheets: [{ name: 'Calculs', body: `<sheetData><row r="1">${inl('A1', 'Double')}</row>${cells}</sheetData>` }] }));
    await openFile(page, file);
    expect(await page.locator('#cellules-non-lues-resume').textContent()).toBe(typographie(M.cellules.resume(250, 1)));
    expect(await page.locator('#table-cellules-non-lues tbody tr').count()).toBe(200);
    const more = page.locator('#cellules-non-lues').getByRole('button', { name: M.cellules.plus(50), exact: true });
    await more.click();
    expect(await page.locator('#table-cellules-non-lues tbody tr').count()).toBe(250);
    expect(await more.isVisible()).toBe(false);
    expect((await rows(page, 'cellules-non-lues')).at(-1)?.slice(0, 2)).toEqual(['Calculs', 'A251']);
  });

  it('lists, after consolidating, the Réf. the writer could not put under a merged range, by tab and cell, with the line the command line prints', async () => {
    const { page } = session;
    const file = mergedWorkbook(path.join(temp.dir, 'fusion.xlsx'));
    await openFile(page, file);
    // A new file: the previous file's unread cells are gone.
    expect(await page.locator('#cellules-non-lues').isVisible()).toBe(false);
    const consolidated = await download(page, 'Consolider', path.join(temp.dir, 'telechargements'), '.xlsx');
    await idle(page);
    expect(await page.locator('#cellules-non-ecrites').isVisible()).toBe(true);
    expect(await page.locator('#cellules-non-ecrites-titre').textContent()).toBe(M.cellules.nonEcrites);
    const shown = await rows(page, 'cellules-non-ecrites');
    expect(shown.map(([tab, cell]) => [tab, cell])).toEqual([['Service – Déchets', 'A3']]);
    expect(shown[0][2]).toContain('plage fusionnée (A2:A3)');
    expect(await page.locator('#etat-texte').textContent()).toContain(typographie(M.cellules.annonceNonEcrites(1)));
    // The downloaded workbook is what the notice says: the range still merged, nothing written under it.
    const back = await readXlsxBuffer(consolidated.bytes);
    expect(back.workbook.read('Service – Déchets')[2][0]).toBeNull();
    expect(new OoxmlPackage(consolidated.bytes).text('xl/worksheets/sheet1.xml')).toContain('<mergeCell ref="A2:A3"/>');
    // `cap-circulaire consolidate` prints the same line.
    const r = await cli(temp.dir, 'consolidate', file, '--out', path.join(temp.dir, 'fusion-cli.xlsx'));
    expect(r.code, r.stderr).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.includes('plage fusionnée'));
    expect(line).toBeDefined();
    expect(shown[0][2]).toBe(typographie(line!.trim()));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows no notice for the clean sample, neither after opening it nor after consolidating it', async () => {
    const { page } = session;
    await openFile(page, sample);
    // The previous file's cells not written are gone with it.
    expect(await page.locator('#cellules-non-ecrites').isVisible()).toBe(false);
    expect(await page.locator('#cellules-non-lues').isVisible()).toBe(false);
    expect(await page.locator('#etat-texte').textContent()).not.toMatch(/Cellules non/);
    await download(page, 'Consolider', path.join(temp.dir, 'telechargements'), '.xlsx');
    await idle(page);
    expect(await page.locator('#etat-texte').textContent()).toContain('actions consolidées');
    expect(await page.locator('#cellules-non-ecrites').isVisible()).toBe(false);
    expect(await page.locator('#cellules-non-lues').isVisible()).toBe(false);
  });

  it('made no request other than the page itself, and raised no error', () => {
    expect(session.refused).toEqual([]);
    expect(networkRequests(session, url)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
