/**
 * Names of the downloaded files, and what kind of file the user opened.
 */

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
} as const;

/**
 * A file name from a document's name (`Présentation COPIL – Val de Loue – 06/12/2026`):
 * characters Windows, macOS or Linux refuse in a file name (`/ \ : * ? " < > |`,
 * control characters) become a hyphen or go, spaces are collapsed, the length
 * is capped (the extension kept).
 */
export function downloadName(name: string, extension: string): string {
  const base = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[/\\]/g, '-')
    .replace(/[:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 180)
    .trim();
  return `${base || 'Cap Circulaire'}${extension}`;
}

export type OpenedFormat = 'xlsx' | 'ods' | 'xls' | 'other';

/** By content first (a zip with an OpenDocument mimetype, an OLE2 .xls), then by extension. */
export function sniffFormat(name: string, head: Uint8Array): OpenedFormat {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (isZip) {
    // An OpenDocument file starts with its uncompressed `mimetype` entry.
    const text = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.length, 200)));
    if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return 'xlsx';
  }
  if (isOle || ext === 'xls') return 'xls';
  if (ext === 'ods') return 'ods';
  return 'other';
}
