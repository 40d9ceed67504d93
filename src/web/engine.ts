/**
 * What the page's worker does for each request: the use cases of src/app on
 * the workbook read from the user's file, the file formats of src/files for
 * the bytes. Holds the open workbook between requests (consolidating it
 * updates it, as the menu does in Google Sheets; the user's file on disk is
 * never touched: every result is a new download).
 *
 * No DOM here (it runs in a Web Worker), no business rule: only wiring and
 * the names of the downloaded files.
 */
import type { LockPort } from '../app/ports';
import { readReportInput, ReportError } from '../app/generate-report';
import { runScores } from '../app/score';
import { validate } from '../app/validate';
import { countBlocking, type Anomaly } from '../domain/anomaly';
import { formatDateFr } from '../domain/format';
import { WEB_MESSAGES as M } from '../domain/messages/web';
import { jourDe } from '../domain/plan-actions/jours';
import { collectiviteName } from '../domain/reports/input';
import { scoreJson } from '../domain/referentiel/score-report';
import { typographie } from '../domain/text/typography';
import { consolidateBytes, exportTetBytes, reportBytes, templateBytes } from '../files/offline';
import { detectFormat, isReadableWorkbook, type FileKind } from '../files/detect';
import { readXlsxBuffer, type LoadedWorkbook } from '../files/xlsx';
import { ficheReseauBytes, fichierReseau, rollupBytes } from '../files/offline-reseau';
import { RESEAU_MESSAGES } from '../domain/messages/reseau';
import { downloadName, MIME } from './file-name';
import type { AnomalyRow, CheckOutcome, Download, Request, Result, WorkbookSummary } from './protocol';

/** Progress of a request: step i (1-based) of n, with its French label. */
export type Progress = (label: string, step: number, steps: number) => void;

/** A problem the user can fix; its message is shown as is. */
export class UserError extends Error {}

/** One run at a time: the worker handles requests in order, so the lock is always free. */
const SERIAL: LockPort = { tryLock: () => true, release: () => undefined };

const P = M.progression;
const R = RESEAU_MESSAGES.web;
const RR = RESEAU_MESSAGES.rollup;
const R_EXPORT = RESEAU_MESSAGES.export;

export class WebEngine {
  private loaded: LoadedWorkbook | null = null;
  private fichier = '';
  private consolide = false;
  /** What the page shows of the open workbook (kept: re-reading a large workbook costs seconds). */
  private opened: WorkbookSummary | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async handle(request: Request, progress: Progress): Promise<Result> {
    switch (request.type) {
      case 'open':
        return this.open(request.name, request.bytes, progress);
      case 'verifier':
        progress(P.verification, 1, 1);
        return this.verifierResult();
      case 'consolider':
        return this.consolider(progress);
      case 'scores':
        return this.scores(progress);
      case 'rapport':
        return this.rapport(request.kind, request.instance, progress);
      case 'export-tet':
        return this.exportTet(progress);
      case 'modele':
        return this.modele(progress);
      case 'fiche-reseau':
        return this.ficheReseau(progress);
      case 'reseau':
        return this.reseau(request.files, progress);
    }
  }

  private async open(name: string, bytes: ArrayBuffer, progress: Progress): Promise<Result> {
    // What the file is, from its bytes (the CLI's rule): an .ods or an old .xls gets the way out.
    const format = detectFormat(new Uint8Array(bytes));
    if (!isReadableWorkbook(format)) throw new UserError(refusal(format.kind, name));
    progress(P.lecture, 1, 2);
    let loaded: LoadedWorkbook;
    try {
      loaded = await readXlsxBuffer(new Uint8Array(bytes));
    } catch {
      throw new UserError(M.ouvrir.pasXlsx(name));
    }
    this.loaded = loaded;
    this.fichier = name;
    this.consolide = false;
    this.opened = null;
    progress(P.verification, 2, 2);
    const check = this.verifier();
    this.opened = this.summary();
    // Cells read as empty because the file does not hold what the user sees (a formula without its stored result): named, never dropped.
    const nonLues = [...loaded.readingIssues];
    const message = [M.ouvrir.ouvert(name, check.message), nonLues.length > 0 ? typographie(M.cellules.annonceNonLues(nonLues.length)) : null].filter((x) => x !== null).join(' ');
    return { type: 'open', summary: this.opened, check: { anomalies: check.anomalies, bloquantes: check.bloquantes, avertissements: check.avertissements }, message, nonLues };
  }

  private workbook(): LoadedWorkbook {
    if (!this.loaded) throw new UserError(M.erreurs.aucunClasseur);
    return this.loaded;
  }

