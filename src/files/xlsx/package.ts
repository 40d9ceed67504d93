/**
 * An OOXML package (ECMA-376 Part 2, Open Packaging Conventions) as read
 * from a zip: its parts, their content types and relationships. Parts the
 * engine does not change keep their compressed bytes and are written back
 * as they were read.
 */
import { entryBytes, newEntry, readZip, writeZip, type ZipEntry } from './zip';
import { attr, escapeAttr, tagsOf } from './xml';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Target as written in the .rels part. */
  readonly target: string;
  /** Part name the target resolves to (no leading slash); undefined when external. */
  readonly part?: string;
}

export const CONTENT_TYPES = '[Content_Types].xml';

export class OoxmlPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();

  constructor(zip: Uint8Array) {
    for (const e of readZip(zip)) this.entries.set(e.name, e);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  bytes(part: string): Uint8Array | undefined {
    const e = this.entries.get(part);
    return e ? entryBytes(e) : undefined;
  }

  /** A part as text (decoded once, kept while the package lives). */
  text(part: string): string | undefined {
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const b = this.bytes(part);
    if (!b) return undefined;
    const t = decoder.decode(b);
    this.texts.set(part, t);
    return t;
  }

  /** Replaces (or adds) a part's text; compressed when the package is written. */
  setText(part: string, text: string): void {
    this.texts.set(part, text);
    this.changed.add(part);
    if (!this.entries.has(part)) this.entries.set(part, newEntry(part, new Uint8Array(0)));
  }

  /** Replaces (or adds) a binary part. */
  setBytes(part: string, data: Uint8Array): void {
    this.texts.delete(part);
    this.changed.delete(part);
    this.entries.set(part, newEntry(part, data));
  }

  remove(part: string): void {
    this.entries.delete(part);
    this.texts.delete(part);
    this.changed.delete(part);
  }

  /** Forgets the decoded texts of unchanged parts (memory). */
  release(): void {
    for (const k of [...this.texts.keys()]) if (!this.changed.has(k)) this.texts.delete(k);
  }

  /** The archive: unchanged parts copied as they were, changed ones compressed. */
  toBytes(): Uint8Array {
    const out: ZipEntry[] = [];
    for (const [name, e] of this.entries) {
      out.push(this.changed.has(name) ? newEntry(name, encoder.encode(this.texts.get(name) ?? ''), { time: e.time, date: e.date }) : e);
    }
    return writeZip(out);
  }

  /** Relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`); '' for the package's own. */
  rels(part: string): Relationship[] {
    const xml = this.text(relsPath(part));
    if (!xml) return [];
    const base = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
    return tagsOf(xml, 'Relationship').map((tag) => {
      const target = attr(tag, 'Target') ?? '';
      const external = attr(tag, 'TargetMode') === 'External';
      return { id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target, part: external ? undefined : resolvePart(base, target) };
    });
  }

  /** Adds a relationship to a part's .rels (created if needed); returns its id. */
  addRel(part: string, type: string, target: string): string {
    const path = relsPath(part);
    const xml = this.text(path) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(tagsOf(xml, 'Relationship').map((t) => attr(t, 'Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    this.setText(path, closeWith(xml, 'Relationships', rel));
    return id;
  }

  /** Removes the relationships of `part` whose type ends with `suffix`. */
  removeRels(part: string, suffix: string): void {
    const path = relsPath(part);
    const xml = this.text(path);
    if (!xml) return;
    const next = xml.replace(/<(?:[\w.-]+:)?Relationship\s[^>]*?\/>/g, (tag) => ((attr(tag, 'Type') ?? '').endsWith(suffix) ? '' : tag));
    if (next !== xml) this.setText(path, next);
  }

  contentTypeOverride(part: string): string | undefined {
    const xml = this.text(CONTENT_TYPES) ?? '';
    for (const tag of tagsOf(xml, 'Override')) if (attr(tag, 'PartName') === `/${part}`) return attr(tag, 'ContentType');
    return undefined;
  }

  setContentTypeOverride(part: string, type: string): void {
    const xml = this.text(CONTENT_TYPES) ?? '';
    if (this.contentTypeOverride(part) === type) return;
    const cleaned = this.removeOverrideFrom(xml, part);
    this.setText(CONTENT_TYPES, closeWith(cleaned, 'Types', `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`));
  }

  removeContentTypeOverride(part: string): void {
    const xml = this.text(CONTENT_TYPES) ?? '';
    const next = this.removeOverrideFrom(xml, part);
    if (next !== xml) this.setText(CONTENT_TYPES, next);
  }

  private removeOverrideFrom(xml: string, part: string): string {
    return xml.replace(/<(?:[\w.-]+:)?Override\s[^>]*?\/>/g, (tag) => (attr(tag, 'PartName') === `/${part}` ? '' : tag));
  }
}

export function relsPath(part: string): string {
  if (part === '') return '_rels/.rels';
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target, relative to the source part's folder or absolute, as a part name. */
export function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return decodeURI(out.join('/'));
}

/** Inserts `child` before the closing tag of the root element `local`. */
export function closeWith(xml: string, local: string, child: string): string {
  const re = new RegExp(`</(?:[\\w.-]+:)?${local}>\\s*$`);
  const m = re.exec(xml);
  if (m) return xml.slice(0, m.index) + child + xml.slice(m.index);
  // Self-closed root: open it.
  const self = new RegExp(`(<(?:[\\w.-]+:)?${local}(?=[\\s/])[^>]*?)\\s*/>\\s*$`).exec(xml);
  if (!self) throw new Error(`XML root ${local} not found`);
  const name = /<([\w.:-]+)/.exec(self[1])![1];
  return `${xml.slice(0, self.index)}${self[1]}>${child}</${name}>`;
}
