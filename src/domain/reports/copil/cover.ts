/** The cover: title, collectivité, the meeting's date and its title in Instances. */
import { COPIL_MESSAGES } from '../../messages/copil';
import { COLOURS } from '../../schema/colours';
import { formatDateFr } from '../../text/numbers';
import { typographie } from '../../text/typography';
import type { DeckBlock } from '../deck';
import { SLIDE_WIDTH } from '../deck';
import { fittedText, para } from '../deck-kit';
import { jourDe } from '../../plan-actions/jours';
import type { CopilContext } from './context';
import { section, type Section } from './section';
import { notesCopil } from './shared';

const M = COPIL_MESSAGES;

export function cover(ctx: CopilContext): Section {
  const panelH = 236;
  const intitule = ctx.seance.instance?.intitule?.trim();
  const blocks: DeckBlock[] = [
    { kind: 'rect', frame: { x: 0, y: 0, w: SLIDE_WIDTH, h: panelH }, fill: COLOURS.brand },
    { kind: 'rect', frame: { x: 0, y: panelH, w: SLIDE_WIDTH, h: 5 }, fill: COLOURS.accent },
    fittedText({ x: 40, y: 50, w: 640, h: 64 }, (s) => [para(M.titre, s, { bold: true, colour: COLOURS.white })], [40, 36, 32]),
    fittedText({ x: 40, y: 118, w: 640, h: 104 }, (s) => [para(M.sousTitre, s, { colour: COLOURS.brandLight }), ...(intitule ? [para(intitule, s, { colour: COLOURS.white })] : [])], [20, 18, 16, 14]),
    fittedText({ x: 40, y: 250, w: 640, h: 70 }, (s) => [para(ctx.collectivite, s, { bold: true, colour: COLOURS.brand })], [26, 24, 22, 20, 18, 16]),
    fittedText({ x: 40, y: 322, w: 640, h: 50 }, (s) => [para(M.couverture.seance(ctx.dateLibelle), s, { bold: true, colour: COLOURS.greyText })], [22, 20, 18]),
  ];
  const notes = M.couverture.notes(ctx.dateLibelle, formatDateFr(jourDe(ctx.input.today)), ctx.seance.instance?.numero ?? null);
  return { ...section('couverture', M.titre, [{ layout: 'title', title: typographie(M.titre), blocks, notes: typographie(notesCopil('couverture', notes)) }]), horsOrdreDuJour: true };
}
