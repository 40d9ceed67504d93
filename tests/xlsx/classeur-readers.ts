/**
 * What a written ClasseurExport must read back as, and the readers it is
 * read back with: exceljs, the project's own reader (src/files/xlsx/read),
 * LibreOffice (which rewrites it as .xlsx, read again by ours) and openpyxl.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../src/domain/table/cell';
import type { ClasseurExport } from '../../src/domain/tet/classeur';
import { readXlsxBuffer } from '../../src/files/xlsx';
import { cutAt, EXCEL_TEXT_MAX } from '../../src/files/xlsx/classeur-export';

/** A cell as the file must give it back: blanks and numbers Excel cannot hold are no value, long texts are cut. */
export function expectedCell(v: Cell | undefined): Cell {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string') return cutAt(v, EXCEL_TEXT_MAX);
  return v;
}

/** Rows without trailing blanks, and no trailing blank rows: the shape every reader agrees on. */
export function trimGrid(grid: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>): Grid {
  const out: Grid = [];
  for (const row of grid) {
    const line = (row ?? []).map((c) => (c === undefined ? null : c));
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Each sheet's grid as the file must give it back (values of a merged range's other cells are not written). */
export function expectedGrids(classeur: ClasseurExport): Map<string, Grid> {
  const out = new Map<string, Grid>();
  for (const f of classeur.feuilles) {
    const grid = f.rows.map((row) => Array.from(row, (v) => expectedCell(v)));
    for (const m of f.merges) {
      for (let r = m.row; r < m.row + m.rows && r < grid.length; r++) {
        for (let c = m.col; c < m.col + m.cols && c < grid[r].length; c++) if (r !== m.row || c !== m.col) grid[r][c] = null;
      }
    }
    out.set(f.name, trimGrid(grid));
  }
  return out;
}

export async function gridsByOwnReader(bytes: Uint8Array): Promise<Map<string, Grid>> {
  const { workbook } = await readXlsxBuffer(bytes);
  return new Map(workbook.sheetNames().map((n) => [n, trimGrid(workbook.grid(n))]));
}

/** exceljs' reading, as plain cells (a merged range's other cells hold nothing). */
export async function gridsByExcelJs(bytes: Uint8Array): Promise<{ excel: ExcelJS.Workbook; grids: Map<string, Grid> }> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(bytes as unknown as ArrayBuffer);
  const grids = new Map<string, Grid>();
  for (const ws of excel.worksheets) {
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      while (grid.length < r) grid.push([]);
      const line = grid[r - 1];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        while (line.length < c) line.push(null);
        if (v === null || v === undefined) line[c - 1] = null;
        else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) line[c - 1] = v;
        else throw new Error(`exceljs read ${ws.name}!${cell.address} as ${JSON.stringify(v)} (a plain value was written)`);
      });
    });
    grids.set(ws.name, trimGrid(grid));
  }
  return { excel, grids };
}

/** LibreOffice opens the workbook and saves it as its own .xlsx: the bytes it wrote. */
export function libreOfficeResave(file: string, dir: string): Uint8Array {
  const out = join(dir, 'lo-xlsx');
  mkdirSync(out, { recursive: true });
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, file], { stdio: 'pipe', timeout: 180_000 });
  const saved = join(out, file.replace(/^.*\//, ''));
  if (!existsSync(saved)) throw new Error(`LibreOffice did not open ${file}`);
  return readFileSync(saved);
}

/** Every sheet as LibreOffice exports it to CSV (raw values, UTF-8), by sheet name. */
export function libreOfficeCsvs(file: string, dir: string, sheets: readonly string[]): Map<string, string> {
  const out = join(dir, 'lo-csv');
  mkdirSync(out, { recursive: true });
  // Tokens: comma, double quote, UTF-8, from line 1, …, values not "as shown", every sheet (-1).
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { stdio: 'pipe', timeout: 180_000 });
  const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '');
  return new Map(sheets.map((s) => [s, readFileSync(join(out, `${base}-${s}.csv`), 'utf8')]));
}

export function hasOpenpyxl(): boolean {
  try {
    execFileSync('python3', ['-c', 'import openpyxl'], { stdio: 'pipe', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * openpyxl's reading (`load_workbook`), each cell as JSON: numbers, booleans,
 * text, dates as `{"date": ISO}`; plus what openpyxl sees of the layout.
 */
export function openpyxlRead(file: string, dir: string): {
  sheets: Array<{ name: string; rows: Array<Array<unknown>>; freeze: string | null; filter: string | null; merges: string[]; widths: Record<string, number>; bold: boolean[]; formats: Record<string, string> }>;
  creator: string;
} {
  const script = join(dir, 'read.py');
  writeFileSync(
    script,
    `import json, sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def cell(v):
    if isinstance(v, datetime.datetime): return {"date": v.isoformat()}
    return v
out = {"creator": wb.properties.creator, "sheets": []}
for ws in wb.worksheets:
    rows = [[cell(c.value) for c in row] for row in ws.iter_rows()]
    formats = {c.coordinate: c.number_format for row in ws.iter_rows() for c in row if c.value is not None}
    out["sheets"].append({"name": ws.title, "rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
        "merges": [str(r) for r in ws.merged_cells.ranges],
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
        "bold": [bool(c.font and c.font.b) for c in ws[1]] if ws.max_row >= 1 else [], "formats": formats})
sys.stdout.write(json.dumps(out, ensure_ascii=True, default=str))
`,
  );
  return JSON.parse(execFileSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }));
}
