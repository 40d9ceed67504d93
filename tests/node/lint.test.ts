import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths';
import { tempDir } from './helpers';

const root = packageRoot();
const lint = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/lint.mjs'), ...args], { encoding: 'utf8' });

describe('architecture lint (scripts/lint.mjs)', () => {
  it('passes on the repository', () => {
    const r = lint();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails with the offending lines when the domain or the use cases reach an adapter, Node or a package', () => {
    const dir = tempDir('lint');
    mkdirSync(join(dir, 'src/domain/x'), { recursive: true });
    mkdirSync(join(dir, 'src/app'), { recursive: true });
    mkdirSync(join(dir, 'src/node'), { recursive: true });
    writeFileSync(join(dir, 'src/domain/x/pure.ts'), [
      "import { a } from '../y';",
      '// import fs from "node:fs"; (a comment is not an import)',
      "import eci from './data.json';",
      'export const SHEET = "Fichier d\'import";',
      "const text = 'require(\"fs\") est interdit';",
      'export * as table from "./table";',
    ].join('\n'));
    writeFileSync(join(dir, 'src/domain/x/bad.ts'), [
      "import { readFileSync } from 'node:fs';",
      "import type { Workbook } from 'exceljs';",
      "import { run } from '../../app/use-case';",
      "const p = require('path');",
    ].join('\n'));
    writeFileSync(join(dir, 'src/app/use-case.ts'), [
      "import { writeXlsxFile } from '../node/xlsx';",
      "export { thing } from '../gas/sheets';",
      "import { ok } from '../domain/x/pure';",
    ].join('\n'));
    writeFileSync(join(dir, 'src/node/free.ts'), "import ExcelJS from 'exceljs';\n");
    const r = lint('--root', dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('←'));
    expect(lines).toHaveLength(6);
    expect(r.stderr).toContain("src/domain/x/bad.ts:1: import { readFileSync } from 'node:fs';");
    expect(r.stderr).toContain('src/domain/x/bad.ts:2:');
    expect(r.stderr).toContain('src/domain/x/bad.ts:3:');
    expect(r.stderr).toContain('src/domain/x/bad.ts:4:');
    expect(r.stderr).toContain('src/app/use-case.ts:1:');
    expect(r.stderr).toContain('src/app/use-case.ts:2:');
    expect(r.stderr).not.toContain('pure.ts');
    expect(r.stderr).not.toContain('free.ts');
  });
});
