/**
 * What a file really is, from its bytes rather than its name: users rename
 * an `.ods`, a `.docx` or a password-protected workbook to `.xlsx` (or get
 * one so named), and each deserves its own answer. Pure: bytes in, a
 * verdict out; shared by the command line and the web page (no Node
 * built-ins, only fflate and the standard TextDecoder).
 *
 * - zip with a `mimetype` entry: OpenDocument (ODS, ODT, ODP…);
 * - zip with `[Content_Types].xml`: OOXML, told apart by the content type
 *   of its main part (workbook, macro-enabled workbook, template, binary
 *   workbook, Word document, PowerPoint presentation); Strict OOXML
 *   workbooks are flagged by their namespace;
 * - CFB / OLE2 (`D0 CF 11 E0 A1 B1 1A E1`): an encrypted OOXML package
 *   (`EncryptionInfo` and `EncryptedPackage` streams, what Excel writes for
 *   « Chiffrer avec mot de passe ») or a legacy Office file (`Workbook`/`Book`
 *   → .xls, `WordDocument` → .doc, `PowerPoint Document` → .ppt);
 * - otherwise PDF, HTML, text (CSV), empty, or unknown.
 */
import { unzipSync } from 'fflate';

export type FileKind =
  /** Workbooks our reader takes (Excel 2007+ packages). */
  | 'xlsx'
  | 'xlsm'
  | 'xltx'
  | 'xltm'
  /** Excel binary workbook (.xlsb): a zip, but not XML. */
  | 'xlsb'
  | 'ods'
  | 'odt'
  | 'odp'
  /** Another OpenDocument (drawing, formula…). */
  | 'odf'
  | 'docx'
  | 'pptx'
  /** Password-protected (encrypted) OOXML package in a CFB container. */
  | 'encrypted'
  | 'xls'
  | 'doc'
  | 'ppt'
  /** Another CFB container (msg, msi…). */
  | 'cfb'
  /** A zip that is no office document. */
  | 'zip'
  /** Starts as a zip but its directory cannot be read: truncated or damaged. */
  | 'damaged-zip'
  | 'empty'
  | 'pdf'
  | 'html'
  | 'text'
  | 'unknown';

export interface DetectedFormat {
  readonly kind: FileKind;
  /** Workbooks: Strict Open XML (ISO 29500 Strict namespaces). */
  readonly strict?: boolean;
}

/** Kinds our `.xlsx` reader accepts. */
export const WORKBOOK_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['xlsx', 'xlsm', 'xltx', 'xltm']);

export function isReadableWorkbook(format: DetectedFormat): boolean {
  return WORKBOOK_KINDS.has(format.kind);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Entries we inflate to decide, with a size cap so a hostile archive cannot make us inflate much. */
const PEEK_MAX = 4 * 1024 * 1024;

/** Content type of the main part → kind (ECMA-376 Part 2 and MS-OFFMACRO2). */
const MAIN_PART_TYPES: ReadonlyArray<readonly [string, FileKind]> = [
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xlsx'],
  ['application/vnd.ms-excel.sheet.macroenabled.main+xml', 'xlsm'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'xltx'],
  ['application/vnd.ms-excel.template.macroenabled.main+xml', 'xltm'],
  ['application/vnd.ms-excel.sheet.binary.macroenabled.main', 'xlsb'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'docx'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml', 'docx'],
  ['application/vnd.ms-word.document.macroenabled.main+xml', 'docx'],
  ['application/vnd.ms-word.template.macroenabledtemplate.main+xml', 'docx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'pptx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml', 'pptx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.template.main+xml', 'pptx'],
  ['application/vnd.ms-powerpoint.presentation.macroenabled.main+xml', 'pptx'],
  ['application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml', 'pptx'],
];

const ODF_TYPES: ReadonlyArray<readonly [string, FileKind]> = [
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.presentation', 'odp'],
];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC)) return detectZip(bytes);
  if (startsWith(bytes, CFB_MAGIC)) return { kind: detectCfb(bytes) };
  if (startsWith(bytes, PDF_MAGIC)) return { kind: 'pdf' };
  return { kind: detectText(bytes) };
}

