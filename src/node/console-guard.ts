/**
 * Libraries print English warnings on the console (exceljs on odd files,
 * Node's process warnings…). During a run, the console and
 * process.emitWarning are captured: nothing reaches the user's terminal,
 * and --debug shows what was said. Nested or concurrent runs (tests run the
 * CLI in-process) share one installation, counted.
 */
type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const METHODS: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

let depth = 0;
let saved: { console: Record<ConsoleMethod, (...args: unknown[]) => void>; emitWarning: typeof process.emitWarning } | null = null;
const listeners = new Set<(text: string) => void>();

function say(args: readonly unknown[]): void {
  const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : safeJson(a))).join(' ');
  for (const l of listeners) l(text);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Captures console output until the returned function is called; `listener` receives each message. */
export function captureConsole(listener: (text: string) => void): () => void {
  listeners.add(listener);
  if (depth++ === 0) {
    const c = console as unknown as Record<ConsoleMethod, (...args: unknown[]) => void>;
    saved = { console: Object.fromEntries(METHODS.map((m) => [m, c[m]])) as Record<ConsoleMethod, (...args: unknown[]) => void>, emitWarning: process.emitWarning };
    for (const m of METHODS) c[m] = (...args: unknown[]) => say(args);
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => say([warning, ...rest.filter((r) => typeof r === 'string')])) as typeof process.emitWarning;
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    listeners.delete(listener);
    if (--depth === 0 && saved) {
      const c = console as unknown as Record<ConsoleMethod, (...args: unknown[]) => void>;
      for (const m of METHODS) c[m] = saved.console[m];
      process.emitWarning = saved.emitWarning;
      saved = null;
    }
  };
}
