import { beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/domain/dashboard/build';
import type { WorkbookModel } from '../../src/domain/model/types';
import { copilDeck } from '../../src/domain/reports/copil';
import type { ChartBlock, Deck, MatrixBlock, Slide, StarsBlock, TableBlock } from '../../src/domain/reports/deck';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../src/domain/reports/deck';
import type { ReportInput } from '../../src/domain/reports/input';
import { chrome } from '../../src/domain/reports/primitives';
import { scoreWorkbook } from '../../src/domain/referentiel/workbook-scores';
import { NIVEAU_EC_COLOURS } from '../../src/domain/schema/colours';
import { checkDeck } from './deck-checks';
import { almostEmptyInput, badLeaves, NOW, sampleInput } from './support';

const blocks = <K extends Slide['blocks'][number]['kind']>(s: Slide, kind: K) => s.blocks.filter((b) => b.kind === kind) as Extract<Slide['blocks'][number], { kind: K }>[];
const slide = (deck: Deck, title: string) => {
  const s = deck.slides.find((x) => x.title === title || x.title.replace(/ \(\d+\)$/, '') === title);
  if (!s) throw new Error(`Pas de diapositive « ${title} » : ${deck.slides.map((x) => x.title).join(' | ')}`);
  return s;
};
const textsOf = (s: Slide) =>
  s.blocks.flatMap((b) =>
    b.kind === 'text'
      ? b.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
      : b.kind === 'table'
        ? [...b.columns.map((c) => c.header), ...b.rows.flatMap((r) => r.map((c) => c.text))]
        : b.kind === 'matrix'
          ? b.matrix.cells.flatMap((c) => [c.title ?? '', ...c.lines.map((l) => l.text)])
          : [],
  );

/** The same workbook with more of everything: what long lists look like. */
function enlarge(input: ReportInput, patch: (m: WorkbookModel) => Partial<WorkbookModel>): ReportInput {
  const model = { ...input.model, ...patch(input.model) };
  const scores = scoreWorkbook(model).result;
  return { ...input, model, scores, dashboard: buildDashboard(model, scores, input.today, { lignesParOngletService: input.lignesParOngletService }) };
}

describe('COPIL deck of the sample territory', () => {
  let input: ReportInput;
  let deck: Deck;
  beforeAll(async () => {
    input = await sampleInput();
    deck = copilDeck(input);
  });

  it('has at least 10 slides, a cover, and the collectivité, date and number on every footer', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(10);
    expect(SLIDE_WIDTH / SLIDE_HEIGHT).toBeCloseTo(16 / 9, 3);
    expect(deck.slides[0].layout).toBe('title');
    expect(deck.collectivite).toBe("Communauté d'agglomération du Val de Loue");
    expect(deck.date).toBe('28/11/2026');
    deck.slides.forEach((_, i) => {
      const texts = chrome(deck, i).flatMap((p) => (p.kind === 'text' ? p.paragraphs.map((x) => x.runs.map((r) => r.text).join('')) : []));
      expect(texts).toContain("Communauté d'agglomération du Val de Loue · COPIL du 28/11/2026");
      expect(texts).toContain(`${i + 1} / ${deck.slides.length}`);
    });
  });

  it('covers every subject of the committee, in order', () => {
    const titles = deck.slides.map((s) => s.title.replace(/ \(suite\)$/, '').replace(/ \(\d+\)$/, ''));
    const expected = [
      'Comité de pilotage',
      "L'essentiel",
      'Où en est la démarche : la feuille de route',
      'Scores par axe du référentiel ECi',
      'Inventaire des actions des services',
      'Plans et programmes : place de l’économie circulaire',
      'Diagnostic AFOM',
      'Acteurs : impact et facilité de mobilisation',
      "Acteurs à contacter d'urgence",
      'Actions phares du plan d’actions',
      'Échéances dépassées',
      'Échéances des 3 prochains mois',
      'Indicateurs suivis et tendances',
      'Préparation du label : les preuves',
      'Liste de contrôle du label',
      "Calendrier de l'audit",
      'Décisions attendues du comité',
    ];
    expect([...new Set(titles)]).toEqual(expected);
  });

  it('shows the scores per axe as a stacked bar chart (réalisé, programmé) with the star rating', () => {
    const s = slide(deck, 'Scores par axe du référentiel ECi');
    const [chart] = blocks(s, 'chart') as ChartBlock[];
    expect(chart.chart.categories).toHaveLength(5);
    expect(chart.chart.series.map((x) => x.name)).toEqual(['Réalisé', 'Programmé']);
    expect(chart.chart.grouping).toBe('stacked');
    expect(chart.chart.series[0].values).toEqual(input.dashboard.scores.axes.map((a) => Math.round(a.pourcentageRealise * 10) / 10));
    const [stars] = blocks(s, 'stars') as StarsBlock[];
    expect(stars.stars).toEqual({ actuelle: input.dashboard.etoiles.actuelle, atteignable: input.dashboard.etoiles.atteignable, total: 5 });
    expect(textsOf(s).join(' ')).toContain(`Étoile actuelle : ${input.dashboard.etoiles.actuelle} étoiles`);
  });

  it('counts the inventory by pilier and by service, as the dashboard does', () => {
    const s = slide(deck, 'Inventaire des actions des services');
    const charts = blocks(s, 'chart') as ChartBlock[];
    expect(charts).toHaveLength(2);
    const total = (c: ChartBlock) => c.chart.series[0].values.reduce((a, b) => a + b, 0);
    expect(total(charts[0])).toBe(input.dashboard.actions.total);
    expect(total(charts[1])).toBe(input.dashboard.actions.total);
    expect(charts[1].chart.categories).toContain('Déchets et économie circulaire');
  });

  it('colours the plans’ Niveau EC cells with the workbook’s code', () => {
    const [table] = blocks(slide(deck, 'Plans et programmes : place de l’économie circulaire'), 'table') as TableBlock[];
    const niveau = table.columns.findIndex((c) => c.header === 'Niveau EC');
    const fort = table.rows.find((r) => r[niveau].text === '3 – Fort')!;
    expect(fort[niveau].fill).toBe(NIVEAU_EC_COLOURS[3].background);
    expect(fort[niveau].colour).toBe(NIVEAU_EC_COLOURS[3].font);
    const faible = table.rows.find((r) => r[niveau].text === '1 – Faible')!;
    expect(faible[niveau].fill).toBe(NIVEAU_EC_COLOURS[1].background);
  });

  it('shows the AFOM as a 2 × 2 matrix, most important items first', () => {
    const [m] = blocks(slide(deck, 'Diagnostic AFOM'), 'matrix') as MatrixBlock[];
    expect(m.matrix.rows * m.matrix.cols).toBe(4);
    expect(m.matrix.cells.map((c) => c.title!.replace(/ \(\d+\)$/, ''))).toEqual(['Atouts', 'Faiblesses', 'Opportunités', 'Menaces']);
    const opp = m.matrix.cells[2];
    const o = input.model.afom.filter((a) => a.type === 'Opportunité').sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0));
    expect(opp.lines[0].text.startsWith(`${o[0].id} ·`)).toBe(true);
  });

  it('places the acteurs on an impact × facilité grid, the urgent ones in red, then lists them', () => {
    const [m] = blocks(slide(deck, 'Acteurs : impact et facilité de mobilisation'), 'matrix') as MatrixBlock[];
    expect(m.matrix.rows).toBe(4);
    expect(m.matrix.cols).toBe(4);
    const named = m.matrix.cells.flatMap((c) => c.lines.filter((l) => !l.italic));
    expect(named.filter((l) => l.bold).length).toBeGreaterThan(0);
    const table = (blocks(slide(deck, "Acteurs à contacter d'urgence"), 'table') as TableBlock[])[0];
    expect(table.rows.map((r) => r[0].text)).toEqual(input.dashboard.acteurs.aContacterDUrgence.slice(0, table.rows.length).map((n) => expect.stringContaining(n.slice(0, 12))));
  });

  it('lists the flagship actions with pilote, échéance and statut', () => {
    const [table] = blocks(slide(deck, 'Actions phares du plan d’actions'), 'table') as TableBlock[];
    expect(table.columns.map((c) => c.header)).toEqual(['N°', 'Fiche action', 'Pilote', 'Échéance', 'Statut', 'Budget']);
    expect(table.rows).toHaveLength(input.dashboard.fiches.length);
    const late = table.rows.find((r) => r[4].text === 'En retard');
    expect(late?.[4].fill).toBeDefined();
  });

  it('separates overdue items from those due within the horizon', () => {
    const late = deck.slides.filter((s) => s.title.startsWith('Échéances dépassées'));
    const soon = deck.slides.filter((s) => s.title.startsWith('Échéances des 3 prochains mois'));
    const rows = (ss: Slide[]) => ss.flatMap((s) => (blocks(s, 'table') as TableBlock[]).flatMap((t) => t.rows));
    expect(rows(late)).toHaveLength(input.dashboard.echeances.enRetard.length);
    expect(rows(soon)).toHaveLength(input.dashboard.echeances.aVenir.length);
    expect(rows(late)[0][4].text).toMatch(/^\d+\u00a0j de retard$/);
  });

  it('derives the decisions expected from the committee', () => {
    const texts = textsOf(slide(deck, 'Décisions attendues du comité')).join('\n');
    expect(texts).toContain("Valider le plan d'actions : 10 fiches");
    expect(texts).toMatch(/Arbitrer les \d+ échéances en retard/);
    expect(texts).toContain('Prochains rendez-vous');
    expect(texts).toContain('15/03/2027 · Dépôt de candidature');
  });

  it('never shows undefined, NaN or [object Object], nor an overflowing text, an empty chart or a font under 10 pt', () => {
    expect(badLeaves(deck)).toEqual([]);
    checkDeck(deck);
  });
});

