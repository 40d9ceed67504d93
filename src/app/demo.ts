/**
 * The demo pipeline (`cap-circulaire demo`): builds the sample territory's
 * workbook and every document the engine can produce, as an ordered list of
 * named steps. Each step prints one French line of progress.
 *
 * Extension point: a module adds its step object to `DEMO_STEPS`, at its
 * place in the pipeline (see the comments in the list). A step reads and
 * writes the workbook through the ports, may leave data for later steps in
 * `state.shared`, and writes files through `state.ports.output`.
 */
import { DEMO_MESSAGES as M } from '../domain/messages/cli';
import { installWorkbook } from './install';
import { loadSample, type LeadAnnotation, type SampleFile } from './load-sample';
import type { ClockPort, FormatterPort, WorkbookPort } from './ports';
import { isServiceTabName } from '../domain/schema/tabs';
import { scoreStep } from './demo-score';
import type { DashboardRendererPort } from './dashboard';
import { STEERING_DEMO_STEPS } from './demo-steering';
import { CONSOLIDATION_DEMO_STEPS } from './demo-consolidation';

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

/** File name of the sample workbook in the output folder. */
export const DEMO_WORKBOOK_FILE = 'classeur-val-de-loue.xlsx';

export const installStep: DemoStep = {
  id: 'install',
  label: M.install,
  run({ ports }) {
    const report = installWorkbook({ workbook: ports.workbook, formatter: ports.formatter });
    return M.installed(report.createdTabs.length);
  },
};

export const loadSampleStep: DemoStep = {
  id: 'loadSample',
  label: M.loadSample,
  run(state) {
    const result = loadSample(state.sample, state.ports.workbook);
    state.leadAnnotations = result.leadAnnotations;
    state.warnings.push(...result.warnings);
    state.shared.set('loadSample', result);
    return M.loaded(result.tabs.length, result.rows);
  },
};

/**
 * Service tabs created by the sample get their validations and formats: the
 * install use case is idempotent, so running it again only formats them.
 */
export const formatServiceTabsStep: DemoStep = {
  id: 'formatServiceTabs',
  label: M.formatServices,
  run({ ports }) {
    installWorkbook({ workbook: ports.workbook, formatter: ports.formatter });
    return M.formatted(ports.workbook.sheetNames().filter(isServiceTabName).length);
  },
};

export const writeWorkbookStep: DemoStep = {
  id: 'writeWorkbook',
  label: M.writeWorkbook,
  async run(state) {
    const path = await state.ports.output.writeWorkbook(DEMO_WORKBOOK_FILE);
    state.files.push(path);
    return path;
  },
};

/** The pipeline, in order. */
export const DEMO_STEPS: readonly DemoStep[] = [
  installStep,
  loadSampleStep,
  formatServiceTabsStep,
  // Workbook computations go here, in this order: consolidate the service tabs,
  // apply `state.leadAnnotations` to Actions, compute scores, steering
  // computations (acteurs, jalons, audit checklist, feuille de route), dashboard.
  ...CONSOLIDATION_DEMO_STEPS,
  scoreStep,
  ...STEERING_DEMO_STEPS,
  writeWorkbookStep,
  // Documents generated from the finished workbook go here: COPIL deck, AFOM,
  // audit file, bilan d'instance, TeT export (each through `ports.output.writeFile`).
];

export interface DemoResult {
  readonly files: string[];
  readonly warnings: string[];
  readonly state: DemoState;
}

export interface DemoOptions {
  readonly steps?: readonly DemoStep[];
  /** Receives each progress line (French), and the warnings under it. */
  readonly onProgress?: (line: string) => void;
}

/** Thrown when a step fails, carrying the French label of the step. */
export class DemoStepError extends Error {
  constructor(readonly step: DemoStep, readonly reason: unknown) {
    super(M.stepFailed(step.label, reason instanceof Error ? reason.message : String(reason)));
  }
}

export async function runDemo(ports: DemoPorts, sample: readonly SampleFile[], options: DemoOptions = {}): Promise<DemoResult> {
  const steps = options.steps ?? DEMO_STEPS;
  const progress = options.onProgress ?? (() => undefined);
  const state: DemoState = { ports, sample, leadAnnotations: [], files: [], warnings: [], shared: new Map() };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const before = state.warnings.length;
    let detail: string | void;
    try {
      detail = await step.run(state);
    } catch (e) {
      throw new DemoStepError(step, e);
    }
    progress(M.step(i + 1, steps.length, step.label, detail || undefined));
    for (const w of state.warnings.slice(before)) progress(M.warning(w));
  }
  return { files: state.files, warnings: state.warnings, state };
}
