/**
 * The anomalies of the last check, one collapsible `<details>` per tab (tabs with blocking
 * anomalies first and open), each anomaly a button that selects its cell in the workbook.
 */
import type { Anomaly } from '../../domain/anomaly';
import type { LastCheck } from '../../domain/validation/last-check';
import { el } from './dom';
import { T } from './texts';

export interface GroupeAnomalies {
  readonly onglet: string;
  readonly anomalies: readonly Anomaly[];
}

/** `28/11/2025 à 16:20` in the lead's time zone (the browser's), from an ISO instant; null when unreadable. */
export function dateHeureFr(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} à ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const bloquantes = (list: readonly Anomaly[]) => list.filter((a) => a.bloquante).length;

/**
 * Tabs with blocking anomalies first (most blocking first), then the others, each in the order
 * received; inside a tab, blocking anomalies first, then by row. Empty tabs are dropped.
 */
export function ordonner(groupes: readonly GroupeAnomalies[]): GroupeAnomalies[] {
  const indexed = groupes.filter((g) => g.anomalies.length > 0).map((g, i) => ({ g, i, b: bloquantes(g.anomalies) }));
  indexed.sort((x, y) => Number(y.b > 0) - Number(x.b > 0) || y.b - x.b || x.i - y.i);
  return indexed.map(({ g }) => ({
    onglet: g.onglet,
    anomalies: g.anomalies
      .map((a, i) => ({ a, i }))
      .sort((x, y) => Number(y.a.bloquante) - Number(x.a.bloquante) || (x.a.ligne ?? 0) - (y.a.ligne ?? 0) || x.i - y.i)
      .map(({ a }) => a),
  }));
}

/** The range `selectCell` receives: the cell, else the row, else null (the tab itself). */
export function cible(a: Anomaly): string | null {
  if (a.cellule) return a.cellule;
  if (a.ligne !== null && a.ligne > 0) return `${a.ligne}:${a.ligne}`;
  return null;
}

function ou(a: Anomaly): string {
  const lieu = a.cellule ? T.cellule(a.cellule) : a.ligne !== null ? T.ligne(a.ligne) : T.onglet;
  return a.colonne ? `${lieu} · ${a.colonne}` : lieu;
}

function anomalieItem(a: Anomaly, onSelect: (onglet: string, a1: string | null) => void): HTMLElement {
  const range = cible(a);
  const button = el(
    'button',
    { type: 'button', class: 'lien-cellule', 'data-onglet': a.onglet, 'data-cellule': range ?? '' },
    el('span', { class: a.bloquante ? 'gravite bloquante' : 'gravite avertissement' }, a.bloquante ? T.bloquante : T.avertissement),
    ' ',
    el('span', { class: 'lieu' }, ou(a)),
    el('span', { class: 'visuellement-cache' }, T.allerA),
    el('span', { class: 'message' }, a.message),
  );
  button.addEventListener('click', () => onSelect(a.onglet, range));
  return el('li', { class: a.bloquante ? 'anomalie bloquante' : 'anomalie' }, button);
}

export function renderAnomalies(container: HTMLElement, check: LastCheck | null, onSelect: (onglet: string, a1: string | null) => void): void {
  if (!check) {
    container.appendChild(el('p', { class: 'vide' }, T.aucuneVerification));
    return;
  }
  const groupes = ordonner(check.groupes);
  const date = dateHeureFr(check.date);
  container.appendChild(
    el(
      'p',
      { class: 'resume', id: 'anomalies-resume' },
      date ? T.verifieLe(date, T.commande[check.commande] ?? check.commande) : '',
      el('br'),
      check.total === 0 ? T.aucuneAnomalie : T.resume(check.total, check.bloquantes),
    ),
  );
  if (check.tronque && check.messageTroncature) container.appendChild(el('p', { class: 'note', id: 'anomalies-troncature' }, check.messageTroncature));
  for (const g of groupes) {
    const b = bloquantes(g.anomalies);
    container.appendChild(
      el(
        'details',
        { class: b ? 'onglet a-bloquantes' : 'onglet', open: b > 0, 'data-onglet': g.onglet },
        el('summary', {}, el('span', { class: 'onglet-nom' }, g.onglet), ' ', el('span', { class: 'onglet-compte' }, `(${T.groupe(g.anomalies.length, b)})`)),
        el('ul', { class: 'anomalies' }, ...g.anomalies.map((a) => anomalieItem(a, onSelect))),
      ),
    );
  }
}