describe('COPIL deck of an almost empty workbook', () => {
  it('says what is missing instead of drawing empty charts', () => {
    const deck = copilDeck(almostEmptyInput());
    expect(deck.slides.length).toBeGreaterThanOrEqual(10);
    const all = deck.slides.flatMap(textsOf).join('\n');
    expect(all).toContain('Aucune action renseignée');
    expect(all).toContain("L'AFOM n'est pas encore renseignée");
    expect(all).toContain('Aucun plan renseigné');
    expect(all).toContain('Aucun point réalisé ni programmé');
    expect(all).toContain("Aucune action renseignée dans le plan d'actions");
    expect(all).toContain('Lancer la rédaction des fiches actions phares');
    expect(deck.collectivite).toBe('Commune de Saint-Exemple');
    expect(badLeaves(deck)).toEqual([]);
    checkDeck(deck);
  });
});

describe('COPIL deck of a workbook with long lists', () => {
  it('paginates or sums up, never overflowing a slide', async () => {
    const base = await sampleInput();
    const big = enlarge(base, (m) => ({
      afom: [
        ...m.afom,
        ...Array.from({ length: 30 }, (_, i) => ({
          rowNumber: 100 + i,
          id: `F${10 + i}`,
          type: 'Faiblesse' as const,
          enonce: `Faiblesse supplémentaire n° ${i + 1} : un énoncé volontairement long pour vérifier que la case de la matrice coupe le texte proprement et annonce les autres.`,
          axe: (i % 5) + 1,
          source: 'Atelier',
          importance: (i % 3) + 1,
        })),
      ],
      planActions: [
        ...m.planActions,
        ...Array.from({ length: 40 }, (_, i) => ({ ...m.planActions[0], rowNumber: 200 + i, numero: String(11 + i), titre: `Fiche supplémentaire ${i + 1} au titre long qui prend deux lignes dans la colonne des fiches actions` })),
      ],
      jalons: [
        ...m.jalons,
        ...Array.from({ length: 80 }, (_, i) => ({ rowNumber: 300 + i, fiche: '1', jalon: `Jalon en retard ${i + 1}`, echeance: new Date(Date.UTC(2026, 0, 1 + i)), responsable: 'Élodie Bourgeois', statut: 'À faire' as const, commentaire: null })),
      ],
      acteurs: [
        ...m.acteurs,
        ...Array.from({ length: 60 }, (_, i) => ({ ...m.acteurs[0], rowNumber: 400 + i, nom: `Entreprise du territoire n° ${i + 1}`, impact: 4, facilite: (i % 4) + 1, relation: 'Aucune' as const })),
      ],
    }));
    const deck = copilDeck(big);
    const titles = deck.slides.map((s) => s.title);
    expect(titles).toContain('Actions phares du plan d’actions (suite)');
    expect(titles.some((t) => /^Échéances dépassées \(\d+\) \(suite\)$/.test(t))).toBe(true);
    // At most three slides per list; the rest is announced.
    expect(titles.filter((t) => t.startsWith('Échéances dépassées')).length).toBeLessThanOrEqual(3);
    expect(deck.slides.flatMap(textsOf).some((t) => /^… et \d+ autres lignes dans le classeur\.$/.test(t))).toBe(true);
    const [afom] = blocks(slide(deck, 'Diagnostic AFOM'), 'matrix') as MatrixBlock[];
    expect(afom.matrix.cells[1].lines[afom.matrix.cells[1].lines.length - 1].text).toMatch(/^\+ \d+ autres$/);
    expect(badLeaves(deck)).toEqual([]);
    checkDeck(deck);
  });

  it('is dated by the day of generation in the engine’s time zone', async () => {
    const late = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate(), 23, 59);
    const deck = copilDeck({ ...(await sampleInput(late)) });
    expect(deck.date).toBe('28/11/2026');
  });
});
