/**
 * A filter (`<autoFilter>`) over rows the engine rewrote: its criteria stay,
 * and the rows it hides are those that do not match them once the values
 * have moved (rows are hidden by their number, values moved to other
 * rows). Value lists (`<filters>`) and custom criteria (`<customFilters>`:
 * equal with wildcards, not equal, greater or less than) are evaluated;
 * with any other criterion (colours, icons, dates by period, top 10) the
 * hidden rows are left as they were. A filter whose range reached the last
 * row grows with the data.
 */
import type { Cell, Grid } from '../../domain/table/cell';
import type { RawRow } from './sheet-xml';
import { decodeRef, encodeRef } from './sheet-xml';
import { attr, elementsOf, tagsOf } from './xml';

type Test = (v: Cell) => boolean;

function text(v: Cell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  return String(v);
}

function wildcard(pattern: string): RegExp {
  const re = pattern.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\])/g, (_, lit: string, wild: string, meta: string) => (lit ? `\\${lit}` : wild ? (wild === '*' ? '.*' : '.') : `\\${meta}`));
  return new RegExp(`^${re}$`, 'i');
}

function columnTest(el: string): Test | null {
  const filters = elementsOf(el, 'filters')[0];
  if (filters) {
    if (/<(?:[\w.-]+:)?dateGroupItem/.test(filters)) return null;
    const blank = ['1', 'true'].includes(attr(filters.slice(0, filters.indexOf('>') + 1), 'blank') ?? '');
    const values = new Set(tagsOf(filters, 'filter').map((t) => (attr(t, 'val') ?? '').trim().toLowerCase()));
    return (v) => (v === null || v === '' ? blank : values.has(text(v).trim().toLowerCase()) || (typeof v === 'number' && [...values].some((x) => x !== '' && Number(x.replace(',', '.')) === v)));
  }
  const custom = elementsOf(el, 'customFilters')[0];
  if (custom) {
    const and = ['1', 'true'].includes(attr(custom.slice(0, custom.indexOf('>') + 1), 'and') ?? '');
    const tests: Test[] = tagsOf(custom, 'customFilter').map((t) => {
      const op = attr(t, 'operator') ?? 'equal';
      const val = attr(t, 'val') ?? '';
      const n = Number(val);
      const cmp = (v: Cell): number | null => (typeof v === 'number' && Number.isFinite(n) && val.trim() !== '' ? v - n : typeof v === 'string' ? v.localeCompare(val, 'fr', { sensitivity: 'base' }) : null);
      switch (op) {
        case 'equal':
          return (v) => wildcard(val).test(text(v));
        case 'notEqual':
          return (v) => !wildcard(val).test(text(v));
        case 'greaterThan':
          return (v) => (cmp(v) ?? -1) > 0;
        case 'greaterThanOrEqual':
          return (v) => (cmp(v) ?? -1) >= 0;
        case 'lessThan':
          return (v) => (cmp(v) ?? 1) < 0;
        case 'lessThanOrEqual':
          return (v) => (cmp(v) ?? 1) <= 0;
        default:
          return () => true;
      }
    });
    return (v) => (and ? tests.every((t) => t(v)) : tests.some((t) => t(v)));
  }
  return null;
}

/**
 * Re-applies the filter of `tail` (the worksheet after `</sheetData>`) to
 * `rows` for the new `grid`; returns the tail with the filter's range grown
 * if needed, or null when the tab has no filter this code can evaluate.
 */
export function refilter(tail: string, rows: Map<number, RawRow>, grid: Grid, before: Grid, newRow: (r: number) => RawRow): string | null {
  const el = /<((?:[\w.-]+:)?)autoFilter(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1autoFilter>)/.exec(tail);
  if (!el) return null;
  const open = el[0].slice(0, el[0].indexOf('>') + 1);
  const [a, b] = (attr(open, 'ref') ?? '').split(':');
  const from = decodeRef(a ?? '');
  const to = decodeRef(b ?? a ?? '');
  if (!from || !to) return null;
  let bottom = to.row;
  // The filter covered every row of data: it covers the new ones too.
  if (bottom >= before.length - 1 && grid.length - 1 > bottom) bottom = grid.length - 1;
  const columns = tagsOf(el[0], 'filterColumn').length === 0 ? [] : (el[0].match(/<((?:[\w.-]+:)?filterColumn)(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g) ?? []);
  const tests: Array<{ col: number; test: Test }> = [];
  for (const c of columns) {
    const test = columnTest(c);
    if (!test) return null;
    tests.push({ col: from.col + Number(attr(c.slice(0, c.indexOf('>') + 1), 'colId') ?? 0), test });
  }
  for (let r = from.row + 1; r <= bottom; r++) {
    const line = grid[r] ?? [];
    const visible = tests.every((t) => t.test(line[t.col] ?? null));
    let row = rows.get(r);
    const hidden = row ? /\shidden="(1|true)"/.test(row.tag) : false;
    if (visible === !hidden) continue;
    row ??= newRow(r);
    row.tag = visible ? row.tag.replace(/\shidden="[^"]*"/, '') : row.tag.replace(/^(<[\w.:-]+)/, '$1 hidden="1"');
  }
  if (bottom === to.row) return tail;
  const ref = `${encodeRef(from.row, from.col)}:${encodeRef(bottom, to.col)}`;
  return tail.replace(open, open.replace(/ref="[^"]*"/, `ref="${ref}"`));
}
