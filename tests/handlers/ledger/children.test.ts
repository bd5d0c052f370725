import type { AppContext } from '../../../electron/app/context';
import { chainedEntries } from '../../../electron/audit/audit-trail';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, fail, ledgerContext } from './ledger-helpers';
import { validChild } from '../../unit/ledger/child-fixture';

let ctx: AppContext;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

describe('children.create', () => {
  it('stores a valid record field by field and reads it back masked', async () => {
    const { id, changed } = await call(ctx, 'children.create', { record: child('张小明') });
    expect(changed).toContain('child.name');
    const stored = ctx.store!.get('child', id)!.v;
    expect(stored['child.name']).toBe('张小明');
    expect(stored['father.phone']).toBe('13812345678');

    const view = await call(ctx, 'children.get', { id });
    expect(view.masked).toBe(true);
    expect(view.record.child.name).toBe('张小明');
    expect(view.record.child.idNumber).toMatch(/^445202\*{8}\d{3}[\dX]$/);
    expect(view.record.father.phone).toBe('138****5678');
    expect(view.record.entrustedGuardian.phone).toBe('0663-****456');
    expect(view.age).toBe(11);
    expect(view.eligible).toBe(true);
  });

  it('refuses an invalid record with Chinese messages by field, and writes nothing', async () => {
    const before = ctx.store!.counts().operations;
    const r = validChild() as unknown as { child: Record<string, unknown>; responsibility: Record<string, unknown> };
    r.child.name = '';
    r.child.idNumber = '445202201508081238';
    r.responsibility.township = '';
    const err = await fail(ctx, 'children.create', { record: r as Record<string, unknown> });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/儿童信息有\d+处需要修改/);
    expect(err.fields).toMatchObject({
      'child.name': '请填写姓名',
      'child.idNumber': expect.stringContaining('校验位'),
      'responsibility.township': '请填写乡镇（街道）',
    });
    expect(ctx.store!.counts().operations).toBe(before);
  });

  it('flags a birth date or sex that disagrees with the ID number', async () => {
    const err = await fail(ctx, 'children.create', {
      record: child('张小明', '2015-08-08', 123, (r) => {
        r.child.birthDate = '2015-08-09';
        r.child.sex = '2';
      }),
    });
    expect(err.fields?.['child.birthDate']).toContain('与身份证号码中的出生日期不一致');
    expect(err.fields?.['child.sex']).toContain('性别与身份证号码不一致');
  });

  it('refuses a second record with the same ID number', async () => {
    await call(ctx, 'children.create', { record: child('张小明') });
    const err = await fail(ctx, 'children.create', { record: child('张晓明') });
    expect(err.code).toBe('CONFLICT');
    expect(err.fields?.['child.idNumber']).toContain('已有这个身份证号码');
  });
});

describe('children.update and history', () => {
  it('writes exactly the changed fields and shows old → new in the timeline', async () => {
    const { id } = await call(ctx, 'children.create', { record: child('张小明') });
    const edited = child('张小明', '2015-08-08', 123, (r) => {
      r.riskLevel = 'red';
      r.child.school = '仙桥中心小学';
    });
    const { changed } = await call(ctx, 'children.update', { id, record: edited });
    expect(changed.sort()).toEqual(['child.school', 'riskLevel']);
    const ops = ctx.store!.history('child', id);
    expect(ops).toHaveLength(2);
    expect(Object.keys(ops[1]!.set).sort()).toEqual(['child.school', 'riskLevel']);

    // Saving the same record again changes nothing and writes nothing.
    expect((await call(ctx, 'children.update', { id, record: edited })).changed).toEqual([]);
    expect(ctx.store!.history('child', id)).toHaveLength(2);

    const timeline = await call(ctx, 'children.history', { id });
    expect(timeline).toHaveLength(2);
    expect(timeline[0]!.kind).toBe('changed');
    expect(timeline[0]!.user).toBe('王管理');
    expect(timeline[0]!.at).toBe('2026-11-28T02:00:00.000Z');
    expect(timeline[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'riskLevel', label: '风险等级', old: '黄色', new: '红色' },
        { field: 'child.school', label: '就读学校', old: '某村小学', new: '仙桥中心小学' },
      ]),
    );
    expect(timeline[1]!.kind).toBe('created');
  });

  it('masks ID numbers and phones in the timeline', async () => {
    const { id } = await call(ctx, 'children.create', { record: child('张小明') });
    await call(ctx, 'children.update', {
      id,
      record: child('张小明', '2015-08-08', 123, (r) => {
        r.father!.phone = '13900001111';
      }),
    });
    const [latest] = await call(ctx, 'children.history', { id });
    expect(latest!.changes).toEqual([{ field: 'father.phone', label: '父亲联系电话', old: '138****5678', new: '139****1111' }]);
  });

  it('reports an unknown child as not found', async () => {
    const err = await fail(ctx, 'children.get', { id: 'nope' });
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('children.reveal', () => {
  it('shows one record unmasked and records who viewed it as an audit operation', async () => {
    const { id } = await call(ctx, 'children.create', { record: child('张小明') });
    const view = await call(ctx, 'children.reveal', { id, purpose: 'view' });
    expect(view.masked).toBe(false);
    expect(view.record.child.idNumber).toBe('445202201508081237');
    expect(view.record.father.phone).toBe('13812345678');
    const audits = chainedEntries(ctx.store!).chained.filter((e) => e.action === 'view');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'view', target: `儿童记录 ${id}`, at: '2026-11-28T02:00:00.000Z', user: 'admin' });
    // No personal data in the audit record itself.
    expect(JSON.stringify(audits[0])).not.toMatch(/445202201508081237|张小明/);
  });
});

