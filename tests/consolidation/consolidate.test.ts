import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateResult } from '../../src/app/consolidate';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { ORPHANS_TITLE } from '../../src/domain/messages/consolidation';
import { memoSource } from '../../src/domain/model/read';
import { readWorkbookModel } from '../../src/domain/model/read';
import { TAB } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';
import {
  ACTIONS_HEADERS,
  actionsView,
  annotate,
  columnValues,
  installed,
  NOW,
  ports,
  register,
  registryRows,
  SERVICE_HEADERS,
  setAfom,
  setPlans,
  setServiceTab,
  snapshot,
  user,
} from './support';

const DEC = 'Service – Déchets';
const ACH = 'Service – Achats';
const T = "Intitulé de l'action";

function done(r: ConsolidateResult): Extract<ConsolidateResult, { status: 'done' }> {
  if (r.status !== 'done') throw new Error(`consolidation ${r.status}: ${r.message}`);
  return r;
}

function base(): MemoryWorkbook {
  const wb = installed();
  register(wb, [
    { service: 'Déchets et économie circulaire', onglet: DEC, code: 'DEC' },
    { service: 'Commande publique', onglet: ACH, code: 'ACH' },
  ]);
  setPlans(wb, [
    { Type: 'PLPDMA', Intitulé: 'Programme local de prévention 2022-2027', 'Niveau EC': '3 – Fort' },
    { Type: 'SPASER', Intitulé: 'Schéma des achats responsables' },
    { Type: 'PCAET', Intitulé: 'Plan climat' },
  ]);
  setAfom(wb, [
    { Id: 'F1', Type: 'Faiblesse', Énoncé: 'Peu de compostage' },
    { Id: 'O2', Type: 'Opportunité', Énoncé: 'Loi AGEC' },
  ]);
  setServiceTab(wb, DEC, [
    { [T]: 'Composteurs partagés', 'Plans de rattachement': 'PLPDMA, PCAET', 'Budget (€ HT)': '12 500' },
    { [T]: 'Ressourcerie', 'Budget (€ HT)': 3000, Filière: 'reemploi et reparation' },
  ]);
  setServiceTab(wb, ACH, [{ [T]: 'Clauses de réemploi', 'Plans de rattachement': 'spaser', 'Budget (€ HT)': '1 000,50' }]);
  return wb;
}

