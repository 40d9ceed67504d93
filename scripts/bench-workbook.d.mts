import type { MemoryWorkbook } from '../src/app/memory-workbook';

export interface BenchEngine {
  readonly MemoryWorkbook: typeof MemoryWorkbook;
  readonly installWorkbook: (ports: { workbook: MemoryWorkbook; formatter: MemoryWorkbook }) => unknown;
  readonly SERVICE_COLUMNS: ReadonlyArray<{ readonly header: string }>;
  readonly TAB: { readonly plans: string; readonly parametres: string };
}

export function benchWorkbook(E: BenchEngine, tabs: number, rows: number): MemoryWorkbook;
