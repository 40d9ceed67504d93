/**
 * The hostile corpus: every command run with the files and command lines
 * users really produce (renamed .ods/.docx/.pptx, encrypted workbook, Excel
 * 97 file, empty, truncated, random bytes, a folder, a missing folder, a
 * read-only folder, outputs equal to inputs, unknown options, missing
 * values…). Whatever happens: exit code 0, 1 or 2, a French message, no
 * raw error (no « Error: », no stack line, no errno code, no « undefined »),
 * and every input byte-identical afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths';
import { cli, plainSpaces, tempDir } from '../node/helpers';
import { cfb, docxBytes, libreOfficeOds, odf, pptxBytes, randomBytes, utf16be, utf16le, windows1252 } from './files';

const dir = tempDir('hostile');
const root = packageRoot();

/** What must never reach a user's terminal. */
const RAW = [/Error:/, /^\s*at\s/m, /ENOENT|EISDIR|EACCES|EPERM|ENOTDIR|EEXIST|EBUSY/, /undefined/, /TypeError|RangeError|SyntaxError|Cannot read propert/, /\[object Object\]/];

function assertClean(label: string, r: { code: number | null; stdout: string; stderr: string }): void {
  expect([0, 1, 2], `${label}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
  for (const pattern of RAW) expect(r.stderr, `${label}: ${pattern}`).not.toMatch(pattern);
  for (const pattern of RAW.slice(0, 4)) expect(r.stdout, `${label}: ${pattern}`).not.toMatch(pattern);
  if (r.code === 2) expect(r.stderr.trim().length, `${label}: a French message on exit 2`).toBeGreaterThan(10);
}

/** Each command line (in-process) is refused: exit 2, clean, with its message. */
async function expectRefusals(cases: ReadonlyArray<readonly [readonly string[], RegExp]>): Promise<void> {
  for (const [argv, message] of cases) {
    const r = await cli(dir, ...argv);
    const label = argv.join(' ') || '(rien)';
    assertClean(label, r);
    expect(r.code, `${label}\n${r.stderr}`).toBe(2);
    expect(r.stderr, label).toMatch(message);
  }
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Hash of every file under the corpus folder (inputs), outputs excluded. */
function inputsState(): Map<string, string> {
  const state = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (full.startsWith(join(dir, 'sorties'))) continue;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) continue;
      if (info.isDirectory()) walk(full);
      else state.set(full, `${info.size}:${sha(full)}`);
    }
  };
  walk(dir);
  return state;
}

/** Hostile « workbooks » and what the answer must say. */
const HOSTILE: Record<string, RegExp> = {
  'calc.xlsx': /classeur OpenDocument \(\.ods, LibreOffice Calc\).*Fichier ▸ Enregistrer sous….*« Classeur Excel 2007-365 \(\.xlsx\) »/,
  'vrai-calc.ods': /classeur OpenDocument \(\.ods, LibreOffice Calc\)/,
  'texte-libreoffice.xlsx': /document texte OpenDocument/,
  'rapport.xlsx': /document Word \(\.docx\) dont le nom a été changé/,
  'copil.xlsx': /présentation PowerPoint \(\.pptx\) dont le nom a été changé/,
  'protege.xlsx': /protégé par un mot de passe.*Chiffrer avec mot de passe.*décochez « Enregistrer avec mot de passe »/,
  'ancien.xlsx': /classeur Excel 97-2003 \(\.xls\).*Enregistrer sous/,
  'vide.xlsx': /est vide \(0 octet\)/,
  'tronque.xlsx': /incomplet ou endommagé/,
  'hasard.xlsx': /n’est pas un classeur \.xlsx \(format non reconnu\)/,
  'liste.xlsx': /fichier texte \(CSV \?\)/,
  'page.xlsx': /page web \(HTML\)/,
  'dossier.xlsx': /n’est pas un fichier/,
  'absent.xlsx': /Fichier introuvable/,
  'manquant/classeur.xlsx': /Fichier introuvable/,
};

describe('hostile files and command lines', () => {
  beforeAll(async () => {
    mkdirSync(join(dir, 'sorties'));
    expect((await cli(dir, 'template', '--out', 'valide.xlsx')).code).toBe(0);
    const valid = readFileSync(join(dir, 'valide.xlsx'));
    writeFileSync(join(dir, 'calc.xlsx'), odf('application/vnd.oasis.opendocument.spreadsheet'));
    writeFileSync(join(dir, 'vrai-calc.ods'), libreOfficeOds(join(dir, 'valide.xlsx')) ?? odf('application/vnd.oasis.opendocument.spreadsheet'));
    writeFileSync(join(dir, 'texte-libreoffice.xlsx'), odf('application/vnd.oasis.opendocument.text'));
    writeFileSync(join(dir, 'rapport.xlsx'), await docxBytes());
    writeFileSync(join(dir, 'copil.xlsx'), await pptxBytes());
    writeFileSync(join(dir, 'protege.xlsx'), cfb(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
    writeFileSync(join(dir, 'ancien.xlsx'), cfb(['Workbook', '\u0005SummaryInformation']));
    writeFileSync(join(dir, 'vide.xlsx'), '');
    writeFileSync(join(dir, 'tronque.xlsx'), valid.subarray(0, Math.floor(valid.length / 3)));
    writeFileSync(join(dir, 'hasard.xlsx'), randomBytes(5000));
    writeFileSync(join(dir, 'liste.xlsx'), 'Intitulé;Service\nComposteurs;Déchets\n');
    writeFileSync(join(dir, 'page.xlsx'), '<!DOCTYPE html><html><body><table><tr><td>Export</td></tr></table></body></html>');
    mkdirSync(join(dir, 'dossier.xlsx'));
    mkdirSync(join(dir, 'lecture-seule'));
    copyFileSync(join(dir, 'valide.xlsx'), join(dir, 'lecture-seule', 'classeur.xlsx'));
    chmodSync(join(dir, 'lecture-seule'), 0o555);
    copyFileSync(join(dir, 'valide.xlsx'), join(dir, 'classeur.pptx'));
    symlinkSync(join(dir, 'valide.xlsx'), join(dir, 'lien.xlsx'));
    linkSync(join(dir, 'valide.xlsx'), join(dir, 'lien-dur.xlsx'));
    mkdirSync(join(dir, 'lien-dossier'));
    symlinkSync(dir, join(dir, 'lien-dossier', 'retour'));
    // A macro-enabled workbook: its content type says so.
    const macro = unzipSync(valid);
    macro['[Content_Types].xml'] = strToU8(
      strFromU8(macro['[Content_Types].xml']).replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
    );
    writeFileSync(join(dir, 'macros.xlsm'), zipSync(macro));
    writeFileSync(join(dir, 'statuts-utf8.csv'), 'id;statut\neci_1.1.1.1;fait\n');
    // A tab name longer than Excel's 31 characters (other writers allow it): exceljs warns on the console in English.
    const parts = unzipSync(valid);
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('name="Accueil"', 'name="Accueil avec un nom bien trop long pour Excel"'));
    writeFileSync(join(dir, 'nom-long.xlsx'), zipSync(parts));
  }, 180_000);

  it('answers every command given a file that is not a workbook with what it is and what to do (exit 2), inputs untouched', async () => {
    const before = inputsState();
    for (const [file, message] of Object.entries(HOSTILE)) {
      const lines: string[][] = [
        ['validate', file],
        ['validate', file, '--json'],
        ['score', file],
        ['consolidate', file, '--out', 'sorties/c.xlsx', '--report', 'sorties/c.json'],
        ['consolidate', file, '--in-place'],
        ['generate', 'copil', file, '--out', 'sorties/g.pptx'],
        ['generate', 'afom', file, '--out', 'sorties/g.docx'],
        ['export-tet', file, '--out', 'sorties/t.xlsx'],
        ['import-tet', file, 'valide.xlsx', '--out', 'sorties/i.xlsx'],
        ['import-tet', 'valide.xlsx', file, '--in-place'],
        ['export-reseau', file, '--out', 'sorties/e.xlsx'],
      ];
      await expectRefusals(lines.map((argv) => [argv, message]));
    }
    expect(inputsState()).toEqual(before);
    // Nothing was written for a refused input, and no lock or temporary file is left.
    expect(readdirSync(join(dir, 'sorties'))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('cap-circulaire'))).toEqual([]);
  }, 120_000);

  it('refuses every output that is an input, a folder, or under a file; template never replaces a workbook without --force', async () => {
    const before = inputsState();
    const cases: Array<[string[], RegExp]> = [
      [['consolidate', 'valide.xlsx', '--out', 'valide.xlsx'], /--out valide\.xlsx désigne le fichier d’entrée/],
      [['consolidate', 'valide.xlsx', '--out', 'lien.xlsx'], /--out lien\.xlsx désigne le fichier d’entrée/],
      [['consolidate', 'lien.xlsx', '--out', 'lien-dur.xlsx'], /--out lien-dur\.xlsx désigne le fichier d’entrée/],
      [['consolidate', 'valide.xlsx', '--out', 'lien-dossier/retour/valide.xlsx'], /désigne le fichier d’entrée/],
      [['import-tet', 'lien.xlsx', 'valide.xlsx', '--out', 'sorties/x.xlsx'], /fichier de Territoires en Transitions/],
      [['consolidate', 'macros.xlsm', '--out', 'sorties/sans-macros.xlsx'], /contient des macros \(\.xlsm\) : le fichier de sortie doit avoir l’extension \.xlsm/],
      [['consolidate', 'valide.xlsx', '--out', './VALIDE.xlsx'.toLowerCase()], /désigne le fichier d’entrée/],
      [['consolidate', 'valide.xlsx', '--out', 'sorties/r.xlsx', '--report', 'valide.xlsx'], /--report valide\.xlsx désigne le fichier d’entrée/],
      [['consolidate', 'valide.xlsx', '--in-place', '--report', 'valide.xlsx'], /--report valide\.xlsx désigne le fichier d’entrée/],
      [['consolidate', 'valide.xlsx', '--out', 'sorties/r.xlsx', '--report', 'sorties/r.xlsx'], /--report sorties\/r\.xlsx désigne le même fichier que --out/],
      [['consolidate', 'valide.xlsx', '--out', 'dossier.xlsx'], /La sortie dossier\.xlsx est un dossier/],
      [['consolidate', 'valide.xlsx', '--out', 'sorties/'], /n’a pas l’extension|doit avoir l’extension \.xlsx|est un dossier/],
      [['consolidate', 'valide.xlsx', '--out', 'liste.xlsx/sortie.xlsx'], /liste\.xlsx est un fichier, pas un dossier/],
      [['consolidate', 'valide.xlsx', '--out', 'out.xlsx', '--in-place'], /incompatibles/],
      [['consolidate', 'valide.xlsx'], /--out FICHIER/],
      [['export-tet', 'valide.xlsx', '--out', 'valide.xlsx'], /--out valide\.xlsx désigne le fichier d’entrée/],
      [['generate', 'copil', 'classeur.pptx', '--out', 'classeur.pptx'], /--out classeur\.pptx désigne le fichier d’entrée/],
      [['import-tet', 'valide.xlsx', 'valide.xlsx', '--in-place'], /fichier de Territoires en Transitions/],
      [['template', '--out', 'valide.xlsx'], /valide\.xlsx existe déjà : il n’est pas remplacé.*--force/],
      [['template', '--out', 'dossier.xlsx', '--force'], /est un dossier/],
      [['template', '--out', 'sortie.ods'], /extension \.xlsx/],
      [['demo', '--out-dir', 'liste.xlsx'], /--out-dir liste\.xlsx est un fichier, pas un dossier/],
      [['score', '--statuts', 'valide.xlsx'], /est un classeur, pas un CSV.*cap-circulaire score valide\.xlsx/],
      [['score', '--statuts', 'protege.xlsx'], /--statuts attend un fichier CSV.*mot de passe/],
      [['score', '--statuts', 'dossier.xlsx'], /n’est pas un fichier/],
      [['score', '--statuts', 'absent.csv'], /Fichier CSV introuvable : absent\.csv/],
      [['score', 'valide.xlsx', '--statuts', 'statuts-utf8.csv'], /soit un classeur \.xlsx, soit --statuts/],
    ];
    await expectRefusals(cases);
    expect(inputsState()).toEqual(before);
  }, 120_000);

  it('answers hostile command lines in French with exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /Aucune commande indiquée/],
      [['consolider'], /Commande inconnue : « consolider »/],
      [['validate', 'valide.xlsx', '--sortie', 'x'], /Option inconnue pour « validate » : --sortie/],
      [['validate', 'valide.xlsx', '-z'], /Option inconnue pour « validate » : -z/],
      [['consolidate', 'valide.xlsx', '--out'], /L’option --out de « consolidate » attend une valeur/],
      [['consolidate', 'valide.xlsx', '--out', '--in-place'], /L’option --out de « consolidate » attend une valeur/],
      [['consolidate', 'valide.xlsx', '--in-place=oui'], /L’option --in-place de « consolidate » ne prend pas de valeur/],
      [['template'], /L’option --out est obligatoire pour « template »/],
      [['template', '--out', ''], /L’option --out est obligatoire/],
      [['validate'], /Il manque classeur\.xlsx pour « validate »/],
      [['validate', 'a.xlsx', 'b.xlsx'], /Argument\(s\) en trop pour « validate » : b\.xlsx/],
      [['generate', 'rapport', 'valide.xlsx', '--out', 'x.docx'], /rapport/],
      [['generate', 'bilan', 'valide.xlsx', '--out', 'x.docx', '--instance', 'trois'], /trois/],
      [['generate', 'copil', 'valide.xlsx', '--out', 'x.docx'], /\.pptx/],
      [['score'], /Indiquez un classeur \.xlsx ou --statuts/],
      [['help', 'inconnue'], /Commande inconnue : « inconnue »/],
    ];
    await expectRefusals(cases);
  });

  it('creates a missing output folder, and answers an unreachable one in French', async () => {
    const r = await cli(dir, 'template', '--out', 'sorties/nouveau/dossier/modele.xlsx');
    assertClean('template dans un dossier manquant', r);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'sorties/nouveau/dossier/modele.xlsx'))).toBe(true);
    const proc = await cli(dir, 'template', '--out', '/proc/cap-circulaire/modele.xlsx');
    assertClean('template sous /proc', proc);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toMatch(/Impossible de créer le dossier \/proc\/cap-circulaire/);
    const version = await cli(dir, 'export-tet', 'valide.xlsx', '--out', '/proc/version.xlsx');
    assertClean('export-tet vers /proc', version);
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/\/proc\/version\.xlsx/);
    expect(version.stderr).not.toMatch(/\.tmp/);
  }, 120_000);

  it('random command lines over the corpus: always 0, 1 or 2, never a raw error, inputs untouched (fast-check, fixed seed)', async () => {
    const before = inputsState();
    const files = [...Object.keys(HOSTILE), 'valide.xlsx', 'lien.xlsx', 'statuts-utf8.csv', 'dossier.xlsx', 'sorties', ''];
    const outputs = ['valide.xlsx', 'lien-dur.xlsx', 'dossier.xlsx', 'sorties/', 'sorties/a.xlsx', 'sorties/b/c.xlsx', 'liste.xlsx/x.xlsx', 'sorties/a.pptx', 'sorties/a.docx', 'sorties/r.json', '/proc/x.xlsx'];
    const token = fc.oneof(
      fc.constantFrom(...files),
      fc.constantFrom('--json', '--force', '--in-place=1', '-x', '--', '--out', '--report', '--statuts', '--instance', '0', '3', 'copil', 'bilan'),
      fc.tuple(fc.constantFrom('--out', '--report', '--statuts', '--out-dir'), fc.constantFrom(...outputs, ...files)).map(([o, v]) => `${o}=${v}`),
    );
    const verb = fc.constantFrom('validate', 'consolidate', 'score', 'generate', 'export-tet', 'import-tet', 'export-reseau', 'template', 'help', 'inconnu');
    await fc.assert(
      fc.asyncProperty(verb, fc.array(token, { maxLength: 5 }), async (v, rest) => {
        // --in-place would legitimately rewrite a valid workbook: the random lines only read.
        const argv = [v, ...rest.filter((t) => !t.startsWith('--in-place'))];
        const r = await cli(dir, ...argv);
        assertClean(argv.join(' '), r);
      }),
      { seed: 1313, numRuns: 60 },
    );
    expect(inputsState()).toEqual(before);
  }, 300_000);

  it('reseau over the whole hostile folder: a clean answer, every file left as it was', async () => {
    const before = inputsState();
    const r = await cli(dir, 'reseau', '.', '--out', 'sorties/reseau/reseau.xlsx');
    assertClean('reseau .', r);
    expect(inputsState()).toEqual(before);
  }, 300_000);

  it('--debug shows the technical detail, and only then', async () => {
    const plain = await cli(dir, 'validate', 'tronque.xlsx');
    expect(plain.stderr).not.toMatch(/\[debug\]/);
    const r = await cli(dir, 'validate', 'vrai-calc.ods', '--debug');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/classeur OpenDocument/);
    expect(r.stderr).toMatch(/\[debug\] .*UsageError|\[debug\]\s+at /);
    const help = await cli(dir, '--help');
    expect(help.stdout).toMatch(/--debug\s+affiche le détail technique/);
  });
});

describe('the built binary on hostile files: nothing raw on the real stderr', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build-node.mjs')], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  const bin = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/cap-circulaire.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    return { ...r, stdout: plainSpaces(r.stdout ?? ''), stderr: plainSpaces(r.stderr ?? '') };
  };

  it('exits 0, 1 or 2 with a French message for each hostile input', () => {
    const before = inputsState();
    for (const argv of [
      ['validate', 'rapport.xlsx'],
      ['consolidate', 'protege.xlsx', '--in-place'],
      ['score', 'tronque.xlsx'],
      ['score', '--statuts', 'hasard.xlsx'],
      ['validate', 'dossier.xlsx'],
      ['template', '--out', 'dossier.xlsx/'],
      ['validate', 'valide.xlsx', '--inconnue'],
      ['validate', 'nom-long.xlsx'],
      ['score', 'nom-long.xlsx', '--json'],
    ]) {
      const r = bin(...argv);
      assertClean(argv.join(' '), { code: r.status, stdout: r.stdout, stderr: r.stderr });
      expect(r.stderr, argv.join(' ')).not.toMatch(/Worksheet|exceeds|truncated|Warning/);
      if (!argv[1].startsWith('nom-long')) expect(r.status).toBe(2);
    }
    expect(inputsState()).toEqual(before);
  }, 120_000);
});

/** A user who may not write in a folder: root ignores permissions, so drop to `nobody` when running as root. */
const asUser = process.getuid?.() === 0 ? (existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : null) : [];

describe.skipIf(asUser === null)('a read-only folder, for a user who cannot write there (built binary)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build-node.mjs')], { cwd: root, stdio: 'pipe' });
    chmodSync(dir, 0o755);
    // A shared folder everyone may write to, holding a workbook only its owner may write.
    mkdirSync(join(dir, 'partage'));
    copyFileSync(join(dir, 'valide.xlsx'), join(dir, 'partage', 'classeur.xlsx'));
    chmodSync(join(dir, 'partage', 'classeur.xlsx'), 0o644);
    chmodSync(join(dir, 'partage'), 0o777);
  }, 120_000);

  const run = (...args: string[]) => {
    const [cmd, ...pre] = [...asUser!, process.execPath];
    const r = spawnSync(cmd, [...pre, join(root, 'bin/cap-circulaire.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    return { ...r, stdout: plainSpaces(r.stdout ?? ''), stderr: plainSpaces(r.stderr ?? '') };
  };

  it('names the folder that cannot be written, exit 2, the workbook untouched', () => {
    const before = sha(join(dir, 'lecture-seule', 'classeur.xlsx'));
    const cases: Array<[string[], RegExp]> = [
      [['template', '--out', 'lecture-seule/modele.xlsx'], /Le dossier lecture-seule n’est pas accessible en écriture/],
      [['consolidate', 'lecture-seule/classeur.xlsx', '--in-place'], /Le dossier lecture-seule n’est pas accessible en écriture/],
      [['consolidate', 'valide.xlsx', '--out', 'lecture-seule/sortie.xlsx'], /Le dossier lecture-seule n’est pas accessible en écriture/],
      [['template', '--out', 'lecture-seule/sous-dossier/modele.xlsx'], /Impossible de créer le dossier lecture-seule\/sous-dossier \(Accès refusé/],
      [['consolidate', 'partage/classeur.xlsx', '--in-place'], /Le fichier partage\/classeur\.xlsx est protégé en écriture/],
      [['import-tet', 'valide.xlsx', 'partage/classeur.xlsx', '--in-place'], /Le fichier partage\/classeur\.xlsx est protégé en écriture/],
    ];
    for (const [argv, message] of cases) {
      const r = run(...argv);
      assertClean(argv.join(' '), { code: r.status, stdout: r.stdout, stderr: r.stderr });
      expect(r.status, `${argv.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    expect(sha(join(dir, 'lecture-seule', 'classeur.xlsx'))).toBe(before);
    expect(sha(join(dir, 'partage', 'classeur.xlsx'))).toBe(before);
    expect(readdirSync(join(dir, 'partage'))).toEqual(['classeur.xlsx']);
    expect(readdirSync(join(dir, 'lecture-seule'))).toEqual(['classeur.xlsx']);
  }, 120_000);
});

