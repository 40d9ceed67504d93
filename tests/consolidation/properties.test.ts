/**
 * Property tests of consolidation over random workbooks (seeded PRNG, so a
 * failure names its seed and replays): no non-empty row lost or duplicated,
 * idempotence, annotations following their Réf. through reorders, inserts and
 * deletions, removed actions' annotations kept in the orphans area.
 */
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateResult } from '../../src/app/consolidate';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { TAB } from '../../src/domain/schema/tabs';
import { ORPHANS_TITLE } from '../../src/domain/messages/consolidation';
import type { Cell, Grid } from '../../src/domain/table/cell';
import { actionsView, installed, ports, register, SERVICE_HEADERS, setPlans } from './support';
import { prng } from '../../src/app/reseau-synthetique';


type Rand = ReturnType<typeof prng>;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

const T = "Intitulé de l'action";
const TABS = ['Service – Déchets', 'Service – Achats', 'Service - Voirie', 'Service – Développement éco'];
const BLANKS: readonly Cell[] = [null, '', '   ', '\u00a0', '\u200b'];
const ODD: readonly Cell[] = ['=SOMME(A1)', '+33 6 00', '-', '@x', '#REF!', '31/02/2024', '12,500.50', '♻️🚲', '<b>x</b>', 'é'.repeat(300)];

let counter = 0;
/** A unique title, sometimes decorated with odd content. */
function title(r: Rand): string {
  counter++;
  return r() < 0.2 ? `${pick(r, ['=', '+', '-', '@', '♻️ ', ''])}Action ${counter}` : `Action ${counter}`;
}

function randomRow(r: Rand): Record<string, Cell> {
  const row: Record<string, Cell> = { [T]: title(r) };
  if (r() < 0.5) row['Budget (€ HT)'] = pick(r, [1000, '12 500', '12,500.50', '-20', null]);
  if (r() < 0.4) row['Date de début'] = pick(r, ['03/04/2025', '31/02/2024', new Date(Date.UTC(2025, 0, 1)), 'bientôt']);
  if (r() < 0.4) row['Plans de rattachement'] = pick(r, ['PLPDMA', 'PLPDMA, CODEC', 'inconnu', 'codec; plpdma']);
  if (r() < 0.3) row.Commentaire = pick(r, ODD);
  if (r() < 0.2) row.Filière = pick(r, ['Textile', 'textille', 'BTP']);
  return row;
}

function blankRow(r: Rand): Record<string, Cell> {
  return { Description: pick(r, BLANKS), Pilote: pick(r, BLANKS), Commentaire: pick(r, BLANKS) };
}

type Rows = Array<Record<string, Cell>>;

function toGrid(rows: Rows): Grid {
  return [SERVICE_HEADERS.slice(), ...rows.map((row) => SERVICE_HEADERS.map((h) => (h in row ? row[h] : null)))];
}

/** Rows of a service tab as they are now (Réf.s assigned included). */
function readRows(wb: MemoryWorkbook, tab: string): Rows {
  const [header, ...lines] = wb.grid(tab);
  return lines.map((l) => Object.fromEntries(header.map((h, i) => [String(h), l[i] ?? null])));
}

const isBlank = (v: Cell) => v === null || (typeof v === 'string' && v.replace(/[\s\u200b]/g, '') === '');
const nonEmpty = (row: Record<string, Cell>) => Object.entries(row).some(([k, v]) => k !== 'Réf.' && !isBlank(v));

function done(r: ConsolidateResult) {
  if (r.status !== 'done') throw new Error(r.message);
  return r;
}

