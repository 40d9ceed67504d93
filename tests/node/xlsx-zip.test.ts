/**
 * The writer's archive: exceljs stores it, fflate compresses it (zip.ts). The
 * compressed archive holds the same entries (names, order, CRCs, sizes) as
 * the stored one, deflated, and reads back the same; blank cells share their
 * style only while the file is written.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { TAB } from '../../src/domain/schema/tabs';
import { readXlsxBuffer, toExcel, writeXlsxBuffer } from '../../src/files/xlsx';
import { deflateStoredZip } from '../../src/files/xlsx/zip';

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
}

/** The entries of a zip, read from its central directory (no comment, no zip64: what exceljs writes). */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  let at = zip.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt16LE(local + 8)).toBe(method);
    expect(zip.readUInt32LE(local + 18)).toBe(compressed);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + compressed);
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method,
      crc: zip.readUInt32LE(at + 16),
      size: zip.readUInt32LE(at + 24),
      data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

function sample(): ExcelJS.Workbook {
  const excel = new ExcelJS.Workbook();
  const ws = excel.addWorksheet('Données « accentuées »');
  for (let r = 1; r <= 300; r++) ws.addRow([r, `Ligne ${r} : réemploi, réparation`, new Date(Date.UTC(2025, r % 12, 1)), r % 3 === 0 ? null : r * 1.5]);
  excel.addWorksheet('Vide');
  return excel;
}

describe('deflateStoredZip', () => {
  it('deflates every file of a stored archive, keeping its entries, and exceljs reads it back', async () => {
    const excel = sample();
    const stored = Buffer.from(await excel.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
    const deflated = Buffer.from(deflateStoredZip(stored));
    const before = zipEntries(stored);
    const after = zipEntries(deflated);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    expect(deflated.length).toBeLessThan(stored.length / 3);
    after.forEach((e, i) => {
      expect(e.method, e.name).toBe(before[i].size === 0 ? 0 : 8);
      expect(e.crc, e.name).toBe(before[i].crc);
      expect(e.size, e.name).toBe(before[i].size);
      expect(e.data.equals(before[i].data), e.name).toBe(true);
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(deflated as unknown as ExcelJS.Buffer);
    const ws = back.getWorksheet('Données « accentuées »')!;
    expect(ws.getCell('B300').value).toBe('Ligne 300 : réemploi, réparation');
    expect(ws.getCell('D2').value).toBe(3);
    expect((ws.getCell('C1').value as Date).toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  it('copies the entries of an archive that is already deflated as they are', async () => {
    const deflated = Buffer.from(await sample().xlsx.writeBuffer());
    const again = deflateStoredZip(deflated);
    expect(zipEntries(again).map((e) => [e.name, e.crc, e.data.toString('base64')])).toEqual(zipEntries(deflated).map((e) => [e.name, e.crc, e.data.toString('base64')]));
  });
});

describe('writeXlsxBuffer', () => {
  it('writes what exceljs alone writes (styles included), but for the compression', async () => {
    const workbook = () => {
      const wb = new MemoryWorkbook();
      installWorkbook({ workbook: wb, formatter: wb });
      wb.setGrid('Service – Déchets', [
        ['Réf.', "Intitulé de l'action", 'Date de début', 'Budget (€ HT)', 'Action phare'],
        ['DEC-001', 'Compostage', new Date(Date.UTC(2025, 0, 1)), 1500.5, true],
        [null, '=pas une formule', '01/02/2025', '12 500 €', null],
      ]);
      wb.write(TAB.journal, 1, 0, [[new Date(Date.UTC(2025, 5, 1, 10, 30)), 'moi', 'Consolider', 'ok']]);
      return wb;
    };
    const ours = await writeXlsxBuffer(workbook());
    const theirs = Buffer.from(await toExcel(workbook()).xlsx.writeBuffer());
    const contents = (zip: Uint8Array) => zipEntries(zip).filter((e) => e.name !== 'docProps/core.xml').map((e) => [e.name, e.data.toString('utf8')]);
    expect(contents(ours)).toEqual(contents(theirs));
  });

  it('writes the same workbook twice from one source: the second write has nothing left to change', async () => {
    const wb = new MemoryWorkbook([['Feuille', [['Titre', 'Montant'], ['a', 1], ['b', null]]]]);
    const first = await readXlsxBuffer(await writeXlsxBuffer(wb));
    first.workbook.write('Feuille', 3, 0, [['c', 3]]);
    const once = await writeXlsxBuffer(first.workbook, first.source);
    const twice = await writeXlsxBuffer(first.workbook, first.source);
    const contents = (zip: Uint8Array) => zipEntries(zip).map((e) => [e.name, e.data.toString('utf8')]);
    expect(contents(twice)).toEqual(contents(once));
    expect((await readXlsxBuffer(once)).workbook.grid('Feuille')).toEqual([['Titre', 'Montant'], ['a', 1], ['b'], ['c', 3]]);
  });
});
