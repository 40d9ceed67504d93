/**
 * The COPIL deck: where the project stands, for élus and the direction.
 * Figures come from DashboardData (the one source of steering numbers);
 * texts from the workbook model. Every block is fitted here (see deck-kit).
 */
import type { Compte, DashboardData, Echeance } from '../dashboard/types';
import { calculerFeuilleDeRoute } from '../feuille-de-route/feuille-de-route';
import { ETAPES } from '../feuille-de-route/pratiques';
import { isoJour, jourDe } from '../plan-actions/jours';
import { formatDateFr, formatEuro, formatNumberFr, formatPercentFr } from '../format';
import { AXES_COURTS, REPORT_MESSAGES } from '../messages/reports';
import { STEERING_MESSAGES } from '../messages/steering';
import type { AfomItem, Preuve, TypeAfom } from '../model/types';
import { estPrete, preuvesAttendues } from '../preuves/readiness';
import { COLOURS, PRIORITE_ACTEUR_COLOURS } from '../schema/colours';
import { TYPES_AFOM } from '../schema/lists';
import type { ChartBlock, Colour, Deck, DeckBlock, DeckTableCell, Frame, MatrixCell, MatrixLine, Slide } from './deck';
import { SLIDE_WIDTH } from './deck';
import { bulletBox, cell, fittedText, para, tableSlides, topCategories, widths, INK, type ListItem } from './deck-kit';
import { TEXT_INSET_X, bulletIndent, paragraphsFit, truncateToLines } from './fit';
import { plain } from './document';
import { collectiviteName, reportDate, type ReportInput } from './input';
import { LAYOUT, matrixCellParagraphs, matrixGeometry, matrixLabelRow } from './primitives';

const M = REPORT_MESSAGES.deck;
const C = LAYOUT.content;
const GAP = 12;

/** Colours of the fiches' statuses (TeT's list). */
export const STATUT_FICHE_COLOURS: Readonly<Record<string, { background: Colour; font: Colour }>> = {
  Réalisé: { background: COLOURS.green, font: COLOURS.greenText },
  'En cours': { background: COLOURS.blue, font: COLOURS.blueText },
  'À venir': { background: COLOURS.computedFill, font: COLOURS.greyText },
  'En pause': { background: COLOURS.orange, font: COLOURS.orangeText },
  'À discuter': { background: COLOURS.orange, font: COLOURS.orangeText },
  Bloqué: { background: COLOURS.red, font: COLOURS.redText },
  'En retard': { background: COLOURS.red, font: COLOURS.redText },
  Abandonné: { background: COLOURS.grey, font: COLOURS.greyText },
};

export const AFOM_COLOURS: Readonly<Record<TypeAfom, { background: Colour; font: Colour }>> = {
  Atout: { background: COLOURS.green, font: COLOURS.greenText },
  Faiblesse: { background: COLOURS.red, font: COLOURS.redText },
  Opportunité: { background: COLOURS.blue, font: COLOURS.blueText },
  Menace: { background: COLOURS.orange, font: COLOURS.orangeText },
};

/** Series colours light enough for dark value labels inside stacked bars. */
export const SERIES = { realise: '#6FB596', programme: '#F2C66D', enCours: '#F2C66D', aFaire: COLOURS.grey } as const;

export function copilDeck(input: ReportInput): Deck {
  const collectivite = collectiviteName(input);
  const date = reportDate(input.today);
  const d = input.dashboard;
  const slides: Slide[] = [
    cover(input, collectivite, date),
    essentiel(input),
    feuilleDeRoute(input),
    scores(d),
    inventaire(d),
    ...plans(d),
    afom(input),
    acteurs(input),
    ...acteursUrgents(input),
    ...fiches(d),
    ...echeances(d),
    ...indicateurs(input),
    preuves(input),
    ...checklist(d),
    calendrier(d),
    decisions(input),
  ];
  return plain({ title: M.titre, collectivite, date, footer: M.footer(collectivite, date), slides });
}

// ---------------------------------------------------------------------------

function cover(input: ReportInput, collectivite: string, date: string): Slide {
  const e = input.dashboard.etoiles;
  const panelH = 236;
  const blocks: DeckBlock[] = [
    { kind: 'rect', frame: { x: 0, y: 0, w: SLIDE_WIDTH, h: panelH }, fill: COLOURS.brand },
    { kind: 'rect', frame: { x: 0, y: panelH, w: SLIDE_WIDTH, h: 5 }, fill: COLOURS.accent },
    fittedText({ x: 40, y: 70, w: 640, h: 60 }, (s) => [para(M.titre, s, { bold: true, colour: COLOURS.white })], [36, 32, 28]),
    fittedText({ x: 40, y: 134, w: 640, h: 60 }, (s) => [para(M.sousTitre, s, { colour: COLOURS.brandLight })], [20, 18, 16, 14]),
    fittedText({ x: 40, y: 252, w: 640, h: 64 }, (s) => [para(collectivite, s, { bold: true, colour: COLOURS.brand })], [24, 22, 20, 18, 16]),
    fittedText({ x: 40, y: 320, w: 640, h: 50 }, (s) => [
      para(M.couverture.date(date), s, { colour: COLOURS.greyText }),
      para(M.couverture.chiffres(e.scoreRealise, e.actuelle), s - 2, { colour: COLOURS.greyText }),
    ], [16, 14, 12]),
  ];
  return { layout: 'title', title: M.titre, blocks, notes: M.couverture.notes(date) };
}

