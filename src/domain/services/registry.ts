/**
 * The registry of services in `Paramètres` › services: one row per service
 * (Service, Onglet, Code, Éditeurs (emails), Référent). Read by name of
 * column, so a lead who reordered the columns is still understood.
 */
import type { Cell, Grid } from '../table/cell';
import { cellText } from '../table/cell';
import { appendRowBlock, type RowAppend } from '../table/append';
import { locateTable, tableRows, type LocatedTable } from '../table/locate';
import { TAB, tableSection } from '../schema/tabs';

export interface RegisteredService {
  readonly service: string;
  readonly onglet: string;
  readonly code: string;
  readonly editeurs: string;
  readonly referent: string;
  /** 0-based row in the grid. */
  readonly row: number;
}

export interface ServiceRegistry {
  readonly located: LocatedTable;
  readonly services: readonly RegisteredService[];
}

export const REGISTRY_SECTION = () => tableSection(TAB.parametres, 'services');

/** Null when `Paramètres` has no services header (workbook not installed). */
export function readServiceRegistry(parametres: Grid): ServiceRegistry | null {
  const located = locateTable(parametres, REGISTRY_SECTION());
  if (!located) return null;
  const services = tableRows(parametres, located).map((r) => ({
    service: cellText(r.cells.service),
    onglet: cellText(r.cells.onglet),
    code: cellText(r.cells.code),
    editeurs: cellText(r.cells.editeurs),
    referent: cellText(r.cells.referent),
    row: r.index,
  }));
  return { located, services };
}

/** The block that appends one service to the registry (see `appendRowBlock`). */
export function registryAppend(parametres: Grid, located: LocatedTable, values: Readonly<Record<string, Cell>>): RowAppend {
  return appendRowBlock(parametres, located, values);
}
