/**
 * The web page: the offline engine for those who will never install Node.
 * Opens the user's .xlsx, shows the collectivité, its services and the
 * anomalies, and offers each work of the menu as a button whose result is a
 * download. Everything runs in this browser: the engine in a Web Worker
 * bundled into the page (no request after load).
 */
import './style.css';
import { WEB_MESSAGES as M } from '../domain/messages/web';
import { typographie } from '../domain/text/typography';
import { RESEAU_MESSAGES } from '../domain/messages/reseau';
import { AnomaliesTable } from './anomalies-table';
import { CellIssuesView } from './cell-issues';
import { append, byId, clear, el } from './dom';
import type { Download, Reply, Request, Result, WorkbookSummary } from './protocol';
import { renderScores } from './scores-view';
import EngineWorker from './worker?worker&inline';

const C = M.controles;
const RESEAU = RESEAU_MESSAGES.web;

// ---- Engine (worker) --------------------------------------------------------

interface Pending {
  resolve(result: Result): void;
  reject(error: Error): void;
}

class Engine {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly onProgress: (label: string, step: number, steps: number) => void) {
    this.worker = new EngineWorker();
    this.worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') this.onProgress(reply.label, reply.step, reply.steps);
      else {
        this.pending.delete(reply.id);
        if (reply.kind === 'done') p.resolve(reply.result);
        else p.reject(new Error(reply.message));
      }
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      for (const p of this.pending.values()) p.reject(new Error(M.erreurs.worker));
      this.pending.clear();
    };
  }

  run(request: Request, transfer: Transferable[] = []): Promise<Result> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request }, transfer);
    });
  }
}

// ---- Page -----------------------------------------------------------------------

function button(id: string, label: string, help: string | null, primary = false): HTMLButtonElement {
  return el('button', { type: 'button', id: `btn-${id}`, class: primary ? 'bouton' : 'bouton secondaire', 'aria-describedby': help ? `${help}-aide` : undefined }, label);
}

function helpText(id: string, text: string): HTMLElement {
  return el('p', { id: `${id}-aide`, class: 'aide' }, text);
}

