/**
 * The engine's formats (SheetFormat, DashboardLayout) applied to a worksheet
 * part being patched, in SpreadsheetML: the same looks format.ts and
 * dashboard-bars.ts give a new workbook through exceljs, but only on the
 * cells and ranges the format names, leaving everything else of the tab as
 * the user has it:
 *
 * - cell styles are derived from the cell's own (styles.ts appends them);
 * - our validations replace those on the same ranges, the user's others stay;
 * - our conditional formats replace ours of a previous run (same range);
 * - a column width is set only where the user has none;
 * - the frozen header is set only where the tab has no pane of its own;
 * - header notes are not added to an existing file (they need new comment
 *   and drawing parts); the template has them.
 */
import type { BlockFormat, SheetFormat } from '../../domain/install/format';
import { DATA_FILL, HEADER_STYLE, LINE_HEIGHT_PT, cellsToWrap, headerLines, headerRowHeight } from '../../domain/install/format';
import type { DashboardLayout } from '../../domain/dashboard/layout';
import { COLOURS } from '../../domain/schema/colours';
import { dataValidation, pixelsToExcelWidth, type ListsSheetBuilder } from './format';
import type { Grid } from '../../domain/table/cell';
import { decodeRef, encodeRef, splitSheet, type RawCell, type RawRow } from './sheet-xml';
import type { StyleRequest, Styles } from './styles';
import type { DataValidation } from './validations';
import { attr, escapeAttr, escapeText, tagsOf } from './xml';

export interface SheetEdit {
  xml: string;
  readonly styles: Styles;
  readonly tab: string;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** CT_Worksheet's children, in the order the schema requires. */
const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

/** Elements of the worksheet's own namespace only: `<x14:dataValidations>` inside `<extLst>` is not ours to touch. */
let PREFIX = '';
function elementRe(local: string, flags = ''): RegExp {
  return new RegExp(`<(${PREFIX}${local})(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1>)`, flags);
}

function usePrefix(xml: string): void {
  PREFIX = /<([\w.-]+:)?worksheet[\s>]/.exec(xml)?.[1] ?? '';
}

/** Inserts `element` (a `local` element) where CT_Worksheet's order puts it. */
function insertElement(xml: string, local: string, element: string): string {
  const later = ORDER.slice(ORDER.indexOf(local) + 1);
  let best = -1;
  for (const l of later) {
    const m = new RegExp(`<${PREFIX}${l}(?=[\\s/>])`).exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best < 0) best = xml.search(/<\/(?:[\w.-]+:)?worksheet>\s*$/);
  return xml.slice(0, best) + element + xml.slice(best);
}

/** Sets (or adds) the tab colour. */
function setTabColour(xml: string, hex: string): string {
  const colour = `<tabColor rgb="${argb(hex)}"/>`;
  const pr = /<((?:[\w.-]+:)?)sheetPr(?=[\s/>])([^>]*?)(\/?)>/.exec(xml);
  if (!pr) return insertElement(xml, 'sheetPr', `<sheetPr>${colour}</sheetPr>`);
  if (/<(?:[\w.-]+:)?tabColor(?=[\s/>])[^>]*\/>/.test(xml)) return xml.replace(/<(?:[\w.-]+:)?tabColor(?=[\s/>])[^>]*\/>/, colour);
  if (pr[3] === '/') return xml.replace(pr[0], `<${pr[1]}sheetPr${pr[2]}>${colour}</${pr[1]}sheetPr>`);
  return xml.replace(pr[0], pr[0] + colour);
}

/** Freezes the first `rows` rows, unless the tab already has a pane (the user's). */
function freezeRows(xml: string, rows: number): string {
  if (rows <= 0 || /<(?:[\w.-]+:)?pane(?=[\s/>])/.test(xml)) return xml;
  const top = `A${rows + 1}`;
  const pane = `<pane ySplit="${rows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>`;
  const view = /<((?:[\w.-]+:)?)sheetView(?=[\s/>])([^>]*?)(\/?)>/.exec(xml);
  if (!view) return insertElement(xml, 'sheetViews', `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`);
  if (view[3] === '/') return xml.replace(view[0], `<${view[1]}sheetView${view[2]}>${pane}</${view[1]}sheetView>`);
  return xml.replace(view[0], view[0] + pane);
}

/** Column widths (Excel characters) where the tab has none; `force` for tabs the engine owns. */
function setWidths(xml: string, widths: Map<number, number>, force = false): string {
  if (widths.size === 0) return xml;
  const colsEl = elementRe('cols').exec(xml);
  const existing = colsEl ? tagsOf(colsEl[0], 'col') : [];
  const covered = (c: number) => existing.some((t) => Number(attr(t, 'min')) - 1 <= c && c <= Number(attr(t, 'max')) - 1 && attr(t, 'width') !== undefined);
  const keep = force ? existing.filter((t) => ![...widths.keys()].some((c) => Number(attr(t, 'min')) - 1 <= c && c <= Number(attr(t, 'max')) - 1)) : existing;
  const add = [...widths].filter(([c]) => force || !covered(c)).map(([c, w]) => ({ min: c + 1, tag: `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` }));
  if (add.length === 0 && keep.length === existing.length) return xml;
  const all = [...keep.map((t) => ({ min: Number(attr(t, 'min')), tag: t.endsWith('/>') ? t : t.replace(/>$/, '/>') })), ...add].sort((a, b) => a.min - b.min);
  const cols = `<cols>${all.map((x) => x.tag).join('')}</cols>`;
  return colsEl ? xml.replace(colsEl[0], cols) : insertElement(xml, 'cols', cols);
}

/** Every cell of the sheet's rows whose style is set by a request, created when missing. */
class CellStyler {
  private readonly split;
  private readonly rows = new Map<number, RawRow>();
  changed = false;
  constructor(
    xml: string,
    private readonly styles: Styles,
  ) {
    this.split = splitSheet(xml);
    for (const r of this.split.rows) this.rows.set(r.row, r);
  }

