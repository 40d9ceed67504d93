/**
 * Shared by the tests of the Apps Script layer: an environment whose globals
 * are installed in-process, and shortcuts to run a menu handler in it.
 */
import { afterEach } from 'vitest';
import { createGasEnvironment, installGasFakes, type GasEnvironment, type GasEnvironmentOptions } from '../fakes/gas';
import { TABS, tableSection } from '../../src/domain/schema/tabs';
import type { ColumnSpec } from '../../src/domain/schema/types';

let restore: (() => void) | null = null;

afterEach(() => {
  restore?.();
  restore = null;
});

/** A fresh environment with its globals on globalThis until the end of the test. */
/** Handlers open the sidebar after their dialog: in-process tests get a stand-in of the built page. */
export const SIDEBAR_STUB = '<!doctype html><title>Cap Circulaire</title><main>Barre latérale</main>';

export function gasEnv(options: GasEnvironmentOptions = { sheets: { 'Feuille 1': [] } }): GasEnvironment {
  restore?.();
  const env = createGasEnvironment({ ...options, htmlFiles: { sidebar: SIDEBAR_STUB, ...(options.htmlFiles ?? {}) } });
  restore = installGasFakes(globalThis as unknown as Record<string, unknown>, env);
  return env;
}

export function headersOf(tab: string, section: string): string[] {
  return tableSection(tab, section).columns.map((c: ColumnSpec) => c.header);
}

export const SCHEMA_TAB_NAMES = TABS.map((t) => t.name);

/** 1-based column of a header in row `row` (1-based) of a sheet's values. */
export function columnOf(values: unknown[][], header: string, row = 1): number {
  const i = (values[row - 1] ?? []).findIndex((v) => v === header);
  if (i < 0) throw new Error(`Header ${header} not found in row ${row}: ${JSON.stringify(values[row - 1])}`);
  return i + 1;
}
