/**
 * DeckRendererPort over the Slides advanced service: a new presentation each
 * time (drive.file: the add-on only touches files it created), filled by ONE
 * batchUpdate whatever the deck's size. Speaker notes need the ids Slides
 * gives the notes shapes, known only after the slides exist: one `get` of
 * those ids and one more batchUpdate, both constant.
 *
 * API calls: create, batchUpdate, and when the deck has notes get + batchUpdate.
 */
import type { DeckRendererPort, RenderedFile } from '../../app/ports-reports';
import type { Deck } from '../../domain/reports/deck';
import { notesRequests, slidesRequests, type SlidesRequest } from './slides-requests';

/** The part of the advanced service `Slides` this adapter uses (fakes implement it). */
export interface SlidesService {
  readonly Presentations: {
    create(resource: Record<string, unknown>): { presentationId?: string; slides?: ReadonlyArray<{ objectId?: string }> };
    batchUpdate(resource: { requests: SlidesRequest[] }, presentationId: string): unknown;
    get(presentationId: string, optionalArgs?: Record<string, unknown>): {
      slides?: ReadonlyArray<{
        objectId?: string;
        slideProperties?: { notesPage?: { notesProperties?: { speakerNotesObjectId?: string } } };
      }>;
    };
  };
}

export function presentationUrl(id: string): string {
  return `https://docs.google.com/presentation/d/${encodeURIComponent(id)}/edit`;
}

export class GoogleSlidesRenderer implements DeckRendererPort {
  constructor(private readonly slides: SlidesService) {}

  render(deck: Deck, name: string): RenderedFile {
    // `create` takes the title only (other fields are ignored): a new presentation's page is
    // Google's default 16:9, 10 × 5.625 in, i.e. the deck's SLIDE_WIDTH × SLIDE_HEIGHT points.
    const created = this.slides.Presentations.create({ title: name });
    const id = created.presentationId;
    if (!id) throw new Error('Slides.Presentations.create did not return a presentationId');
    const defaults = (created.slides ?? []).map((s) => s.objectId).filter((x): x is string => !!x);
    const plan = slidesRequests(deck, { idPrefix: 'cc', deleteSlideIds: defaults });
    this.slides.Presentations.batchUpdate({ requests: plan.requests }, id);
    if (deck.slides.some((s) => s.notes)) {
      const got = this.slides.Presentations.get(id, { fields: 'slides(objectId,slideProperties(notesPage(notesProperties(speakerNotesObjectId))))' });
      const byId = new Map((got.slides ?? []).map((s) => [s.objectId, s.slideProperties?.notesPage?.notesProperties?.speakerNotesObjectId ?? null]));
      const notes = notesRequests(deck, plan.slideIds.map((sid) => byId.get(sid) ?? null));
      if (notes.length) this.slides.Presentations.batchUpdate({ requests: notes }, id);
    }
    return { name, url: presentationUrl(id) };
  }
}
