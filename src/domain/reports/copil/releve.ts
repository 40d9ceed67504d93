/** The draft relevé de décisions: the decisions proposed, who carries them out and by when. */
import { COPIL_MESSAGES } from '../../messages/copil';
import { cell, columnsOf, listSlides, tableSlides } from '../deck-kit';
import { LAYOUT } from '../primitives';
import type { CopilContext } from './context';
import type { Decision } from './decisions';
import { section, type Section } from './section';
import { notesCopil } from './shared';

const M = COPIL_MESSAGES.releve;

export function releve(ctx: CopilContext, decisions: readonly Decision[]): Section {
  const notes = notesCopil('releve', M.notes(ctx.dateLibelle, ctx.seance.instance?.numero ?? null));
  const title = M.titre(ctx.dateLibelle);
  if (!decisions.length) return section('releve', COPIL_MESSAGES.sections.releve, listSlides({ title, items: [{ text: M.rien }], notes, bullet: false }));
  const columns = columnsOf(M.colonnes, [400, 152, 120], LAYOUT.content.w);
  const rows = decisions.map((d, i) => [cell(`${i + 1}. ${d.titre}`), cell(d.qui ?? M.quiDefaut), cell(d.quand ?? M.quandDefaut)]);
  return section('releve', COPIL_MESSAGES.sections.releve, tableSlides({ title, columns, rows, notes }));
}
