// Composition and units through time (issue 12 §4): a successor may change the unit, units are renamed and merged
// from a date (机构改革) with the old names kept for earlier days, and duty items are reworded and added with history.
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { initTestOffice } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

let ctx: AppContext;
// 2026-03-10 10:00 in China.
const clock = fixedClock(Date.UTC(2026, 2, 10, 2, 0, 0));

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
const unitName = (v: ResultOf<'composition.get'>, id: string) => v.units.find((u) => u.id === id)?.name;

beforeEach(async () => {
  ctx = await openContext({ dataDir: tempDir('through-time'), owner: 'test', clock });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
  await call('composition.setup', { mode: 'template' });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

describe('posts', () => {
  it('shows the government for a post without a member unit (陈家斌, 市政府副秘书长)', async () => {
    const view = await call('composition.get', {});
    const chen = view.posts.find((p) => p.personName === '陈家斌')!;
    expect(chen.unitId).toBeNull();
    expect(chen.unitName).toBe('市政府');
    expect(view.posts.find((p) => p.personName === '魏洁林')!.unitName).toBe('市民政局');
    // In a meeting he is listed under 市政府, which is not a unit the minutes are sent to (分送).
    const m = await call('meetings.create', { kind: 'plenary', date: '2026-03-01', place: '市政府第一会议室', chairKind: 'convener' });
    const got = await call('meetings.get', { id: m.id });
    expect(got.attendance.find((a) => a.personName === '陈家斌')!.unitName).toBe('市政府');
    for (const name of ['陈家斌', '魏洁林']) {
      const seat = got.attendance.find((a) => a.personName === name)!;
      await call('attendance.mark', { meetingId: m.id, postId: seat.postId, status: 'present' });
    }
    await call('minutes.draft', { meetingId: m.id });
    const sendTo = (await call('meetings.get', { id: m.id })).minutes[0]!.sendTo;
    expect(sendTo).toContain('市民政局');
    expect(sendTo).not.toContain('市政府');
    const preview = await call('composition.template', { mode: 'template' });
    expect(preview.posts.find((p) => p.personName === '陈家斌')!.unitName).toBe('市政府');
  });

  it('replaces the convener with a deputy mayor who is not the police chief (unitId null), or into another unit', async () => {
    const view = await call('composition.get', {});
    const ma = view.posts.find((p) => p.personName === '马儒生')!;
    expect(ma.unitId).toBe('gongan');
    const succ = await call('posts.replace', { postId: ma.id, personName: '李新市', title: '副市长', from: '2026-01-05', unitId: null });
    expect(succ).toMatchObject({ unitId: null, unitName: '市政府', role: 'convener' });
    const after = await call('composition.get', { date: '2026-02-01' });
    expect(after.posts.filter((p) => p.unitId === 'gongan').map((p) => p.personName)).toEqual(['陈培标']);
    expect(after.posts.find((p) => p.role === 'convener')).toMatchObject({ personName: '李新市', unitName: '市政府' });
    // Without unitId the successor keeps the predecessor's unit, as before.
    const member = after.posts.find((p) => p.unitId === 'jiaoyu')!;
    expect((await call('posts.replace', { postId: member.id, personName: '王小明', title: '市教育局副局长', from: '2026-02-01' })).unitId).toBe('jiaoyu');
    const wei = after.posts.find((p) => p.personName === '沈少敏')!;
    expect((await call('posts.replace', { postId: wei.id, personName: '周一', title: '市民政局副局长', from: '2026-02-01', unitId: 'minzheng' })).unitName).toBe('市民政局');
    expect((await fails('posts.replace', { postId: member.id, personName: '甲', title: '', from: '2026-03-01', unitId: 'nope' })).code).toBe('REFUSED');
    const live = (await call('composition.get', {})).posts.find((p) => p.unitId === 'fupin')!;
    expect((await fails('posts.replace', { postId: live.id, personName: '甲', title: '', from: '2026-03-01', unitId: 'nope' })).fields).toHaveProperty('unitId');
  });
});

describe('rename and merge (机构改革)', () => {
  it('renames 市地税局 → 市税务局 from a past date: before it the old name, after it the new, meetings included', async () => {
    const before = await call('meetings.create', { kind: 'plenary', date: '2018-03-01', place: '市政府第一会议室', chairKind: 'convener' });
    const after = await call('meetings.create', { kind: 'plenary', date: '2019-03-01', place: '市政府第一会议室', chairKind: 'convener' });
    const renamed = await call('units.rename', { unitId: 'dishui', name: '国家税务总局揭阳市税务局', from: '2018-07-20' });
    expect(renamed.name).toBe('国家税务总局揭阳市税务局');
    expect(renamed.names).toEqual([
      { name: '市地税局', from: '2017-03-20', to: '2018-07-20' },
      { name: '国家税务总局揭阳市税务局', from: '2018-07-20', to: null },
    ]);
    expect(unitName(await call('composition.get', { date: '2018-07-19' }), 'dishui')).toBe('市地税局');
    expect(unitName(await call('composition.get', { date: '2018-07-20' }), 'dishui')).toBe('国家税务总局揭阳市税务局');
    expect(unitName(await call('composition.get', {}), 'dishui')).toBe('国家税务总局揭阳市税务局');
    const huang = (m: ResultOf<'meetings.get'>) => m.attendance.find((a) => a.personName === '黄建明')!.unitName;
    expect(huang(await call('meetings.get', { id: before.id }))).toBe('市地税局');
    expect(huang(await call('meetings.get', { id: after.id }))).toBe('国家税务总局揭阳市税务局');
    // The unit's people and duties stay with it.
    const unit = await call('units.get', { unitId: 'dishui' });
    expect(unit.posts.map((p) => p.personName)).toEqual(['黄建明']);
    expect(unit.unit.duty!.items.length).toBeGreaterThan(0);
    // A bulletin for a period before the renaming names the unit as it was then.
    await call('tasks.create', { title: '落实税费减免', source: { kind: 'adhoc' }, leadUnitId: 'dishui', coUnitIds: [], deadline: '2018-12-31', assignedOn: '2018-01-10' });
    const old = await call('bulletins.create', { from: '2018-01-01', to: '2018-06-30' });
    expect(old.content.units.map((u) => u.unitName)).toEqual(['市地税局']);
    const later = await call('bulletins.create', { from: '2018-07-01', to: '2018-12-31' });
    expect(later.content.units.map((u) => u.unitName)).toEqual(['国家税务总局揭阳市税务局']);
    // A renaming announced for a later day shows from that day only.
    const stats = await call('tasks.create', { title: '统计监测', source: { kind: 'adhoc' }, leadUnitId: 'tongji', coUnitIds: [], deadline: '2026-06-30' });
    await call('units.rename', { unitId: 'tongji', name: '国家统计局揭阳调查队', from: '2026-04-01' });
    expect((await call('tasks.get', { id: stats.id })).lead.name).toBe('市统计局');
    expect(unitName(await call('composition.get', {}), 'tongji')).toBe('市统计局');
    expect(unitName(await call('composition.get', { date: '2026-04-01' }), 'tongji')).toBe('国家统计局揭阳调查队');
    expect((await fails('units.rename', { unitId: 'dishui', name: '市财政局', from: '2019-01-01' })).fields).toHaveProperty('name');
    const early = await fails('units.rename', { unitId: 'dishui', name: '再改名', from: '2018-01-01' });
    // Dates inside messages are written as Chinese text writes them, never 2018-07-20.
    expect(early.fields).toEqual({ from: '应晚于2018年7月20日。' });
    expect(early.message).not.toMatch(/\d{4}-\d{2}/);
  });

  it('merges 市工商局 and 市法制局 into 市市场监督管理局: the first continues, the others end and their open tasks move', async () => {
    const early = await call('meetings.create', { kind: 'plenary', date: '2018-06-01', place: '市政府第一会议室', chairKind: 'convener' });
    const task = await call('tasks.create', { title: '规范校园周边经营', source: { kind: 'adhoc' }, leadUnitId: 'fazhi', coUnitIds: ['gongshang', 'jiaoyu'], deadline: '2026-06-30' });
    const merged = await call('units.merge', { unitIds: ['gongshang', 'fazhi'], name: '市市场监督管理局', from: '2019-01-10' });
    expect(merged).toMatchObject({ id: 'gongshang', name: '市市场监督管理局', mergedFrom: [{ id: 'fazhi', name: '市法制局' }] });
    const then = await call('composition.get', { date: '2019-01-09' });
    expect(unitName(then, 'gongshang')).toBe('市工商局');
    expect(unitName(then, 'fazhi')).toBe('市法制局');
    const now = await call('composition.get', { date: '2019-01-10' });
    expect(unitName(now, 'gongshang')).toBe('市市场监督管理局');
    expect(unitName(now, 'fazhi')).toBeUndefined();
    expect(now.posts.some((p) => p.unitId === 'fazhi')).toBe(false);
    expect(now.posts.find((p) => p.personName === '林春雄')!.unitName).toBe('市市场监督管理局');
    const m = await call('meetings.get', { id: early.id });
    expect(m.attendance.find((a) => a.personName === '林春雄')!.unitName).toBe('市工商局');
    const moved = await call('tasks.get', { id: task.id });
    expect(moved.lead).toEqual({ id: 'gongshang', name: '市市场监督管理局' });
    expect(moved.coUnits.map((u) => u.name)).toEqual(['市教育局']);
    expect(moved.history).toHaveLength(1);
    expect(moved.history[0]!.reason).toContain('机构改革');
    expect(moved.history[0]!.changes[0]).toMatchObject({ field: '牵头单位', after: '市市场监督管理局' });
    const gone = await call('units.get', { unitId: 'fazhi' });
    expect(gone.unit).toMatchObject({ to: '2019-01-10', mergedInto: { id: 'gongshang', name: '市市场监督管理局' } });
    expect((await fails('units.merge', { unitIds: ['gongshang'], name: '甲', from: '2020-01-01' })).code).toBe('INVALID_ARGS');
    expect((await fails('units.merge', { unitIds: ['gongshang', 'fazhi'], name: '甲', from: '2020-01-01' })).fields).toHaveProperty('from');
  });
});

describe('duty items', () => {
  it('rewords an item from a date, keeps the notice wording and the history; adds an item', async () => {
    const before = (await call('units.get', { unitId: 'dishui' })).unit.duty!;
    const first = before.items[0]!;
    const edited = await call('units.editDuty', {
      unitId: 'dishui',
      itemId: first.id,
      text: '指导各级税务部门落实税费减免优惠政策。',
      from: '2018-07-20',
      note: '国税地税征管体制改革',
    });
    const item = edited.duty!.items.find((i) => i.id === first.id)!;
    expect(item.text).toBe('指导各级税务部门落实税费减免优惠政策。');
    expect(item.original).toBe(first.text);
    expect(item.history!.map((h) => [h.text, h.from, h.to])).toEqual([
      [first.text, '2017-03-20', '2018-07-20'],
      ['指导各级税务部门落实税费减免优惠政策。', '2018-07-20', null],
    ]);
    expect(item.history![1]).toMatchObject({ note: '国税地税征管体制改革', by: '王管理' });
    // The paragraph is the notice's text, untouched; the composition on an earlier day has the earlier wording.
    expect(edited.duty!.paragraph).toBe(before.paragraph);
    const old = (await call('composition.get', { date: '2018-01-01' })).units.find((u) => u.id === 'dishui')!;
    expect(old.duty!.items[0]!.text).toBe(first.text);
    const added = await call('units.addDuty', { unitId: 'dishui', text: '配合做好社会保险费征收工作。', from: '2019-01-01' });
    const last = added.duty!.items.at(-1)!;
    expect(last).toMatchObject({ id: `dishui.${before.items.length + 1}`, text: '配合做好社会保险费征收工作。', added: '2019-01-01' });
    expect(last.original).toBeUndefined();
    expect((await call('composition.get', { date: '2018-12-31' })).units.find((u) => u.id === 'dishui')!.duty!.items).toHaveLength(before.items.length);
    // A unit with no duty paragraph (市工商局) can be given one.
    expect((await call('units.addDuty', { unitId: 'gongshang', text: '查处侵害儿童权益的经营行为。', from: '2019-01-01' })).duty!.items).toHaveLength(1);
    expect((await fails('units.editDuty', { unitId: 'dishui', itemId: first.id, text: '更早', from: '2018-01-01' })).fields).toHaveProperty('from');
    expect((await fails('units.editDuty', { unitId: 'dishui', itemId: 'dishui.99', text: '甲', from: '2020-01-01' })).code).toBe('NOT_FOUND');
    // Tasks read the wording in force.
    const t = await call('tasks.create', { title: '落实减免', source: { kind: 'duty', dutyItemId: first.id }, leadUnitId: 'dishui', coUnitIds: [], deadline: '2026-06-30' });
    expect(t.dutyItemText).toBe('指导各级税务部门落实税费减免优惠政策。');
  });
});