function tile(frame: Frame, value: string, label: string, detail: string, colour: Colour): DeckBlock[] {
  const inner = { x: frame.x, y: frame.y + 6, w: frame.w, h: frame.h - 12 };
  return [
    { kind: 'rect', frame, fill: COLOURS.computedFill },
    { kind: 'rect', frame: { x: frame.x, y: frame.y, w: 4, h: frame.h }, fill: colour },
    fittedText({ ...inner, x: inner.x + 6, w: inner.w - 6 }, (s) => [
      para(value, s + 14, { bold: true, colour }),
      para(label, s, { bold: true, colour: INK }),
      para(detail, s - 1, { colour: COLOURS.greyText }),
    ], [12, 11]),
  ];
}

function essentiel(input: ReportInput): Slide {
  const d = input.dashboard;
  const E = M.essentiel;
  const n = 5;
  const w = (C.w - (n - 1) * 10) / n;
  const h = 112;
  const band = (x: number) => ({ x: C.x + x * (w + 10), y: C.y, w, h });
  const scoreCol = d.scores.total.couleur.texte;
  const retardCol = d.echeances.enRetard.length > 0 ? COLOURS.redText : COLOURS.greenText;
  const blocks: DeckBlock[] = [
    ...tile(band(0), formatPercentFr(d.etoiles.scoreRealise / 100, 1), E.score, E.scoreDetail(d.etoiles.scorePrevisionnel), scoreCol),
    ...tile(band(1), E.etoileValeur(d.etoiles.actuelle), E.etoile, E.etoileDetail(d.etoiles.atteignable), COLOURS.orangeText),
    ...tile(band(2), formatNumberFr(d.actions.total), E.actions, E.actionsDetail(d.actions.phares, d.actions.retenues), COLOURS.brand),
    ...tile(band(3), E.preuvesValeur(d.preuves.pretes, d.preuves.attendues), E.preuves, E.preuvesDetail(d.preuves.ratio), COLOURS.blueText),
    ...tile(band(4), formatNumberFr(d.echeances.enRetard.length), E.retards, E.retardsDetail(d.echeances.aVenir.length, d.echeances.horizonMois), retardCol),
  ];
  const points: ListItem[] = [];
  if (d.echeances.enRetard.length) points.push({ text: E.retardsListe(d.echeances.enRetard.length), colour: COLOURS.redText });
  if (d.etoiles.prochaine) points.push({ text: prochaineEtoile(d) });
  if (d.completude.ratio < 1) points.push({ text: E.completude(d.completude.libelle) });
  if (d.acteurs.aContacterDUrgence.length) points.push({ text: E.aContacter(d.acteurs.aContacterDUrgence.length) });
  const sansReponse = afomSansReponse(input).filter((a) => a.type === 'Faiblesse' || a.type === 'Menace').length;
  if (sansReponse) points.push({ text: E.afomSansAction(sansReponse) });
  if (d.feuilleDeRoute.total > 0) points.push({ text: E.feuilleDeRoute(d.feuilleDeRoute.fait, d.feuilleDeRoute.total) });
  if (!points.length) points.push({ text: E.rienASignaler });
  const listFrame = { x: C.x, y: C.y + h + 14, w: C.w, h: C.h - h - 14 };
  blocks.push(bulletBox(listFrame, points, 14, { heading: para(E.attention, 15, { bold: true, colour: COLOURS.brand }), maxLines: 2 }).block);
  return { layout: 'content', title: E.titre, blocks, notes: E.notes };
}

function shortEtape(etape: string): string {
  const num = /^\s*(\d+)/.exec(etape)?.[1];
  const found = ETAPES.find((e) => e.libelle === etape || e.titre === etape || (num !== undefined && String(e.numero) === num));
  return found ? found.court : etape;
}

function feuilleDeRoute(input: ReportInput): Slide {
  const f = input.dashboard.feuilleDeRoute;
  const F = M.feuilleDeRoute;
  if (f.total === 0) return emptySlide(F.titre, F.vide, F.notes);
  const chartW = 410;
  const chart: ChartBlock = {
    kind: 'chart',
    frame: { x: C.x, y: C.y, w: chartW, h: C.h },
    chart: {
      orientation: 'horizontal',
      grouping: 'stacked',
      categories: f.parEtape.map((e) => shortEtape(e.etape)),
      series: [
        { name: F.fait, colour: SERIES.realise, values: f.parEtape.map((e) => e.fait) },
        { name: F.enCours, colour: SERIES.enCours, values: f.parEtape.map((e) => e.enCours) },
        { name: F.aFaire, colour: SERIES.aFaire, values: f.parEtape.map((e) => e.aFaire) },
      ],
      unit: '',
      decimals: 0,
      size: 11,
    },
  };
  const right = { x: C.x + chartW + GAP, y: C.y, w: C.w - chartW - GAP, h: C.h };
  const head = fittedText({ ...right, h: 56 }, (s) => [para(F.total(f.fait, f.total, f.ratio), s, { bold: true, colour: COLOURS.brand })], [18, 16, 14]);
  // Statuses as the dashboard counts them (the detectors tick what the workbook shows).
  const lignes = calculerFeuilleDeRoute(input.model.feuilleDeRoute, { model: input.model, today: input.today, lignesParOngletService: input.lignesParOngletService });
  const texte = (l: (typeof lignes)[number]) => l.pratique?.pratique ?? input.model.feuilleDeRoute.find((r) => r.rowNumber === l.rowNumber)?.pratique ?? '';
  const next = [...lignes.filter((l) => l.statut === 'En cours'), ...lignes.filter((l) => l.statut !== 'En cours' && l.statut !== 'Fait')]
    .map((l) => ({ pratique: texte(l), statut: l.statut }))
    .filter((p) => p.pratique);
  const listFrame = { x: right.x, y: right.y + 60, w: right.w, h: right.h - 60 };
  const list = next.length
    ? bulletBox(listFrame, next.map((p) => ({ text: `${p.pratique}${p.statut === 'En cours' ? ` (${F.enCours.toLowerCase()})` : ''}` })), 12, {
        heading: para(F.prochaines, 13, { bold: true, colour: INK }),
        maxLines: 2,
        fill: COLOURS.computedFill,
        fitHeight: true,
      }).block
    : fittedText(listFrame, (s) => [para(F.toutFait, s, { colour: COLOURS.greenText })], [14, 12]);
  return { layout: 'content', title: F.titre, blocks: [chart, head, list], notes: F.notes };
}