describe('score --statuts reads the CSV encodings Excel and LibreOffice write', () => {
  const text = 'id;statut;fait;programme;pas_fait\neci_1.1.1;fait;;;\neci_1.1.2;Programmé;;;\n';

  it('UTF-8 with a BOM, UTF-16 LE and BE give the same scores; Windows-1252 too, with a remark', async () => {
    writeFileSync(join(dir, 's-utf8.csv'), text);
    writeFileSync(join(dir, 's-bom.csv'), Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    writeFileSync(join(dir, 's-utf16le.csv'), utf16le(text));
    writeFileSync(join(dir, 's-utf16be.csv'), utf16be(text));
    writeFileSync(join(dir, 's-cp1252.csv'), windows1252(text));
    const reference = await cli(dir, 'score', '--statuts', 's-utf8.csv', '--json');
    expect(reference.code, reference.stderr).toBe(0);
    for (const file of ['s-bom.csv', 's-utf16le.csv', 's-utf16be.csv', 's-cp1252.csv']) {
      const r = await cli(dir, 'score', '--statuts', file, '--json');
      assertClean(file, r);
      expect(r.code, `${file}\n${r.stderr}`).toBe(0);
      expect(r.stdout, file).toBe(reference.stdout);
      if (file === 's-cp1252.csv') expect(r.stderr).toMatch(/s-cp1252\.csv n’est pas en UTF-8 ; il a été lu comme un CSV Windows \(Windows-1252/);
      else expect(r.stderr, file).toBe('');
    }
  }, 60_000);
});
