// One entry for every format a county office has, judged by content: the same ledger saved by LibreOffice as
// .xlsx, .xls, .ods and .csv (UTF-8, UTF-8 with BOM, GB 18030) reads as the same rows; .et is a compound file or
// an xlsx inside. And a 20,000-row sheet of dense Chinese written by LibreOffice comes back cell for cell.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { decodeCsv, detectEncoding, parseCsv } from '../../../electron/domain/ledger-excel/csv-reader';
import { readSheet, type Cell, type SheetSource } from '../../../electron/domain/ledger-excel/read-sheet';
import { cellText } from '../../../electron/domain/ledger-excel/values';
import { denseChineseRows } from '../../helpers/dense-chinese';
import { FORMAT_ID_NUMBERS, formatLedgerRows, formatLedgerXlsx } from '../../helpers/format-ledger';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterAll(cleanupTempDirs);
const fixture = (name: string) => path.join(__dirname, '../../fixtures/ledger-excel', name);

async function rows(source: SheetSource) {
  const out: Array<{ number: number; cells: Cell[]; sheetName: string }> = [];
  for await (const r of readSheet(source)) out.push(r);
  return out;
}
/** Rows as the importer sees them: each cell's text, trailing blanks and blank rows dropped. */
async function texts(source: SheetSource) {
  return (await rows(source))
    .map((r) => ({ number: r.number, cells: r.cells.map(cellText) }))
    .map((r) => {
      while (r.cells.length && r.cells[r.cells.length - 1] === '') r.cells.pop();
      return r;
    })
    .filter((r) => r.cells.length > 0);
}

const expected = formatLedgerRows().map((cells, i) => {
  const t = cells.map((c) => cellText(c));
  while (t.length && t[t.length - 1] === '') t.pop();
  return { number: i + 1, cells: t };
});

describe('the same ledger in every format', () => {
  it.each(['ledger.xlsx', 'ledger.xls', 'ledger.ods', 'ledger-utf8.csv', 'ledger-utf8-bom.csv', 'ledger-gb18030.csv'])(
    '%s reads as the rows that were written',
    async (name) => {
      expect(await texts({ path: fixture(name) })).toEqual(expected);
    },
  );

  it('gives dates as Date, numbers as numbers and long ID numbers as text in the workbook formats', async () => {
    for (const name of ['ledger.xlsx', 'ledger.xls', 'ledger.ods']) {
      const first = (await rows({ path: fixture(name) })).find((r) => r.number === 4)!;
      expect(first.sheetName).toBe('留守儿童台账');
      expect(first.cells[0]).toBe(1);
      expect(first.cells[4]).toEqual(new Date(Date.UTC(2015, 2, 2)));
      expect(first.cells[5]).toBe(FORMAT_ID_NUMBERS[0]);
      expect(first.cells[13]).toBe('13800138000');
    }
  });

  it('keeps a merged range in its top-left cell only', async () => {
    for (const name of ['ledger.xlsx', 'ledger.xls', 'ledger.ods']) {
      const [title, top] = await rows({ path: fixture(name) });
      expect(title!.cells).toEqual(['仙桥街道农村留守儿童信息台账']);
      expect(top!.cells.slice(11, 15)).toEqual(['父亲', null, null, '母亲']);
    }
  });

  it('judges .et (and any name) by content: a compound file or an xlsx inside both read', async () => {
    const dir = tempDir('et');
    const fromXls = path.join(dir, 'wps-biff.et');
    const fromXlsx = path.join(dir, 'wps-zip.et');
    const csvNamedXlsx = path.join(dir, 'really-a-csv.xlsx');
    fs.copyFileSync(fixture('ledger.xls'), fromXls);
    fs.writeFileSync(fromXlsx, await formatLedgerXlsx());
    fs.copyFileSync(fixture('ledger-gb18030.csv'), csvNamedXlsx);
    for (const file of [fromXls, fromXlsx, csvNamedXlsx]) expect(await texts({ path: file })).toEqual(expected);
    expect(await texts({ buffer: fs.readFileSync(fromXls) })).toEqual(expected);
  });

  it('refuses what is no spreadsheet, and a damaged workbook, in Chinese', async () => {
    const fail = async (buffer: Buffer) => {
      try {
        await rows({ buffer });
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('should have failed');
    };
    expect(await fail(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toContain('不是可以识别的表格文件');
    const xlsx = fs.readFileSync(fixture('ledger.xlsx'));
    expect(await fail(xlsx.subarray(0, xlsx.length - 200))).toContain('文件已损坏');
    const xls = fs.readFileSync(fixture('ledger.xls'));
    expect(await fail(Buffer.concat([xls.subarray(0, 512), Buffer.alloc(1024)]))).toMatch(/文件已损坏|不是可以识别的表格文件/);
  });
});

describe('CSV', () => {
  it('detects the encoding: BOM, then valid UTF-8, else GB 18030', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(Buffer.from('姓名,性别'))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toEqual({ encoding: 'gb18030', bom: 0 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x95, 0x32, 0x82, 0x36])).text).toBe('姓名,𠀀'); // U+20000: 4 bytes in GB 18030
    // Excel's "Unicode 文本": UTF-16 with tabs.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别\r\n林晓明\t男\r\n', 'utf16le')]);
    expect(parseCsv(decodeCsv(utf16).text).map((r) => r.cells)).toEqual([['姓名', '性别'], ['林晓明', '男']]);
  });

  it('reads quotes, separators and line breaks inside fields, CRLF, ="…" text and blank lines', () => {
    const text = '姓名,备注,身份证号码\r\n"林,晓明","说""老屋""\n后座",="44520220150302011X"\r\n\r\n吴雨萱,,\n';
    expect(parseCsv(text)).toEqual([
      { number: 1, cells: ['姓名', '备注', '身份证号码'] },
      { number: 2, cells: ['林,晓明', '说"老屋"\n后座', '44520220150302011X'] },
      { number: 3, cells: [] },
      { number: 4, cells: ['吴雨萱'] },
    ]);
  });
});

describe('a 20,000-row sheet of dense Chinese written by LibreOffice', () => {
  it('comes back with every cell identical to the data that made it', async () => {
    const want = denseChineseRows();
    const got = await rows({ path: fixture('dense-20000.xlsx') });
    expect(got).toHaveLength(want.length);
    let differing = 0;
    got.forEach((r, i) => {
      if (r.number !== i + 1 || r.cells.length !== want[i]!.length || r.cells.some((c, j) => c !== want[i]![j])) differing += 1;
    });
    expect(differing).toBe(0);
    expect(got.map((r) => r.cells)).toEqual(want);
  }, 60_000);

  it('is a file exceljs streaming reader damages (so the test above means something)', async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(fixture('dense-20000.xlsx'), { worksheets: 'emit', sharedStrings: 'cache' });
    let damaged = 0;
    for await (const ws of reader) for await (const row of ws) if (JSON.stringify(row.values).includes('\uFFFD')) damaged += 1;
    expect(damaged).toBeGreaterThan(0);
  }, 60_000);
});
