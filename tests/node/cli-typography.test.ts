/**
 * What the command line prints goes through the one French typography
 * routine (src/domain/text/typography.ts): typographic apostrophes, no-break
 * spaces before « : ; ! ? % € » and inside « », accented capitals — while
 * paths and file names stay exactly as typed (a user copies them back) and
 * machine output (--json) is untouched.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers';
import { typographie } from '../../src/domain/text/typography';

const dir = tempDir('typo');
/** A straight apostrophe between letters, or a plain space before a high sign or inside guillemets. */
const BAD = /\p{L}'\p{L}| [:;!?]| %|« | »/u;

function badLines(text: string, keep: readonly string[] = []): string[] {
  return text.split('\n').filter((l) => {
    let rest = l;
    for (const k of keep) rest = rest.split(k).join('');
    return BAD.test(rest);
  });
}

describe('French typography of the command line', () => {
  it('the demo run, the help of every verb and usage errors are typeset', async () => {
    const demo = await cli(dir, 'demo', '--out-dir', 'démo/');
    expect(demo.code, demo.rawStderr).toBe(0);
    expect(badLines(demo.rawStdout)).toEqual([]);
    expect(badLines(demo.rawStderr)).toEqual([]);
    expect(demo.rawStdout).toMatch(/critères d’audit/);
    const help = await cli(dir, '--help');
    expect(badLines(help.rawStdout)).toEqual([]);
    const unknown = await cli(dir, 'inventer');
    expect(unknown.code).toBe(2);
    expect(unknown.rawStderr).toContain('Commande inconnue\u00a0: «\u202finventer\u202f»');
  }, 240_000);

  it('keeps the names of files and folders as typed, apostrophes included', async () => {
    mkdirSync(join(dir, "dossier d'essai"), { recursive: true });
    copyFileSync(join(dir, 'démo', 'classeur-val-de-loue.xlsx'), join(dir, "dossier d'essai", "l'exemple.xlsx"));
    const r = await cli(dir, 'consolidate', "dossier d'essai/l'exemple.xlsx", '--out', "sortie l'été.xlsx");
    expect([0, 1]).toContain(r.code);
    expect(r.rawStdout + r.rawStderr).toContain("sortie l'été.xlsx");
    const missing = await cli(dir, 'score', "absent d'ici.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.rawStderr).toContain("absent d'ici.xlsx");
    expect(badLines(missing.rawStderr, ["absent d'ici.xlsx"])).toEqual([]);
  }, 240_000);

  it('prints --json output as is', async () => {
    const r = await cli(dir, 'score', join('démo', 'classeur-val-de-loue.xlsx'), '--json');
    expect(r.code, r.rawStderr).toBe(0);
    expect(r.rawStdout).toBe(r.stdout);
    expect(() => JSON.parse(r.rawStdout)).not.toThrow();
    expect(r.rawStdout).not.toMatch(/[\u00a0\u202f’]/);
  }, 120_000);

  it('the routine is idempotent and leaves paths alone', () => {
    for (const s of ["Fichier écrit : out/l'exemple.xlsx", 'Lecture de /tmp/a/b.xlsx : ok', "Ecarté : notes d'hier.txt", 'dossier ./x/ : vide']) {
      expect(typographie(typographie(s))).toBe(typographie(s));
    }
    expect(typographie("Fichier écrit : out/l'exemple.xlsx")).toBe("Fichier écrit\u00a0: out/l'exemple.xlsx");
    expect(typographie('Ecarté : notes.txt')).toBe('Écarté\u00a0: notes.txt');
    expect(typographie('12 500 €/an')).toBe('12\u202f500\u00a0€/an');
  });
});