  private verifierResult(): Result {
    const { message, ...check } = this.verifier();
    return { type: 'verifier', check, message };
  }

  private verifier(): CheckOutcome & { message: string } {
    const r = validate({ workbook: this.workbook().workbook, clock: { now: this.now }, user: { email: () => '' } });
    return { anomalies: r.anomalies.map(row), bloquantes: r.blocking, avertissements: r.warnings, message: r.message };
  }

  /** Collectivité, services and their rows, instances: one read of each tab. */
  private summary(): WorkbookSummary {
    const input = readReportInput(this.workbook().workbook, this.now()).input;
    return {
      fichier: this.fichier,
      collectivite: collectiviteName(input),
      services: input.model.serviceTabs.map((onglet) => ({ onglet, actions: input.lignesParOngletService?.get(onglet) ?? 0 })),
      instances: input.model.instances
        .filter((i) => i.numero > 0)
        .map((i) => ({
          numero: i.numero,
          libelle: M.travailler.instance(i.numero, i.type, i.date ? formatDateFr(i.date) : null, i.intitule),
          copil: i.type === 'COPIL',
          date: i.date ? i.date.toISOString().slice(0, 10) : null,
        })),
      consolide: this.consolide,
    };
  }

  private collectivite(): string {
    if (this.opened) return this.opened.collectivite;
    return collectiviteName(readReportInput(this.workbook().workbook, this.now()).input);
  }

  private day(): string {
    return formatDateFr(jourDe(this.now()));
  }

  private async consolider(progress: Progress): Promise<Result> {
    const loaded = this.workbook();
    progress(P.consolidation, 1, 2);
    // The use case runs synchronously up to the writing of the file: the next progress line is then true.
    const pending = consolidateBytes(loaded, { clock: { now: this.now }, user: { email: () => '' }, lock: SERIAL });
    progress(P.ecriture, 2, 2);
    const { result, bytes, writingIssues } = await pending;
    if (result.status === 'busy') throw new UserError(result.message);
    this.consolide = result.status === 'done';
    // Consolidation changes Actions, Plans, AFOM and the registry, not the identity nor the
    // instances: the summary keeps them and takes the services from the consolidation's report.
    // (No second reading of the whole workbook: with a large Actions it costs more than consolidating.)
    const before = this.opened ?? this.summary();
    const summary: WorkbookSummary = { ...before, services: result.report.services.map((x) => ({ onglet: x.onglet, actions: x.lignes })), consolide: this.consolide };
    this.opened = summary;
    const collectivite = summary.collectivite;
    const downloads: Download[] = [];
    const offered = bytes !== null && result.status === 'done';
    if (offered) downloads.push(file(downloadName(M.fichiers.consolide(collectivite, this.day()), '.xlsx'), bytes, MIME.xlsx));
    downloads.push(file(downloadName(M.fichiers.rapport(collectivite, this.day()), '.json'), json(result.report), MIME.json));
    // The anomalies the consolidation found, as the menu's Consolider shows them.
    const found = result.plan.anomalies;
    const check: CheckOutcome = { anomalies: found.map(row), bloquantes: countBlocking(found), avertissements: found.length - countBlocking(found) };
    // What the writer could not write as asked concerns the workbook offered for download only.
    const nonEcrites = offered ? writingIssues : [];
    const message = [result.message, nonEcrites.length > 0 ? typographie(M.cellules.annonceNonEcrites(nonEcrites.length)) : null].filter((x) => x !== null).join(' ');
    return { type: 'consolider', summary, check, message, refused: result.status === 'refused', downloads, nonEcrites };
  }

  private async scores(progress: Progress): Promise<Result> {
    progress(P.scores, 1, 1);
    const workbook = this.workbook().workbook;
    const run = runScores({ workbook, clock: { now: this.now }, write: false });
    const { input } = readReportInput(workbook, this.now());
    const name = downloadName(M.fichiers.scores(collectiviteName(input), this.day()), '.json');
    const e = input.dashboard.etoiles;
    return { type: 'scores', dashboard: input.dashboard, message: M.scores.calcules(e.actuelle, e.atteignable, e.scoreRealise), downloads: [file(name, json(scoreJson(run.result)), MIME.json)] };
  }

