import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/node/commands';
import { openWorkbook, prepareOutput, requireInputFile, workbookTarget } from '../../src/node/commands/files';
import { UsageError } from '../../src/node/commands/types';
import { packageRoot } from '../../src/node/paths';
import { TABS } from '../../src/domain/schema/tabs';
import { captureIo, cli, plainSpaces, tempDir } from './helpers';
import { typographie } from '../../src/domain/text/typography';

const dir = tempDir('cli');
const root = packageRoot();

describe('CLI dispatch (in-process)', () => {
  it('rejects an unknown verb with exit 2 and a French message listing the verbs', async () => {
    const r = await cli(dir, 'consolider-tout');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Commande inconnue : « consolider-tout »');
    for (const c of COMMANDS) expect(r.stderr).toContain(c.name);
  });

  it('lists every verb in --help, and exits 0', async () => {
    const r = await cli(dir, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Utilisation : cap-circulaire <commande>');
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name}\\s+${c.summary.slice(0, 10)}`, 'm'));
    expect(r.stdout).toContain('Codes de sortie');
  });

  it('gives each verb its own help (--help and help <verb>)', async () => {
    for (const c of COMMANDS) {
      const r = await cli(dir, c.name, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(plainSpaces(typographie(`cap-circulaire ${c.name} : ${c.summary}`)));
      expect(r.stdout).toContain('--help');
      for (const o of Object.keys(c.options)) expect(r.stdout).toContain(`--${o}`);
    }
    const r = await cli(dir, 'help', 'template');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--out FICHIER');
  });

  it('exits 2 on no verb, an unknown option, a missing value or an extra argument', async () => {
    const none = await cli(dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Aucune commande indiquée');
    const option = await cli(dir, 'template', '--sortie', 'x.xlsx');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Option inconnue pour « template » : --sortie');
    const value = await cli(dir, 'template', '--out');
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('L’option --out de « template » attend une valeur');
    const extra = await cli(dir, 'template', '--out', 'a.xlsx', 'b.xlsx');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('Argument(s) en trop pour « template » : b.xlsx');
  });

  it('prints the package version', async () => {
    const r = await cli(dir, '--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('input and output rules shared by the verbs', () => {
  const io = captureIo(dir);

  it('reports a missing input file as a usage error in French', async () => {
    await expect(requireInputFile(io, 'absent.xlsx')).rejects.toThrow(new UsageError('Fichier introuvable : absent.xlsx'));
    await expect(requireInputFile(io, '.')).rejects.toThrow(UsageError);
  });

  it('reports a file that is not an .xlsx as a usage error', async () => {
    writeFileSync(join(dir, 'faux.xlsx'), 'ceci n’est pas un classeur');
    await expect(openWorkbook(io, 'faux.xlsx')).rejects.toThrow(/est un fichier texte \(CSV \?\), pas un classeur \.xlsx/);
  });

  it('never targets the input file unless --in-place', async () => {
    const input = resolve(dir, 'classeur.xlsx');
    writeFileSync(input, 'x');
    await expect(prepareOutput(io, 'classeur.xlsx', { option: '--out', inputs: [input] })).rejects.toThrow(/--out classeur\.xlsx désigne le fichier d’entrée/);
    expect(() => workbookTarget(undefined, false)).toThrow(/--out FICHIER/);
    expect(() => workbookTarget('sortie.xlsx', true)).toThrow(/incompatibles/);
    expect(workbookTarget(undefined, true)).toEqual({ out: undefined, inPlace: true });
    expect(await prepareOutput(io, 'sortie.xlsx', { option: '--out', inputs: [input] })).toBe(resolve(dir, 'sortie.xlsx'));
  });
});

describe('the cap-circulaire binary (bundled by scripts/build-node.mjs)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build-node.mjs')], { cwd: root, stdio: 'pipe' });
  });

  const bin = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/cap-circulaire.js'), ...args], { cwd: dir, encoding: 'utf8' });
    return { ...r, stdout: plainSpaces(r.stdout), stderr: plainSpaces(r.stderr) };
  };

  it('exits 2 with a French message on an unknown verb', () => {
    const r = bin('inventer');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Commande inconnue : « inventer »');
    expect(r.stdout).toBe('');
  });

  it('lists the verbs with --help', () => {
    const r = bin('--help');
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
  });

  it('writes a template', () => {
    const r = bin('template', '--out', 'par-le-binaire.xlsx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Modèle créé : par-le-binaire.xlsx (${TABS.length} onglets)`);
  });
});