function detectZip(bytes: Uint8Array): DetectedFormat {
  let entries: Record<string, Uint8Array>;
  const names: string[] = [];
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return (file.name === 'mimetype' || file.name === '[Content_Types].xml') && file.originalSize <= PEEK_MAX;
      },
    });
  } catch {
    return { kind: 'damaged-zip' };
  }
  const mimetype = entries.mimetype;
  if (mimetype) {
    const type = latin1.decode(mimetype).trim().toLowerCase();
    return { kind: ODF_TYPES.find(([t]) => type === t)?.[1] ?? (type.startsWith('application/vnd.oasis.opendocument.') ? 'odf' : 'zip') };
  }
  const types = entries['[Content_Types].xml'];
  if (!types) {
    // OOXML requires [Content_Types].xml; a workbook part without it is still worth handing to the reader.
    return names.includes('xl/workbook.xml') ? { kind: 'xlsx' } : { kind: 'zip' };
  }
  const xml = utf8.decode(types);
  const main = mainPart(xml);
  if (!main) return { kind: names.includes('xl/workbook.xml') ? 'xlsx' : 'zip' };
  if (main.kind === 'xlsx' || main.kind === 'xlsm' || main.kind === 'xltx' || main.kind === 'xltm') {
    return { kind: main.kind, strict: isStrict(bytes, main.part) };
  }
  return { kind: main.kind };
}

/** The first Override whose content type names a main document part. */
function mainPart(xml: string): { kind: FileKind; part: string } | null {
  for (const m of xml.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)) {
    const attrs = m[1];
    const type = /ContentType\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]?.toLowerCase();
    const part = /PartName\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1];
    if (!type || !part) continue;
    const hit = MAIN_PART_TYPES.find(([t]) => t === type);
    if (hit) return { kind: hit[1], part: part.replace(/^\//, '') };
  }
  return null;
}

/** Strict Open XML names its spreadsheet namespace under purl.oclc.org. */
function isStrict(bytes: Uint8Array, part: string): boolean {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === part && f.originalSize <= PEEK_MAX });
    const xml = files[part];
    return xml ? utf8.decode(xml.subarray(0, 4096)).includes('http://purl.oclc.org/ooxml/spreadsheetml/main') : false;
  } catch {
    return false;
  }
}

/** UTF-16LE bytes of a CFB directory entry name. */
function utf16le(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A CFB container, told by the names of its streams. Stream names live in
 * the directory sectors as UTF-16LE; searching them is enough to tell these
 * formats apart (no need to walk the FAT chains).
 */
function detectCfb(bytes: Uint8Array): FileKind {
  if (contains(bytes, utf16le('EncryptedPackage')) || contains(bytes, utf16le('EncryptionInfo'))) return 'encrypted';
  if (contains(bytes, utf16le('Workbook')) || contains(bytes, utf16le('Book\u0000'))) return 'xls';
  if (contains(bytes, utf16le('WordDocument'))) return 'doc';
  if (contains(bytes, utf16le('PowerPoint Document'))) return 'ppt';
  return 'cfb';
}

function detectText(bytes: Uint8Array): FileKind {
  const decoded = decodeText(bytes.subarray(0, 64 * 1024));
  // Binary: control characters other than tab, line breaks and form feed.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(decoded.text.slice(0, 4096))) return 'unknown';
  const head = decoded.text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<table[\s>]/.test(head)) return 'html';
  return 'text';
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/**
 * Text of a file as Excel and LibreOffice write CSV: a BOM says UTF-8 or
 * UTF-16 (« Texte Unicode », « CSV UTF-8 »); without one, UTF-16 is told by
 * its zero bytes, valid UTF-8 is UTF-8, and anything else is read as
 * Windows-1252 (Excel's « CSV (séparateur : point-virgule) » on a French
 * Windows), which the caller should say.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) decoded = { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  else if (startsWith(bytes, [0xff, 0xfe])) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    const bom = utf16WithoutBom(bytes);
    if (bom) decoded = { text: new TextDecoder(bom).decode(bytes), encoding: bom };
    else {
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
      }
    }
  }
  return decoded;
}

/** UTF-16 without a BOM: one byte in two is zero in mostly-ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/** Windows-1252's characters for bytes 0x80-0x9F (undefined ones stay as their C1 code). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252, by hand for 0x80-0x9F: Node's TextDecoder takes the
 * « windows-1252 » label for ISO-8859-1 and returns C1 controls where Excel
 * wrote €, œ or ’ (browsers decode it right; the mapping is the same).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin = latin1.decode(bytes);
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
