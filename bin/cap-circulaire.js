#!/usr/bin/env node
// Launcher of the offline engine; the engine itself is bundled in dist-node/ (npm run build:node).
// The message below cannot come from the messages catalogue: it is printed when the bundle is missing.
try {
  await import('../dist-node/cli.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find module '[^']*dist-node[\\/]cli\.js'/.test(String(e.message))) {
    process.stderr.write('Le moteur hors ligne n’est pas construit : lancez « npm run build:node » (ou « npm ci »).\n');
    process.exit(2);
  }
  throw e;
}
