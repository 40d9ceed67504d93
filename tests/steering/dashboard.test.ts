import { describe, expect, it } from 'vitest';
import { loadSample } from '../../src/app/load-sample';
import { readSampleFolder } from '../../src/node/sample';
import { refreshSteering } from '../../src/app/steer';
import { computeDashboard, MemoryDashboardRenderer, rebuildDashboard } from '../../src/app/dashboard';
import { buildDashboard } from '../../src/domain/dashboard/build';
import { layoutDashboard } from '../../src/domain/dashboard/layout';
import type { DashboardData } from '../../src/domain/dashboard/types';
import { scoreWorkbook } from '../../src/domain/referentiel/workbook-scores';
import { installed, readModel, rowsByHeader } from './helpers';

const clock = { now: () => new Date(2026, 10, 28, 16, 20) };

async function sampleWorkbook() {
  const wb = installed();
  const files = await readSampleFolder('sheets-templates/val-de-loue');
  const loaded = loadSample(files, wb);
  wb.resetCalls();
  return { wb, loaded };
}

/** Every leaf of a JSON value, with its path. */
function leaves(v: unknown, path = '$', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) leaves(x, `${path}.${k}`, out);
  else out.push([path, v]);
  return out;
}

function assertPlainJson(d: DashboardData) {
  const bad = leaves(d).filter(([, v]) => v === undefined || (typeof v === 'number' && !Number.isFinite(v)) || v instanceof Date || typeof v === 'function');
  expect(bad).toEqual([]);
  expect(JSON.parse(JSON.stringify(d))).toEqual(d);
}

describe('dashboard of the sample territory', () => {
  it('is plain JSON: no undefined, no NaN, no Date', async () => {
    const { wb } = await sampleWorkbook();
    const { model } = readModel(wb);
    const d = buildDashboard(model, scoreWorkbook(model).result, clock.now());
    assertPlainJson(d);
    expect(d.collectivite.nom).toBe("Communauté d'agglomération du Val de Loue");
    expect(d.calculeLeLibelle).toBe('28/11/2026');
    expect(d.scores.axes).toHaveLength(5);
    expect(d.acteurs.total).toBeGreaterThan(20);
    expect(d.acteurs.parPriorite.map((c) => c.libelle).slice(0, 3)).toEqual(["À contacter d'urgence", 'Lien à entretenir', 'Rester en veille']);
    expect(d.acteurs.parPriorite.reduce((s, c) => s + c.nombre, 0)).toBe(d.acteurs.total);
    expect(d.feuilleDeRoute.parEtape.length).toBe(7);
    expect(d.audit.checklist).toHaveLength(7);
    expect(d.budgets.parPlan.length).toBeGreaterThanOrEqual(6);
    expect(d.preuves.attendues).toBeGreaterThan(100);
  });

  it('is plain JSON on an empty installed workbook too', () => {
    const wb = installed();
    const { model } = readModel(wb);
    const d = buildDashboard(model, scoreWorkbook(model).result, clock.now());
    assertPlainJson(d);
    expect(d.etoiles.actuelle).toBe(0);
    expect(d.etoiles.prochaine).toMatchObject({ etoile: 1 });
    // only the lines made non concernées by the default answers count as renseignées
    expect(d.completude.ratio).toBeLessThan(0.1);
    expect(d.audit.checklist.find((c) => c.id === 'completude')!.etat).toBe('À faire');
  });

  it('gives the gap to the next star with the margin of Paramètres', async () => {
    const { wb } = await sampleWorkbook();
    const { model } = readModel(wb);
    const scores = scoreWorkbook(model).result;
    const d = buildDashboard(model, scores, clock.now());
    const p = d.etoiles.prochaine;
    if (p && p.seuil > 0) {
      expect(p.seuilAvecMarge).toBe(p.seuil + model.seuils.margePoints);
      expect(p.ecartPourcentage).toBeCloseTo(Math.max(0, p.seuilAvecMarge - d.etoiles.scoreRealise), 0);
    }
    expect(d.etoiles.actuelle).toBe(scores.etoiles.actuelle);
    expect(d.etoiles.atteignable).toBe(scores.etoiles.potentielle);
  });
});

