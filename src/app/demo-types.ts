/**
 * The demo pipeline's types (ports, state, step), apart from the pipeline
 * itself so that the step modules (demo-*.ts) and demo.ts, which lists them,
 * do not import each other.
 */
import type { DashboardRendererPort } from './dashboard';
import type { LeadAnnotation, SampleFile } from './load-sample';
import type { ClockPort, FormatterPort, WorkbookPort } from './ports';

/** Where the demo's files go (a folder offline). Returns the written file's path, for messages. */
export interface DemoOutputPort {
  /** Writes the workbook being built, with its formats, as `.xlsx`. */
  writeWorkbook(fileName: string): Promise<string>;
  /** Writes a generated document (pptx, docx, xlsx, json…). */
  writeFile(fileName: string, data: Uint8Array | string): Promise<string>;
}

export interface DemoPorts {
  readonly workbook: WorkbookPort;
  readonly formatter: FormatterPort;
  readonly output: DemoOutputPort;
  readonly clock: ClockPort;
  /** Draws the dashboard's layout (offline: kept by the MemoryWorkbook for the .xlsx writer). */
  readonly dashboard?: DashboardRendererPort;
}

export interface DemoState {
  readonly ports: DemoPorts;
  /** The sample territory's files, parsed. */
  readonly sample: readonly SampleFile[];
  /** The lead's annotations of `Actions` (by Réf.), to apply once consolidation has rebuilt the tab. */
  leadAnnotations: LeadAnnotation[];
  /** Paths of the files written so far, in order. */
  readonly files: string[];
  /** Non-blocking remarks (French), printed under the step that raised them. */
  readonly warnings: string[];
  /** Results a step leaves for later ones (e.g. `scores`, `consolidation`), keyed by step id. */
  readonly shared: Map<string, unknown>;
}

export interface DemoStep {
  /** Stable id (English), also the key of what the step leaves in `state.shared`. */
  readonly id: string;
  /** French label of the progress line. */
  readonly label: string;
  /** Does the work; the returned text (French) completes the progress line. */
  run(state: DemoState): Promise<string | void> | string | void;
}
