/** The document lock and failures: a second run is refused in French; a failure leaves Actions as it was. */
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { WorkbookPort } from '../../src/app/ports';
import { TAB } from '../../src/domain/schema/tabs';
import type { Cell, Grid } from '../../src/domain/table/cell';
import { annotate, clock, installed, register, setPlans, setServiceTab, snapshot, TestLock, user } from './support';

const DEC = 'Service – Déchets';
const T = "Intitulé de l'action";

function workbook(): MemoryWorkbook {
  const wb = installed();
  register(wb, [{ service: 'Déchets', onglet: DEC, code: 'DEC' }]);
  setServiceTab(wb, DEC, [{ [T]: 'Compostage' }, { [T]: 'Ressourcerie' }]);
  return wb;
}

describe('document lock', () => {
  it('refuses a second run in French, and neither reads nor writes anything', () => {
    const wb = workbook();
    const lock = new TestLock();
    lock.busy = true;
    wb.resetCalls();
    const r = consolidate({ workbook: wb, lock, clock, user });
    expect(r.status).toBe('busy');
    expect(r.message).toMatch(/^Une consolidation est déjà en cours.*Rien n’a été modifié\.$/);
    expect(wb.calls).toEqual([]);
    expect(lock.releases).toBe(0);
  });

  it('holds the lock during every read and write, and releases it afterwards, even on failure', () => {
    const wb = workbook();
    setPlans(wb, [{ Type: 'PLPDMA', Intitulé: 'PLPDMA' }]);
    setServiceTab(wb, DEC, [{ [T]: 'Compostage', 'Plans de rattachement': 'PLPDMA' }]);
    const lock = new TestLock();
    const heldDuring: boolean[] = [];
    let failPlans = false;
    const port: WorkbookPort = {
      sheetNames: () => wb.sheetNames(),
      read: (s) => {
        heldDuring.push(lock.held);
        return wb.read(s);
      },
      write: (s, r, c, v) => {
        heldDuring.push(lock.held);
        if (failPlans && s === TAB.plans) throw new Error('quota dépassé');
        wb.write(s, r, c, v);
      },
      createSheet: (n, i) => wb.createSheet(n, i),
    };
    expect(consolidate({ workbook: port, lock, clock, user }).status).toBe('done');
    expect(heldDuring.length).toBeGreaterThan(5);
    expect(heldDuring.every(Boolean)).toBe(true);
    expect(lock.held).toBe(false);
    setServiceTab(wb, DEC, [{ [T]: 'Autre', 'Plans de rattachement': 'PLPDMA', 'Budget (€ HT)': 10 }]);
    failPlans = true;
    expect(() => consolidate({ workbook: port, lock, clock, user })).toThrow('quota dépassé');
    expect(lock.held).toBe(false);
    expect(lock.releases).toBe(2);
  });
});

describe('failures', () => {
  it('an exception while computing leaves every tab as it was (the Journal says so)', () => {
    const wb = workbook();
    consolidate({ workbook: wb, lock: new TestLock(), clock, user });
    annotate(wb, 'DEC-001', { Note: 'précieux' });
    // A cell whose reading throws: an unexpected bug in the middle of the computation.
    const poisoned = { toString() { throw new Error('cellule illisible'); } } as unknown as Cell;
    setServiceTab(wb, 'Service – Voirie', [{ [T]: 'Broyage' }, { [T]: poisoned }]);
    const before = snapshot(wb);
    expect(() => consolidate({ workbook: wb, lock: new TestLock(), clock, user })).toThrow('cellule illisible');
    for (const [name, grid] of before) {
      if (name === TAB.journal) continue;
      expect(wb.grid(name), name).toEqual(grid);
    }
    const journal = wb.grid(TAB.journal);
    expect(String(journal[journal.length - 1][3])).toMatch(/^Échec de la consolidation, rien n’a été modifié dans « Actions » : cellule illisible/);
  });

  it('Actions is one write: a failure of that write leaves it as it was', () => {
    const wb = workbook();
    consolidate({ workbook: wb, lock: new TestLock(), clock, user });
    annotate(wb, 'DEC-002', { Note: 'à garder' });
    setServiceTab(wb, DEC, [{ 'Réf.': 'DEC-002', [T]: 'Ressourcerie' }, { [T]: 'Nouvelle' }]);
    const actions: Grid = wb.grid(TAB.actions).map((r) => r.slice());
    let actionsWrites = 0;
    const port: WorkbookPort = {
      sheetNames: () => wb.sheetNames(),
      read: (s) => wb.read(s),
      write: (s, r, c, v) => {
        if (s === TAB.actions) {
          actionsWrites++;
          throw new Error('réseau coupé');
        }
        wb.write(s, r, c, v);
      },
      createSheet: (n, i) => wb.createSheet(n, i),
    };
    expect(() => consolidate({ workbook: port, lock: new TestLock(), clock, user })).toThrow('réseau coupé');
    expect(actionsWrites).toBe(1);
    expect(wb.grid(TAB.actions)).toEqual(actions);
    // The Réf. written before is kept and reused by the next run: nothing is lost, no number is given twice.
    consolidate({ workbook: wb, lock: new TestLock(), clock, user });
    const refs = wb.grid(DEC).slice(1).map((r) => r[0]);
    expect(refs).toEqual(['DEC-002', 'DEC-003']);
  });
});
