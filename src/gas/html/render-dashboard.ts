/**
 * Renders the figures of `DashboardData` (built server-side by `buildDashboard`, the same code as
 * the `Tableau de bord` tab) into the sidebar. Every value goes through `el` / text nodes.
 */
import type { DashboardData, Echeance, ScoreAxe } from '../../domain/dashboard/types';
import { formatNumberFr, formatPercentFr } from '../../domain/format';
import { el } from './dom';
import { T } from './texts';

export const MAX_ETOILES = 5;
/** Longest list of échéances shown in each group (the rest is counted). */
export const MAX_ECHEANCES = 5;

/** `42,5 %` from a percentage in 0–100. */
export function pct(value: number): string {
  return formatPercentFr(value / 100, 1);
}

/** `42,5` points (one decimal at most). */
export function points(value: number): string {
  return formatNumberFr(value, 1);
}

function clampPct(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** `2 étoiles sur 5`: the text equivalent of the ★ glyphs. */
export function etoilesTexte(n: number): string {
  return T.etoilesSur(n, MAX_ETOILES);
}

/** ★★☆☆☆ hidden from assistive technologies, followed by its text equivalent (visible too). */
function etoilesLigne(n: number, classe: string): HTMLElement {
  const pleines = Math.max(0, Math.min(MAX_ETOILES, Math.round(n)));
  return el(
    'p',
    { class: `etoiles ${classe}` },
    el('span', { class: 'glyphes', 'aria-hidden': 'true' }, el('span', { class: 'pleines' }, '★'.repeat(pleines)), el('span', { class: 'vides' }, '☆'.repeat(MAX_ETOILES - pleines))),
    el('span', { class: 'etoiles-texte' }, etoilesTexte(n)),
  );
}

/**
 * One stacked bar: réalisé then programmé, the whole track being the potentiel (100 %).
 * The track carries `role="progressbar"` with the réalisé as its value and a French text of
 * both; the coloured segments are decoration.
 */
export function barreScore(axe: ScoreAxe, nom: string): HTMLElement {
  const realise = clampPct(axe.pourcentageRealise);
  const programme = Math.min(clampPct(axe.pourcentageProgramme), 100 - realise);
  const concerne = axe.potentiel > 0;
  const texte = concerne ? T.barreTexte(pct(realise), pct(programme), points(axe.potentiel)) : T.nonConcerne;
  return el(
    'div',
    {
      class: concerne ? 'barre' : 'barre non-concerne',
      role: 'progressbar',
      'aria-label': nom,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': Math.round(realise * 10) / 10,
      'aria-valuetext': texte,
      'data-realise': realise,
      'data-programme': programme,
    },
    segment('realise', realise),
    segment('programme', programme),
  );
}

function segment(classe: string, largeur: number): HTMLElement {
  const s = el('span', { class: `segment ${classe}`, 'aria-hidden': 'true' });
  s.style.width = `${largeur}%`;
  return s;
}

/** A single-value bar (complétude, preuves) for a ratio in 0–1. */
export function barreSimple(ratio: number, nom: string, texte: string): HTMLElement {
  const valeur = clampPct(ratio * 100);
  return el(
    'div',
    {
      class: 'barre simple',
      role: 'progressbar',
      'aria-label': nom,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': Math.round(valeur * 10) / 10,
      'aria-valuetext': texte,
    },
    segment('realise', valeur),
  );
}

function axeNom(axe: ScoreAxe): string {
  return axe.numero ? `${axe.numero}. ${axe.titre}` : axe.titre;
}

export function renderAxes(list: HTMLElement, data: DashboardData): void {
  for (const axe of data.scores.axes) {
    const nom = axeNom(axe);
    const concerne = axe.potentiel > 0;
    list.appendChild(
      el(
        'li',
        { class: 'axe', 'data-axe': axe.id },
        el('h3', { class: 'axe-titre' }, nom),
        barreScore(axe, T.axeBarreNom(axe.numero)),
        el(
          'p',
          { class: 'axe-chiffres' },
          ...(concerne
            ? [
                el('span', { class: 'chiffre realise' }, T.realise(pct(axe.pourcentageRealise))),
                ' · ',
                el('span', { class: 'chiffre programme' }, T.programme(pct(axe.pourcentageProgramme))),
                el('br'),
                el('span', { class: 'chiffre potentiel' }, T.pointsSur(points(axe.fait), points(axe.potentiel))),
              ]
            : [T.nonConcerne]),
        ),
      ),
    );
  }
}

export function renderEtoiles(container: HTMLElement, data: DashboardData): void {
  const { etoiles, scores } = data;
  container.appendChild(
    el(
      'div',
      { class: 'etoiles-grille' },
      el('div', { class: 'etoile-bloc', id: 'etoile-actuelle' }, el('h3', {}, T.etoileActuelle), etoilesLigne(etoiles.actuelle, 'actuelle')),
      el(
        'div',
        { class: 'etoile-bloc', id: 'etoile-atteignable' },
        el('h3', {}, T.etoileAtteignable),
        etoilesLigne(etoiles.atteignable, 'atteignable'),
        el('p', { class: 'note' }, T.siProgrammeRealise),
      ),
    ),
  );
  container.appendChild(el('h3', { class: 'total-titre' }, T.totalTitre(points(scores.total.potentiel))));
  container.appendChild(barreScore(scores.total, T.totalBarreNom));
  container.appendChild(
    el(
      'p',
      { class: 'total-chiffres' },
      el('span', { class: 'chiffre realise' }, T.scoreRealise(pct(etoiles.scoreRealise))),
      el('br'),
      el('span', { class: 'chiffre programme' }, T.scorePrevisionnel(pct(etoiles.scorePrevisionnel))),
    ),
  );
  const prochaine = etoiles.prochaine;
  if (prochaine) {
    container.appendChild(el('p', { class: 'prochaine' }, prochaine.libelle));
    if (prochaine.criteresManquants.length) {
      container.appendChild(
        el(
          'details',
          { class: 'criteres' },
          el('summary', {}, T.criteresManquants(prochaine.criteresManquants.length)),
          el('ul', {}, ...prochaine.criteresManquants.map((c) => el('li', {}, c))),
        ),
      );
    }
  } else {
    container.appendChild(el('p', { class: 'prochaine' }, T.etoileMaximale));
  }
}

export function renderAvancement(container: HTMLElement, data: DashboardData): void {
  const { completude, preuves, feuilleDeRoute } = data;
  const item = (id: string, titre: string, ratio: number, texte: string): HTMLElement =>
    el('div', { class: 'indicateur', id }, el('h3', {}, titre), barreSimple(ratio, titre, texte), el('p', { class: 'indicateur-texte' }, texte));
  container.appendChild(item('completude', T.completude, completude.ratio, completude.libelle));
  container.appendChild(item('preuves', T.preuves, preuves.ratio, preuves.libelle));
  if (feuilleDeRoute.total > 0) {
    container.appendChild(
      item('feuille-de-route', T.feuilleDeRoute, feuilleDeRoute.ratio, T.feuilleDeRouteTexte(feuilleDeRoute.fait, feuilleDeRoute.total, formatPercentFr(feuilleDeRoute.ratio, 1))),
    );
  }
}

/** A due item; a button that selects its row in its tab. */
function echeanceItem(e: Echeance, enRetard: boolean, onSelect: (onglet: string, a1: string | null) => void): HTMLElement {
  const delai = enRetard ? T.joursDeRetard(e.jours) : T.joursRestants(e.jours);
  const detail = [e.reference ? T.reference(e.source, e.reference) : null, e.qui].filter((x): x is string => !!x).join(' · ');
  const button = el(
    'button',
    { type: 'button', class: 'lien-cellule', 'data-onglet': e.onglet, 'data-ligne': e.ligne },
    el('span', { class: 'echeance-date' }, T.echeance(e.echeanceLibelle), ' – ', el('span', { class: enRetard ? 'retard' : 'delai' }, delai)),
    el('span', { class: 'echeance-libelle' }, e.libelle),
    detail ? el('span', { class: 'echeance-detail' }, detail) : null,
    el('span', { class: 'visuellement-cache' }, T.voirLigne(e.onglet, e.ligne)),
  );
  button.addEventListener('click', () => onSelect(e.onglet, `${e.ligne}:${e.ligne}`));
  return el('li', { class: enRetard ? 'echeance en-retard' : 'echeance' }, button);
}

export function renderEcheances(container: HTMLElement, data: DashboardData, onSelect: (onglet: string, a1: string | null) => void): void {
  const { enRetard, aVenir, horizonMois } = data.echeances;
  const groupe = (id: string, titre: string, items: readonly Echeance[], retard: boolean, vide: string): HTMLElement => {
    const shown = items.slice(0, MAX_ECHEANCES);
    return el(
      'div',
      { class: 'groupe-echeances', id },
      el('h3', {}, titre),
      items.length === 0
        ? el('p', { class: 'vide' }, vide)
        : el('ul', { class: 'echeances' }, ...shown.map((e) => echeanceItem(e, retard, onSelect))),
      items.length > shown.length ? el('p', { class: 'note' }, T.etAutres(items.length - shown.length)) : null,
    );
  };
  container.appendChild(groupe('en-retard', T.enRetard(enRetard.length), enRetard, true, T.aucunRetard));
  container.appendChild(groupe('a-venir', T.aVenir(aVenir.length, horizonMois), aVenir, false, T.rienAVenir(horizonMois)));
}
