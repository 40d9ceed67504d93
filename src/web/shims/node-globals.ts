/**
 * Node's `Buffer` as a global in the worker: src/files (xlsx reader and
 * writer) and the zip libraries of exceljs, pptxgenjs and docx ask for
 * `nodebuffer` output, which JSZip only supports when `Buffer` exists when it
 * loads. Imported first by worker.ts, before any engine module. The `buffer`
 * package is the one exceljs' own dependencies install (feross/buffer).
 */
import { Buffer as PolyfillBuffer } from 'buffer/';

const g = globalThis as unknown as { Buffer?: unknown };
if (g.Buffer === undefined) g.Buffer = PolyfillBuffer;
