/** Shared helpers of the offline engine's tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../../src/node/main';
import type { CliIo } from '../../src/node/commands/types';

export interface CapturedIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function captureIo(cwd: string): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/**
 * What the CLI printed with its no-break spaces (U+00A0, U+202F: French
 * typography, checked by tests/node/cli-typography.test.ts) read as plain
 * spaces, so tests can quote messages as they read them.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Runs the CLI in-process; returns the exit code and what it printed (no-break spaces as plain spaces; `raw*` as printed). */
export async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; rawStdout: string; rawStderr: string }> {
  const io = captureIo(cwd);
  const code = await runCli(argv, io);
  const rawStdout = io.stdout.join('\n');
  const rawStderr = io.stderr.join('\n');
  return { code, stdout: plainSpaces(rawStdout), stderr: plainSpaces(rawStderr), rawStdout, rawStderr };
}

/** A temporary folder removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cap-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