describe('Consolider les services: Actions', () => {
  it('rebuilds Actions from every service tab, one row per non-empty row, with Service, Origine and Anomalies', () => {
    const wb = base();
    setServiceTab(wb, DEC, [
      { [T]: 'Composteurs partagés', 'Date de fin': '31/02/2026' },
      { Description: '  ', Pilote: '\u00a0' },
      { [T]: 'Ressourcerie' },
    ]);
    wb.setGrid('Service - Voirie', [SERVICE_HEADERS.slice(), SERVICE_HEADERS.map((h) => (h === T ? 'Broyage' : null))]);
    const r = done(consolidate(ports(wb)));
    const view = actionsView(wb);
    expect(view.header).toEqual(ACTIONS_HEADERS);
    expect(view.rows.map((a) => [a.Service, a['Réf.'], a[T], a.Origine])).toEqual([
      ['Déchets et économie circulaire', 'DEC-001', 'Composteurs partagés', `${DEC}, ligne 2`],
      ['Déchets et économie circulaire', 'DEC-002', 'Ressourcerie', `${DEC}, ligne 4`],
      ['Commande publique', 'ACH-001', 'Clauses de réemploi', `${ACH}, ligne 2`],
      ['Voirie', 'VOI-001', 'Broyage', 'Service - Voirie, ligne 2'],
    ]);
    // The row with an anomaly is consolidated, flagged, its value kept as typed.
    expect(view.rows[0]['Date de fin']).toBe('31/02/2026');
    expect(String(view.rows[0].Anomalies)).toMatch(/31\/02\/2026 n'existe pas/);
    expect(r.report.actions).toBe(4);
    expect(r.report.services).toEqual([
      { onglet: DEC, lignes: 2 },
      { onglet: ACH, lignes: 1 },
      { onglet: 'Service - Voirie', lignes: 1 },
    ]);
    expect(r.report.anomalies.filter((a) => a.bloquante)).toEqual([
      { onglet: DEC, ligne: 2, colonne: 'Date de fin', message: expect.stringContaining('31/02/2026'), bloquante: true },
    ]);
    expect(Object.keys(r.report)).toEqual(['services', 'actions', 'anomalies']);
    for (const a of r.report.anomalies) expect(Object.keys(a)).toEqual(['onglet', 'ligne', 'colonne', 'message', 'bloquante']);
  });

  it('writes canonical values into Actions, and keeps unreadable ones as typed', () => {
    const wb = base();
    setServiceTab(wb, DEC, [{ [T]: 'Compostage', Temporalité: 'en COURS', 'Date de début': '3/4/25', 'Budget (€ HT)': '12,500.50', 'Plans de rattachement': 'plpdma; plan climat' }]);
    done(consolidate(ports(wb)));
    const a = actionsView(wb).rows[0];
    expect(a.Temporalité).toBe('En cours');
    expect(a['Date de début']).toEqual(new Date(Date.UTC(2025, 3, 3)));
    expect(a['Budget (€ HT)']).toBe('12,500.50');
    expect(a['Plans de rattachement']).toBe('PLPDMA, Plan climat');
  });

  it('creates Actions when the tab is missing', () => {
    const wb = base();
    wb.deleteSheet(TAB.actions);
    done(consolidate(ports(wb)));
    expect(wb.sheetNames()).toContain(TAB.actions);
    expect(actionsView(wb).rows).toHaveLength(3);
  });

  it('refuses to rewrite an Actions tab whose header is gone, and writes nothing but the Journal', () => {
    const wb = base();
    wb.setGrid(TAB.actions, [['Mes notes sur les actions'], ['DEC-001', 'à garder absolument']]);
    const before = snapshot(wb);
    const r = consolidate(ports(wb));
    expect(r.status).toBe('refused');
    expect(r.message).toContain('« Actions »');
    for (const [name, grid] of before) if (name !== TAB.journal) expect(wb.grid(name)).toEqual(grid);
    expect(columnValues(wb, TAB.journal, 'Résultat').filter(Boolean)).toEqual([expect.stringMatching(/^Refusé : /)]);
  });

  it('clears the rows left below when Actions shrinks', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-001', [T]: 'Composteurs partagés' }]);
    done(consolidate(ports(wb)));
    const grid = wb.grid(TAB.actions);
    const used = grid.filter((r) => r.some((c) => c !== null && c !== ''));
    expect(used).toHaveLength(3); // header + DEC-001 + ACH-001
  });

  it('logs one Journal row per run: date, user, command, result', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    done(consolidate(ports(wb)));
    const journal = wb.grid(TAB.journal).slice(1).filter((r) => r.some((c) => c !== null));
    expect(journal).toHaveLength(2);
    expect(journal[0].slice(0, 4)).toEqual([NOW, user.email(), 'Consolider les services', expect.stringContaining('3 actions consolidées depuis 2 onglets')]);
    expect(journal[1][3]).not.toContain('Réf. attribuée');
  });
});

