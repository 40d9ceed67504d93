/**
 * The anomalies table: tab, row, column, message, blocking; filtered by tab,
 * severity and text, sorted by any column (keyboard: the column headers are
 * buttons; `aria-sort` tells screen readers the order). Long lists are shown
 * by pages, so that the page stays quick on large workbooks.
 */
import { WEB_MESSAGES } from '../domain/messages/web';
import { normalizeKey } from '../domain/table/normalize';
import { clear, el } from './dom';
import type { AnomalyRow } from './protocol';

const M = WEB_MESSAGES.anomalies;
const PAGE = 200;

type Key = keyof AnomalyRow;
const COLUMNS: readonly Key[] = ['onglet', 'ligne', 'colonne', 'message', 'bloquante'];

export interface AnomalyFilter {
  readonly onglet: string;
  readonly gravite: 'toutes' | 'bloquantes' | 'avertissements';
  readonly texte: string;
}

/** Rows passing the filter, sorted (stable: ties keep the workbook's order). */
export function filterAndSort(rows: readonly AnomalyRow[], filter: AnomalyFilter, sort: { key: Key; ascending: boolean } | null): AnomalyRow[] {
  const needle = normalizeKey(filter.texte);
  const kept = rows.filter(
    (r) =>
      (filter.onglet === '' || r.onglet === filter.onglet) &&
      (filter.gravite === 'toutes' || (filter.gravite === 'bloquantes') === r.bloquante) &&
      (needle === '' || normalizeKey(`${r.message} ${r.colonne ?? ''} ${r.onglet}`).includes(needle)),
  );
  if (!sort) return kept;
  const dir = sort.ascending ? 1 : -1;
  return kept
    .map((r, i) => ({ r, i }))
    .sort((a, b) => dir * compare(a.r[sort.key], b.r[sort.key]) || a.i - b.i)
    .map((x) => x.r);
}

function compare(a: string | number | boolean | null, b: string | number | boolean | null): number {
  // Empty cells last whatever the order.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(b) - Number(a);
  return String(a).localeCompare(String(b), 'fr', { sensitivity: 'base', numeric: true });
}

export class AnomaliesTable {
  private rows: readonly AnomalyRow[] = [];
  private sort: { key: Key; ascending: boolean } | null = null;
  private shown = PAGE;
  readonly root: HTMLElement;
  private readonly onglet = el('select', { id: 'filtre-onglet' });
  private readonly gravite = el(
    'select',
    { id: 'filtre-gravite' },
    el('option', { value: 'toutes' }, M.toutes),
    el('option', { value: 'bloquantes' }, M.bloquantes),
    el('option', { value: 'avertissements' }, M.avertissements),
  );
  private readonly texte = el('input', { id: 'filtre-texte', type: 'search', autocomplete: 'off' });
  private readonly headRow = el('tr');
  private readonly body = el('tbody');
  private readonly count = el('p', { id: 'anomalies-compte', 'aria-live': 'polite' });
  private readonly more = el('button', { type: 'button', class: 'bouton secondaire', hidden: true });
  private readonly summary = el('p', { id: 'anomalies-resume', class: 'resume' });

  constructor() {
    const field = (id: string, label: string, control: HTMLElement) => el('div', { class: 'champ' }, el('label', { for: id }, label), control);
    this.root = el(
      'section',
      { id: 'anomalies', 'aria-labelledby': 'anomalies-titre', hidden: true },
      el('h2', { id: 'anomalies-titre' }, M.titre),
      this.summary,
      el(
        'div',
        { class: 'filtres', role: 'search' },
        field('filtre-onglet', M.filtreOnglet, this.onglet),
        field('filtre-gravite', M.filtreGravite, this.gravite),
        field('filtre-texte', M.filtreTexte, this.texte),
      ),
      this.count,
      el('div', { class: 'table-defilante', tabindex: 0, role: 'region', 'aria-labelledby': 'anomalies-titre' }, el('table', { class: 'tableau', id: 'table-anomalies' }, el('caption', { class: 'sr-only' }, M.legende), el('thead', {}, this.headRow), this.body)),
      this.more,
    );
    for (const key of COLUMNS) {
      const button = el('button', { type: 'button', class: 'tri', 'data-cle': key }, M.colonnes[key]);
      button.addEventListener('click', () => this.toggleSort(key));
      this.headRow.append(el('th', { scope: 'col', 'data-cle': key }, button));
    }
    const refilter = () => {
      this.shown = PAGE;
      this.render();
    };
    this.onglet.addEventListener('change', refilter);
    this.gravite.addEventListener('change', refilter);
    this.texte.addEventListener('input', refilter);
    this.more.addEventListener('click', () => {
      this.shown += PAGE;
      this.render();
    });
  }

  set(rows: readonly AnomalyRow[], bloquantes: number, avertissements: number): void {
    this.rows = rows;
    this.shown = PAGE;
    this.root.hidden = false;
    this.summary.textContent = rows.length === 0 ? M.aucune : M.resume(bloquantes, avertissements);
    const current = this.onglet.value;
    clear(this.onglet);
    this.onglet.append(el('option', { value: '' }, M.tousOnglets));
    for (const tab of [...new Set(rows.map((r) => r.onglet))]) this.onglet.append(el('option', { value: tab }, tab));
    this.onglet.value = Array.from(this.onglet.options).some((o) => o.value === current) ? current : '';
    this.render();
  }

  private toggleSort(key: Key): void {
    this.sort = this.sort?.key === key ? { key, ascending: !this.sort.ascending } : { key, ascending: true };
    this.render();
  }

  private render(): void {
    const filter: AnomalyFilter = { onglet: this.onglet.value, gravite: this.gravite.value as AnomalyFilter['gravite'], texte: this.texte.value };
    const list = filterAndSort(this.rows, filter, this.sort);
    for (const th of Array.from(this.headRow.querySelectorAll('th'))) {
      const key = th.getAttribute('data-cle');
      if (this.sort && key === this.sort.key) th.setAttribute('aria-sort', this.sort.ascending ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    clear(this.body);
    const visible = list.slice(0, this.shown);
    const fragment = document.createDocumentFragment();
    for (const r of visible) {
      fragment.append(
        el(
          'tr',
          { class: r.bloquante ? 'bloquante' : undefined },
          el('td', {}, r.onglet),
          el('td', { class: 'nombre' }, r.ligne === null ? '–' : String(r.ligne)),
          el('td', {}, r.colonne ?? '–'),
          el('td', {}, r.message),
          el('td', {}, r.bloquante ? M.oui : M.non),
        ),
      );
    }
    this.body.append(fragment);
    this.count.textContent = M.affichees(visible.length, list.length);
    const rest = list.length - visible.length;
    this.more.hidden = rest <= 0;
    this.more.textContent = M.plus(Math.min(PAGE, rest));
  }
}
