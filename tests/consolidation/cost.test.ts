/**
 * The cost contract on the in-memory workbook: one read per service tab and
 * per lookup tab, one write per written block, whatever the number of rows.
 */
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { validate } from '../../src/app/validate';
import { TAB } from '../../src/domain/schema/tabs';
import { annotate, installed, MemoryMarker, MemoryStore, ports, register, setAfom, setPlans, setServiceTab, clock, user } from './support';

const TABS = ['Service – Déchets', 'Service – Achats', 'Service – Voirie'];
const T = "Intitulé de l'action";

function workbook(n: number) {
  const wb = installed();
  register(wb, [{ service: 'Déchets', onglet: TABS[0], code: 'DEC' }]);
  setPlans(wb, [{ Type: 'PLPDMA', Intitulé: 'PLPDMA 2022-2027' }]);
  setAfom(wb, [{ Id: 'F1', Type: 'Faiblesse', Énoncé: 'x' }]);
  for (const tab of TABS) {
    setServiceTab(
      wb,
      tab,
      Array.from({ length: n }, (_, i) => ({ [T]: `${tab} ${i}`, 'Plans de rattachement': 'PLPDMA', 'Budget (€ HT)': '1 000', Filière: i === 0 ? 'Textille' : 'Textile' })),
    );
  }
  return wb;
}

const count = (calls: ReadonlyArray<{ op: string; sheet: string }>, op: string) => {
  const m: Record<string, number> = {};
  for (const c of calls) if (c.op === op) m[c.sheet] = (m[c.sheet] ?? 0) + 1;
  return m;
};

describe.each([1, 10, 1000])('cost with %i row(s) per service tab', (n) => {
  it('consolidation: one read per tab it needs, one write per block; a second run writes its Journal row only', () => {
    const wb = workbook(n);
    wb.resetCalls();
    const r = consolidate(ports(wb, { marker: new MemoryMarker(), store: new MemoryStore() }));
    expect(r.status).toBe('done');
    expect(count(wb.calls, 'read')).toEqual({ [TAB.journal]: 1, [TAB.parametres]: 1, [TAB.plans]: 1, [TAB.afom]: 1, [TAB.actions]: 1, ...Object.fromEntries(TABS.map((t) => [t, 1])) });
    expect(count(wb.calls, 'write')).toEqual({ [TAB.parametres]: 1, ...Object.fromEntries(TABS.map((t) => [t, 1])), [TAB.actions]: 1, [TAB.plans]: 1, [TAB.journal]: 1 });
    const actionsWrite = wb.calls.find((c) => c.op === 'write' && c.sheet === TAB.actions)!;
    expect(actionsWrite.rows).toBe(1 + 3 * n);

    annotate(wb, 'DEC-001', { 'Répond à': 'F1' });
    wb.resetCalls();
    consolidate(ports(wb));
    expect(count(wb.calls, 'write')).toEqual({ [TAB.afom]: 1, [TAB.journal]: 1 });
    wb.resetCalls();
    consolidate(ports(wb));
    expect(count(wb.calls, 'write')).toEqual({ [TAB.journal]: 1 });
    expect(Object.values(count(wb.calls, 'read')).every((c) => c === 1)).toBe(true);
  });

  it('validation: one read per tab, no write, one mark per tab with anomalies', () => {
    const wb = workbook(n);
    const marker = new MemoryMarker();
    wb.resetCalls();
    const r = validate({ workbook: wb, clock, user, marker, store: new MemoryStore() });
    expect(r.warnings).toBe(3);
    const reads = count(wb.calls, 'read');
    expect(Object.values(reads).every((c) => c === 1)).toBe(true);
    for (const t of [...TABS, TAB.parametres, TAB.plans, TAB.afom, TAB.actions, TAB.referentiel]) expect(reads[t], t).toBe(1);
    expect(count(wb.calls, 'write')).toEqual({});
    expect(marker.calls).toEqual(TABS.map((t) => ({ op: 'mark', sheet: t })));
  });
});
