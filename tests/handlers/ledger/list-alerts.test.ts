import type { AppContext } from '../../../electron/app/context';
import { ledgerIndex } from '../../../electron/handlers/ledger-index';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, DAY, fail, ledgerContext } from './ledger-helpers';

let ctx: AppContext;
let clock: Awaited<ReturnType<typeof ledgerContext>>['clock'];
beforeEach(async () => {
  ({ ctx, clock } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function seed() {
  const ids: Record<string, string> = {};
  const add = async (key: string, record: Record<string, unknown>) => {
    ids[key] = (await call(ctx, 'children.create', { record })).id;
  };
  await add('zxm', child('张小明', '2015-08-08', 123)); // 11
  await add('lxh', child('李晓红', '2022-03-01', 124, (r) => {
    r.responsibility!.township = '锡场镇';
    r.responsibility!.village = '东山村';
    r.child.schooling = 'kindergarten';
  })); // 4
  await add('czw', child('陈志伟', '2011-01-10', 125, (r) => {
    r.riskLevel = 'red';
    r.guardianship!.assessment = 'poor';
  })); // 15
  await add('zxl', child('曾晓玲', '2013-05-05', 126, (r) => {
    r.guardianship!.guardianKind = 'none';
    r.guardianship!.guardianshipType = 'none';
    r.guardianship!.hasEntrustedGuardian = false;
    r.guardianship!.entrustmentSigned = false;
    r.guardianship!.entrustmentDate = '';
    r.entrustedGuardian = { name: '', phone: '', idNumber: '', relationship: '', address: '' };
  })); // 13
  return ids;
}

describe('children.list', () => {
  it('searches by pinyin initials, name and ID-number tail', async () => {
    const ids = await seed();
    const names = async (search: string) =>
      (await call(ctx, 'children.list', { search, sort: { field: 'name', dir: 'asc' } })).rows.map((r) => r.name);
    expect(await names('zxm')).toEqual(['张小明']);
    expect(await names('zx')).toEqual(['曾晓玲', '张小明']);
    expect(await names('晓')).toEqual(['李晓红', '曾晓玲']);
    expect(await names('chenzhi')).toEqual(['陈志伟']);
    const id = ctx.store!.get('child', ids.czw!)!.v['child.idNumber'] as string;
    expect(await names(id.slice(-6))).toEqual(['陈志伟']);
    expect(await names('xyz')).toEqual([]);
  });

  it('filters by township, village, school status, risk, assessment, guardian type and age band', async () => {
    await seed();
    const names = async (filters: Record<string, string>) =>
      (await call(ctx, 'children.list', { filters, sort: { field: 'name', dir: 'asc' } })).rows.map((r) => r.name);
    expect(await names({ township: '锡场镇' })).toEqual(['李晓红']);
    expect(await names({ township: '仙桥街道', village: '某村' })).toHaveLength(3);
    expect(await names({ schooling: 'kindergarten' })).toEqual(['李晓红']);
    expect(await names({ riskLevel: 'red' })).toEqual(['陈志伟']);
    expect(await names({ assessment: 'poor' })).toEqual(['陈志伟']);
    expect(await names({ guardianKind: 'none' })).toEqual(['曾晓玲']);
    expect(await names({ ageBand: '0-5' })).toEqual(['李晓红']);
    expect(await names({ ageBand: '6-13' })).toEqual(['曾晓玲', '张小明']);
    expect(await names({ ageBand: '14-15' })).toEqual(['陈志伟']);
    expect(await names({ status: 'active', riskLevel: 'red' })).toEqual(['陈志伟']);
  });

  it('sorts both ways, pages with a total, and masks ID numbers and phones', async () => {
    await seed();
    const byAge = await call(ctx, 'children.list', { sort: { field: 'age', dir: 'desc' } });
    expect(byAge.rows.map((r) => r.age)).toEqual([15, 13, 11, 4]);
    const page = await call(ctx, 'children.list', { sort: { field: 'age', dir: 'asc' }, offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.age)).toEqual([11, 13]);
    for (const row of byAge.rows) {
      expect(row.idNumberMasked).toMatch(/^445202\*{8}/);
    }
    expect(byAge.rows.find((r) => r.name === '张小明')!.guardianPhoneMasked).toBe('0663-****456');
    expect(byAge.townships).toEqual(['仙桥街道', '锡场镇']);
    expect(JSON.stringify(byAge)).not.toMatch(/\d{17}[\dX]/);
  });

  it('follows edits made after the first query (the index is updated, not stale)', async () => {
    const ids = await seed();
    expect((await call(ctx, 'children.list', { search: 'zxm' })).total).toBe(1);
    await call(ctx, 'children.update', { id: ids.zxm!, record: child('王小明', '2015-08-08', 123) });
    expect((await call(ctx, 'children.list', { search: 'zxm' })).total).toBe(0);
    expect((await call(ctx, 'children.list', { search: 'wxm' })).rows[0]!.name).toBe('王小明');
  });

  it('an edit updates that one child in the index: nothing is summarised or sorted again', async () => {
    const ids = await seed();
    for (const field of ['alerts', 'name', 'age'] as const) await call(ctx, 'children.list', { sort: { field, dir: 'asc' } });
    const index = ledgerIndex(ctx.store!);
    const rebuilds = index.rebuilds;
    const sorts = index.listStats().fullSorts;
    await call(ctx, 'children.update', { id: ids.czw!, record: child('陈志伟', '2011-01-10', 125, (r) => void (r.riskLevel = 'blue')) });
    expect((await call(ctx, 'children.list', { filters: { riskLevel: 'red' } })).total).toBe(0);
    expect((await call(ctx, 'children.list', { filters: { riskLevel: 'blue' }, search: 'czw' })).rows.map((r) => r.name)).toEqual(['陈志伟']);
    const byAge = await call(ctx, 'children.list', { sort: { field: 'age', dir: 'desc' } });
    expect(byAge.rows.map((r) => r.name)).toEqual(['陈志伟', '曾晓玲', '张小明', '李晓红']);
    expect(index.rebuilds).toBe(rebuilds);
    expect(index.listStats().fullSorts).toBe(sorts);
    expect(index.listStats().patches).toBeGreaterThanOrEqual(3);
  });

  it('puts children with alerts first by default, 无人监护 at the top', async () => {
    await seed();
    const list = await call(ctx, 'children.list', {});
    expect(list.rows[0]!.name).toBe('曾晓玲');
    expect(list.rows[0]!.unguarded).toBe(true);
  });
});

describe('visits, assistance and assessments', () => {
  it('records a visit and keeps the child’s last visit date in the same batch', async () => {
    const { zxm } = await seed();
    const err = await fail(ctx, 'visits.add', { childId: zxm!, date: '2026-12-01', visitor: '林主任' });
    expect(err.fields?.date).toBe('走访日期不能晚于今天');
    const missing = await fail(ctx, 'visits.add', { childId: zxm!, date: '2026-11-01', visitor: '' });
    expect(missing.code).toBe('INVALID_ARGS');
    expect(missing.fields?.visitor).toBe('请填写走访人');

    const before = ctx.store!.counts().operations;
    await call(ctx, 'visits.add', {
      childId: zxm!,
      date: '2026-11-20',
      visitor: '林主任',
      findings: ['normal'],
      note: '祖父母照料良好',
      nextDue: '2026-12-20',
    });
    const ops = ctx.store!.history('child', zxm!);
    expect(ops.at(-1)!.set).toEqual({ lastVisitDate: '2026-11-20', nextVisitDue: '2026-12-20' });
    expect(ops.at(-1)!.batch?.[2]).toBe(2);
    expect(ctx.store!.counts().operations).toBe(before + 2);

    // An older visit entered late joins the list without moving the last visit date back.
    await call(ctx, 'visits.add', { childId: zxm!, date: '2026-10-01', visitor: '陈督导' });
    const visits = await call(ctx, 'visits.list', { childId: zxm! });
    expect(visits.map((v) => v.date)).toEqual(['2026-11-20', '2026-10-01']);
    expect(visits[0]).toMatchObject({ visitor: '林主任', findings: ['normal'], nextDue: '2026-12-20' });
    expect(ctx.store!.get('child', zxm!)!.v.lastVisitDate).toBe('2026-11-20');
    const view = await call(ctx, 'children.get', { id: zxm! });
    expect(view.lastVisitDate).toBe('2026-11-20');
  });

  it('records assistance measures', async () => {
    const { zxm } = await seed();
    await call(ctx, 'assistance.add', { childId: zxm!, type: 'study-help', provider: '仙桥街道中心小学', date: '2026-11-10' });
    const bad = await fail(ctx, 'assistance.add', { childId: zxm!, type: 'magic', provider: '某单位', date: '2026-11-10' });
    expect(bad.fields?.type).toContain('无效');
    const list = await call(ctx, 'assistance.list', { childId: zxm! });
    expect(list).toEqual([expect.objectContaining({ type: 'study-help', provider: '仙桥街道中心小学', date: '2026-11-10' })]);
  });

  it('an assessment sets the child’s current risk level in the same batch', async () => {
    const { zxm } = await seed();
    await call(ctx, 'assessments.add', {
      childId: zxm!,
      date: '2026-11-25',
      assessor: '陈督导',
      guardianship: 'poor',
      safety: '独自在家时间较长',
      riskLevel: 'orange',
    });
    const v = ctx.store!.get('child', zxm!)!.v;
    expect(v.riskLevel).toBe('orange');
    expect(v['guardianship.assessment']).toBe('poor');
    const [latest] = await call(ctx, 'children.history', { id: zxm! });
    expect(latest!.changes).toEqual(
      expect.arrayContaining([{ field: 'riskLevel', label: '风险等级', old: '黄色', new: '橙色' }]),
    );
    expect(await call(ctx, 'assessments.list', { childId: zxm! })).toEqual([
      expect.objectContaining({ riskLevel: 'orange', guardianship: 'poor', safety: '独自在家时间较长' }),
    ]);
  });
});

describe('alerts.list (fixed clock 2026-11-28)', () => {
  it('lists 无人监护 first, turning 16, overdue visits and missing phones', async () => {
    const ids = await seed();
    await call(ctx, 'children.create', { record: child('黄佳怡', '2010-12-10', 128) }); // 16 on 2026-12-10: 12 days
    await call(ctx, 'children.create', { record: child('吴浩然', '2010-11-01', 130) }); // already 16
    await call(ctx, 'children.create', {
      record: child('郑雨桐', '2016-01-01', 132, (r) => {
        r.guardianship!.hasEntrustedGuardian = false;
        r.guardianship!.entrustmentSigned = false;
        r.guardianship!.entrustmentDate = '';
        r.entrustedGuardian = { name: '', phone: '', idNumber: '', relationship: '', address: '' };
        r.father!.phone = '';
        r.mother!.phone = '';
      }),
    });
    let alerts = await call(ctx, 'alerts.list', {});
    expect(alerts.items[0]!.childId).toBe(ids.zxl);
    expect(alerts.items[0]!.alerts.map((a) => a.kind)).toContain('unguarded');
    const kindsOf = (name: string) => alerts.items.find((i) => i.name === name)?.alerts.map((a) => a.kind) ?? [];
    expect(kindsOf('黄佳怡')).toEqual(['turning16']);
    expect(alerts.items.find((i) => i.name === '黄佳怡')!.alerts[0]!.message).toBe('12天后年满16周岁，届时需办理退出');
    expect(kindsOf('吴浩然')).toEqual(['age16']);
    expect(kindsOf('郑雨桐')).toEqual(['missingPhone']);
    expect(kindsOf('张小明')).toEqual([]);
    expect(alerts.counts.visitOverdue).toBe(0);

    // 31 days later nobody has been visited: every active child is overdue, except one visited in between.
    clock.advance(20 * DAY);
    ctx.seat.lastActive = clock(); // the clerk has been at work meanwhile: no idle lock
    await call(ctx, 'visits.add', { childId: ids.zxm!, date: '2026-12-18', visitor: '林主任' });
    clock.advance(11 * DAY);
    ctx.seat.lastActive = clock();
    alerts = await call(ctx, 'alerts.list', {});
    expect(alerts.items[0]!.childId).toBe(ids.zxl);
    expect(kindsOf('张小明')).toEqual([]);
    expect(kindsOf('陈志伟')).toEqual(['turning16', 'visitOverdue']); // 16 on 2027-01-10
    expect(alerts.items.find((i) => i.name === '陈志伟')!.alerts[1]!.message).toBe('建档31天仍未走访');
    expect(kindsOf('李晓红')).toEqual(['visitOverdue']);

    // An exited child has no alerts; the period is a setting.
    await call(ctx, 'children.exit', { id: ids.czw!, reason: 'parents-returned', date: '2026-12-29' });
    await call(ctx, 'ledger.settings.set', { visitPeriodDays: 60, turning16Days: 30 });
    expect(await call(ctx, 'ledger.settings.get', {})).toEqual({ visitPeriodDays: 60, turning16Days: 30 });
    alerts = await call(ctx, 'alerts.list', {});
    expect(alerts.counts.visitOverdue).toBe(0);
    expect(kindsOf('陈志伟')).toEqual([]);
    const bad = await fail(ctx, 'ledger.settings.set', { visitPeriodDays: 0, turning16Days: 30 });
    expect(bad.fields?.visitPeriodDays).toBe('走访周期至少1天');
  });
});
