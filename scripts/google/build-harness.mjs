/**
 * Bundles the live check's Apps Script code (scripts/google/e2e-harness.ts)
 * like scripts/build.mjs bundles the add-on (IIFE + one top-level stub per
 * export), with the `SpreadsheetApp` global replaced by e2e-ui-shim.ts.
 * Returns the code as a string (it is pushed, never written in dist/).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stubs } from '../build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const GLOBAL_NAME = 'CapCirculaire';

export async function buildHarness() {
  const common = {
    entryPoints: [path.join(here, 'e2e-harness.ts')],
    bundle: true,
    platform: 'neutral',
    target: 'es2020',
    charset: 'utf8',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    legalComments: 'none',
    inject: [path.join(here, 'e2e-ui-shim.ts')],
    write: false,
  };
  const probe = await build({ ...common, format: 'esm', metafile: true, outfile: 'probe.js' });
  const out = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  const names = [...out.exports].sort();
  const result = await build({ ...common, format: 'iife', globalName: GLOBAL_NAME, outfile: 'Code.js' });
  return `${result.outputFiles[0].text}\n// Top-level functions Apps Script can call.\n${stubs(names)}\n`;
}
