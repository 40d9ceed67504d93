/**
 * The written workbooks open in LibreOffice (a strict reader of .xlsx): each
 * is converted to PDF headless. Skipped, with a visible message, on a machine
 * without LibreOffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WORKBOOK_FILE } from '../../src/app/demo';
import { sampleFolder } from '../../src/node/paths';
import { cli, tempDir } from './helpers';

function findLibreOffice(): string | null {
  for (const name of ['libreoffice', 'soffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

const libreoffice = findLibreOffice();
if (!libreoffice) console.warn('Tests LibreOffice ignorés : libreoffice introuvable dans le PATH (apt-get install libreoffice-calc).');

describe.skipIf(!libreoffice)('written workbooks open in LibreOffice', () => {
  const dir = tempDir('libreoffice');
  const profile = join(dir, 'profil-lo');

  function toPdf(xlsx: string): string {
    execFileSync(libreoffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 110_000 });
    return join(dir, basename(xlsx).replace(/\.xlsx$/, '.pdf'));
  }

  beforeAll(async () => {
    expect((await cli(dir, 'template', '--out', 'modele.xlsx')).code).toBe(0);
  });

  it('converts the template to PDF', () => {
    const pdf = toPdf(join(dir, 'modele.xlsx'));
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });

  it.skipIf(!existsSync(sampleFolder()))('converts the demo workbook to PDF', async () => {
    expect((await cli(dir, 'demo', '--out-dir', 'demo')).code).toBe(0);
    const pdf = toPdf(join(dir, 'demo', DEMO_WORKBOOK_FILE));
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });
});
