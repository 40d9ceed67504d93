/**
 * The corpus of bad (and tricky but good) inputs: each case builds a
 * workbook, runs the validation, and states exactly which anomalies it
 * expects (code, tab, row, column, blocking) — nothing more — or, for a clean
 * input, the value it must be read as.
 */
import { describe, expect, it } from 'vitest';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { memoSource } from '../../src/domain/model/read';
import { TAB } from '../../src/domain/schema/tabs';
import type { Cell, Grid } from '../../src/domain/table/cell';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { consolidate } from '../../src/app/consolidate';
import { actionsView, installed, line, ports, register, SERVICE_HEADERS, setAfom, setPlans } from '../consolidation/support';

const TAB_DEC = 'Service – Déchets';
const T = "Intitulé de l'action";

interface Expected {
  readonly code: string;
  readonly tab?: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly blocking: boolean;
}

interface Case {
  readonly name: string;
  /** Rows of `Service – Déchets` (header in row 1, these from row 2). */
  readonly rows?: ReadonlyArray<Readonly<Record<string, Cell>>>;
  /** Or the whole grid of a tab. */
  readonly grid?: Grid;
  readonly tab?: string;
  readonly setup?: (wb: MemoryWorkbook) => void;
  readonly expect: readonly Expected[];
  /** Clean parse: the value of a column of the first row (after canonicalisation). */
  readonly value?: { readonly key: string; readonly equals: unknown };
  /** Clean parse: what the first row becomes in Actions under this header. */
  readonly inActions?: { readonly header: string; readonly equals: Cell };
}

const W = (code: string, row: number | null, column: string | null, tab = TAB_DEC): Expected => ({ code, tab, row, column, blocking: false });
const B = (code: string, row: number | null, column: string | null, tab = TAB_DEC): Expected => ({ code, tab, row, column, blocking: true });
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const row = (extra: Readonly<Record<string, Cell>>) => [{ [T]: 'Composteurs partagés', ...extra }];

