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
import { loadSample, type SampleFile } from './load-sample';
import { isServiceTabName } from '../domain/schema/tabs';
import { scoreStep } from './demo-score';
import { STEERING_DEMO_STEPS } from './demo-steering';
import { CONSOLIDATION_DEMO_STEPS } from './demo-consolidation';

export type { DemoOutputPort, DemoPorts, DemoState, DemoStep } from './demo-types';
import type { DemoState, DemoStep, DemoPorts } from './demo-types';

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