const fileInput = el('input', { type: 'file', id: 'fichier', accept: '.xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'fichier' });
const btn = {
  verifier: button('verifier', C.verifier, 'verifier', true),
  consolider: button('consolider', C.consolider, 'consolider', true),
  scores: button('scores', C.scores, 'scores', true),
  copil: button('copil', C.copil, null),
  afom: button('afom', C.afom, null),
  audit: button('audit', C.audit, null),
  bilan: button('bilan', C.bilan, null),
  exportTet: button('export-tet', C.exportTet, null),
  modele: button('modele', C.modele, 'modele'),
  ficheReseau: button('fiche-reseau', RESEAU.fiche, 'fiche-reseau'),
};
// The coordinator's files: several at once, read one after the other in the worker.
const reseauInput = el('input', { type: 'file', id: 'fichiers-reseau', multiple: true, accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'fichier', 'aria-describedby': 'reseau-aide' });
const needsWorkbook = [btn.verifier, btn.consolider, btn.scores, btn.copil, btn.afom, btn.audit, btn.bilan, btn.exportTet, btn.ficheReseau];
const instanceCopil = el('select', { id: 'instance-copil' });
const instanceBilan = el('select', { id: 'instance-bilan' });

const status = el('p', { id: 'etat-texte' });
const progress = el('progress', { id: 'progression', max: 1, 'aria-labelledby': 'etat-texte', hidden: true });
const errorBox = el('div', { id: 'erreur', role: 'alert', class: 'alerte' });
const anomalies = new AnomaliesTable();
// What the .xlsx layer could not read in the opened file, or write in the consolidated one (the CLI prints the same lines).
const nonLues = new CellIssuesView('cellules-non-lues', { titre: M.cellules.nonLues, aide: M.cellules.aideNonLues, legende: M.cellules.legendeNonLues });
const nonEcrites = new CellIssuesView('cellules-non-ecrites', { titre: M.cellules.nonEcrites, aide: M.cellules.aideNonEcrites, legende: M.cellules.legendeNonEcrites });
const scores = el('section', { id: 'scores', 'aria-labelledby': 'scores-titre', hidden: true });
const downloadsList = el('ul', { id: 'liste-fichiers' });
const downloads = el(
  'section',
  { id: 'fichiers', 'aria-labelledby': 'fichiers-titre', hidden: true },
  el('h2', { id: 'fichiers-titre' }, M.telechargements.titre),
  el('p', { class: 'aide' }, M.telechargements.aide),
  downloadsList,
);
const workbookSection = el('section', { id: 'classeur', 'aria-labelledby': 'classeur-titre', hidden: true });

function layout(): HTMLElement {
  const dropZone = el(
    'div',
    { id: 'depot', class: 'depot' },
    // The input first, visually hidden but focusable; its label, after it, is the visible button
    // (so the button reads « Ouvrir un classeur » in every browser language) and shows its focus.
    fileInput,
    el('label', { for: 'fichier', class: 'bouton etiquette-fichier' }, C.ouvrir),
    el('p', { class: 'aide', id: 'fichier-aide' }, M.ouvrir.deposer),
  );
  fileInput.setAttribute('aria-describedby', 'ouvrir-aide');
  return el(
    'div',
    { class: 'page' },
    el('a', { href: '#contenu', class: 'lien-evitement' }, M.allerAuContenu),
    el('header', { class: 'entete' }, el('div', { class: 'conteneur' }, el('p', { class: 'nom' }, M.titre), el('p', { class: 'devise' }, M.sousTitre))),
    el(
      'main',
      { id: 'contenu', class: 'conteneur', tabindex: -1 },
      el('h1', {}, M.titrePage),
      el('p', { class: 'confidentialite', id: 'confidentialite' }, M.confidentialite),
      el(
        'section',
        { id: 'ouvrir', 'aria-labelledby': 'ouvrir-titre', class: 'carte' },
        el('h2', { id: 'ouvrir-titre' }, M.ouvrir.titre),
        el('p', { id: 'ouvrir-aide', class: 'aide' }, M.ouvrir.aide),
        dropZone,
        el('h3', {}, M.travailler.modeleTitre),
        el('div', { class: 'ligne-action' }, btn.modele, helpText('modele', M.ouvrir.modeleAide)),
      ),
      el('div', { class: 'etat', role: 'status', 'aria-live': 'polite' }, status, progress),
      errorBox,
      workbookSection,
      el(
        'section',
        { id: 'travailler', 'aria-labelledby': 'travailler-titre', class: 'carte' },
        el('h2', { id: 'travailler-titre' }, M.travailler.titre),
        el(
          'div',
          { class: 'grille-actions' },
          el('div', { class: 'ligne-action' }, btn.verifier, helpText('verifier', M.travailler.verifierAide)),
          el('div', { class: 'ligne-action' }, btn.consolider, helpText('consolider', M.travailler.consoliderAide)),
          el('div', { class: 'ligne-action' }, btn.scores, helpText('scores', M.travailler.scoresAide)),
        ),
        el('h3', {}, M.travailler.generer),
        el('p', { class: 'aide' }, M.travailler.genererAide),
        el(
          'div',
          { class: 'grille-documents' },
          el('div', { class: 'document' }, el('div', { class: 'champ' }, el('label', { for: 'instance-copil' }, M.travailler.instanceCopil), instanceCopil), btn.copil),
          el('div', { class: 'document' }, btn.afom),
          el('div', { class: 'document' }, btn.audit),
          el('div', { class: 'document' }, el('div', { class: 'champ' }, el('label', { for: 'instance-bilan' }, M.travailler.instanceBilan), instanceBilan), btn.bilan),
          el('div', { class: 'document' }, btn.exportTet),
        ),
      ),
      el(
        'section',
        { id: 'reseau', 'aria-labelledby': 'reseau-titre', class: 'carte' },
        el('h2', { id: 'reseau-titre' }, RESEAU.titre),
        el('div', { class: 'ligne-action' }, btn.ficheReseau, helpText('fiche-reseau', RESEAU.aide)),
        el('h3', {}, RESEAU.consoliderTitre),
        el('p', { id: 'reseau-aide', class: 'aide' }, RESEAU.consoliderAide),
        el('div', { class: 'depot' }, reseauInput, el('label', { for: 'fichiers-reseau', class: 'bouton secondaire etiquette-fichier' }, RESEAU.consolider)),
      ),
      downloads,
      nonEcrites.root,
      nonLues.root,
      scores,
      anomalies.root,
    ),
    el('footer', { class: 'pied' }, el('div', { class: 'conteneur' }, el('p', {}, M.piedDePage), el('p', {}, M.confidentialite))),
  );
}

// ---- State ------------------------------------------------------------------

let busy = false;
let opened = false;

function setBusy(value: boolean): void {
  busy = value;
  for (const b of needsWorkbook) b.disabled = busy || !opened;
  btn.modele.disabled = busy;
  fileInput.disabled = busy;
  reseauInput.disabled = busy;
  instanceCopil.disabled = busy || !opened;
  instanceBilan.disabled = busy || !opened;
  progress.hidden = !busy;
  document.body.classList.toggle('occupe', busy);
  if (busy) {
    progress.removeAttribute('value');
    status.textContent = typographie(M.progression.enCours);
  }
}

function onProgress(label: string, step: number, steps: number): void {
  status.textContent = typographie(M.progression.etape(label, step, steps));
  progress.max = steps;
  progress.value = step - 1;
}

function showError(message: string): void {
  clear(errorBox);
  errorBox.append(el('p', {}, typographie(message)));
  errorBox.classList.add('visible');
}

function clearError(): void {
  clear(errorBox);
  errorBox.classList.remove('visible');
}

function offer(files: readonly Download[]): void {
  downloads.hidden = false;
  for (const f of files) {
    const url = URL.createObjectURL(new Blob([f.bytes], { type: f.mime }));
    const link = el('a', { href: url, download: f.name, class: 'lien-fichier' }, M.telechargements.lien(f.name, f.bytes.byteLength));
    downloadsList.prepend(el('li', {}, link));
    link.click();
  }
}

function showSummary(s: WorkbookSummary): void {
  clear(workbookSection);
  const total = s.services.reduce((n, x) => n + x.actions, 0);
  append(
    workbookSection,
    el('h2', { id: 'classeur-titre' }, M.classeur.titre),
    el('dl', { class: 'identite' }, el('dt', {}, M.classeur.collectivite), el('dd', { id: 'collectivite' }, s.collectivite), el('dt', {}, M.classeur.fichier), el('dd', { id: 'nom-fichier' }, s.fichier)),
    s.consolide ? el('p', { class: 'info' }, M.classeur.consolide) : null,
    s.services.length === 0
      ? el('p', { class: 'info' }, M.classeur.aucunService)
      : el(
          'table',
          { class: 'tableau', id: 'table-services' },
          el('caption', {}, `${M.classeur.services} : ${M.classeur.legendeServices(s.services.length, total)}`),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, M.classeur.colonneService), el('th', { scope: 'col' }, M.classeur.colonneActions))),
          el('tbody', {}, ...s.services.map((x) => el('tr', {}, el('th', { scope: 'row' }, x.onglet), el('td', { class: 'nombre' }, String(x.actions))))),
        ),
  );
  workbookSection.hidden = false;
  fillInstances(s);
}

