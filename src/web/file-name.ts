/** Names and types of the downloaded files. */

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
