// Composition, tasks and bulletins through the dispatcher, on a real store with a fixed clock.
import { initTestOffice } from '../../helpers/office';
import { openSignedIn } from '../../helpers/office';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { runCli } from '../../../electron/cli/run';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

let ctx: AppContext;
let dataDir: string;
// 2025-07-10 10:00 in China.
const clock = fixedClock(Date.UTC(2025, 6, 10, 2, 0, 0));

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as ResultOf<K>;
}
async function fails<K extends ChannelName>(name: K, args: ArgsOf<K>) {
  const r = await dispatch(ctx, name, args);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

beforeEach(async () => {
  dataDir = tempDir('units');
  ctx = await openContext({ dataDir, owner: 'test', clock });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

describe('composition', () => {
  it('sets up a city office from the template and keeps past composition after a replacement', async () => {
    const view = await call('composition.setup', { mode: 'template' });
    expect(view.setUp).toBe(true);
    expect(view.body).toMatchObject({ name: '揭阳市农村留守儿童关爱保护工作联席会议', origin: 'template', from: '2017-03-20', docNumber: '揭府办〔2017〕24号' });
    const jiaoyu = view.posts.find((p) => p.unitId === 'jiaoyu')!;
    const succ = await call('posts.replace', { postId: jiaoyu.id, personName: '王小明', title: '市教育局副局长', from: '2025-03-01' });
    expect(succ.from).toBe('2025-03-01');
    const then = await call('composition.get', { date: '2024-12-31' });
    expect(then.posts.filter((p) => p.unitId === 'jiaoyu').map((p) => p.personName)).toEqual(['倪任华']);
    const now = await call('composition.get', {});
    expect(now.date).toBe('2025-07-10');
    expect(now.posts.filter((p) => p.unitId === 'jiaoyu').map((p) => p.personName)).toEqual(['王小明']);
    expect(now.history.filter((p) => p.unitId === 'jiaoyu')).toHaveLength(2);
    expect((await fails('composition.setup', { mode: 'template' })).code).toBe('ALREADY_SET_UP');
  });

  it('sets up a county from the derived template, or from nothing', async () => {
    const preview = await call('composition.template', { mode: 'county', bodyName: '榕城区农村留守儿童关爱保护工作联席会议' });
    expect(preview.posts).toHaveLength(29);
    expect(preview.posts.every((p) => p.personName === '')).toBe(true);
    expect(preview.posts.find((p) => p.order === 11)!.unitName).toBe('县（市、区）民政局');
    const view = await call('composition.setup', {
      mode: 'county',
      bodyName: '榕城区农村留守儿童关爱保护工作联席会议',
      people: [{ order: 1, personName: '张三', title: '副区长' }],
    });
    expect(view.body.origin).toBe('county-template');
    expect(view.posts.map((p) => p.personName)).toEqual(['张三']);
    expect(view.units).toHaveLength(26);
  });

  it('records a liaison and refuses a bad phone next to the field', async () => {
    await call('composition.setup', { mode: 'template' });
    const bad = await fails('units.setLiaison', { unitId: 'minzheng', name: '陈', post: '科长', phone: '123', from: '2025-01-01' });
    expect(bad.fields).toHaveProperty('phone');
    await call('units.setLiaison', { unitId: 'minzheng', name: '陈联络', post: '儿童福利科科长', phone: '0663 8123456', from: '2025-01-01' });
    const unit = await call('units.get', { unitId: 'minzheng' });
    expect(unit.unit.liaison).toEqual({ name: '陈联络', post: '儿童福利科科长', phone: '0663-8123456' });
    expect(unit.posts.map((p) => p.role).sort()).toEqual(['deputyConvener', 'member', 'officeHead']);
  });
});

describe('tasks', () => {
  beforeEach(async () => {
    await call('composition.setup', { mode: 'template' });
  });

  it('creates a task for two units, takes reports, shows it overdue and refuses 销号 without a final report', async () => {
    const t = await call('tasks.create', { title: '落实寄宿制学校生活教师', source: { kind: 'duty', dutyItemId: 'jiaoyu.1' }, leadUnitId: 'jiaoyu', coUnitIds: ['caizheng'], deadline: '2025-07-01' });
    expect(t.status).toBe('已逾期');
    expect(t.dutyItemText).toContain('教育关爱');
    const reported = await call('tasks.report', { taskId: t.id, unitId: 'caizheng', date: '2025-07-09', text: '经费已安排', final: false });
    expect(reported.status).toBe('已逾期');
    expect(reported.latestReport).toMatchObject({ unitName: '市财政局', text: '经费已安排' });
    expect((await fails('tasks.close', { id: t.id, date: '2025-07-10' })).code).toBe('FINAL_REPORT_REQUIRED');
    expect((await call('tasks.list', { overdue: true })).map((r) => r.id)).toEqual([t.id]);
    expect((await call('tasks.list', { unitId: 'caizheng' })).map((r) => r.id)).toEqual([t.id]);
    await call('tasks.report', { taskId: t.id, unitId: 'jiaoyu', date: '2025-07-10', text: '已配齐', final: true });
    const closed = await call('tasks.close', { id: t.id, date: '2025-07-10', note: '同意销号' });
    expect(closed.status).toBe('已销号');
    expect(await call('tasks.list', { overdue: true })).toEqual([]);
  });

  it('reminds overdue and due-soon tasks', async () => {
    const soon = await call('tasks.create', { title: '甲', source: { kind: 'adhoc' }, leadUnitId: 'minzheng', coUnitIds: [], deadline: '2025-07-20' });
    await call('tasks.create', { title: '乙', source: { kind: 'adhoc' }, leadUnitId: 'minzheng', coUnitIds: [], deadline: '2025-09-20' });
    const late = await call('tasks.create', { title: '丙', source: { kind: 'adhoc' }, leadUnitId: 'minzheng', coUnitIds: [], deadline: '2025-07-09' });
    const r = await call('tasks.reminders', {});
    expect(r.dueSoon.map((t) => t.id)).toEqual([soon.id]);
    expect(r.overdue.map((t) => t.id)).toEqual([late.id]);
  });

  it('refuses a lead unit that is not a member unit', async () => {
    const err = await fails('tasks.create', { title: '甲', source: { kind: 'adhoc' }, leadUnitId: 'nope', coUnitIds: [], deadline: '2025-07-20' });
    expect(err.fields).toHaveProperty('leadUnitId');
  });
});

describe('bulletins', () => {
  it('numbers bulletins per year and groups tasks per unit as at the period end', async () => {
    await call('composition.setup', { mode: 'template' });
    const a = await call('tasks.create', { title: '甲事项', source: { kind: 'adhoc' }, leadUnitId: 'minzheng', coUnitIds: ['jiaoyu'], deadline: '2025-06-01', assignedOn: '2025-03-01' });
    await call('tasks.report', { taskId: a.id, unitId: 'minzheng', date: '2025-05-20', text: '推进中', final: false });
    const b = await call('tasks.create', { title: '乙事项', source: { kind: 'adhoc' }, leadUnitId: 'gongan', coUnitIds: [], deadline: '2025-12-01', assignedOn: '2025-03-01' });
    await call('tasks.report', { taskId: b.id, unitId: 'gongan', date: '2025-06-10', text: '已办结', final: true });
    ctx.store!.commit([{ entity: 'visit', id: 'v1', set: { childId: 'c1', date: '2025-06-05' } }, { entity: 'visit', id: 'v2', set: { childId: 'c1', date: '2024-06-05' } }], 'test');
    const first = await call('bulletins.create', { from: '2025-04-01', to: '2025-06-30' });
    expect(first).toMatchObject({ year: 2025, number: 1, numberLabel: '第1期', date: '2025-07-10' });
    const c = first.content;
    expect(c.totals).toEqual({ tasks: 2, completed: 1, inProgress: 0, overdue: 1 });
    expect(c.units.map((u) => u.unitName)).toEqual(['市教育局', '市公安局', '市民政局']);
    expect(c.units.find((u) => u.unitId === 'jiaoyu')!.overdue[0]).toMatchObject({ role: '配合', latestReport: { text: '推进中' } });
    expect(c.ledger.visits).toBe(1);
    const second = await call('bulletins.create', { from: '2025-07-01', to: '2025-07-09' });
    expect(second.numberLabel).toBe('第2期');
    expect((await call('bulletins.list', {})).map((x) => x.number)).toEqual([2, 1]);
    const printed = await call('print.render', { kind: 'bulletin', id: first.id });
    const text = printed.html.replace(/<[^>]+>/g, '');
    expect(text).toContain('第1期');
    expect(text).toContain('揭阳市农村留守儿童关爱保护工作进展通报');
    expect(text).toContain('甲事项');
    expect(text).toContain('揭阳市农村留守儿童关爱保护工作联席会议办公室');
    expect(text).not.toContain('联席会议联席会议');
    expect((await fails('bulletins.create', { from: '2025-07-01', to: '2025-06-30' })).fields).toHaveProperty('to');
  });
});

describe('CLI', () => {
  it('sets up from the template and lists units and tasks as JSON', async () => {
    await ctx.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), clock };
    expect(await runCli(['units', 'from-template', '--data', dataDir], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['units', 'list', '--data', dataDir, '--json'], io)).toBe(0);
    const list = JSON.parse(out.join('')) as { units: { id: string; members: { name: string }[]; dutyItems: unknown[]; liaison: unknown }[] };
    expect(list.units).toHaveLength(26);
    const gongan = list.units.find((u) => u.id === 'gongan')!;
    expect(gongan.members.map((m) => m.name)).toEqual(['马儒生', '陈培标']);
    expect(gongan.dutyItems.length).toBeGreaterThan(0);
    expect(gongan.liaison).toBeNull();
    out.length = 0;
    expect(await runCli(['tasks', 'list', '--data', dataDir, '--json', '--overdue'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual([]);
    ctx = await openSignedIn({ dataDir, owner: 'test', clock });
  });
});
