/**
 * The « ready to project » check, run at every generation: nothing cut,
 * nothing outside its box or the page, no section without content, no
 * placeholder text, fonts large enough, and the figures shared by several
 * sections identical on each (one budget total, HT), speaker notes that say
 * what to say and what to decide, and a slide that leaves items out saying
 * how many. What it finds goes to the Journal and the command's output.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import type { Deck, Frame } from '../deck';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../deck';
import { MIN_FONT_SIZE, tableHeaderHeight, tableRowHeight, wrapText, CELL_INSET_X } from '../fit';
import { slidePrimitives, textPrimitiveOverflows } from '../primitives';
import type { Section } from './section';

const M = COPIL_MESSAGES.check;
const EPS = 0.5;
/** What a generated deck must never say: cut texts, « + N autres », placeholders left for the team. */
const TRUNCATED = /(…|\.\.\.)\s*$|^\+ ?\d+ autres?\b/u;
const PLACEHOLDER = /(à compléter par|TODO|XXX|lorem ipsum|\[à renseigner\]|\?\?\?)/iu;
/** Notes of every slide: what to say, then what to decide (notesCopil). */
const NOTES = /^À dire\s:[\s\S]*^À décider\s:/mu;
/** Notes that name the items a slide leaves out (resume.nonAffiches), and what the slide must then say. */
const OMIS = /Non affichés sur la diapositive \((\d[\d\s]*)\)/u;
const COMPTE = /\b[Ee]t \d[\d\s]* autres?\b|^\d[\d\s]* acteurs\b/u;

export interface ReadyReport {
  readonly ok: boolean;
  readonly slides: number;
  /** French sentences, one per problem. */
  readonly problems: readonly string[];
}

const inside = (f: Frame) => f.x >= -EPS && f.y >= -EPS && f.x + f.w <= SLIDE_WIDTH + EPS && f.y + f.h <= SLIDE_HEIGHT + EPS;
const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

function slideTexts(deck: Deck, i: number): string[] {
  const s = deck.slides[i];
  return [
    s.title,
    ...s.blocks.flatMap((b) =>
      b.kind === 'text'
        ? b.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
        : b.kind === 'table'
          ? [...b.columns.map((c) => c.header), ...b.rows.flatMap((r) => r.map((c) => c.text))]
          : b.kind === 'matrix'
            ? b.matrix.cells.flatMap((c) => [c.title ?? '', ...c.lines.map((l) => l.text)])
            : b.kind === 'chart'
              ? [...b.chart.categories, ...b.chart.series.map((x) => x.name)]
              : [],
    ),
  ];
}

export function verifierDeck(deck: Deck, sections: readonly Section[]): ReadyReport {
  const problems: string[] = [];
  deck.slides.forEach((slide, i) => {
    const page = i + 1;
    const texts = slideTexts(deck, i);
    if (slide.layout === 'content' && !slide.blocks.some((b) => b.kind !== 'rect')) problems.push(M.vide(page, slide.title));
    if (!NOTES.test(slide.notes)) problems.push(M.notes(page));
    const omis = OMIS.exec(slide.notes);
    if (omis && !texts.some((t) => COMPTE.test(t))) problems.push(M.omis(page, Number(omis[1].replace(/\s/g, ''))));
    for (const t of texts) {
      if (TRUNCATED.test(t.trim())) problems.push(M.tronque(page, short(t)));
      if (PLACEHOLDER.test(t)) problems.push(M.substitut(page, short(t)));
    }
    for (const p of slidePrimitives(deck, i, { nativeCharts: true })) {
      const f = p.kind === 'line' ? { x: Math.min(p.x1, p.x2), y: Math.min(p.y1, p.y2), w: Math.abs(p.x2 - p.x1), h: Math.abs(p.y2 - p.y1) } : p.kind === 'table' ? p.table.frame : p.kind === 'chart' ? p.chart.frame : p.frame;
      if (!inside(f)) problems.push(M.horsPage(page));
      if (p.kind === 'text') {
        if (textPrimitiveOverflows(p)) problems.push(M.deborde(page, short(p.paragraphs.map((x) => x.runs.map((r) => r.text).join('')).join(' / '))));
        const small = p.paragraphs.find((x) => x.size < MIN_FONT_SIZE);
        if (small) problems.push(M.police(page, small.size));
      }
      if (p.kind === 'table') {
        const t = p.table;
        if (t.size < MIN_FONT_SIZE) problems.push(M.police(page, t.size));
        const needed = tableHeaderHeight(t.columns, t.size) + t.rows.reduce((s, r) => s + tableRowHeight(r, t.columns, t.size), 0);
        if (needed > t.frame.h + EPS || t.frame.y + t.frame.h > SLIDE_HEIGHT - 24) problems.push(M.deborde(page, t.columns.map((c) => c.header).join(' | ')));
        // A word wider than its column would be broken mid-word.
        t.rows.forEach((r) =>
          r.forEach((c, j) => {
            const w = t.columns[j].width - 2 * CELL_INSET_X;
            if (c.text.split(/\s+/).some((word) => wrapText(word, w, t.size, c.bold).length > 1)) problems.push(M.deborde(page, short(c.text)));
          }),
        );
      }
    }
  });
  for (const s of sections) {
    if (!s.horsOrdreDuJour && s.slides.length === 0) problems.push(M.section(s.label));
    const first = deck.slides.findIndex((x) => x.section === s.id);
    for (const f of s.figures ?? []) {
      const found = deck.slides.some((x, i) => x.section === s.id && slideTexts(deck, i).some((t) => t.includes(f.value)));
      if (!found) problems.push(M.chiffre(f.label, f.value, first + 1));
    }
  }
  const unique = [...new Set(problems)];
  return { ok: unique.length === 0, slides: deck.slides.length, problems: unique };
}
