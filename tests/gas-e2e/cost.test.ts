/**
 * The cost contract, end to end: the same workbook driven through the built bundle,
 * once as the sample territory and once with one service tab grown to 1,000 rows.
 * A command's calls (how many getValues, setValues, notes, backgrounds… on which
 * tab) must not depend on how many rows the services typed: Apps Script bills per
 * call, and a 1,000-row tab must not cost 1,000 calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleFile } from '../../src/app/load-sample';
import { formatNumberFr } from '../../src/domain/format';
import { TAB } from '../../src/domain/schema/tabs';
import type { Cell } from '../../src/domain/table/cell';
import { buildBundle, col, Lead, readSample, readsPerTab, serviceRows, summary, table, type Built, type Click } from './support';

const BIG_TAB = 'Service – Déchets';
const BIG_ROWS = 1000;

let built: Built;
let sample: SampleFile[];

beforeAll(async () => {
  built = buildBundle();
  sample = await readSample();
});

afterAll(() => built?.cleanup());

interface Variant {
  /** Grow the Déchets tab to that many actions. */
  readonly rows?: number;
  /** Milestones past their date added to `Jalons` (each one a line, with its link, on the dashboard). */
  readonly lateMilestones?: number;
}

/** Open, install, add the two services through the menu, fill the tabs (the sample, grown as asked). */
function prepared({ rows, lateMilestones = 0 }: Variant = {}): Lead {
  const lead = new Lead(built);
  lead.run('onOpen', { authMode: 'FULL' });
  lead.run('runInstall');
  lead.env.ui.queuePrompt('Déchets').queuePrompt('sandrine.pourcelot@agglo-valdeloue.fr, julien.vermot@agglo-valdeloue.fr');
  lead.run('runAddService');
  lead.env.ui.queuePrompt('Développement éco').queuePrompt('thomas.jeunet@agglo-valdeloue.fr');
  lead.run('runAddService');
  lead.loadSample(lateMilestones > 0 ? withLateMilestones(sample, lateMilestones) : sample);
  if (rows !== undefined) grow(lead, BIG_TAB, rows);
  return lead;
}

function withLateMilestones(files: readonly SampleFile[], n: number): SampleFile[] {
  return files.map((f) => {
    const c = f.content as { tab?: string; rows?: Array<Record<string, unknown>> };
    if (c.tab !== TAB.jalons || !c.rows) return f;
    const late = Array.from({ length: n }, (_, i) => ({ ...c.rows![0], Jalon: `Jalon en retard n° ${i + 1}`, Échéance: '2025-01-15', Statut: 'À faire' }));
    return { file: f.file, content: { ...c, rows: [...c.rows, ...late] } };
  });
}

/**
 * Adds copies of the tab's first action (new Réf., distinct titles, so no new
 * anomaly) until the tab holds `rows` actions.
 */
function grow(lead: Lead, tab: string, rows: number): void {
  lead.quietly(() => {
    const wb = lead.workbook();
    const grid = wb.read(tab);
    const header = grid[0].map((h) => String(h));
    const template = grid[1];
    const existing = serviceRows(lead.values(tab)).length;
    const extra: Cell[][] = [];
    for (let i = existing; i < rows; i++) {
      const line = [...template];
      line[col(header, 'Réf.')] = `DEC-${5000 + i}`;
      line[col(header, "Intitulé de l'action")] = `${String(template[col(header, "Intitulé de l'action")])} – lot ${i}`;
      extra.push(line);
    }
    wb.write(tab, grid.length, 0, extra);
  });
  expect(serviceRows(lead.values(tab))).toHaveLength(rows);
}

/** Calls that follow the grid's size by nature: growing a tab before writing beyond its 1,000 rows. */
const SIZE_ONLY = ['insertRowsAfter'];

function expectSameCalls(small: Click, big: Click): void {
  expect(small.errors).toEqual([]);
  expect(big.errors).toEqual([]);
  expect(summary(big.calls, SIZE_ONLY), big.fn).toEqual(summary(small.calls, SIZE_ONLY));
  for (const [tab, n] of readsPerTab(big.calls)) expect(n, `getValues ${tab}`).toBeLessThanOrEqual(1);
}

describe('cost does not grow with the data', () => {
  let small: Lead;
  let big: Lead;

  beforeAll(() => {
    small = prepared();
    big = prepared({ rows: BIG_ROWS });
  });

  it(`Consolider: the same calls with ${BIG_ROWS} rows in ${BIG_TAB} as with the sample`, () => {
    const a = small.run('runConsolidate');
    const b = big.run('runConsolidate');
    expectSameCalls(a, b);
    const rows = (lead: Lead) => table(lead.values(TAB.actions), 'Réf.').rows.length;
    const servicesTotal = (lead: Lead) => lead.serviceTabs().reduce((n, t) => n + serviceRows(lead.values(t)).length, 0);
    expect(rows(small)).toBe(servicesTotal(small));
    expect(rows(big)).toBe(servicesTotal(big));
    expect(rows(big) - rows(small)).toBe(BIG_ROWS - serviceRows(small.values(BIG_TAB)).length);
    // Each tab read once, each block written once.
    for (const [tab, n] of Object.entries(summary(b.calls))) if (/^Range\.setValues@/.test(tab)) expect(n, tab).toBe(1);
    // The fake reads no-break spaces as plain ones (the number's narrow no-break space included).
    expect(b.alerts[0].message).toContain(`${formatNumberFr(rows(big)).replace(/[\u00a0\u202f]/g, ' ')} actions consolidées`);
  });

  it('Vérifier: the same calls at both sizes, no value written', () => {
    const a = small.run('runValidate');
    const b = big.run('runValidate');
    expectSameCalls(a, b);
    expect(b.calls.filter((c) => c.method === 'setValues')).toEqual([]);
  });

  it('Calculer les scores, Tableau de bord, Générer, Installer again: the same calls at both sizes', () => {
    for (const fn of ['runCalculerScores', 'runTableauDeBord', 'runExportTet', 'runGenererCopil', 'runGenererAfom', 'runGenererAudit', 'runInstall']) {
      if (typeof small.ctx[fn] !== 'function') continue;
      // The COPIL deck asks for its meeting: the same date at both sizes.
      if (fn === 'runGenererCopil') for (const lead of [small, big]) lead.env.ui.queuePrompt('15/12/2026');
      expectSameCalls(small.run(fn), big.run(fn));
    }
  });
});

describe('Tableau de bord: the cost does not grow with the overdue items it lists', () => {
  it('300 more overdue milestones: the same calls, but for the rich-text builders (no round trip)', () => {
    const small = prepared();
    const big = prepared({ lateMilestones: 300 });
    for (const lead of [small, big]) lead.run('runConsolidate');
    const a = small.run('runTableauDeBord');
    const b = big.run('runTableauDeBord');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(summary(b.calls, [...SIZE_ONLY, 'newRichTextValue'])).toEqual(summary(a.calls, [...SIZE_ONLY, 'newRichTextValue']));
    expect(b.calls.filter((c) => c.method === 'newRichTextValue').length - a.calls.filter((c) => c.method === 'newRichTextValue').length).toBe(300);
    // Every overdue milestone is listed with its link.
    const grid = big.values(TAB.tableauDeBord);
    expect(grid.flat().filter((v) => /^Jalon en retard n° \d+$/.test(String(v)))).toHaveLength(300);
  });
});