  style(row: number, col: number, req: StyleRequest): void {
    let r = this.rows.get(row);
    const p = this.split.prefix;
    if (!r) {
      r = { row, tag: `<${p}row r="${row + 1}">`, cells: [] };
      this.rows.set(row, r);
    }
    let i = r.cells.findIndex((c) => c.col === col);
    if (i < 0) {
      const cell: RawCell = { col, tag: `<${p}c r="${encodeRef(row, col)}"/>`, body: '' };
      i = r.cells.length;
      while (i > 0 && r.cells[i - 1].col > col) i--;
      r.cells.splice(i, 0, cell);
    }
    const cell = r.cells[i];
    const s = Number(attr(cell.tag, 's') ?? 0);
    const next = this.styles.derive(s, req);
    const tag = /\ss="\d*"/.test(cell.tag) ? cell.tag.replace(/\ss="\d*"/, ` s="${next}"`) : cell.tag.replace(/^(<[\w.:-]+)/, `$1 s="${next}"`);
    r.cells[i] = { col, tag, body: cell.body };
    this.changed = true;
  }

  /** Makes the row at least `points` tall (`ht`, `customHeight`); a taller row (the user's) stays as it is. */
  minRowHeight(row: number, points: number): void {
    let r = this.rows.get(row);
    if (!r) {
      r = { row, tag: `<${this.split.prefix}row r="${row + 1}"/>`, cells: [] };
      this.rows.set(row, r);
    }
    const ht = Number(attr(r.tag, 'ht') ?? 0);
    if (ht >= points && /\scustomHeight="(1|true)"/.test(r.tag)) return;
    const h = Math.max(ht, points);
    let tag = r.tag.replace(/\s(ht|customHeight)="[^"]*"/g, '');
    tag = tag.replace(/^(<(?:[\w.-]+:)?row)(?=[\s/>])/, `$1 ht="${h}" customHeight="1"`);
    r.tag = tag;
    this.changed = true;
  }

