import { describe, expect, it, vi } from 'vitest';
import { runInstall } from '../../src/gas/handlers/install';
import { TAB, TABS, tableSection } from '../../src/domain/schema/tabs';
import { COLOURS } from '../../src/domain/schema/colours';
import { locateTable } from '../../src/domain/table/locate';
import type { Grid } from '../../src/domain/table/cell';
import { gasMessages } from '../../src/domain/messages/gas';
import type { FakeSheet, GasEnvironment } from '../fakes/gas';
import { SCHEMA_TAB_NAMES, columnOf, gasEnv, headersOf } from './support';

function snapshotAll(env: GasEnvironment): Map<string, unknown[][]> {
  return new Map(env.spreadsheet.sheetNames().map((n) => [n, env.spreadsheet.sheet(n).snapshot()]));
}

/** Every table section of every schema tab, located in the sheet as it is now. */
function locatedSections(sheet: FakeSheet, tabName: string) {
  const spec = TABS.find((t) => t.name === tabName)!;
  const grid = sheet.snapshot() as Grid;
  return spec.sections.filter((s) => s.kind === 'table').map((s) => ({ section: s, located: locateTable(grid, tableSection(tabName, s.id)) }));
}

describe('Installer ou mettre à jour le classeur, on an empty spreadsheet', () => {
  it('creates every schema tab, in order, with its headers and prefilled reference sections', () => {
    const env = gasEnv();
    runInstall();

    expect(env.spreadsheet.sheetNames().slice(0, TABS.length)).toEqual(SCHEMA_TAB_NAMES);
    expect(env.spreadsheet.hasSheet('Feuille 1')).toBe(true); // never deletes anything

    for (const tab of TABS) {
      for (const { section, located } of locatedSections(env.spreadsheet.sheet(tab.name), tab.name)) {
        expect(located, `${tab.name} › ${section.id}`).not.toBeNull();
        expect(located!.missing.map((c) => c.header), `${tab.name} › ${section.id}`).toEqual([]);
      }
    }
    expect(env.spreadsheet.sheet(TAB.plans).snapshot()[0]).toEqual(headersOf(TAB.plans, 'plans'));

    // Référentiel: 5 axes + 21 mesures + 80 sous-mesures + 261 tâches under the header.
    const referentiel = env.spreadsheet.sheet(TAB.referentiel).snapshot();
    expect(referentiel).toHaveLength(1 + 367);
    expect(referentiel.slice(1).every((r) => typeof r[0] === 'string' && String(r[0]).startsWith('eci'))).toBe(true);
    expect(env.spreadsheet.sheet(TAB.preuves).snapshot()).toHaveLength(1 + 176);
    expect(env.spreadsheet.sheet(TAB.indicateurs).snapshot()).toHaveLength(1 + 36);
  });

  it('puts a dropdown on every list column and a date validation on every date column', () => {
    const env = gasEnv();
    runInstall();
    let lists = 0;
    let dates = 0;
    for (const tab of TABS) {
      const sheet = env.spreadsheet.sheet(tab.name);
      for (const { section, located } of locatedSections(sheet, tab.name)) {
        if (section.kind !== 'table') continue;
        for (const c of section.columns) {
          const col = located!.columns.get(c.key)! + 1;
          // A column validated on some rows only (Référentiel statuses) is checked on its first such row.
          const firstValidated = c.validationWhen
            ? sheet.snapshot().findIndex((r, i) => i >= located!.dataStart && c.validationWhen!.values.includes(String(r[located!.columns.get(c.validationWhen!.column)!])))
            : located!.dataStart;
          const row = firstValidated + 1;
          const rule = sheet.validationAt(row, col);
          const where = `${tab.name} › ${c.header} (${row}, ${col})`;
          if (c.list) {
            expect(rule?.getCriteriaType(), where).toMatch(/^VALUE_IN_(LIST|RANGE)$/);
            lists++;
          } else if (c.type === 'date') {
            expect(rule?.getCriteriaType(), where).toBe('DATE_IS_VALID_DATE');
            expect(rule?.getAllowInvalid(), where).toBe(false);
            dates++;
          }
        }
      }
    }
    expect(lists).toBeGreaterThan(30);
    expect(dates).toBeGreaterThan(10);

    // Fixed list: the values of the schema; a list from another tab: its located column.
    const plans = env.spreadsheet.sheet(TAB.plans);
    const niveau = plans.validationAt(2, columnOf(plans.snapshot(), 'Niveau EC'))!;
    expect(niveau.getCriteriaValues()[0]).toEqual(['0 – Absent', '1 – Faible', '2 – Partiel', '3 – Fort']);
    expect(niveau.getAllowInvalid()).toBe(false);
    // Validations reach well below the data, so rows typed later are guided too.
    expect(plans.validationAt(400, columnOf(plans.snapshot(), 'Niveau EC'))).toBe(niveau);
    const acteurs = env.spreadsheet.sheet(TAB.acteurs);
    const categorie = acteurs.validationAt(2, columnOf(acteurs.snapshot(), 'Catégorie'))!;
    const source = categorie.getCriteriaValues()[0] as { sheet: FakeSheet; a1(): string };
    expect(source.sheet.name).toBe(TAB.parametres);
    const parametres = env.spreadsheet.sheet(TAB.parametres).snapshot();
    const catCol = columnOf(parametres, "Catégorie d'acteurs");
    expect(source.a1().startsWith(`${String.fromCharCode(64 + catCol)}2:`)).toBe(true);
  });

  it('freezes header rows, styles headers, colours the tabs and adds header notes', () => {
    const env = gasEnv();
    runInstall();
    for (const tab of TABS.filter((t) => t.layout !== 'stacked' && t.sections.length > 0)) {
      expect(env.spreadsheet.sheet(tab.name).frozenRows, tab.name).toBe(1);
    }
    const plans = env.spreadsheet.sheet(TAB.plans);
    expect(plans.tabColor).toBe(TABS.find((t) => t.name === TAB.plans)!.colour);
    const header = plans.format(0, 0);
    expect(header).toMatchObject({ background: COLOURS.brand, fontColor: COLOURS.headerText, fontWeight: 'bold' });
    const computedHeader = plans.format(0, columnOf(plans.snapshot(), "Nb d'actions EC") - 1);
    expect(computedHeader.background).toBe(COLOURS.computedHeader);
    expect(plans.format(0, columnOf(plans.snapshot(), 'Niveau EC') - 1).note).toContain('0 Absent');
    expect(plans.columnWidths.get(columnOf(plans.snapshot(), 'Intitulé'))).toBe(280);
    // Plan d'actions has 30 columns: the 26-column grid of a new tab was grown first.
    expect(env.spreadsheet.sheet(TAB.planActions).snapshot()[0]).toHaveLength(headersOf(TAB.planActions, 'planActions').length);
  });

  it('colours Plans › Niveau EC and Référentiel › Statut with conditional rules on their columns', () => {
    const env = gasEnv();
    runInstall();
    const rulesOf = (tab: string, header: string) => {
      const sheet = env.spreadsheet.sheet(tab);
      const col = columnOf(sheet.snapshot(), header);
      return sheet.conditionalRules.filter((r) => r.getRanges().every((rg) => rg.col === col && rg.cols === 1));
    };
    const niveau = rulesOf(TAB.plans, 'Niveau EC').map((r) => [r.getBooleanCondition().getCriteriaValues()[0], r.getBooleanCondition().getBackground()]);
    expect(niveau).toEqual([
      ['0 – Absent', COLOURS.grey],
      ['1 – Faible', COLOURS.red],
      ['2 – Partiel', COLOURS.orange],
      ['3 – Fort', COLOURS.green],
    ]);
    const statut = rulesOf(TAB.referentiel, 'Statut').map((r) => r.getBooleanCondition().getCriteriaValues()[0]);
    expect(statut).toEqual(['Fait', 'Programmé', 'Pas fait', 'Détaillé au %', 'Non concerné']);
    const range = rulesOf(TAB.referentiel, 'Statut')[0].getRanges()[0];
    expect(range.row).toBe(2);
    expect(range.rows).toBeGreaterThanOrEqual(367);
  });

  it('protects headers and computed columns with warning-only protections', () => {
    const env = gasEnv();
    runInstall();
    const protections = env.spreadsheet.protections.map((p) => p.info);
    for (const tab of TABS.filter((t) => t.sections.length > 0)) {
      const headers = protections.filter((p) => p.sheet === tab.name && p.description === 'Cap Circulaire – en-têtes');
      expect(headers.length, tab.name).toBeGreaterThan(0);
      expect(headers.every((p) => p.warningOnly && p.type === 'RANGE')).toBe(true);
    }
    const plans = protections.filter((p) => p.sheet === TAB.plans);
    expect(plans.find((p) => p.description === 'Cap Circulaire – en-têtes')!.range).toBe('A1:J1');
    // Nb d'actions EC and Budget EC (€) are computed: their data cells warn too.
    expect(plans.find((p) => p.description === 'Cap Circulaire – colonnes calculées')!.range).toMatch(/^I2:J\d+$/);
  });

  it('sets the French locale and Paris time zone, and writes one Journal row', () => {
    const env = gasEnv();
    runInstall();
    expect(env.spreadsheet.locale).toBe('fr_FR');
    expect(env.spreadsheet.timeZone).toBe('Europe/Paris');
    const journal = env.spreadsheet.sheet(TAB.journal).snapshot();
    expect(journal).toHaveLength(2);
    expect(journal[1][1]).toBe('cheffe.projet@agglo-exemple.fr');
    expect(journal[1][2]).toBe('Installer ou mettre à jour le classeur');
    expect(String(journal[1][3])).toContain(`${TABS.length} onglets créés`);
    expect(journal[1][0]).toBeInstanceOf(Date);
    expect(env.ui.lastAlert!.message).toContain(`${TABS.length} onglets créés`);
  });
});

