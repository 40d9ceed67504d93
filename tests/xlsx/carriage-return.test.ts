/**
 * A carriage return typed in a cell survives the patching writer: XML
 * parsers (Excel's, exceljs') fold a literal CR, or CR LF, into a line feed,
 * so it is written as the character reference `&#13;` (xml.ts, escapeText).
 * (Other control characters are OOXML `_xHHHH_` escapes, which exceljs does
 * not decode in inline strings: they are checked with the project's reader.)
 */
import { describe, expect, it } from 'vitest';
import { readXlsxBuffer, writeXlsxBuffer } from '../../src/files/xlsx';
import { classeurToBuffer } from '../../src/files/xlsx/classeur-export';
import { escapeText } from '../../src/files/xlsx/xml';
import { gridsByExcelJs } from './classeur-readers';

const TEXTS = ['ligne 1\r\nligne 2', 'CR seul\rfin', 'LF\nseul', 'fin\r'];

describe('carriage returns in cells written by the patching writer', () => {
  it('escapes CR as &#13;', () => {
    expect(escapeText('a\r\nb & <c>')).toBe('a&#13;\nb &amp; &lt;c&gt;');
  });

  it('reads back exactly, with the project’s reader and exceljs', async () => {
    const source = await classeurToBuffer({ feuilles: [{ name: 'Notes', rows: [['avant']], merges: [], widths: [], formats: [], boldRows: [], frozenRows: 0 }] });
    const loaded = await readXlsxBuffer(source);
    loaded.workbook.setGrid('Notes', [['avant'], ...TEXTS.map((t) => [t])]);
    const bytes = await writeXlsxBuffer(loaded.workbook, loaded.source);
    expect((await readXlsxBuffer(bytes)).workbook.grid('Notes').map((r) => r[0])).toEqual(['avant', ...TEXTS]);
    expect((await gridsByExcelJs(bytes)).grids.get('Notes')!.map((r) => r[0])).toEqual(['avant', ...TEXTS]);
  });
});
