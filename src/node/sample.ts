/** Reads the sample territory's JSON files (one per tab) for the pure loader. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SampleFile } from '../app/load-sample';
import { SAMPLE_MESSAGES as M } from '../domain/messages/cli';

export async function readSampleFolder(dir: string): Promise<SampleFile[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  const files: SampleFile[] = [];
  for (const file of names) {
    const text = await readFile(join(dir, file), 'utf8');
    try {
      files.push({ file, content: JSON.parse(text) });
    } catch (e) {
      throw new Error(M.badJson(file, (e as Error).message));
    }
  }
  return files;
}