function scores(d: DashboardData): Slide {
  const S = M.scores;
  const chartW = 420;
  const chart: ChartBlock = {
    kind: 'chart',
    frame: { x: C.x, y: C.y, w: chartW, h: C.h },
    chart: {
      orientation: 'horizontal',
      grouping: 'stacked',
      categories: d.scores.axes.map((a) => AXES_COURTS[a.id] ?? `${a.numero}. ${a.titre}`),
      series: [
        { name: S.realise, colour: SERIES.realise, values: d.scores.axes.map((a) => round1(a.pourcentageRealise)) },
        { name: S.programme, colour: SERIES.programme, values: d.scores.axes.map((a) => round1(a.pourcentageProgramme)) },
      ],
      max: 100,
      unit: '\u202f%',
      decimals: 0,
      size: 11,
    },
  };
  const x = C.x + chartW + GAP;
  const w = C.w - chartW - GAP;
  const e = d.etoiles;
  const blocks: DeckBlock[] = [
    chartOrMessage(chart, S.aucunPoint),
    { kind: 'rect', frame: { x, y: C.y, w, h: C.h }, fill: COLOURS.computedFill },
    fittedText({ x: x + 4, y: C.y + 4, w: w - 8, h: 26 }, (s) => [para(S.label, s, { bold: true, colour: COLOURS.brand })], [15, 14, 13]),
    { kind: 'stars', frame: { x: x + 10, y: C.y + 34, w: w - 20, h: 38 }, stars: { actuelle: e.actuelle, atteignable: Math.max(e.actuelle, e.atteignable), total: 5 } },
    fittedText({ x: x + 4, y: C.y + 80, w: w - 8, h: C.h - 84 }, (s) => [
      para(S.etoileActuelle(e.actuelle), s, { bold: true, colour: COLOURS.orangeText }),
      para(S.etoileAtteignable(e.atteignable), s - 1, { colour: INK }),
      para(S.scoreTotal(e.scoreRealise, e.scorePrevisionnel), s - 1, { colour: INK }),
      para(e.prochaine ? prochaineEtoile(d) : S.maximum, s - 1, { colour: COLOURS.greyText }),
      para(S.completude(d.completude.libelle), s - 1, { colour: COLOURS.greyText }),
    ], [13, 12, 11]),
  ];
  return { layout: 'content', title: S.titre, blocks, notes: S.notes(d.scores.axes.map((a) => `${a.numero}. ${a.titre}`)) };
}

function countChart(frame: Frame, comptes: readonly Compte[], colour: Colour, max: number, nonRenseigne: string): ChartBlock {
  const nr = (c: Compte) => Number(c.libelle === STEERING_MESSAGES.dashboard.nonRenseigne);
  const sorted = [...comptes].filter((c) => c.nombre > 0).sort((a, b) => nr(a) - nr(b) || b.nombre - a.nombre || a.libelle.localeCompare(b.libelle, 'fr'));
  const kept = topCategories(sorted, max, (rest) => ({
    cle: 'autres',
    libelle: M.inventaire.autres,
    nombre: rest.reduce((s, c) => s + c.nombre, 0),
    budget: rest.reduce((s, c) => s + c.budget, 0),
    couleur: null,
  }));
  return {
    kind: 'chart',
    frame,
    chart: {
      orientation: 'horizontal',
      grouping: 'clustered',
      categories: kept.map((c) => (nr(c) ? nonRenseigne : c.libelle)),
      series: [{ name: 'Actions', colour, values: kept.map((c) => c.nombre) }],
      unit: '',
      decimals: 0,
      size: 10,
    },
  };
}

