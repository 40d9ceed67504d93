#!/usr/bin/env node
/**
 * Runs the maintainers' Google commands: bundles src/node/google/main.ts
 * (googleapis stays external) into dist-node/google.js, then calls its main().
 * Kept out of dist-node/cli.js: the offline engine never loads googleapis.
 *
 * Usage: node scripts/google/run.mjs deploy|e2e [--debug]
 *   (npm run deploy:google, npm run e2e:google; both build dist/ first)
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildHarness } from './build-harness.mjs';
import { NODE_BUILD } from '../esbuild-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = path.join(root, 'dist-node/google.js');

await build({ ...NODE_BUILD, entryPoints: [path.join(root, 'src/node/google/main.ts')], outfile });

const { main } = await import(pathToFileURL(outfile).href);
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
process.exitCode = await main(process.argv.slice(2), { root, version, harness: buildHarness });
