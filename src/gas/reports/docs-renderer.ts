/**
 * DocumentRendererPort over the Docs advanced service: a new document each
 * time (drive.file: the add-on only touches files it created), filled by ONE
 * batchUpdate whatever the number of paragraphs, rows or cells.
 *
 * API calls: create, batchUpdate.
 */
import type { DocumentRendererPort, RenderedFile } from '../../app/ports-reports';
import type { ReportDocument } from '../../domain/reports/document';
import { docsRequests, type DocsRequest } from './docs-requests';

/** The part of the advanced service `Docs` this adapter uses (fakes implement it). */
export interface DocsService {
  readonly Documents: {
    create(resource: Record<string, unknown>): { documentId?: string };
    batchUpdate(resource: { requests: DocsRequest[] }, documentId: string): unknown;
  };
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(id)}/edit`;
}

export class GoogleDocsRenderer implements DocumentRendererPort {
  constructor(private readonly docs: DocsService) {}

  render(document: ReportDocument, name: string): RenderedFile {
    const created = this.docs.Documents.create({ title: name });
    const id = created.documentId;
    if (!id) throw new Error('Docs.Documents.create did not return a documentId');
    this.docs.Documents.batchUpdate({ requests: docsRequests(document) }, id);
    return { name, url: documentUrl(id) };
  }
}
