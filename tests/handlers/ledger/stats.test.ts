import { initTestOffice } from '../../helpers/office';
import { openContext, requireStore, type AppContext } from '../../../electron/app/context';
import { dispatch } from '../../../electron/dispatch/dispatch';
import type { StatsSummary } from '../../../electron/contract/schemas/stats';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const clock = fixedClock(new Date(2026, 2, 10, 9, 0).getTime());
let ctx: AppContext;

beforeEach(async () => {
  ctx = await openContext({ dataDir: tempDir(), owner: 'test', clock });
  await initTestOffice(ctx, { code: '445202', name: '揭阳市榕城区民政局', level: 'county' });
  const kid = (id: string, township: string, birthDate: string, extra: Record<string, string> = {}) => ({
    entity: 'child',
    id,
    set: {
      'child.name': id,
      'child.birthDate': birthDate,
      'child.schooling': 'primary',
      'guardianship.guardianKind': 'grandparents',
      'responsibility.township': township,
      'responsibility.village': '东湖村',
      'status.state': 'active',
      riskLevel: 'yellow',
      ...extra,
    },
  });
  requireStore(ctx).commit(
    [
      kid('a', '仙桥街道', '2015-05-01'),
      kid('b', '仙桥街道', '2010-03-20'),
      kid('c', '梅云街道', '2020-01-01', { 'status.state': 'exited', 'status.reason': 'parents-returned', 'status.date': '2026-03-05' }),
      { entity: 'visit', id: 'v1', set: { childId: 'a', date: '2026-03-02' } },
      { entity: 'visit', id: 'v2', set: { childId: 'a', date: '2026-02-02' } },
    ],
    'test',
  );
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

it('summarises the ledger for a period through the channel', async () => {
  const r = await dispatch(ctx, 'stats.summary', { period: { from: '2026-03-01', to: '2026-03-31' } });
  if (!r.ok) throw new Error(r.error.message);
  const s = r.value as StatsSummary;
  expect(s.totals.total).toBe(2);
  // Created today (10 March), inside the period.
  expect(s.totals.entries).toBe(3);
  expect(s.totals.exits).toBe(1);
  expect(s.totals.visits).toBe(1);
  // b turns 16 on 20 March: 16+ at the period end.
  expect(s.totals.ageBand).toEqual({ '0-5': 0, '6-13': 1, '14-15': 0, '16+': 1 });
  expect(s.rows.map((x) => x.name)).toEqual(['梅云街道', '仙桥街道']);
});

it('refuses a period that ends before it starts', async () => {
  const r = await dispatch(ctx, 'stats.summary', { period: { from: '2026-04-01', to: '2026-03-01' } });
  expect(!r.ok && r.error.fields).toEqual({ 'period.from': '起始日期不能晚于截止日期' });
});

it('prints the A4 summary as a self-contained page', async () => {
  const r = await dispatch(ctx, 'print.render', {
    kind: 'statsSummary',
    options: { from: '2026-03-01', to: '2026-03-31', township: '仙桥街道' },
  });
  if (!r.ok) throw new Error(r.error.message);
  const { title, html } = r.value as { title: string; html: string };
  expect(title).toContain('2026-03-01');
  expect(html).toContain('农村留守儿童信息台账统计表');
  expect(html).toContain('统计范围：仙桥街道');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script/i);
  const bad = await dispatch(ctx, 'print.render', { kind: 'statsSummary', options: { from: 'x' } });
  expect(!bad.ok && bad.error.code).toBe('INVALID_ARGS');
});
