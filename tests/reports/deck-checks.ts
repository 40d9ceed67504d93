/**
 * Layout checks every deck must pass, whatever its data: inside the 16:9
 * page, content above the footer, no text that overflows its box (by the
 * conservative measure of fit.ts), no two texts on top of each other, no
 * font below 10 pt, no empty chart, speaker notes that say what to say and
 * what to decide on every slide.
 */
import { expect } from 'vitest';
import type { Deck, Frame } from '../../src/domain/reports/deck';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../src/domain/reports/deck';
import { MIN_FONT_SIZE, tableHeaderHeight, tableRowHeight } from '../../src/domain/reports/fit';
import { LAYOUT, slidePrimitives, textPrimitiveOverflows, type Primitive } from '../../src/domain/reports/primitives';

const EPS = 0.5;
const inside = (f: Frame, box: Frame) => f.x >= box.x - EPS && f.y >= box.y - EPS && f.x + f.w <= box.x + box.w + EPS && f.y + f.h <= box.y + box.h + EPS;
const overlap = (a: Frame, b: Frame) => a.x + a.w > b.x + EPS && b.x + b.w > a.x + EPS && a.y + a.h > b.y + EPS && b.y + b.h > a.y + EPS;

export function frameOf(p: Primitive): Frame {
  switch (p.kind) {
    case 'line':
      return { x: Math.min(p.x1, p.x2), y: Math.min(p.y1, p.y2), w: Math.abs(p.x2 - p.x1), h: Math.abs(p.y2 - p.y1) };
    case 'table':
      return p.table.frame;
    case 'chart':
      return p.chart.frame;
    default:
      return p.frame;
  }
}

export function checkDeck(deck: Deck): void {
  const page: Frame = { x: 0, y: 0, w: SLIDE_WIDTH, h: SLIDE_HEIGHT };
  const contentBottom = LAYOUT.footerTop - 3;
  deck.slides.forEach((slide, i) => {
    const where = `diapositive ${i + 1} « ${slide.title} »`;
    expect(slide.notes.length, `${where} : notes`).toBeGreaterThan(20);
    // Speaker notes on every slide, in French: what to say, what to decide, where the figures come from.
    expect(slide.notes, `${where} : notes`).toMatch(/^À dire\s: \S/m);
    expect(slide.notes, `${where} : notes`).toMatch(/^À décider\s: \S/m);
    expect(slide.notes, `${where} : notes`).toMatch(/^D’où viennent les chiffres\s: \S/m);
    for (const nativeCharts of [false, true]) {
      const prims = slidePrimitives(deck, i, { nativeCharts });
      const texts = prims.filter((p) => p.kind === 'text' || p.kind === 'table' || p.kind === 'chart');
      for (const p of prims) {
        const f = frameOf(p);
        expect(inside(f, page), `${where} : ${p.kind} hors de la page ${JSON.stringify(f)}`).toBe(true);
        if (p.kind === 'text') {
          expect(textPrimitiveOverflows(p), `${where} : texte qui déborde « ${p.paragraphs.map((x) => x.runs.map((r) => r.text).join('')).join(' / ')} »`).toBe(false);
          for (const para of p.paragraphs) expect(para.size, `${where} : police`).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
        }
        if (p.kind === 'table') {
          const t = p.table;
          expect(t.size, `${where} : police du tableau`).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
          expect(t.columns.reduce((s, c) => s + c.width, 0)).toBeCloseTo(t.frame.w, 0);
          const needed = tableHeaderHeight(t.columns, t.size) + t.rows.reduce((s, r) => s + tableRowHeight(r, t.columns, t.size), 0);
          expect(needed, `${where} : hauteur du tableau`).toBeLessThanOrEqual(t.frame.h + EPS);
          expect(t.frame.y + t.frame.h, `${where} : tableau sous le pied de page`).toBeLessThanOrEqual(contentBottom);
          for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
        }
        if (p.kind === 'chart') {
          const c = p.chart.chart;
          expect(c.categories.length, `${where} : graphique sans catégorie`).toBeGreaterThan(0);
          expect(c.series.some((s) => s.values.some((v) => v > 0)), `${where} : graphique vide`).toBe(true);
          for (const s of c.series) {
            expect(s.values).toHaveLength(c.categories.length);
            for (const v of s.values) expect(Number.isFinite(v)).toBe(true);
          }
          expect(f.y + f.h).toBeLessThanOrEqual(contentBottom);
        }
      }
      // Texts, tables and charts never sit on one another.
      for (let a = 0; a < texts.length; a++) {
        for (let b = a + 1; b < texts.length; b++) {
          const fa = frameOf(texts[a]);
          const fb = frameOf(texts[b]);
          expect(overlap(fa, fb), `${where} : ${texts[a].kind} ${JSON.stringify(fa)} chevauche ${texts[b].kind} ${JSON.stringify(fb)}`).toBe(false);
        }
      }
    }
    // Content (not the chrome) stays above the footer.
    for (const b of slide.blocks) expect(b.frame.y + b.frame.h, `${where} : ${b.kind} sur le pied de page`).toBeLessThanOrEqual(contentBottom + EPS);
  });
}
