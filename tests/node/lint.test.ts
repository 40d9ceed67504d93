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

describe('architecture lint: file formats, faces and cycles', () => {
  const write = (dir: string, file: string, lines: string[]) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), lines.join('\n'));
  };

  it('keeps src/files free of Node (imports and globals) while packages, domain and app are allowed', () => {
    const dir = tempDir('lint-files');
    write(dir, 'src/domain/a.ts', ['export const a = 1;']);
    write(dir, 'src/app/b.ts', ["import { a } from '../domain/a';", 'export const b = a;']);
    write(dir, 'src/files/ok.ts', [
      "import ExcelJS from 'exceljs';",
      "import { b } from '../app/b';",
      "import { a } from '../domain/a';",
      '// Buffer in a comment is fine',
      "const label = 'Buffer et process dans un texte';",
      'export const x = { process: 1 };',
    ]);
    write(dir, 'src/files/zlib.ts', ["import { deflateRaw } from 'node:zlib';", 'export const z = deflateRaw;']);
    write(dir, 'src/files/buffer.ts', ['export const bytes = (d: Uint8Array) => Buffer.from(d);', 'export const n = Buffer.alloc(1);']);
    write(dir, 'src/files/adapter.ts', ["import { readXlsxFile } from '../node/xlsx-files';"]);
    const r = lint('--root', dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('←'));
    expect(lines).toHaveLength(3);
    expect(r.stderr).toContain('src/files/zlib.ts:1:');
    // One line per global and module: the first use.
    expect(r.stderr).toContain('src/files/buffer.ts:1:');
    expect(r.stderr).toContain('global Buffer');
    expect(r.stderr).toContain('src/files/adapter.ts:1:');
    expect(r.stderr).not.toContain('ok.ts');
  });

  it('forbids a face to import another face (gas, node, web)', () => {
    const dir = tempDir('lint-faces');
    write(dir, 'src/domain/a.ts', ['export const a = 1;']);
    write(dir, 'src/files/f.ts', ['export const f = 1;']);
    write(dir, 'src/web/main.ts', [
      "import Worker from './worker?worker&inline';",
      "import { f } from '../files/f';",
      "import { a } from '../domain/a';",
      "import { menu } from '../gas/menu';",
    ]);
    write(dir, 'src/web/worker.ts', ["import { files } from '../node/paths';", 'const n = process.env.X;']);
    write(dir, 'src/gas/menu.ts', ["import { page } from '../web/main';", "export const menu = 1;"]);
    write(dir, 'src/node/paths.ts', ["import { readFileSync } from 'node:fs';", "import { menu } from '../gas/menu';", 'export const files = process.cwd();']);
    const r = lint('--root', dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('←'));
    expect(lines.map((l) => l.trim().split(':')[0]).sort()).toEqual([
      'src/gas/menu.ts',
      'src/node/paths.ts',
      'src/web/main.ts',
      'src/web/worker.ts',
      'src/web/worker.ts',
    ]);
    expect(r.stderr).toContain('une face n\'importe jamais une autre face');
    expect(r.stderr).toContain('src/web/worker.ts:2:');
    expect(r.stderr).toContain('global process');
  });

  it('reports every import cycle, type-only imports and index folders included', () => {
    const dir = tempDir('lint-cycles');
    write(dir, 'src/domain/messages/reports.ts', ["import type { Kind } from '../reports/input';", 'export const M = 1;']);
    write(dir, 'src/domain/reports/input.ts', ["import { M } from '../messages/reports';", "export type Kind = 'a';"]);
    write(dir, 'src/app/demo.ts', ["import { step } from './steps';", 'export interface Step {}']);
    write(dir, 'src/app/steps/index.ts', ["export { step } from './one';"]);
    write(dir, 'src/app/steps/one.ts', ["import type { Step } from '../demo';", 'export const step = 1;']);
    write(dir, 'src/app/fine.ts', ["import { step } from './steps';", "import { M } from '../domain/messages/reports';"]);
    const r = lint('--root', dir);
    expect(r.status).toBe(1);
    const cycles = r.stderr.split('\n').filter((l) => l.includes('cycle :'));
    expect(cycles).toHaveLength(2);
    expect(r.stderr).toContain('cycle : src/app/demo.ts → src/app/steps/index.ts → src/app/steps/one.ts → src/app/demo.ts');
    expect(r.stderr).toContain('cycle : src/domain/messages/reports.ts → src/domain/reports/input.ts → src/domain/messages/reports.ts');
    expect(r.stderr).not.toContain('fine.ts');
  });
});
