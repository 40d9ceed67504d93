/**
 * A text document as plain data (AFOM, dossier d'audit, bilan d'instance):
 * headings, paragraphs, lists and tables. Rendered as a Google Doc or an
 * offline .docx; neither renderer adds content of its own.
 */
import { formatDateFr } from '../format';
import { REPORT_MESSAGES } from '../messages/reports';
import { jourDe } from '../plan-actions/jours';
import { typographie } from '../text/typography';
import type { Colour } from './deck';

export interface DocRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** http(s) address only: renderers drop any other scheme. */
  readonly link?: string;
}

export interface DocHeading {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

export interface DocParagraph {
  readonly kind: 'paragraph';
  readonly runs: readonly DocRun[];
  /** `note` is smaller grey text (explanations, sources). */
  readonly style?: 'normal' | 'note';
  /** Printed on the same page as the next block (a label introducing a table or a list). */
  readonly keepWithNext?: boolean;
}

export interface DocList {
  readonly kind: 'list';
  readonly ordered: boolean;
  /** One item per entry, each a paragraph of runs. */
  readonly items: readonly (readonly DocRun[])[];
}

export interface DocTableCell {
  readonly runs: readonly DocRun[];
  readonly fill?: Colour;
}

export interface DocTable {
  readonly kind: 'table';
  /** Header row (repeated on every page); empty for a table without one (label / value tables). */
  readonly headers: readonly string[];
  readonly rows: readonly (readonly DocTableCell[])[];
  /** Relative column widths (any unit, normalised by renderers). */
  readonly widths: readonly number[];
}

export type DocBlock = DocHeading | DocParagraph | DocList | DocTable;

/**
 * A printable document: a cover page (collectivité, title, the date the
 * document is about, version), an optional table of contents, then the
 * blocks; renderers number every page after the cover in a running footer.
 */
export interface ReportDocument {
  /** Title of the document (cover and file properties). */
  readonly title: string;
  /** Cover line under the title: what date the document is about (« Dossier arrêté au 28/11/2026 »). */
  readonly subtitle: string;
  readonly collectivite: string;
  /** `JJ/MM/AAAA`: the date the document is about (the meeting's for a bilan). */
  readonly date: string;
  /** Cover line: when this version was generated (« Version du 28/11/2026 à 16 h 20 »). */
  readonly version: string;
  /** Running footer text, before the page number (« Dossier d'audit · Collectivité »). */
  readonly footer: string;
  /** A table of contents of the level-1 to level-3 headings, after the cover (the audit file). */
  readonly tableOfContents: boolean;
  readonly blocks: readonly DocBlock[];
}

/**
 * « Version du 28/11/2026 à 16 h 20 … »: the instant of generation, in the
 * engine's time zone (as `reportDate`), so two versions of the same day differ.
 */
export function versionLabel(generatedAt: Date): string {
  const M = REPORT_MESSAGES.documents;
  return M.version(formatDateFr(jourDe(generatedAt)), M.heure(generatedAt.getHours(), generatedAt.getMinutes()));
}

/**
 * A document model ready for the renderers: its cover (title, subtitle, collectivité, date, version of
 * `generatedAt`), its running footer (`footerTitle` · collectivité), whether it has a table of contents, its
 * blocks; all as plain data in French typography (`plain`).
 */
export function printedDocument(
  o: { title: string; subtitle: string; collectivite: string; date: string; generatedAt: Date; footerTitle: string; tableOfContents?: boolean },
  blocks: readonly DocBlock[],
): ReportDocument {
  return plain({
    title: o.title,
    subtitle: o.subtitle,
    collectivite: o.collectivite,
    date: o.date,
    version: versionLabel(o.generatedAt),
    footer: REPORT_MESSAGES.documents.pied(o.footerTitle, o.collectivite),
    tableOfContents: o.tableOfContents === true,
    blocks,
  });
}

/** Keeps http(s) and mailto addresses; anything else (javascript:, data:…) is not a link. */
export function safeLink(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const u = url.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(u) ? u : undefined;
}

/**
 * Characters common fonts (Arial, Liberation Sans, Calibri) lack, and what
 * to print instead: the word-separator middle dot of inclusive writing
 * (« élu⸱e », as the référentiel writes it) becomes the usual middle dot.
 */
const GLYPHS: ReadonlyArray<readonly [RegExp, string]> = [[/\u2e31/g, '\u00b7']];

/**
 * The model as plain data: keys whose value is `undefined` (optional fields
 * left out) are removed, deeply, so a document model is exactly its JSON;
 * texts get the glyphs every font has (GLYPHS) and French typography (the one
 * routine of src/domain/text), except link targets, kept byte for byte.
 */
export function plain<T>(value: T): T {
  if (typeof value === 'string') return typographie(GLYPHS.reduce((s, [re, to]) => s.replace(re, to), value as string)) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => plain(v)) as unknown as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = k === 'link' ? v : plain(v);
    return out as T;
  }
  return value;
}
