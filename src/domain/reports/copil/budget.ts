/**
 * Budget and financing: ONE total (the fiches' budgets, HT), per fiche what
 * is financed and what is still to find, per funder, and per year where the
 * fiches' dates allow.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS } from '../../schema/colours';
import { formatEuroHT } from '../../text/numbers';
import type { DeckBlock, DeckTableCell, Slide } from '../deck';
import { cell, columnsOf, fittedText, listSlides, para, slide } from '../deck-kit';
import { LAYOUT } from '../primitives';
import type { CopilContext } from './context';
import { figuresCommunes } from './figures';
import { section, type Section } from './section';
import { chartBlock, chartOrMessage, notesCopil, SERIES, tableResumee } from './shared';

const M = COPIL_MESSAGES.budget;
const R = COPIL_MESSAGES.resume;
const C = LAYOUT.content;

export function budget(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.budget;
  const b = ctx.budget;
  const f = figuresCommunes(ctx);
  if (b.total <= 0) return section('budget', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: notesCopil('budget', M.notes), bullet: false }));
  const title = M.titre(b.total, b.aTrouver);
  const columns = columnsOf(M.colonnes, [300, 100, 100, 100], C.w, { 1: 'right', 2: 'right', 3: 'right' });
  const fiches = [...ctx.fiches].sort((a, b2) => b2.aTrouver - a.aTrouver || b2.budget - a.budget);
  const rows: DeckTableCell[][] = fiches.map((x) => [
    cell(`${x.fiche.numero}. ${x.fiche.titre}`),
    cell(x.budget > 0 ? formatEuroHT(x.budget) : '—', { align: 'right' }),
    cell(x.finance > 0 ? formatEuroHT(x.finance) : '—', { align: 'right' }),
    cell(x.aTrouver > 0 ? formatEuroHT(x.aTrouver) : '—', x.aTrouver > 0 ? { align: 'right', colour: COLOURS.redText, bold: true } : { align: 'right' }),
  ]);
  const totalRow = [
    cell(M.total, { bold: true, fill: COLOURS.computedFill }),
    cell(formatEuroHT(b.total), { bold: true, align: 'right', fill: COLOURS.computedFill }),
    cell(formatEuroHT(b.finance), { bold: true, align: 'right', fill: COLOURS.computedFill }),
    cell(formatEuroHT(b.aTrouver), { bold: true, align: 'right', fill: COLOURS.computedFill, colour: b.aTrouver > 0 ? COLOURS.redText : undefined }),
  ];
  const grey = { colour: COLOURS.greyText, align: 'right' as const };
  const somme = (n: number) => (n > 0 ? formatEuroHT(n) : '—');
  // Fiches that do not fit are summed on one row: the total is always the plan's.
  const tail = (omis: readonly number[]) => {
    if (!omis.length) return [totalRow];
    const sum = (k: 'budget' | 'finance' | 'aTrouver') => omis.reduce((s, i) => s + fiches[i][k], 0);
    return [[cell(R.groupe(omis.length, M.reste.singulier, M.reste.pluriel), { colour: COLOURS.greyText }), cell(somme(sum('budget')), grey), cell(somme(sum('finance')), grey), cell(somme(sum('aTrouver')), grey)], totalRow];
  };
  const slides: Slide[] = tableResumee({
    title,
    columns,
    rows,
    labels: fiches.map((x) => `${x.fiche.numero}. ${x.fiche.titre} (${formatEuroHT(x.budget)})`),
    tail,
    max: 1,
    reste: M.reste,
    notes: (omis) => notesCopil('budget', M.notes, { critere: M.critere, omis }),
  });

  // Per funder (left) and per year (right).
  const parFinanceur = new Map<string, { montant: number; fiches: string[] }>();
  for (const x of ctx.fiches) {
    for (const fin of x.fiche.financeurs) {
      if (!fin.nom || !(fin.montant && fin.montant > 0)) continue;
      const g = parFinanceur.get(fin.nom) ?? { montant: 0, fiches: [] };
      g.montant += fin.montant;
      g.fiches.push(x.fiche.numero);
      parFinanceur.set(fin.nom, g);
    }
  }
  const half = (C.w - 16) / 2;
  const fcols = columnsOf(M.colonnesFinanceurs, [150, 100, 80], half, { 1: 'right' });
  const financeurs = [...parFinanceur.entries()].sort((a, b2) => b2[1].montant - a[1].montant || a[0].localeCompare(b2[0], 'fr'));
  const frows: DeckTableCell[][] = financeurs.map(([nom, g]) => [cell(nom), cell(formatEuroHT(g.montant), { align: 'right' }), cell([...new Set(g.fiches)].join(', '))]);
  const ftail: DeckTableCell[][] = [];
  if (b.aTrouver > 0) ftail.push([cell(M.aTrouver, { bold: true, colour: COLOURS.redText }), cell(formatEuroHT(b.aTrouver), { bold: true, align: 'right', colour: COLOURS.redText }), cell(ctx.fiches.filter((x) => x.aTrouver > 0).map((x) => x.fiche.numero).join(', '))]);
  const annees = ctx.d.budgets.parAnnee.filter((a) => a.budget > 0);
  const chartX = C.x + half + 16;
  const nonDate = ctx.d.budgets.budgetNonDate;
  const noteH = nonDate > 0 ? 30 : 0;
  const right: DeckBlock[] = [
    fittedText({ x: chartX, y: C.y, w: half, h: 38 }, (s) => [para(M.parAnnee, s, { bold: true, colour: COLOURS.greyText })], [14, 13, 12]),
    chartOrMessage(
      chartBlock(
        { x: chartX, y: C.y + 40, w: half, h: C.h - 40 - noteH },
        {
          // Horizontal: value labels sit at the end of their bar, never on their neighbour's.
          orientation: 'horizontal',
          grouping: 'clustered',
          categories: annees.map((a) => String(a.annee)),
          series: [{ name: M.parAnnee, colour: SERIES.historique, values: annees.map((a) => Math.round(a.budget / 1000)) }],
          unit: '\u00a0k€',
          decimals: 0,
          size: 12,
        },
      ),
      M.nonDate(nonDate),
    ),
    ...(noteH ? [fittedText({ x: chartX, y: C.y + C.h - noteH, w: half, h: noteH }, (s) => [para(M.nonDate(nonDate), s, { italic: true, colour: COLOURS.greyText })], [14, 12])] : []),
  ];
  const fin = tableResumee({
    title: `${M.financeurs} : ${formatEuroHT(b.finance)} ${b.aTrouver > 0 ? `financés, ${formatEuroHT(b.aTrouver)} à trouver` : 'financés'}`,
    columns: fcols,
    rows: frows,
    labels: financeurs.map(([nom, g]) => `${nom} (${formatEuroHT(g.montant)})`),
    tail: (omis) => [
      ...(omis.length ? [[cell(R.groupe(omis.length, M.resteFinanceurs.singulier, M.resteFinanceurs.pluriel), { colour: COLOURS.greyText }), cell(formatEuroHT(omis.reduce((s, i) => s + financeurs[i][1].montant, 0)), grey), cell('')]] : []),
      ...ftail,
    ],
    max: 1,
    reste: M.resteFinanceurs,
    notes: (omis) => notesCopil('financeurs', M.notes, { critere: M.critereFinanceurs, omis }),
    frame: { x: C.x, y: C.y, w: half, h: C.h },
  });
  fin.forEach((s, i) => slides.push(i === 0 ? slide(s.title, [...s.blocks, ...right], s.notes) : s));
  return section('budget', label, slides, [f.budget]);
}
