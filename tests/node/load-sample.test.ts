import { describe, expect, it } from 'vitest';
import { installWorkbook } from '../../src/app/install';
import { loadSample, type SampleFile } from '../../src/app/load-sample';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { REFERENTIEL_LINES } from '../../src/domain/referentiel/catalogue';
import { CATEGORIES_ACTEURS, FILIERES } from '../../src/domain/schema/lists';
import { SERVICE_COLUMNS, tableSection } from '../../src/domain/schema/tabs';
import type { Grid } from '../../src/domain/table/cell';
import { locateTable, tableRows } from '../../src/domain/table';

function installed(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  wb.resetCalls();
  return wb;
}

function rowsOf(wb: MemoryWorkbook, tab: string, section: string) {
  const grid = wb.read(tab);
  return tableRows(grid, locateTable(grid, tableSection(tab, section))!);
}

const file = (name: string, content: unknown): SampleFile => ({ file: name, content });

/** Replaces the feuille de route rows by the given practices (the catalogue is another module's). */
function withPractices(wb: MemoryWorkbook, practices: string[]): void {
  const grid = wb.grid('Accueil');
  const located = locateTable(grid, tableSection('Accueil', 'feuilleDeRoute'))!;
  const pratique = located.columns.get('pratique')!;
  const etape = located.columns.get('etape')!;
  const end = Math.max(located.dataEnd, located.dataStart + practices.length);
  const g: Grid = grid.map((r) => r.slice());
  for (let r = located.dataStart; r < end; r++) {
    while (g.length <= r) g.push([]);
    const p = practices[r - located.dataStart] ?? null;
    g[r][pratique] = p;
    g[r][etape] = p ? '1. Étape' : null;
    g[r][located.columns.get('statut')!] = p ? 'À faire' : null;
  }
  wb.setGrid('Accueil', g);
}