const CASES: readonly Case[] = [
  // ------------------------------------------------------------ amounts
  { name: 'amount with spaces and €', rows: row({ 'Budget (€ HT)': '12 500 €' }), expect: [], value: { key: 'budget', equals: 12500 } },
  { name: 'amount with decimal comma', rows: row({ 'Budget (€ HT)': '12 500,50' }), expect: [], value: { key: 'budget', equals: 12500.5 } },
  { name: 'amount with dots between thousands', rows: row({ 'Budget (€ HT)': '12.500,50' }), expect: [], value: { key: 'budget', equals: 12500.5 } },
  { name: 'amount as plain digits in a text cell', rows: row({ 'Budget (€ HT)': '12500' }), expect: [], value: { key: 'budget', equals: 12500 } },
  { name: 'amount with narrow and non-breaking spaces, € HT', rows: row({ 'Budget (€ HT)': '12\u202f500\u00a0€ HT' }), expect: [], value: { key: 'budget', equals: 12500 } },
  { name: 'amount in millions of euros', rows: row({ 'Budget (€ HT)': '1,2 M€' }), expect: [], value: { key: 'budget', equals: 1_200_000 } },
  { name: 'amount in thousands of euros', rows: row({ 'Budget (€ HT)': '15 k€' }), expect: [], value: { key: 'budget', equals: 15_000 } },
  { name: 'amount as a real number', rows: row({ 'Budget (€ HT)': 12500.5 }), expect: [], inActions: { header: 'Budget (€ HT)', equals: 12500.5 } },
  { name: 'English amount 12,500.50', rows: row({ 'Budget (€ HT)': '12,500.50' }), expect: [B('nombre-illisible', 2, 'Budget (€ HT)')], inActions: { header: 'Budget (€ HT)', equals: '12,500.50' } },
  { name: 'ambiguous 12.500', rows: row({ 'Budget (€ HT)': '12.500' }), expect: [B('nombre-illisible', 2, 'Budget (€ HT)')] },
  { name: 'ambiguous amount 12,500', rows: row({ 'Budget (€ HT)': '12,500' }), expect: [B('nombre-illisible', 2, 'Budget (€ HT)')] },
  { name: 'amount in words', rows: row({ 'Budget (€ HT)': 'douze mille' }), expect: [B('nombre-illisible', 2, 'Budget (€ HT)')] },
  { name: 'accounting parentheses', rows: row({ 'Budget (€ HT)': '(500)' }), expect: [B('nombre-illisible', 2, 'Budget (€ HT)')] },
  { name: 'percentage in an amount', rows: row({ 'Budget (€ HT)': '50 %' }), expect: [B('nombre-illisible', 2, 'Budget (€ HT)')] },
  { name: 'negative budget', rows: row({ 'Budget (€ HT)': '-500' }), expect: [W('budget-negatif', 2, 'Budget (€ HT)')], inActions: { header: 'Budget (€ HT)', equals: -500 } },

  // ------------------------------------------------------------ dates
  { name: 'date JJ/MM/AAAA', rows: row({ 'Date de début': '03/04/2025' }), expect: [], value: { key: 'debut', equals: utc(2025, 4, 3) } },
  { name: 'date J/M/AA', rows: row({ 'Date de début': '3/4/25' }), expect: [], value: { key: 'debut', equals: utc(2025, 4, 3) } },
  { name: 'ISO date', rows: row({ 'Date de début': '2025-04-03' }), expect: [], value: { key: 'debut', equals: utc(2025, 4, 3) } },
  { name: 'real date at Paris midnight', rows: row({ 'Date de début': new Date(Date.UTC(2025, 3, 2, 22)) }), expect: [], value: { key: 'debut', equals: utc(2025, 4, 3) } },
  { name: 'date in words', rows: row({ 'Date de début': '1er avril 2025' }), expect: [], value: { key: 'debut', equals: utc(2025, 4, 1) } },
  { name: 'Excel serial number', rows: row({ 'Date de début': 45750 }), expect: [], value: { key: 'debut', equals: utc(2025, 4, 3) } },
  { name: '29 February of a leap year', rows: row({ 'Date de fin': '29/02/2024' }), expect: [], value: { key: 'fin', equals: utc(2024, 2, 29) } },
  { name: '31/02/2024 does not exist', rows: row({ 'Date de fin': '31/02/2024' }), expect: [B('date-invalide', 2, 'Date de fin')], inActions: { header: 'Date de fin', equals: '31/02/2024' } },
  { name: '29/02/2023 does not exist', rows: row({ 'Date de début': '29/02/2023' }), expect: [B('date-invalide', 2, 'Date de début')] },
  { name: 'US date 04/13/2025', rows: row({ 'Date de début': '04/13/2025' }), expect: [B('date-invalide', 2, 'Date de début')] },
  { name: 'a time instead of a date', rows: row({ 'Date de début': '14:30' }), expect: [B('date-invalide', 2, 'Date de début')] },
  { name: 'a word instead of a date', rows: row({ 'Date de fin': 'fin 2026' }), expect: [B('date-invalide', 2, 'Date de fin')] },
  { name: 'a checkbox in a date column', rows: row({ 'Date de début': true }), expect: [B('date-invalide', 2, 'Date de début')] },
  { name: 'end before start', rows: row({ 'Date de début': '01/06/2027', 'Date de fin': '28/02/2027' }), expect: [W('fin-avant-debut', 2, 'Date de fin')] },

  // ------------------------------------------------------------ formula errors
  { name: '#REF! as title', rows: [{ [T]: '#REF!' }], expect: [B('erreur-formule', 2, T)] },
  { name: '#N/A as budget', rows: row({ 'Budget (€ HT)': '#N/A' }), expect: [B('erreur-formule', 2, 'Budget (€ HT)')] },
  { name: '#DIV/0! as date', rows: row({ 'Date de début': '#DIV/0!' }), expect: [B('erreur-formule', 2, 'Date de début')] },
  { name: '#VALEUR! (French spreadsheet) as budget', rows: row({ 'Budget (€ HT)': '#VALEUR!' }), expect: [B('erreur-formule', 2, 'Budget (€ HT)')] },
  { name: '#NOM? (French spreadsheet) as title', rows: [{ [T]: '#NOM?', Pilote: 'A' }], expect: [B('erreur-formule', 2, T)] },
  { name: '#VALUE! as filière', rows: row({ Filière: '#VALUE!' }), expect: [B('erreur-formule', 2, 'Filière')] },

  // ------------------------------------------------------------ lists
  { name: 'filière without accents and in capitals', rows: row({ Filière: 'dechets VERTS' }), expect: [], inActions: { header: 'Filière', equals: 'Déchets verts' } },
  { name: 'filière with a typo', rows: row({ Filière: 'Textille' }), expect: [W('filiere-inconnue', 2, 'Filière')], inActions: { header: 'Filière', equals: 'Textille' } },
  { name: 'filière with a hyphen typed as a space', rows: row({ Filière: 'papier carton' }), expect: [], value: { key: 'filiere', equals: 'Papier-carton' } },
  { name: 'temporalité without accent', rows: row({ Temporalité: 'realisee' }), expect: [], value: { key: 'temporalite', equals: 'Réalisée' } },
  { name: 'temporalité off the list', rows: row({ Temporalité: 'Finie' }), expect: [W('hors-liste', 2, 'Temporalité')] },
  { name: 'pilier with a straight apostrophe', rows: row({ 'Pilier EC': "allongement de la duree d'usage" }), expect: [], value: { key: 'pilier', equals: 'Allongement de la durée d’usage' } },
  { name: 'plans separated by a comma', rows: row({ 'Plans de rattachement': 'plpdma, CODEC' }), expect: [], inActions: { header: 'Plans de rattachement', equals: 'PLPDMA, CODEC' } },
  { name: 'plans separated by a semicolon', rows: row({ 'Plans de rattachement': 'PLPDMA; codec' }), expect: [], value: { key: 'plans', equals: ['PLPDMA', 'CODEC'] } },
  { name: 'plan intitulé holding a comma', rows: row({ 'Plans de rattachement': 'plan climat-air-énergie territorial, 2020-2026 ; PLPDMA' }), expect: [], value: { key: 'plans', equals: ['Plan climat-air-énergie territorial, 2020-2026', 'PLPDMA'] } },
  { name: 'plan not in Plans', rows: row({ 'Plans de rattachement': 'PLDPMA, CODEC' }), expect: [W('plan-inconnu', 2, 'Plans de rattachement')], value: { key: 'plans', equals: ['PLDPMA', 'CODEC'] } },
  {
    name: 'plan type shared by two plans',
    rows: row({ 'Plans de rattachement': 'PCAET' }),
    setup: (wb) => setPlans(wb, [...PLANS, { Type: 'PCAET', Intitulé: 'PCAET 2027-2032 (en élaboration)' }]),
    expect: [W('plan-ambigu', 2, 'Plans de rattachement')],
  },
  { name: 'mesure with its eci_ identifier', rows: row({ 'Mesure du référentiel': 'eci_2.1.1' }), expect: [], value: { key: 'mesure', equals: 'eci_2.1.1' } },
  { name: 'mesure typed without eci_', rows: row({ 'Mesure du référentiel': '2.1.1' }), expect: [], inActions: { header: 'Mesure du référentiel', equals: 'eci_2.1.1' } },
  { name: 'mesure not in the référentiel', rows: row({ 'Mesure du référentiel': 'eci_9.9.9' }), expect: [W('mesure-inconnue', 2, 'Mesure du référentiel')] },

  // ------------------------------------------------------------ titles, texts, odd content
  { name: 'missing title', rows: [{ Pilote: 'J. Vermot', 'Budget (€ HT)': 100 }], expect: [B('obligatoire', 2, T)] },
  { name: 'title of spaces only', rows: [{ [T]: ' \u00a0 ', Pilote: 'J. Vermot' }], expect: [B('obligatoire', 2, T)] },
  { name: 'title of zero-width spaces', rows: [{ [T]: '\u200b\u200b', Pilote: 'J. Vermot' }], expect: [B('obligatoire', 2, T)] },
  { name: 'duplicate title in a tab (case and accents differ)', rows: [{ [T]: 'Ressourcerie' }, { [T]: 'RESSOURCERIÉ ' }], expect: [W('intitule-en-double', 3, T)] },
  { name: 'a row of blanks, spaces and invisible characters is empty', rows: [{ [T]: 'Ressourcerie' }, { Description: '   ', Pilote: '\u00a0', Commentaire: '\u200b' }], expect: [] },
  { name: '5,000-character description', rows: row({ Description: 'é'.repeat(5000) }), expect: [], value: { key: 'description', equals: 'é'.repeat(5000) } },
  { name: 'text over Excel’s cell limit', rows: row({ Commentaire: 'x'.repeat(40_000) }), expect: [W('texte-trop-long', 2, 'Commentaire')] },
  { name: 'emoji in a title', rows: [{ [T]: '♻️ Ressourcerie 🚲 mobile' }], expect: [], inActions: { header: T, equals: '♻️ Ressourcerie 🚲 mobile' } },
  { name: 'formula-like title stays text', rows: [{ [T]: '=SOMME(A1:A3)' }], expect: [], inActions: { header: T, equals: '=SOMME(A1:A3)' } },
  { name: 'phone number starting with +', rows: row({ Pilote: '+33 6 12 34 56 78' }), expect: [], inActions: { header: 'Pilote', equals: '+33 6 12 34 56 78' } },
  { name: 'text starting with @ and -', rows: row({ Partenaires: '@Ademe, -CCI', Commentaire: '-- à revoir' }), expect: [], inActions: { header: 'Partenaires', equals: '@Ademe, -CCI' } },
  { name: 'HTML kept as plain text', rows: row({ Description: '<script>alert("x")</script><b>gras</b>' }), expect: [], inActions: { header: 'Description', equals: '<script>alert("x")</script><b>gras</b>' } },

  // ------------------------------------------------------------ headers and tabs
  {
    name: 'header with a typographic apostrophe and a non-breaking space',
    grid: [["Intitulé\u00a0de l’action", 'Réf.', 'Budget (€ HT)'], ['Composteurs', null, '1 000']],
    expect: [W('colonne-absente', 1, null)],
    value: { key: 'budget', equals: 1000 },
  },
  {
    name: 'columns reordered and headers in other cases',
    grid: [
      [...SERVICE_HEADERS].reverse().map((h) => (h === T ? "INTITULÉ DE L'ACTION" : h === 'Filière' ? 'filiere' : h)),
      line([...SERVICE_HEADERS].reverse(), { [T]: 'Compostage', Filière: 'Textile', 'Budget (€ HT)': '2 000' }),
    ],
    expect: [],
    value: { key: 'budget', equals: 2000 },
  },
  {
    name: 'header row moved down under a title',
    grid: [['Inventaire du service déchets'], [], ['Mis à jour en mars'], SERVICE_HEADERS.slice(), line(SERVICE_HEADERS, { [T]: 'Compostage', 'Date de fin': '31/04/2025' })],
    expect: [B('date-invalide', 5, 'Date de fin')],
  },
  {
    name: 'merged header cells: a wrapped header and a column lost in a merge',
    grid: [
      SERVICE_HEADERS.map((h) => (h === T ? "Intitulé de\nl'action" : h === 'Description' ? null : h)),
      line(SERVICE_HEADERS, { [T]: 'Compostage' }),
    ],
    expect: [W('colonne-absente', 1, null)],
    value: { key: 'intitule', equals: 'Compostage' },
  },
  {
    name: 'required column missing: reported once for the tab, not per row',
    grid: [
      SERVICE_HEADERS.filter((h) => h !== T),
      line(SERVICE_HEADERS.filter((h) => h !== T), { Pilote: 'A' }),
      line(SERVICE_HEADERS.filter((h) => h !== T), { Pilote: 'B' }),
      line(SERVICE_HEADERS.filter((h) => h !== T), { Pilote: 'C' }),
    ],
    expect: [B('colonne-manquante', 1, T)],
  },
  {
    name: 'extra columns of the service (named and unnamed)',
    grid: [[...SERVICE_HEADERS, 'Téléphone', null], [...line(SERVICE_HEADERS, { [T]: 'Compostage' }), '03 81 00 00 00', 'note libre']],
    expect: [W('colonne-inconnue', 1, null)],
  },
  { name: 'empty service tab', grid: [], expect: [W('onglet-vide', null, null)] },
  { name: 'service tab with headers only', grid: [SERVICE_HEADERS.slice()], expect: [] },
  { name: 'service tab without any header', grid: [['Liste des actions'], ['compostage', 'oui'], ['broyage', 'non']], expect: [B('entete-introuvable', null, null)] },
  { name: 'service tab named with a hyphen', tab: 'Service - Voirie', rows: [{ [T]: 'Broyage des déchets verts' }], expect: [W('onglet-tiret', null, null, 'Service - Voirie')] },
  {
    name: 'a copy of a service tab, not read',
    setup: (wb) => wb.setGrid('Copie de Service – Déchets', [SERVICE_HEADERS.slice(), line(SERVICE_HEADERS, { [T]: 'Compostage' })]),
    rows: [{ [T]: 'Compostage' }],
    expect: [W('onglet-ignore', null, null, 'Copie de Service – Déchets')],
  },

  // ------------------------------------------------------------ Réf.
  { name: 'a copied row keeps a duplicated Réf.', rows: [{ 'Réf.': 'DEC-001', [T]: 'Compostage' }, { 'Réf.': 'DEC-001', [T]: 'Compostage (copie)' }], expect: [W('ref-en-double', 3, 'Réf.')] },
  { name: 'a row holding only its Réf.', rows: [{ 'Réf.': 'DEC-001', [T]: 'Compostage' }, { 'Réf.': 'DEC-002' }], expect: [W('ref-seule', 3, 'Réf.')] },
  { name: 'a Réf. typed by hand', rows: [{ 'Réf.': 'à compléter', [T]: 'Compostage' }], expect: [W('ref-non-standard', 2, 'Réf.')] },

  // ------------------------------------------------------------ other tabs
  {
    name: 'impossible date in Plans',
    rows: [{ [T]: 'Compostage' }],
    setup: (wb) => setPlans(wb, [...PLANS.slice(0, 1), { Type: 'CODEC', Intitulé: "Contrat d'objectifs déchets et économie circulaire", Fin: '31/02/2026' }]),
    expect: [B('date-invalide', 3, 'Fin', TAB.plans)],
  },
  {
    name: 'AFOM item without its statement',
    rows: [{ [T]: 'Compostage' }],
    setup: (wb) => setAfom(wb, [{ Id: 'F1', Type: 'Faiblesse', Énoncé: 'Peu de compostage' }, { Id: 'O2', Type: 'Opportunité' }]),
    expect: [B('obligatoire', 3, 'Énoncé', TAB.afom)],
  },
  {
    name: 'a registered tab that no longer exists',
    rows: [{ [T]: 'Compostage' }],
    setup: (wb) => register(wb, [{ service: 'Déchets', onglet: TAB_DEC, code: 'DEC' }, { service: 'Voirie', onglet: 'Service – Voirie', code: 'VOI' }]),
    expect: [W('registre-onglet-absent', 3, 'Onglet', TAB.parametres)],
  },
  {
    name: 'the lead’s priority off the list in Actions',
    rows: [{ 'Réf.': 'DEC-001', [T]: 'Compostage' }],
    setup: (wb) => {
      const h = wb.grid(TAB.actions)[0].map(String);
      wb.setGrid(TAB.actions, [h, h.map((x) => ({ 'Réf.': 'DEC-001', [T]: 'Compostage', Origine: `${TAB_DEC}, ligne 2`, Priorité: 'Urgente' } as Record<string, Cell>)[x] ?? null)]);
    },
    expect: [W('hors-liste', 2, 'Priorité', TAB.actions)],
  },
];

