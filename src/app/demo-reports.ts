/**
 * Demo step: the four generated documents of the sample territory, written
 * next to the workbook (`presentation-copil.pptx`, `document-afom.docx`,
 * `dossier-audit.docx`, `bilan-instance-<N>.docx`). The serializers (pptx,
 * docx) live on the Node side and are given to the step.
 */
import { REPORT_MESSAGES as M } from '../domain/messages/reports';
import { jourDe } from '../domain/plan-actions/jours';
import type { Instance, WorkbookModel } from '../domain/model/types';
import type { Deck } from '../domain/reports/deck';
import type { ReportDocument } from '../domain/reports/document';
import type { DemoStep } from './demo-types';
import { buildReport, readReportInput } from './generate-report';
import { prochainCopil } from '../domain/reports/copil/seance';

export interface ReportSerializers {
  deck(deck: Deck, name: string): Promise<Uint8Array>;
  document(document: ReportDocument, name: string): Promise<Uint8Array>;
}

/** The instance whose bilan the demo writes: the last COPIL held, else the last instance held, else the first. */
export function demoInstance(model: WorkbookModel, today: Date): Instance | null {
  const day = jourDe(today).getTime();
  const held = model.instances.filter((i) => i.numero > 0 && i.date !== null && i.date.getTime() <= day).sort((a, b) => b.date!.getTime() - a.date!.getTime());
  return held.find((i) => i.type === 'COPIL') ?? held[0] ?? model.instances.find((i) => i.numero > 0) ?? null;
}

export function reportsDemoStep(serializers: ReportSerializers): DemoStep {
  return {
    id: 'reports',
    label: M.demo.label,
    async run(state) {
      const now = state.ports.clock.now();
      const { input } = readReportInput(state.ports.workbook, now);
      const write = async (file: string, bytes: Promise<Uint8Array>) => state.files.push(await state.ports.output.writeFile(file, await bytes));
      // The deck of the next COPIL recorded in Instances; the sample has none after its last one: the deck is then prepared for today.
      const copil = buildReport('copil', input, prochainCopil(input.model, now) ? {} : { date: jourDe(now) });
      await write('presentation-copil.pptx', serializers.deck(copil.deck!, copil.name));
      const afom = buildReport('afom', input);
      await write('document-afom.docx', serializers.document(afom.document!, afom.name));
      const audit = buildReport('audit', input);
      await write('dossier-audit.docx', serializers.document(audit.document!, audit.name));
      const instance = demoInstance(input.model, now);
      if (!instance) {
        state.warnings.push(M.demo.sansInstance);
        return M.demo.ecrits(3, null);
      }
      const bilan = buildReport('bilan', input, { instance: instance.numero });
      await write(`bilan-instance-${instance.numero}.docx`, serializers.document(bilan.document!, bilan.name));
      return M.demo.ecrits(4, instance.numero);
    },
  };
}
