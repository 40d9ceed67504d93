import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WORKBOOK_FILE } from '../../src/app/demo';
import { tableSection } from '../../src/domain/schema/tabs';
import { locateTable, tableRows } from '../../src/domain/table';
import { sampleFolder } from '../../src/node/paths';
import { type LoadedWorkbook } from '../../src/files/xlsx';
import { readXlsxFile } from '../../src/node/xlsx-files';
import { cli, tempDir } from './helpers';

const sampleDir = sampleFolder();
const hasSample = existsSync(sampleDir) && readdirSync(sampleDir).some((f) => f.endsWith('.json'));
if (!hasSample) console.warn(`Tests du territoire exemple ignorés : ${sampleDir} n'existe pas encore.`);

/** The sample's files that fill a tab with `rows`, by tab name. */
function sampleRows(): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const f of readdirSync(sampleDir).filter((n) => n.endsWith('.json'))) {
    const content = JSON.parse(readFileSync(join(sampleDir, f), 'utf8'));
    if (Array.isArray(content.rows)) out.set(content.tab, content.rows);
  }
  return out;
}

describe.skipIf(!hasSample)('demo --out-dir (sample territory in sheets-templates/val-de-loue)', () => {
  const dir = tempDir('demo');
  let run: { code: number; stdout: string; stderr: string };
  let loaded: LoadedWorkbook;

  beforeAll(async () => {
    run = await cli(dir, 'demo', '--out-dir', 'sortie');
    loaded = await readXlsxFile(join(dir, 'sortie', DEMO_WORKBOOK_FILE));
  });

  it('exits 0 and prints one French line per step', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const steps = run.stdout.split('\n').filter((l) => /^\[\d+\/\d+\] /.test(l));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps[0]).toMatch(/^\[1\/\d+\] Installation du classeur/);
    expect(run.stdout).toContain(`sortie/${DEMO_WORKBOOK_FILE}`);
  });

  it('writes a workbook holding the sample’s service tabs and every sample row', () => {
    const rows = sampleRows();
    const services = [...rows.keys()].filter((t) => t.startsWith('Service – '));
    expect(services.length).toBeGreaterThan(0);
    const names = loaded.workbook.sheetNames();
    for (const tab of services) {
      expect(names, tab).toContain(tab);
      const grid = loaded.workbook.read(tab);
      const located = locateTable(grid, tableSection(tab, 'service'))!;
      expect(located.missing).toEqual([]);
      expect(tableRows(grid, located), tab).toHaveLength(rows.get(tab)!.length);
    }
    // Service tabs sit before the consolidated inventory.
    expect(Math.max(...services.map((s) => names.indexOf(s)))).toBeLessThan(names.indexOf('Actions'));
    for (const [tab, section] of [['Équipe', 'equipe'], ['Plans', 'plans'], ['Acteurs', 'acteurs'], ['AFOM', 'afom']] as const) {
      if (!rows.has(tab)) continue;
      const grid = loaded.workbook.read(tab);
      expect(tableRows(grid, locateTable(grid, tableSection(tab, section))!), tab).toHaveLength(rows.get(tab)!.length);
    }
  });

  it('stores the sample’s ISO dates as dates', () => {
    const grid = loaded.workbook.read('Équipe');
    const located = locateTable(grid, tableSection('Équipe', 'equipe'))!;
    const first = tableRows(grid, located)[0];
    expect(first.cells.depuis).toBeInstanceOf(Date);
  });
});