describe('dashboard tab layout', () => {
  it('lays the figures out as values with sections, colours, charts and data bars', async () => {
    const { wb } = await sampleWorkbook();
    const { model } = readModel(wb);
    const d = buildDashboard(model, scoreWorkbook(model).result, clock.now());
    const l = layoutDashboard(d);
    const flat = l.grid.flat();
    expect(flat.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(flat).toContain('Scores par axe');
    expect(flat).toContain('Feuille de route');
    expect(l.grid.every((r) => r.length === l.grid[0].length)).toBe(true);
    const scoreHeader = l.grid.findIndex((r) => r[0] === 'Axe');
    expect(l.grid[scoreHeader + 1][5]).toBeCloseTo(d.scores.axes[0].pourcentageRealise / 100, 3);
    // a colour per score band on % réalisé
    const band = l.styles.find((s) => s.row === scoreHeader + 1 && s.col === 5 && s.background);
    expect(band?.background).toBe(d.scores.axes[0].couleur.fond);
    expect(l.charts.length).toBeGreaterThanOrEqual(5);
    expect(l.charts[0]).toMatchObject({ type: 'bar', title: expect.stringContaining('axe'), series: [5, 6] });
    for (const c of l.charts) {
      expect(c.range.row + c.range.rows).toBeLessThanOrEqual(l.grid.length);
      expect(c.range.col + c.range.cols).toBeLessThanOrEqual(l.grid[0].length);
    }
    expect(l.dataBars.length).toBeGreaterThan(3);
  });
});

describe('use cases: refresh steering and dashboard', () => {
  it('reads each tab once, writes each computed block once, logs one Journal row', async () => {
    const { wb } = await sampleWorkbook();
    const renderer = new MemoryDashboardRenderer();
    const r = refreshSteering({ workbook: wb, clock, renderer });
    const reads = wb.calls.filter((c) => c.op === 'read').map((c) => c.sheet);
    expect(new Set(reads).size).toBe(reads.length);
    for (const tab of ['Acteurs', 'Jalons', 'Engagements', 'Indicateurs', 'Tableau de bord', 'Journal']) expect(wb.count('write', tab), tab).toBe(1);
    // Audit: checklist and calendar are two blocks of the same tab
    expect(wb.count('write', 'Audit')).toBe(2);
    expect(renderer.layouts.get('Tableau de bord')).toBeDefined();
    const acteurs = rowsByHeader(wb, 'Acteurs', 'acteurs');
    expect(acteurs.every((a) => a['Priorité'] !== null)).toBe(true);
    const ressourcerie = acteurs.find((a) => a.Nom === 'Ressourcerie La Loue Solidaire')!;
    expect(ressourcerie).toMatchObject({ Priorité: 'Lien à entretenir', 'Potentiel de mobilisation': 16 });
    const checklist = rowsByHeader(wb, 'Audit', 'checklist');
    expect(checklist.every((c) => ['Prêt', 'À surveiller', 'À faire'].includes(String(c['État'])))).toBe(true);
    const journal = rowsByHeader(wb, 'Journal', 'journal');
    expect(journal.at(-1)).toMatchObject({ Commande: 'Actualiser le pilotage' });
    expect(r.summary).toContain('score réalisé');
  });

  it('never downgrades a Statut typed by the user in the feuille de route', async () => {
    const { wb } = await sampleWorkbook();
    const before = rowsByHeader(wb, 'Accueil', 'feuilleDeRoute');
    refreshSteering({ workbook: wb, clock });
    const after = rowsByHeader(wb, 'Accueil', 'feuilleDeRoute');
    expect(after).toHaveLength(before.length);
    before.forEach((b, i) => {
      if (b.Statut === 'Fait' || b.Statut === 'En cours') expect(after[i].Statut).toBe(b.Statut);
      else expect([b.Statut, 'Fait']).toContain(after[i].Statut);
      expect(after[i].Pratique).toBe(b.Pratique);
      expect(after[i].Commentaire).toEqual(b.Commentaire);
    });
  });

  it('is stable: a second run writes the same values', async () => {
    const { wb } = await sampleWorkbook();
    refreshSteering({ workbook: wb, clock });
    const snap = new Map(wb.sheetNames().filter((n) => n !== 'Journal').map((n) => [n, JSON.stringify(wb.grid(n))]));
    refreshSteering({ workbook: wb, clock });
    for (const [n, g] of snap) expect(JSON.stringify(wb.grid(n)), n).toBe(g);
  });

  it('rebuilds the Tableau de bord tab (created when missing) and serves the same data object', async () => {
    const { wb } = await sampleWorkbook();
    wb.deleteSheet('Tableau de bord');
    const data = rebuildDashboard({ workbook: wb, clock });
    expect(wb.sheetNames().indexOf('Tableau de bord')).toBe(wb.sheetNames().indexOf('Journal') - 1);
    expect(String(wb.grid('Tableau de bord')[0][0])).toContain('Val de Loue');
    expect(computeDashboard({ workbook: wb, clock })).toEqual(data);
  });
});

describe('dashboard in .xlsx: values and data bars', () => {
  it('writes figures as values and adds exceljs data bars and links', async () => {
    const { toExcel } = await import('../../src/files/xlsx');
    const { applyDashboardLayouts } = await import('../../src/files/xlsx/dashboard-bars');
    const ExcelJS = (await import('exceljs')).default;
    const { wb } = await sampleWorkbook();
    const renderer = new MemoryDashboardRenderer();
    const r = refreshSteering({ workbook: wb, clock, renderer });
    const excel = toExcel(wb);
    applyDashboardLayouts(excel, renderer.layouts);
    const buf = await excel.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf as ArrayBuffer);
    const ws = back.getWorksheet('Tableau de bord')!;
    const layout = renderer.layouts.get('Tableau de bord')!;
    const header = layout.grid.findIndex((row) => row[0] === 'Axe');
    const v = ws.getCell(header + 2, 6).value;
    expect(typeof v).toBe('number');
    expect(v as number).toBeCloseTo(r.dashboard.scores.axes[0].pourcentageRealise / 100, 3);
    expect(ws.getCell(header + 2, 6).numFmt).toBe('0.0%');
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings;
    expect(cf.filter((c) => c.rules.some((x) => x.type === 'dataBar')).length).toBe(layout.dataBars.length);
    if (layout.links.length) {
      const l = layout.links[0];
      expect(ws.getCell(l.row + 1, l.col + 1).value).toMatchObject({ hyperlink: expect.stringContaining(`!A${l.targetRow}`) });
    }
  });
});

