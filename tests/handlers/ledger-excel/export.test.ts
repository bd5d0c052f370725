import fs from 'node:fs';
import { chainedEntries } from '../../../electron/audit/audit-trail';
import { signIn } from '../../../electron/accounts/sign-in';
import { TEST_ADMIN } from '../../helpers/office';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../../electron/app/context';
import { runCli } from '../../../electron/cli/run';
import { nationalFormColumns } from '../../../electron/contract/schemas/child';
import { EXPORT_TITLE } from '../../../electron/domain/ledger-excel/export';
import { ID, messyLedgerXlsx } from '../../helpers/messy-ledger';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { call, child, fail, ledgerContext, TODAY_MS } from '../ledger/ledger-helpers';

jest.setTimeout(60_000);

let ctx: AppContext;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx?.close();
  cleanupTempDirs();
});

async function sheetOf(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
// The trail's export entries (the trail also holds the administrator's creation).
const audits = () => chainedEntries(ctx.store!).chained.filter((e) => e.action === 'export');

async function seed() {
  await call(ctx, 'children.create', { record: child('张小明', '2015-08-08', 123) });
  await call(ctx, 'children.create', {
    record: child('李小红', '2014-02-10', 222, (r) => {
      r.responsibility = { ...r.responsibility!, township: '曲溪街道' };
    }),
  });
}

describe('ledgerExport.xlsx', () => {
  it('writes the national form: title, two-level header in its column order, masked ID numbers and phones', async () => {
    await seed();
    const r = await call(ctx, 'ledgerExport.xlsx', { filters: {} });
    expect(r).toMatchObject({ masked: true, rows: 2, fileName: '留守儿童台账-2026-11-28.xlsx' });
    const ws = await sheetOf(r.contentBase64);
    expect(rowValues(ws, 1)[0]).toBe(EXPORT_TITLE);
    expect(String(rowValues(ws, 2)[0])).toContain('已部分隐藏');
    expect(rowValues(ws, 3)[0]).toBe('留守儿童个人基本情况');
    const headers = rowValues(ws, 4);
    expect(headers.slice(0, nationalFormColumns.length)).toEqual(nationalFormColumns.map((c) => c.header));
    const idCol = headers.indexOf('公民身份证号码');
    const ids = [5, 6].map((n) => String(rowValues(ws, n)[idCol]));
    for (const id of ids) expect(id).toMatch(/^445202\*{8}\d{3}[\dX]$/);
    const phone = String(rowValues(ws, 5)[headers.indexOf('父亲联系电话')]);
    expect(phone).toBe('138****5678');
    // Labels, not codes.
    expect(rowValues(ws, 5)[headers.indexOf('性别')]).toMatch(/^[男女]$/);
    // A masked export is recorded as well, as masked.
    expect(audits()).toEqual([expect.objectContaining({ action: 'export', target: '台账（已遮蔽）', detail: '2 条', user: 'admin' })]);
  });

  it('exports only the children the list filter shows', async () => {
    await seed();
    const r = await call(ctx, 'ledgerExport.xlsx', { filters: { township: '曲溪街道' } });
    expect(r.rows).toBe(1);
    const ws = await sheetOf(r.contentBase64);
    expect(rowValues(ws, 5)[0]).toBe('李小红');
    expect(ws.rowCount).toBe(5);
    const s = await call(ctx, 'ledgerExport.xlsx', { filters: {}, search: 'zxm' });
    expect(s.rows).toBe(1);
  });

  it('refuses an unmasked export without the confirmation, and records a confirmed one', async () => {
    await seed();
    const e = await fail(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: true });
    expect(e.code).toBe('REFUSED');
    expect(e.message).toContain('个人信息');
    expect(audits()).toEqual([]);

    const r = await call(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: true, confirmed: true });
    expect(r.masked).toBe(false);
    expect(r.fileName).toContain('完整信息');
    const ws = await sheetOf(r.contentBase64);
    const headers = rowValues(ws, 4);
    expect(String(rowValues(ws, 5)[headers.indexOf('公民身份证号码')])).toMatch(/^\d{17}[\dX]$/);
    expect(String(rowValues(ws, 2)[0])).toContain('属于个人信息');
    const [audit] = audits();
    expect(audit).toMatchObject({ action: 'export', target: '台账（完整号码）', detail: '2 条', user: 'admin' });
    expect(audit!.at).toBe(new Date(TODAY_MS).toISOString());
  });

  it('reads its own unmasked export back: every record comes back unchanged', async () => {
    await seed();
    const before = Object.values(ctx.store!.table('child')).map((c) => c.v);
    const r = await call(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: true, confirmed: true });

    const { ctx: other } = await ledgerContext();
    try {
      const p = await call(other, 'ledgerImport.preview', { source: { fileName: r.fileName, contentBase64: r.contentBase64 } });
      expect(p.headerRows).toEqual([3, 4]);
      expect(p.columns.filter((c) => !c.target)).toEqual([]);
      expect(p.problems).toEqual([]);
      const done = await call(other, 'ledgerImport.commit', { importId: p.importId });
      expect(done).toMatchObject({ imported: 2, updated: 0, skipped: 0, errors: [] });
      const after = Object.values(other.store!.table('child')).map((c) => c.v);
      // Empty fields are left out of an imported record's operation; missing and empty read the same.
      const filled = (v: (typeof before)[number]) =>
        Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== null && !(Array.isArray(x) && x.length === 0)));
      const byName = (xs: typeof before) =>
        [...xs].map(filled).sort((a, b) => String(a['child.name']).localeCompare(String(b['child.name'])));
      expect(byName(after)).toEqual(byName(before));

      // And into the ledger it came from: nothing to change.
      const back = await call(ctx, 'ledgerImport.preview', { source: { fileName: r.fileName, contentBase64: r.contentBase64 } });
      expect(back.counts).toMatchObject({ unchanged: 2, new: 0, update: 0, rejected: 0 });
    } finally {
      await other.close();
    }
  });
});

