#!/usr/bin/env node
/**
 * Benchmark of the regional rollup (`npm run bench`, after the consolidation
 * benchmark). Prints figures beside their targets with PASS or FAIL; asserts
 * nothing (figures depend on the machine and its load).
 *
 * (c) `cap-circulaire reseau` over 1,250 fiches réseau (France has about
 *     1,250 EPCI): under 60 s, peak resident memory under 600 MB.
 * (d) `cap-circulaire reseau` over 300 full workbooks: under 60 s, peak
 *     resident memory under 600 MB.
 * Each rollup runs in its own process (the CLI as users run it); its
 * maximum resident set size is read from that process.
 *
 * Territories come from the synthetic generator (src/app/reseau-synthetique):
 * 25 distinct territories give the 1,250 fiches (each renamed, with its own
 * SIREN), 10 distinct full workbooks are copied to make the 300 files (the
 * rollup reports those copies as duplicates; reading them costs the same).
 * Options: --fiches N, --classeurs N.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FICHES = arg('fiches', 1250);
const CLASSEURS = arg('classeurs', 300);
const TARGET_MS = 60_000;
const TARGET_RSS = 600 * 1024 * 1024;

const ENTRY = `
export { territoiresSynthetiques, classeurSynthetique } from './src/app/reseau-synthetique';
export { ficheDuClasseur } from './src/app/reseau';
export { ficheVersClasseur } from './src/domain/reseau/fiche-classeur';
export { classeurToBuffer } from './src/files/xlsx/classeur-export';
export { writeXlsxFile } from './src/node/xlsx-files';
export { readSampleFolder } from './src/node/sample';
`;

async function engine() {
  const dir = path.join(root, 'node_modules', '.cache', 'cap-circulaire-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'engine-reseau.mjs');
  await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

/** Runs the CLI in a child process (as users run it); returns its wall time and peak RSS. */
function rollup(folder, out) {
  const wrapper = path.join(path.dirname(out), 'wrapper.mjs');
  writeFileSync(
    wrapper,
    `process.on('exit', () => process.stderr.write('@@rss ' + process.resourceUsage().maxRSS * 1024 + '\\n'));\n` +
      `process.argv = [process.argv[0], 'cap-circulaire', 'reseau', ${JSON.stringify(folder)}, '--out', ${JSON.stringify(out)}, '--deck', ${JSON.stringify(out.replace(/\.xlsx$/, '.pptx'))}];\n` +
      `await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist-node', 'cli.js')).href)});\n`,
  );
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [wrapper], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const rss = /@@rss (\d+)/.exec(r.stderr ?? '');
  return { ms, rss: rss ? Number(rss[1]) : null, code: r.status, stdout: (r.stdout ?? '').trim() };
}

const fmtS = (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
const fmtMb = (b) => (b === null ? '?' : `${Math.round(b / 1024 / 1024)} Mo`);
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

async function main() {
  const E = await engine();
  const sample = await E.readSampleFolder(path.join(root, 'sheets-templates', 'val-de-loue'));
  const now = new Date(Date.UTC(2026, 10, 28));
  const tmp = mkdtempSync(path.join(tmpdir(), 'cap-bench-reseau-'));
  try {
    console.log(`Préparation : ${FICHES} fiches réseau et ${CLASSEURS} classeurs complets synthétiques…`);
    const distinct = E.territoiresSynthetiques(sample, 25, 2026);
    const workbooks = distinct.map((t) => E.classeurSynthetique(t, now));
    const fiches = workbooks.map((wb) => E.ficheDuClasseur(wb, now).fiche);
    const dirFiches = path.join(tmp, 'fiches');
    mkdirSync(dirFiches);
    for (let i = 0; i < FICHES; i++) {
      const base = fiches[i % fiches.length];
      const fiche = { ...base, identite: { ...base.identite, nom: `${base.identite.nom} ${i + 1}`, siren: String(210_000_000 + i) } };
      writeFileSync(path.join(dirFiches, `fiche-${i + 1}.xlsx`), await E.classeurToBuffer(E.ficheVersClasseur(fiche)));
    }
    const dirClasseurs = path.join(tmp, 'classeurs');
    mkdirSync(dirClasseurs);
    const sources = [];
    for (let i = 0; i < 10; i++) {
      const p = path.join(tmp, `source-${i}.xlsx`);
      await E.writeXlsxFile(workbooks[i], p);
      sources.push(p);
    }
    for (let i = 0; i < CLASSEURS; i++) copyFileSync(sources[i % sources.length], path.join(dirClasseurs, `classeur-${i + 1}.xlsx`));

    const results = [];
    for (const [label, folder, n] of [
      [`(c) reseau, ${FICHES} fiches réseau`, dirFiches, FICHES],
      [`(d) reseau, ${CLASSEURS} classeurs complets`, dirClasseurs, CLASSEURS],
    ]) {
      const out = path.join(tmp, `reseau-${n}.xlsx`);
      const r = rollup(folder, out);
      const ok = r.code === 0 && r.ms <= TARGET_MS && r.rss !== null && r.rss <= TARGET_RSS;
      results.push(ok);
      console.log(`${label} : ${fmtS(r.ms)} (cible ≤ ${fmtS(TARGET_MS)}), mémoire résidente maximale ${fmtMb(r.rss)} (cible ≤ ${fmtMb(TARGET_RSS)}) — ${verdict(ok)}`);
      console.log(`    ${r.stdout.split('\n')[0] || `code de sortie ${r.code}`}`);
    }
    console.log(`Réseau : ${results.filter(Boolean).length}/${results.length} cibles atteintes.`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
