#!/usr/bin/env node
/**
 * Benchmarks of consolidation (`npm run bench`). Prints figures, each the
 * median of the runs (5 by default), beside its target with PASS or FAIL,
 * and a summary; asserts nothing (exit code 0: figures depend on the
 * machine and its load).
 *
 * (a) Offline, end to end: a workbook of 20 service tabs × 1,000 actions,
 *     read from .xlsx, consolidated, written to .xlsx (what `cap-circulaire
 *     consolidate` does), against exceljs alone reading and writing the same
 *     file. Target: less than 2× exceljs.
 * (b) Pure consolidation (`planConsolidation`) of 100,000 rows (20 tabs ×
 *     5,000) already in memory. Target: under 1 s.
 * Peak memory: each part runs in its own process; its maximum resident set
 * size (for (a), exceljs' runs and ours together), and the peak heap sampled
 * during each benchmark.
 *
 * The engine is bundled from src/ with esbuild into node_modules/.cache (so
 * that exceljs resolves from the project's node_modules); nothing is written
 * in the tree. Options: --rows N (rows per tab in (a)), --runs N (at least 5
 * for figures that count; fewer for a quick look).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchWorkbook as workbook } from './bench-workbook.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS_A = arg('rows', 1000);
const RUNS = arg('runs', 5);
const TABS = 20;
const ROWS_B = 100_000;

const ENTRY = `
export { installWorkbook } from './src/app/install';
export { MemoryWorkbook } from './src/app/memory-workbook';
export { consolidate } from './src/app/consolidate';
export { planConsolidation } from './src/domain/consolidation/consolidate';
export { memoSource } from './src/domain/model/read';
export { SERVICE_COLUMNS, TAB } from './src/domain/schema/tabs';
export { readXlsxFile, writeXlsxFile } from './src/node/xlsx-files';
`;

async function engine() {
  const dir = path.join(root, 'node_modules', '.cache', 'cap-circulaire-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'engine.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** Samples the heap while `fn` runs; returns its wall and CPU durations and the peak heap. */
async function measure(fn) {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peak, value };
}

