/**
 * Headless Chromium (Debian's `/usr/bin/chromium`) driven by playwright-core, with a fresh empty
 * profile, for the sidebar tests. `CHROMIUM` is null when the browser is not installed: the
 * browser tests are then skipped with a message saying so.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM: string | null = existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : null;
export const SKIP_MESSAGE = `Chromium introuvable (${CHROMIUM_PATH}) : tests de la barre latérale dans le navigateur ignorés. Installez-le avec « apt-get install chromium ».`;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Sidebar size in Google Sheets: 300 px wide. */
export const SIDEBAR_VIEWPORT = { width: 300, height: 900 };

export async function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(SKIP_MESSAGE);
  const profile = mkdtempSync(path.join(tmpdir(), 'cap-circulaire-sidebar-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: SIDEBAR_VIEWPORT,
    locale: 'fr-FR',
    // The page shows times in the browser's zone: the same as this process's, so tests can compute them.
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
