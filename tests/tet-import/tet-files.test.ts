/**
 * TeT's own files: the accepted import file and the export layout (with
 * rows added in TeT's export layout, since the published file has only its
 * header rows), imported into the template.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importTet } from '../../src/app/import-tet';
import { TAB } from '../../src/domain/schema/tabs';
import { CHAMPS_FORMAT_EXPORT, CHAMPS_FORMAT_IMPORT, lirePlanTet, TET_EXPORT_LABELS } from '../../src/domain/tet/import';
import { TET_LABELS } from '../../src/domain/tet/plan';
import { TET_IMPORT_TEXTES } from '../../src/domain/messages/tet-import';
import { ACCEPTE, day, EXPORT_PLAN, feuilles, fiches, fichierTet, jalons, template } from './support';

const clock = { now: () => new Date(Date.UTC(2026, 10, 20)) };

describe('import-tet: the layouts', () => {
  it('knows every column of the importer\'s layout (our export\'s labels) and of TeT\'s export (row 2 of export_plan_action.xlsx)', async () => {
    expect(CHAMPS_FORMAT_IMPORT).toHaveLength(TET_LABELS.length);
    expect(CHAMPS_FORMAT_EXPORT).toHaveLength(TET_EXPORT_LABELS.length);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(EXPORT_PLAN);
    const ws = excel.worksheets[0];
    const row2 = Array.from({ length: 35 }, (_, c) => String(ws.getCell(2, c + 1).value ?? '').trim());
    expect([...TET_EXPORT_LABELS]).toEqual(row2);
    expect(ws.getCell('A2').value).toBe('Axe (x)');
  });

  it('recognises export_plan_action.xlsx (export layout, no fiche: nothing written)', async () => {
    const wb = template();
    const r = importTet({ workbook: wb, clock }, await feuilles(EXPORT_PLAN));
    expect(r.status).toBe('ok');
    expect(r.source).toEqual({ feuille: 'Plan daction', format: 'export', fiches: 0 });
    expect(r.message).toMatch(/aucune fiche/);
    expect(wb.count('write')).toBe(0);
  });

  it('refuses the published template modele-import-pa.xlsx and a sheet that is neither layout, in French', async () => {
    const modele = lirePlanTet(await feuilles(new URL('../fixtures/tet/modele-import-pa.xlsx', import.meta.url).pathname));
    expect(modele.ok).toBe(false);
    if (!modele.ok) expect(modele.message).toMatch(/modèle publié par TeT/);
    const eci = lirePlanTet(await feuilles(new URL('../fixtures/tet/export_eci.xlsx', import.meta.url).pathname));
    expect(eci.ok).toBe(false);
    if (!eci.ok) expect(eci.message).toMatch(/^Aucune feuille de ce fichier n'est un plan d'actions de Territoires en Transitions/);
  });
});

describe('import-tet: import-plan-accepte.xlsx into the template', () => {
  it('creates its 7 fiches with the expected values', async () => {
    const wb = template();
    const r = importTet({ workbook: wb, clock }, await feuilles(ACCEPTE));
    expect(r.status).toBe('ok');
    expect(r.source).toEqual({ feuille: 'Fichier dimport', format: 'import', fiches: 7 });
    expect(r.creees.map((f) => f.numero)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const rows = fiches(wb).map((f) => f.cells);
    expect(rows).toHaveLength(7);
    const [f1, f2, , f4, f5, f6] = rows;
    expect(f1).toMatchObject({
      numero: 1,
      axe: '1. Sécurité : développer les aménagements cyclables et améliorer la sécurité routière',
      titre: 'Arranger la piste cyclable 2040-2044',
      servicePilote: 'Super service',
      personnePilote: 'Harry Cot',
      eluReferent: 'Harry Cot',
      partenaires: 'Super partenaire',
      financeur1: 'Smaug', montant1: 3000,
      financeur2: 'Ras al Ghul', montant2: 2000,
      financeur3: 'Tony Stark', montant3: 999,
      budgetTotal: 500,
      statut: 'En cours',
      priorite: 'Élevé',
      // `12/14/20` is impossible day first: read month first, as TeT's importer does, and reported.
      debut: day(2020, 12, 14),
      fin: day(2028, 12, 14),
      ameliorationContinue: 'Oui',
      mesures: 'eci_2.1',
    });
    expect(String(f1.notes)).toContain('Instances de gouvernance : Petite instance, blop');
    expect(String(f1.notes)).toContain('Documents et liens : www.test.com');
    expect(r.anomalies.map((a) => a.message).join('\n')).toMatch(/« 12\/14\/20 » lu au format mois\/jour\/année de TeT : 14\/12\/2020/);
    expect(f2).toMatchObject({ participation: 'Consultation', priorite: 'Élevé', ameliorationContinue: 'Non', statut: null, financeur1: null });
    expect(f4).toMatchObject({ sousAxe: '4.1. Pratiquer le vélo en toute sécurité', priorite: 'Bas', financeur1: 'Balthazar Picsou', montant1: 20000 });
    expect(f5).toMatchObject({ titre: 'Vélo avec des roulettes', sousAxe: '4.2. Déployer des plans de mobilité scolaires' });
    expect(f5.notes).toBe('Sous-sous axe (x.x.x) : 4.2.1. Apprendre le vélo aux enfants');
    expect(f6).toMatchObject({ personnePilote: 'Lou Piote, Yolo Dodo', financeur2: 'Smaug', montant2: 500 });
    expect(String(f6.descriptif)).toMatch(/^Lorem ipsum/);
  });
});

describe('import-tet: TeT\'s export layout with fiches', () => {
  // Columns of export_plan_action.xlsx: D title, O service, S–X financeurs in € TTC, Z statut, AF actions du référentiel.
  const rows = [
    {
      A: '1. Prévenir', B: '1.1 Réemploi', D: 'Créer une recyclerie', E: 'Une recyclerie en déchèterie.', F: 'Déchets', H: '300 t/an',
      O: 'Service déchets', P: 'Anne Martin', S: 'Métropole, Région', U: 'ADEME', V: '12 500', W: 'Département', X: 4000,
      Y: 60000, Z: 'Bloqué ', AA: 'moyen', AB: '03/04/2025', AC: new Date(Date.UTC(2027, 5, 30)), AD: 'VRAI',
      AF: "eci 2.1 - Disposer d'un programme de prévention des déchets, eci 3.2 - Une mesure, avec virgule, cae 1.1 - Autre référentiel",
      AH: 'Note de TeT', AI: 'https://exemple.fr',
    },
    { A: '2. Valoriser', D: 'Composter', Z: 'Urgent', AA: 'Élevé', AB: 'bientôt' },
    { A: '3. Un axe sans fiche' },
    { E: 'Un descriptif sans titre' },
    { D: 'créer une RECYCLERIE', N: 'Emmaüs' },
  ];

  it('creates the fiches: service, financeurs, TTC amounts reported, lists, dates, référentiel actions', async () => {
    const wb = template();
    const r = importTet({ workbook: wb, clock }, await feuilles(await fichierTet(EXPORT_PLAN, 3, rows)));
    expect(r.source).toEqual({ feuille: 'Plan daction', format: 'export', fiches: 2 });
    const [f1, f2] = fiches(wb).map((f) => f.cells);
    expect(f1).toMatchObject({
      titre: 'Créer une recyclerie', descriptif: 'Une recyclerie en déchèterie.', objectifs: '300 t/an', servicePilote: 'Service déchets',
      // a Financeur cell naming two financeurs without an amount gives two financeurs
      financeur1: 'Métropole', montant1: null, financeur2: 'Région', montant2: null, financeur3: 'ADEME', montant3: 12500,
      budgetTotal: 60000, statut: 'Bloqué', priorite: 'Moyen', debut: day(2025, 4, 3), fin: day(2027, 6, 30), ameliorationContinue: 'Oui',
      mesures: 'eci_2.1, eci_3.2',
      // the duplicate row (same title but case) completes the first one
      partenaires: 'Emmaüs',
    });
    expect(String(f1.notes).split('\n')).toEqual([
      'Note de TeT',
      'Thématique principale : Déchets',
      'Documents et liens : https://exemple.fr',
      `Autres financeurs : ${TET_IMPORT_TEXTES.financeur('Département', 4000)}`,
    ]);
    expect(f2).toMatchObject({ titre: 'Composter', statut: null, priorite: 'Élevé', debut: null });
    const remarques = r.anomalies.map((a) => `${a.ligne ?? '-'}|${a.colonne ?? '-'}|${a.message}`).join('\n');
    expect(remarques).toMatch(/sont en € TTC/);
    expect(remarques).toMatch(/3\|Actions liées\|« cae 1\.1 - Autre référentiel » relève d'un autre référentiel/);
    expect(remarques).toContain(`plus de trois financeurs ; ${TET_IMPORT_TEXTES.financeur('Département', 4000)}`);
    expect(remarques).toMatch(/4\|Statut\|« Urgent » ne fait pas partie de la liste/);
    expect(remarques).toMatch(/4\|Date de début\|« bientôt » n'est pas une date lisible/);
    expect(remarques).toMatch(/6\|-\|Ligne sans titre d'action/);
    expect(remarques).toMatch(/7\|-\|Fiche « créer une RECYCLERIE » déjà présente ligne 3/);
    expect(remarques).not.toMatch(/\b5\|/); // the axe without fiche is not an anomaly
  });
});

describe('import-tet: sous-actions (importer\'s layout)', () => {
  // Columns of the importer's layout: D action title, E sous-action title, N personne pilote, Y statut, AA début, AB fin.
  const rows = [
    { A: '1. Axe', D: 'Action avec sous-actions', E: 'Sous-action datée', N: 'Léa', Y: 'Réalisé', AB: '15/03/2027' },
    { A: '1. Axe', D: 'Action avec sous-actions', F: 'Descriptif de l\'action', Y: 'En cours' },
    { A: '1. Axe', D: 'Action avec sous-actions', E: 'Sous-action sans date', Y: 'À venir' },
    { A: '1. Axe', D: 'Action avec sous-actions', E: 'Autre sous-action' },
    { E: 'Orpheline' },
  ];

  it('dated sous-actions become Jalons rows, the others are appended to Descriptif', async () => {
    const wb = template();
    const r = importTet({ workbook: wb, clock }, await feuilles(await fichierTet(ACCEPTE, 4, rows)));
    expect(r.creees).toHaveLength(1);
    const [f] = fiches(wb).map((x) => x.cells);
    expect(f).toMatchObject({ numero: 1, titre: 'Action avec sous-actions', statut: 'En cours' });
    expect(f.descriptif).toBe(`Descriptif de l'action\n\n${TET_IMPORT_TEXTES.sousActions}\n- Sous-action sans date (À venir)\n- Autre sous-action`);
    expect(jalons(wb).map((j) => j.cells)).toEqual([
      { fiche: 1, jalon: 'Sous-action datée', echeance: day(2027, 3, 15), responsable: 'Léa', statut: 'Fait', commentaire: TET_IMPORT_TEXTES.commentaireSousAction('Réalisé'), enRetard: null },
    ]);
    expect(r.jalons).toBe(1);
    expect(r.anomalies.map((a) => a.message)).toContain('Sous-action « Orpheline » sans titre d\'action parente : elle n\'est pas importée.');
    // twice: nothing more
    wb.resetCalls();
    const again = importTet({ workbook: wb, clock }, await feuilles(await fichierTet(ACCEPTE, 4, rows)));
    expect(again.ecrit).toBe(false);
    expect(wb.count('write', TAB.jalons)).toBe(0);
  });
});
