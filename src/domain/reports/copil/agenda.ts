/** The agenda: the sections in their order, with the number of their first slide. */
import { COPIL_MESSAGES } from '../../messages/copil';
import { listSlides } from '../deck-kit';
import { section, type Section } from './section';
import { notesCopil } from './shared';

const M = COPIL_MESSAGES.ordre;

/** `first` is the number of the agenda's first slide; the sections follow the agenda. */
export function agenda(sections: readonly Section[], first: number): Section {
  const build = (agendaSlides: number) => {
    let page = first + agendaSlides;
    const items = sections.map((s) => {
      const text = M.ligne(s.label, page);
      page += s.slides.length;
      return { text };
    });
    return listSlides({ title: M.titre(sections.length), items, notes: notesCopil('ordre', M.notes), bullet: 'number', sizes: [16, 15, 14] });
  };
  let slides = build(1);
  if (slides.length !== 1) slides = build(slides.length);
  return { ...section('ordre', COPIL_MESSAGES.sections.ordre, slides), horsOrdreDuJour: true };
}
