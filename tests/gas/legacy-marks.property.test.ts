/**
 * Property: whatever the previous version marked, whatever the user recoloured
 * since and whatever the new version marks next, once the new version has
 * migrated and then cleared its marks every cell shows the colour the user
 * gave it, and nothing of either memory is left (document properties, tab
 * metadata). Migrating twice changes nothing. In-process, on the fakes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellMark } from '../../src/domain/validation/last-check';
import { GasCellMarker, LEGACY_MARK_PREFIX, MARK_BACKGROUND } from '../../src/gas/cell-marker';
import { blockersIn, type RangeBlocker } from '../../src/gas/write-guard';
import { createGasEnvironment } from '../fakes/gas';
import { GasCellMarker as PreviousCellMarker } from '../gas-e2e/fixtures/previous-cell-marker';

const TAB = 'Service – Déchets';
const PALETTE = ['#ffffff', '#b7e1cd', '#fce8b2', '#c9daf8', '#f4cccc'];

const cell = (rows: number, cols: number) => fc.record({ row: fc.integer({ min: 1, max: rows }), col: fc.integer({ min: 1, max: cols }) });
const marksOn = (rows: number, cols: number) =>
  fc.uniqueArray(fc.record({ at: cell(rows, cols), blocking: fc.boolean() }), { selector: (m) => `${m.at.row}:${m.at.col}`, maxLength: rows * cols }).map((ms) =>
    ms.map((m): CellMark => ({ row: m.at.row, col: m.at.col, note: `Anomalie ${m.at.row}:${m.at.col}`, blocking: m.blocking })),
  );

const scenario = fc
  .record({ rows: fc.integer({ min: 2, max: 10 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      colours: fc.array(fc.array(fc.constantFrom(...PALETTE), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      oldMarks: marksOn(rows, cols),
      recoloured: fc.uniqueArray(fc.record({ at: cell(rows, cols), colour: fc.constantFrom(...PALETTE) }), { selector: (r) => `${r.at.row}:${r.at.col}`, maxLength: 6 }),
      newMarks: marksOn(rows, cols),
    }),
  );

describe('colours remembered by the previous version', () => {
  it('come back under every sequence of old marks, user recolourings and new marks', () => {
    fc.assert(
      fc.property(scenario, ({ rows, cols, colours, oldMarks, recoloured, newMarks }) => {
        const env = createGasEnvironment({ sheets: { [TAB]: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `v${r}${c}`)) } });
        const sheet = env.spreadsheet.sheet(TAB);
        const props = env.properties.getDocumentProperties();
        const wanted = colours.map((line) => line.slice());
        colours.forEach((line, r) => line.forEach((bg, c) => sheet.setFormat(r, c, { background: bg })));
        new PreviousCellMarker(env.spreadsheet as never, props as never).mark(TAB, oldMarks);
        for (const { at, colour } of recoloured) {
          sheet.setFormat(at.row - 1, at.col - 1, { background: colour });
          wanted[at.row - 1][at.col - 1] = colour;
        }
        const marker = new GasCellMarker(env.spreadsheet as never, props as never);
        marker.migrateLegacy(() => true);
        expect([...env.properties.document.store.keys()].filter((k) => k.startsWith(LEGACY_MARK_PREFIX))).toEqual([]);
        const between = sheet.snapshot();
        const again = new GasCellMarker(env.spreadsheet as never, props as never);
        env.calls.reset();
        again.migrateLegacy(() => true);
        expect(env.calls.all.filter((c) => c.service !== 'Properties' || c.method !== 'getProperties')).toEqual([]);
        expect(sheet.snapshot()).toEqual(between);
        marker.mark(TAB, newMarks);
        for (const m of newMarks) if (m.blocking) expect((sheet.format(m.row - 1, m.col - 1).background ?? '').toLowerCase()).toBe(MARK_BACKGROUND);
        new GasCellMarker(env.spreadsheet as never, props as never).clear(TAB);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            expect((sheet.format(r, c).background ?? '#ffffff').toLowerCase(), `${r + 1}:${c + 1}`).toBe(wanted[r][c]);
            expect(sheet.format(r, c).note ?? '').toBe('');
          }
        }
        expect(sheet.metadata).toEqual([]);
        expect(env.properties.document.bytes).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});

/** A workbook whose every tab has `lastRow` rows (what the guard reads to place an append). */
const rowsOf = (lastRow: number) => ({ sheetNames: () => ['Journal', 'Plans'], read: () => Array.from({ length: lastRow }, () => ['x']) });

describe('a protection over past Journal rows never blocks an append, one over the next row always does', () => {
  it('holds for any protected rows and any last row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 400 }), (first, span, lastRow) => {
        const blocker: RangeBlocker = { tab: 'Journal', a1: '', description: '', firstRow: first, lastRow: first + span, firstCol: 1, lastCol: 6 };
        const hit = blockersIn([blocker], [{ kind: 'append', tab: 'Journal' }], rowsOf(lastRow)).length > 0;
        expect(hit).toBe(first <= lastRow + 1 && lastRow + 1 <= first + span);
        // Elsewhere in the workbook, a Journal append is never blocked; a write anywhere in the tab always is.
        expect(blockersIn([{ ...blocker, tab: 'Plans' }], [{ kind: 'append', tab: 'Journal' }], rowsOf(lastRow))).toEqual([]);
        expect(blockersIn([blocker], [{ kind: 'tab', tab: 'Journal' }], rowsOf(lastRow))).toEqual([blocker]);
      }),
    );
  });
});

describe('a planned write is blocked exactly when a protected cell lies in one of its blocks', () => {
  const rect = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }), rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }) });
  it('holds for any protected range and any blocks', () => {
    fc.assert(
      fc.property(rect, fc.array(rect, { maxLength: 4 }), (p, blocks) => {
        const blocker: RangeBlocker = { tab: 'Plans', a1: '', description: '', firstRow: p.row, lastRow: p.row + p.rows - 1, firstCol: p.col, lastCol: p.col + p.cols - 1 };
        const planned = blocks.map((b) => ({ sheet: 'Plans', row: b.row - 1, col: b.col - 1, values: Array.from({ length: b.rows }, () => Array.from({ length: b.cols }, () => 'v')) }));
        const hit = blockersIn([blocker], [{ kind: 'planned', mayTouch: (t) => t === 'Plans', blocks: () => planned }], rowsOf(0)).length > 0;
        const protectedCell = (r: number, c: number) => r >= blocker.firstRow && r <= blocker.lastRow && c >= blocker.firstCol && c <= blocker.lastCol;
        const expected = blocks.some((b) => Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.cols }, (_, j) => protectedCell(b.row + i, b.col + j))).flat().some(Boolean));
        expect(hit).toBe(expected);
      }),
    );
  });
});
