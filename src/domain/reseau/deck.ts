/**
 * The deck of the network's meeting, from the regional rollup: where the
 * network stands by axe, who is close to the next star, the most and least
 * advanced mesures, the filières the plans work on, and the territories by
 * type and size. Only aggregates and what territories chose to share.
 */
import { SLIDE_WIDTH, type Deck, type DeckBlock, type Slide } from '../reports/deck';
import { cell, para, tableSlides, widths } from '../reports/deck-kit';
import { LAYOUT } from '../reports/primitives';
import { tableHeaderHeight, tableRowHeight } from '../reports/fit';
import { COLOURS } from '../schema/colours';
import { nodesAtLevel } from '../referentiel/tree';
import { normalizeKey } from '../table/normalize';
import { formatDateFr, formatNumberFr } from '../format';
import { RESEAU_MESSAGES as M } from '../messages/reseau';
import type { Rollup } from './rollup';
import { LIBELLES_TRANCHE } from './rollup';
import { quartiles, trancheDe, TRANCHES } from './stats';

const D = M.deck;
const TABLE_SIZE = 12;
/** Distance to the next star under which a territory is "close" (points réalisés, the label's unit). */
export const SEUIL_PROCHE = 10;

const pct = (n: number) => `${formatNumberFr(n, 1)}\u00a0%`;

function sentence(text: string): DeckBlock {
  return { kind: 'text', frame: LAYOUT.content, paragraphs: [para(text, 16)] };
}

function axesSlide(r: Rollup): Slide {
  const axes = nodesAtLevel('axe');
  const stats = axes.map((a) => quartiles(r.territoires.map((t) => t.fiche.axes.find((x) => x.id === a.id)?.pctFait ?? NaN)));
  const categories = axes.map((a) => `Axe ${a.identifiant}`);
  const x = LAYOUT.content.x + 362;
  const w = LAYOUT.content.x + LAYOUT.content.w - x;
  const columns = widths(w, [3.2, 1.3]).map((cw, i) => ({ header: i === 0 ? 'Axe' : D.mediane, width: cw, align: (i === 0 ? 'left' : 'right') as 'left' | 'right' }));
  const rows = axes.map((a, i) => [cell(`${a.identifiant}. ${a.title}`), cell(stats[i] ? pct(stats[i]!.mediane) : '–', { align: 'right' })]);
  const axeTable = { frame: { x, y: LAYOUT.content.y, w, h: tableHeaderHeight(columns, TABLE_SIZE) + rows.reduce((h, r) => h + tableRowHeight(r, columns, TABLE_SIZE), 0) }, columns, rows, size: TABLE_SIZE };
  const blocks: DeckBlock[] = [
    {
      kind: 'chart',
      frame: { x: LAYOUT.content.x, y: LAYOUT.content.y, w: 350, h: LAYOUT.content.h },
      chart: {
        orientation: 'horizontal',
        grouping: 'clustered',
        categories,
        series: [
          { name: D.q1, colour: COLOURS.greyText, values: stats.map((s) => s?.q1 ?? 0) },
          { name: D.mediane, colour: COLOURS.brand, values: stats.map((s) => s?.mediane ?? 0) },
          { name: D.q3, colour: COLOURS.accent, values: stats.map((s) => s?.q3 ?? 0) },
        ],
        max: 100,
        unit: '\u00a0%',
        decimals: 0,
        size: 12,
      },
    },
    {
      kind: 'table',
      frame: axeTable.frame,
      columns: axeTable.columns,
      rows: axeTable.rows,
      size: axeTable.size,
    },
  ];
  return { layout: 'content', title: D.axesTitre(r.territoires.length), blocks, notes: D.axesNotes };
}

/**
 * Close to the next star: within SEUIL_PROCHE points réalisés with every line
 * of the référentiel renseignée (a star needs a complete référentiel), the
 * star criteria still to meet shown beside; fewest criteria, then fewest
 * points first.
 */
export function prochesDeLEtoile(r: Rollup): Rollup['territoires'] {
  return r.territoires
    .filter((t) => {
      const e = t.fiche.etoiles;
      return e.prochaine !== null && e.pointsManquants !== null && e.pointsManquants <= SEUIL_PROCHE && e.lignesNonRenseignees === 0;
    })
    .sort(
      (a, b) =>
        a.fiche.etoiles.criteresManquants - b.fiche.etoiles.criteresManquants ||
        a.fiche.etoiles.pointsManquants! - b.fiche.etoiles.pointsManquants! ||
        a.fiche.identite.nom.localeCompare(b.fiche.identite.nom, 'fr'),
    );
}

function prochesSlides(r: Rollup): Slide[] {
  const proches = prochesDeLEtoile(r);
  const title = D.proches(proches.length);
  if (proches.length === 0) return [{ layout: 'content', title, blocks: [sentence(D.aucunProche)], notes: D.prochesNotes }];
  return tableSlides({
    title,
    columns: widths(LAYOUT.content.w, [5, 1.5, 2, 2]).map((w, i) => ({ header: [D.colTerritoire, D.colEtoile, D.colManque, D.colCriteres][i], width: w, align: i === 0 ? 'left' : 'right' })),
    rows: proches.map((t) => [
      cell(t.fiche.identite.nom),
      cell(D.etoileVers(t.fiche.etoiles.actuelle, t.fiche.etoiles.prochaine!), { align: 'right' }),
      cell(formatNumberFr(t.fiche.etoiles.pointsManquants!, 1), { align: 'right' }),
      cell(formatNumberFr(t.fiche.etoiles.criteresManquants), { align: 'right' }),
    ]),
    size: TABLE_SIZE,
    notes: D.prochesNotes,
    maxPages: 50,
    maxCellLines: 6,
  });
}

