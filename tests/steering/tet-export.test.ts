import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feuillePlanTet, mesureTet, TET_IMPORT_LABELS, TET_LABELS } from '../../src/domain/tet/plan';
import { exportTet } from '../../src/domain/tet/export';
import { TET_ECI_HEADERS } from '../../src/domain/tet/referentiel';
import { classeurToBuffer } from '../../src/files/xlsx/classeur-export';
import { exportTetCommand } from '../../src/node/commands/export-tet';
import { CommandArgs } from '../../src/node/commands/types';
import { computeScores } from '../../src/domain/referentiel/score';
import { CONTEXTE_VIDE } from '../../src/domain/referentiel/personnalisation';
import { REFERENTIEL_LINES } from '../../src/domain/referentiel/catalogue';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { writeXlsxFile } from '../../src/node/xlsx-files';
import type { FicheAction, Jalon } from '../../src/domain/model/types';
import type { Cell } from '../../src/domain/table/cell';
import { addRows, at, day, model } from './helpers';

const TET = new URL('../fixtures/tet', import.meta.url).pathname;
const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
};
async function sheet(file: string, name?: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return name ? wb.getWorksheet(name)! : wb.worksheets[0];
}
function row(ws: ExcelJS.Worksheet, r: number, n: number): string[] {
  return Array.from({ length: n }, (_, c) => text(ws.getCell(r, c + 1).value).trim());
}

/** What TeT's importer requires on row 2 (../shared/tet/README.md), in order. */
const IMPORTER_LABELS = [
  'Axe (x)', 'Sous-axe (x.x)', 'Sous-sous axe (x.x.x)', "Titre de l'action", 'Titre de la sous-action', 'Descriptif', 'Instances de gouvernance',
  'Objectifs', 'Indicateurs liés', 'Structure pilote', 'Moyens humains et techniques', 'Partenaires', 'Direction ou service pilote', 'Personne pilote',
  'Élu·e référent·e', 'Participation Citoyenne', 'Financements', 'Financeur 1', 'Montant € HT', 'Financeur 2', 'Montant € HT', 'Financeur 3',
  'Montant € HT', 'Budget prévisionnel total € HT', 'Statut', 'Niveau de priorité', 'Date de début', 'Date de fin',
];

const fiche = (numero: string, extra: Partial<FicheAction> = {}): FicheAction => ({
  rowNumber: Number(numero) + 1, numero, axe: '2. Prévenir et réemployer', sousAxe: '2.1. Réemploi', titre: `Fiche ${numero}`, descriptif: 'Descriptif', objectifs: 'Objectifs',
  indicateurs: 'Tonnage', structurePilote: 'CA du Val de Loue', servicePilote: 'Déchets', personnePilote: 'Élodie Bourgeois', eluReferent: 'Martine Vuillemin',
  partenaires: 'Ressourcerie', financeurs: [{ nom: 'ADEME', montant: 20000 }, { nom: 'Région', montant: 5000 }], budgetTotal: 40000, statut: 'En cours',
  priorite: 'Élevé', debut: day(2026, 1, 15), fin: day(2027, 6, 30), ameliorationContinue: true, mesures: ['eci_2.1', 'eci_2.3.1'], actionsLiees: ['DEC-001'],
  afom: ['F2'], piliers: ['Allongement de la durée d\'usage'], participation: 'Concertation', notes: 'Fiche phare', ...extra,
});
const jalon: Jalon = { rowNumber: 2, fiche: '1', jalon: 'Convention signée', echeance: day(2026, 3, 1), responsable: null, statut: 'Fait', commentaire: null };

