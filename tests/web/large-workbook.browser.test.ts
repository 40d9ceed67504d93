/**
 * The benchmark's workbook (20 service tabs × 1,000 actions, scripts/bench-workbook.mjs)
 * opened and consolidated in the BUILT page: the page's thread stays responsive
 * (a heartbeat on the page never waits long, while the work takes seconds in the
 * worker), the page's memory stays bounded, and the consolidated workbook comes
 * back whole. Speed itself is measured by `npm run bench`, not here: the bounds
 * below only catch a page that freezes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchWorkbook } from '../../scripts/bench-workbook.mjs';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { SERVICE_COLUMNS, TAB } from '../../src/domain/schema/tabs';
import { writeXlsxBuffer } from '../../src/files/xlsx';
import { CHROMIUM, SKIP_MESSAGE, download, ensureBuiltPage, idle, networkRequests, openPage, pageUrlFromDisk, readWorkbook, sheetValues, tempFolder, type Session } from './support';

if (!CHROMIUM) console.warn(SKIP_MESSAGE);

const TABS = 20;
const ROWS = 1000;

describe.skipIf(!CHROMIUM)('page web : classeur de 20 services × 1 000 actions', () => {
  const temp = tempFolder('grand');
  let file: string;
  let session: Session;
  let url: string;

  beforeAll(async () => {
    ensureBuiltPage();
    const wb = benchWorkbook({ MemoryWorkbook, installWorkbook, SERVICE_COLUMNS, TAB }, TABS, ROWS);
    file = path.join(temp.dir, 'grand-classeur.xlsx');
    writeFileSync(file, await writeXlsxBuffer(wb));
    url = pageUrlFromDisk();
    session = await openPage(url);
  });

  afterAll(async () => {
    await session?.close();
    temp.remove();
  });

  it('opens and consolidates it in the worker while the page keeps answering', async () => {
    const { page } = session;
    // Heartbeat: the longest wait between two animation frames / timer ticks of the page's thread.
    await page.evaluate(() => {
      const w = window as unknown as { beat: { max: number; last: number; ticks: number; stop: boolean } };
      w.beat = { max: 0, last: performance.now(), ticks: 0, stop: false };
      const tick = () => {
        const now = performance.now();
        w.beat.max = Math.max(w.beat.max, now - w.beat.last);
        w.beat.last = now;
        w.beat.ticks++;
        if (!w.beat.stop) setTimeout(tick, 10);
      };
      tick();
    });
    const t0 = Date.now();
    await page.getByLabel('Ouvrir un classeur').setInputFiles(file);
    // Progress is shown while the worker reads the file.
    await page.locator('progress#progression').waitFor({ state: 'visible' });
    await page.locator('#table-services').waitFor({ timeout: 300_000 });
    await idle(page);
    expect(await page.locator('#table-services tbody tr').count()).toBe(TABS);
    expect(await page.locator('#table-services tbody td').allTextContents()).toEqual(Array(TABS).fill(String(ROWS)));
    // Long lists are shown by pages: the table does not hold every anomaly at once.
    expect(await page.locator('#table-anomalies tbody tr').count()).toBeLessThanOrEqual(200);

    const consolidated = await download(page, 'Consolider', temp.dir);
    const elapsed = Date.now() - t0;
    const beat = await page.evaluate(() => {
      const w = window as unknown as { beat: { max: number; ticks: number; stop: boolean } };
      w.beat.stop = true;
      return { max: w.beat.max, ticks: w.beat.ticks };
    });
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    console.log(`page web, 20 × 1 000 : ouverture et consolidation ${elapsed} ms ; plus longue attente du fil de la page ${Math.round(beat.max)} ms ; tas de la page ${Math.round(heap / 1e6)} Mo`);
    // A page that froze while the worker computed would wait for most of the run.
    expect(beat.max).toBeLessThan(Math.min(1500, elapsed / 4));
    expect(beat.ticks).toBeGreaterThan(elapsed / 100);
    expect(heap).toBeLessThan(400e6);

    const actions = sheetValues((await readWorkbook(consolidated.bytes)).getWorksheet('Actions')!);
    expect(actions.filter((r) => r.length > 0).length - 1).toBe(TABS * ROWS);
    expect(session.errors).toEqual([]);
    expect(networkRequests(session, url)).toEqual([]);
  });
});
