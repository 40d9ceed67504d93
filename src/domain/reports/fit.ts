/**
 * Slide geometry over the shared text layer (`../text/measure`, real Carlito
 * metrics with a safety margin): insets both renderers use, heights of
 * paragraphs and table rows. A text that "fits" here fits in PowerPoint,
 * LibreOffice and Google Slides, with room to spare.
 */
import type { DeckParagraph, DeckTableCell, DeckTableColumn } from './deck';

import { LINE_HEIGHT, lineCount, textWidth, wrapText } from '../text/measure';

export { lineCount, textWidth, wrapText } from '../text/measure';
export { paginate } from '../text/paginate';

/** Line height as a multiple of the font size (the font's own, from the text layer). */
export { LINE_HEIGHT } from '../text/measure';
/** Inner margins of a text box, both renderers (points). */
export const TEXT_INSET_X = 7.2;
export const TEXT_INSET_Y = 3.6;
/** Inner margins of a table cell (points). */
export const CELL_INSET_X = 7.2;
export const CELL_INSET_Y = 3.6;
/** Indentation of a bulleted paragraph, in multiples of the font size. */
export const BULLET_INDENT = 1.6;
/** Indentation of a bulleted paragraph (points): both renderers indent by less. */
export function bulletIndent(size: number): number {
  return Math.max(20, BULLET_INDENT * size);
}
/** Smallest font size used anywhere on a slide. */
export const MIN_FONT_SIZE = 12;
/** Smallest font size of body text. */
export const MIN_BODY_SIZE = 14;

/** Text of a paragraph (its runs joined). */
export function paragraphText(p: DeckParagraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** Height of paragraphs in a text box of width `boxWidth`, insets included. */
export function paragraphsHeight(paragraphs: readonly DeckParagraph[], boxWidth: number): number {
  let h = 2 * TEXT_INSET_Y;
  for (const p of paragraphs) {
    const indent = p.bullet ? bulletIndent(p.size) : 0;
    const bold = p.runs.some((r) => r.bold);
    const n = lineCount(paragraphText(p), boxWidth - 2 * TEXT_INSET_X - indent, p.size, bold);
    h += n * p.size * LINE_HEIGHT;
  }
  return h;
}

export function paragraphsFit(paragraphs: readonly DeckParagraph[], boxWidth: number, boxHeight: number): boolean {
  return paragraphsHeight(paragraphs, boxWidth) <= boxHeight;
}

/** Height of one table row (insets included). */
export function tableRowHeight(cells: readonly DeckTableCell[], columns: readonly DeckTableColumn[], size: number, bold = false): number {
  let lines = 1;
  cells.forEach((c, i) => {
    const w = columns[i].width - 2 * CELL_INSET_X;
    lines = Math.max(lines, lineCount(c.text, w, size, bold || !!c.bold));
  });
  return lines * size * LINE_HEIGHT + 2 * CELL_INSET_Y;
}

export function tableHeaderHeight(columns: readonly DeckTableColumn[], size: number): number {
  return tableRowHeight(columns.map((c) => ({ text: c.header, bold: true })), columns, size, true);
}