describe('TeT export: plan d\'actions sheet', () => {
  const { feuille } = feuillePlanTet(model({ planActions: [fiche('2', { statut: 'À venir', priorite: 'Bas', ameliorationContinue: false, financeurs: [] }), fiche('1')], jalons: [jalon] }));

  it('has EXACTLY the 28 labels of the importer on row 2, cell by cell, A2 = Axe (x)', () => {
    expect(feuille.rows[1][0]).toBe('Axe (x)');
    IMPORTER_LABELS.forEach((label, i) => expect(String(feuille.rows[1][i]).trim(), `colonne ${i + 1}`).toBe(label));
    expect([...TET_IMPORT_LABELS]).toEqual(IMPORTER_LABELS);
  });

  it('has row 2 equal to the one of import-plan-accepte.xlsx (trimmed), cell by cell', async () => {
    const ws = await sheet(join(TET, 'import-plan-accepte.xlsx'));
    const theirs = row(ws, 2, 35);
    expect(TET_LABELS).toHaveLength(theirs.length);
    TET_LABELS.forEach((label, i) => expect(label, `colonne ${i + 1}`).toBe(theirs[i]));
  });

  it('keeps rows 1 and 3 as non-data and writes one fiche per row from row 4, in N° order', () => {
    expect(feuille.rows[0][0]).toBe('Présentation de l’action');
    expect(String(feuille.rows[2][0])).toMatch(/^Champ/);
    expect(feuille.rows).toHaveLength(5);
    const r4 = feuille.rows[3];
    const at = (label: string, n = 0) => r4[TET_LABELS.indexOf(label, n)];
    expect(at("Titre de l'action")).toBe('Fiche 1');
    expect(at('Axe (x)')).toBe('2. Prévenir et réemployer');
    expect(at('Financeur 1')).toBe('ADEME');
    expect(r4[18]).toBe(20000);
    expect(at('Financeur 2')).toBe('Région');
    expect(r4[20]).toBe(5000);
    expect(at('Budget prévisionnel total € HT')).toBe(40000);
    expect(at('Date de début')).toEqual(day(2026, 1, 15));
    expect(at('Date de fin')).toBeInstanceOf(Date);
    expect(at('Action en amélioration continue')).toBe('TRUE');
    expect(at('Calendrier')).toBe('01/03/2026 : Convention signée (fait)');
    expect(at('Mesures liées')).toBe(`${mesureTet('eci_2.1')}, ${mesureTet('eci_2.3.1')}`);
    expect(mesureTet('eci_2.1')).toMatch(/^eci 2\.1 - /);
    expect(at('Notes')).toContain('AFOM traités : F2');
    expect(feuille.rows[4][TET_LABELS.indexOf("Titre de l'action")]).toBe('Fiche 2');
    expect(feuille.rows[4][TET_LABELS.indexOf('Action en amélioration continue')]).toBeNull();
  });

  it('uses only values of TeT\'s lists (modele-import-pa.xlsx › Listes déroulantes, trimmed)', async () => {
    const ws = await sheet(join(TET, 'modele-import-pa.xlsx'), 'Listes déroulantes');
    const header = row(ws, 1, 5);
    const list = (name: string) => {
      const c = header.findIndex((h) => h.toLowerCase() === name.toLowerCase()) + 1;
      const out: string[] = [];
      for (let r = 2; r <= ws.rowCount; r++) {
        const v = text(ws.getCell(r, c).value).trim();
        if (v) out.push(v);
      }
      return out;
    };
    const statuts = list('Statut');
    const priorites = list('Niveau de priorité');
    const participation = list('Participation citoyenne');
    expect(statuts.length).toBeGreaterThan(5);
    const col = (label: string) => TET_LABELS.indexOf(label);
    for (const r of feuille.rows.slice(3)) {
      expect(statuts).toContain(r[col('Statut')]);
      expect(priorites).toContain(r[col('Niveau de priorité')]);
      expect(participation).toContain(r[col('Participation Citoyenne')]);
    }
    // and our workbook lists are exactly theirs, so any typed value exports
    const { STATUTS_FICHE, PRIORITES_FICHE, PARTICIPATION_CITOYENNE } = await import('../../src/domain/schema/lists');
    expect([...STATUTS_FICHE].sort()).toEqual([...statuts].sort());
    expect([...PRIORITES_FICHE]).toEqual(priorites);
    expect([...PARTICIPATION_CITOYENNE]).toEqual(participation);
  });

  it('leaves an unknown statut empty and reports it', () => {
    const r = feuillePlanTet(model({ planActions: [fiche('1', { statut: 'Terminé' as FicheAction['statut'] })] }));
    expect(r.feuille.rows[3][TET_LABELS.indexOf('Statut')]).toBeNull();
    expect(r.anomalies.map((a) => a.code)).toEqual(['tet-statut']);
  });
});

