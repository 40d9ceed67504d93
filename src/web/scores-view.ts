/**
 * Scores as the dashboard shows them (same figures: DashboardData): per axe,
 * réalisé and programmé against the potentiel, the current star, the star
 * within reach, what the next star needs, and how complete the référentiel is.
 */
import type { DashboardData, ScoreAxe } from '../domain/dashboard/types';
import { formatNumberFr, formatPercentFr } from '../domain/format';
import { WEB_MESSAGES } from '../domain/messages/web';
import { append, clear, el } from './dom';

const M = WEB_MESSAGES.scores;
const MAX = 5;

function stars(n: number, id: string, title: string): HTMLElement {
  return el(
    'div',
    { class: 'etoile-bloc', id },
    el('h3', {}, title),
    el('p', { class: 'etoiles' }, el('span', { 'aria-hidden': 'true', class: 'symboles' }, '★'.repeat(n) + '☆'.repeat(MAX - n)), el('span', { class: 'etoiles-texte' }, M.etoilesSur(n))),
  );
}

function bar(axe: ScoreAxe): HTMLElement {
  const fait = Math.max(0, Math.min(100, axe.pourcentageRealise));
  const prog = Math.max(0, Math.min(100 - fait, axe.pourcentageProgramme));
  return el('div', { class: 'barre', 'aria-hidden': 'true' }, el('span', { class: 'fait', style: `width:${fait}%` }), el('span', { class: 'programme', style: `width:${prog}%` }));
}

export function renderScores(container: HTMLElement, data: DashboardData): void {
  clear(container);
  const pct = (v: number) => formatPercentFr(v / 100);
  const pts = (v: number) => formatNumberFr(v, 1);
  const row = (axe: ScoreAxe, total = false) =>
    el(
      'tr',
      { class: total ? 'total' : undefined },
      el('th', { scope: 'row' }, total ? M.total : `${axe.numero}. ${axe.titre}`),
      el('td', { class: 'nombre' }, pct(axe.pourcentageRealise)),
      el('td', { class: 'nombre' }, pct(axe.pourcentageProgramme)),
      el('td', { class: 'nombre' }, `${pts(axe.fait)} / ${pts(axe.potentiel)}`),
      el('td', {}, bar(axe)),
    );
  const e = data.etoiles;
  append(
    container,
    el('h2', { id: 'scores-titre' }, M.titre),
    el('div', { class: 'etoiles-grille' }, stars(e.actuelle, 'etoile-actuelle', M.etoileActuelle), stars(e.atteignable, 'etoile-a-portee', M.etoileAPortee)),
    el('p', { class: 'chiffres' }, el('strong', {}, M.scoreRealise(e.scoreRealise)), ' · ', M.scorePrevisionnel(e.scorePrevisionnel)),
    e.prochaine ? el('p', { class: 'prochaine' }, e.prochaine.libelle) : null,
    el('p', {}, M.completude(data.completude.libelle)),
    el(
      'div',
      { class: 'table-defilante' },
      el(
        'table',
        { class: 'tableau', id: 'table-scores' },
        el('caption', {}, M.legende),
        el(
          'thead',
          {},
          el('tr', {}, el('th', { scope: 'col' }, M.axe), el('th', { scope: 'col' }, M.realise), el('th', { scope: 'col' }, M.prevu), el('th', { scope: 'col' }, `${M.fait} / ${M.potentiel}`), el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, M.graphique))),
        ),
        el('tbody', {}, ...data.scores.axes.map((a) => row(a)), row(data.scores.total, true)),
      ),
    ),
  );
  container.hidden = false;
}