const PLANS = [
  { Type: 'PLPDMA', Intitulé: 'Programme local de prévention des déchets 2022-2027' },
  { Type: 'CODEC', Intitulé: "Contrat d'objectifs déchets et économie circulaire" },
  { Type: 'PCAET', Intitulé: 'Plan climat-air-énergie territorial, 2020-2026' },
];

function build(c: Case): MemoryWorkbook {
  const wb = installed();
  register(wb, [{ service: 'Déchets', onglet: TAB_DEC, code: 'DEC' }]);
  setPlans(wb, PLANS);
  setAfom(wb, [{ Id: 'F1', Type: 'Faiblesse', Énoncé: 'Peu de compostage' }, { Id: 'O2', Type: 'Opportunité', Énoncé: 'Loi AGEC' }]);
  const tab = c.tab ?? TAB_DEC;
  if (tab !== TAB_DEC) wb.setGrid(TAB_DEC, [SERVICE_HEADERS.slice()]);
  if (c.grid) wb.setGrid(tab, c.grid);
  else wb.setGrid(tab, [SERVICE_HEADERS.slice(), ...(c.rows ?? []).map((r) => line(SERVICE_HEADERS, r))]);
  c.setup?.(wb);
  return wb;
}

describe('validation corpus', () => {
  it('has at least 40 bad inputs', () => {
    expect(CASES.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const wb = build(c);
      const result = validateWorkbook(memoSource(wb.sheetNames(), (n) => wb.read(n)));
      const got = result.anomalies.map((a) => ({ code: a.code, tab: a.onglet, row: a.ligne, column: a.colonne, blocking: a.bloquante }));
      expect(got).toEqual(c.expect.map((e) => ({ ...e, tab: e.tab ?? TAB_DEC })));
      for (const a of result.anomalies) {
        expect(a.message.length).toBeGreaterThan(20);
        expect(a.message).not.toMatch(/undefined|null|NaN|\[object/);
      }
      if (c.value) {
        const tab = result.serviceTabs.find((t) => t.tab === (c.tab ?? TAB_DEC))!;
        expect(tab.rows[0].values[c.value.key]).toEqual(c.value.equals);
      }
      if (c.inActions) {
        const run = consolidate(ports(wb));
        expect(run.status).toBe('done');
        expect(actionsView(wb).rows[0][c.inActions.header]).toEqual(c.inActions.equals);
      }
    });
  }
});
