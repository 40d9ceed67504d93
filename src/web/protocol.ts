/**
 * Messages between the page (main.ts) and its worker (worker.ts). Everything
 * crosses by structured clone; file bytes are transferred, not copied.
 */
import type { DashboardData } from '../domain/dashboard/types';
import type { ReportKind } from '../domain/reports/kind';
import type { XlsxIssue } from '../files/xlsx';

/** One anomaly as the table shows it. */
export interface AnomalyRow {
  readonly onglet: string;
  readonly ligne: number | null;
  readonly colonne: string | null;
  readonly message: string;
  readonly bloquante: boolean;
}

/**
 * A cell the .xlsx layer could not read as the user sees it, or write as
 * asked: tab, row, column letter and its French message (the command line
 * prints the same message).
 */
export type CellIssue = XlsxIssue;

export interface InstanceChoice {
  readonly numero: number;
  /** `N° 3 – COPIL – 15/01/2027 – Comité de pilotage`. */
  readonly libelle: string;
  readonly copil: boolean;
  /** ISO day, or null. */
  readonly date: string | null;
}

/** What the page shows of the open workbook. */
export interface WorkbookSummary {
  readonly fichier: string;
  readonly collectivite: string;
  readonly services: ReadonlyArray<{ readonly onglet: string; readonly actions: number }>;
  readonly instances: readonly InstanceChoice[];
  readonly consolide: boolean;
}

export interface Download {
  /** File name with its extension (French, collectivité and date). */
  readonly name: string;
  readonly mime: string;
  readonly bytes: ArrayBuffer;
}

export interface CheckOutcome {
  readonly anomalies: readonly AnomalyRow[];
  readonly bloquantes: number;
  readonly avertissements: number;
}

export type Request =
  | { readonly type: 'open'; readonly name: string; readonly bytes: ArrayBuffer }
  | { readonly type: 'verifier' }
  | { readonly type: 'consolider' }
  | { readonly type: 'scores' }
  | { readonly type: 'rapport'; readonly kind: ReportKind; readonly instance?: number }
  | { readonly type: 'export-tet' }
  | { readonly type: 'modele' }
  | { readonly type: 'fiche-reseau' }
  /** The coordinator's rollup of the files she picked (fiches réseau or full workbooks). */
  | { readonly type: 'reseau'; readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: ArrayBuffer }> };

export type Result =
  /** `nonLues`: the cells of the opened file that could not be read (a formula stored without its result). */
  | { readonly type: 'open'; readonly summary: WorkbookSummary; readonly check: CheckOutcome; readonly message: string; readonly nonLues: readonly CellIssue[] }
  | { readonly type: 'verifier'; readonly check: CheckOutcome; readonly message: string }
  /** `nonEcrites`: the cells of the downloaded workbook not written as asked (none when no workbook is offered). */
  | {
      readonly type: 'consolider';
      readonly summary: WorkbookSummary;
      readonly check: CheckOutcome;
      readonly message: string;
      readonly refused: boolean;
      readonly downloads: readonly Download[];
      readonly nonEcrites: readonly CellIssue[];
    }
  | { readonly type: 'scores'; readonly dashboard: DashboardData; readonly message: string; readonly downloads: readonly Download[] }
  | { readonly type: 'file'; readonly message: string; readonly warning: string | null; readonly downloads: readonly Download[] };

/** Page → worker. */
export interface RequestEnvelope {
  readonly id: number;
  readonly request: Request;
}

/** Worker → page. */
export type Reply =
  | { readonly id: number; readonly kind: 'progress'; readonly label: string; readonly step: number; readonly steps: number }
  | { readonly id: number; readonly kind: 'done'; readonly result: Result }
  /** A problem the user can fix (French message): nothing was changed. */
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
