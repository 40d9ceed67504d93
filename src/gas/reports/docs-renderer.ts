/**
 * DocumentRendererPort over the Docs advanced service: a new document each
 * time (drive.file: the add-on only touches files it created), filled by ONE
 * batchUpdate whatever the number of paragraphs, rows or cells, then a small
 * one for what needs ids Docs only gives back once the body exists: the
 * footer's (createFooter's reply) and the headings' (read with
 * documents.get, only when the document has a table of contents).
 *
 * API calls: create, batchUpdate, [get,] batchUpdate — the same count for
 * any size of document.
 */
import type { DocumentRendererPort, RenderedFile } from '../../app/ports-reports';
import type { ReportDocument } from '../../domain/reports/document';
import { docsFollowUp, docsPlan, type DocsRequest } from './docs-requests';

/** The part of the advanced service `Docs` this adapter uses (fakes implement it). */
export interface DocsService {
  readonly Documents: {
    create(resource: Record<string, unknown>): { documentId?: string };
    batchUpdate(resource: { requests: DocsRequest[] }, documentId: string): { replies?: Array<Record<string, unknown>> } | undefined;
    get(documentId: string): DocsDocument;
  };
}

/** The part of a `documents.get` answer this adapter reads: the headings' ids, in document order. */
export interface DocsDocument {
  readonly body?: {
    readonly content?: ReadonlyArray<{ readonly paragraph?: { readonly paragraphStyle?: { readonly namedStyleType?: string; readonly headingId?: string } } }>;
  };
}

/** Ids of the level 1–3 headings of a document, in order. */
export function headingIdsOf(document: DocsDocument): string[] {
  const out: string[] = [];
  for (const e of document.body?.content ?? []) {
    const style = e.paragraph?.paragraphStyle;
    if (style?.headingId && /^HEADING_[123]$/.test(style.namedStyleType ?? '')) out.push(style.headingId);
  }
  return out;
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
    const plan = docsPlan(document);
    const answer = this.docs.Documents.batchUpdate({ requests: plan.requests }, id);
    const footerId = (answer?.replies?.[plan.footerRequest]?.createFooter as { footerId?: string } | undefined)?.footerId ?? null;
    const headingIds = plan.tocEntries.length ? headingIdsOf(this.docs.Documents.get(id)) : [];
    const followUp = docsFollowUp(document, plan, footerId, headingIds);
    if (followUp.length) this.docs.Documents.batchUpdate({ requests: followUp }, id);
    return { name, url: documentUrl(id) };
  }
}