  toXml(): string {
    const p = this.split.prefix;
    const rows = [...this.rows.values()].sort((a, b) => a.row - b.row);
    const body = rows
      .map((r) => {
        if (r.cells.length === 0) return r.tag;
        const open = r.tag.endsWith('/>') ? r.tag.replace(/\s*\/>$/, '>') : r.tag;
        return `${open.replace(/\sspans="[^"]*"/, '')}${r.cells.map((c) => (c.tag.endsWith('/>') ? c.tag : `${c.tag}${c.body}</${p}c>`)).join('')}</${p}row>`;
      })
      .join('');
    return `${this.split.head}<${p}sheetData>${body}</${p}sheetData>${this.split.tail}`;
  }
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rangesOf(sqref: string): Range[] {
  return sqref
    .trim()
    .split(/\s+/)
    .map((part) => {
      const [a, b] = part.split(':');
      const from = decodeRef(a);
      const to = decodeRef(b ?? a);
      return from && to ? { top: from.row, left: from.col, bottom: to.row, right: to.col } : null;
    })
    .filter((r): r is Range => r !== null);
}

function inside(r: Range, outer: Range[]): boolean {
  return outer.some((o) => r.top >= o.top && r.bottom <= o.bottom && r.left >= o.left && r.right <= o.right);
}

function validationXml(sqref: string, dv: DataValidation): string {
  const a: string[] = [`type="${dv.type}"`];
  if (dv.operator && dv.type !== 'list') a.push(`operator="${dv.operator}"`);
  if (dv.allowBlank) a.push('allowBlank="1"');
  if (dv.showInputMessage) a.push('showInputMessage="1"');
  if (dv.showErrorMessage) a.push('showErrorMessage="1"');
  if (dv.errorStyle && dv.errorStyle !== 'stop') a.push(`errorStyle="${dv.errorStyle}"`);
  if (dv.errorTitle) a.push(`errorTitle="${escapeAttr(dv.errorTitle)}"`);
  if (dv.error) a.push(`error="${escapeAttr(dv.error)}"`);
  if (dv.promptTitle) a.push(`promptTitle="${escapeAttr(dv.promptTitle)}"`);
  if (dv.prompt) a.push(`prompt="${escapeAttr(dv.prompt)}"`);
  a.push(`sqref="${sqref}"`);
  const formula = (v: unknown) => (v instanceof Date ? String(Math.round(v.getTime() / 86_400_000 + 25569)) : String(v));
  const f = (dv.formulae ?? []).map((v, i) => `<formula${i + 1}>${escapeText(formula(v))}</formula${i + 1}>`).join('');
  return `<dataValidation ${a.join(' ')}>${f}</dataValidation>`;
}

/** Replaces the validations on `ranges` with ours; the user's other validations stay. */
function setValidations(xml: string, ours: Array<{ sqref: string; dv: DataValidation }>): string {
  if (ours.length === 0) return xml;
  const targets = ours.flatMap((o) => rangesOf(o.sqref));
  const block = elementRe('dataValidations').exec(xml);
  const kept = block ? (block[0].match(elementRe('dataValidation', 'g')) ?? []).filter((el) => !rangesOf(attr(el.slice(0, el.indexOf('>') + 1), 'sqref') ?? '').every((r) => inside(r, targets))) : [];
  const all = [...kept, ...ours.map((o) => validationXml(o.sqref, o.dv))];
  const el = `<dataValidations count="${all.length}">${all.join('')}</dataValidations>`;
  return block ? xml.replace(block[0], el) : insertElement(xml, 'dataValidations', el);
}

/** Replaces the conditional formats on exactly `sqref` (ours of a previous run) with `rules`. */
function setConditionalFormat(xml: string, sqref: string, rules: string[]): string {
  let out = xml.replace(elementRe('conditionalFormatting', 'g'), (el) => (attr(el.slice(0, el.indexOf('>') + 1), 'sqref') === sqref ? '' : el));
  const priorities = [...out.matchAll(/<(?:[\w.-]+:)?cfRule\s[^>]*?priority="(\d+)"/g)].map((m) => Number(m[1]));
  let p = Math.max(0, ...priorities);
  const el = `<conditionalFormatting sqref="${sqref}">${rules.map((r) => r.replace('PRIORITY', String(++p))).join('')}</conditionalFormatting>`;
  out = insertElement(out, 'conditionalFormatting', el);
  return out;
}

const a1 = encodeRef;

export function applyFormatXml(edit: SheetEdit, format: SheetFormat, lists: ListsSheetBuilder): void {
  usePrefix(edit.xml);
  let xml = setTabColour(edit.xml, format.tabColour);
  xml = freezeRows(xml, format.frozenRows);
  const styler = new CellStyler(xml, edit.styles);
  const validations: Array<{ sqref: string; dv: DataValidation }> = [];
  const widths = new Map<number, number>();
  const cfs: Array<{ sqref: string; rules: string[] }> = [];
  for (const block of format.blocks) {
    styleBlock(styler, block);
    for (const c of block.columns) {
      if (c.width !== undefined) widths.set(c.col, Math.max(widths.get(c.col) ?? 0, c.width));
      if (c.validation) {
        const dv = dataValidation(c, c.validation, lists);
        const ranges = c.validationRows ?? [[block.firstDataRow, block.lastDataRow] as const];
        if (dv) for (const [a, b] of ranges) validations.push({ sqref: `${a1(a, c.col)}:${a1(b, c.col)}`, dv });
      }
      const sqref = `${a1(block.firstDataRow, c.col)}:${a1(block.lastDataRow, c.col)}`;
      const top = a1(block.firstDataRow, c.col);
      if (c.bands && c.bands.length > 0) {
        cfs.push({
          sqref,
          rules: c.bands.map((band) => {
            const dxf = edit.styles.addDxf(`<dxf><font><color rgb="${argb(band.font)}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${argb(band.background)}"/></patternFill></fill></dxf>`);
            const f = `AND(ISNUMBER(${top}),${top}&gt;=${band.atLeast}${band.below !== undefined ? `,${top}&lt;${band.below}` : ''})`;
            return `<cfRule type="expression" dxfId="${dxf}" priority="PRIORITY"><formula>${f}</formula></cfRule>`;
          }),
        });
      }
      if (c.colours && c.colours.length > 0) {
        cfs.push({
          sqref,
          rules: c.colours.map((rule) => {
            const dxf = edit.styles.addDxf(`<dxf>${rule.font ? `<font><color rgb="${argb(rule.font)}"/></font>` : ''}<fill><patternFill patternType="solid"><bgColor rgb="${argb(rule.background)}"/></patternFill></fill></dxf>`);
            return `<cfRule type="cellIs" dxfId="${dxf}" priority="PRIORITY" operator="equal"><formula>${escapeText(`"${rule.equals.replace(/"/g, '""')}"`)}</formula></cfRule>`;
          }),
        });
      }
    }
  }
  for (const field of format.fields) {
    styler.style(field.labelRow, field.labelCol, { font: { bold: true, color: argb(COLOURS.brand) }, fill: argb(COLOURS.brandLight) });
    if (field.format.numberFormat) styler.style(field.labelRow, field.labelCol + 1, { numFmt: field.format.numberFormat });
    const dv = field.format.validation ? dataValidation(field.format, field.format.validation, lists) : undefined;
    if (dv) validations.push({ sqref: a1(field.labelRow, field.labelCol + 1), dv });
  }
  if (format.fields.length > 0) {
    const labelCol = format.fields[0].labelCol;
    widths.set(labelCol, Math.max(widths.get(labelCol) ?? 0, 220));
    widths.set(labelCol + 1, Math.max(widths.get(labelCol + 1) ?? 0, 260));
  }
  xml = styler.toXml();
  xml = setWidths(xml, new Map([...widths].map(([c, px]) => [c, pixelsToExcelWidth(px)])));
  xml = setValidations(xml, validations);
  for (const cf of cfs) xml = setConditionalFormat(xml, cf.sqref, cf.rules);
  edit.xml = xml;
}

