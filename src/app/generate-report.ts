/**
 * Use case *Générer ▸ Présentation COPIL · Document AFOM · Dossier d'audit ·
 * Bilan d'une instance* (and `cap-circulaire generate …`): reads each tab
 * once, computes scores and the dashboard figures, builds the document,
 * has it rendered (a new Google file, or a .pptx / .docx offline) and, when
 * asked, logs the link in `Journal`.
 *
 * `prepareReport` is synchronous (Apps Script handlers call it, render, then
 * journal); `generateReport` chains the three for renderers that may be
 * asynchronous (offline).
 */
import type { Anomaly } from '../domain/anomaly';
import { buildDashboard } from '../domain/dashboard/build';
import { REPORT_MESSAGES as M } from '../domain/messages/reports';
import { afomDocument } from '../domain/reports/afom';
import { auditDocument } from '../domain/reports/audit';
import { bilanInstanceDocument, findInstance } from '../domain/reports/bilan';
import { buildCopil, instantDuJour, type ReadyReport } from '../domain/reports/copil';
import { blocHistorique, lireHistorique, type HistoriqueRow } from '../domain/reports/copil/historique';
import { resoudreSeance, type Seance } from '../domain/reports/copil/seance';
import { COPIL_MESSAGES } from '../domain/messages/copil';
import type { Deck } from '../domain/reports/deck';
import type { ReportDocument } from '../domain/reports/document';
import { collectiviteName, reportFileName, type ReportInput, type ReportKind } from '../domain/reports/input';
import { TAB } from '../domain/schema/tabs';
import type { Grid } from '../domain/table/cell';
import { appendJournal } from './journal';
import type { ClockPort, UserPort, WorkbookPort } from './ports';
import type { DeckRendererPort, DocumentRendererPort, RenderedFile } from './ports-reports';
import { readSteeringInput } from './steering-input';

/** A problem the user can fix (French message), e.g. an instance that does not exist. */
export class ReportError extends Error {}

export interface ReportOptions {
  /** Bilan and COPIL: the instance's N° (column N° of `Instances`); COPIL: the meeting. */
  readonly instance?: number;
  /** COPIL: the meeting's date when no COPIL is recorded in Instances. */
  readonly date?: Date;
  /** Bilan: the 1-based row of `Instances` (the row under the cursor). */
  readonly instanceRow?: number;
}

interface PreparedCommon {
  readonly name: string;
  readonly journalGrid: Grid | null;
  /** Anomalies found while reading the workbook (the document is built all the same). */
  readonly anomalies: readonly Anomaly[];
}

export type PreparedReport =
  | (PreparedCommon & {
      readonly kind: 'copil';
      readonly deck: Deck;
      /** The ready-to-project check. */
      readonly ready: ReadyReport;
      /** This meeting's figures, for Historique, and the Historique grid read (null without the tab). */
      readonly historique: { readonly row: HistoriqueRow; readonly grid: Grid | null };
      /** The meeting the deck is prepared for. */
      readonly seance: Seance;
    })
  | (PreparedCommon & { readonly kind: Exclude<ReportKind, 'copil'>; readonly document: ReportDocument });

/** Everything the builders need, from one read of each tab. */
export function readReportInput(workbook: WorkbookPort, now: Date): { input: ReportInput; journalGrid: Grid | null; historiqueGrid: Grid | null; anomalies: readonly Anomaly[] } {
  const s = readSteeringInput(workbook);
  const dashboard = buildDashboard(s.model, s.scores, now, { lignesParOngletService: s.lignesParOngletService });
  const historiqueGrid = workbook.sheetNames().includes(TAB.historique) ? s.src.grid(TAB.historique) : null;
  return {
    input: { model: s.model, scores: s.scores, dashboard, today: now, lignesParOngletService: s.lignesParOngletService, historique: lireHistorique(historiqueGrid) },
    journalGrid: workbook.sheetNames().includes(TAB.journal) ? s.src.grid(TAB.journal) : null,
    historiqueGrid,
    anomalies: s.read.anomalies,
  };
}

/** The COPIL deck for the meeting the options designate (ReportError when none can be chosen). */
export function buildCopilReport(input: ReportInput, options: ReportOptions = {}) {
  const seance = resoudreSeance(input.model, input.today, { instance: options.instance, date: options.date });
  if (typeof seance === 'string') throw new ReportError(seance);
  const built = buildCopil({ ...input, seance });
  return { name: reportFileName('copil', collectiviteName(input), instantDuJour(seance.date)), ...built };
}