function inventaire(d: DashboardData): Slide {
  const I = M.inventaire;
  const a = d.actions;
  if (a.total === 0) return emptySlide(I.titre, I.vide, I.notes);
  const services = a.parService.filter((c) => c.nombre > 0).length;
  const headH = 30;
  const half = (C.w - GAP) / 2;
  const subH = 22;
  const y = C.y + headH + 4;
  const blocks: DeckBlock[] = [
    fittedText({ x: C.x, y: C.y, w: C.w, h: headH }, (s) => [para(I.resume(a.total, services, a.retenues, a.phares, a.budgetTotal), s, { bold: true, colour: COLOURS.brand })], [14, 13, 12, 11]),
    fittedText({ x: C.x, y, w: half, h: subH }, (s) => [para(I.parPilier, s, { bold: true, colour: COLOURS.greyText })], [12, 11]),
    fittedText({ x: C.x + half + GAP, y, w: half, h: subH }, (s) => [para(I.parService, s, { bold: true, colour: COLOURS.greyText })], [12, 11]),
    chartOrMessage(countChart({ x: C.x, y: y + subH, w: half, h: C.h - headH - 4 - subH }, a.parPilier, COLOURS.brand, 8, I.pilierNonRenseigne), I.vide),
    chartOrMessage(countChart({ x: C.x + half + GAP, y: y + subH, w: half, h: C.h - headH - 4 - subH }, a.parService, '#2E7D9A', 8, I.serviceNonRenseigne), I.vide),
  ];
  return { layout: 'content', title: I.titre, blocks, notes: I.notes };
}

function plans(d: DashboardData): Slide[] {
  const P = M.plans;
  if (d.budgets.parPlan.length === 0) return [emptySlide(P.titre, P.vide, P.notes)];
  const ws = widths(C.w, [80, 250, 95, 90, 70, 87]);
  const columns = P.colonnes.map((header, i) => ({ header, width: ws[i], align: i >= 4 ? ('right' as const) : undefined }));
  const rows = d.budgets.parPlan.map((p) => [
    cell(p.type ?? '–'),
    cell(p.absentDePlans ? P.absent(p.plan) : p.plan),
    cell(p.statut ?? '–'),
    cell(p.niveauEcLibelle, { fill: p.couleur.fond, colour: p.couleur.texte, bold: true }),
    cell(formatNumberFr(p.nbActions), { align: 'right' }),
    cell(formatEuro(p.budget), { align: 'right' }),
  ]);
  const legendH = 22;
  const legend = fittedText({ x: C.x, y: C.y + C.h - legendH, w: C.w, h: legendH }, (s) => [para(P.legende, s, { italic: true, colour: COLOURS.greyText })], [11, 10]);
  return tableSlides({
    title: P.titre,
    columns,
    rows,
    size: 11,
    notes: P.notes,
    frame: { ...C, h: C.h - legendH - 4 },
    around: [legend],
    maxCellLines: 2,
  });
}

// ---- AFOM ------------------------------------------------------------------

/** AFOM ids answered by an action (Répond à) or a fiche (AFOM traités). */
export function afomRepondus(input: Pick<ReportInput, 'model'>): Set<string> {
  const ids = new Set<string>();
  for (const a of input.model.actions) for (const id of a.repondA) ids.add(id.trim().toUpperCase());
  for (const f of input.model.planActions) for (const id of f.afom) ids.add(id.trim().toUpperCase());
  return ids;
}

export function afomSansReponse(input: Pick<ReportInput, 'model'>): AfomItem[] {
  const rep = afomRepondus(input);
  return input.model.afom.filter((a) => a.id && !rep.has(a.id.trim().toUpperCase()));
}

/** Items by importance (3 first), then in the tab's order. */
export function byImportance(items: readonly AfomItem[]): AfomItem[] {
  return [...items].sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || a.rowNumber - b.rowNumber);
}

/** Fills a matrix cell with as many lines as fit, the last one `+ N autres` when needed. */
function fillCell(base: Omit<MatrixCell, 'lines'>, lines: readonly MatrixLine[], frame: { w: number; h: number }, maxLines: number, empty?: MatrixLine): MatrixCell {
  const indent = base.title ? bulletIndent(base.size) : 0;
  const width = frame.w - 2 * TEXT_INSET_X - indent;
  const cut = lines.map((l) => ({ ...l, text: truncateToLines(l.text, width, base.size, maxLines, l.bold) }));
  if (!cut.length) return { ...base, lines: empty ? [empty] : [] };
  const build = (k: number): MatrixCell => ({
    ...base,
    lines: [...cut.slice(0, k), ...(k < cut.length ? [{ text: REPORT_MESSAGES.autres(cut.length - k), italic: true, colour: COLOURS.greyText }] : [])],
  });
  let k = cut.length;
  while (k > 0 && !paragraphsFit(matrixCellParagraphs(build(k)), frame.w, frame.h)) k--;
  return build(k);
}

function afom(input: ReportInput): Slide {
  const A = M.afom;
  const items = input.model.afom.filter((a) => a.enonce || a.id);
  if (items.length === 0) return emptySlide(A.titre, A.vide, A.notes);
  const matrix = { rows: 2, cols: 2, cells: [] as MatrixCell[] };
  const { cell: size } = matrixGeometry(matrix, C);
  const cells = TYPES_AFOM.map((t) => {
    const of = byImportance(items.filter((a) => a.type === t));
    const colours = AFOM_COLOURS[t];
    return fillCell(
      { title: `${A.quadrants[t]} (${of.length})`, fill: lighten(colours.background), colour: colours.font, size: 11 },
      of.map((a) => ({ text: `${a.id} · ${a.enonce}` })),
      size,
      2,
      { text: A.vides[t], italic: true, colour: COLOURS.greyText },
    );
  });
  return { layout: 'content', title: A.titre, blocks: [{ kind: 'matrix', frame: C, matrix: { ...matrix, cells } }], notes: A.notes };
}

