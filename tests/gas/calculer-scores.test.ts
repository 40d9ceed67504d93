/** Menu *Calculer les scores* against the Apps Script fakes: figures written, cost contract kept. */
import { describe, expect, it } from 'vitest';
import { runInstall } from '../../src/gas/handlers/install';
import { runCalculerScores } from '../../src/gas/handlers/calculer-scores';
import { columnOf, gasEnv } from './support';

describe('Calculer les scores (Apps Script)', () => {
  for (const statuses of [1, 80]) {
    it(`reads each tab once and writes the Référentiel in one block (${statuses} statuses)`, () => {
      const env = gasEnv();
      env.ui.queueAlert('OK');
      runInstall();
      const sheet = env.spreadsheet.getSheetByName('Référentiel')!;
      env.calls.quietly(() => {
        const values = sheet.getDataRange().getValues();
        const statut = columnOf(values, 'Statut');
        const niveau = columnOf(values, 'Niveau');
        let n = 0;
        for (let r = 2; r <= values.length && n < statuses; r++) {
          if (values[r - 1][niveau - 1] === 'Sous-mesure') {
            sheet.getRange(r, statut).setValue('Fait');
            n++;
          }
        }
      });
      env.calls.reset();
      env.ui.queueAlert('OK');
      runCalculerScores();
      const reads = env.calls.perSheet('getValues');
      for (const [tab, count] of reads) expect(count, tab).toBeLessThanOrEqual(1);
      expect(env.calls.count('setValues', 'Référentiel')).toBe(1);
      expect(env.calls.count('setValues', 'Journal')).toBe(1);
      // The scores part of the Tableau de bord follows, in one block.
      expect(env.calls.count('setValues', 'Tableau de bord')).toBe(1);
      const after = env.calls.quietly(() => sheet.getDataRange().getValues());
      const faits = columnOf(after, 'Points faits');
      const id = columnOf(after, 'Identifiant');
      const row = after.findIndex((r) => r[id - 1] === 'eci_1.1.1');
      expect(after[row][faits - 1]).toBe(6);
      expect(env.ui.lastAlert?.message ?? '').toMatch(/Étoile actuelle/);
    });
  }
});

describe('Référentiel formats (Apps Script)', () => {
  it('puts the status dropdown on sous-mesure and tâche rows only, in one call, and keeps score bands on a second install', () => {
    const env = gasEnv();
    env.ui.queueAlert('OK');
    runInstall();
    const sheet = env.spreadsheet.getSheetByName('Référentiel')!;
    const values = env.calls.quietly(() => sheet.getDataRange().getValues());
    const statut = columnOf(values, 'Statut');
    const niveau = columnOf(values, 'Niveau');
    for (let r = 2; r <= values.length; r++) {
      const rule = env.calls.quietly(() => sheet.getRange(r, statut).getDataValidation());
      const level = values[r - 1][niveau - 1];
      expect(rule !== null, `row ${r} ${level}`).toBe(level === 'Sous-mesure' || level === 'Tâche');
    }
    const bandRules = () => env.calls.quietly(() => sheet.getConditionalFormatRules()).filter((r) => String(r.getBooleanCondition()?.getCriteriaType()) === 'CUSTOM_FORMULA');
    expect(bandRules()).toHaveLength(3);
    env.ui.queueAlert('OK');
    runInstall();
    expect(bandRules()).toHaveLength(3);
  });
});
