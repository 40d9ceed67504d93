/**
 * The styles part (`xl/styles.xml`): which cell formats show dates (to read
 * serial numbers as dates), and new formats appended for what the engine
 * writes. Existing fonts, fills, number formats and cell formats are never
 * renumbered: cells of untouched tabs keep pointing at the same entries.
 */
import { closeWith } from './package';
import { attr, elementsOf, tagsOf } from './xml';

/** Built-in number formats that show dates or times (ECMA-376 Part 1, §18.8.30; 50–58 East Asian dates). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or a time (quoted text, escapes and colours left out). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare.split(';')[0]);
}

export interface StyleRequest {
  numFmt?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  /** ARGB of a solid fill. */
  fill?: string;
  alignment?: { horizontal?: string; vertical?: string; wrapText?: boolean };
}

export class Styles {
  private xml: string;
  private readonly numFmts = new Map<number, string>();
  private readonly xfNumFmt: number[] = [];
  private readonly xfTags: string[] = [];
  private readonly derived = new Map<string, number>();
  private fontCount: number;
  private fillCount: number;
  private dxfCount: number;
  changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? EMPTY_STYLES;
    for (const tag of tagsOf(this.xml, 'numFmt')) {
      const id = Number(attr(tag, 'numFmtId'));
      if (Number.isFinite(id)) this.numFmts.set(id, attr(tag, 'formatCode') ?? '');
    }
    const cellXfs = elementsOf(this.xml, 'cellXfs')[0] ?? '';
    for (const xf of elementsOf(cellXfs.replace(/^<[^>]*>/, ''), 'xf')) {
      this.xfTags.push(xf);
      this.xfNumFmt.push(Number(attr(xf.slice(0, xf.indexOf('>') + 1), 'numFmtId') ?? 0));
    }
    this.fontCount = countOf(this.xml, 'fonts', 'font');
    this.fillCount = countOf(this.xml, 'fills', 'fill');
    this.dxfCount = countOf(this.xml, 'dxfs', 'dxf');
  }

  get text(): string {
    return this.xml;
  }

  isDate(xf: number): boolean {
    const id = this.xfNumFmt[xf] ?? 0;
    if (BUILTIN_DATES.has(id)) return true;
    const code = this.numFmts.get(id);
    return code !== undefined && isDateFormat(code);
  }

  numFmtCode(xf: number): string | undefined {
    const id = this.xfNumFmt[xf] ?? 0;
    return this.numFmts.get(id) ?? (id === 0 ? 'General' : undefined);
  }

  /** A cell format like `base` with a date format (kept when `base` already shows dates). */
  dateStyle(base: number, withTime: boolean): number {
    if (this.isDate(base)) return base;
    return this.derive(base, { numFmt: withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy' });
  }

  /** A cell format like `base` changed by `req`; appended once per (base, request). */
  derive(base: number, req: StyleRequest): number {
    const key = `${base}|${JSON.stringify(req)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const src = this.xfTags[base] ?? this.xfTags[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = src.slice(0, src.indexOf('>') + 1).replace(/\/>$/, '>');
    const inner = src.endsWith('/>') ? '' : src.slice(src.indexOf('>') + 1, src.lastIndexOf('<'));
    const attrs = new Map<string, string>();
    for (const m of open.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs.set(m[1], m[2]);
    if (req.numFmt !== undefined) {
      attrs.set('numFmtId', String(this.numFmtId(req.numFmt)));
      attrs.set('applyNumberFormat', '1');
    }
    if (req.font) {
      attrs.set('fontId', String(this.addFont(Number(attrs.get('fontId') ?? 0), req.font)));
      attrs.set('applyFont', '1');
    }
    if (req.fill) {
      attrs.set('fillId', String(this.addFill(req.fill)));
      attrs.set('applyFill', '1');
    }
    let body = inner;
    if (req.alignment) {
      const a = req.alignment;
      const old = /<alignment[^>]*\/>/.exec(inner)?.[0] ?? '<alignment/>';
      const oa = new Map<string, string>();
      for (const m of old.matchAll(/([\w:.-]+)="([^"]*)"/g)) oa.set(m[1], m[2]);
      if (a.horizontal) oa.set('horizontal', a.horizontal);
      if (a.vertical) oa.set('vertical', a.vertical === 'middle' ? 'center' : a.vertical);
      if (a.wrapText !== undefined) oa.set('wrapText', a.wrapText ? '1' : '0');
      const tag = `<alignment ${[...oa].map(([k, v]) => `${k}="${v}"`).join(' ')}/>`;
      body = /<alignment[^>]*\/>/.test(inner) ? inner.replace(/<alignment[^>]*\/>/, tag) : tag + inner;
      attrs.set('applyAlignment', '1');
    }
    const tagText = `<xf ${[...attrs].map(([k, v]) => `${k}="${v}"`).join(' ')}${body ? `>${body}</xf>` : '/>'}`;
    const index = this.xfTags.length;
    this.xfTags.push(tagText);
    this.xfNumFmt.push(Number(attrs.get('numFmtId') ?? 0));
    this.xml = appendTo(this.xml, 'cellXfs', tagText);
    this.derived.set(key, index);
    this.changed = true;
    return index;
  }

  /** Appends a differential format (conditional formatting); returns its index. */
  addDxf(dxf: string): number {
    this.xml = appendTo(this.xml, 'dxfs', dxf);
    this.changed = true;
    return this.dxfCount++;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_CODES[code];
    if (builtin !== undefined) return builtin;
    for (const [id, c] of this.numFmts) if (c === code) return id;
    let id = 164;
    while (this.numFmts.has(id)) id++;
    this.numFmts.set(id, code);
    this.xml = appendTo(this.xml, 'numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeCode(code)}"/>`);
    return id;
  }

  /** A copy of font `base` with `f`'s changes; children in the order Excel writes them. */
  private addFont(base: number, f: NonNullable<StyleRequest['font']>): number {
    const fonts = elementsOf(elementsOf(this.xml, 'fonts')[0]?.replace(/^<[^>]*>/, '') ?? '', 'font');
    const old = fonts[base] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
    const inner = old.endsWith('/>') ? '' : old.slice(old.indexOf('>') + 1, old.lastIndexOf('<'));
    const replaced = new Set<string>();
    const added: Array<{ name: string; xml: string }> = [];
    const set = (name: string, xml: string | null) => {
      replaced.add(name);
      if (xml) added.push({ name, xml });
    };
    if (f.bold !== undefined) set('b', f.bold ? '<b/>' : null);
    if (f.italic !== undefined) set('i', f.italic ? '<i/>' : null);
    if (f.size) set('sz', `<sz val="${f.size}"/>`);
    if (f.color) set('color', `<color rgb="${f.color}"/>`);
    const all = [...splitFont(inner).filter((p) => !replaced.has(p.name)), ...added];
    all.sort((a, b) => FONT_ORDER.indexOf(a.name) - FONT_ORDER.indexOf(b.name));
    this.xml = appendTo(this.xml, 'fonts', `<font>${all.map((p) => p.xml).join('')}</font>`);
    return this.fontCount++;
  }

  private addFill(argb: string): number {
    this.xml = appendTo(this.xml, 'fills', `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor rgb="${argb}"/></patternFill></fill>`);
    return this.fillCount++;
  }
}

