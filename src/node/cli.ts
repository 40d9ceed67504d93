/** Entry point of the `cap-circulaire` binary (bundled to dist-node/cli.js by scripts/build-node.mjs). */
import { CRASH_MESSAGES } from '../domain/messages/cli';
import { explain, runCli, DEBUG_FLAG } from './main';
import { runInterruptCleanups } from './owner';

const argv = process.argv.slice(2);
const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

// Last resort: an error escaping the run (a library's callback) still gets a French answer, never a stack.
const fatal = (e: unknown) => {
  runInterruptCleanups();
  process.exit(explain(e, io, argv.includes(DEBUG_FLAG), argv[0] ?? ''));
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

// Node's own warnings (deprecations, experimental features) are English: shown only with --debug.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (argv.includes(DEBUG_FLAG)) process.stderr.write(`${CRASH_MESSAGES.libraryNote(w.stack ?? w.message)}\n`);
});

// Ctrl+C or a kill: remove our temporary file and lock, say so, exit 2 (the input is untouched).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    runInterruptCleanups();
    process.stderr.write(`${CRASH_MESSAGES.interrupted}\n`);
    process.exit(2);
  });
}

process.exitCode = await runCli(argv, io);
