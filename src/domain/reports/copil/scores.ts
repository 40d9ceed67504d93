/** Scores per axe with the stars, and the progression COPIL after COPIL (Historique). */
import { AXES_COURTS } from '../../messages/reports';
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS } from '../../schema/colours';
import { formatDateFr } from '../../text/numbers';
import type { DeckBlock, Slide } from '../deck';
import { fittedText, para, slide } from '../deck-kit';
import { LAYOUT } from '../primitives';
import type { CopilContext } from './context';
import { figuresCommunes } from './figures';
import { section, type Section } from './section';
import { chartBlock, chartOrMessage, notesCopil, round1, SERIES } from './shared';

const M = COPIL_MESSAGES.scores;
const C = LAYOUT.content;
const GAP = 12;

export function scores(ctx: CopilContext): Section {
  const d = ctx.d;
  const e = d.etoiles;
  const chartW = 410;
  const chart = chartBlock(
    { x: C.x, y: C.y, w: chartW, h: C.h },
    {
      orientation: 'horizontal',
      grouping: 'stacked',
      categories: d.scores.axes.map((a) => AXES_COURTS[a.id] ?? `${a.numero}. ${a.titre}`),
      series: [
        { name: M.realise, colour: SERIES.realise, values: d.scores.axes.map((a) => round1(a.pourcentageRealise)) },
        { name: M.programme, colour: SERIES.programme, values: d.scores.axes.map((a) => round1(a.pourcentageProgramme)) },
      ],
      max: 100,
      unit: '\u00a0%',
      decimals: 0,
      size: 12,
    },
  );
  const x = C.x + chartW + GAP;
  const w = C.w - chartW - GAP;
  const blocks: DeckBlock[] = [
    chartOrMessage(chart, M.aucunPoint),
    { kind: 'rect', frame: { x, y: C.y, w, h: C.h }, fill: COLOURS.computedFill },
    fittedText({ x: x + 4, y: C.y + 4, w: w - 8, h: 28 }, (s) => [para(M.label, s, { bold: true, colour: COLOURS.brand })], [16, 15, 14]),
    { kind: 'stars', frame: { x: x + 10, y: C.y + 36, w: w - 20, h: 36 }, stars: { actuelle: e.actuelle, atteignable: Math.max(e.actuelle, e.atteignable), total: 5 } },
    fittedText({ x: x + 4, y: C.y + 78, w: w - 8, h: C.h - 82 }, (s) => [
      para(M.etoileActuelle(e.actuelle), s, { bold: true, colour: COLOURS.orangeText }),
      para(M.etoileAtteignable(Math.max(e.actuelle, e.atteignable)), s, { colour: '#202124' }),
      para(M.scoreTotal(e.scoreRealise, e.scorePrevisionnel), s, { colour: '#202124' }),
      para(M.completude(d.completude.libelle), s, { colour: COLOURS.greyText }),
      ...(ctx.historique.length ? [] : [para(M.premierReleve, s, { colour: COLOURS.greyText, italic: true })]),
    ], [15, 14]),
  ];
  const slides: Slide[] = [slide(M.titre(e.actuelle, Math.max(e.actuelle, e.atteignable)), blocks, notesCopil('scores', M.notes(d.scores.axes.map((a) => `${a.numero}. ${a.titre}`))))];
  if (ctx.historique.length) {
    const points = [...ctx.historique.map((h) => ({ date: h.seance, score: h.scoreRealise, prev: h.scorePrevisionnel ?? h.scoreRealise })), { date: ctx.seance.date, score: e.scoreRealise, prev: e.scorePrevisionnel }];
    const shown = points.slice(-8);
    const prev = ctx.historique[ctx.historique.length - 1];
    const progression = chartBlock(
      { x: C.x, y: C.y, w: C.w, h: C.h },
      {
        orientation: 'vertical',
        grouping: 'clustered',
        categories: shown.map((p) => (p.date === ctx.seance.date ? `${formatDateFr(p.date)} (cette séance)` : formatDateFr(p.date))),
        series: [{ name: M.realise, colour: SERIES.realise, values: shown.map((p) => round1(p.score)) }],
        max: 100,
        unit: '\u00a0%',
        decimals: 1,
        size: 12,
      },
    );
    slides.push(slide(M.progressionTitre(e.scoreRealise - prev.scoreRealise, formatDateFr(prev.seance)), [progression], notesCopil('progression', M.notes(d.scores.axes.map((a) => `${a.numero}. ${a.titre}`)))));
  }
  return section('scores', COPIL_MESSAGES.sections.scores, slides, [figuresCommunes(ctx).score]);
}
