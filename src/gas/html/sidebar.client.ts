/**
 * Client script of the sidebar, bundled by esbuild into one IIFE inlined in `dist/sidebar.html`
 * (scripts/build-html.mjs). It asks the server for `sidebarData()` through `google.script.run`,
 * renders it with DOM APIs only (`./dom.ts`), and asks `selectCell(onglet, a1)` when the lead
 * clicks an anomaly or an échéance.
 */
import type { SidebarData } from './contract';
import { byId, clear, el } from './dom';
import { renderAnomalies } from './render-anomalies';
import { renderAvancement, renderAxes, renderEcheances, renderEtoiles } from './render-dashboard';
import { T } from './texts';

/** The part of `google.script.run` the sidebar uses. */
interface ScriptRun {
  withSuccessHandler(handler: (value: never) => void): ScriptRun;
  withFailureHandler(handler: (error: Error | string) => void): ScriptRun;
  sidebarData(refresh?: boolean): void;
  selectCell(onglet: string, a1: string | null): void;
}

function scriptRun(): ScriptRun | null {
  const g = (window as unknown as { google?: { script?: { run?: ScriptRun } } }).google;
  return g?.script?.run ?? null;
}

function errorText(error: Error | string | null | undefined): string {
  if (!error) return '';
  return typeof error === 'string' ? error : error.message || String(error);
}

const SECTIONS = ['sec-etoiles', 'sec-scores', 'sec-avancement', 'sec-echeances', 'sec-anomalies'];
const CONTAINERS = ['etoiles', 'axes', 'avancement', 'echeances', 'anomalies'];

function setEtat(text: string, erreur = false): void {
  const etat = byId('etat');
  etat.textContent = text;
  etat.classList.toggle('erreur', erreur);
}

function annoncer(text: string, erreur = false): void {
  const annonce = byId('annonce');
  annonce.textContent = text;
  annonce.classList.toggle('erreur', erreur);
}

function selectCell(onglet: string, a1: string | null): void {
  const run = scriptRun();
  if (!run) {
    annoncer(T.horsSheets, true);
    return;
  }
  annoncer(T.selectionEnCours);
  run
    .withSuccessHandler((message: string) => annoncer(T.selection(message)))
    .withFailureHandler((error) => annoncer(T.erreurSelection(errorText(error)), true))
    .selectCell(onglet, a1);
}

/** Brings a section into view and moves the keyboard focus to its heading. */
function allerA(sectionId: string): void {
  const section = byId(sectionId);
  section.scrollIntoView({ block: 'start' });
  section.querySelector<HTMLElement>('h2')?.focus();
}

/** Shortcuts at the top to what asks for action: the anomalies, the overdue items. */
function renderRaccourcis(data: SidebarData): void {
  const nav = byId('raccourcis');
  clear(nav);
  const boutons: HTMLElement[] = [];
  const check = data.lastCheck;
  if (check && check.total > 0) boutons.push(bouton(T.raccourciAnomalies(check.total, check.bloquantes), 'sec-anomalies', check.bloquantes > 0));
  const retard = data.dashboard?.echeances.enRetard.length ?? 0;
  if (retard > 0) boutons.push(bouton(T.raccourciRetard(retard), 'sec-echeances', true));
  for (const b of boutons) nav.appendChild(b);
  nav.hidden = boutons.length === 0;
}

function bouton(texte: string, sectionId: string, alerte: boolean): HTMLElement {
  const b = el('button', { type: 'button', class: alerte ? 'raccourci alerte' : 'raccourci', 'data-cible': sectionId }, texte);
  b.addEventListener('click', () => allerA(sectionId));
  return b;
}

export function render(data: SidebarData): void {
  for (const id of CONTAINERS) clear(byId(id));
  const d = data.dashboard;
  byId('collectivite').textContent = d ? d.collectivite.nom : '';
  for (const id of SECTIONS) byId(id).hidden = !d && id !== 'sec-anomalies';
  if (d) {
    renderEtoiles(byId('etoiles'), d);
    renderAxes(byId('axes'), d);
    renderAvancement(byId('avancement'), d);
    renderEcheances(byId('echeances'), d, selectCell);
    setEtat(T.charge(d.calculeLeLibelle));
  } else {
    setEtat(T.tableauIndisponible(data.erreurTableau ?? ''), true);
  }
  renderAnomalies(byId('anomalies'), data.lastCheck, selectCell);
  renderRaccourcis(data);
  byId('app').setAttribute('aria-busy', 'false');
}

/** `refresh`: recompute the dashboard from the tabs (the *Actualiser* button) instead of the cached one. */
function load(refresh = false): void {
  const run = scriptRun();
  if (!run) {
    setEtat(T.horsSheets, true);
    byId('app').setAttribute('aria-busy', 'false');
    return;
  }
  byId('app').setAttribute('aria-busy', 'true');
  setEtat(T.chargement);
  run
    .withSuccessHandler((data: SidebarData) => {
      try {
        render(data);
      } catch (error) {
        setEtat(T.erreurChargement(errorText(error as Error)), true);
        byId('app').setAttribute('aria-busy', 'false');
      }
    })
    .withFailureHandler((error) => {
      setEtat(T.erreurChargement(errorText(error)), true);
      byId('app').setAttribute('aria-busy', 'false');
    })
    .sidebarData(refresh);
}

byId('actualiser').addEventListener('click', () => {
  annoncer('');
  load(true);
});
load();