describe('Installer ou mettre à jour le classeur, on an installed spreadsheet', () => {
  it('writes no cell value at all the second time, and says the workbook is up to date', () => {
    const env = gasEnv();
    runInstall();
    const before = snapshotAll(env);
    env.calls.reset();
    runInstall();
    expect(env.calls.count('setValues')).toBe(0);
    expect(env.calls.count('setValue')).toBe(0);
    expect(env.calls.count('insertSheet')).toBe(0);
    expect(env.calls.count('setSpreadsheetLocale')).toBe(0);
    expect(snapshotAll(env)).toEqual(before);
    expect(env.ui.lastAlert!.message).toBe(gasMessages.install.upToDate);
    // Re-applied formats replace ours instead of piling up.
    const plansProtections = env.spreadsheet.protections.filter((p) => p.sheet.name === TAB.plans);
    expect(plansProtections).toHaveLength(2);
    expect(env.spreadsheet.sheet(TAB.plans).conditionalRules).toHaveLength(4);
  });

  it('loses nothing when the user typed rows, added a column and moved columns', () => {
    const env = gasEnv();
    runInstall();
    const plans = env.spreadsheet.sheet(TAB.plans);
    const headers = plans.snapshot()[0] as string[];
    // Intitulé moved first, a column of the user's inserted, Niveau EC deleted, rows typed.
    const userHeaders = ['Intitulé', 'Ma colonne', ...headers.filter((h) => h !== 'Intitulé' && h !== 'Niveau EC')];
    const row = (title: string, mine: string, type: string) => userHeaders.map((h) => (h === 'Intitulé' ? title : h === 'Ma colonne' ? mine : h === 'Type' ? type : h === 'Début' ? new Date(Date.UTC(2022, 0, 1)) : null));
    plans.seed([userHeaders, row('PLPDMA 2022-2027', 'à moi', 'PLPDMA'), row('=pas une formule', 'note', 'PCAET'), [], row('Après un trou', '', 'PAT')]);
    // Statuses typed in the référentiel, a filière added in Paramètres, a note typed in Journal's neighbour column.
    const ref = env.spreadsheet.sheet(TAB.referentiel);
    const refGrid = ref.snapshot();
    const statutCol = columnOf(refGrid, 'Statut') - 1;
    refGrid[2][statutCol] = 'Fait';
    refGrid[5][statutCol] = 'Programmé';
    refGrid[0].push('Colonne perso');
    refGrid[1].push('gardée');
    ref.seed(refGrid);
    const before = snapshotAll(env);

    env.calls.reset();
    runInstall();

    const after = snapshotAll(env);
    for (const [name, grid] of before) {
      const now = after.get(name)!;
      grid.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== '') expect(now[r]?.[c], `${name} ${r + 1},${c + 1}`).toEqual(v);
        }),
      );
    }
    // The missing column is appended at the end of the header, nothing else is written in Plans.
    const plansAfter = after.get(TAB.plans)!;
    expect(plansAfter[0]).toEqual([...userHeaders, 'Niveau EC']);
    expect(env.calls.count('setValues', TAB.plans)).toBe(1);
    expect(env.calls.count('setValues', TAB.referentiel)).toBe(0);
    expect(plansAfter[2][1]).toBe('note');
    expect(env.ui.lastAlert!.message).toContain('Plans (Niveau EC)');
    // Validations follow the moved columns.
    expect(plans.validationAt(2, userHeaders.indexOf('Type') + 1)?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(plans.validationAt(2, userHeaders.indexOf('Début') + 1)?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(plans.validationAt(2, userHeaders.length + 1)?.getCriteriaValues()[0]).toContain('3 – Fort');
  });

  it("keeps the user's own conditional rules and protections", () => {
    const env = gasEnv();
    runInstall();
    const plans = env.spreadsheet.sheet(TAB.plans);
    const app = env.spreadsheetApp;
    const mine = app.newConditionalFormatRule().whenTextEqualTo('Urgent').setBackground('#ff00ff').setRanges([plans.rangeFromA1Unrecorded('B2:B50')]).build();
    plans.conditionalRules.push(mine);
    const myProtection = plans.rangeFromA1Unrecorded('K1:K10').protect().setDescription('Ma protection');
    runInstall();
    expect(plans.conditionalRules).toContain(mine);
    expect(plans.conditionalRules).toHaveLength(5);
    expect(env.spreadsheet.protections).toContain(myProtection);
  });

  it('refuses to run while another command holds the document lock', () => {
    const env = gasEnv();
    env.locks.document.setBusy(true);
    runInstall();
    expect(env.ui.lastAlert!.message).toBe(gasMessages.busy);
    expect(env.spreadsheet.sheetNames()).toEqual(['Feuille 1']);
    expect(env.calls.count('setValues')).toBe(0);
  });

  it('shows an unexpected error in French and releases the lock', () => {
    const env = gasEnv();
    runInstall();
    // A sheet that refuses to be read: the command must report, not crash silently.
    const sheet = env.spreadsheet.sheet(TAB.plans);
    sheet.getDataRange = () => {
      throw new Error('Service Spreadsheets failed');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    runInstall();
    expect(env.ui.lastAlert!.message).toContain('Service Spreadsheets failed');
    expect(env.ui.lastAlert!.message).toContain('erreur inattendue');
    expect(env.locks.document.hasLock()).toBe(false);
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

describe('Install cost', () => {
  it('reads each tab at most once and writes each tab in one block on an empty spreadsheet', () => {
    const env = gasEnv();
    runInstall();
    for (const [sheet, n] of env.calls.perSheet('getValues')) expect(n, sheet).toBeLessThanOrEqual(1);
    // One block per tab; the Journal gets a second one, the row that records this install.
    for (const [sheet, n] of env.calls.perSheet('setValues')) expect(n, sheet).toBe(sheet === TAB.journal ? 2 : 1);
    // Every tab but the generated dashboard gets its content.
    expect(env.calls.perSheet('setValues').size).toBe(TABS.filter((t) => !t.generated).length);
  });

  it('makes the same calls whether Plans holds 1, 10 or 1,000 user rows', () => {
    const summaries: Array<Record<string, number>> = [];
    for (const n of [1, 10, 1000]) {
      const env = gasEnv();
      runInstall();
      const plans = env.spreadsheet.sheet(TAB.plans);
      const headers = (plans.snapshot()[0] as string[]).filter((h) => h !== 'Niveau EC');
      const rows = Array.from({ length: n }, (_, i) => headers.map((h) => (h === 'Intitulé' ? `Plan ${i + 1}` : h === 'Type' ? 'PCAET' : null)));
      plans.seed([headers, ...rows]);
      env.calls.reset();
      runInstall();
      for (const [sheet, count] of env.calls.perSheet('getValues')) expect(count, `${sheet} (${n} rows)`).toBeLessThanOrEqual(1);
      expect(env.calls.count('setValues', TAB.plans)).toBe(1);
      expect(env.spreadsheet.sheet(TAB.plans).snapshot()).toHaveLength(n + 1);
      // Growing the grid below 1,000 rows is the only call that depends on the size.
      summaries.push(env.calls.summary({ ignore: ['insertRowsAfter'] }));
      expect(env.calls.count('insertRowsAfter')).toBeLessThanOrEqual(1);
    }
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
  });
});
