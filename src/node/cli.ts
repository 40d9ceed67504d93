/** Entry point of the `cap-circulaire` binary (bundled to dist-node/cli.js by scripts/build-node.mjs). */
import { runCli } from './main';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});
process.exitCode = code;
