import ExcelJS from 'exceljs';
import type { AppContext } from '../../../electron/app/context';
import { EXCEL_DAMAGE_REASON } from '../../../electron/domain/ledger/id-number';
import { mappingId } from '../../../electron/handlers/ledger-excel';
import { EXPECTED, GOOD_EXTRA_ID, heldRecord, ID, messyLedgerXlsx } from '../../helpers/messy-ledger';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';
import { call, fail, ledgerContext } from '../ledger/ledger-helpers';
import { cliFiles } from '../../../electron/files/file-access';
import fs from 'node:fs';
import path from 'node:path';

let ctx: AppContext;
let messy: Buffer;
beforeAll(async () => {
  messy = await messyLedgerXlsx();
});
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const upload = (buffer: Buffer, fileName = '仙桥街道台账.xlsx') => ({ fileName, contentBase64: buffer.toString('base64') });

function childByIdNumber(idNumber: string) {
  return Object.entries(ctx.store!.table('child')).find(([, r]) => r.v['child.idNumber'] === idNumber);
}

describe('ledgerImport.preview on a messy township ledger', () => {
  it('finds the two-level header below the titles, maps synonyms and judges every row by its Excel row number', async () => {
    await call(ctx, 'children.create', { record: heldRecord() });
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(messy), sample: 100 });

    expect(p.headerRows).toEqual([3, 4]);
    expect(p.dataStartRow).toBe(5);
    const target = (letter: string) => p.columns.find((c) => c.letter === letter)!.target;
    expect(target('A')).toBe(''); // 序号
    expect(target('B')).toBe('child.name');
    expect(target('F')).toBe('child.idNumber'); // 公民身份号码
    expect(target('H')).toBe('child.householdType'); // 户口性质
    expect(target('L')).toBe('father.name'); // 父亲 · 姓名
    expect(target('M')).toBe('father.workProvince+father.workCity');
    expect(target('N')).toBe('father.phone');
    expect(target('O')).toBe('mother.name');
    expect(target('Q')).toBe('mother.phone');
    expect(target('Y')).toBe('entrustedGuardian.phone'); // 监护人电话
    expect(target('AA')).toBe('responsibility.township'); // 镇街
    expect(target('AB')).toBe('responsibility.village'); // 村居
    expect(p.columns.find((c) => c.letter === 'L')!.header).toBe('父亲 · 姓名');
    expect(p.missingRequired).toEqual([]);

    expect(p.counts).toEqual({ rows: 8, new: 4, update: 1, unchanged: 0, rejected: 3, incomplete: 0 });
    const outcome = Object.fromEntries(p.rows.map((r) => [r.row, r.outcome]));
    for (const n of EXPECTED.newRows) expect(outcome[n]).toBe('new');
    expect(outcome[EXPECTED.updateRow]).toBe('update');
    expect(outcome[EXPECTED.blankRow]).toBeUndefined();

    const damaged = p.rows.find((r) => r.row === EXPECTED.damagedRow)!;
    expect(damaged.outcome).toBe('rejected');
    expect(damaged.errors).toEqual([{ column: 'F', field: 'child.idNumber', message: EXCEL_DAMAGE_REASON }]);

    const dup = p.rows.find((r) => r.row === EXPECTED.duplicateRow)!;
    expect(dup.outcome).toBe('rejected');
    expect(dup.errors[0]!.message).toContain(`与第${EXPECTED.duplicateOf}行是同一名儿童`);

    const bad = p.rows.find((r) => r.row === EXPECTED.badCheckRow)!;
    expect(bad.errors[0]!.message).toContain('校验位');
    expect(bad.errors[0]!.column).toBe('F');

    const upd = p.rows.find((r) => r.row === EXPECTED.updateRow)!;
    expect(upd.changes).toEqual([{ field: 'entrustedGuardian.phone', label: '委托监护人电话', from: '137****7000', to: '137****7999' }]);

    expect(p.problems.map((x) => x.row)).toEqual([8, 10, 11]);
    expect(p.problems[0]!.message).toBe(`F列 ${EXCEL_DAMAGE_REASON}`);
    // ID numbers are masked in the column samples.
    expect(p.columns.find((c) => c.letter === 'F')!.samples[0]).toMatch(/^445202\*+\d{3}[\dX]$/);
  });

  it('commits the valid rows: cleans full-width digits and spaces, reads every date form, updates the held child', async () => {
    const held = await call(ctx, 'children.create', { record: heldRecord() });
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(messy) });
    const r = await call(ctx, 'ledgerImport.commit', { importId: p.importId });

    expect(r.imported).toBe(4);
    expect(r.updated).toBe(1);
    expect(r.skipped).toBe(3);
    expect(r.errors.map((e) => e.row)).toEqual([8, 10, 11]);
    expect(r.changes).toEqual([
      { row: 12, id: held.id, name: '许小军', changes: [expect.objectContaining({ field: 'entrustedGuardian.phone' })] },
    ]);

    const a = childByIdNumber(ID.a)![1].v;
    expect(a['child.birthDate']).toBe('2015-03-02'); // Excel serial
    expect(a['child.sex']).toBe('1');
    expect(a['father.workProvince']).toBe('440000');
    expect(a['father.workCity']).toBe('深圳市');
    expect(a['responsibility.township']).toBe('仙桥街道');
    expect(a['guardianship.guardianKind']).toBe('grandparents');
    expect(a['child.householdType']).toBe('rural');

    const b = childByIdNumber(ID.b)![1].v; // full-width ID and phone, spaces in the name
    expect(b['child.name']).toBe('陈小红');
    expect(b['child.birthDate']).toBe('2014-07-15'); // 2014.7.15
    expect(b['entrustedGuardian.phone']).toBe('13700137001');
    expect(childByIdNumber(ID.d)![1].v['child.birthDate']).toBe('2012-12-01'); // 2012年12月1日
    const e = childByIdNumber(GOOD_EXTRA_ID)![1].v; // a date cell; sex from the ID number
    expect(e['child.birthDate']).toBe('2015-06-18');
    expect(e['child.sex']).toBe('2');

    // The damaged number is never stored, not even rounded.
    const all = Object.values(ctx.store!.table('child')).map((x) => String(x.v['child.idNumber']));
    expect(all.some((n) => n.startsWith('445221'))).toBe(false);
    expect(all).toHaveLength(5);

    expect(ctx.store!.get('child', held.id)!.v['entrustedGuardian.phone']).toBe('13700137999');
    const history = await call(ctx, 'children.history', { id: held.id });
    expect(JSON.stringify(history)).toContain('entrustedGuardian.phone');
  });

  it('imports nothing twice: a second import of the same file finds the rows unchanged', async () => {
    const p1 = await call(ctx, 'ledgerImport.preview', { source: upload(messy) });
    await call(ctx, 'ledgerImport.commit', { importId: p1.importId });
    const ops = ctx.store!.counts().operations;
    const p2 = await call(ctx, 'ledgerImport.preview', { source: upload(messy) });
    expect(p2.counts).toMatchObject({ new: 0, update: 0, unchanged: 5, rejected: 3 });
    const r2 = await call(ctx, 'ledgerImport.commit', { importId: p2.importId });
    expect(r2).toMatchObject({ imported: 0, updated: 0, skipped: 8 });
    // Only the remembered mapping is written again, and the import is recorded in the audit trail (entry + head).
    expect(ctx.store!.counts().operations).toBe(ops + 3);
  });

  it('judges the rows again at commit when the ledger changed after the preview', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(messy) });
    expect(p.counts.update).toBe(0);
    await call(ctx, 'children.create', { record: heldRecord() });
    const r = await call(ctx, 'ledgerImport.commit', { importId: p.importId });
    expect(r.imported).toBe(4);
    expect(r.updated).toBe(1);
    expect(Object.keys(ctx.store!.table('child'))).toHaveLength(5);
  });

  it('remembers the confirmed mapping for the office and applies it to the next file', async () => {
    // The clerk says column AC (备注) is really 就读学校, and column A (序号) stays out.
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(messy), mapping: { '28': 'child.school' } });
    expect(p.columns.find((c) => c.letter === 'AC')).toMatchObject({ target: 'child.school', how: 'chosen' });
    await call(ctx, 'ledgerImport.commit', { importId: p.importId, mapping: { '28': 'child.school' } });
    const memory = ctx.store!.get('setting', mappingId('445200'))!.v;
    expect(memory['备注']).toBe('child.school');
    expect(memory['父亲|姓名']).toBe('father.name');

    const again = await call(ctx, 'ledgerImport.preview', { source: upload(messy) });
    expect(again.columns.find((c) => c.letter === 'AC')).toMatchObject({ target: 'child.school', how: 'remembered' });
    expect(again.columns.find((c) => c.letter === 'B')).toMatchObject({ target: 'child.name', how: 'remembered' });
  });

  it('refuses two columns chosen for one item, and an unknown item', async () => {
    const e1 = await fail(ctx, 'ledgerImport.preview', { source: upload(messy), mapping: { '1': 'child.name', '2': 'child.name' } });
    expect(e1.message).toBe('B列和C列都选择了“姓名”，每个项目只能对应一列');
    const e2 = await fail(ctx, 'ledgerImport.preview', { source: upload(messy), mapping: { '1': 'nonsense' } });
    expect(e2.message).toContain('B列选择的导入项目无效');
  });

  it('writes the rejected rows with their original cells, row numbers and a 错误原因 column', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(messy) });
    const f = await call(ctx, 'ledgerImport.rejectedXlsx', { importId: p.importId });
    expect(f.fileName).toBe('仙桥街道台账-未导入的行.xlsx');
    expect(f.rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['原表行号', '错误原因']);
    expect(header[11]).toBe('父亲 · 姓名');
    const rows = [2, 3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => r[29])).toEqual([8, 10, 11]);
    expect(rows[0]![1]).toBe('黄小龙');
    expect(rows[0]![30]).toContain('Excel');
    expect(rows[1]![30]).toContain('与第5行是同一名儿童');
    expect(rows[2]![30]).toContain('校验位');
    expect(ws.rowCount).toBe(4);
  });

  it('reads a file by path, and says clearly when a file cannot be read', async () => {
    ctx.files = cliFiles; // a path as the CLI passes it (the desktop passes dialog handles: tests/handlers/files)
    const dir = tempDir('import');
    const file = path.join(dir, 'ledger.xlsx');
    fs.writeFileSync(file, messy);
    const p = await call(ctx, 'ledgerImport.preview', { source: { path: file } });
    expect(p.fileName).toBe('ledger.xlsx');
    expect(p.counts.new).toBe(5); // row 12's child is not in this ledger yet

    // Judged by content: a picture named .xlsx is no spreadsheet (a CSV named .xlsx would be read as CSV).
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const notSheet = await fail(ctx, 'ledgerImport.preview', { source: upload(png) });
    expect(notSheet.message).toContain('不是可以识别的表格文件');
    const missing = await fail(ctx, 'ledgerImport.preview', { source: { path: path.join(dir, 'nope.xlsx') } });
    expect(missing.message).toContain('找不到要导入的文件');
    const tooBig = await fail(ctx, 'ledgerImport.preview', {
      source: { fileName: 'big.xlsx', contentBase64: 'A'.repeat(70_000_100) },
    });
    expect(tooBig.message).toContain('50 MB');
    const expired = await fail(ctx, 'ledgerImport.commit', { importId: 'gone' });
    expect(expired.code).toBe('NOT_FOUND');
  });

  it('says so when no header can be found', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRows([['说明'], ['这是一张空表']]);
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const e = await fail(ctx, 'ledgerImport.preview', { source: upload(buffer) });
    expect(e.message).toContain('没有找到表头');
  });
});