/** A paler shade of a palette colour, for large areas. */
function lighten(hex: Colour, amount = 0.45): Colour {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const c = [m[1], m[2], m[3]].map((h) => Math.round(parseInt(h, 16) + (255 - parseInt(h, 16)) * amount));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

// ---- Acteurs ---------------------------------------------------------------

function acteurs(input: ReportInput): Slide {
  const Ac = M.acteurs;
  const a = input.dashboard.acteurs;
  if (a.matrice.length === 0) return emptySlide(Ac.titre, Ac.vide, Ac.notes);
  const urgent = PRIORITE_ACTEUR_COLOURS[0].equals;
  const frame = C;
  const skeleton = { rows: 4, cols: 4, cells: [] as MatrixCell[], rowLabels: [...Ac.lignes], colLabels: [...Ac.colonnes], yTitle: Ac.impact, xTitle: Ac.facilite };
  const { cell: size } = matrixGeometry(skeleton, frame);
  const impactEleve = input.model.seuils.impactEleve;
  const cells: MatrixCell[] = [];
  for (let impact = 4; impact >= 1; impact--) {
    for (let facilite = 1; facilite <= 4; facilite++) {
      const here = a.matrice
        .filter((p) => p.impact === impact && p.facilite === facilite)
        .sort((x, y) => Number(y.priorite === urgent) - Number(x.priorite === urgent) || x.nom.localeCompare(y.nom, 'fr'));
      const fill = impact >= impactEleve ? (facilite >= 3 ? COLOURS.brandLight : '#FBEFD5') : COLOURS.computedFill;
      cells.push(
        fillCell(
          { fill, colour: INK, size: 10 },
          here.map((p) => (p.priorite === urgent ? { text: p.nom, bold: true, colour: COLOURS.redText } : { text: p.nom })),
          size,
          1,
        ),
      );
    }
  }
  const nonPlaces = a.total - a.matrice.length;
  const legend = [a.aContacterDUrgence.length ? Ac.legende : '', nonPlaces > 0 ? Ac.nonPlaces(nonPlaces) : ''].filter(Boolean).join(' ');
  const blocks: DeckBlock[] = [{ kind: 'matrix', frame, matrix: { ...skeleton, cells } }];
  // The legend shares the top row with the y title, right-aligned.
  const lw = 420;
  if (legend) blocks.push(fittedText({ x: C.x + C.w - lw, y: C.y, w: lw, h: matrixLabelRow() }, (s) => [para(legend, s, { italic: true, colour: COLOURS.greyText, align: 'right' })], [10], { valign: 'middle' }));
  return { layout: 'content', title: Ac.titre, blocks, notes: Ac.notes };
}

function acteursUrgents(input: ReportInput): Slide[] {
  const Ac = M.acteurs;
  const a = input.dashboard.acteurs;
  if (a.matrice.length === 0) return [];
  if (a.aContacterDUrgence.length === 0) return [emptySlide(Ac.urgenceTitre, Ac.aucuneUrgence, Ac.urgenceNotes)];
  const points = new Map(a.matrice.map((p) => [p.nom, p]));
  const byName = new Map(input.model.acteurs.map((x) => [x.nom, x]));
  const ws = widths(C.w, [176, 140, 58, 62, 76, 160]);
  const columns = Ac.urgenceColonnes.map((header, i) => ({ header, width: ws[i], align: i === 2 || i === 3 ? ('center' as const) : undefined }));
  const rows = a.aContacterDUrgence.map((nom) => {
    const x = byName.get(nom);
    const p = points.get(nom);
    return [
      cell(nom, { bold: true, colour: COLOURS.redText }),
      cell(x?.categorie ?? '–'),
      cell(p ? String(p.impact) : '–', { align: 'center' }),
      cell(p ? String(p.facilite) : '–', { align: 'center' }),
      cell(x?.relation ?? '–'),
      cell(x?.serviceReferent ?? '–'),
    ];
  });
  return tableSlides({ title: `${Ac.urgenceTitre} (${rows.length})`, columns, rows, size: 11, notes: `${Ac.urgenceResume(rows.length)} ${Ac.urgenceNotes}`, maxCellLines: 2 });
}

// ---- Tables ------------------------------------------------------------------

function fiches(d: DashboardData): Slide[] {
  const F = M.fiches;
  if (d.fiches.length === 0) return [emptySlide(F.titre, F.vide, F.notes)];
  const ws = widths(C.w, [38, 280, 130, 80, 82, 80]);
  const columns = F.colonnes.map((header, i) => ({ header, width: ws[i], align: i === 5 ? ('right' as const) : undefined }));
  const rows = d.fiches.map((f) => {
    const c = f.statut ? STATUT_FICHE_COLOURS[f.statut] : undefined;
    return [
      cell(f.numero, { bold: true }),
      cell(f.titre),
      cell(f.pilote ?? '–'),
      cell(f.echeanceLibelle || REPORT_MESSAGES.nonDate),
      cell(f.statut ?? REPORT_MESSAGES.nonRenseigne, c ? { fill: c.background, colour: c.font, bold: true } : {}),
      cell(f.budget > 0 ? formatEuro(f.budget) : '–', { align: 'right' }),
    ];
  });
  return tableSlides({ title: F.titre, columns, rows, size: 11, notes: F.notes, maxCellLines: 2 });
}

function echeanceRows(items: readonly Echeance[], late: boolean): DeckTableCell[][] {
  const E = M.echeances;
  return items.map((e) => [
    cell(e.echeanceLibelle, late ? { colour: COLOURS.redText, bold: true } : {}),
    cell(e.libelle),
    cell(e.reference ? (e.source === 'jalon' ? E.fiche(e.reference) : E.instance(e.reference)) : '–'),
    cell(e.qui ?? '–'),
    late ? cell(E.retard(e.jours), { fill: COLOURS.red, colour: COLOURS.redText, bold: true }) : cell(E.dans(e.jours), { fill: COLOURS.blue, colour: COLOURS.blueText }),
  ]);
}

function echeances(d: DashboardData): Slide[] {
  const E = M.echeances;
  const ec = d.echeances;
  const ws = widths(C.w, [76, 318, 70, 112, 96]);
  const columns = E.colonnes.map((header, i) => ({ header, width: ws[i] }));
  // The count is in the title: the whole content area goes to the table.
  const part = (title: string, items: readonly Echeance[], late: boolean, notes: string, vide: string): Slide[] => {
    if (items.length === 0) return [emptySlide(title, vide, E.notes)];
    return tableSlides({ title: `${title} (${items.length})`, columns, rows: echeanceRows(items, late), size: 11, notes: `${notes} ${E.notes}`, maxCellLines: 2 });
  };
  return [
    ...part(E.titreRetard, ec.enRetard, true, `${E.resumeRetard(ec.enRetard.length)}.`, E.videRetard),
    ...part(E.titreAVenir(ec.horizonMois), ec.aVenir, false, `${E.resumeAVenir(ec.aVenir.length, ec.horizonMois)}.`, E.videAVenir(ec.horizonMois)),
  ];
}

/** `576 kg/hab`, `11 entreprises` (for « nombre d'entreprises »), `3` (for « nombre »). */
export function valeur(v: number, unite: string | null): string {
  const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 1;
  const u = (unite ?? '').trim().replace(/^nombre(\s+(de\s+|d['’]))?/i, '').trim();
  return `${formatNumberFr(v, digits)}${u ? (u === '%' ? '\u202f%' : `\u00a0${u}`) : ''}`;
}

function indicateurs(input: ReportInput): Slide[] {
  const I = M.indicateurs;
  const d = input.dashboard;
  const cible = new Map(input.model.indicateurs.map((i) => [i.identifiant, i.anneeCible]));
  if (d.indicateurs.length === 0) return [emptySlide(I.titre, I.vide, I.notes)];
  const ws = widths(C.w, [300, 112, 112, 84, 64]);
  const columns = I.colonnes.map((header, i) => ({ header, width: ws[i], align: i === 4 ? ('right' as const) : undefined }));
  const rows = d.indicateurs.map((x) => {
    const t = x.tendance;
    return [
      cell(`${x.identifiant} · ${x.intitule}`),
      cell(x.derniereValeur === null ? '–' : I.valeur(valeur(x.derniereValeur, x.unite), x.derniereAnnee)),
      cell(x.objectif === null ? '–' : I.objectif(valeur(x.objectif, x.unite), cible.get(x.identifiant) ?? null)),
      cell(t ? I.tendances[t] : '–', { colour: t === 'Stable' || !t ? COLOURS.greyText : INK }),
      cell(x.progression === null ? '–' : formatPercentFr(x.progression, 0), { align: 'right', bold: x.progression !== null && x.progression >= 1 }),
    ];
  });
  return tableSlides({ title: I.titre, columns, rows, size: 11, notes: I.notes, maxCellLines: 2, maxPages: 2 });
}

// ---- Label ---------------------------------------------------------------------

function preuves(input: ReportInput): Slide {
  const P = M.preuves;
  const d = input.dashboard;
  const leftW = 300;
  const blocks: DeckBlock[] = [];
  if (d.preuves.attendues === 0) return emptySlide(P.titre, P.aucunePreuve, P.notes);
  blocks.push(fittedText({ x: C.x, y: C.y, w: leftW, h: 48 }, (s) => [para(P.pretes(d.preuves.pretes, d.preuves.attendues, d.preuves.ratio), s, { bold: true, colour: COLOURS.brand })], [18, 16, 14]));
  blocks.push(fittedText({ x: C.x, y: C.y + 50, w: leftW, h: 22 }, (s) => [para(P.parEtat, s, { bold: true, colour: COLOURS.greyText })], [12, 11]));
  const parEtat = d.preuves.parEtat.filter((c) => c.nombre > 0);
  blocks.push(chartOrMessage({
    kind: 'chart',
    frame: { x: C.x, y: C.y + 74, w: leftW, h: Math.min(C.h - 74, 36 * Math.max(2, parEtat.length)) },
    chart: {
      orientation: 'horizontal',
      grouping: 'clustered',
      categories: parEtat.map((c) => (c.libelle === STEERING_MESSAGES.dashboard.nonRenseigne ? P.etatNonRenseigne : c.libelle)),
      series: [{ name: 'Preuves', colour: '#2E7D9A', values: parEtat.map((c) => c.nombre) }],
      unit: '',
      decimals: 0,
      size: 11,
    },
  }, P.aucunePreuve));
  const x = C.x + leftW + GAP + 8;
  const w = C.w - leftW - GAP - 8;
  blocks.push(fittedText({ x, y: C.y, w, h: 22 }, (s) => [para(P.parResponsable, s, { bold: true, colour: COLOURS.greyText })], [12, 11]));
  const groups = new Map<string, { n: number; aCreer: number; next: Date | null }>();
  for (const p of preuvesAttenduesDe(input)) {
    if (estPrete(p)) continue;
    const k = p.responsable?.trim() || '';
    const g = groups.get(k) ?? { n: 0, aCreer: 0, next: null };
    g.n++;
    if (p.etat === 'À créer') g.aCreer++;
    if (p.echeance && (!g.next || p.echeance < g.next)) g.next = p.echeance;
    groups.set(k, g);
  }
  if (groups.size === 0) {
    blocks.push(fittedText({ x, y: C.y + 24, w, h: 60 }, (s) => [para(P.toutesPretes, s, { colour: COLOURS.greenText })], [13, 12]));
  } else {
    const ws = widths(w, [150, 70, 70, 90]);
    const columns = P.colonnesResponsables.map((header, i) => ({ header, width: ws[i], align: i === 1 || i === 2 ? ('right' as const) : undefined }));
    const rows = [...groups.entries()]
      .sort(([a, x], [b, y]) => Number(a === '') - Number(b === '') || y.n - x.n || a.localeCompare(b, 'fr'))
      .map(([k, g]) => [
        cell(k || P.sansResponsable, k ? {} : { colour: COLOURS.redText }),
        cell(formatNumberFr(g.n), { align: 'right', bold: true }),
        cell(formatNumberFr(g.aCreer), { align: 'right', colour: g.aCreer ? COLOURS.redText : COLOURS.greyText }),
        cell(g.next ? formatDateFr(g.next) : REPORT_MESSAGES.nonDate),
      ]);
    const [t] = tableSlides({ title: P.titre, columns, rows, size: 11, notes: P.notes, frame: { x, y: C.y + 24, w, h: C.h - 24 }, maxCellLines: 2, maxPages: 1, overflow: P.autresResponsables });
    blocks.push(...t.blocks);
  }
  return { layout: 'content', title: P.titre, blocks, notes: P.notes };
}

function checklist(d: DashboardData): Slide[] {
  const K = M.checklist;
  if (d.audit.checklist.length === 0) return [];
  const headH = 24;
  const ws = widths(C.w, [250, 80, 342]);
  const columns = K.colonnes.map((header, i) => ({ header, width: ws[i] }));
  const rows = d.audit.checklist.map((l) => [cell(l.libelle), cell(l.etat, { fill: l.couleur.fond, colour: l.couleur.texte, bold: true }), cell(l.detail || '–')]);
  const head = fittedText({ x: C.x, y: C.y, w: C.w, h: headH }, (s) => [para(K.resume(d.audit.prets, d.audit.checklist.length), s, { bold: true, colour: d.audit.prets === d.audit.checklist.length ? COLOURS.greenText : COLOURS.brand })], [13, 12]);
  return tableSlides({ title: K.titre, columns, rows, size: 11, notes: K.notes, frame: { ...C, y: C.y + headH + 4, h: C.h - headH - 4 }, around: [head], maxCellLines: 3 });
}

function calendrier(d: DashboardData): Slide {
  const K = M.calendrier;
  if (d.audit.calendrier.length === 0) return emptySlide(K.titre, K.vide, K.notes);
  const ws = widths(C.w, [220, 110, 342]);
  const columns = K.colonnes.map((header, i) => ({ header, width: ws[i] }));
  const rows = d.audit.calendrier.map((l) => [
    cell(l.libelle, { bold: true }),
    l.date ? cell(l.dateLibelle) : cell(K.aFixer, { fill: COLOURS.orange, colour: COLOURS.orangeText, bold: true }),
    cell(l.alertes.length ? l.alertes.join(' ') : K.aucuneAlerte, { colour: l.alertes.length ? COLOURS.redText : COLOURS.greyText }),
  ]);
  const [slide] = tableSlides({ title: K.titre, columns, rows, size: 12, notes: K.notes, maxCellLines: 4, maxPages: 1 });
  // The reminders go under the table (and its « … et N autres » line) when they fit entirely.
  const bottom = Math.max(...slide.blocks.map((b) => b.frame.y + b.frame.h));
  const top = bottom + 14;
  const items = [{ text: K.rappel1 }, { text: K.rappel2 }, { text: K.rappel3 }];
  const reminders = bulletBox({ x: C.x, y: top, w: C.w, h: C.y + C.h - top }, items, 12, {
    heading: para(K.rappels, 13, { bold: true, colour: COLOURS.brand }),
    fill: COLOURS.computedFill,
    fitHeight: true,
  });
  return reminders.shown === items.length ? { ...slide, blocks: [...slide.blocks, reminders.block] } : slide;
}

function decisions(input: ReportInput): Slide {
  const D = M.decisions;
  const d = input.dashboard;
  const items: ListItem[] = [];
  const fichesPlan = input.model.planActions;
  if (fichesPlan.length) {
    items.push({ text: D.validerPlan(fichesPlan.length, d.budgets.totalPlanActions), bold: true });
    const aDiscuter = fichesPlan.filter((f) => f.statut === 'À discuter').map((f) => f.numero);
    if (aDiscuter.length) items.push({ text: D.discuter(aDiscuter) });
    const bloquees = fichesPlan.filter((f) => f.statut === 'Bloqué' || f.statut === 'En retard').map((f) => f.numero);
    if (bloquees.length) items.push({ text: D.arbitrerBloquees(bloquees) });
  } else {
    items.push({ text: D.rediger, bold: true });
  }
  if (d.echeances.enRetard.length) items.push({ text: D.arbitrerRetards(d.echeances.enRetard.length) });
  const cal = d.audit.calendrier;
  const candidature = cal.find((l) => l.id === 'candidature');
  if (candidature && !candidature.date) items.push({ text: D.dateCandidature });
  if (cal.some((l) => l.id.startsWith('audit') && !l.date)) items.push({ text: D.datesAudit });
  const next = d.etoiles.prochaine;
  if (next) items.push({ text: D.viserEtoile(next.etoile, next.ecartPourcentage, next.marge, next.criteresManquants.length) });
  if (d.completude.ratio < 1) items.push({ text: D.completer(d.completude.libelle) });
  const aCreer = preuvesAttenduesDe(input).filter((p) => p.etat === 'À créer' && !p.responsable?.trim()).length;
  if (aCreer) items.push({ text: D.preuves(aCreer) });
  if (d.acteurs.aContacterDUrgence.length) items.push({ text: D.acteurs(d.acteurs.aContacterDUrgence.length) });
  const faibles = d.budgets.parPlan.filter((p) => p.niveauEc !== null && p.niveauEc <= 1 && !p.absentDePlans).map((p) => p.type ?? p.plan);
  if (faibles.length) items.push({ text: D.plansFaibles([...new Set(faibles)]) });
  const sans = afomSansReponse(input).filter((a) => a.type === 'Faiblesse' || a.type === 'Menace').length;
  if (sans) items.push({ text: D.afom(sans) });
  const today = jourDe(input.today);
  const futures = input.model.instances.filter((i) => i.date && i.date.getTime() > today.getTime()).sort((a, b) => a.date!.getTime() - b.date!.getTime());
  const nextCopil = futures.find((i) => i.type === 'COPIL');
  items.push({ text: nextCopil ? D.prochainCopil(formatDateFr(nextCopil.date!)) : D.fixerCopil });

  const leftW = 430;
  const left = [16, 15, 14, 13, 12, 11].map((size) => bulletBox({ x: C.x, y: C.y, w: leftW, h: C.h }, items, size, { bullet: 'number', maxLines: 3 })).find((b, i, all) => b.shown === items.length || i === all.length - 1)!;
  const right = { x: C.x + leftW + GAP, y: C.y, w: C.w - leftW - GAP, h: C.h };
  const isoToday = isoJour(today);
  const rdv = [
    ...futures.map((i) => ({ date: i.date!.toISOString().slice(0, 10), text: D.rdv(formatDateFr(i.date!), [i.type, i.intitule].filter(Boolean).join(' – ')) })),
    ...d.audit.calendrier.filter((l) => l.date !== null && l.date > isoToday).map((l) => ({ date: l.date!, text: D.rdv(l.dateLibelle, l.libelle) })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const rightBlock = rdv.length
    ? bulletBox(right, rdv.map((r) => ({ text: r.text })), 12, { heading: para(D.prochains, 13, { bold: true, colour: COLOURS.brand }), fill: COLOURS.computedFill, maxLines: 3, fitHeight: true }).block
    : fittedText({ ...right, h: 64 }, (s) => [para(D.prochains, s + 1, { bold: true, colour: COLOURS.brand }), para(D.aucunRdv, s, { colour: COLOURS.greyText })], [12, 11], { fill: COLOURS.computedFill });
  return { layout: 'content', title: D.titre, blocks: [left.block, rightBlock], notes: D.notes };
}

// ---- Helpers -------------------------------------------------------------------

/** The preuves expected (those of non-concerned lines left out), as the dashboard counts them. */
export function preuvesAttenduesDe(input: Pick<ReportInput, 'model' | 'scores'>): Preuve[] {
  return preuvesAttendues(input.model.preuves, (id) => input.scores.scores[id]?.concerne !== false);
}

/** The next star's sentence, with the criteria still missing. */
export function prochaineEtoile(d: DashboardData): string {
  const p = d.etoiles.prochaine;
  if (!p) return M.scores.maximum;
  return REPORT_MESSAGES.prochaineEtoile(p.etoile, p.ecartPourcentage, p.criteresManquants.length, p.libelle);
}

/** A chart with nothing to show (no category, only zeros) becomes a sentence in its frame. */
export function chartOrMessage(block: ChartBlock, message: string): DeckBlock {
  const hasValue = block.chart.categories.length > 0 && block.chart.series.some((s) => s.values.some((v) => v > 0));
  if (hasValue) return block;
  const frame = { x: block.frame.x, y: block.frame.y + 40, w: block.frame.w, h: Math.min(140, block.frame.h - 40) };
  return fittedText(frame, (s) => [para(message, s, { colour: COLOURS.greyText, align: 'center' })], [16, 14, 12], { fill: COLOURS.computedFill, valign: 'middle' });
}

function emptySlide(title: string, message: string, notes: string): Slide {
  const frame = { x: C.x + 40, y: C.y + 60, w: C.w - 80, h: 120 };
  return {
    layout: 'content',
    title,
    blocks: [fittedText(frame, (s) => [para(message, s, { colour: COLOURS.greyText, align: 'center' })], [18, 16, 14], { fill: COLOURS.computedFill, valign: 'middle' })],
    notes,
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