describe('guanai ledger import / export', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), clock: fixedClock(TODAY_MS) } };
  };

  it('imports a messy file and prints { imported, updated, skipped, errors } with Excel row numbers', async () => {
    const dir = ctx.dataDir;
    await ctx.close();
    const file = path.join(tempDir('cli'), '台账.xlsx');
    fs.writeFileSync(file, await messyLedgerXlsx());
    const o = io();
    expect(await runCli(['ledger', 'import', '--data', dir, file, '--json'], o.io)).toBe(0);
    const printed = JSON.parse(o.out.join(''));
    expect(Object.keys(printed)).toEqual(['imported', 'updated', 'skipped', 'errors', 'incomplete']);
    expect(printed.incomplete).toBe(0);
    expect(printed).toMatchObject({ imported: 5, updated: 0, skipped: 3 });
    expect(printed.errors.map((e: { row: number }) => e.row)).toEqual([8, 10, 11]);
    expect(printed.errors[1].message).toContain('与第5行是同一名儿童');
    expect(JSON.stringify(printed)).not.toContain(ID.a);

    const text = io();
    expect(await runCli(['ledger', 'import', '--data', dir, file], text.io)).toBe(0);
    expect(text.out.join('')).toContain('新增 0 名，更新 0 名，未写入 8 行');

    const bad = io();
    expect(await runCli(['ledger', 'import', '--data', dir, path.join(path.dirname(file), 'nope.xlsx')], bad.io)).not.toBe(0);
    expect(bad.err.join('')).toContain('找不到要导入的文件');
    const none = io();
    expect(await runCli(['ledger', 'import', '--data', dir], none.io)).toBe(2);
    expect(none.err.join('')).toContain('请指定要导入的 Excel 文件');

    // Export: masked by default, unmasked on request and recorded.
    const outDir = tempDir('cli-out');
    const masked = path.join(outDir, 'masked.xlsx');
    expect(await runCli(['ledger', 'export', '--data', dir, '--out', masked], io().io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(masked);
    expect(JSON.stringify(wb.worksheets[0]!.getSheetValues())).not.toContain(ID.a);
    const full = path.join(outDir, 'full.xlsx');
    const fo = io();
    expect(await runCli(['ledger', 'export', '--data', dir, '--out', full, '--unmasked'], fo.io)).toBe(0);
    expect(fo.out.join('')).toContain('已导出 5 名儿童');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(full);
    expect(JSON.stringify(wb2.worksheets[0]!.getSheetValues())).toContain(ID.a);

    // The unmasked file imports back into a fresh office.
    const fresh = tempDir('fresh');
    expect(await runCli(['init', '--data', fresh, '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county'], io().io)).toBe(0);
    const back = io();
    expect(await runCli(['ledger', 'import', '--data', fresh, full, '--json'], back.io)).toBe(0);
    expect(JSON.parse(back.out.join(''))).toEqual({ imported: 5, updated: 0, skipped: 0, errors: [], incomplete: 0 });

    ({ ctx } = await (async () => {
      const { openContext } = await import('../../../electron/app/context');
      const opened = await openContext({ dataDir: dir, owner: 'test', clock: fixedClock(TODAY_MS) });
      await signIn(opened, opened.seat, TEST_ADMIN.login, TEST_ADMIN.password);
      return { ctx: opened };
    })());
    const actions = audits().map((a) => a.target);
    expect(actions.sort()).toEqual(['台账（完整号码）', '台账（已遮蔽）'].sort());
  });
});
