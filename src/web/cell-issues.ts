/**
 * The cells the .xlsx layer could not read (« Cellules non lues », after
 * opening) or write as asked (« Cellules non écrites », after consolidating):
 * a titled section, a one-line count, and a table of tab, cell and the
 * layer's own French message (the one the command line prints). Hidden when
 * there is none. Long lists are shown by pages, like the anomalies.
 */
import { WEB_MESSAGES } from '../domain/messages/web';
import { typographie } from '../domain/text/typography';
import { clear, el } from './dom';
import type { CellIssue } from './protocol';

const M = WEB_MESSAGES.cellules;
const PAGE = 200;

export interface CellIssuesTexts {
  readonly titre: string;
  readonly aide: string;
  readonly legende: string;
}

/** `M3`: the cell as Excel names it. */
export function cellName(issue: CellIssue): string {
  return `${issue.column}${issue.row}`;
}

export class CellIssuesView {
  readonly root: HTMLElement;
  private issues: readonly CellIssue[] = [];
  private shown = PAGE;
  private readonly summary: HTMLElement;
  private readonly body = el('tbody');
  private readonly more = el('button', { type: 'button', class: 'bouton secondaire', hidden: true });

  /** `id` prefixes the ids of the section (`<id>`, `<id>-titre`, `table-<id>`…). */
  constructor(id: string, texts: CellIssuesTexts) {
    const title = `${id}-titre`;
    this.summary = el('p', { id: `${id}-resume`, class: 'resume' });
    this.root = el(
      'section',
      { id, class: 'cellules', 'aria-labelledby': title, hidden: true },
      el('h2', { id: title }, typographie(texts.titre)),
      this.summary,
      el('p', { class: 'aide' }, typographie(texts.aide)),
      el(
        'div',
        { class: 'table-defilante', tabindex: 0, role: 'region', 'aria-labelledby': title },
        el(
          'table',
          { class: 'tableau', id: `table-${id}` },
          el('caption', { class: 'sr-only' }, typographie(texts.legende)),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, M.colonnes.onglet), el('th', { scope: 'col' }, M.colonnes.cellule), el('th', { scope: 'col' }, typographie(M.colonnes.message)))),
          this.body,
        ),
      ),
      this.more,
    );
    this.more.addEventListener('click', () => {
      this.shown += PAGE;
      this.render();
    });
  }

  /** Shows these cells (hides the section when there is none). */
  set(issues: readonly CellIssue[]): void {
    this.issues = issues;
    this.shown = PAGE;
    this.root.hidden = issues.length === 0;
    this.summary.textContent = typographie(M.resume(issues.length, new Set(issues.map((i) => i.tab)).size));
    this.render();
  }

  private render(): void {
    clear(this.body);
    const visible = this.issues.slice(0, this.shown);
    const fragment = document.createDocumentFragment();
    for (const issue of visible) {
      fragment.append(el('tr', {}, el('td', {}, issue.tab), el('td', { class: 'cellule' }, cellName(issue)), el('td', {}, typographie(issue.message))));
    }
    this.body.append(fragment);
    const rest = this.issues.length - visible.length;
    this.more.hidden = rest <= 0;
    this.more.textContent = M.plus(Math.min(PAGE, rest));
  }
}
