/**
 * The little XML the package layer needs, on strings: attributes of a tag,
 * entities, and OOXML's own escape of characters XML cannot hold
 * (`_xHHHH_`, ECMA-376 Part 1, §22.9.2.19 ST_Xstring).
 *
 * Sheets are scanned, not parsed into a DOM: a rebuilt `Actions` of 20,000
 * rows would cost hundreds of megabytes as DOM nodes. Element names are
 * matched with any namespace prefix (`<x:c>` from some .NET writers), so
 * transitional and Strict OOXML read alike.
 */

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e] ?? m;
  });
}

/**
 * Text content escaped. A carriage return becomes `&#13;`: XML parsers fold a
 * literal CR, or CR LF, into a line feed (XML 1.0 §2.11), so Excel and
 * exceljs would read `a\r\nb` as `a\nb`; a character reference is kept.
 */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`));
}

/** `_x0041_` → `A`, `_x005F_x0041_` → `_x0041_`: how Excel stores characters XML cannot hold. */
export function decodeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The reverse of decodeOoxml: a literal `_xHHHH_` gets its underscore escaped
 * (`_x005F_`), and characters XML 1.0 refuses (controls but tab, line feed,
 * carriage return; U+FFFE, U+FFFF; lone surrogates) become `_xHHHH_`.
 */
export function encodeOoxml(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) {
      out += '_x005F_';
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    const bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
    out += bad ? `_x${c.toString(16).toUpperCase().padStart(4, '0')}_` : s[i];
  }
  return out;
}

/** Attributes of an open tag (`<c r="A1" s="2">`), keyed by their qualified name. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  // Skip the element name.
  const start = tag.search(/\s/);
  if (start < 0) return out;
  re.lastIndex = start;
  while ((m = re.exec(tag))) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** One attribute by local name (any prefix), or undefined. */
export function attr(tag: string, local: string): string | undefined {
  // Fast path (every cell goes through here): ` name="value"` without entities.
  const at = tag.indexOf(` ${local}="`);
  if (at >= 0) {
    const from = at + local.length + 3;
    const to = tag.indexOf('"', from);
    const v = tag.slice(from, to);
    return v.indexOf('&') >= 0 ? unescapeXml(v) : v;
  }
  if (tag.indexOf(`${local}=`) < 0) return undefined;
  for (const [k, v] of attributes(tag)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** One attribute whose name has a prefix (`r:id`, whatever the prefix is called). */
export function prefixedAttr(tag: string, local: string): string | undefined {
  for (const [k, v] of attributes(tag)) if (k.endsWith(`:${local}`) && k !== `xmlns:${local}`) return v;
  return undefined;
}

/** The open tags of every element named `local` (any prefix), e.g. every `<sheet …>`. */
export function tagsOf(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

/** Elements named `local` with their content (`<si>…</si>`, or self-closed). */
export function elementsOf(xml: string, local: string): string[] {
  const re = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1>)`, 'g');
  return xml.match(re) ?? [];
}

/** The text of every `<t>` of a string item, rich text runs joined, phonetic runs (`<rPh>`) left out. */
export function textOf(item: string): string {
  const clean = item.indexOf('rPh') >= 0 ? item.replace(/<((?:[\w.-]+:)?rPh)[\s>][\s\S]*?<\/\1>/g, '') : item;
  let out = '';
  const re = /<((?:[\w.-]+:)?t)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) if (m[2]) out += m[2];
  return decodeOoxml(unescapeXml(out));
}
