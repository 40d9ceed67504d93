/**
 * Reads the coordinator's folder for the regional rollup with a small pool
 * of worker threads (issue: 300 full workbooks in under a minute on one
 * machine, memory bounded). Each worker reads one file at a time and sends
 * back plain data; results are put back in the folder's order, so the
 * outputs are the same whoever read what first.
 *
 * The pool runs from the bundle (dist-node/reseau-worker.js beside
 * dist-node/cli.js). Where that script is absent — the engine run from its
 * TypeScript sources, as the unit tests do — or for a handful of files, or
 * on a one-core machine, the files are read in this thread, one at a time:
 * the result is identical, only slower.
 *
 * A worker that dies on a file (out of memory on a huge workbook, a crash of
 * the reader) costs that file only: it is set aside with why, a new worker
 * takes over the rest. A worker that cannot even start is a packaging
 * defect and is reported as such.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RollupProgress, TerritoireOuEcart } from '../app/reseau';
import { RESEAU_MESSAGES as M } from '../domain/messages/reseau';
import { lireFichierReseau } from './reseau-fichier';

export interface DemandeLecture {
  readonly i: number;
  readonly name: string;
}
export interface ReponseLecture {
  readonly i: number;
  readonly lecture: TerritoireOuEcart;
}

/** Below this many files, starting workers (about 100 ms each) costs more than it saves. */
const MIN_FILES_FOR_POOL = 8;
/** More workers than this buys little: the main thread still has to gather and write. */
const MAX_WORKERS = 4;
/** A worker's heap ceiling: a hostile workbook fails alone instead of taking the whole rollup down. */
const WORKER_HEAP_MB = 1024;

export interface PoolOptions {
  /** The worker script (default: reseau-worker.js beside this bundle). */
  readonly workerUrl?: URL;
  /** Number of workers (default: the machine's cores, at most 4; 1 reads in this thread). */
  readonly jobs?: number;
}

export function defaultJobs(files: number): number {
  return files < MIN_FILES_FOR_POOL ? 1 : Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, files));
}

export async function lireDossierReseau(dir: string, names: readonly string[], date: Date, progress?: RollupProgress, options: PoolOptions = {}): Promise<TerritoireOuEcart[]> {
  const url = options.workerUrl ?? new URL('./reseau-worker.js', import.meta.url);
  const jobs = Math.min(options.jobs ?? defaultJobs(names.length), names.length);
  if (jobs <= 1 || !existsSync(fileURLToPath(url))) {
    const out: TerritoireOuEcart[] = [];
    for (const [k, name] of names.entries()) {
      out.push(await lireFichierReseau(dir, name, date));
      progress?.(k + 1, names.length, name);
    }
    return out;
  }
  return new Pool(url, dir, names, date, progress).run(jobs);
}

class Pool {
  private readonly results: Array<TerritoireOuEcart | undefined>;
  private next = 0;
  private done = 0;
  private settle!: { resolve: (r: TerritoireOuEcart[]) => void; reject: (e: Error) => void };
  private failed = false;
  private readonly workers = new Set<Worker>();

  constructor(
    private readonly url: URL,
    private readonly dir: string,
    private readonly names: readonly string[],
    private readonly date: Date,
    private readonly progress?: RollupProgress,
  ) {
    this.results = new Array(names.length);
  }

  run(jobs: number): Promise<TerritoireOuEcart[]> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      for (let k = 0; k < jobs; k++) this.start();
    });
  }

  private record(i: number, lecture: TerritoireOuEcart): void {
    this.results[i] = lecture;
    this.done++;
    this.progress?.(this.done, this.names.length, this.names[i]);
    if (this.done === this.names.length) this.settle.resolve(this.results as TerritoireOuEcart[]);
  }

  private start(): void {
    if (this.failed || this.next >= this.names.length) return;
    const worker = new Worker(this.url, { workerData: { dir: this.dir, date: this.date }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.workers.add(worker);
    let current = -1;
    let answered = false;
    let error: (Error & { code?: string }) | undefined;
    const feed = (): void => {
      if (this.failed || this.next >= this.names.length) {
        current = -1;
        void worker.terminate();
        return;
      }
      current = this.next++;
      worker.postMessage({ i: current, name: this.names[current] } satisfies DemandeLecture);
    };
    worker.on('message', (m: ReponseLecture) => {
      answered = true;
      current = -1;
      this.record(m.i, m.lecture);
      feed();
    });
    worker.on('error', (e) => (error = e));
    worker.on('exit', () => {
      this.workers.delete(worker);
      if (current < 0) return;
      if (!answered && error?.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        // Died before reading anything, not for lack of memory: the worker script itself is broken.
        this.failed = true;
        for (const w of this.workers) void w.terminate();
        this.settle.reject(error ?? new Error(`rollup worker ${fileURLToPath(this.url)} stopped before answering`));
        return;
      }
      const name = this.names[current];
      const raison = error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? M.lecture.tropVolumineux : M.lecture.illisible(error?.message ?? 'arrêt de la lecture');
      this.record(current, { ok: false, ecart: { fichier: name, raison } });
      this.start();
    });
    feed();
  }
}