describe('sample loader', () => {
  it('appends rows by header name, whatever the column order in the file, and converts ISO dates', () => {
    const wb = installed();
    const result = loadSample([
      file('plans.json', {
        tab: 'Plans',
        _note: 'ignorée',
        rows: [
          { 'Niveau EC': '3 – Fort', Intitulé: 'PLPDMA 2022-2027', Type: 'PLPDMA', Début: '2022-01-01', _commentaire: 'ignoré' },
          { Type: 'PAT', Intitulé: 'Bien manger', Fin: '2025-02-30' },
        ],
      }),
    ], wb);
    expect(result.rows).toBe(2);
    expect(result.tabs).toEqual(['Plans']);
    const rows = rowsOf(wb, 'Plans', 'plans');
    expect(rows.map((r) => r.cells.intitule)).toEqual(['PLPDMA 2022-2027', 'Bien manger']);
    expect(rows[0].cells.niveauEc).toBe('3 – Fort');
    expect(rows[0].cells.debut).toEqual(new Date(Date.UTC(2022, 0, 1)));
    // Not a real date: kept as typed, for the validator to flag.
    expect(rows[1].cells.fin).toBe('2025-02-30');
  });

  it('throws a French error on an unknown header, an unknown tab or a generated tab', () => {
    const wb = installed();
    expect(() => loadSample([file('plans.json', { tab: 'Plans', rows: [{ Intitule_plan: 'x' }] })], wb)).toThrow(/l’en-tête « Intitule_plan » n’existe pas dans « Plans »/);
    expect(() => loadSample([file('x.json', { tab: 'Budget', rows: [] })], wb)).toThrow(/l’onglet « Budget » n’existe pas/);
    expect(() => loadSample([file('x.json', { tab: 'Tableau de bord', rows: [] })], wb)).toThrow(/reconstruit par Cap Circulaire/);
    expect(() => loadSample([file('x.json', { tab: 'Plans', lignes: [] })], wb)).toThrow(/la rubrique « lignes » est inconnue/);
    expect(() => loadSample([file('x.json', { rows: [] })], wb)).toThrow(/"tab"/);
  });

  it('completes prefilled référentiel rows by Identifiant and refuses an unknown one', () => {
    const wb = installed();
    const target = REFERENTIEL_LINES.find((l) => l.niveauLabel === 'Sous-mesure')!;
    loadSample([file('referentiel.json', { tab: 'Référentiel', rows: [{ Identifiant: target.id, Statut: 'Fait', Explication: 'Délibération 2024' }] })], wb);
    const rows = rowsOf(wb, 'Référentiel', 'referentiel');
    expect(rows).toHaveLength(REFERENTIEL_LINES.length);
    const row = rows.find((r) => r.cells.identifiant === target.id)!;
    expect(row.cells.statut).toBe('Fait');
    expect(row.cells.explication).toBe('Délibération 2024');
    expect(row.cells.intitule).toBe(target.title);
    expect(rows.filter((r) => r.cells.statut === 'Fait')).toHaveLength(1);
    expect(() => loadSample([file('referentiel.json', { tab: 'Référentiel', rows: [{ Identifiant: 'eci_9.9.9', Statut: 'Fait' }] })], wb)).toThrow(/aucune ligne de « Référentiel » ne correspond à Identifiant = « eci_9\.9\.9 »/);
  });

  it('appends a custom indicator whose Identifiant is not prefilled', () => {
    const wb = installed();
    const before = rowsOf(wb, 'Indicateurs', 'indicateurs').length;
    loadSample([file('indicateurs.json', { tab: 'Indicateurs', rows: [{ Identifiant: 'VDL_1', Intitulé: 'Tonnages réemployés', '2024': 120 }] })], wb);
    const rows = rowsOf(wb, 'Indicateurs', 'indicateurs');
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1].cells).toMatchObject({ identifiant: 'VDL_1', intitule: 'Tonnages réemployés', annee2024: 120 });
  });

  it('matches feuille de route rows by a Pratique substring and keeps the full practice text', () => {
    const wb = installed();
    withPractices(wb, ['Créer une équipe-projet transversale et la réunir', 'Faire voter une délibération en conseil communautaire']);
    loadSample([file('accueil.json', {
      tab: 'Accueil',
      identite: { 'Nom de la collectivité': 'CA du Val de Loue', Population: 85400 },
      feuilleDeRoute: [{ Pratique: 'équipe-projet transversale', Statut: 'Fait', Date: '2024-04-15' }],
    })], wb);
    const rows = rowsOf(wb, 'Accueil', 'feuilleDeRoute');
    expect(rows[0].cells).toMatchObject({ pratique: 'Créer une équipe-projet transversale et la réunir', statut: 'Fait', date: new Date(Date.UTC(2024, 3, 15)) });
    expect(rows[1].cells.statut).toBe('À faire');
    const grid = wb.read('Accueil');
    const nom = grid.findIndex((r) => r[0] === 'Nom de la collectivité');
    expect(grid[nom][1]).toBe('CA du Val de Loue');
    expect(grid.find((r) => r[0] === 'Population')![1]).toBe(85400);
    expect(() => loadSample([file('accueil.json', { tab: 'Accueil', feuilleDeRoute: [{ Pratique: 'inexistante', Statut: 'Fait' }] })], wb)).toThrow(/aucune ligne/);
    expect(() => loadSample([file('accueil.json', { tab: 'Accueil', feuilleDeRoute: [{ Pratique: 'e', Statut: 'Fait' }] })], wb)).toThrow(/2 lignes .* correspondent/);
    expect(() => loadSample([file('accueil.json', { tab: 'Accueil', identite: { Devise: 'x' } })], wb)).toThrow(/« Devise » n’existe pas/);
  });

  it('warns instead of failing while a reference section has no prefilled rows yet', () => {
    const wb = installed();
    withPractices(wb, []);
    const result = loadSample([file('accueil.json', { tab: 'Accueil', feuilleDeRoute: [{ Pratique: 'équipe', Statut: 'Fait' }] })], wb);
    expect(result.rows).toBe(0);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('pas encore pré-rempli');
  });

  it('creates a missing service tab before Actions, with its headers and rows', () => {
    const wb = installed();
    const result = loadSample([file('service-dec.json', { tab: 'Service – Déchets', _defauts: [{ x: 1 }], rows: [{ 'Réf.': 'DEC-001', "Intitulé de l'action": 'Ressourcerie', 'Budget (€ HT)': '12 500 €' }] })], wb);
    expect(result.createdTabs).toEqual(['Service – Déchets']);
    const names = wb.sheetNames();
    expect(names.indexOf('Service – Déchets')).toBe(names.indexOf('Actions') - 1);
    expect(wb.read('Service – Déchets')[0]).toEqual(SERVICE_COLUMNS.map((c) => c.header));
    const rows = rowsOf(wb, 'Service – Déchets', 'service');
    expect(rows[0].cells).toMatchObject({ ref: 'DEC-001', intitule: 'Ressourcerie', budget: '12 500 €' });
    expect(() => loadSample([file('s.json', { tab: 'Service – Un nom de service beaucoup trop long', rows: [] })], wb)).toThrow(/31 caractères/);
  });

  it('keeps the lead’s annotations for later instead of writing Actions', () => {
    const wb = installed();
    const before = wb.read('Actions');
    const result = loadSample([file('actions-lead.json', { tab: 'Actions', rows: [{ 'Réf.': 'DEC-001', 'Action phare': 'Oui', Note: 'Fiche 2' }] })], wb);
    expect(result.leadAnnotations).toEqual([{ ref: 'DEC-001', values: { 'Action phare': 'Oui', Note: 'Fiche 2' } }]);
    expect(wb.read('Actions')).toEqual(before);
    expect(() => loadSample([file('actions-lead.json', { tab: 'Actions', rows: [{ 'Réf.': 'DEC-001', Intitulé: 'x' }] })], wb)).toThrow(/« Intitulé » n’existe pas/);
    expect(() => loadSample([file('actions-lead.json', { tab: 'Actions', rows: [{ 'Action phare': 'Oui' }] })], wb)).toThrow(/pas de « Réf\. »/);
  });

  it('fills the services registry beside the default lists, and replaces a list only when given', () => {
    const wb = installed();
    loadSample([file('parametres.json', {
      tab: 'Paramètres',
      services: [{ Service: 'Déchets', Onglet: 'Service – Déchets', Code: 'DEC' }, { Service: 'Achats', Code: 'ACH' }],
      filieres: null,
      categories: [{ "Catégorie d'acteurs": 'Entreprise' }, { "Catégorie d'acteurs": 'Association' }],
      seuils: null,
    })], wb);
    expect(rowsOf(wb, 'Paramètres', 'services').map((r) => r.cells.code)).toEqual(['DEC', 'ACH']);
    expect(rowsOf(wb, 'Paramètres', 'filieres').map((r) => r.cells.filiere)).toEqual([...FILIERES]);
    expect(rowsOf(wb, 'Paramètres', 'categories').map((r) => r.cells.categorie)).toEqual(['Entreprise', 'Association']);
    expect(CATEGORIES_ACTEURS.length).toBeGreaterThan(2);
  });

  it('writes each appended table as one block (the cost contract of the ports)', () => {
    const wb = installed();
    loadSample([file('equipe.json', { tab: 'Équipe', rows: [{ Nom: 'A', Depuis: '2020-07-16' }, { Nom: 'B' }, { Nom: 'C', Email: 'c@x.fr' }] })], wb);
    expect(wb.count('write', 'Équipe')).toBe(1);
    expect(wb.count('read', 'Équipe')).toBe(1);
  });
});
