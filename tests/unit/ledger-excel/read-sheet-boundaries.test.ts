// No character altered at any chunk boundary: exceljs's streaming reader decoded each chunk on its own and turned a
// multi-byte character split by a boundary into U+FFFD. These sheets put 3- and 4-byte characters across every
// 1 KiB, 16 KiB (zlib's output chunk) and 64 KiB (the file read chunk) boundary, at every offset inside a character.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readSheet, type Cell } from '../../../electron/domain/ledger-excel/read-sheet';
import { parseXml } from '../../../electron/domain/ledger-excel/xml-stream';
import { zipParts } from '../../../electron/domain/ledger-excel/zip-entries';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterAll(cleanupTempDirs);
// Thousands of rows written and read three times over: not a timing test, but slow on a shared machine.
jest.setTimeout(60_000);

const HAN = '韩子轩仙桥街道东山村留守儿童关爱保护委托监护人祖母';
const RARE = Array.from('𠮷𡒄𤭢𨭎𪚥');

/** Row i, column j: 0–3 ASCII letters first, so the multi-byte text starts at every alignment. */
function text(i: number, j: number): string {
  const pad = 'abc'.slice(0, (i + j) % 4);
  const start = (i * 7 + j * 3) % HAN.length;
  const han = (HAN + HAN).slice(start, start + 5 + ((i + j) % 11));
  return `${pad}${han}${(i + j) % 3 === 0 ? RARE[(i + j) % RARE.length] : ''}${HAN[(i * 5 + j) % HAN.length]}`;
}
const ROWS = 6000;
const COLS = 6;
const expected: string[][] = Array.from({ length: ROWS }, (_, i) => Array.from({ length: COLS }, (_, j) => text(i, j)));

async function writeSheet(file: string, sharedStrings: boolean, level: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: false, zip: { zlib: { level } } });
  const ws = wb.addWorksheet('台账');
  for (const row of expected) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

/** Where each chunk size's boundaries fall inside a character: 'k/n' = after byte k of an n-byte character. */
function straddles(bytes: Buffer, chunk: number): Set<string> {
  const kinds = new Set<string>();
  for (let at = chunk; at < bytes.length; at += chunk) {
    let start = at;
    while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start -= 1;
    if (start === at) continue;
    const lead = bytes[start]!;
    const n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    kinds.add(`${at - start}/${n}`);
  }
  return kinds;
}

async function readAll(source: { path: string } | { buffer: Buffer }): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const r of readSheet(source)) rows[r.number - 1] = r.cells;
  return rows;
}

describe.each([
  ['shared strings, deflated', true, 6],
  ['inline strings, deflated', false, 9],
  ['shared strings, stored blocks', true, 0],
])('an xlsx with %s', (_label, shared, level) => {
  let file: string;
  beforeAll(async () => {
    file = path.join(tempDir('boundaries'), 'dense.xlsx');
    await writeSheet(file, shared, level);
  });

  it('puts characters across every chunk boundary, at every offset inside them', async () => {
    const zip = await zipParts({ path: file });
    const part = shared ? 'xl/sharedStrings.xml' : 'xl/worksheets/sheet1.xml';
    const bytes = (await zip.read(part))!;
    zip.close();
    // 1 KiB boundaries are many: they fall at every offset inside 3- and 4-byte characters.
    expect([...straddles(bytes, 1024)].sort()).toEqual(['1/3', '1/4', '2/3', '2/4', '3/4']);
    // zlib's 16 KiB and the file stream's 64 KiB chunks: inside Chinese characters at both offsets.
    for (const chunk of [16 * 1024, 64 * 1024]) expect([...straddles(bytes, chunk)]).toEqual(expect.arrayContaining(['1/3', '2/3']));
  });

  it('reads every cell back identical, from a path and from a buffer', async () => {
    for (const source of [{ path: file }, { buffer: fs.readFileSync(file) }]) {
      const rows = await readAll(source);
      expect(rows).toHaveLength(ROWS);
      expect(rows).toEqual(expected);
      expect(JSON.stringify(rows)).not.toContain('\uFFFD');
    }
  });

  it('is a sheet that exceljs streaming reader gets wrong (the test reaches the fault)', async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' });
    let damaged = 0;
    for await (const ws of reader) {
      for await (const row of ws) if (JSON.stringify(row.values).includes('\uFFFD')) damaged += 1;
    }
    expect(damaged).toBeGreaterThan(0);
  });
});

describe('the XML stream decoder', () => {
  const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst>${expected.slice(0, 300).flat().map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);
  const strings = async (chunks: Buffer[]) => {
    const out: string[] = [];
    let current = '';
    for await (const s of parseXml<string>(Readable.from(chunks), (emit) => ({
      open: () => (current = ''),
      text: (t) => (current += t),
      close: (name) => name === 'si' && emit(current),
    }))) out.push(s);
    return out;
  };

  it('gives the same text for any chunk size, including chunks smaller than one character', async () => {
    const whole = await strings([xml]);
    expect(whole).toEqual(expected.slice(0, 300).flat());
    for (const size of [1, 2, 3, 4, 5, 7, 13, 1000, 4095, 16383, 16384, 16385, 65535]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < xml.length; at += size) chunks.push(xml.subarray(at, at + size));
      expect(await strings(chunks)).toEqual(whole);
    }
  });

  it('reads a UTF-16 part (allowed by OPC) by its byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<sst><si><t>韩子轩𠮷</t></si></sst>', 'utf16le')]);
    expect(await strings([utf16.subarray(0, 9), utf16.subarray(9)])).toEqual(['韩子轩𠮷']);
  });
});
