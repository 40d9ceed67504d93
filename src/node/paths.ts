/** Where the package's own files are, whether running from src (tests) or from dist-node (the bundle). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'cap-circulaire';

/** The folder holding the package.json of cap-circulaire, searched upwards from this module. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === PACKAGE_NAME) return dir;
      } catch {
        // An unreadable package.json is not ours: keep looking upwards.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json de ${PACKAGE_NAME} introuvable au-dessus de ${from}`);
    dir = parent;
  }
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
}

/** The sample territory's data (sheets-templates/val-de-loue). */
export function sampleFolder(): string {
  return join(packageRoot(), 'sheets-templates', 'val-de-loue');
}
