/**
 * Use case *Installer ou mettre à jour le classeur* (and the offline
 * `template`): reads each existing tab once, plans, then writes. Never
 * overwrites a user's value; a second run writes nothing.
 */
import { planInstall, type InstallReport } from '../domain/install/plan';
import { SERVICE_TAB_PREFIX, TABS } from '../domain/schema/tabs';
import type { Grid } from '../domain/table/cell';
import type { FormatterPort, WorkbookPort } from './ports';

export interface InstallPorts {
  readonly workbook: WorkbookPort;
  readonly formatter: FormatterPort;
}

export function installWorkbook({ workbook, formatter }: InstallPorts): InstallReport {
  const names = workbook.sheetNames();
  const known = new Set(TABS.map((t) => t.name));
  const existing = new Map<string, Grid>();
  for (const name of names) {
    if (known.has(name) || name.startsWith(SERVICE_TAB_PREFIX)) existing.set(name, workbook.read(name));
  }
  const plan = planInstall(names, existing);
  for (const c of plan.create) workbook.createSheet(c.name, c.index);
  for (const w of plan.writes) workbook.write(w.sheet, w.row, w.col, w.values);
  for (const f of plan.formats) formatter.applyFormat(f.sheet, f.format);
  return plan.report;
}
