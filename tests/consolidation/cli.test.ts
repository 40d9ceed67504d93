/**
 * `cap-circulaire consolidate` and `validate`, in-process on real .xlsx
 * files: the output and the report are written, the input is never touched,
 * exit codes follow the contract.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxFile, writeXlsxFile } from '../../src/node/xlsx-files';
import { lockPathFor } from '../../src/node/file-lock';
import { TAB } from '../../src/domain/schema/tabs';
import { cli, tempDir } from '../node/helpers';
import { installed, register, setPlans, setServiceTab } from './support';

const dir = tempDir('consolidation-cli');
const T = "Intitulé de l'action";
const DEC = 'Service – Déchets';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function workbookFile(name: string, blocking: boolean): Promise<string> {
  const wb = installed();
  register(wb, [{ service: 'Déchets', onglet: DEC, code: 'DEC' }]);
  setPlans(wb, [{ Type: 'PLPDMA', Intitulé: 'PLPDMA 2022-2027' }]);
  setServiceTab(wb, DEC, [
    { [T]: 'Composteurs partagés', 'Plans de rattachement': 'plpdma', 'Budget (€ HT)': '12 500 €', Commentaire: '=à voir en COPIL' },
    { [T]: 'Ressourcerie', Filière: 'Textille', 'Date de fin': blocking ? '31/02/2026' : '28/02/2026' },
  ]);
  setServiceTab(wb, 'Service - Achats', [{ [T]: 'Clauses de réemploi' }]);
  const path = join(dir, name);
  await writeXlsxFile(wb, path);
  return path;
}

describe('cap-circulaire consolidate', () => {
  it('writes the consolidated workbook and the report, never touches the input, exits 1 on blocking anomalies', async () => {
    const input = await workbookFile('bloquant.xlsx', true);
    const before = sha(input);
    const r = await cli(dir, 'consolidate', 'bloquant.xlsx', '--out', 'sortie.xlsx', '--report', 'rapport.json');
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    expect(r.stdout).toContain('3 actions consolidées depuis 2 onglets de service');
    expect(r.stdout).toContain('Rapport écrit : rapport.json');
    expect(r.stderr).toContain('[bloquante] « Service – Déchets », cellule J3, colonne « Date de fin »');
    expect(existsSync(lockPathFor(join(dir, 'sortie.xlsx')))).toBe(false);

    const report = JSON.parse(readFileSync(join(dir, 'rapport.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['services', 'actions', 'anomalies']);
    expect(report.services).toEqual([
      { onglet: DEC, lignes: 2 },
      { onglet: 'Service - Achats', lignes: 1 },
    ]);
    expect(report.actions).toBe(3);
    for (const a of report.anomalies) expect(Object.keys(a)).toEqual(['onglet', 'ligne', 'colonne', 'message', 'bloquante']);
    expect(report.anomalies.filter((a: { bloquante: boolean }) => a.bloquante)).toEqual([
      { onglet: DEC, ligne: 3, colonne: 'Date de fin', message: expect.stringContaining('31/02/2026'), bloquante: true },
    ]);

    const out = await readXlsxFile(join(dir, 'sortie.xlsx'));
    const actions = out.workbook.grid(TAB.actions);
    const h = actions[0];
    expect(actions.slice(1).map((r) => r[h.indexOf('Réf.')])).toEqual(['DEC-001', 'DEC-002', 'ACH-001']);
    // Formula-like text stays text in the file.
    expect(actions[1][h.indexOf('Commentaire')]).toBe('=à voir en COPIL');
    expect(out.workbook.grid(DEC).slice(1).map((r) => r[0])).toEqual(['DEC-001', 'DEC-002']);
  });

  it('exits 0 without blocking anomalies, and a second consolidation of its output changes no action', async () => {
    await workbookFile('propre.xlsx', false);
    const first = await cli(dir, 'consolidate', 'propre.xlsx', '--out', 'propre-1.xlsx');
    expect(first.code).toBe(0);
    const second = await cli(dir, 'consolidate', 'propre-1.xlsx', '--out', 'propre-2.xlsx');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('Réf. attribuée');
    const a = (await readXlsxFile(join(dir, 'propre-1.xlsx'))).workbook.grid(TAB.actions);
    const b = (await readXlsxFile(join(dir, 'propre-2.xlsx'))).workbook.grid(TAB.actions);
    expect(b).toEqual(a);
  });

  it('refuses usage errors with exit 2: no --out, --out equal to the input', async () => {
    await workbookFile('usage.xlsx', false);
    expect((await cli(dir, 'consolidate', 'usage.xlsx')).code).toBe(2);
    const same = await cli(dir, 'consolidate', 'usage.xlsx', '--out', 'usage.xlsx');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--out usage.xlsx désigne le fichier d’entrée : le fichier d’entrée n’est jamais remplacé');
  });

  it('waits a bounded time for another run holding the file, then refuses naming it (exit 2, nothing written)', async () => {
    await workbookFile('verrou.xlsx', false);
    const lock = lockPathFor(join(dir, 'verrou-sortie.xlsx'));
    // A live holder: this very process, as another command would write it.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), user: 'marie', command: 'consolidate', since: '2026-12-06T09:15:00.000Z' }));
    process.env.CAP_CIRCULAIRE_ATTENTE_VERROU = '0,3';
    try {
      const started = Date.now();
      const r = await cli(dir, 'consolidate', 'verrou.xlsx', '--out', 'verrou-sortie.xlsx');
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Le classeur verrou-sortie.xlsx est en cours de modification par une autre commande Cap Circulaire');
      expect(r.stderr).toContain(`« consolidate », utilisateur marie, poste ${hostname()}, processus ${process.pid}, depuis le 06/12/2026`);
      expect(existsSync(join(dir, 'verrou-sortie.xlsx'))).toBe(false);
      // The holder's lock is left alone.
      expect(existsSync(lock)).toBe(true);
    } finally {
      delete process.env.CAP_CIRCULAIRE_ATTENTE_VERROU;
      rmSync(lock, { force: true });
    }
  });
});

describe('cap-circulaire validate', () => {
  it('prints every anomaly as JSON with --json, exits 1 on a blocking one, never touches the file', async () => {
    const input = await workbookFile('valider.xlsx', true);
    const before = sha(input);
    const r = await cli(dir, 'validate', 'valider.xlsx', '--json');
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['bloquantes', 'avertissements', 'anomalies']);
    expect(json.bloquantes).toBe(1);
    expect(json.anomalies.map((a: { code: string; onglet: string; ligne: number | null; cellule: string | null }) => [a.code, a.onglet, a.ligne, a.cellule])).toEqual([
      ['filiere-inconnue', DEC, 3, 'G3'],
      ['date-invalide', DEC, 3, 'J3'],
      ['onglet-tiret', 'Service - Achats', null, null],
    ]);
    for (const a of json.anomalies) expect(Object.keys(a)).toEqual(['onglet', 'ligne', 'colonne', 'cellule', 'message', 'bloquante', 'code']);
  });

  it('prints a French list by tab, and exits 0 when nothing blocks', async () => {
    await workbookFile('valider-ok.xlsx', false);
    const r = await cli(dir, 'validate', 'valider-ok.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Onglet « Service – Déchets » (1) :');
    expect(r.stdout).toContain('[avertissement] cellule G3, colonne « Filière » : Filière : « Textille »');
    expect(r.stdout).toMatch(/0 anomalie bloquante et 2 avertissements dans 2 onglets\.$/);
  });
});
