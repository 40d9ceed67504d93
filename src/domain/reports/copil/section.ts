/** A section of the COPIL deck: its agenda label, its slides, and the figures it must show (checked at generation). */
import type { Slide } from '../deck';

export interface Figure {
  /** What the figure is (« budget du plan »). */
  readonly label: string;
  /** Its text exactly as every slide shows it. */
  readonly value: string;
}

export interface Section {
  readonly id: string;
  readonly label: string;
  readonly slides: readonly Slide[];
  /** Figures shared with other sections: each must appear, identical, on this section's slides. */
  readonly figures?: readonly Figure[];
  /** Left out of the agenda (cover, agenda itself). */
  readonly horsOrdreDuJour?: boolean;
}

export function section(id: string, label: string, slides: readonly Slide[], figures: readonly Figure[] = []): Section {
  return { id, label, slides: slides.map((s) => ({ ...s, section: id })), figures };
}