describe('exit and re-entry', () => {
  it('exits with a reason and date, never deletes, and re-enters keeping the history', async () => {
    const { id } = await call(ctx, 'children.create', { record: child('张小明') });
    const bad = await fail(ctx, 'children.exit', { id, reason: 'nonsense', date: '2026-11-20' });
    expect(bad.fields?.reason).toContain('无效');
    const future = await fail(ctx, 'children.exit', { id, reason: 'parents-returned', date: '2026-12-20' });
    expect(future.fields?.date).toBe('退出日期不能晚于今天');
    const other = await fail(ctx, 'children.exit', { id, reason: 'other', date: '2026-11-20' });
    expect(other.fields?.note).toContain('情况说明');

    await call(ctx, 'children.exit', { id, reason: 'parents-returned', date: '2026-11-20' });
    expect(ctx.store!.get('child', id)!.v['status.state']).toBe('exited');
    expect((await fail(ctx, 'children.exit', { id, reason: 'parents-returned', date: '2026-11-20' })).code).toBe('REFUSED');
    const exitedList = await call(ctx, 'children.list', { filters: { status: 'exited' } });
    expect(exitedList.rows.map((r) => r.id)).toEqual([id]);

    await call(ctx, 'children.reenter', { id, date: '2026-11-27', note: '父母再次外出务工' });
    const v = ctx.store!.get('child', id)!.v;
    expect(v['status.state']).toBe('active');
    expect(v.reenteredDate).toBe('2026-11-27');

    const timeline = await call(ctx, 'children.history', { id });
    expect(timeline.map((e) => e.kind)).toEqual(['reentered', 'exited', 'created']);
    expect(timeline[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'status.state', label: '儿童状态', old: '在册', new: '已退出' },
        { field: 'status.reason', label: '退出原因', old: '（空）', new: '父母返乡' },
      ]),
    );
  });
});

describe('code lists', () => {
  it('lets the office add an item, which the record schema then accepts', async () => {
    const added = await call(ctx, 'codelists.extend', { list: 'relationship', label: '继父' });
    expect(added.code).toMatch(/^x-/);
    const lists = await call(ctx, 'codelists.get', {});
    expect(lists.lists.relationship.items.at(-1)).toMatchObject({ code: added.code, label: '继父', office: true });

    const dup = await fail(ctx, 'codelists.extend', { list: 'relationship', label: '祖父' });
    expect(dup.fields?.label).toContain('已在');

    const { id } = await call(ctx, 'children.create', {
      record: child('张小明', '2015-08-08', 123, (r) => {
        r.entrustedGuardian!.relationship = added.code;
      }),
    });
    const history = await call(ctx, 'children.update', {
      id,
      record: child('张小明', '2015-08-08', 123, (r) => {
        r.entrustedGuardian!.relationship = 'grandfather';
      }),
    });
    expect(history.changed).toEqual(['entrustedGuardian.relationship']);
    const [latest] = await call(ctx, 'children.history', { id });
    expect(latest!.changes[0]).toMatchObject({ old: '继父', new: '祖父' });
  });
});

describe('ID number fills the birth date and sex', () => {
  it('fills them when left empty', async () => {
    const { id } = await call(ctx, 'children.create', {
      record: child('李小红', '2014-02-03', 124, (r) => {
        r.child.birthDate = '';
        r.child.sex = '';
      }),
    });
    const v = ctx.store!.get('child', id)!.v;
    expect(v['child.birthDate']).toBe('2014-02-03');
    expect(v['child.sex']).toBe('2');
  });
});