describe('Consolider les services: Réf.', () => {
  it('assigns missing Réf.s, one write per run of consecutive rows, and changes nothing else in the service tab', () => {
    const wb = base();
    setServiceTab(wb, DEC, [
      { [T]: 'A' },
      { [T]: 'B' },
      { 'Réf.': 'DEC-007', [T]: 'C' },
      { [T]: 'D' },
      { [T]: '=1+1', Pilote: '+33 6 00' },
    ]);
    const before = wb.grid(DEC).map((r) => r.slice());
    wb.resetCalls();
    const r = done(consolidate(ports(wb)));
    expect(wb.count('write', DEC)).toBe(2);
    const after = wb.grid(DEC);
    expect(after.map((row) => row[0])).toEqual(['Réf.', 'DEC-008', 'DEC-009', 'DEC-007', 'DEC-010', 'DEC-011']);
    after.forEach((row, i) => expect(row.slice(1)).toEqual(before[i].slice(1)));
    expect(r.plan.newRefs.map((n) => n.ref)).toEqual(['DEC-008', 'DEC-009', 'DEC-010', 'DEC-011', 'ACH-001']);
  });

  it('never reuses a number: registry, service tabs and Actions (orphans too) are all considered', () => {
    const wb = base();
    register(wb, [
      { service: 'Déchets et économie circulaire', onglet: DEC, code: 'DEC', dernier: 14 },
      { service: 'Commande publique', onglet: ACH, code: 'ACH', dernier: 2 },
    ]);
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-003', [T]: 'A' }, { [T]: 'B' }]);
    setServiceTab(wb, ACH, [{ [T]: 'C' }]);
    // An orphan in Actions carries ACH-009: its number is taken.
    const h = ACTIONS_HEADERS;
    wb.setGrid(TAB.actions, [h.slice(), [], [ORPHANS_TITLE], h.map((x) => ({ 'Réf.': 'ACH-009', Note: 'à recaser', Origine: `${ACH}, ligne 5` } as Record<string, string>)[x] ?? null)]);
    done(consolidate(ports(wb)));
    expect(columnValues(wb, DEC, 'Réf.')).toEqual(['DEC-003', 'DEC-015']);
    expect(columnValues(wb, ACH, 'Réf.')).toEqual(['ACH-010']);
    expect(registryRows(wb).map((r) => [r.code, r.dernierNumero])).toEqual([
      ['DEC', 15],
      ['ACH', 10],
    ]);
    // Deleting the action and consolidating again does not give its number back.
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-003', [T]: 'A' }, { [T]: 'E' }]);
    done(consolidate(ports(wb)));
    expect(columnValues(wb, DEC, 'Réf.')).toEqual(['DEC-003', 'DEC-016']);
  });

  it('registers a service tab missing from Paramètres, with a unique code', () => {
    const wb = base();
    setServiceTab(wb, 'Service – Développement économique', [{ [T]: 'Zone d’activité circulaire' }]);
    setServiceTab(wb, 'Service – Déchets ménagers', [{ [T]: 'Collecte des biodéchets' }]);
    const r = done(consolidate(ports(wb)));
    const rows = registryRows(wb);
    expect(rows.map((x) => [x.service, x.onglet, x.code, x.dernierNumero])).toEqual([
      ['Déchets et économie circulaire', DEC, 'DEC', 2],
      ['Commande publique', ACH, 'ACH', 1],
      ['Développement économique', 'Service – Développement économique', 'DEV', 1],
      ['Déchets ménagers', 'Service – Déchets ménagers', expect.not.stringMatching(/^DEC$/), 1],
    ]);
    const codes = rows.map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(r.plan.registered.map((x) => x.onglet)).toEqual(['Service – Développement économique', 'Service – Déchets ménagers']);
    expect(actionsView(wb).rows.find((a) => a[T] === 'Collecte des biodéchets')!['Réf.']).toBe(`${rows[3].code}-001`);
  });

  it('gives a new Réf. to the second copy of a duplicated Réf., with a warning', () => {
    const wb = base();
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-001', [T]: 'Compostage' }, { [T]: 'Broyage' }, { 'Réf.': 'DEC-001', [T]: 'Compostage (copie)' }]);
    setServiceTab(wb, ACH, [{ 'Réf.': 'DEC-002', [T]: 'Achat de composteurs' }]);
    const r = done(consolidate(ports(wb)));
    expect(columnValues(wb, DEC, 'Réf.')).toEqual(['DEC-001', 'DEC-003', 'DEC-004']);
    expect(columnValues(wb, ACH, 'Réf.')).toEqual(['DEC-002']);
    const dup = r.anomalies.filter((a) => a.code === 'ref-en-double');
    expect(dup).toMatchObject([{ onglet: DEC, ligne: 4, colonne: 'Réf.', cellule: 'A4', bloquante: false }]);
    expect(dup[0].message).toContain('DEC-004');
    const refs = actionsView(wb).rows.map((a) => a['Réf.']);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('keeps the Réf. with the row of its own service when a row was copied into another tab', () => {
    const wb = base();
    setServiceTab(wb, ACH, [{ 'Réf.': 'DEC-001', [T]: 'Compostage (copié chez les achats)' }]);
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-001', [T]: 'Compostage' }]);
    done(consolidate(ports(wb)));
    expect(columnValues(wb, DEC, 'Réf.')).toEqual(['DEC-001']);
    expect(columnValues(wb, ACH, 'Réf.')).toEqual(['ACH-001']);
  });

  it('adds the Réf. column to a service tab that lost it, in one write, nothing else touched', () => {
    const wb = base();
    const headers = SERVICE_HEADERS.filter((h) => h !== 'Réf.');
    wb.setGrid(DEC, [headers.slice(), headers.map((h) => (h === T ? 'A' : null)), headers.map((h) => (h === T ? 'B' : h === 'Commentaire' ? 'fin' : null))]);
    const before = wb.grid(DEC).map((r) => r.slice());
    wb.resetCalls();
    const r = done(consolidate(ports(wb)));
    expect(wb.count('write', DEC)).toBe(1);
    const after = wb.grid(DEC);
    expect(after.map((row) => row[headers.length])).toEqual(['Réf.', 'DEC-001', 'DEC-002']);
    after.forEach((row, i) => expect(row.slice(0, headers.length)).toEqual(before[i]));
    expect(r.anomalies.map((a) => a.code)).toContain('colonne-ref-ajoutee');
    done(consolidate(ports(wb)));
    expect(columnValues(wb, DEC, 'Réf.')).toEqual(['DEC-001', 'DEC-002']);
  });

  it('does not consolidate a row holding only its Réf., and says so', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-002', { Note: 'à garder' });
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-001', [T]: 'Composteurs partagés' }, { 'Réf.': 'DEC-002' }]);
    const r = done(consolidate(ports(wb)));
    expect(actionsView(wb).rows.map((a) => a['Réf.'])).toEqual(['DEC-001', 'ACH-001']);
    expect(r.anomalies.find((a) => a.code === 'ref-seule')).toMatchObject({ onglet: DEC, ligne: 3, cellule: 'A3' });
    expect(actionsView(wb).orphans).toMatchObject([{ 'Réf.': 'DEC-002', Note: 'à garder' }]);
  });
});

describe('Consolider les services: the lead’s columns', () => {
  it('keeps the lead’s columns by Réf. across consolidations, in their canonical form', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-002', { 'Action phare': 'oui', Priorité: 'haute', 'Répond à': 'f1;o2', Note: 'Fiche 3' });
    // The service reorders its rows and inserts one above.
    setServiceTab(wb, DEC, [{ [T]: 'Nouvelle action' }, { 'Réf.': 'DEC-002', [T]: 'Ressourcerie' }, { 'Réf.': 'DEC-001', [T]: 'Composteurs partagés' }]);
    done(consolidate(ports(wb)));
    const rows = actionsView(wb).rows;
    expect(rows.map((a) => a['Réf.'])).toEqual(['DEC-003', 'DEC-002', 'DEC-001', 'ACH-001']);
    expect(rows[1]).toMatchObject({ 'Action phare': 'Oui', Priorité: 'Haute', 'Répond à': 'F1, O2', Note: 'Fiche 3' });
    expect(rows[0].Note).toBeNull();
    expect(rows[2].Note).toBeNull();
  });

  it('keeps the lead’s own columns of Actions by Réf., and Actions’ column order', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    // The lead moves Note first and adds two columns of her own, one without header.
    const grid = wb.grid(TAB.actions);
    const noteCol = grid[0].indexOf('Note');
    const moved: Grid = grid.map((r) => [r[noteCol] ?? null, ...r.filter((_, i) => i !== noteCol), null, null]);
    moved[0][moved[0].length - 2] = 'Élu à consulter';
    const refCol = moved[0].indexOf('Réf.');
    const dec2 = moved.findIndex((r) => r[refCol] === 'DEC-002');
    moved[dec2][moved[0].length - 2] = 'M. Girard';
    moved[dec2][moved[0].length - 1] = 'remarque sans colonne';
    wb.setGrid(TAB.actions, moved);
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-002', [T]: 'Ressourcerie' }, { 'Réf.': 'DEC-001', [T]: 'Composteurs partagés' }]);
    done(consolidate(ports(wb)));
    const after = wb.grid(TAB.actions);
    expect(after[0][0]).toBe('Note');
    expect(after[0].slice(-2)).toEqual(['Élu à consulter', null]);
    const row = after.find((r) => r[refCol] === 'DEC-002')!;
    expect(row.slice(-2)).toEqual(['M. Girard', 'remarque sans colonne']);
    expect(after.findIndex((r) => r[refCol] === 'DEC-002')).toBe(1);
  });

  it('appends a schema column missing from Actions, keeping the others where they are', () => {
    const wb = base();
    const headers = ACTIONS_HEADERS.filter((h) => h !== 'Description');
    wb.setGrid(TAB.actions, [headers.slice()]);
    done(consolidate(ports(wb)));
    expect(wb.grid(TAB.actions)[0]).toEqual([...headers, 'Description']);
  });

  it('moves the annotations of a removed action to the orphans area, and back when the Réf. returns', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-001', { 'Retenue au plan': 'Oui', Note: 'Fiche 1' });
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-002', [T]: 'Ressourcerie' }]);
    const r = done(consolidate(ports(wb)));
    const view = actionsView(wb);
    expect(view.rows.map((a) => a['Réf.'])).toEqual(['DEC-002', 'ACH-001']);
    expect(view.hasOrphanTitle).toBe(true);
    expect(view.orphans).toEqual([expect.objectContaining({ 'Réf.': 'DEC-001', 'Retenue au plan': 'Oui', Note: 'Fiche 1', [T]: 'Composteurs partagés' })]);
    expect(String(view.orphans[0].Anomalies)).toContain('retirée de son onglet');
    expect(r.plan.orphans).toMatchObject([{ ref: 'DEC-001', reason: 'retiree' }]);
    // Not an action for the other features.
    expect(readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.read(n))).model.actions.map((a) => a.ref)).toEqual(['DEC-002', 'ACH-001']);
    // The service puts the row back (undo): the annotations follow the Réf.
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-001', [T]: 'Composteurs partagés' }, { 'Réf.': 'DEC-002', [T]: 'Ressourcerie' }]);
    done(consolidate(ports(wb)));
    const back = actionsView(wb);
    expect(back.orphans).toEqual([]);
    expect(back.hasOrphanTitle).toBe(false);
    expect(back.rows[0]).toMatchObject({ 'Réf.': 'DEC-001', 'Retenue au plan': 'Oui', Note: 'Fiche 1' });
  });

  it('drops a removed action that carried no annotation, and an orphan row the lead emptied', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-001', { Note: 'x' });
    setServiceTab(wb, DEC, []);
    done(consolidate(ports(wb)));
    expect(actionsView(wb).orphans.map((o) => o['Réf.'])).toEqual(['DEC-001']);
    // The lead clears the note of the orphan: the row goes.
    const grid = wb.grid(TAB.actions);
    const noteCol = grid[0].indexOf('Note');
    for (const row of grid) if (row[noteCol] === 'x') row[noteCol] = null;
    done(consolidate(ports(wb)));
    expect(actionsView(wb).hasOrphanTitle).toBe(false);
  });

  it('keeps a row typed directly into Actions, whole, in the orphans area', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    const grid = wb.grid(TAB.actions);
    grid.push(ACTIONS_HEADERS.map((h) => (h === T ? 'Action ajoutée à la main' : h === 'Pilote' ? 'Cheffe de projet' : null)));
    done(consolidate(ports(wb)));
    const view = actionsView(wb);
    expect(view.rows).toHaveLength(3);
    expect(view.orphans).toEqual([expect.objectContaining({ [T]: 'Action ajoutée à la main', Pilote: 'Cheffe de projet' })]);
    done(consolidate(ports(wb)));
    expect(actionsView(wb).orphans).toHaveLength(1);
  });

  it('keeps what the lead typed on the orphans title row, as a row of its own', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-001', { Note: 'x' });
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-002', [T]: 'Ressourcerie' }]);
    done(consolidate(ports(wb)));
    const grid = wb.grid(TAB.actions);
    const title = grid.findIndex((r) => r[0] === ORPHANS_TITLE);
    grid[title][grid[0].indexOf('Note')] = 'écrit sur la ligne de titre';
    done(consolidate(ports(wb)));
    const view = actionsView(wb);
    expect(view.orphans.map((o) => o.Note)).toEqual(['écrit sur la ligne de titre', 'x']);
    done(consolidate(ports(wb)));
    expect(actionsView(wb).orphans.map((o) => o.Note)).toEqual(['écrit sur la ligne de titre', 'x']);
  });

  it('keeps a second, different annotation row of the same Réf. in the orphans area', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-001', { Note: 'première' });
    const grid = wb.grid(TAB.actions);
    const copy = grid.find((r) => r.includes('DEC-001'))!.slice();
    copy[grid[0].indexOf('Note')] = 'seconde';
    grid.push(copy);
    const r = done(consolidate(ports(wb)));
    const view = actionsView(wb);
    expect(view.rows.find((a) => a['Réf.'] === 'DEC-001')!.Note).toBe('première');
    expect(view.orphans).toMatchObject([{ 'Réf.': 'DEC-001', Note: 'seconde' }]);
    expect(r.plan.orphans[0].reason).toBe('doublon');
  });
});

