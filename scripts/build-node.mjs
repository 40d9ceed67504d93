#!/usr/bin/env node
/**
 * Bundles the offline engine (src/node/cli.ts and everything it imports from
 * src/) into dist-node/cli.js, an ES module for Node, and the regional
 * rollup's worker thread (src/node/reseau-worker.ts) beside it, where
 * cli.js looks for it. Packages from
 * node_modules stay external: they are installed by `npm ci`.
 * Run by `npm run build:node` and by npm's `prepare` (so `npm ci` builds it).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { NODE_BUILD } from './esbuild-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [
    { in: join(root, 'src/node/cli.ts'), out: 'cli' },
    { in: join(root, 'src/node/reseau-worker.ts'), out: 'reseau-worker' },
  ],
  outdir: join(root, 'dist-node'),
  ...NODE_BUILD,
});
