/**
 * The offline faces' work on bytes, shared by the command line (src/node)
 * and the web page (src/web): each use case wired to the file formats of
 * this folder, with no file system. The faces only choose where the bytes
 * come from and where they go (a path, a download).
 */
import { consolidate, type ConsolidateResult } from '../app/consolidate';
import { prepareExportTet, type ExportTetRun } from '../app/export-tet';
import { prepareReport, type PreparedReport, type ReportOptions } from '../app/generate-report';
import { installWorkbook } from '../app/install';
import { MemoryWorkbook } from '../app/memory-workbook';
import type { ClockPort, LockPort, UserPort, WorkbookPort } from '../app/ports';
import type { ReportKind } from '../domain/reports/kind';
import type { Deck } from '../domain/reports/deck';
import { documentToDocx } from './reports/docx';
import { deckToPptx } from './reports/pptx';
import { classeurToBuffer } from './xlsx/classeur-export';
import { writeXlsxBuffer, type LoadedWorkbook, type XlsxIssue } from './xlsx';

/** The file type of each generated document. */
export const REPORT_EXTENSION: Readonly<Record<ReportKind, '.pptx' | '.docx'>> = { copil: '.pptx', afom: '.docx', audit: '.docx', bilan: '.docx' };

export interface ReportBytes {
  readonly prepared: PreparedReport;
  /** `<Document> – <Collectivité> – <JJ/MM/AAAA>` (the Google file's name). */
  readonly name: string;
  readonly extension: '.pptx' | '.docx';
  readonly bytes: Uint8Array;
}

/**
 * A generated document as .pptx / .docx bytes. Offline, the input is never
 * modified: no Journal row. Throws ReportError (French message) when the
 * options name an instance that does not exist.
 */
export async function reportBytes(
  kind: ReportKind,
  workbook: WorkbookPort,
  clock: ClockPort,
  options: ReportOptions = {},
  /** Changes the deck before it is rendered (the network's peer slide). */
  decorateDeck?: (deck: Deck) => Deck,
): Promise<ReportBytes> {
  const prepared = prepareReport(kind, workbook, clock, options);
  const bytes =
    prepared.kind === 'copil'
      ? await deckToPptx(decorateDeck ? decorateDeck(prepared.deck) : prepared.deck, prepared.name)
      : await documentToDocx(prepared.document, prepared.name);
  return { prepared, name: prepared.name, extension: REPORT_EXTENSION[kind], bytes };
}

/** The Territoires en Transitions export (plan d'actions, référentiel) as .xlsx bytes. */
export async function exportTetBytes(workbook: WorkbookPort, today: Date): Promise<{ run: ExportTetRun; bytes: Uint8Array }> {
  const run = prepareExportTet(workbook, today);
  return { run, bytes: await classeurToBuffer(run.classeur) };
}

/** The empty workbook (`cap-circulaire template`): every tab, validation and format. */
export function templateWorkbook(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  installWorkbook({ workbook, formatter: workbook });
  return workbook;
}

/** The empty workbook as .xlsx bytes. */
export async function templateBytes(): Promise<{ bytes: Uint8Array; tabs: number }> {
  const workbook = templateWorkbook();
  return { bytes: new Uint8Array(await writeXlsxBuffer(workbook)), tabs: workbook.sheetNames().length };
}

export interface ConsolidateBytesPorts {
  readonly clock: ClockPort;
  readonly user: UserPort;
  /** The face's own lock (a lock file for the CLI; one run at a time in the page's worker). */
  readonly lock: LockPort;
}

/** A consolidation offline: the use case's result, the workbook's bytes, and what the writer could not write as asked. */
export interface ConsolidatedBytes {
  readonly result: ConsolidateResult;
  /** Null when another run holds the lock. */
  readonly bytes: Uint8Array | null;
  /**
   * Cells of these bytes the patching writer left alone or changed otherwise
   * than asked (a merged cell, a formula replaced by its value), by cell, as
   * the command line prints them: a copy, the next write has its own.
   */
  readonly writingIssues: readonly XlsxIssue[];
}

/**
 * Consolidates a workbook read from .xlsx and writes it back to bytes, keeping
 * the user's formats, extra tabs and columns. No bytes when another run holds
 * the lock.
 */
export async function consolidateBytes(loaded: LoadedWorkbook, ports: ConsolidateBytesPorts): Promise<ConsolidatedBytes> {
  const result = consolidate({ workbook: loaded.workbook, lock: ports.lock, clock: ports.clock, user: ports.user });
  if (result.status === 'busy') return { result, bytes: null, writingIssues: [] };
  const bytes = new Uint8Array(await writeXlsxBuffer(loaded.workbook, loaded.source));
  return { result, bytes, writingIssues: [...loaded.source.writingIssues] };
}
