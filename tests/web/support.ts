/**
 * Shared by the web page's tests: the BUILT page (dist-web/index.html, built
 * here when missing), served from a local static server or opened from disk,
 * in headless Chromium with every request recorded and any request that is
 * not the page itself refused; the sample workbook built by the engine; file
 * readers for what the page downloads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { CHROMIUM } from '../sidebar/browser';
import { demo, NODE_DEMO_STEPS } from '../../src/node/commands/demo';
import { captureIo } from '../node/helpers';

export const ROOT = path.resolve(__dirname, '../..');
export const PAGE_FILE = path.join(ROOT, 'dist-web/index.html');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export { CHROMIUM };
export const SKIP_MESSAGE = 'Chromium introuvable (/usr/bin/chromium) : tests de la page web ignorés. Installez-le avec « apt-get install chromium ».';

/** Builds dist-web/ unless `npm test` (build:web) already did. */
export function ensureBuiltPage(): string {
  if (!existsSync(PAGE_FILE)) execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.web.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  return PAGE_FILE;
}

export function tempFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `cap-web-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The sample territory's workbook and files, built by the engine's demo pipeline (what `cap-circulaire demo` writes). */
export async function buildSample(dir: string): Promise<{ workbook: string; report: { services: Array<{ onglet: string; lignes: number }>; actions: number } }> {
  await demo(captureIo(dir), dir, { steps: NODE_DEMO_STEPS });
  return { workbook: path.join(dir, 'classeur-val-de-loue.xlsx'), report: JSON.parse(readFileSync(path.join(dir, 'rapport-consolidation.json'), 'utf8')) };
}

/** A static server of dist-web/ on 127.0.0.1 (what any web host does). */
export async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = req.url === '/' || req.url === '/index.html' ? PAGE_FILE : null;
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const pageUrlFromDisk = () => pathToFileURL(PAGE_FILE).href;

export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page made, the page itself included. */
  readonly requests: string[];
  /** Requests that were neither the page nor local (blob:, data:): refused, and a test failure. */
  readonly refused: string[];
  readonly errors: string[];
  close(): Promise<void>;
}

/** Local objects the page creates itself (its worker, its downloads): not network requests. */
const LOCAL = /^(blob|data):/;

export async function openPage(url: string, viewport = { width: 1280, height: 900 }): Promise<Session> {
  if (!CHROMIUM) throw new Error(SKIP_MESSAGE);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=fr-FR'] });
  const context = await browser.newContext({ acceptDownloads: true, locale: 'fr-FR', viewport, timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const requests: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url || LOCAL.test(u)) return route.continue();
    refused.push(u);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { browser, context, page, requests, refused, errors, close: () => browser.close() };
}

/** Requests that are neither the page nor a local blob/data object. */
export function networkRequests(s: Session, pageUrl: string): string[] {
  return s.requests.filter((u) => u !== pageUrl && !LOCAL.test(u));
}

/** Clicks a button and returns the file it makes the page download. */
export async function download(page: Page, name: string, dir: string): Promise<{ file: string; name: string; bytes: Uint8Array }> {
  const waiting = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name, exact: true }).click();
  const d: Download = await waiting;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(file)) };
}

/** Waits until the page is no longer computing (buttons enabled again). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.body.classList.contains('occupe'), undefined, { timeout: 180_000 });
}

// ---- Readers --------------------------------------------------------------------

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The values of a worksheet as plain text rows (dates as ISO days), trailing empties dropped. */
export function sheetValues(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const line: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as unknown;
      line[c - 1] = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
    while (line.length && line[line.length - 1] === '') line.pop();
    rows[n - 1] = line;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** The text runs of each slide of a .pptx, in slide order. */
export function pptxSlides(bytes: Uint8Array): string[][] {
  const zip = unzipSync(bytes);
  const names = Object.keys(zip)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/(\d+)\.xml$/)![1]) - Number(b.match(/(\d+)\.xml$/)![1]));
  return names.map((n) => [...strFromU8(zip[n]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1])));
}

/** The text runs of a .docx's body. */
export function docxTexts(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]));
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** axe-core's source, injected as a script (no request). */
export const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/** Serious and critical violations of WCAG 2 A / AA rules (RGAA's basis) on the page as it is. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}
