import { describe, expect, it } from 'vitest';
import { createFiches } from '../../src/app/create-fiches';
import { axesDeMesure, verifierPlanActions } from '../../src/domain/plan-actions/fiches';
import type { AfomItem, FicheAction } from '../../src/domain/model/types';
import { addRows, day, installed, model, rowsByHeader } from './helpers';

const clock = { now: () => new Date(2026, 2, 10, 9) };

function withActions() {
  const wb = installed();
  addRows(wb, 'Accueil', 'feuilleDeRoute', []);
  const g = wb.grid('Accueil').map((r) => r.slice());
  // identity: the value beside its label
  const r = g.findIndex((row) => row.includes('Nom de la collectivité'));
  g[r][g[r].indexOf('Nom de la collectivité') + 1] = 'CA du Val de Loue';
  wb.setGrid('Accueil', g);
  addRows(wb, 'Actions', 'actions', [
    { Service: 'Déchets', 'Réf.': 'DEC-001', "Intitulé de l'action": 'Recyclerie', Description: 'Convention avec la ressourcerie', 'Mesure du référentiel': 'eci_2.3.1', Temporalité: 'En cours', 'Date de début': day(2025, 1, 1), 'Date de fin': day(2027, 12, 31), Pilote: 'Sandrine Pourcelot', 'Budget (€ HT)': 45000, 'Source du budget': 'ADEME', 'Retenue au plan': 'Oui', 'Répond à': 'A1, M2', Priorité: 'Haute' },
    { Service: 'Développement économique', 'Réf.': 'DEV-001', "Intitulé de l'action": 'Club EIT', 'Mesure du référentiel': 'eci_3.1', Temporalité: 'Programmée', 'Retenue au plan': 'Oui', Priorité: 'Moyenne' },
    { Service: 'Déchets', 'Réf.': 'DEC-002', "Intitulé de l'action": 'Compostage', Temporalité: 'Réalisée', 'Retenue au plan': 'Non' },
    { Service: 'Déchets', "Intitulé de l'action": 'Sans réf.', 'Retenue au plan': 'Oui' },
  ]);
  return wb;
}

describe('create fiches from the actions retained in the plan', () => {
  it('creates one fiche per retained action with a Réf., numbered, mapped to TeT values', () => {
    const wb = withActions();
    const r = createFiches({ workbook: wb, clock });
    expect(r.creees).toBe(2);
    expect(r.anomalies.map((a) => [a.code, a.onglet, a.ligne])).toEqual([['fiche-sans-ref', 'Actions', 5]]);
    const fiches = rowsByHeader(wb, "Plan d'actions", 'planActions');
    expect(fiches).toHaveLength(2);
    expect(fiches[0]).toMatchObject({
      'N°': 1,
      'Axe (x)': axesDeMesure('eci_2.3.1').axe,
      'Titre de la fiche action': 'Recyclerie',
      Descriptif: 'Convention avec la ressourcerie',
      'Structure pilote': 'CA du Val de Loue',
      'Direction ou service pilote': 'Déchets',
      'Personne pilote': 'Sandrine Pourcelot',
      'Financeur 1': 'ADEME',
      'Montant financeur 1 (€ HT)': 45000,
      'Budget prévisionnel total € HT': 45000,
      Statut: 'En cours',
      'Niveau de priorité': 'Élevé',
      'Date de début': day(2025, 1, 1),
      'Mesures liées': 'eci_2.3.1',
      'Actions liées': 'DEC-001',
      'AFOM traités': 'A1, M2',
    });
    expect(String(fiches[0]['Axe (x)'])).toMatch(/^2\. /);
    expect(fiches[1]).toMatchObject({ 'N°': 2, 'Titre de la fiche action': 'Club EIT', Statut: 'À venir', 'Niveau de priorité': 'Moyen' });
  });

  it('is idempotent: twice gives the same Plan d\'actions', () => {
    const wb = withActions();
    createFiches({ workbook: wb, clock });
    const once = wb.grid("Plan d'actions").map((r) => r.slice());
    wb.resetCalls();
    const r = createFiches({ workbook: wb, clock });
    expect(r.creees).toBe(0);
    expect(r.completees).toBe(0);
    expect(wb.grid("Plan d'actions")).toEqual(once);
    expect(wb.count('write', "Plan d'actions")).toBe(0);
    expect(wb.count('write', 'Journal')).toBe(0);
  });

  it('is non-destructive: an existing fiche is completed in its empty cells only, never duplicated', () => {
    const wb = withActions();
    addRows(wb, "Plan d'actions", 'planActions', [
      { 'N°': '7', 'Titre de la fiche action': 'Ressourcerie : deuxième site', 'Actions liées': 'DEC-001, DEC-009', Statut: 'En pause', 'Date de début': 'début 2025', Notes: 'Titre choisi en COPIL' },
    ]);
    const r = createFiches({ workbook: wb, clock });
    expect(r.creees).toBe(1);
    expect(r.completees).toBe(1);
    const fiches = rowsByHeader(wb, "Plan d'actions", 'planActions');
    expect(fiches).toHaveLength(2);
    // the lead's values stay, even the unreadable date text
    expect(fiches[0]).toMatchObject({ 'N°': '7', 'Titre de la fiche action': 'Ressourcerie : deuxième site', Statut: 'En pause', 'Date de début': 'début 2025', Notes: 'Titre choisi en COPIL', 'Actions liées': 'DEC-001, DEC-009' });
    // empty cells completed from the action
    expect(fiches[0]).toMatchObject({ 'Personne pilote': 'Sandrine Pourcelot', 'Budget prévisionnel total € HT': 45000, 'Date de fin': day(2027, 12, 31) });
    // the new fiche takes the next N° after the largest one
    expect(fiches[1]).toMatchObject({ 'N°': 8, 'Titre de la fiche action': 'Club EIT' });
  });
});

