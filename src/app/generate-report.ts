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
import { copilDeck } from '../domain/reports/copil';
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
  /** Bilan: the instance's N° (column N° of `Instances`). */
  readonly instance?: number;
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
  | (PreparedCommon & { readonly kind: 'copil'; readonly deck: Deck })
  | (PreparedCommon & { readonly kind: Exclude<ReportKind, 'copil'>; readonly document: ReportDocument });

/** Everything the builders need, from one read of each tab. */
export function readReportInput(workbook: WorkbookPort, now: Date): { input: ReportInput; journalGrid: Grid | null; anomalies: readonly Anomaly[] } {
  const s = readSteeringInput(workbook);
  const dashboard = buildDashboard(s.model, s.scores, now, { lignesParOngletService: s.lignesParOngletService });
  return {
    input: { model: s.model, scores: s.scores, dashboard, today: now, lignesParOngletService: s.lignesParOngletService },
    journalGrid: workbook.sheetNames().includes(TAB.journal) ? s.src.grid(TAB.journal) : null,
    anomalies: s.read.anomalies,
  };
}

export function buildReport(kind: ReportKind, input: ReportInput, options: ReportOptions = {}): { name: string; deck?: Deck; document?: ReportDocument } {
  const collectivite = collectiviteName(input);
  switch (kind) {
    case 'copil':
      return { name: reportFileName(kind, collectivite, input.today), deck: copilDeck(input) };
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
  const { input, journalGrid, anomalies } = readReportInput(workbook, clock.now());
  const built = buildReport(kind, input, options);
  return kind === 'copil'
    ? { kind, name: built.name, deck: built.deck!, journalGrid, anomalies }
    : { kind, name: built.name, document: built.document!, journalGrid, anomalies };
}

/** The Journal line of a generated file. */
export function reportJournalEntry(prepared: Pick<PreparedReport, 'kind' | 'name'>, file: RenderedFile): { commande: string; resultat: string; lien: string | null } {
  return {
    commande: M.commande.journal(prepared.kind),
    resultat: M.commande.cree(file.name),
    lien: file.url ?? file.path ?? null,
  };
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
    const e = reportJournalEntry(prepared, file);
    appendJournal(ports.workbook, prepared.journalGrid, { date: ports.clock.now(), utilisateur: ports.user?.email() ?? '', commande: e.commande, resultat: e.resultat, lien: e.lien });
  }
  return { prepared, file };
}
