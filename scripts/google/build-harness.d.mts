/** Types of scripts/google/build-harness.mjs (for the tests that drive the live check's bundle). */
export function buildHarness(): Promise<string>;
