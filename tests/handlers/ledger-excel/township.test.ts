// Issue 9, points 2–4: a township's 花名册 (only part of the national form) imports its valid children as 待完善
// records, with defaults for absent columns, its 监护类型 column read by its values, and the damaged rows and the
// duplicate reported by their Excel row numbers; the record is completed through children.update.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/app/context';
import { EXCEL_DAMAGE_REASON } from '../../../electron/domain/ledger/id-number';
import { mappingId } from '../../../electron/handlers/ledger-excel';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';
import { TOWNSHIP, TOWNSHIP_CHILDREN, TOWNSHIP_ROWS, townshipSheetXlsx } from '../../helpers/township-sheet';
import { call, fail, ledgerContext } from '../ledger/ledger-helpers';

jest.setTimeout(60_000);
let ctx: AppContext;
let sheet: Buffer;
beforeAll(async () => {
  sheet = await townshipSheetXlsx();
});
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const upload = (buffer: Buffer, fileName = '仙桥街道花名册.xlsx') => ({ fileName, contentBase64: buffer.toString('base64') });
const children = () => Object.entries(ctx.store!.table('child'));
const byName = (name: string) => children().find(([, r]) => r.v['child.name'] === name)!;

const ABSENT = ['民族', '是否登记户口', '户籍性质', '现居住地', '身体情况', '父母双方外出', '父母一方外出、另一方无监护能力', '监护类型', '监护情况评估', '有无委托监护人', '村（居）'];

