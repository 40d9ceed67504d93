/**
 * `cap-circulaire import-tet`: files in and out, input files unchanged,
 * report, exit codes (0 imported, 1 nothing importable, 2 usage), French errors.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../../src/domain/schema/tabs';
import { readXlsxFile, writeXlsxFile } from '../../src/node/xlsx-files';
import { cli, tempDir } from '../node/helpers';
import { ACCEPTE, ajouter, EXPORT_PLAN, fiches, sample, sha256, template } from './support';

const dir = tempDir('import-tet');

describe('cap-circulaire import-tet', () => {
  beforeAll(async () => {
    await writeXlsxFile(template(), join(dir, 'modele.xlsx'));
    const wb = template();
    ajouter(wb, TAB.planActions, 'planActions', [{ 'N°': 1, 'Titre de la fiche action': 'Ramassage scolaire a velo 2040-2044', Statut: 'Abandonné', 'Personne pilote': 'Moi' }]);
    await writeXlsxFile(wb, join(dir, 'classeur.xlsx'));
    await writeXlsxFile(await sample(), join(dir, 'exemple.xlsx'));
    copyFileSync(ACCEPTE, join(dir, 'plan-tet.xlsx'));
    const random = new ExcelJS.Workbook();
    random.addWorksheet('Feuil1').addRows([['Nom', 'Valeur'], ['a', 1], ['b', 2]]);
    await random.xlsx.writeFile(join(dir, 'aleatoire.xlsx'));
    writeFileSync(join(dir, 'pas-un-classeur.xlsx'), 'ceci est du texte');
  });

  it('imports into --out, prints fiches created / completed / conflicts, leaves both inputs unchanged', async () => {
    const hashes = [sha256(join(dir, 'plan-tet.xlsx')), sha256(join(dir, 'classeur.xlsx'))];
    const r = await cli(dir, 'import-tet', 'plan-tet.xlsx', 'classeur.xlsx', '--out', 'complete.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Feuille « Fichier dimport » (format d’import de TeT) : 7 fiches lues.");
    expect(r.stdout).toContain('Fiches créées :');
    expect(r.stdout).toContain('  N° 2 « Arranger la piste cyclable 2040-2044 »');
    expect(r.stdout).toContain('Fiches complétées (cellules vides seulement) :');
    expect(r.stdout).toContain('Conflits (votre valeur est conservée) :');
    expect(r.stdout).toContain("  « Plan d’actions », ligne 2, colonne « Personne pilote » : classeur « Moi », TeT « Harry Cot »");
    expect(r.stdout).toContain('Import Territoires en Transitions : 6 fiches créées, 1 fiche complétée, 1 conflit.');
    expect(r.stdout).toContain('Fichier écrit : complete.xlsx');
    expect(r.stderr).toContain('Remarques :');
    expect([sha256(join(dir, 'plan-tet.xlsx')), sha256(join(dir, 'classeur.xlsx'))]).toEqual(hashes);

    const out = await readXlsxFile(join(dir, 'complete.xlsx'));
    const rows = fiches(out.workbook);
    expect(rows).toHaveLength(7);
    expect(rows[0].cells).toMatchObject({ numero: 1, titre: 'Ramassage scolaire a velo 2040-2044', statut: 'Abandonné', priorite: 'Moyen', personnePilote: 'Moi' });
    expect(out.workbook.sheetNames()).toEqual((await readXlsxFile(join(dir, 'classeur.xlsx'))).workbook.sheetNames());
    // What was imported reads back without a reading problem: the only remarks left are the
    // guide's advice on the plan itself (about ten fiches, each answering the AFOM).
    const check = await cli(dir, 'validate', 'complete.xlsx', '--json');
    expect(check.code).toBe(0);
    const anomalies = JSON.parse(check.stdout).anomalies as Array<{ onglet: string; colonne: string | null; bloquante: boolean }>;
    expect(anomalies.filter((a) => a.bloquante)).toEqual([]);
    expect(anomalies.filter((a) => !(a.onglet === "Plan d'actions" && (a.colonne === null || a.colonne === 'AFOM traités')))).toEqual([]);
  });

  it('round trip through the files: export-tet of the sample, then import-tet into the template', async () => {
    expect((await cli(dir, 'export-tet', 'exemple.xlsx', '--out', 'exemple-tet.xlsx')).code).toBe(0);
    const h = sha256(join(dir, 'exemple-tet.xlsx'));
    const r = await cli(dir, 'import-tet', 'exemple-tet.xlsx', 'modele.xlsx', '--out', 'exemple-reimporte.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/10 fiches créées, 0 fiche complétée, 0 conflit, \d+ jalons ajoutés ou complétés\./);
    expect(r.stderr).toBe('');
    expect(sha256(join(dir, 'exemple-tet.xlsx'))).toBe(h);
    const [a, b] = await Promise.all([readXlsxFile(join(dir, 'exemple.xlsx')), readXlsxFile(join(dir, 'exemple-reimporte.xlsx'))]);
    const vue = (rows: ReturnType<typeof fiches>) => rows.map((x) => [x.cells.titre, x.cells.statut, x.cells.debut, x.cells.fin, x.cells.budgetTotal, x.cells.financeur1, x.cells.montant1]);
    expect(vue(fiches(b.workbook))).toEqual(vue(fiches(a.workbook)));
    // Twice, in place: nothing more to do, the file is left alone.
    const h2 = sha256(join(dir, 'exemple-reimporte.xlsx'));
    const again = await cli(dir, 'import-tet', 'exemple-tet.xlsx', 'exemple-reimporte.xlsx', '--in-place');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 fiche créée, 0 fiche complétée, 0 conflit.');
    expect(sha256(join(dir, 'exemple-reimporte.xlsx'))).toBe(h2);
  });

  it('--in-place modifies the workbook, never the TeT file', async () => {
    copyFileSync(join(dir, 'modele.xlsx'), join(dir, 'sur-place.xlsx'));
    const tet = sha256(join(dir, 'plan-tet.xlsx'));
    const before = sha256(join(dir, 'sur-place.xlsx'));
    const r = await cli(dir, 'import-tet', 'plan-tet.xlsx', 'sur-place.xlsx', '--in-place');
    expect(r.code, r.stderr).toBe(0);
    expect(sha256(join(dir, 'sur-place.xlsx'))).not.toBe(before);
    expect(sha256(join(dir, 'plan-tet.xlsx'))).toBe(tet);
    expect(fiches((await readXlsxFile(join(dir, 'sur-place.xlsx'))).workbook)).toHaveLength(7);
  });

  it('a random xlsx: French error, exit 1, nothing written', async () => {
    const r = await cli(dir, 'import-tet', 'aleatoire.xlsx', 'modele.xlsx', '--out', 'jamais.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Aucune feuille de ce fichier n’est un plan d’actions de Territoires en Transitions \(feuilles lues : « Feuil1 »\)/);
    expect(existsSync(join(dir, 'jamais.xlsx'))).toBe(false);
    expect((await cli(dir, 'import-tet', 'plan-tet.xlsx', 'aleatoire.xlsx', '--out', 'jamais.xlsx')).stderr).toMatch(/L’onglet « Plan d’actions » est absent/);
    const r2 = await cli(dir, 'import-tet', EXPORT_PLAN, 'modele.xlsx', '--out', 'vide.xlsx');
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain("Le fichier ne contient aucune fiche : rien n’a été importé.");
  });

  it('usage errors: exit 2 with a French message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['import-tet', 'pas-un-classeur.xlsx', 'modele.xlsx', '--out', 'x.xlsx'], /pas-un-classeur\.xlsx est un fichier texte \(CSV \?\), pas un classeur \.xlsx/],
      [['import-tet', 'absent.xlsx', 'modele.xlsx', '--out', 'x.xlsx'], /Fichier introuvable : absent\.xlsx/],
      [['import-tet', 'plan-tet.xlsx', 'modele.xlsx'], /Indiquez le fichier de sortie avec --out/],
      [['import-tet', 'plan-tet.xlsx', 'modele.xlsx', '--out', 'modele.xlsx'], /--out modele\.xlsx désigne le fichier d’entrée/],
      [['import-tet', 'plan-tet.xlsx', 'modele.xlsx', '--out', 'plan-tet.xlsx'], /Le fichier de sortie est le fichier de Territoires en Transitions/],
      [['import-tet', 'plan-tet.xlsx'], /Il manque le fichier de Territoires en Transitions et le classeur/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(dir, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
  });

  it('is listed in the help', async () => {
    const r = await cli(dir, '--help');
    expect(r.stdout).toMatch(/import-tet/);
    const h = await cli(dir, 'import-tet', '--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('cap-circulaire import-tet export_plan_action.xlsx classeur.xlsx --out classeur-complete.xlsx');
  });
});
