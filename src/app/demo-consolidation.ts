/**
 * Demo steps of consolidation: consolidate the sample's service tabs, then
 * apply the lead's annotations from the sample (by Réf.) and consolidate
 * again, which keeps them by Réf. and fills AFOM › Actions liées from them.
 * The report is written as `rapport-consolidation.json`.
 */
import { consolidate, type ConsolidateResult } from './consolidate';
import type { DemoState, DemoStep } from './demo-types';
import { applyLeadAnnotations } from './lead-annotations';
import type { LockPort } from './ports';
import { LEAD_DEMO_MESSAGES as M } from '../domain/messages/consolidation';

/** The demo's workbook is in memory, used by one step at a time. */
const NO_CONTENTION: LockPort = { tryLock: () => true, release: () => undefined };
const DEMO_USER = { email: () => 'demo@cap-circulaire' };

function run(state: DemoState): Extract<ConsolidateResult, { status: 'done' }> {
  const result = consolidate({ workbook: state.ports.workbook, lock: NO_CONTENTION, clock: state.ports.clock, user: DEMO_USER });
  if (result.status !== 'done') throw new Error(result.message);
  return result;
}

export const consolidateStep: DemoStep = {
  id: 'consolidation',
  label: M.consolidateLabel,
  async run(state) {
    const result = run(state);
    state.shared.set('consolidation', result);
    for (const a of result.anomalies) state.warnings.push(M.anomaly(a.onglet, a.ligne, a.message));
    return result.message;
  },
};

export const leadAnnotationsStep: DemoStep = {
  id: 'leadAnnotations',
  label: M.annotationsLabel,
  async run(state) {
    const applied = applyLeadAnnotations(state.ports.workbook, state.leadAnnotations);
    state.warnings.push(...applied.warnings);
    const result = run(state);
    state.shared.set('consolidation', result);
    state.files.push(await state.ports.output.writeFile('rapport-consolidation.json', `${JSON.stringify(result.report, null, 2)}\n`));
    return M.annotated(applied.applied, result.plan.orphans.length);
  },
};

/** Both steps, in order, for `DEMO_STEPS`. */
export const CONSOLIDATION_DEMO_STEPS: readonly DemoStep[] = [consolidateStep, leadAnnotationsStep];