function fillInstances(s: WorkbookSummary): void {
  const keepCopil = instanceCopil.value;
  const keepBilan = instanceBilan.value;
  clear(instanceCopil);
  clear(instanceBilan);
  instanceCopil.append(el('option', { value: '' }, M.travailler.instanceCopilDefaut));
  for (const i of s.instances.filter((x) => x.copil)) instanceCopil.append(el('option', { value: String(i.numero) }, i.libelle));
  if (s.instances.length === 0) instanceBilan.append(el('option', { value: '' }, M.travailler.aucuneInstance));
  for (const i of s.instances) instanceBilan.append(el('option', { value: String(i.numero) }, i.libelle));
  // Bilan: by default the latest meeting that has taken place (else the first listed).
  const today = new Date().toISOString().slice(0, 10);
  const past = s.instances.filter((i) => i.date !== null && i.date <= today).sort((a, b) => a.date!.localeCompare(b.date!));
  const byDefault = past.length > 0 ? past[past.length - 1].numero : s.instances[0]?.numero;
  const has = (select: HTMLSelectElement, v: string) => Array.from(select.options).some((o) => o.value === v);
  instanceCopil.value = has(instanceCopil, keepCopil) ? keepCopil : '';
  instanceBilan.value = has(instanceBilan, keepBilan) && keepBilan !== '' ? keepBilan : byDefault !== undefined ? String(byDefault) : '';
}

