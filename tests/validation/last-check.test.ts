/** The last check as the sidebar reads it, the cell marks, and the use case that publishes them. */
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/app/validate';
import { anomaly, type Anomaly } from '../../src/domain/anomaly';
import { a1Of, buildLastCheck, cellMarks, parseA1, parseLastCheck, splitChunks, utf8Length } from '../../src/domain/validation/last-check';
import { clock, installed, MemoryMarker, MemoryStore, register, setServiceTab, user } from '../consolidation/support';

const DEC = 'Service – Déchets';
const T = "Intitulé de l'action";
const a = (over: Partial<Anomaly>): Anomaly =>
  anomaly({ onglet: DEC, ligne: 2, colonne: 'Filière', cellule: 'G2', message: 'Filière inconnue.', bloquante: false, code: 'filiere-inconnue', ...over });

describe('lastCheck JSON', () => {
  it('groups anomalies by tab, with counts and sheet-qualified A1 references, as plain JSON', () => {
    const list = [
      a({}),
      a({ ligne: 3, cellule: 'J3', colonne: 'Date de fin', message: 'Date impossible.', bloquante: true, code: 'date-invalide' }),
      a({ onglet: "Plan d'actions", ligne: null, colonne: null, cellule: null, message: 'En-tête introuvable.', bloquante: true, code: 'entete-introuvable' }),
    ];
    const check = buildLastCheck(list, { date: new Date(Date.UTC(2026, 0, 15, 9, 30)), commande: 'verifier', utilisateur: 'a@b.fr', marques: [DEC] });
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);
    expect(check).toMatchObject({ version: 1, date: '2026-01-15T09:30:00.000Z', commande: 'verifier', utilisateur: 'a@b.fr', total: 3, bloquantes: 2, avertissements: 1, tronque: false, marques: [DEC] });
    expect(check.groupes.map((g) => [g.onglet, g.bloquantes, g.avertissements, g.anomalies.length])).toEqual([
      [DEC, 1, 1, 2],
      ["Plan d'actions", 1, 0, 1],
    ]);
    expect(check.groupes[0].anomalies[1]).toEqual({ onglet: DEC, ligne: 3, colonne: 'Date de fin', cellule: 'J3', message: 'Date impossible.', bloquante: true, code: 'date-invalide', a1: `'${DEC}'!J3` });
    expect(check.groupes[1].anomalies[0].a1).toBeNull();
    expect(a1Of("Plan d'actions", 'B2')).toBe("'Plan d''actions'!B2");
    expect(parseLastCheck(JSON.stringify(check))).toEqual(check);
    expect(parseLastCheck('{"version":0}')).toBeNull();
    expect(parseLastCheck('pas du json')).toBeNull();
  });

  it('keeps the blocking anomalies first when it must cut the list to fit the store, and says so', () => {
    const list = Array.from({ length: 3000 }, (_, i) => a({ ligne: i + 2, cellule: `G${i + 2}`, bloquante: i % 100 === 0, message: `Message assez long numéro ${i} pour remplir le stockage.` }));
    const check = buildLastCheck(list, { date: new Date(0), commande: 'verifier', utilisateur: '', marques: [] }, 50_000);
    expect(utf8Length(JSON.stringify(check))).toBeLessThanOrEqual(50_000);
    expect(check.tronque).toBe(true);
    expect(check.total).toBe(3000);
    expect(check.bloquantes).toBe(30);
    const kept = check.groupes.flatMap((g) => g.anomalies);
    expect(kept.filter((x) => x.bloquante)).toHaveLength(30);
    expect(kept.length).toBeLessThan(3000);
    expect(check.messageTroncature).toMatch(/^Liste tronquée : \d+ anomalies gardées sur 3\u202f000/);
  });

  it('marks one note per cell (messages joined), blocking when one of them is', () => {
    const marks = cellMarks([a({}), a({ message: 'Autre remarque.', bloquante: true }), a({ cellule: null, ligne: null }), a({ onglet: 'Plans', cellule: 'AB12' })]);
    expect(marks.get(DEC)).toEqual([{ row: 2, col: 7, note: 'Filière inconnue.\nAutre remarque.', blocking: true }]);
    expect(marks.get('Plans')).toEqual([{ row: 12, col: 28, note: 'Filière inconnue.', blocking: false }]);
    expect(parseA1('$C$7')).toEqual({ row: 7, col: 3 });
    expect(parseA1('7C')).toBeNull();
  });

  it('cuts a string into chunks of at most N UTF-8 bytes, never inside a character', () => {
    const s = 'é♻️🚲a'.repeat(2000);
    const chunks = splitChunks(s, 1000);
    expect(chunks.join('')).toBe(s);
    for (const c of chunks) {
      expect(utf8Length(c)).toBeLessThanOrEqual(1000);
      expect(Buffer.byteLength(c, 'utf8')).toBe(utf8Length(c));
      expect(/^[\udc00-\udfff]/.test(c)).toBe(false);
    }
    expect(splitChunks('', 10)).toEqual(['']);
  });
});

