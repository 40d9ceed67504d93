/**
 * Bundles the live check's Apps Script code (scripts/google/e2e-harness.ts)
 * like scripts/build.mjs bundles the add-on (IIFE + one top-level stub per
 * export), with the `SpreadsheetApp` global replaced by e2e-ui-shim.ts.
 * Returns the code as a string (it is pushed, never written in dist/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appsScriptBundle } from '../build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildHarness() {
  const { code } = await appsScriptBundle(path.join(here, 'e2e-harness.ts'), { inject: [path.join(here, 'e2e-ui-shim.ts')] });
  return code;
}
