/**
 * esbuild options shared by the Node bundles (dist-node/cli.js and its
 * rollup worker: scripts/build-node.mjs; the maintainers' Google commands:
 * scripts/google/run.mjs). Packages from node_modules stay external: they
 * are installed by `npm ci`.
 */
export const NODE_BUILD = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};
