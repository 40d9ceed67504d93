/**
 * An anomaly located in the workbook: tab, row, column, a French message that
 * says what is wrong and what is expected, and whether it blocks. Field names
 * are those of the `consolidate --report` JSON (PRODUCT.md).
 */
export interface Anomaly {
  readonly onglet: string;
  /** 1-based row as the user sees it; null for a tab-level problem. */
  readonly ligne: number | null;
  /** Header of the column; null for a row- or tab-level problem. */
  readonly colonne: string | null;
  /** A1 reference of the cell when known (for links that select it). */
  readonly cellule: string | null;
  readonly message: string;
  readonly bloquante: boolean;
  /** Stable machine code (tests, grouping), e.g. `date-invalide`. */
  readonly code: string;
}

export function anomaly(a: Omit<Anomaly, 'cellule'> & { cellule?: string | null }): Anomaly {
  return { ...a, cellule: a.cellule ?? null };
}

export function countBlocking(list: readonly Anomaly[]): number {
  return list.filter((a) => a.bloquante).length;
}
