#!/usr/bin/env node
/**
 * Builds the Apps Script project into dist/ (what `clasp push` uploads):
 *
 * - dist/Code.js: src/gas/main.ts bundled by esbuild as an IIFE assigned to
 *   the global `CapCirculaire`, followed by one top-level function per export
 *   of main.ts (`function onOpen(){ return CapCirculaire.onOpen.apply(this, arguments) }`):
 *   Apps Script only sees top-level function declarations (triggers, menu items,
 *   google.script.run). The export list comes from esbuild's metafile.
 * - dist/appsscript.json: the manifest, copied.
 * - dist/*.html: the sidebar and dialogs, see buildHtml().
 *
 * Usage: node scripts/build.mjs [--out-dir DIR]
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(root, 'src/gas/main.ts');
const GLOBAL_NAME = 'CapCirculaire';
const HTML_DIR = path.join(root, 'src/gas/html');

function outDirFromArgs(argv) {
  const i = argv.indexOf('--out-dir');
  return path.resolve(root, i >= 0 && argv[i + 1] ? argv[i + 1] : 'dist');
}

/** Written beside then renamed: a test reading dist/ while a build runs never sees half a file. */
async function writeAtomic(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
}

async function copyAtomic(from, to) {
  const tmp = `${to}.${process.pid}.tmp`;
  await copyFile(from, tmp);
  await rename(tmp, to);
}

/** esbuild options of an Apps Script bundle (the add-on, and the live check's harness: scripts/google/build-harness.mjs). */
const APPS_SCRIPT_BUILD = {
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  charset: 'utf8',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  legalComments: 'none',
  write: false,
};

export function stubs(names) {
  for (const n of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new Error(`Export "${n}" cannot be a top-level Apps Script function`);
  }
  return names.map((n) => `function ${n}() { return ${GLOBAL_NAME}.${n}.apply(this, arguments); }`).join('\n');
}

/**
 * `entry` bundled for Apps Script: an IIFE assigned to the global
 * `CapCirculaire`, then one top-level function per export (Apps Script only
 * sees top-level declarations). `inject`: modules esbuild injects (the live
 * check's UI shim). Returns the code and the export names.
 */
export async function appsScriptBundle(entry, { inject = [] } = {}) {
  const options = { ...APPS_SCRIPT_BUILD, entryPoints: [entry], inject };
  // esbuild fills `exports` in the metafile for ESM output only, hence this pass.
  const probe = await build({ ...options, format: 'esm', metafile: true, outfile: 'probe.js' });
  const out = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  if (!out) throw new Error('esbuild metafile has no entry output');
  const names = [...out.exports].sort();
  const result = await build({ ...options, format: 'iife', globalName: GLOBAL_NAME, outfile: 'Code.js' });
  const footer = `\n// Top-level functions Apps Script can call (generated from the exports of ${path.relative(root, entry)}).\n${stubs(names)}\n`;
  return { code: result.outputFiles[0].text + footer, names };
}

export async function buildCode(outDir) {
  const { code, names } = await appsScriptBundle(ENTRY);
  await writeAtomic(path.join(outDir, 'Code.js'), code);
  return names;
}

export async function copyManifest(outDir) {
  await copyAtomic(path.join(root, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
}

/**
 * HTML served by HtmlService. When scripts/build-html.mjs exists (the
 * sidebar's inlining step), its `buildHtml({ root, htmlDir, outDir })` or
 * else `buildSidebarHtml({ root, outDir })` runs first; it returns the path
 * (or paths) it wrote. Every other src/gas/html/*.html is then copied as is,
 * so a template the step inlines is never copied raw over its output.
 * Returns the names of the HTML files in outDir.
 */
export async function buildHtml(outDir) {
  const produced = new Set();
  const custom = path.join(root, 'scripts/build-html.mjs');
  if (existsSync(custom)) {
    const mod = await import(pathToFileURL(custom).href);
    let out;
    if (typeof mod.buildHtml === 'function') out = await mod.buildHtml({ root, htmlDir: HTML_DIR, outDir });
    else if (typeof mod.buildSidebarHtml === 'function') out = await mod.buildSidebarHtml({ root, outDir });
    else throw new Error('scripts/build-html.mjs must export buildHtml() or buildSidebarHtml()');
    for (const f of [out].flat()) if (typeof f === 'string') produced.add(path.basename(f));
  }
  const sources = existsSync(HTML_DIR) ? (await readdir(HTML_DIR)).filter((f) => f.endsWith('.html')) : [];
  for (const f of sources) if (!produced.has(f)) await copyAtomic(path.join(HTML_DIR, f), path.join(outDir, f));
  return (await readdir(outDir)).filter((f) => f.endsWith('.html'));
}

export async function main(argv = process.argv.slice(2)) {
  const outDir = outDirFromArgs(argv);
  await mkdir(outDir, { recursive: true });
  const names = await buildCode(outDir);
  await copyManifest(outDir);
  const html = await buildHtml(outDir);
  console.log(`Apps Script : ${path.relative(root, outDir) || '.'}/Code.js (${names.length} fonctions : ${names.join(', ')})${html && html.length ? `, ${html.length} fichier(s) HTML` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