function randomWorkbook(r: Rand): { wb: MemoryWorkbook; tabs: string[] } {
  const wb = installed();
  const tabs = TABS.slice(0, int(r, 1, TABS.length));
  register(wb, [{ service: 'Déchets', onglet: TABS[0], code: 'DEC', dernier: int(r, 0, 5) }]);
  setPlans(wb, [{ Type: 'PLPDMA', Intitulé: 'PLPDMA 2022' }, { Type: 'CODEC', Intitulé: 'CODEC 2023' }]);
  for (const tab of tabs) {
    const rows: Rows = [];
    const n = int(r, 0, 12);
    for (let i = 0; i < n; i++) rows.push(r() < 0.15 ? blankRow(r) : randomRow(r));
    wb.setGrid(tab, toGrid(rows));
  }
  return { wb, tabs };
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

describe('consolidation properties', () => {
  it('loses and duplicates no non-empty row', () => {
    for (const seed of SEEDS) {
      const r = prng(seed);
      const { wb, tabs } = randomWorkbook(r);
      const expected: string[] = [];
      for (const tab of tabs) {
        readRows(wb, tab).forEach((row, i) => {
          if (nonEmpty(row)) expected.push(`${tab}, ligne ${i + 2} :: ${String(row[T])}`);
        });
      }
      done(consolidate(ports(wb)));
      const got = actionsView(wb).rows.map((a) => `${a.Origine} :: ${String(a[T])}`);
      expect(got, `seed ${seed}`).toEqual(expected);
      const refs = actionsView(wb).rows.map((a) => a['Réf.']);
      expect(new Set(refs).size, `seed ${seed}`).toBe(refs.length);
    }
  });

  it('is idempotent: a second run gives the same Actions, service tabs and registry', () => {
    for (const seed of SEEDS) {
      const r = prng(seed);
      const { wb } = randomWorkbook(r);
      done(consolidate(ports(wb)));
      const before = new Map(wb.sheetNames().filter((n) => n !== TAB.journal).map((n) => [n, JSON.stringify(wb.grid(n))]));
      done(consolidate(ports(wb)));
      for (const [name, grid] of before) expect(JSON.stringify(wb.grid(name)), `seed ${seed}, ${name}`).toBe(grid);
    }
  });

  it('keeps annotations with their Réf. through reorders, inserts and deletions; removed ones go to the orphans area', () => {
    for (const seed of SEEDS) {
      const r = prng(seed);
      const { wb, tabs } = randomWorkbook(r);
      done(consolidate(ports(wb)));
      const annotations = new Map<string, string>();
      const everGiven = new Set(actionsView(wb).rows.map((a) => String(a['Réf.'])));
      for (let round = 0; round < 3; round++) {
        // The lead annotates some actions.
        const grid = wb.grid(TAB.actions);
        const refCol = grid[0].indexOf('Réf.');
        const noteCol = grid[0].indexOf('Note');
        const phareCol = grid[0].indexOf('Action phare');
        const end = grid.findIndex((l) => l[0] === ORPHANS_TITLE);
        for (const line of grid.slice(1, end < 0 ? grid.length : end)) {
          const ref = line[refCol];
          if (typeof ref !== 'string' || ref === '' || annotations.has(ref) || r() < 0.5) continue;
          const note = `note ${seed}/${round} ${ref}`;
          line[noteCol] = note;
          line[phareCol] = 'Oui';
          annotations.set(ref, note);
        }
        // Services reorder, insert and delete rows.
        const removed = new Set<string>();
        for (const tab of tabs) {
          let rows = readRows(wb, tab);
          rows = rows.filter((row) => {
            if (r() < 0.2 && typeof row['Réf.'] === 'string' && row['Réf.'] !== '') {
              removed.add(row['Réf.']);
              return false;
            }
            return true;
          });
          for (let i = rows.length - 1; i > 0; i--) {
            const j = Math.floor(r() * (i + 1));
            [rows[i], rows[j]] = [rows[j], rows[i]];
          }
          const inserts = int(r, 0, 3);
          for (let i = 0; i < inserts; i++) rows.splice(int(r, 0, rows.length), 0, randomRow(r));
          wb.setGrid(tab, toGrid(rows));
        }
        done(consolidate(ports(wb)));
        const view = actionsView(wb);
        for (const a of view.rows) {
          const ref = String(a['Réf.']);
          if (annotations.has(ref)) {
            expect(a.Note, `seed ${seed} round ${round} ${ref}`).toBe(annotations.get(ref));
            expect(a['Action phare']).toBe('Oui');
          } else {
            expect(a.Note, `seed ${seed} round ${round} ${ref}`).toBeNull();
          }
        }
        // New rows got numbers never given before.
        for (const a of view.rows) {
          const ref = String(a['Réf.']);
          if (!everGiven.has(ref)) everGiven.add(ref);
        }
        const orphanNotes = new Map(view.orphans.map((o) => [String(o['Réf.']), o.Note]));
        for (const ref of removed) {
          if (annotations.has(ref)) expect(orphanNotes.get(ref), `seed ${seed} round ${round} orphan ${ref}`).toBe(annotations.get(ref));
          else expect(orphanNotes.has(ref)).toBe(false);
        }
        // Every annotation is somewhere: on its action or in the orphans area.
        const placed = new Set([...view.rows.map((a) => String(a['Réf.'])), ...orphanNotes.keys()]);
        for (const ref of annotations.keys()) expect(placed.has(ref), `seed ${seed} round ${round} lost ${ref}`).toBe(true);
      }
    }
  });

  it('never gives a number twice for a code, even after deletions', () => {
    for (const seed of SEEDS.slice(0, 15)) {
      const r = prng(seed);
      const { wb, tabs } = randomWorkbook(r);
      const given = new Set<string>();
      for (let round = 0; round < 4; round++) {
        const res = done(consolidate(ports(wb)));
        for (const n of res.plan.newRefs) {
          expect(given.has(n.ref), `seed ${seed} round ${round} ${n.ref} reused`).toBe(false);
          given.add(n.ref);
        }
        for (const tab of tabs) {
          const rows = readRows(wb, tab).filter(() => r() > 0.3);
          rows.push(randomRow(r));
          wb.setGrid(tab, toGrid(rows));
        }
      }
    }
  });
});