let engine: Engine;

async function run(request: Request, transfer: Transferable[] = []): Promise<void> {
  if (busy) {
    showError(M.erreurs.occupe);
    return;
  }
  clearError();
  setBusy(true);
  try {
    const result = await engine.run(request, transfer);
    show(result);
    status.textContent = typographie('message' in result ? result.message : M.progression.termine);
  } catch (e) {
    status.textContent = '';
    showError(e instanceof Error ? e.message : String(e));
  } finally {
    setBusy(false);
  }
}

function show(result: Result): void {
  switch (result.type) {
    case 'open':
      opened = true;
      showSummary(result.summary);
      nonLues.set(result.nonLues);
      // A new file: what the writer said concerned the previous one.
      nonEcrites.set([]);
      anomalies.set(result.check.anomalies, result.check.bloquantes, result.check.avertissements);
      scores.hidden = true;
      return;
    case 'verifier':
      anomalies.set(result.check.anomalies, result.check.bloquantes, result.check.avertissements);
      return;
    case 'consolider':
      showSummary(result.summary);
      anomalies.set(result.check.anomalies, result.check.bloquantes, result.check.avertissements);
      offer(result.downloads);
      nonEcrites.set(result.nonEcrites);
      if (result.refused) showError(result.message);
      return;
    case 'scores': {
      offer(result.downloads);
      renderScores(scores, result.dashboard);
      return;
    }
    case 'file':
      offer(result.downloads);
      if (result.warning) showError(result.warning);
      return;
  }
}

async function open(files: FileList | readonly File[] | null): Promise<void> {
  if (!files || files.length === 0) return;
  if (files.length > 1) {
    showError(M.ouvrir.plusieurs);
    return;
  }
  const file = files[0];
  status.textContent = typographie(M.ouvrir.lecture(file.name));
  const bytes = await file.arrayBuffer();
  await run({ type: 'open', name: file.name, bytes }, [bytes]);
}

async function rollup(files: FileList | null): Promise<void> {
  if (!files || files.length === 0) return;
  const list = await Promise.all(Array.from(files, async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  await run({ type: 'reseau', files: list }, list.map((f) => f.bytes));
}

function instanceOf(select: HTMLSelectElement): number | undefined {
  return select.value === '' ? undefined : Number(select.value);
}

function start(): void {
  const app = byId('app');
  clear(app);
  document.title = M.titrePage;
  app.append(layout());
  engine = new Engine(onProgress);
  setBusy(false);

  fileInput.addEventListener('change', () => {
    void open(fileInput.files).finally(() => (fileInput.value = ''));
  });
  const zone = byId('depot');
  const prevent = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  };
  zone.addEventListener('dragenter', (e) => {
    prevent(e);
    zone.classList.add('survol');
  });
  zone.addEventListener('dragover', prevent);
  zone.addEventListener('dragleave', () => zone.classList.remove('survol'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('survol');
    if (!busy) void open(e.dataTransfer?.files ?? null);
  });
  // A file dropped beside the zone must not make the browser navigate away from the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  btn.verifier.addEventListener('click', () => void run({ type: 'verifier' }));
  btn.consolider.addEventListener('click', () => void run({ type: 'consolider' }));
  btn.scores.addEventListener('click', () => void run({ type: 'scores' }));
  btn.copil.addEventListener('click', () => void run({ type: 'rapport', kind: 'copil', instance: instanceOf(instanceCopil) }));
  btn.afom.addEventListener('click', () => void run({ type: 'rapport', kind: 'afom' }));
  btn.audit.addEventListener('click', () => void run({ type: 'rapport', kind: 'audit' }));
  btn.bilan.addEventListener('click', () => void run({ type: 'rapport', kind: 'bilan', instance: instanceOf(instanceBilan) }));
  btn.exportTet.addEventListener('click', () => void run({ type: 'export-tet' }));
  btn.modele.addEventListener('click', () => void run({ type: 'modele' }));
  btn.ficheReseau.addEventListener('click', () => void run({ type: 'fiche-reseau' }));
  reseauInput.addEventListener('change', () => {
    void rollup(reseauInput.files).finally(() => (reseauInput.value = ''));
  });
}

start();
