/** The demo's output port offline: files in a folder. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoOutputPort } from '../app/demo';
import type { MemoryWorkbook } from '../app/memory-workbook';
import { writeAtomic } from './atomic-write';
import { writeXlsxFile } from './xlsx-files';

export class FolderOutput implements DemoOutputPort {
  /** `show` turns a written path into what messages print (e.g. relative to the current folder). */
  constructor(
    readonly dir: string,
    private readonly workbook: MemoryWorkbook,
    private readonly show: (path: string) => string = (p) => p,
  ) {}

  async writeWorkbook(fileName: string): Promise<string> {
    const path = join(this.dir, fileName);
    await mkdir(this.dir, { recursive: true });
    await writeAtomic(path, (tmp) => writeXlsxFile(this.workbook, tmp));
    return this.show(path);
  }

  async writeFile(fileName: string, data: Uint8Array | string): Promise<string> {
    const path = join(this.dir, fileName);
    await mkdir(this.dir, { recursive: true });
    await writeAtomic(path, data);
    return this.show(path);
  }
}
