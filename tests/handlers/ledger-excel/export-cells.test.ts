// The export as Excel reads it: dates are date cells shown yyyy-mm-dd, ID numbers and phones are text cells in
// text-formatted columns (so a later edit in Excel cannot round them), and the file reads back into the same
// children through every path the importer has.
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../../electron/app/context';
import { cliFiles } from '../../../electron/files/file-access';
import { exportColumns } from '../../../electron/domain/ledger-excel/export';
import { zipParts } from '../../../electron/domain/ledger-excel/zip-entries';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';
import { call, child, ledgerContext } from '../ledger/ledger-helpers';

let ctx: AppContext;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const col = (header: string) => exportColumns.findIndex((c) => c.header === header) + 1;

describe('ledgerExport.xlsx cells', () => {
  it('writes dates as date cells and ID numbers and phones as text, in text-formatted columns', async () => {
    await call(ctx, 'children.create', { record: child('张小明', '2015-08-08', 123) });
    const r = await call(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: true, confirmed: true });
    const buffer = Buffer.from(r.contentBase64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;

    const birth = ws.getCell(5, col('出生日期'));
    expect(birth.value).toEqual(new Date(Date.UTC(2015, 7, 8)));
    expect(birth.numFmt).toBe('yyyy-mm-dd');
    for (const header of ['公民身份证号码', '父亲联系电话', '母亲联系电话', '受委托监护人电话']) {
      const cell = ws.getCell(5, col(header));
      expect(cell.numFmt).toBe('@');
      if (cell.value !== null) expect(typeof cell.value).toBe('string');
    }
    expect(ws.getCell(5, col('公民身份证号码')).value).toMatch(/^\d{17}[\dX]$/);
    // The national form's order is kept.
    expect(ws.getCell(4, 1).value).toBe('姓名');
    expect(ws.getCell(4, 5).value).toBe('公民身份证号码');

    // The columns themselves carry the formats (<col style>), for rows a clerk adds later.
    const zip = await zipParts({ buffer });
    const sheet = (await zip.read('xl/worksheets/sheet1.xml'))!.toString('utf8');
    const styles = (await zip.read('xl/styles.xml'))!.toString('utf8');
    zip.close();
    const colStyle = (n: number) => Number(new RegExp(`<col min="${n}" max="${n}"[^>]*style="(\\d+)"`).exec(sheet)?.[1]);
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(xfs[colStyle(col('公民身份证号码'))]).toBe(49); // 49 = the built-in text format '@'
    const dateFmtId = Number(/<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"/.exec(styles)?.[1]);
    expect(xfs[colStyle(col('出生日期'))]).toBe(dateFmtId);
  });

  it('reads back through the CLI path (a file) into the same children', async () => {
    await call(ctx, 'children.create', { record: child('张小明', '2015-08-08', 123) });
    await call(ctx, 'children.create', { record: child('李小红', '2014-02-10', 222) });
    const before = Object.values(ctx.store!.table('child')).map((c) => c.v);
    const r = await call(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: true, confirmed: true });
    const file = path.join(tempDir('export'), r.fileName);
    fs.writeFileSync(file, Buffer.from(r.contentBase64, 'base64'));
    const { ctx: other } = await ledgerContext();
    try {
      other.files = cliFiles;
      const p = await call(other, 'ledgerImport.preview', { source: { path: file } });
      expect(p.problems).toEqual([]);
      expect(await call(other, 'ledgerImport.commit', { importId: p.importId })).toMatchObject({ imported: 2, errors: [] });
      const filled = (v: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== null && !(Array.isArray(x) && x.length === 0)));
      const sorted = (xs: Array<Record<string, unknown>>) => xs.map(filled).sort((a, b) => String(a['child.name']).localeCompare(String(b['child.name'])));
      expect(sorted(Object.values(other.store!.table('child')).map((c) => c.v))).toEqual(sorted(before));
    } finally {
      await other.close();
    }
  });
});