const afom: AfomItem[] = [
  { rowNumber: 2, id: 'A1', type: 'Atout', enonce: 'x', axe: 2, source: null, importance: 2 },
  { rowNumber: 3, id: 'F1', type: 'Faiblesse', enonce: 'y', axe: 3, source: null, importance: 3 },
  { rowNumber: 4, id: 'O1', type: 'Opportunité', enonce: 'z', axe: 1, source: null, importance: 1 },
];
const fiche = (numero: string, axe: string | null, afomIds: string[], mesures: string[] = []): FicheAction => ({
  rowNumber: Number(numero) + 1, numero, axe, sousAxe: null, titre: `Fiche ${numero}`, descriptif: null, objectifs: null, indicateurs: null,
  structurePilote: null, servicePilote: null, personnePilote: null, eluReferent: null, partenaires: null, financeurs: [], budgetTotal: null,
  statut: null, priorite: null, debut: null, fin: null, ameliorationContinue: null, mesures, actionsLiees: [], afom: afomIds, piliers: [], participation: null, notes: null,
});

describe('flagship check: about ten fiches over several axes answering the AFOM', () => {
  it('accepts 10 fiches over 3 axes, each answering a weakness or a strength', () => {
    const fiches = Array.from({ length: 10 }, (_, i) => fiche(String(i + 1), `${(i % 3) + 1}. Axe`, i % 2 ? ['F1'] : ['A1', 'O1']));
    expect(verifierPlanActions(model({ planActions: fiches, afom }))).toEqual([]);
  });

  it('warns in French when too few fiches, too few axes, and a fiche answers no F/A item', () => {
    const fiches = [fiche('1', null, ['F1'], ['eci_2.1']), fiche('2', '2. Prévenir', ['O1']), fiche('3', null, ['X9'], ['eci_2.2'])];
    const a = verifierPlanActions(model({ planActions: fiches, afom }));
    expect(a.map((x) => x.code)).toEqual(['fiches-nombre', 'fiches-axes', 'fiche-sans-afom', 'fiche-afom-inconnu', 'fiche-sans-afom']);
    expect(a[0].message).toContain('une dizaine');
    expect(a[1].message).toContain('1 axe');
    expect(a[2]).toMatchObject({ onglet: "Plan d'actions", ligne: 3, colonne: 'AFOM traités', bloquante: false });
    expect(a.every((x) => !x.bloquante)).toBe(true);
  });

  it('warns above 12 fiches', () => {
    const fiches = Array.from({ length: 13 }, (_, i) => fiche(String(i + 1), `${(i % 4) + 1}.`, ['A1']));
    const a = verifierPlanActions(model({ planActions: fiches, afom }));
    expect(a.map((x) => x.code)).toEqual(['fiches-nombre']);
    expect(a[0].message).toContain('13 fiches');
  });
});
