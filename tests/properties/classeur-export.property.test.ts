/**
 * New workbooks described as data (ClasseurExport, written by
 * src/files/xlsx/classeur-export.ts) hold exactly what they were given:
 * random sheets of random cells (hostile texts, control characters, emoji,
 * lone surrogates, leading `=`, literal `_xHHHH_`, texts past Excel's
 * 32,767 characters; numbers of every size and sign; dates and date-times;
 * booleans; blanks), random formats, header rows and frozen rows, read back
 * by the project's reader and by exceljs, give the same values (blanks as
 * nothing, texts past the limit cut there).
 *
 * A fixed seed (replayable) plus random cases; fast-check prints the seed
 * and the failing case (not shrunk: shrinking cases of 32,000-character
 * texts, each written and read twice, outlasts any timeout; replay the seed
 * and path to study it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/domain/table/cell';
import type { ClasseurExport, FeuilleExport } from '../../src/domain/tet/classeur';
import { classeurToXlsx, EXCEL_TEXT_MAX } from '../../src/files/xlsx/classeur-export';
import { expectedGrids, gridsByExcelJs, gridsByOwnReader } from '../xlsx/classeur-readers';
import { anyCell, FIXED_SEED } from './service-tabs';

const RUNS = Number(process.env.CAP_XLSX_PROPERTY_RUNS ?? 25);

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('=', '+', '-', '@', '_x0041_', '_x005F_', '\r', '\r\n', ' ', '\t', '&', '<'), fc.string({ maxLength: 12 })).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom('🚲', '♻️', '🇫🇷', '\ud83d', '\ude32', '\u0000', '\u001f', '\ufffe', '\uffff', ']]>', '&amp;') },
);

/** Texts around Excel's limit, some ending on an emoji cut in half by it. */
const longText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: EXCEL_TEXT_MAX - 3, max: EXCEL_TEXT_MAX + 40 }), fc.constantFrom('a', 'é', '🚲', 'x\u0007'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n));

const number: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY),
);

/** Dates Excel shows (1 March 1900 to 31 December 9999), at midnight or any millisecond; and an invalid Date. */
const date: fc.Arbitrary<Date> = fc.oneof(
  fc.integer({ min: Date.UTC(1900, 2, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000)),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), noInvalidDate: true }),
  fc.constant(new Date(Number.NaN)),
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 3, arbitrary: anyCell },
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: date },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom<Cell>(null, '') },
);

const FORMATS = ['General', '0', '#,##0', '0.0%', 'dd/mm/yyyy', 'd mmmm yyyy', '@', '#,##0.00 "€"', '[Red]0;"négatif" 0', 'yyyy-mm-dd hh:mm:ss'];

const sheet: fc.Arbitrary<Omit<FeuilleExport, 'name'>> = fc
  .tuple(
    fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(12), fc.nat(8), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(...FORMATS)), { maxLength: 4 }),
    fc.array(fc.nat(12), { maxLength: 3 }),
    fc.nat(3),
    fc.boolean(),
    fc.array(fc.double({ min: 1, max: 80, noNaN: true }), { maxLength: 8 }),
    fc.option(fc.tuple(fc.nat(12), fc.nat(8), longText), { nil: undefined, freq: 3 }),
  )
  .map(([rows, zones, boldRows, frozenRows, autoFilter, widths, long]) => {
    if (long) {
      const [r, c, t] = long;
      while (rows.length <= r) rows.push([]);
      while (rows[r].length <= c) rows[r].push(null);
      rows[r][c] = t;
    }
    return {
      rows,
      merges: [],
      widths,
      formats: zones.map(([row, col, n, m, numberFormat]) => ({ row, col, rows: n, cols: m, numberFormat })),
      boldRows,
      frozenRows,
      autoFilter,
    };
  });

const classeurArb: fc.Arbitrary<ClasseurExport> = fc
  .uniqueArray(fc.constantFrom('Plan', 'Référentiel', "Plan d'actions & suivi", 'Données <brutes>', 'Été "2026"', 'Feuil1'), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(() => sheet)).map((sheets) => ({ feuilles: sheets.map((s, i) => ({ name: names[i], ...s })) })));

/**
 * What readers make of a number in a zone with a date format: a date. A
 * number no date can be (e.g. -1e308) stays a number for our reader, is a
 * Date of NaN for exceljs ("invalid date" here).
 */
function readerView(c: ClasseurExport, reader: 'own' | 'exceljs'): ClasseurExport {
  const dateZone = (f: FeuilleExport, r: number, col: number) => {
    let code = '';
    for (const z of f.formats) if (r >= z.row && r < z.row + z.rows && col >= z.col && col < z.col + z.cols) code = z.numberFormat;
    // As exceljs and Excel judge it: brackets and quoted text left out, then a date or time letter.
    return code !== 'General' && /[ymdhs]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
  };
  const asDate = (v: number): Cell => {
    const d = new Date(Math.round((v - 25569) * 86_400_000));
    return !Number.isNaN(d.getTime()) ? d : reader === 'own' ? v : INVALID;
  };
  return {
    feuilles: c.feuilles.map((f) => ({
      ...f,
      rows: f.rows.map((row, r) => row.map((v, col) => (typeof v === 'number' && Number.isFinite(v) && dateZone(f, r, col) ? asDate(v) : v))),
    })),
  };
}

const INVALID = 'invalid date';

function markInvalidDates(grid: Cell[][]): Cell[][] {
  return grid.map((row) => row.map((v) => (v instanceof Date && Number.isNaN(v.getTime()) ? INVALID : v)));
}

const roundTrip = fc.asyncProperty(classeurArb, async (classeur) => {
  const { bytes, truncated } = await classeurToXlsx(classeur);
  const own = await gridsByOwnReader(bytes);
  expect([...own.keys()]).toEqual(classeur.feuilles.map((f) => f.name));
  for (const [name, grid] of expectedGrids(readerView(classeur, 'own'))) expect(own.get(name), `own reader, ${name}`).toEqual(grid);
  const { grids } = await gridsByExcelJs(bytes);
  for (const [name, grid] of expectedGrids(readerView(classeur, 'exceljs'))) expect(markInvalidDates(grids.get(name)!), `exceljs, ${name}`).toEqual(grid);
  // Every text past the limit is named, and only those.
  const long = classeur.feuilles.flatMap((f) => f.rows.flatMap((row, r) => row.flatMap((v, c) => (typeof v === 'string' && v.length > EXCEL_TEXT_MAX ? [{ feuille: f.name, row: r, col: c, length: v.length }] : []))));
  expect(truncated).toEqual(long);
});

describe('ClasseurExport written as .xlsx and read back (fast-check)', () => {
  it(`gives back every value, typed, to the project’s reader and to exceljs (seed ${FIXED_SEED})`, async () => {
    await fc.assert(roundTrip, { seed: FIXED_SEED, numRuns: RUNS, endOnFailure: true });
  }, 120_000);

  it(`holds on ${RUNS} random cases`, async () => {
    await fc.assert(roundTrip, { numRuns: RUNS, endOnFailure: true });
  }, 120_000);
});