describe('dashboard: budgets by plan', () => {
  it('counts each action in every plan it is attached to and shows plans absent from Plans', async () => {
    const { model: withData } = readModel(installed());
    const plans = [
      { rowNumber: 2, type: 'PLPDMA' as const, intitule: 'PLPDMA 2022-2027', statut: 'En vigueur' as const, debut: null, fin: null, servicePorteur: null, eluReferent: null, niveauEc: 3 as const },
      { rowNumber: 3, type: 'PCAET' as const, intitule: 'PCAET', statut: null, debut: null, fin: null, servicePorteur: null, eluReferent: null, niveauEc: null },
    ];
    const base = { rowNumber: 2, service: 'Déchets', ref: 'DEC-001', intitule: 'a', description: null, pilier: null, mesure: null, filiere: null, temporalite: null, debut: null, fin: null, pilote: null, partenaires: null, sourceBudget: null, indicateur: null, commentaire: null, origine: null, anomalies: null, actionPhare: false, retenueAuPlan: false, repondA: [], priorite: null, note: null };
    const actions = [
      { ...base, plans: ['PLPDMA', 'PCAET'], budget: 1000 },
      { ...base, ref: 'DEC-002', plans: ['plpdma 2022-2027'], budget: 500 },
      { ...base, ref: 'DEC-003', plans: ['TZDZG'], budget: 200 },
    ];
    const d = buildDashboard({ ...withData, plans, actions }, scoreWorkbook(withData).result, clock.now());
    expect(d.budgets.parPlan.map((p) => [p.plan, p.nbActions, p.budget, p.niveauEcLibelle, p.absentDePlans])).toEqual([
      ['PLPDMA 2022-2027', 2, 1500, '3 – Fort', false],
      ['PCAET', 1, 1000, 'Non renseigné', false],
      ['TZDZG', 1, 200, 'Non renseigné', true],
    ]);
    expect(d.budgets.parPlan[0].couleur).toEqual({ fond: '#B7E1CD', texte: '#0B5D1E' });
    expect(d.actions.budgetTotal).toBe(1700);
  });
});

describe('refresh steering: the user\'s unreadable Statut', () => {
  it('is kept as typed, never replaced by Fait', async () => {
    const { wb } = await sampleWorkbook();
    const g = wb.grid('Accueil').map((r) => r.slice());
    const { locateTable } = await import('../../src/domain/table/locate');
    const { tableSection } = await import('../../src/domain/schema/tabs');
    const l = locateTable(g, tableSection('Accueil', 'feuilleDeRoute'))!;
    const pr = l.columns.get('pratique')!;
    const st = l.columns.get('statut')!;
    const r = g.findIndex((row) => String(row[pr] ?? '').startsWith('Mobiliser un élu'));
    g[r][st] = 'ok pour moi';
    wb.setGrid('Accueil', g);
    refreshSteering({ workbook: wb, clock });
    expect(wb.grid('Accueil')[r][st]).toBe('ok pour moi');
    expect(String(wb.grid('Accueil')[r][l.columns.get('detecte')!])).toMatch(/^Détecté : /);
  });
});
