/**
 * The data the sidebar tests feed to the page, computed by the real code from the sample
 * territory (sheets-templates/val-de-loue): installed, loaded, consolidated, then checked with
 * *Vérifier*; the dashboard comes from `computeDashboard` (`buildDashboard`), as `sidebarData()`
 * returns it. A few entries are spoiled on purpose so that the check finds blocking anomalies,
 * and two workbook values carry markup (`INJECTION`) that must show as text.
 */
import { consolidate } from '../../src/app/consolidate';
import { computeDashboard } from '../../src/app/dashboard';
import { installWorkbook } from '../../src/app/install';
import { loadSample } from '../../src/app/load-sample';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { CheckStorePort } from '../../src/app/ports';
import { validate } from '../../src/app/validate';
import { tableSection } from '../../src/domain/schema/tabs';
import type { Cell, Grid } from '../../src/domain/table/cell';
import { locateTable, tableRows } from '../../src/domain/table/locate';
import type { LastCheck } from '../../src/domain/validation/last-check';
import type { SidebarData } from '../../src/gas/html/contract';
import { readSampleFolder } from '../../src/node/sample';

export const INJECTION = '<img src=x onerror=alert(1)>';

/** The day the lead opens the sidebar (local time). */
export const NOW = new Date(2026, 10, 28, 16, 20);
const clock = { now: () => NOW };
const user = { email: () => 'elodie.bourgeois@val-de-loue.fr' };

class MemoryStore implements CheckStorePort {
  value: LastCheck | null = null;
  load(): LastCheck | null {
    return this.value;
  }
  save(check: LastCheck): void {
    this.value = JSON.parse(JSON.stringify(check)) as LastCheck;
  }
}

/** Sets cells of the `n`-th data row (0-based) of a tab's table, by header. */
function setCells(wb: MemoryWorkbook, tab: string, section: string, n: number, values: Record<string, Cell>): void {
  const grid: Grid = wb.read(tab).map((r) => r.slice());
  const spec = tableSection(tab, section);
  const located = locateTable(grid, spec);
  if (!located) throw new Error(`Table introuvable : ${tab}`);
  const row = tableRows(grid, located)[n];
  if (!row) throw new Error(`Ligne ${n} absente de ${tab}`);
  for (const [header, v] of Object.entries(values)) {
    const col = spec.columns.find((c) => c.header === header);
    if (!col || !located.columns.has(col.key)) throw new Error(`Colonne ${header} absente de ${tab}`);
    const idx = located.columns.get(col.key)!;
    while (grid[row.index].length <= idx) grid[row.index].push(null);
    grid[row.index][idx] = v;
  }
  wb.write(tab, 0, 0, grid);
}

export interface SampleSidebar {
  readonly data: SidebarData;
  readonly workbook: MemoryWorkbook;
}

export async function sampleSidebar(): Promise<SampleSidebar> {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  loadSample(await readSampleFolder('sheets-templates/val-de-loue'), wb);
  const lock = { tryLock: () => true, release: () => undefined };
  const done = consolidate({ workbook: wb, lock, clock, user });
  if (done.status !== 'done') throw new Error(`Consolidation du classeur exemple : ${done.message}`);
  // What a service and the lead get wrong, for the check to find.
  setCells(wb, 'Service – Déchets', 'service', 2, { 'Date de fin': 'le 31 février', 'Pilier EC': INJECTION });
  setCells(wb, 'Service – Déchets', 'service', 4, { "Intitulé de l'action": null });
  setCells(wb, 'Jalons', 'jalons', 1, { Responsable: INJECTION });
  const store = new MemoryStore();
  validate({ workbook: wb, clock, user, store });
  const dashboard = computeDashboard({ workbook: wb, clock });
  // What google.script.run delivers: plain JSON.
  const data = JSON.parse(JSON.stringify({ dashboard, erreurTableau: null, lastCheck: store.value })) as SidebarData;
  return { data, workbook: wb };
}