export function buildReport(kind: ReportKind, input: ReportInput, options: ReportOptions = {}): { name: string; deck?: Deck; document?: ReportDocument } {
  const collectivite = collectiviteName(input);
  switch (kind) {
    case 'copil': {
      const c = buildCopilReport(input, options);
      return { name: c.name, deck: c.deck };
    }
    case 'afom':
      return { name: reportFileName(kind, collectivite, input.today), document: afomDocument(input) };
    case 'audit':
      return { name: reportFileName(kind, collectivite, input.today), document: auditDocument(input) };
    case 'bilan': {
      const instances = input.model.instances;
      const instance =
        options.instanceRow !== undefined
          ? instances.find((i) => i.rowNumber === options.instanceRow) ?? null
          : options.instance !== undefined
            ? findInstance(input.model, options.instance)
            : null;
      if (!instance) {
        if (options.instanceRow !== undefined) throw new ReportError(M.commande.ligneVide(options.instanceRow));
        if (options.instance === undefined) throw new ReportError(M.commande.instanceManquante);
        throw new ReportError(M.bilan.introuvable(options.instance, instances.map((i) => i.numero).filter((n) => n > 0)));
      }
      return { name: reportFileName(kind, collectivite, input.today, instance.numero), document: bilanInstanceDocument(input, instance) };
    }
  }
}

export function prepareReport(kind: ReportKind, workbook: WorkbookPort, clock: ClockPort, options: ReportOptions = {}): PreparedReport {
  const { input, journalGrid, historiqueGrid, anomalies } = readReportInput(workbook, clock.now());
  if (kind === 'copil') {
    const c = buildCopilReport(input, options);
    return { kind, name: c.name, deck: c.deck, ready: c.ready, historique: { row: c.context.courant, grid: historiqueGrid }, seance: c.context.seance, journalGrid, anomalies };
  }
  const built = buildReport(kind, input, options);
  return { kind, name: built.name, document: built.document!, journalGrid, anomalies };
}

/** The ready-to-project verdict in French: one line, then one line per problem. */
export function readyLines(ready: ReadyReport): string[] {
  return ready.ok ? [COPIL_MESSAGES.check.ok(ready.slides)] : [`${COPIL_MESSAGES.check.ko(ready.problems.length)} :`, ...ready.problems.map((p) => `  – ${p}`)];
}

/** The Journal line of a generated file (the COPIL deck's with its ready-to-project verdict). */
export function reportJournalEntry(prepared: Pick<PreparedReport, 'kind' | 'name'> & { readonly ready?: ReadyReport }, file: RenderedFile): { commande: string; resultat: string; lien: string | null } {
  const verdict = prepared.ready ? ` ${readyLines(prepared.ready).join(' ').replace(/\s+/g, ' ')}` : '';
  return {
    commande: M.commande.journal(prepared.kind),
    resultat: `${M.commande.cree(file.name)}${verdict}`,
    lien: file.url ?? file.path ?? null,
  };
}

/**
 * Records this meeting's figures in `Historique` (one write; over the row of
 * the same meeting when the deck is generated again). False when the
 * workbook has no Historique tab (older workbooks: « Installer ou mettre à
 * jour le classeur » adds it).
 */
export function recordHistorique(workbook: WorkbookPort, prepared: Extract<PreparedReport, { kind: 'copil' }>, now: Date): boolean {
  const grid = prepared.historique.grid;
  if (!grid) return false;
  const block = blocHistorique(grid, prepared.historique.row, now);
  if (!block) return false;
  workbook.write(TAB.historique, block.row, block.col, [block.values]);
  return true;
}

export interface GenerateReportPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user?: UserPort;
  readonly deckRenderer: DeckRendererPort;
  readonly documentRenderer: DocumentRendererPort;
  /** Log the link in `Journal` (never offline: the CLI does not modify its input). */
  readonly journal: boolean;
}

export async function generateReport(kind: ReportKind, ports: GenerateReportPorts, options: ReportOptions = {}): Promise<{ prepared: PreparedReport; file: RenderedFile }> {
  const prepared = prepareReport(kind, ports.workbook, ports.clock, options);
  const file = prepared.kind === 'copil' ? await ports.deckRenderer.render(prepared.deck, prepared.name) : await ports.documentRenderer.render(prepared.document, prepared.name);
  if (ports.journal) {
    if (prepared.kind === 'copil') recordHistorique(ports.workbook, prepared, ports.clock.now());
    const e = reportJournalEntry(prepared, file);
    appendJournal(ports.workbook, prepared.journalGrid, { date: ports.clock.now(), utilisateur: ports.user?.email() ?? '', commande: e.commande, resultat: e.resultat, lien: e.lien });
  }
  return { prepared, file };
}