function mesuresSlides(r: Rollup, which: 'avancees' | 'enRetrait'): Slide[] {
  const n = r.territoires.length;
  const ranked = r.mesures
    .filter((m) => m.concernes > 0)
    .map((m) => ({ m, faites: m.repartition.fait + m.repartition.enPartie }))
    .sort((a, b) => (which === 'avancees' ? b.faites / b.m.concernes - a.faites / a.m.concernes : a.faites / a.m.concernes - b.faites / b.m.concernes) || a.m.identifiant.localeCompare(b.m.identifiant, 'fr', { numeric: true }))
    .slice(0, 5);
  const title = which === 'avancees' ? D.mesuresAvancees : D.mesuresEnRetrait;
  if (ranked.length === 0 || n === 0) return [{ layout: 'content', title, blocks: [sentence(D.aucuneDonnee)], notes: D.mesuresNotes }];
  return tableSlides({
    title,
    columns: widths(LAYOUT.content.w, [6, 2]).map((w, i) => ({ header: [D.colMesure, D.colFaite][i], width: w, align: i === 0 ? 'left' : 'right' })),
    rows: ranked.map(({ m, faites }) => [cell(`Mesure ${m.identifiant} — ${m.titre}`), cell(D.pctTerritoires(faites, m.concernes), { align: 'right' })]),
    size: TABLE_SIZE,
    notes: D.mesuresNotes,
    maxPages: 5,
    maxCellLines: 6,
  });
}

function filieresSlides(r: Rollup): Slide[] {
  const counts = new Map<string, { label: string; territoires: Set<string> }>();
  for (const t of r.territoires) {
    for (const a of t.fiche.actions) {
      for (const f of a.filieres) {
        const k = normalizeKey(f);
        const e = counts.get(k) ?? { label: f, territoires: new Set<string>() };
        e.territoires.add(t.fichier);
        counts.set(k, e);
      }
    }
  }
  const top = [...counts.values()].sort((a, b) => b.territoires.size - a.territoires.size || a.label.localeCompare(b.label, 'fr')).slice(0, 10);
  if (top.length === 0) return [{ layout: 'content', title: D.filieres, blocks: [sentence(D.aucuneDonnee)], notes: D.filieresNotes }];
  return tableSlides({
    title: D.filieres,
    columns: widths(LAYOUT.content.w, [5, 2]).map((w, i) => ({ header: [D.colFiliere, D.colTerritoires][i], width: w, align: i === 0 ? 'left' : 'right' })),
    rows: top.map((f) => [cell(f.label), cell(D.pctTerritoires(f.territoires.size, r.territoires.length), { align: 'right' })]),
    size: TABLE_SIZE,
    notes: D.filieresNotes,
    maxPages: 3,
    maxCellLines: 4,
  });
}

function typologieSlides(r: Rollup): Slide[] {
  const types = [...new Set(r.territoires.map((t) => t.fiche.identite.type ?? 'Non renseigné'))].sort((a, b) => a.localeCompare(b, 'fr'));
  const rows = types.flatMap((type) =>
    TRANCHES.map((tr) => ({
      type,
      tranche: LIBELLES_TRANCHE[tr],
      n: r.territoires.filter((t) => (t.fiche.identite.type ?? 'Non renseigné') === type && trancheDe(t.fiche.identite.population) === tr).length,
    })).filter((x) => x.n > 0),
  );
  if (rows.length === 0) return [{ layout: 'content', title: D.typologie, blocks: [sentence(D.aucuneDonnee)], notes: D.typologieNotes }];
  return tableSlides({
    title: D.typologie,
    columns: widths(LAYOUT.content.w, [2, 3, 2]).map((w, i) => ({ header: [D.colType, D.colTranche, D.colNombre][i], width: w, align: i === 2 ? 'right' : 'left' })),
    rows: rows.map((x) => [cell(x.type), cell(x.tranche), cell(formatNumberFr(x.n), { align: 'right' })]),
    size: TABLE_SIZE,
    notes: D.typologieNotes,
    maxPages: 3,
    maxCellLines: 3,
  });
}

export function deckReseau(r: Rollup, date: Date): Deck {
  const panelH = 236;
  const cover: Slide = {
    layout: 'title',
    title: D.titre,
    blocks: [
      { kind: 'rect', frame: { x: 0, y: 0, w: SLIDE_WIDTH, h: panelH }, fill: COLOURS.brand },
      { kind: 'rect', frame: { x: 0, y: panelH, w: SLIDE_WIDTH, h: 5 }, fill: COLOURS.accent },
      { kind: 'text', frame: { x: 40, y: 80, w: 640, h: 56 }, paragraphs: [para(D.titre, 32, { bold: true, colour: COLOURS.white })] },
      { kind: 'text', frame: { x: 40, y: 140, w: 640, h: 70 }, paragraphs: [para(D.sousTitre(r.territoires.length), 18, { colour: COLOURS.brandLight })] },
      { kind: 'text', frame: { x: 40, y: 260, w: 640, h: 40 }, paragraphs: [para(formatDateFr(date), 18, { colour: COLOURS.greyText })] },
    ],
    notes: D.couvertureNotes,
  };
  return {
    title: D.titre,
    collectivite: D.pied,
    date: formatDateFr(date),
    footer: D.pied,
    slides: [cover, axesSlide(r), ...prochesSlides(r), ...mesuresSlides(r, 'avancees'), ...mesuresSlides(r, 'enRetrait'), ...filieresSlides(r), ...typologieSlides(r)],
  };
}
