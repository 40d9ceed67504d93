/** Late and coming items at the meeting's date, each counted once, with their owner. */
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS } from '../../schema/colours';
import { formatDateFr } from '../../text/numbers';
import type { Slide } from '../deck';
import { cell, columnsOf, listSlides } from '../deck-kit';
import { LAYOUT } from '../primitives';
import type { CopilContext, Item } from './context';
import { figuresCommunes } from './figures';
import { section, type Section } from './section';
import { notesCopil, tableResumee } from './shared';

const M = COPIL_MESSAGES.echeances;

function rows(items: readonly Item[], late: boolean) {
  return items.map((e) => [
    cell(formatDateFr(e.echeance), late ? { colour: COLOURS.redText, bold: true } : {}),
    cell(e.quoi),
    cell(e.qui ?? M.quiAbsent, e.qui ? {} : { colour: COLOURS.redText }),
    cell(e.origine ?? '—'),
    late ? cell(M.retard(e.jours), { fill: COLOURS.red, colour: COLOURS.redText, bold: true }) : cell(M.dans(e.jours), { fill: COLOURS.blue, colour: COLOURS.blueText }),
  ]);
}

export function deadlines(ctx: CopilContext): Section {
  const columns = columnsOf(M.colonnes, [80, 250, 110, 150, 82], LAYOUT.content.w);
  const sources = (items: readonly Item[]) => `${M.notes} Lignes : ${items.map((i) => i.sources.join(' + ')).join(' ; ') || 'aucune'}.`;
  const label = (e: Item) => `${formatDateFr(e.echeance)} — ${e.quoi} (${e.qui ?? M.quiAbsent})`;
  const enRetard = [...ctx.enRetard].sort((a, b) => b.jours - a.jours);
  const aVenir = [...ctx.aVenir].sort((a, b) => a.jours - b.jours);
  const doublons = [...ctx.enRetard, ...ctx.aVenir].reduce((s, i) => s + i.sources.length - 1, 0);
  const intro = doublons > 0 ? M.intro(doublons) : undefined;
  const slides: Slide[] = [
    ...(enRetard.length
      ? tableResumee({
          title: M.titreRetard(enRetard.length),
          columns,
          rows: rows(enRetard, true),
          labels: enRetard.map(label),
          max: 1,
          reste: M.resteRetard,
          notes: (omis) => notesCopil('retard', sources(enRetard), { critere: M.critereRetard, omis }),
          intro,
        })
      : listSlides({ title: M.titreRetard(0), items: [{ text: M.videRetard }], notes: notesCopil('retard', M.notes), bullet: false })),
    ...(aVenir.length
      ? tableResumee({
          title: M.titreAVenir(aVenir.length, ctx.horizonMois),
          columns,
          rows: rows(aVenir, false),
          labels: aVenir.map(label),
          max: 1,
          reste: M.resteAVenir,
          notes: (omis) => notesCopil('aVenir', sources(aVenir), { critere: M.critereAVenir, omis }),
        })
      : listSlides({ title: M.titreAVenir(0, ctx.horizonMois), items: [{ text: M.videAVenir(ctx.horizonMois) }], notes: notesCopil('aVenir', M.notes), bullet: false })),
  ];
  return section('echeances', COPIL_MESSAGES.sections.echeances, slides, ctx.enRetard.length ? [figuresCommunes(ctx).retards] : []);
}
