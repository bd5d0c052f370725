// Through ledgerImport.preview/commit: the same ledger saved as .xlsx, .xls, .et, .ods and .csv (UTF-8, BOM,
// GB 18030) imports the same children; a cell with U+FFFD is refused by row and column, never stored.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../../electron/app/context';
import { cliFiles } from '../../../electron/files/file-access';
import { FORMAT_ID_NUMBERS, formatLedgerRows } from '../../helpers/format-ledger';
import { runCli } from '../../../electron/cli/run';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { call, ledgerContext, TODAY_MS } from '../ledger/ledger-helpers';

const fixture = (name: string) => path.join(__dirname, '../../fixtures/ledger-excel', name);
let ctx: AppContext;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function importFile(file: string) {
  ctx.files = cliFiles; // a path as the CLI passes it (the desktop passes dialog handles)
  const p = await call(ctx, 'ledgerImport.preview', { source: { path: file } });
  const r = await call(ctx, 'ledgerImport.commit', { importId: p.importId });
  const children = Object.values(ctx.store!.table('child'))
    .map((c) => c.v)
    .sort((a, b) => String(a['child.idNumber']).localeCompare(String(b['child.idNumber'])));
  return { p, r, children };
}

describe('every format a county office has', () => {
  let reference: Awaited<ReturnType<typeof importFile>>['children'];
  beforeAll(async () => {
    const { ctx: first } = await ledgerContext();
    ctx = first;
    reference = (await importFile(fixture('ledger.xlsx'))).children;
    await first.close();
  });

  it('imports the xlsx: every child, dates and rare characters intact', () => {
    expect(reference.map((c) => c['child.idNumber'])).toEqual([...FORMAT_ID_NUMBERS].sort());
    const zheng = reference.find((c) => c['child.name'] === '郑浩然')!;
    expect(zheng['child.birthDate']).toBe('2016-05-20');
    expect(zheng['responsibility.village']).toBe('𠮷祥村');
    expect(JSON.stringify(reference)).not.toContain('\uFFFD');
  });

  it.each(['ledger.xls', 'ledger.ods', 'ledger-utf8.csv', 'ledger-utf8-bom.csv', 'ledger-gb18030.csv', 'ledger.et'])(
    '%s imports the same children as the xlsx',
    async (name) => {
      let file = fixture(name);
      if (name === 'ledger.et') {
        // WPS's .et: a compound file like .xls.
        file = path.join(tempDir('et'), '台账.et');
        fs.copyFileSync(fixture('ledger.xls'), file);
      }
      const { p, r, children } = await importFile(file);
      expect(p.headerRows).toEqual([2, 3]);
      expect(r).toMatchObject({ imported: 6, updated: 0, skipped: 0, errors: [] });
      expect(children).toEqual(reference);
    },
  );
});

describe('a character that cannot be read', () => {
  it('refuses the cell that holds U+FFFD, naming row and column, and stores the other rows', async () => {
    const rows = formatLedgerRows();
    rows[4]![1] = '陈思\uFFFD'; // row 5, column B (姓名)
    rows[6]![27] = '\uFFFD坑村'; // row 7, column AB (村（居）)
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRows(rows);
    const file = path.join(tempDir('fffd'), '台账.xlsx');
    await wb.xlsx.writeFile(file);

    ctx.files = cliFiles;
    const p = await call(ctx, 'ledgerImport.preview', { source: { path: file } });
    expect(p.problems).toEqual([
      { row: 5, message: expect.stringMatching(/^B列 姓名含有无法识别的字符（\uFFFD），该行未导入/) },
      { row: 7, message: expect.stringMatching(/^AB列 村（居）含有无法识别的字符（\uFFFD），该行未导入/) },
    ]);
    const r = await call(ctx, 'ledgerImport.commit', { importId: p.importId });
    expect(r).toMatchObject({ imported: 4, skipped: 2 });
    expect(r.errors.map((e) => e.row)).toEqual([5, 7]);
    expect(JSON.stringify(ctx.store!.table('child'))).not.toContain('\uFFFD');
  });

  it('refuses the row of a GB 18030 CSV whose bytes fit no encoding', async () => {
    const csv = fs.readFileSync(fixture('ledger-gb18030.csv'));
    // Row 4's name 林晓明 (C1D6 CFFE C3F7): its last character's second byte replaced by one GB 18030 has not.
    const at = csv.indexOf(Buffer.from([0xc1, 0xd6, 0xcf, 0xfe, 0xc3, 0xf7]));
    expect(at).toBeGreaterThan(0);
    const broken = Buffer.from(csv);
    broken[at + 5] = 0x7f;
    const file = path.join(tempDir('gb'), '台账.csv');
    fs.writeFileSync(file, broken);
    ctx.files = cliFiles;
    const p = await call(ctx, 'ledgerImport.preview', { source: { path: file } });
    expect(p.problems.map((x) => x.row)).toEqual([4]);
    expect(p.problems[0]!.message).toContain('姓名含有无法识别的字符');
    expect(p.counts).toMatchObject({ new: 5, rejected: 1 });
  });
});

describe('guanai ledger import', () => {
  it('takes .xls and a GB 18030 .csv as it takes .xlsx', async () => {
    const dir = ctx.dataDir;
    await ctx.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), clock: fixedClock(TODAY_MS) };
    expect(await runCli(['ledger', 'import', '--data', dir, fixture('ledger.xls'), '--json'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ imported: 6, updated: 0, skipped: 0, errors: [] });
    out.length = 0;
    expect(await runCli(['ledger', 'import', '--data', dir, fixture('ledger-gb18030.csv'), '--json'], io)).toBe(0);
    // The same children again: nothing new, nothing changed.
    expect(JSON.parse(out.join(''))).toMatchObject({ imported: 0, updated: 0, skipped: 6, errors: [] });
    ({ ctx } = await ledgerContext());
  });
});
