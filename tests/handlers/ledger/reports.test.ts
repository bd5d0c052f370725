import { initTestOffice } from '../../helpers/office';
import { openContext, requireStore, type AppContext } from '../../../electron/app/context';
import { dispatch } from '../../../electron/dispatch/dispatch';
import type { ReportList, ReportView, ReportSettings } from '../../../electron/contract/schemas/report';
import type { Result } from '../../../electron/contract/errors';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

// 2026-03-10 09:00 local time: the clock the office reads.
const clock = fixedClock(new Date(2026, 2, 10, 9, 0).getTime());
let ctx: AppContext;

beforeEach(async () => {
  ctx = await openContext({ dataDir: tempDir(), owner: 'test', clock });
  await initTestOffice(ctx, { code: '445202', name: '揭阳市榕城区民政局', level: 'county' });
  requireStore(ctx).commit(
    [
      {
        entity: 'child',
        id: 'child-1',
        set: {
          'child.name': '李小红',
          'child.idNumber': '445202201505012345',
          'child.birthDate': '2015-05-01',
          'responsibility.township': '仙桥街道',
          'responsibility.village': '东湖村',
          'status.state': 'active',
        },
      },
    ],
    'test',
  );
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function call<T>(name: string, args: unknown): Promise<Result<T>> {
  return (await dispatch(ctx, name, args)) as Result<T>;
}
async function ok<T>(name: string, args: unknown): Promise<T> {
  const r = await call<T>(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value;
}

const report = (over: Record<string, unknown> = {}) => ({
  childId: 'child-1',
  reporterType: 'school',
  reporterName: '陈老师',
  reporterUnit: '东湖小学',
  reporterPhone: '13800138000',
  situations: ['living-alone'],
  description: '连续三天独自在家，无人照料。',
  reportedAt: '2026-03-10T08:00',
  ...over,
});

describe('reports.create', () => {
  it('links the report to the child and shows the police step overdue one hour later', async () => {
    const created = await ok<ReportView>('reports.create', report());
    expect(created).toMatchObject({ childId: 'child-1', childName: '李小红', township: '仙桥街道', closed: false });
    expect(created.reporterTypeLabel).toBe('学校');
    expect(created.situationLabels).toEqual(['独自居住']);
    // Reported 08:00, now 09:00: due at 09:00, not yet late.
    expect(created.steps.find((s) => s.step === 'police')).toMatchObject({ state: 'pending', due: '2026-03-10T09:00' });
    clock.advance(60_000);
    const later = await ok<ReportView>('reports.get', { id: created.id });
    expect(later.overdue).toBe(true);
    expect(later.overdueSteps).toEqual(['出警处置']);
    clock.advance(-60_000);
  });

  it('accepts a child not yet in the ledger by name and township, and links it later', async () => {
    const r = await ok<ReportView>('reports.create', report({ childId: undefined, childName: '王小明', township: '梅云街道' }));
    expect(r).toMatchObject({ childId: null, childName: '王小明', township: '梅云街道' });
    const linked = await ok<ReportView>('reports.link', { id: r.id, childId: 'child-1' });
    expect(linked).toMatchObject({ childId: 'child-1', childName: '李小红', township: '仙桥街道' });
  });

  it('refuses an unlinked report without a name or township, with field errors', async () => {
    const r = await call('reports.create', report({ childId: undefined }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGS');
      expect(r.error.fields).toMatchObject({ childName: expect.any(String), township: expect.any(String) });
    }
  });

  it('refuses a report time in the future and a child that does not exist', async () => {
    const future = await call('reports.create', report({ reportedAt: '2026-03-10T09:30' }));
    expect(future.ok || future.error.fields).toEqual({ reportedAt: '报告时间不能晚于现在' });
    const missing = await call('reports.create', report({ childId: 'nobody' }));
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });
});

describe('reports.recordStep', () => {
  it('records each step with its own timestamp, keeps follow-ups apart, and refuses steps after closing', async () => {
    const { id } = await ok<ReportView>('reports.create', report());
    const police = await ok<ReportView>('reports.recordStep', {
      id,
      step: { kind: 'police', at: '2026-03-10T08:40', station: '仙桥派出所', measures: ['parents-ordered-back', 'escort-relatives'] },
    });
    expect(police.police?.value.station).toBe('仙桥派出所');
    expect(police.police?.recordedAt).toBe(new Date(clock()).toISOString());
    expect(police.steps.find((s) => s.step === 'police')!.state).toBe('done');

    await ok('reports.recordStep', {
      id,
      step: { kind: 'assessment', date: '2026-03-10', safety: '居所安全', guardianship: '祖母临时照料', health: '良好', help: ['guidance'] },
    });
    await ok('reports.recordStep', { id, step: { kind: 'placement', at: '2026-03-10T08:50', placement: 'relatives', place: '外祖母家' } });
    await ok('reports.recordStep', { id, step: { kind: 'followUp', date: '2026-03-10', note: '已电话回访，情况稳定' } });
    const view = await ok<ReportView>('reports.recordStep', { id, step: { kind: 'followUp', date: '2026-03-10', note: '入户回访' } });
    expect(view.followUps).toHaveLength(2);
    expect(view.next).toEqual({ label: '跟踪回访', due: '2026-04-09' });

    const closed = await ok<ReportView>('reports.recordStep', { id, step: { kind: 'closing', date: '2026-03-10', note: '母亲已返乡照料' } });
    expect(closed.closed).toBe(true);
    const refused = await call('reports.recordStep', { id, step: { kind: 'followUp', date: '2026-03-10', note: 'x' } });
    expect(!refused.ok && refused.error.code).toBe('REFUSED');
  });

  it('checks each step form and its times', async () => {
    const { id } = await ok<ReportView>('reports.create', report());
    const empty = await call('reports.recordStep', { id, step: { kind: 'police', at: '', station: '', measures: [] } });
    expect(!empty.ok && Object.keys(empty.error.fields ?? {}).sort()).toEqual(['step.at', 'step.measures', 'step.station']);
    const early = await call('reports.recordStep', {
      id,
      step: { kind: 'police', at: '2026-03-10T07:00', station: '仙桥派出所', measures: ['other'] },
    });
    expect(!early.ok && early.error.fields).toEqual({ 'step.at': '不能早于报告时间' });
    const placement = await call('reports.recordStep', { id, step: { kind: 'placement', at: '2026-03-10T08:30' } });
    expect(!placement.ok && placement.error.fields).toEqual({ 'step.placement': '请选择安置方式' });
  });
});

describe('reports.list and settings', () => {
  it('filters open, overdue and by township; deadlines follow the office settings', async () => {
    const a = await ok<ReportView>('reports.create', report({ reportedAt: '2026-03-10T06:00' }));
    await ok('reports.create', report({ childId: undefined, childName: '王小明', township: '梅云街道', reportedAt: '2026-03-10T08:30' }));
    const c = await ok<ReportView>('reports.create', report({ reportedAt: '2026-03-09T08:00' }));
    await ok('reports.recordStep', { id: c.id, step: { kind: 'closing', date: '2026-03-10', note: '经核实，儿童已随父母生活' } });

    let list = await ok<ReportList>('reports.list', { filter: 'overdue' });
    expect(list.items.map((i) => i.id)).toEqual([a.id]);
    expect(list.counts).toEqual({ all: 3, open: 2, overdue: 1, closed: 1 });
    expect(list.townships).toEqual(['梅云街道', '仙桥街道']);
    list = await ok<ReportList>('reports.list', { filter: 'open', township: '梅云街道' });
    expect(list.items.map((i) => i.childName)).toEqual(['王小明']);

    const defaults = await ok<ReportSettings>('reports.settings.get', {});
    expect(defaults).toEqual({ policeHours: 1, assessmentDays: 3, placementDays: 1, followUpDays: 30, isDefault: true });
    const set = await ok<ReportSettings>('reports.settings.set', { policeHours: 4, assessmentDays: 5, placementDays: 2, followUpDays: 15 });
    expect(set.isDefault).toBe(false);
    list = await ok<ReportList>('reports.list', { filter: 'overdue' });
    expect(list.items).toHaveLength(0);
    const bad = await call('reports.settings.set', { policeHours: 0, assessmentDays: 5, placementDays: 2, followUpDays: 15 });
    expect(!bad.ok && bad.error.fields?.policeHours).toBeTruthy();
  });

  it('finds children to link by name or the tail of the ID number, without ID numbers', async () => {
    const byName = await ok<unknown[]>('reports.findChildren', { query: '小红' });
    expect(byName).toEqual([{ id: 'child-1', name: '李小红', township: '仙桥街道', village: '东湖村', birthDate: '2015-05-01' }]);
    expect(await ok('reports.findChildren', { query: '2345' })).toHaveLength(1);
    expect(await ok('reports.findChildren', { query: '9999' })).toHaveLength(0);
  });
});

describe('demo part', () => {
  it('seeds reports on demo children: one handled, one overdue, one unlinked and closed', async () => {
    const { seedReportsDemo } = await import('../../../electron/demo/reports-demo');
    await seedReportsDemo(ctx);
    const list = await ok<ReportList>('reports.list', { filter: 'all' });
    expect(list.counts).toEqual({ all: 3, open: 2, overdue: 1, closed: 1 });
    const overdue = list.items.find((i) => i.overdue)!;
    expect(overdue.overdueSteps).toEqual(['乡镇评估', '临时安置']);
    expect(list.items.filter((i) => i.childId).length).toBe(2);
  });
});
