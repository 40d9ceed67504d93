/**
 * The web page (src/web) as one self-contained `dist-web/index.html`: script,
 * stylesheet and the engine's Web Worker inlined (vite-plugin-singlefile,
 * `?worker&inline`), so that it works from any static host and opened from
 * disk (file://), and loads nothing after it is open.
 *
 * Node shims, until src/files is free of Node: `node:zlib` (deflateRaw, on
 * fflate) and `node:util` (promisify) are aliased to src/web/shims; the
 * worker installs the `buffer` package as the global `Buffer`
 * (src/web/shims/node-globals.ts).
 *
 * `npm run build:web` builds; `npm run web` serves src/web on localhost for development.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The built page may load nothing: scripts and styles inline, the worker from a blob, no connection at all. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob: data:; style-src 'unsafe-inline'; img-src data: blob:; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'cap-circulaire-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  root: here('./src/web'),
  base: './',
  publicDir: false,
  plugins: [contentSecurityPolicy(), viteSingleFile({ removeViteModuleLoader: true })],
  resolve: {
    alias: {
      'node:zlib': here('./src/web/shims/zlib.ts'),
      'node:util': here('./src/web/shims/util.ts'),
    },
  },
  worker: {
    format: 'iife',
    rolldownOptions: { output: { codeSplitting: false } },
  },
  build: {
    outDir: here('./dist-web'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 20_000,
    assetsInlineLimit: 100_000_000,
    reportCompressedSize: false,
  },
  server: { host: 'localhost', port: 5174, strictPort: false },
});
