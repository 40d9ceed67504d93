/**
 * The Apps Script project's files, read from dist/ as `npm run build` leaves
 * them (clasp's rootDir): Code.js, appsscript.json and every .html. They are
 * sent as they are: what is pushed is exactly what was built and tested.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOY_MESSAGES } from '../../domain/messages/deploy';
import { GoogleCallError } from './api';

/** The fields of the Apps Script API's File resource the push sends. */
export interface ScriptFile {
  readonly name: string;
  readonly type: 'SERVER_JS' | 'JSON' | 'HTML';
  readonly source: string;
}

/** `Code.js` → SERVER_JS `Code`, `appsscript.json` → JSON `appsscript` (the manifest), `x.html` → HTML `x`. */
export function readDistFiles(dir: string): ScriptFile[] {
  const required = ['Code.js', 'appsscript.json'];
  const missing = required.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) throw new GoogleCallError(DEPLOY_MESSAGES.build.missing(dir, missing), undefined, 'build');
  const html = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  return [
    { name: 'appsscript', type: 'JSON', source: readFileSync(join(dir, 'appsscript.json'), 'utf8') },
    { name: 'Code', type: 'SERVER_JS', source: readFileSync(join(dir, 'Code.js'), 'utf8') },
    ...html.map((f) => ({ name: f.replace(/\.html$/, ''), type: 'HTML' as const, source: readFileSync(join(dir, f), 'utf8') })),
  ];
}
