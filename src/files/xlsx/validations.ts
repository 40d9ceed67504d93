/**
 * Data validations in exceljs' model: a map from address (cell or range) to
 * validation. exceljs expands every range it reads into single cells and, when
 * writing, regroups them with a pass that sorts addresses as text (A10 before
 * A2) and can emit overlapping ranges. We therefore keep validations per
 * cell while editing, and regroup them ourselves into column runs before
 * writing: the file gets one clean range per column and validation.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../domain/table/locate';

/** exceljs' validation object (its typings omit the model). */
export interface DataValidation {
  type: 'list' | 'whole' | 'decimal' | 'date' | 'time' | 'textLength' | 'custom' | 'any';
  operator?: string;
  allowBlank?: boolean;
  formulae?: unknown[];
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
}

type Model = Record<string, DataValidation | undefined>;

function modelOf(ws: ExcelJS.Worksheet): { model: Model } {
  return (ws as unknown as { dataValidations: { model: Model } }).dataValidations;
}

/** 0-based row and column → `B12`. */
export function addressOf(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B2` → {row: 1, col: 1}; `$B$2` accepted. */
export function decodeAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) throw new Error(`Adresse de cellule illisible : ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Every cell address of `A1`, `A1:B3` or `A1:B3 D4` (sqref lists). */
export function cellsOf(ref: string): string[] {
  const out: string[] = [];
  for (const part of ref.trim().split(/\s+/)) {
    const [a, b] = part.split(':');
    const from = decodeAddress(a);
    const to = b ? decodeAddress(b) : from;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
      for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) out.push(addressOf(r, c));
    }
  }
  return out;
}

/** Turns every range key into cell keys, keeping the validation object. */
function expand(model: Model): Model {
  const out: Model = {};
  for (const [key, dv] of Object.entries(model)) {
    if (!dv) continue;
    if (/[:\s]/.test(key.trim())) for (const a of cellsOf(key)) out[a] = dv;
    else out[key] = dv;
  }
  return out;
}

/** Sets `dv` on every cell of `ref`, replacing what was there. */
export function setValidation(ws: ExcelJS.Worksheet, ref: string, dv: DataValidation): void {
  const holder = modelOf(ws);
  const model = expand(holder.model ?? {});
  for (const a of cellsOf(ref)) model[a] = dv;
  holder.model = model;
}

/** The validation that applies to one cell (after reading a file, or while editing). */
export function validationAt(ws: ExcelJS.Worksheet, address: string): DataValidation | undefined {
  const model = modelOf(ws).model ?? {};
  if (model[address]) return model[address];
  const { row, col } = decodeAddress(address);
  for (const [key, dv] of Object.entries(model)) {
    if (!dv || !/[:\s]/.test(key)) continue;
    for (const part of key.split(/\s+/)) {
      const [a, b] = part.split(':');
      const from = decodeAddress(a);
      const to = b ? decodeAddress(b) : from;
      if (row >= from.row && row <= to.row && col >= from.col && col <= to.col) return dv;
    }
  }
  return undefined;
}

/** Regroups cell keys into one range per column run of the same validation (object identity). */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const holder = modelOf(ws);
  const model = expand(holder.model ?? {});
  const groups = new Map<DataValidation, Map<number, number[]>>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const { row, col } = decodeAddress(address);
    let byCol = groups.get(dv);
    if (!byCol) groups.set(dv, (byCol = new Map()));
    const rows = byCol.get(col) ?? [];
    rows.push(row);
    byCol.set(col, rows);
  }
  const out: Model = {};
  for (const [dv, byCol] of groups) {
    for (const [col, rows] of byCol) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      let prev = rows[0];
      const flush = () => {
        const key = start === prev ? addressOf(start, col) : `${addressOf(start, col)}:${addressOf(prev, col)}`;
        out[key] = dv;
      };
      for (let i = 1; i < rows.length; i++) {
        if (rows[i] === prev + 1) prev = rows[i];
        else {
          flush();
          start = prev = rows[i];
        }
      }
      flush();
    }
  }
  holder.model = out;
}
