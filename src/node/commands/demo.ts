/** `cap-circulaire demo --out-dir out/`: the sample territory, through every step of the pipeline. */
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEMO_STEPS, runDemo, type DemoStep } from '../../app/demo';
import { MemoryWorkbook } from '../../app/memory-workbook';
import { DEMO_MESSAGES as M, PATH_MESSAGES as P } from '../../domain/messages/cli';
import { exportTetDemoStep } from '../../app/demo-steering';
import { reportsDemoStep } from '../../app/demo-reports';
import { deckToPptx } from '../../files/reports/pptx';
import { documentToDocx } from '../../files/reports/docx';
import { FolderOutput } from '../demo-output';
import { classeurToBuffer } from '../../files/xlsx/classeur-export';
import { sampleFolder } from '../paths';
import { readSampleFolder } from '../sample';
import { displayPath, fsStep } from './files';
import { EXIT, UsageError, type CliIo, type CommandSpec } from './types';

export interface DemoCommandOptions {
  /** Folder of the sample's JSON files (tests point it elsewhere). */
  readonly sampleDir?: string;
  readonly steps?: readonly DemoStep[];
}

/** Runs the demo; exported for tests and for other front ends. Returns the written files. */
export async function demo(io: CliIo, outDir: string, options: DemoCommandOptions = {}): Promise<string[]> {
  const dir = options.sampleDir ?? sampleFolder();
  if (!existsSync(dir)) throw new Error(M.sampleMissing(dir));
  const sample = await readSampleFolder(dir);
  await mkdir(outDir, { recursive: true });
  const workbook = new MemoryWorkbook();
  io.out(M.start(displayPath(io, outDir)));
  const result = await runDemo(
    { workbook, formatter: workbook, dashboard: workbook, output: new FolderOutput(outDir, workbook, (p) => displayPath(io, p)), clock: { now: () => new Date() } },
    sample,
    { steps: options.steps, onProgress: (line) => io.out(line) },
  );
  io.out(M.done(result.files.length, displayPath(io, outDir)));
  return result.files;
}

/** The pipeline plus the documents whose serializer lives on the Node side. */
export const NODE_DEMO_STEPS: readonly DemoStep[] = [...DEMO_STEPS, exportTetDemoStep(classeurToBuffer), reportsDemoStep({ deck: deckToPptx, document: documentToDocx })];

export const demoCommand: CommandSpec = {
  name: 'demo',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: {
    'out-dir': { type: 'string', placeholder: 'DOSSIER', help: M.outDirOption },
  },
  async run(args, io) {
    const raw = args.string('out-dir') ?? 'out';
    const outDir = resolve(io.cwd, raw);
    const info = await stat(outDir).catch(() => null);
    if (info && !info.isDirectory()) throw new UsageError(P.outDirIsFile(raw));
    await fsStep(io, () => mkdir(outDir, { recursive: true }));
    await demo(io, outDir, { steps: NODE_DEMO_STEPS });
    return EXIT.ok;
  },
};