const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

function splitFont(inner: string): Array<{ name: string; xml: string }> {
  const out: Array<{ name: string; xml: string }> = [];
  for (const m of inner.matchAll(/<([\w]+)(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) out.push({ name: m[1], xml: m[0] });
  return out;
}

function escapeCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Built-in ids of a few codes (so that no custom format duplicates them). */
const BUILTIN_CODES: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The built-in id of a format code, or undefined when the code needs a custom `<numFmt>` (id 164 on). */
export function builtinNumFmtId(code: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_CODES, code) ? BUILTIN_CODES[code] : undefined;
}

function countOf(xml: string, list: string, item: string): number {
  const el = elementsOf(xml, list)[0];
  if (!el) return 0;
  return elementsOf(el.replace(/^<[^>]*>/, ''), item).length;
}

/** Appends `child` to the list element `local` (keeping its `count` right), creating the list if needed. */
function appendTo(xml: string, local: string, child: string): string {
  const re = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])([^>]*?)(/?)>`);
  const m = re.exec(xml);
  if (!m) {
    // Lists in the order CT_Stylesheet requires.
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
    const i = order.indexOf(local);
    const created = `<${local} count="1">${child}</${local}>`;
    for (const later of order.slice(i + 1)) {
      const at = new RegExp(`<(?:[\\w.-]+:)?${later}(?=[\\s/>])`).exec(xml);
      if (at) return xml.slice(0, at.index) + created + xml.slice(at.index);
    }
    return closeWith(xml, 'styleSheet', created);
  }
  const [open, name, attrs, self] = m;
  const count = Number(/count="(\d+)"/.exec(attrs)?.[1] ?? NaN);
  const newAttrs = Number.isFinite(count) ? attrs.replace(/count="\d+"/, `count="${count + 1}"`) : attrs;
  if (self === '/') return `${xml.slice(0, m.index)}<${name}${newAttrs.replace(/\s*$/, '')}>${child}</${name}>${xml.slice(m.index + open.length)}`;
  const close = `</${name}>`;
  const end = xml.indexOf(close, m.index);
  return `${xml.slice(0, m.index)}<${name}${newAttrs}>${xml.slice(m.index + open.length, end)}${child}${xml.slice(end)}`;
}

const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

