/** Moving a formula as Excel does when a cell is copied (formula-shift.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../src/files/xlsx/formula-shift';

describe('shiftFormula', () => {
  it('moves relative references, keeps anchored parts, text, sheet names, functions and structured references', () => {
    expect(shiftFormula('B5&" suivie"', 3, 0)).toBe('B8&" suivie"');
    expect(shiftFormula('SUM($A$1:A4)*$C2+D$1', 2, 1)).toBe('SUM($A$1:B6)*$C4+E$1');
    expect(shiftFormula("'Service – Déchets'!B2+Feuil1!C3", 1, 0)).toBe("'Service – Déchets'!B3+Feuil1!C4");
    expect(shiftFormula('LOG10(A1)+"A1"+ATAN2(1,2)', 1, 0)).toBe('LOG10(A2)+"A1"+ATAN2(1,2)');
    expect(shiftFormula('SUM(Tableau1[Tonnes])+A1', 1, 0)).toBe('SUM(Tableau1[Tonnes])+A2');
    expect(shiftFormula('SUM(B:B)+SUM(3:4)', 2, 1)).toBe('SUM(C:C)+SUM(5:6)');
    expect(shiftFormula('A1*1.5E+3', 1, 0)).toBe('A2*1.5E+3');
  });

  it('gives #REF! to a reference moved off the grid, as Excel does', () => {
    expect(shiftFormula('A2+B3', -2, 0)).toBe('#REF!+B1');
  });

  it('moved there and back, a formula is itself again', () => {
    const ref = fc.tuple(fc.boolean(), fc.integer({ min: 60, max: 700 }), fc.boolean(), fc.integer({ min: 1, max: 5000 })).map(([ac, c, ar, r]) => {
      let n = c + 1;
      let s = '';
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return `${ac ? '$' : ''}${s}${ar ? '$' : ''}${r + 100}`;
    });
    const formula = fc.array(fc.oneof(ref, fc.constantFrom('+', '*', 'SUM(', ')', '"A1 texte"', ',', "'Feuille 1'!")), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(formula, fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (f, dr, dc) => {
        expect(shiftFormula(shiftFormula(f, dr, dc), -dr, -dc)).toBe(f);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