describe('TeT export: the file', () => {
  const scores = computeScores({ statuts: new Map(), personnalisation: CONTEXTE_VIDE });

  it('writes the plan first (A2 = Axe (x), the importer\'s sheet) and the référentiel second, in the layout of export_eci.xlsx', async () => {
    const { classeur } = exportTet(model({ planActions: [fiche('1')] }), scores, at(2026, 3, 10));
    const wb = new ExcelJS.Workbook();
    const bytes = await classeurToBuffer(classeur);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const [plan, ref] = wb.worksheets;
    expect(plan.getCell('A2').value).toBe('Axe (x)');
    expect(row(plan, 2, 28)).toEqual(IMPORTER_LABELS);
    expect(plan.getCell(4, 27).value).toEqual(day(2026, 1, 15));
    expect(typeof plan.getCell(4, 24).value).toBe('number');
    expect(text(ref.getCell('A2').value)).toBe('');

    const theirs = await sheet(join(TET, 'export_eci.xlsx'));
    expect(row(ref, 5, 11)).toEqual(row(theirs, 5, 11));
    expect(row(ref, 5, 11)).toEqual([...TET_ECI_HEADERS]);
    expect(text(ref.getCell('E4').value)).toBe(text(theirs.getCell('E4').value));
    expect(text(ref.getCell('C2').value)).toBe("Date d'export");
    expect(text(ref.getCell('A6').value)).toBe('TOTAL');
    // one row per line, numbered as theirs
    const ours: string[] = [];
    for (let r = 7; r <= ref.rowCount; r++) ours.push(text(ref.getCell(r, 1).value));
    const their: string[] = [];
    for (let r = 7; r <= theirs.rowCount; r++) if (text(theirs.getCell(r, 1).value)) their.push(text(theirs.getCell(r, 1).value));
    expect(ours).toEqual(their);
    expect(ours).toHaveLength(REFERENTIEL_LINES.length);
    expect(ref.getCell(6, 4).value).toBe(500);
  });

  it('runs as the CLI verb export-tet on an .xlsx workbook, without touching the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tet-'));
    const input = join(dir, 'classeur.xlsx');
    const wb = new MemoryWorkbook();
    installWorkbook({ workbook: wb, formatter: wb });
    addRows(wb, "Plan d'actions", 'planActions', [
      { 'N°': 1, 'Titre de la fiche action': 'Recyclerie', 'Axe (x)': '1. Gouvernance', Statut: 'En cours', 'Niveau de priorité': 'Élevé', 'Date de début': day(2026, 2, 1), 'Budget prévisionnel total € HT': 12000 } as Record<string, Cell>,
    ]);
    await writeXlsxFile(wb, input);
    const before = readFileSync(input);
    const out: string[] = [];
    const err: string[] = [];
    const code = await exportTetCommand.run(new CommandArgs('export-tet', { out: 'plan-tet.xlsx' }, ['classeur.xlsx']), { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('1 fiche');
    expect(readFileSync(input).equals(before)).toBe(true);
    const plan = await sheet(join(dir, 'plan-tet.xlsx'));
    expect(row(plan, 2, 28)).toEqual(IMPORTER_LABELS);
    expect(text(plan.getCell('D4').value)).toBe('Recyclerie');
    expect(plan.getCell('X4').value).toBe(12000);
    expect(plan.getCell('Y4').value).toBe('En cours');
  });
});