describe('Consolider les services: derived figures', () => {
  it('writes Plans’ Nb d’actions EC and Budget EC (€) in one block: an action in two plans counts in each', () => {
    const wb = base();
    wb.resetCalls();
    const r = done(consolidate(ports(wb)));
    expect(wb.count('write', TAB.plans)).toBe(1);
    expect(columnValues(wb, TAB.plans, "Nb d'actions EC")).toEqual([1, 1, 1]);
    expect(columnValues(wb, TAB.plans, 'Budget EC (€)')).toEqual([12500, 1000.5, 12500]);
    expect(r.plan.budgets.total).toEqual({ nbActions: 2, budget: 13500.5 });
    expect(r.plan.budgets.sommeParPlan).toEqual({ nbActions: 3, budget: 26000.5 });
    expect(r.plan.budgets.sansPlan).toEqual({ nbActions: 1, budget: 3000 });
  });

  it('fills AFOM › Actions liées from the lead’s Répond à', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-001', { 'Répond à': 'F1' });
    annotate(wb, 'ACH-001', { 'Répond à': 'f1, O2' });
    wb.resetCalls();
    done(consolidate(ports(wb)));
    expect(wb.count('write', TAB.afom)).toBe(1);
    expect(columnValues(wb, TAB.afom, 'Actions liées')).toEqual(['DEC-001, ACH-001', 'ACH-001']);
  });

  it('is idempotent: a second run writes only its Journal row and leaves Actions identical', () => {
    const wb = base();
    done(consolidate(ports(wb)));
    annotate(wb, 'DEC-001', { Note: 'n', 'Répond à': 'F1' });
    done(consolidate(ports(wb)));
    const first = snapshot(wb);
    wb.resetCalls();
    done(consolidate(ports(wb)));
    expect(wb.calls.filter((c) => c.op === 'write').map((c) => c.sheet)).toEqual([TAB.journal]);
    for (const [name, grid] of first) if (name !== TAB.journal) expect(wb.grid(name)).toEqual(grid);
  });
});
