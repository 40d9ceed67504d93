/**
 * Messages between the page (main.ts) and its worker (worker.ts). Everything
 * crosses by structured clone; file bytes are transferred, not copied.
 */
import type { DashboardData } from '../domain/dashboard/types';
import type { ReportKind } from '../domain/reports/kind';

/** One anomaly as the table shows it. */
export interface AnomalyRow {
  readonly onglet: string;
  readonly ligne: number | null;
  readonly colonne: string | null;
  readonly message: string;
  readonly bloquante: boolean;
}

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
  | { readonly type: 'modele' };

export type Result =
  | { readonly type: 'open'; readonly summary: WorkbookSummary; readonly check: CheckOutcome }
  | { readonly type: 'verifier'; readonly check: CheckOutcome; readonly message: string }
  | { readonly type: 'consolider'; readonly summary: WorkbookSummary; readonly check: CheckOutcome; readonly message: string; readonly refused: boolean; readonly downloads: readonly Download[] }
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
