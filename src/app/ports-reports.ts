/**
 * Renderers of generated documents. The Google adapters (src/gas/reports)
 * create a new Slides / Docs file each time; the offline adapters
 * (src/node/reports) write a .pptx / .docx. A use case never knows which.
 *
 * Cost contract (Google): a constant number of API calls whatever the number
 * of slides, rows or cells (create, then one batchUpdate).
 */
import type { Deck } from '../domain/reports/deck';
import type { ReportDocument } from '../domain/reports/document';

export interface RenderedFile {
  /** The file's name (`Présentation COPIL – <Collectivité> – JJ/MM/AAAA`). */
  readonly name: string;
  /** Address of the created Google file. */
  readonly url?: string;
  /** Path of the written offline file. */
  readonly path?: string;
}

export interface DeckRendererPort {
  render(deck: Deck, name: string): RenderedFile | Promise<RenderedFile>;
}

export interface DocumentRendererPort {
  render(document: ReportDocument, name: string): RenderedFile | Promise<RenderedFile>;
}