  private async rapport(kind: 'copil' | 'afom' | 'audit' | 'bilan', instance: number | undefined, progress: Progress): Promise<Result> {
    if (kind === 'bilan' && instance === undefined) throw new UserError(M.erreurs.choisirInstance);
    progress(P.document(M.documents(kind)), 1, 1);
    try {
      const r = await reportBytes(kind, this.workbook().workbook, { now: this.now }, { instance });
      const blocking = r.prepared.anomalies.filter((a) => a.bloquante).length;
      return {
        type: 'file',
        message: M.resultats.document(r.name),
        warning: blocking > 0 ? M.resultats.anomaliesDocument(blocking) : null,
        downloads: [file(downloadName(r.name, r.extension), r.bytes, r.extension === '.pptx' ? MIME.pptx : MIME.docx)],
      };
    } catch (e) {
      if (e instanceof ReportError) throw new UserError(e.message);
      throw e;
    }
  }

  private async exportTet(progress: Progress): Promise<Result> {
    progress(P.exportTet, 1, 1);
    const { run, bytes } = await exportTetBytes(this.workbook().workbook, this.now());
    const name = downloadName(M.fichiers.exportTet(this.collectivite(), this.day()), '.xlsx');
    const blocking = run.anomalies.filter((a) => a.bloquante).length;
    return { type: 'file', message: run.message, warning: blocking > 0 ? M.resultats.anomaliesDocument(blocking) : null, downloads: [file(name, bytes, MIME.xlsx)] };
  }

  private async ficheReseau(progress: Progress): Promise<Result> {
    progress(R.fiche, 1, 1);
    const { fiche, retraits, bytes } = await ficheReseauBytes(this.workbook().workbook, this.now());
    if (!fiche.identite.nom) throw new UserError(R_EXPORT.sansNom);
    const message = [R_EXPORT.contenu({ nom: fiche.identite.nom, axes: fiche.axes.length, mesures: fiche.mesures.length, actions: fiche.actions.length, financements: fiche.financements.length }), R_EXPORT.jamais].join(' ');
    const warning = retraits.length ? retraits.map((r) => R_EXPORT.retrait(r.ou, r.nature)).join(' ') : null;
    return { type: 'file', message, warning, downloads: [file(downloadName(R.fichierFiche(fiche.identite.nom, this.day()), '.xlsx'), bytes, MIME.xlsx)] };
  }

  /** The rollup reads the picked files one after the other; the open workbook, if any, is left as it is. */
  private async reseau(files: readonly ReseauFiles[], progress: Progress): Promise<Result> {
    const byName = new Map(files.map((f) => [f.name, f.bytes]));
    const names = files.map((f) => f.name);
    const r = await rollupBytes(names, (name) => fichierReseau(name, new Uint8Array(byName.get(name)!)), this.now(), (i, n, f) => progress(R.progression(i, n, f), i, n));
    const lus = RR.lus(r.rollup.territoires.length, names.length, r.rollup.ecartes.length);
    const details = [...r.rollup.ecartes.map((e) => RR.ecarte(e.fichier, e.raison)), ...r.rollup.doublons.map((d) => RR.doublon(d.nom, d.fichiers, d.par === 'nom' ? RR.parNom : RR.parSiren))];
    if (!r.xlsx || !r.pptx) throw new UserError([RR.aucun, ...details].join(' '));
    return {
      type: 'file',
      message: lus,
      warning: details.length ? details.join(' ') : null,
      downloads: [file(downloadName(R.fichierRegional(this.day()), '.xlsx'), r.xlsx, MIME.xlsx), file(downloadName(R.fichierDeck(this.day()), '.pptx'), r.pptx, MIME.pptx)],
    };
  }

  private async modele(progress: Progress): Promise<Result> {
    progress(P.modele, 1, 1);
    const { bytes, tabs } = await templateBytes();
    return { type: 'file', message: M.resultats.modele(tabs), warning: null, downloads: [file(downloadName(M.fichiers.modele(this.day()), '.xlsx'), bytes, MIME.xlsx)] };
  }
}

/** Why a file that is not a readable workbook is refused, and what to do (French). */
function refusal(kind: FileKind, name: string): string {
  switch (kind) {
    case 'ods':
      return M.ouvrir.ods;
    case 'xls':
    case 'xlsb':
      return M.ouvrir.xls(name);
    case 'encrypted':
      return M.ouvrir.chiffre(name);
    case 'damaged-zip':
      return M.ouvrir.endommage(name);
    default:
      return M.ouvrir.pasXlsx(name);
  }
}

export interface ReseauFiles {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

function row(a: Anomaly): AnomalyRow {
  return { onglet: a.onglet, ligne: a.ligne, colonne: a.colonne, message: a.message, bloquante: a.bloquante };
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** A download owning its own ArrayBuffer (transferable to the page). */
function file(name: string, bytes: Uint8Array, mime: string): Download {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
  return { name, mime, bytes: own as ArrayBuffer };
}