describe('Vérifier les saisies (use case)', () => {
  function workbook() {
    const wb = installed();
    register(wb, [{ service: 'Déchets', onglet: DEC, code: 'DEC' }]);
    setServiceTab(wb, DEC, [{ [T]: 'Compostage', 'Date de fin': '31/02/2026' }, { Pilote: 'sans titre' }]);
    setServiceTab(wb, 'Service – Voirie', [{ [T]: 'Broyage', Filière: 'Textille' }]);
    return wb;
  }

  it('marks each tab with anomalies once, stores the check, and clears the tabs fixed since', () => {
    const wb = workbook();
    const marker = new MemoryMarker();
    const store = new MemoryStore();
    const first = validate({ workbook: wb, clock, user, marker, store });
    expect(first.blocking).toBe(2);
    expect(first.message).toMatch(/^2 anomalies bloquantes et 1 avertissement dans 2 onglets\./);
    expect(marker.calls).toEqual([
      { op: 'mark', sheet: DEC },
      { op: 'mark', sheet: 'Service – Voirie' },
    ]);
    expect(marker.marks.get(DEC)!.map((m) => [m.row, m.col, m.blocking])).toEqual([
      [2, 10, true],
      [3, 2, true],
    ]);
    expect(store.value).toMatchObject({ commande: 'verifier', utilisateur: user.email(), total: 3, marques: [DEC, 'Service – Voirie'] });

    setServiceTab(wb, 'Service – Voirie', [{ [T]: 'Broyage', Filière: 'Textile' }]);
    marker.calls.length = 0;
    validate({ workbook: wb, clock, user, marker, store });
    expect(marker.calls).toEqual([
      { op: 'mark', sheet: DEC },
      { op: 'clear', sheet: 'Service – Voirie' },
    ]);
    expect(store.value!.marques).toEqual([DEC]);
  });

  it('without a marker (offline), keeps the previous marks listed so a later check clears them', () => {
    const wb = workbook();
    const store = new MemoryStore();
    validate({ workbook: wb, clock, user, marker: new MemoryMarker(), store });
    validate({ workbook: wb, clock, user, store });
    expect(store.value!.marques).toEqual([DEC, 'Service – Voirie']);
  });

  it('reports the other tabs too, and only the lead’s columns of Actions', () => {
    const wb = workbook();
    const h = wb.grid('Actions')[0].map(String);
    wb.setGrid('Actions', [h, h.map((x) => ({ 'Réf.': 'DEC-001', [T]: 'Compostage', 'Date de fin': '31/02/2026', 'Action phare': 'peut-être' } as Record<string, string>)[x] ?? null)]);
    const r = validate({ workbook: wb, clock, user });
    const actions = r.anomalies.filter((x) => x.onglet === 'Actions');
    expect(actions.map((x) => [x.colonne, x.code])).toEqual([['Action phare', 'oui-non']]);
    expect(r.anomalies.map((x) => x.onglet)).toEqual(['Actions', DEC, DEC, 'Service – Voirie']);
  });
});