describe('a township sheet with only part of the national form', () => {
  it('previews its 10 children as 待完善, the 监护类型 column read by its values, the damaged rows and the duplicate refused', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(sheet), sample: 100 });
    // The merged title and subtitle are titles; rows 3–4 are the two-level header.
    expect(p.headerRows).toEqual([3, 4]);
    expect(p.columns.find((c) => c.letter === 'I')!.header).toBe('父亲 · 姓名');
    const h = p.columns.find((c) => c.letter === 'H')!;
    expect(h).toMatchObject({ header: '监护类型', target: 'guardianship.guardianKind', how: 'values' });
    expect(h.reason).toContain('按列中的值判断为“监护人类型”');

    expect(p.counts).toEqual({ rows: 13, new: 10, update: 0, unchanged: 0, rejected: 3, incomplete: 10 });
    expect(p.problems.map((x) => x.row)).toEqual([TOWNSHIP_ROWS.rounded, TOWNSHIP_ROWS.duplicate, TOWNSHIP_ROWS.badCheck]);
    expect(p.problems[0]!.message).toBe(`D列 ${EXCEL_DAMAGE_REASON}`);
    expect(p.problems[1]!.message).toContain(`与第${TOWNSHIP_ROWS.duplicateOf}行是同一名儿童`);
    expect(p.problems[2]!.message).toContain('校验位');
    const rows = new Map(p.rows.map((r) => [r.row, r]));
    for (const n of TOWNSHIP_ROWS.valid) expect(rows.get(n)!.outcome).toBe('new');
    expect(rows.get(TOWNSHIP_ROWS.blank)).toBeUndefined();
    expect(rows.get(5)!.missing).toEqual(ABSENT);
    // Without an ID number the child is known by name, birth date and township, and lacks the number too.
    expect(rows.get(TOWNSHIP_ROWS.noId)!.missing).toEqual(['身份证号码', ...ABSENT]);
    // The fields the sheet lacks are offered for a value for all rows.
    expect(p.absent.map((a) => a.label)).toEqual(['民族', '是否登记户口', '户籍性质', '身体情况', '父母双方外出', '父母一方外出、另一方无监护能力', '有无委托监护人', '监护类型', '监护情况评估', '村（居）']);
  });

  it('imports them with what they have (nothing invented), cleaned, and lists them under 信息不完整', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(sheet) });
    const r = await call(ctx, 'ledgerImport.commit', { importId: p.importId });
    expect(r).toMatchObject({ imported: 10, incomplete: 10, updated: 0, skipped: 3 });
    expect(r.errors.map((e) => e.row)).toEqual([8, 10, 11]);

    expect(children()).toHaveLength(10);
    for (const c of TOWNSHIP_CHILDREN) {
      const v = byName(c.name)[1].v;
      expect({ idNumber: v['child.idNumber'] ?? '', birthDate: v['child.birthDate'], sex: v['child.sex'], kind: v['guardianship.guardianKind'] }).toEqual({
        idNumber: c.idNumber,
        birthDate: c.birthDate,
        sex: c.sex,
        kind: c.guardianKind,
      });
      expect(v['responsibility.township']).toBe(TOWNSHIP);
      // Unanswered 是/否 and empty codes are not stored: no 否, no 汉族 made up.
      for (const f of ['child.hukouRegistered', 'guardianship.bothParentsAway', 'child.ethnicity', 'guardianship.guardianshipType']) expect(v).not.toHaveProperty([f]);
    }
    expect(byName('陈小红')[1].v['father.workProvince']).toBe('440000');

    const list = await call(ctx, 'children.list', { filters: { incomplete: true }, search: '', sort: { field: 'name', dir: 'asc' }, offset: 0, limit: 100 });
    expect(list.total).toBe(10);
    expect(list.rows.every((row) => row.incomplete)).toBe(true);
    const alerts = await call(ctx, 'alerts.list', { limit: 5 });
    expect(alerts.incomplete).toBe(10);
    const stats = await call(ctx, 'stats.summary', { period: { from: '2026-01-01', to: '2026-11-28' } });
    expect(stats.incomplete).toBe(10);

    const [id] = byName('林小明');
    const view = await call(ctx, 'children.get', { id });
    expect(view.missing).toEqual([
      'child.ethnicity', 'child.hukouRegistered', 'child.householdType', 'child.currentAddress', 'child.health',
      'guardianship.bothParentsAway', 'guardianship.oneAwayOtherIncapable', 'guardianship.guardianshipType',
      'guardianship.assessment', 'guardianship.hasEntrustedGuardian', 'responsibility.village',
    ]);
  });

  it('completing a record with children.update takes it out of 信息不完整; a half-completed one stays in with less missing', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(sheet) });
    await call(ctx, 'ledgerImport.commit', { importId: p.importId });
    const [id] = byName('林小明');
    const view = await call(ctx, 'children.reveal', { id, purpose: 'edit' });
    const record = JSON.parse(JSON.stringify(view.record)) as typeof view.record;
    Object.assign(record.child, { ethnicity: '01', hukouRegistered: true, householdType: 'rural', currentAddress: '仙桥街道东山村', health: 'healthy' });
    Object.assign(record.responsibility, { village: '东山村' });

    // Not yet complete: the full form refuses it, 暂存为待完善 keeps it with what is now filled.
    const refused = await fail(ctx, 'children.update', { id, record });
    expect(refused.code).toBe('VALIDATION');
    const partial = { ...record, guardianship: { ...record.guardianship, bothParentsAway: undefined, oneAwayOtherIncapable: undefined, hasEntrustedGuardian: undefined } };
    await call(ctx, 'children.update', { id, record: partial, incomplete: true });
    expect((await call(ctx, 'children.get', { id })).missing).toEqual([
      'guardianship.bothParentsAway', 'guardianship.oneAwayOtherIncapable', 'guardianship.guardianshipType',
      'guardianship.assessment', 'guardianship.hasEntrustedGuardian',
    ]);

    Object.assign(record.guardianship, {
      bothParentsAway: true, oneAwayOtherIncapable: false, hasEntrustedGuardian: true, guardianshipType: 'good', assessment: 'good',
    });
    Object.assign(record.entrustedGuardian, { relationship: 'grandmother' });
    await call(ctx, 'children.update', { id, record });
    expect((await call(ctx, 'children.get', { id })).missing).toEqual([]);
    const list = await call(ctx, 'children.list', { filters: { incomplete: true }, search: '', sort: { field: 'name', dir: 'asc' }, offset: 0, limit: 100 });
    expect(list.total).toBe(9);
    expect(list.rows.map((r) => r.name)).not.toContain('林小明');
  });

  it('a record kept 待完善 from the form must still say which child it is', async () => {
    const e = await fail(ctx, 'children.create', { record: { child: { name: '无名' } }, incomplete: true });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('请填写身份证号码');
    const ok = await call(ctx, 'children.create', {
      record: { child: { name: '王小二', birthDate: '2015-01-01' }, responsibility: { township: TOWNSHIP } },
      incomplete: true,
    });
    const v = await call(ctx, 'children.get', { id: ok.id });
    expect(v.missing).toContain('child.idNumber');
    // Contradictions are refused even so.
    const bad = await fail(ctx, 'children.create', {
      record: { child: { name: '王小三', birthDate: '2015-01-01' }, guardianship: { bothParentsAway: true, oneAwayOtherIncapable: true }, responsibility: { township: TOWNSHIP } },
      incomplete: true,
    });
    expect(bad.fields?.['guardianship.oneAwayOtherIncapable']).toContain('只能有一项');
  });

  it('fills absent columns with one value for all rows, shows it, and remembers it with the mapping', async () => {
    const defaults = { 'child.ethnicity': '01', 'child.hukouRegistered': true, 'child.householdType': 'rural' };
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(sheet), defaults, sample: 100 });
    expect(p.absent.find((a) => a.field === 'child.ethnicity')).toMatchObject({ value: '01', display: '汉族' });
    expect(p.absent.find((a) => a.field === 'child.hukouRegistered')).toMatchObject({ value: true, display: '是' });
    expect(p.missingRequired).not.toContain('民族');
    expect(p.rows.find((r) => r.row === 5)!.missing).not.toContain('民族');
    await call(ctx, 'ledgerImport.commit', { importId: p.importId, defaults });
    const v = byName('林小明')[1].v;
    expect([v['child.ethnicity'], v['child.hukouRegistered'], v['child.householdType']]).toEqual(['01', true, 'rural']);
    expect(ctx.store!.get('setting', mappingId('445200'))!.v['default:child.ethnicity']).toBe('01');

    // The next sheet that lacks the column gets the remembered value; the clerk may clear it.
    const again = await call(ctx, 'ledgerImport.preview', { source: upload(sheet) });
    expect(again.absent.find((a) => a.field === 'child.householdType')!.display).toBe('农村户籍');
    const cleared = await call(ctx, 'ledgerImport.preview', { source: upload(sheet), defaults: {} });
    expect(cleared.absent.every((a) => a.value === null)).toBe(true);

    const wrong = await fail(ctx, 'ledgerImport.preview', { source: upload(sheet), defaults: { 'child.ethnicity': '汉' } });
    expect(wrong.message).toBe('“民族”的统一填写值无效，请重新选择');
    const notAllowed = await fail(ctx, 'ledgerImport.preview', { source: upload(sheet), defaults: { 'child.name': '张三' } });
    expect(notAllowed.message).toBe('统一填写的项目无效，请重新选择');
  });

  it('the clerk may overrule the value-based choice', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(sheet), mapping: { '7': 'guardianship.guardianshipType' } });
    expect(p.columns[7]).toMatchObject({ target: 'guardianship.guardianshipType', how: 'chosen' });
    // The values are not 监护类型 options: those rows are refused, naming the column.
    expect(p.counts.rejected).toBeGreaterThan(3);
  });

  it('a re-import of its export gives the same children, and a second import of the sheet changes nothing', async () => {
    const p = await call(ctx, 'ledgerImport.preview', { source: upload(sheet) });
    await call(ctx, 'ledgerImport.commit', { importId: p.importId });
    const again = await call(ctx, 'ledgerImport.preview', { source: upload(sheet) });
    expect(again.counts).toMatchObject({ new: 0, update: 0, unchanged: 10, rejected: 3 });

    const exported = await call(ctx, 'ledgerExport.xlsx', { filters: {}, search: '', unmasked: true, confirmed: true });
    const before = children().map(([, r]) => r.v).sort((a, b) => String(a['child.name']).localeCompare(String(b['child.name'])));
    await ctx.close();
    ({ ctx } = await ledgerContext());
    const q = await call(ctx, 'ledgerImport.preview', { source: upload(Buffer.from(exported.contentBase64, 'base64'), exported.fileName) });
    expect(q.counts).toMatchObject({ new: 10, rejected: 0, incomplete: 10 });
    await call(ctx, 'ledgerImport.commit', { importId: q.importId });
    const after = children().map(([, r]) => r.v).sort((a, b) => String(a['child.name']).localeCompare(String(b['child.name'])));
    expect(after).toEqual(before);
  });
});

