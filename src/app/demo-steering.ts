/**
 * Demo steps of steering, after consolidation and scores: create the fiches
 * of the actions retained in the plan, then refresh every steering block and
 * the `Tableau de bord` (its layout goes to `ports.dashboard`, drawn by the
 * .xlsx writer offline), the DashboardData in `state.shared.get('dashboard')`
 * for the documents). `exportTetDemoStep` writes the TeT export given a
 * serializer (exceljs lives on the Node side).
 */
import type { ClasseurExport } from '../domain/tet/classeur';
import { STEERING_MESSAGES as M } from '../domain/messages/steering';
import { createFiches } from './create-fiches';
import type { DemoStep } from './demo-types';
import { prepareExportTet } from './export-tet';
import { refreshSteering } from './steer';

const DEMO_USER = { email: () => 'demo@cap-circulaire' };

export const createFichesDemoStep: DemoStep = {
  id: 'fiches',
  label: M.steer.demoFiches,
  run(state) {
    const r = createFiches({ workbook: state.ports.workbook, clock: state.ports.clock, user: DEMO_USER });
    for (const a of r.anomalies) state.warnings.push(M.steer.anomalie(a.onglet, a.ligne, a.message));
    return r.message;
  },
};

export const steeringDemoStep: DemoStep = {
  id: 'steering',
  label: M.steer.demoPilotage,
  run(state) {
    const r = refreshSteering({ workbook: state.ports.workbook, clock: state.ports.clock, user: DEMO_USER, renderer: state.ports.dashboard });
    state.shared.set('dashboard', r.dashboard);
    for (const a of r.anomalies) state.warnings.push(M.steer.anomalie(a.onglet, a.ligne, a.message));
    return r.summary;
  },
};

export const STEERING_DEMO_STEPS: readonly DemoStep[] = [createFichesDemoStep, steeringDemoStep];

/** The TeT export as a demo document (`plan-tet.xlsx`), `toBytes` serializing the described file. */
export function exportTetDemoStep(toBytes: (c: ClasseurExport) => Promise<Uint8Array>): DemoStep {
  return {
    id: 'exportTet',
    label: M.steer.demoExport,
    async run(state) {
      const run = prepareExportTet(state.ports.workbook, state.ports.clock.now());
      state.files.push(await state.ports.output.writeFile('plan-tet.xlsx', await toBytes(run.classeur)));
      // The progress line already names the export.
      return run.message.replace(/^Export Territoires en Transitions : /, '');
    },
  };
}