function styleBlock(styler: CellStyler, block: BlockFormat): void {
  if (block.titleRow !== undefined) {
    const first = Math.min(...block.columns.map((c) => c.col));
    styler.style(block.titleRow, first, { font: { bold: true, size: 13, color: argb(COLOURS.brand) } });
  }
  for (const c of block.columns) {
    const style = HEADER_STYLE[c.role];
    styler.style(block.headerRow, c.col, { font: { bold: true, color: argb(style.font) }, fill: argb(style.background), alignment: { vertical: 'middle', wrapText: true } });
    // Wrapped labels need the room: Excel and LibreOffice open a row at the height written.
    styler.minRowHeight(block.headerRow, headerRowHeight(block));
    const fill = DATA_FILL[c.role];
    if (fill || c.numberFormat) {
      const req: StyleRequest = {};
      if (fill) req.fill = argb(fill);
      if (c.numberFormat) req.numFmt = c.numberFormat;
      for (let r = block.firstDataRow; r <= block.lastDataRow; r++) styler.style(r, c.col, req);
    }
  }
}

/** The dashboard tab is the engine's: its merges, widths, styles, links and data bars are the layout's. */
export function applyLayoutXml(edit: SheetEdit, layout: DashboardLayout): void {
  usePrefix(edit.xml);
  let xml = edit.xml;
  const styler = new CellStyler(xml, edit.styles);
  for (const s of layout.styles) {
    const req: StyleRequest = {};
    if (s.background) req.fill = argb(s.background);
    if (s.font || s.bold !== undefined || s.italic !== undefined || s.fontSize) {
      req.font = { ...(s.font ? { color: argb(s.font) } : {}), ...(s.bold !== undefined ? { bold: s.bold } : {}), ...(s.italic !== undefined ? { italic: s.italic } : {}), ...(s.fontSize ? { size: s.fontSize } : {}) };
    }
    if (s.numberFormat) req.numFmt = s.numberFormat;
    if (s.wrap !== undefined || s.align) req.alignment = { ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}), ...(s.align ? { horizontal: s.align } : {}), vertical: 'top' };
    for (let r = s.row; r < s.row + s.rows; r++) for (let c = s.col; c < s.col + s.cols; c++) styler.style(r, c, req);
  }
  // Wrapped header rows as tall as their labels; texts longer than their (widened) column wrap, their row grows.
  const inZone = (z: { row: number; col: number; rows: number; cols: number }, r: number, c: number) => r >= z.row && r < z.row + z.rows && c >= z.col && c < z.col + z.cols;
  for (const s of layout.styles) {
    if (s.wrap !== true) continue;
    for (let r = s.row; r < s.row + s.rows; r++) {
      for (let c = s.col; c < s.col + s.cols; c++) {
        const v = layout.grid[r]?.[c];
        if (v !== null && v !== undefined && v !== '') styler.minRowHeight(r, headerLines(String(v), layout.widths[c]) * LINE_HEIGHT_PT + 3);
      }
    }
  }
  const wraps = cellsToWrap(layout.grid, layout.widths, {
    merged: (r, c) => layout.merges.some((m) => inZone(m, r, c)),
    bold: (r, c) => layout.styles.some((st) => st.bold === true && inZone(st, r, c)),
  });
  for (const { row, col } of wraps) {
    styler.style(row, col, { alignment: { wrapText: true } });
    styler.minRowHeight(row, headerLines(String(layout.grid[row][col]), layout.widths[col]) * LINE_HEIGHT_PT + 3);
  }
  xml = styler.toXml();
  const merges = layout.merges.map((m) => `<mergeCell ref="${a1(m.row, m.col)}:${a1(m.row + m.rows - 1, m.col + m.cols - 1)}"/>`);
  xml = xml.replace(elementRe('mergeCells'), '');
  if (merges.length > 0) xml = insertElement(xml, 'mergeCells', `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`);
  xml = setWidths(xml, new Map(layout.widths.map((w, c) => [c, Math.max(1, Math.round((w / 7) * 100) / 100)])), true);
  xml = xml.replace(/<(?:[\w.-]+:)?pane(?=[\s/>])[^>]*\/>/, '');
  xml = freezeRows(xml, layout.frozenRows);
  const links = layout.links.map((l) => `<hyperlink ref="${a1(l.row, l.col)}" location="${escapeAttr(`'${l.sheet.replace(/'/g, "''")}'!A${l.targetRow}`)}" display="${escapeAttr(l.sheet)}"/>`);
  xml = xml.replace(elementRe('hyperlinks'), '');
  if (links.length > 0) xml = insertElement(xml, 'hyperlinks', `<hyperlinks>${links.join('')}</hyperlinks>`);
  for (const b of layout.dataBars) {
    const sqref = `${a1(b.zone.row, b.zone.col)}:${a1(b.zone.row + b.zone.rows - 1, b.zone.col + b.zone.cols - 1)}`;
    // From zero (a bar from the column's minimum makes its smallest value look like nothing), to the layout's fixed
    // maximum when it has one (percentages: 0–100 %); bars span the whole cell (the schema's defaults are 10–90 %).
    const bounds = `<cfvo type="num" val="${b.min ?? 0}"/>${b.max !== undefined ? `<cfvo type="num" val="${b.max}"/>` : '<cfvo type="max"/>'}`;
    xml = setConditionalFormat(xml, sqref, [`<cfRule type="dataBar" priority="PRIORITY"><dataBar minLength="0" maxLength="100">${bounds}<color rgb="${argb(b.colour)}"/></dataBar></cfRule>`]);
  }
  edit.xml = xml;
}

/** The hidden lists tab's cells. */
export function listsSheetGrid(lists: ListsSheetBuilder): Grid {
  const grid: Grid = [];
  lists.columns.forEach((values, c) =>
    values.forEach((v, r) => {
      grid[r] ??= [];
      while (grid[r].length < c) grid[r].push(null);
      grid[r][c] = v;
    }),
  );
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}
