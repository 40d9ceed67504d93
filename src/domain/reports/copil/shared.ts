/** Helpers shared by the deck's sections (and by the AFOM and audit documents). */
import type { DashboardData } from '../../dashboard/types';
import type { AfomItem, Preuve, TypeAfom } from '../../model/types';
import { preuvesAttendues } from '../../preuves/readiness';
import { REPORT_MESSAGES } from '../../messages/reports';
import { COLOURS } from '../../schema/colours';
import { typographie } from '../../text/typography';
import { COPIL_MESSAGES } from '../../messages/copil';
import type { Chart, ChartBlock, Colour, DeckBlock, DeckTableCell, Frame, Slide } from '../deck';
import { bounded, fittedText, listSlides, para, tableSlides, type ListItem, type TableSpec } from '../deck-kit';
import type { ReportInput } from '../input';

export const AFOM_COLOURS: Readonly<Record<TypeAfom, { background: Colour; font: Colour }>> = {
  Atout: { background: COLOURS.green, font: COLOURS.greenText },
  Faiblesse: { background: COLOURS.red, font: COLOURS.redText },
  Opportunité: { background: COLOURS.blue, font: COLOURS.blueText },
  Menace: { background: COLOURS.orange, font: COLOURS.orangeText },
};

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

/** Series colours light enough for dark value labels inside stacked bars. */
export const SERIES = { realise: '#6FB596', programme: '#F2C66D', aTrouver: '#E8A09A', finance: '#6FB596', historique: '#2E7D9A' } as const;

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

/** The preuves expected (those of non-concerned lines left out), as the dashboard counts them. */
export function preuvesAttenduesDe(input: Pick<ReportInput, 'model' | 'scores'>): Preuve[] {
  return preuvesAttendues(input.model.preuves, (id) => input.scores.scores[id]?.concerne !== false);
}

/** The next star's sentence, with the criteria still missing. */
export function prochaineEtoile(d: DashboardData): string {
  const p = d.etoiles.prochaine;
  if (!p) return 'Cinq étoiles : le niveau maximal est atteint.';
  return REPORT_MESSAGES.prochaineEtoile(p.etoile, p.ecartPourcentage, p.criteresManquants.length, p.libelle);
}

/** A paler shade of a palette colour, for large areas. */
export function lighten(hex: Colour, amount = 0.45): Colour {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const c = [m[1], m[2], m[3]].map((h) => Math.round(parseInt(h, 16) + (255 - parseInt(h, 16)) * amount));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** A chart block whose labels are set in French typography. */
export function chartBlock(frame: Frame, chart: Chart): ChartBlock {
  return {
    kind: 'chart',
    frame,
    chart: { ...chart, categories: chart.categories.map(typographie), series: chart.series.map((x) => ({ ...x, name: typographie(x.name) })) },
  };
}

/** A chart with nothing to show (no category, only zeros) becomes a sentence in its frame. */
export function chartOrMessage(block: ChartBlock, message: string): DeckBlock {
  const hasValue = block.chart.categories.length > 0 && block.chart.series.some((s) => s.values.some((v) => v > 0));
  if (hasValue) return block;
  const frame = { x: block.frame.x, y: block.frame.y + 20, w: block.frame.w, h: Math.min(160, block.frame.h - 20) };
  return fittedText(frame, (s) => [para(message, s, { colour: COLOURS.greyText, align: 'center' })], [16, 15, 14], { fill: COLOURS.computedFill, valign: 'middle' });
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const N = COPIL_MESSAGES.notes;
const R = COPIL_MESSAGES.resume;

/** A slide of the deck, for its speaker notes. */
export type Diapositive = keyof typeof N.diapositives;

/**
 * Speaker notes of a slide, always in the same order: what to say, what to
 * decide (or that the slide is for information), which rows the slide shows
 * and which it leaves out (by name: nothing is dropped silently), and where
 * the figures come from.
 */
export function notesCopil(diapo: Diapositive, sources: string, o: { readonly critere?: string; readonly omis?: readonly string[] } = {}): string {
  const decider = (N.decisions as Partial<Record<Diapositive, string>>)[diapo];
  return [N.dire(N.diapositives[diapo]), decider ? N.decider(decider) : N.information, o.critere ? R.choix(o.critere) : '', o.omis?.length ? R.nonAffiches(o.omis.length, o.omis) : '', N.sources(sources)]
    .filter(Boolean)
    .join('\n');
}

/** What a summarised list calls the items it leaves out, and where they are. */
export interface Reste {
  readonly singulier: string;
  readonly pluriel: string;
  readonly ou: string;
}

export const reste = (r: Reste, n: number): string => R.reste(n, r.singulier, r.pluriel, r.ou);

type Row = readonly DeckTableCell[];

/**
 * A table summarised on at most `max` slides: the first rows (the caller
 * sorts them, most important first, by the criterion its notes give), then,
 * when some do not fit, « Et N autres … : où les trouver » under the table
 * and their names in the notes. `tail` rows (a total, an « other » row
 * summing what is left out) always follow the rows shown.
 */
export function tableResumee(spec: Omit<TableSpec, 'rows' | 'rest' | 'notes'> & {
  readonly rows: readonly Row[];
  /** One name per row, for the notes. */
  readonly labels: readonly string[];
  readonly max: number;
  readonly reste: Reste;
  readonly notes: (omis: readonly string[]) => string;
  readonly tail?: (omis: readonly number[]) => readonly Row[];
}): Slide[] {
  const n = spec.rows.length;
  return bounded(n, spec.max, (k) => {
    const omis = Array.from({ length: n - k }, (_, i) => k + i);
    const slides = tableSlides({
      ...spec,
      rows: [...spec.rows.slice(0, k), ...(spec.tail?.(omis) ?? [])],
      rest: k < n ? reste(spec.reste, n - k) : undefined,
      notes: spec.notes(omis.map((i) => spec.labels[i])),
    });
    return omisSurLaDerniere(slides, spec.notes([]));
  }).slides;
}

/** The left-out items are named in the notes of the slide that counts them, the last one; the others keep the rest of their notes. */
function omisSurLaDerniere(slides: Slide[], notes: string): Slide[] {
  return slides.map((s, i) => (i < slides.length - 1 ? { ...s, notes: typographie(notes) } : s));
}

/** A list summarised on at most `max` slides, like `tableResumee`. */
export function listeResumee(spec: Omit<Parameters<typeof listSlides>[0], 'items' | 'rest' | 'notes'> & {
  readonly items: readonly ListItem[];
  readonly max: number;
  readonly reste: Reste;
  readonly notes: (omis: readonly string[]) => string;
}): Slide[] {
  const n = spec.items.length;
  return bounded(n, spec.max, (k) =>
    omisSurLaDerniere(
      listSlides({ ...spec, items: spec.items.slice(0, k), rest: k < n ? reste(spec.reste, n - k) : undefined, notes: spec.notes(spec.items.slice(k).map((x) => `${x.lead ?? ''}${x.text}`)) }),
      spec.notes([]),
    ),
  ).slides;
}