/** Median (the mean of the two middle values for an even count). */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => `${Math.round(ms).toLocaleString('fr-FR')} ms`;
const fmtMb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} Mo`;
const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
const peakRss = () => process.resourceUsage().maxRSS * 1024;
/** A part's figures for the summary (one JSON line on stdout, read by the parent process). */
const RESULT = '@@bench-result ';
const report = (result) => console.log(`${RESULT}${JSON.stringify(result)}`);

/** (a), in its own process. */
async function partA(E, dir) {
  const input = path.join(dir, 'classeur.xlsx');
  await E.writeXlsxFile(workbook(E, TABS, ROWS_A), input);
  const ExcelJS = (await import(pathToFileURL(path.join(root, 'node_modules/exceljs/lib/exceljs.nodejs.js')).href)).default;
  const engineRuns = [];
  const excelRuns = [];
  let peak = 0;
  let actions = 0;
  for (let run = 0; run < RUNS; run++) {
    const baseline = await measure(async () => {
      const excel = new ExcelJS.Workbook();
      await excel.xlsx.readFile(input);
      await excel.xlsx.writeFile(path.join(dir, `exceljs-${run}.xlsx`));
    });
    excelRuns.push(baseline);
    const ours = await measure(async () => {
      const loaded = await E.readXlsxFile(input);
      const result = E.consolidate({
        workbook: loaded.workbook,
        lock: { tryLock: () => true, release: () => undefined },
        clock: { now: () => new Date() },
        user: { email: () => 'bench' },
      });
      await E.writeXlsxFile(loaded.workbook, path.join(dir, `consolide-${run}.xlsx`), loaded.source);
      return result.plan.actions.length;
    });
    actions = ours.value;
    engineRuns.push(ours);
    peak = Math.max(peak, ours.peak, baseline.peak);
  }
  const a = median(engineRuns.map((r) => r.ms));
  const b = median(excelRuns.map((r) => r.ms));
  const aCpu = median(engineRuns.map((r) => r.cpuMs));
  const bCpu = median(excelRuns.map((r) => r.cpuMs));
  const ratio = a / b;
  const rss = peakRss();
  console.log(`(a) ${TABS} onglets × ${ROWS_A.toLocaleString('fr-FR')} actions, lecture .xlsx → consolidation → écriture .xlsx (${actions.toLocaleString('fr-FR')} actions, médiane de ${RUNS} essais)`);
  console.log(`    Cap Circulaire : ${fmtMs(a)} (CPU ${fmtMs(aCpu)})   essais : ${engineRuns.map((r) => fmtMs(r.ms)).join(', ')}`);
  console.log(`    exceljs seul, lecture + écriture du même fichier : ${fmtMs(b)} (CPU ${fmtMs(bCpu)})   essais : ${excelRuns.map((r) => fmtMs(r.ms)).join(', ')}`);
  console.log(`    rapport : ${ratio.toFixed(2)} × en durée, ${(aCpu / bCpu).toFixed(2)} × en CPU ; objectif < 2 × en durée : ${verdict(ratio < 2)}`);
  console.log(`    mémoire : pic de tas ${fmtMb(peak)}, pic de mémoire résidente ${fmtMb(rss)} (processus de (a), exceljs seul compris)`);
  report({ part: 'a', label: `(a) ${TABS} × ${ROWS_A.toLocaleString('fr-FR')} actions, .xlsx de bout en bout`, figure: `${ratio.toFixed(2)} × exceljs (${fmtMs(a)} / ${fmtMs(b)})`, target: '< 2 ×', pass: ratio < 2, rss, runs: RUNS });
}

/** (b), in its own process. */
async function partB(E) {
  const big = workbook(E, TABS, ROWS_B / TABS);
  const src = () => E.memoSource(big.sheetNames(), (n) => big.grid(n));
  const runs = [];
  let planned = null;
  for (let run = 0; run < RUNS; run++) {
    const m = await measure(() => E.planConsolidation(src()));
    runs.push(m);
    planned = m.value;
    m.value = null;
  }
  const ms = runs.map((r) => r.ms);
  const mid = median(ms);
  const rss = peakRss();
  console.log(`(b) consolidation pure de ${ROWS_B.toLocaleString('fr-FR')} lignes (${TABS} onglets × ${(ROWS_B / TABS).toLocaleString('fr-FR')}), en mémoire (médiane de ${RUNS} essais)`);
  console.log(`    ${planned.actions.length.toLocaleString('fr-FR')} actions, ${planned.anomalies.length.toLocaleString('fr-FR')} anomalies, ${planned.newRefs.length.toLocaleString('fr-FR')} Réf. attribuées`);
  console.log(`    durée : médiane ${fmtMs(mid)} (CPU médian ${fmtMs(median(runs.map((r) => r.cpuMs)))})   essais : ${ms.map(fmtMs).join(', ')} ; objectif < 1 000 ms : ${verdict(mid < 1000)}`);
  console.log(`    mémoire : pic de tas ${fmtMb(Math.max(...runs.map((r) => r.peak)))}, pic de mémoire résidente ${fmtMb(rss)}`);
  report({ part: 'b', label: `(b) ${ROWS_B.toLocaleString('fr-FR')} lignes, consolidation pure`, figure: fmtMs(mid), target: '< 1 000 ms', pass: mid < 1000, rss, runs: RUNS });
}

async function main() {
  const part = process.argv[process.argv.indexOf('--part') + 1];
  if (!process.argv.includes('--part')) {
    console.log('Cap Circulaire : banc de mesure de la consolidation');
    console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${(await import('node:os')).cpus().length} processeurs, charge ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
    if (RUNS < 5) console.log(`(${RUNS} essai${RUNS > 1 ? 's' : ''} : médianes indicatives, 5 au moins pour des chiffres qui comptent)`);
    // Each part in its own process: its peak memory is its own, its heap starts empty.
    const results = [];
    for (const p of ['a', 'b']) {
      console.log('');
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2), '--part', p], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      for (const line of out.split('\n')) {
        if (line.startsWith(RESULT)) results.push(JSON.parse(line.slice(RESULT.length)));
        else if (line !== '') console.log(line);
      }
    }
    console.log('');
    console.log(`Résumé (médianes de ${RUNS} essais)`);
    const width = Math.max(...results.map((r) => r.label.length));
    for (const r of results) console.log(`  ${r.label.padEnd(width)}  ${r.figure}, objectif ${r.target} : ${verdict(r.pass)} ; pic de mémoire résidente ${fmtMb(r.rss)}`);
    return;
  }
  const E = await engine();
  const dir = mkdtempSync(path.join(tmpdir(), 'cap-bench-'));
  try {
    if (part === 'a') await partA(E, dir);
    else await partB(E);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
