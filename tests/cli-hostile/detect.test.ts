/**
 * src/files/detect.ts: the real format of a file from its bytes, whatever
 * its name, and the text of a CSV in the encodings Excel and LibreOffice
 * write.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, detectFormat, isReadableWorkbook } from '../../src/files/detect';
import { cfb, docxBytes, odf, ooxml, plainXlsxBytes, pptxBytes, randomBytes, utf16be, utf16le, windows1252, zip } from './files';

const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const TRANSITIONAL = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
const STRICT = '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>';

describe('detectFormat', () => {
  it('recognises workbooks by the content type of their main part, Strict included', async () => {
    expect(detectFormat(await plainXlsxBytes())).toEqual({ kind: 'xlsx', strict: false });
    expect(detectFormat(ooxml('xl/workbook.xml', SHEET, TRANSITIONAL))).toEqual({ kind: 'xlsx', strict: false });
    expect(detectFormat(ooxml('xl/workbook.xml', SHEET, STRICT))).toEqual({ kind: 'xlsx', strict: true });
    expect(detectFormat(ooxml('xl/workbook.xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', TRANSITIONAL)).kind).toBe('xlsm');
    expect(detectFormat(ooxml('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', TRANSITIONAL)).kind).toBe('xltx');
    expect(detectFormat(ooxml('xl/workbook.bin', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main', '')).kind).toBe('xlsb');
    for (const kind of ['xlsx', 'xlsm', 'xltx', 'xltm'] as const) expect(isReadableWorkbook({ kind })).toBe(true);
    expect(isReadableWorkbook({ kind: 'xlsb' })).toBe(false);
  });

  it('tells a Word document or a PowerPoint presentation renamed .xlsx', async () => {
    expect(detectFormat(await docxBytes()).kind).toBe('docx');
    expect(detectFormat(await pptxBytes()).kind).toBe('pptx');
  });

  it('tells OpenDocument files by their mimetype entry', () => {
    expect(detectFormat(odf('application/vnd.oasis.opendocument.spreadsheet')).kind).toBe('ods');
    expect(detectFormat(odf('application/vnd.oasis.opendocument.text')).kind).toBe('odt');
    expect(detectFormat(odf('application/vnd.oasis.opendocument.presentation')).kind).toBe('odp');
    expect(detectFormat(odf('application/vnd.oasis.opendocument.graphics')).kind).toBe('odf');
  });

  it('tells an encrypted workbook from an Excel 97 file in a CFB container', () => {
    expect(detectFormat(cfb(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])).kind).toBe('encrypted');
    expect(detectFormat(cfb(['Workbook', '\u0005SummaryInformation'])).kind).toBe('xls');
    expect(detectFormat(cfb(['WordDocument', '1Table'])).kind).toBe('doc');
    expect(detectFormat(cfb(['PowerPoint Document'])).kind).toBe('ppt');
    expect(detectFormat(cfb(['Contenu'])).kind).toBe('cfb');
  });

  it('tells empty, truncated, other zips, PDF, HTML, text and random bytes', async () => {
    const xlsx = await plainXlsxBytes();
    expect(detectFormat(new Uint8Array()).kind).toBe('empty');
    expect(detectFormat(xlsx.subarray(0, Math.floor(xlsx.length / 2))).kind).toBe('damaged-zip');
    expect(detectFormat(zip({ 'photo.txt': 'x' })).kind).toBe('zip');
    expect(detectFormat(new TextEncoder().encode('%PDF-1.7\n')).kind).toBe('pdf');
    expect(detectFormat(new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>')).kind).toBe('html');
    expect(detectFormat(new TextEncoder().encode('id;statut\neci_1.1;fait\n')).kind).toBe('text');
    expect(detectFormat(randomBytes(2048)).kind).toBe('unknown');
  });

  it('never throws, whatever the bytes (a workbook magic number followed by anything included)', () => {
    const prefixes = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xef, 0xbb, 0xbf], [0xff, 0xfe]];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 600 }), (prefix, tail) => {
        const bytes = Uint8Array.from([...prefix, ...tail]);
        const kind = detectFormat(bytes).kind;
        expect(isReadableWorkbook({ kind })).toBe(false);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('decodeText', () => {
  const csv = 'id;statut\neci_1.1;réalisé\neci_2.4;Programmé à 50 %\n';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(csv))).toEqual({ text: csv, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]))).toEqual({ text: csv, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 little- and big-endian (« Texte Unicode » of Excel), with or without a BOM', () => {
    expect(decodeText(utf16le(csv))).toEqual({ text: csv, encoding: 'utf-16le' });
    expect(decodeText(utf16be(csv))).toEqual({ text: csv, encoding: 'utf-16be' });
    expect(decodeText(utf16le(csv, false))).toEqual({ text: csv, encoding: 'utf-16le' });
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    expect(decodeText(windows1252(csv))).toEqual({ text: csv, encoding: 'windows-1252' });
    // Bytes 0x80-0x9f are Windows-1252 characters (€, œ, ’), not Latin-1 controls.
    expect(decodeText(Uint8Array.from([0x80, 0x20, 0x9c, 0x92])).text).toBe('€ œ’');
  });

  it('returns the same text for any Latin-1 text, whichever encoding wrote it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcxyzéèàçùÉÀ;,.\n 0123456789%'.split('')), minLength: 2, maxLength: 80 }), (text) => {
        fc.pre(/[a-z]/.test(text));
        expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
        expect(decodeText(utf16le(text)).text).toBe(text);
        expect(decodeText(utf16be(text)).text).toBe(text);
        if (/[^\x00-\x7f]/.test(text)) expect(decodeText(windows1252(text))).toEqual({ text, encoding: 'windows-1252' });
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
