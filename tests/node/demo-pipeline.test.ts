import { describe, expect, it } from 'vitest';
import { DEMO_STEPS, DEMO_WORKBOOK_FILE, DemoStepError, formatServiceTabsStep, installStep, loadSampleStep, runDemo, writeWorkbookStep, type DemoOutputPort, type DemoStep } from '../../src/app/demo';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { SampleFile } from '../../src/app/load-sample';
import { TABS } from '../../src/domain/schema/tabs';

/** Records what the pipeline writes instead of touching the disk. */
class RecordingOutput implements DemoOutputPort {
  readonly written: Array<{ name: string; size: number; tabs?: string[] }> = [];
  constructor(private readonly wb: MemoryWorkbook) {}
  async writeWorkbook(fileName: string) {
    this.written.push({ name: fileName, size: 0, tabs: this.wb.sheetNames() });
    return `sortie/${fileName}`;
  }
  async writeFile(fileName: string, data: Uint8Array | string) {
    this.written.push({ name: fileName, size: data.length });
    return `sortie/${fileName}`;
  }
}

const sample: SampleFile[] = [
  { file: 'plans.json', content: { tab: 'Plans', rows: [{ Type: 'PLPDMA', Intitulé: 'PLPDMA 2022-2027' }] } },
  { file: 'service-dec.json', content: { tab: 'Service – Déchets', rows: [{ "Intitulé de l'action": 'Ressourcerie' }] } },
  { file: 'actions-lead.json', content: { tab: 'Actions', rows: [{ 'Réf.': 'DEC-001', 'Action phare': 'Oui' }] } },
];

function ports() {
  const wb = new MemoryWorkbook();
  const output = new RecordingOutput(wb);
  return { wb, output, ports: { workbook: wb, formatter: wb, output, clock: { now: () => new Date(Date.UTC(2026, 0, 1)) } } };
}

/** The steps this module owns (the others' steps need the full sample: tested through `demo`). */
const CORE = [installStep, loadSampleStep, formatServiceTabsStep, writeWorkbookStep];

describe('demo pipeline', () => {
  it('starts with install, sample and formats, and writes the workbook', () => {
    expect(DEMO_STEPS.slice(0, 3)).toEqual([installStep, loadSampleStep, formatServiceTabsStep]);
    expect(DEMO_STEPS).toContain(writeWorkbookStep);
    expect(new Set(DEMO_STEPS.map((s) => s.id)).size).toBe(DEMO_STEPS.length);
  });

  it('runs install, sample, formats and writes the workbook, one progress line per step', async () => {
    const { wb, output, ports: p } = ports();
    const lines: string[] = [];
    const result = await runDemo(p, sample, { steps: CORE, onProgress: (l) => lines.push(l) });
    expect(lines).toHaveLength(CORE.length);
    expect(lines[0]).toBe(`[1/4] Installation du classeur : ${TABS.length} onglets créés`);
    expect(lines[1]).toBe('[2/4] Chargement du territoire exemple : 2 lignes dans 2 onglets');
    expect(lines[3]).toBe(`[4/4] Écriture du classeur : sortie/${DEMO_WORKBOOK_FILE}`);
    expect(result.files).toEqual([`sortie/${DEMO_WORKBOOK_FILE}`]);
    expect(output.written[0].tabs).toContain('Service – Déchets');
    // The service tab created by the sample got its formats (validations, header style).
    expect(wb.formats.get('Service – Déchets')?.blocks[0].columns.length).toBeGreaterThan(10);
    expect(result.state.leadAnnotations).toEqual([{ ref: 'DEC-001', values: { 'Action phare': 'Oui' } }]);
  });

  it('lets a module add a step: it sees the workbook and what earlier steps left, and can write files', async () => {
    const { output, ports: p } = ports();
    const extra: DemoStep = {
      id: 'countActions',
      label: 'Comptage des annotations',
      async run(state) {
        const path = await state.ports.output.writeFile('annotations.json', JSON.stringify(state.leadAnnotations));
        state.files.push(path);
        state.shared.set('countActions', state.leadAnnotations.length);
        return `${state.leadAnnotations.length} annotation`;
      },
    };
    const steps = [...CORE.slice(0, -1), extra, writeWorkbookStep];
    const lines: string[] = [];
    const result = await runDemo(p, sample, { steps, onProgress: (l) => lines.push(l) });
    expect(lines).toContain(`[${steps.length - 1}/${steps.length}] Comptage des annotations : 1 annotation`);
    expect(result.state.shared.get('countActions')).toBe(1);
    expect(output.written.map((w) => w.name)).toEqual(['annotations.json', DEMO_WORKBOOK_FILE]);
  });

  it('names the failing step in French and stops there', async () => {
    const { output, ports: p } = ports();
    const broken: DemoStep = { id: 'broken', label: 'Calcul des scores', run: () => { throw new Error('division par zéro'); } };
    const run = runDemo(p, sample, { steps: [installStep, broken, writeWorkbookStep] });
    await expect(run).rejects.toThrow(DemoStepError);
    await expect(runDemo(p, sample, { steps: [broken] })).rejects.toThrow('Échec de l’étape « Calcul des scores » : division par zéro');
    expect(output.written).toEqual([]);
  });

  it('prints the loader’s warnings under its step', async () => {
    const { ports: p } = ports();
    const warn: DemoStep = { id: 'warn', label: 'Étape prudente', run: (s) => { s.warnings.push('rien à faire'); } };
    const lines: string[] = [];
    await runDemo(p, [], { steps: [warn], onProgress: (l) => lines.push(l) });
    expect(lines).toEqual(['[1/1] Étape prudente', '  attention : rien à faire']);
  });
});