describe('guanai ledger import / list through bin.cjs', () => {
  const bin = path.resolve(__dirname, '../../../electron/cli/bin.cjs');
  // The CLI acts as a person: the first administrator, with the password from the environment.
  const env = { ...process.env, GUANAI_USER: 'admin', GUANAI_PASSWORD: 'Guanai2026test' };
  const guanai = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('prints incomplete beside { imported, updated, skipped, errors }, and each child its missing fields', () => {
    const dir = path.join(tempDir('cli-township'), 'data');
    expect(guanai('init', '--data', dir, '--office-code', '445202', '--office-name', '揭阳市榕城区民政局', '--level', 'county').code).toBe(0);
    const file = path.join(path.dirname(dir), '花名册.xlsx');
    fs.writeFileSync(file, sheet);
    const imp = guanai('ledger', 'import', '--data', dir, file, '--json');
    expect(imp.code).toBe(0);
    const printed = JSON.parse(imp.out);
    expect(printed).toMatchObject({ imported: 10, updated: 0, skipped: 3, incomplete: 10 });
    expect(printed.errors.map((e: { row: number }) => e.row)).toEqual([8, 10, 11]);

    const text = guanai('ledger', 'import', '--data', dir, file);
    expect(text.out).toContain('新增 0 名');

    const list = guanai('ledger', 'list', '--data', dir, '--json');
    expect(list.code).toBe(0);
    const kids = JSON.parse(list.out) as Array<{ name: string; missing: string[]; missingLabels: string[] }>;
    expect(kids).toHaveLength(10);
    const noId = kids.find((k) => k.name === '许小军')!;
    expect(noId.missing[0]).toBe('child.idNumber');
    expect(noId.missingLabels.slice(0, 2)).toEqual(['身份证号码', '民族']);
    expect(kids.every((k) => k.missing.length > 0)).toBe(true);
  });
});
