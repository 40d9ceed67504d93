import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers';

const dir = tempDir('ref-format');

describe('Référentiel tab in the .xlsx template', () => {
  it('has the status dropdown on sous-mesure and tâche rows only, and score colour bands', async () => {
    const out = join(dir, 'modele.xlsx');
    expect((await cli(dir, 'template', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Référentiel')!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    const niveau = headers.indexOf('Niveau');
    const statut = headers.indexOf('Statut');
    let withList = 0;
    for (let r = 2; r <= 368; r++) {
      const level = String(ws.getCell(r, niveau).value);
      const dv = ws.getCell(r, statut).dataValidation;
      const hasList = dv?.type === 'list';
      expect(hasList, `row ${r} (${level})`).toBe(level === 'Sous-mesure' || level === 'Tâche');
      if (hasList) withList++;
    }
    expect(withList).toBe(341);
    const pct = headers.indexOf('% réalisé');
    const letter = ws.getColumn(pct).letter;
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings;
    const bands = cf.find((c) => c.ref.startsWith(`${letter}2`));
    expect(bands?.rules).toHaveLength(3);
    expect(bands!.rules.every((r) => r.type === 'expression')).toBe(true);
  });
});
