// Who a meeting expects, by its kind, through the real dispatcher on a real store (composition from the notice's
// template): a liaison meeting lists the member units' liaisons; a plenary the composition on its date, each person
// once with all their roles; a 请假 names who attends instead, printed 「（×××代）」 in the minutes and the sign-in sheet.
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { initTestOffice } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
let ctx: AppContext;
const clock = fixedClock(Date.UTC(2025, 3, 10, 2, 0, 0)); // 2025-04-10

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
  ctx = await openContext({ dataDir: path.join(tempDir('rosters'), 'data'), owner: 'test', clock });
  await initTestOffice(ctx, {
    code: '445200',
    name: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    level: 'city',
  });
  await call('composition.setup', { mode: 'template' });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const plenary = () =>
  call('meetings.create', {
    kind: 'plenary',
    date: '2025-03-20',
    time: '下午3:00',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });

describe('rosters by meeting kind', () => {
  it('a liaison meeting lists the liaisons of the member units on its date, and only them', async () => {
    const c = await call('composition.get', { date: '2025-01-01' });
    const [edu, police, civil] = ['教育', '公安', '民政'].map(
      (p) => c.units.find((u) => u.name.includes(p))!.id,
    );
    await call('units.setLiaison', {
      unitId: edu!,
      name: '李联络',
      post: '办公室主任',
      phone: '0663-8000001',
      from: '2024-01-01',
    });
    await call('units.setLiaison', {
      unitId: police!,
      name: '赵联络',
      post: '治安科科长',
      phone: '0663-8000002',
      from: '2024-01-01',
    });
    // Takes over after the meeting: the meeting keeps the liaison it had.
    await call('units.setLiaison', {
      unitId: police!,
      name: '钱接任',
      post: '治安科科长',
      phone: '0663-8000003',
      from: '2025-04-01',
    });
    // Appointed after the meeting: not on its list.
    await call('units.setLiaison', {
      unitId: civil!,
      name: '孙后任',
      post: '儿童福利科科长',
      phone: '0663-8000004',
      from: '2025-04-01',
    });
    const p = await plenary();
    const liaison = await call('meetings.create', {
      kind: 'liaison',
      date: '2025-03-10',
      time: '上午9:30',
      place: '市民政局会议室',
      chairKind: 'convener',
      preparesId: p.id,
    });
    const detail = await call('meetings.get', { id: liaison.id });
    expect(detail.attendance.map((a) => [a.personName, a.roleName, a.title, a.unitName])).toEqual([
      ['李联络', '联络员', '市教育局办公室主任', '市教育局'],
      ['赵联络', '联络员', '市公安局治安科科长', '市公安局'],
    ]);
    const names = detail.attendance.map((a) => a.personName);
    for (const p of c.posts) expect(names).not.toContain(p.personName);
    // Chaired by the office head of the day, not the convener.
    expect([detail.chairTitle, detail.chairName]).toEqual(['联席会议办公室主任', '林小彭']);

    // A member's post is not a seat at a liaison meeting; the liaison's is.
    const member = c.posts.find((x) => x.role === 'member')!;
    const refused = await fails('attendance.mark', {
      meetingId: liaison.id,
      postId: member.id,
      status: 'present',
    });
    expect(refused.message).toBe('此人在会议当天不是成员单位的联络员。');
    await call('attendance.mark', {
      meetingId: liaison.id,
      postId: detail.attendance[1]!.postId,
      status: 'present',
    });
    await call('attendance.mark', {
      meetingId: liaison.id,
      postId: detail.attendance[0]!.postId,
      status: 'absent',
      reason: '外出培训',
      substitute: '周副科',
    });
    const sheet = textOf((await call('print.render', { kind: 'signInSheet', id: liaison.id })).html);
    expect(sheet).toContain('赵联络');
    expect(sheet).toContain('李联络（周副科代）');
    expect(sheet).toContain('上午9时30分');
    expect(sheet).not.toContain('马儒生');
    expect(sheet).not.toContain('林小彭');
  });

  it('a plenary lists the composition on its date, each person once with all their roles', async () => {
    const p = await plenary();
    const detail = await call('meetings.get', { id: p.id });
    const c = await call('composition.get', { date: '2025-03-20' });
    const people = [...new Set(c.posts.map((x) => x.personName.replace(/\s/g, '')))];
    expect(detail.attendance.map((a) => a.personName.replace(/\s/g, ''))).toEqual(people);
    const lin = detail.attendance.filter((a) => a.personName === '林小彭');
    expect(lin).toHaveLength(1);
    expect(lin[0]).toMatchObject({
      roleName: '成员、办公室主任',
      title: '市民政局副局长、联席会议办公室主任',
      role: 'member',
    });
    expect(detail.attendance[0]).toMatchObject({ personName: '马儒生', roleName: '召集人' });

    // Marking by either of 林小彭's posts marks the one person.
    const headPost = c.posts.find((x) => x.role === 'officeHead')!;
    await call('attendance.mark', { meetingId: p.id, postId: headPost.id, status: 'present' });
    const marked = (await call('meetings.get', { id: p.id })).attendance.filter(
      (a) => a.personName === '林小彭',
    );
    expect(marked).toEqual([expect.objectContaining({ status: 'present', postId: lin[0]!.postId })]);

    for (const a of detail.attendance) {
      if (a.personName === '林小彭') continue;
      await call('attendance.mark', { meetingId: p.id, postId: a.postId, status: 'present' });
    }
    const draft = await call('minutes.draft', { meetingId: p.id });
    const v = (await call('meetings.get', { id: p.id })).minutes[0]!;
    expect(v.text).toContain('2025年3月20日下午3时，');
    await call('minutes.save', { id: draft.id, title: v.title, text: v.text, sendTo: v.sendTo });
    const minutes = textOf((await call('print.render', { kind: 'minutes', id: p.id })).html);
    expect(minutes.match(/林小彭/g)).toHaveLength(1);
    expect(minutes).toContain('林小彭（市民政局副局长、联席会议办公室主任）');
    expect(minutes).not.toContain('下午3:00');
    const sheet = textOf((await call('print.render', { kind: 'signInSheet', id: p.id })).html);
    expect(sheet.match(/林小彭/g)).toHaveLength(1);
    expect(sheet).toContain('下午3时');
    expect(sheet).not.toContain('3:00');
  });

  it('a 请假 may name a substitute, printed 「（×××代）」 among those present in the minutes and on the sign-in sheet', async () => {
    const p = await plenary();
    const rows = (await call('meetings.get', { id: p.id })).attendance;
    const [first, second, third] = [rows[1]!, rows[2]!, rows[3]!];
    const bad = await fails('attendance.mark', {
      meetingId: p.id,
      postId: first.postId,
      status: 'present',
      substitute: '某某',
    });
    expect(bad.fields).toEqual({ substitute: '本人出席的，不填代为出席人员' });
    await call('attendance.mark', {
      meetingId: p.id,
      postId: first.postId,
      status: 'absent',
      reason: '公务出差',
      substitute: '李某某',
    });
    await call('attendance.mark', {
      meetingId: p.id,
      postId: second.postId,
      status: 'absent',
      reason: '病假',
    });
    await call('attendance.mark', { meetingId: p.id, postId: third.postId, status: 'present' });
    const detail = await call('meetings.get', { id: p.id });
    expect(detail.attendance[1]).toMatchObject({
      status: 'absent',
      reason: '公务出差',
      substitute: '李某某',
    });

    const draft = await call('minutes.draft', { meetingId: p.id });
    const v = detail.minutes[0] ?? (await call('meetings.get', { id: p.id })).minutes[0]!;
    await call('minutes.save', { id: draft.id, title: v.title, text: v.text, sendTo: v.sendTo });
    const html = (await call('print.render', { kind: 'minutes', id: p.id })).html;
    const line = (role: string) =>
      textOf(new RegExp(`<p class="att" data-role="${role}">(.*?)</p>`, 's').exec(html)?.[1] ?? '');
    expect(line('present')).toContain(`${first.personName}（${first.title}）（李某某代）`);
    expect(line('present')).toContain(third.personName);
    expect(line('absent')).toContain(`${second.personName}（${second.title}，病假）`);
    expect(line('absent')).not.toContain(first.personName);

    const sheet = textOf((await call('print.render', { kind: 'signInSheet', id: p.id })).html);
    expect(sheet).toContain(`${first.personName}（李某某代）`);

    // Marked 出席 again: the substitute goes.
    await call('attendance.mark', { meetingId: p.id, postId: first.postId, status: 'present' });
    expect((await call('meetings.get', { id: p.id })).attendance[1]).toMatchObject({
      status: 'present',
      substitute: '',
    });
  });
});

describe('the 纪要标志 setting', () => {
  it('prints the mark per GB/T 9704-2012 §10.3 unless the office chose its local format', async () => {
    const p = await plenary();
    await call('minutes.draft', { meetingId: p.id });
    expect((await call('minutes.getSettings', {})).markPlacement).toBe('gb');
    const gb = (await call('print.render', { kind: 'minutes', id: p.id })).html;
    expect(gb).toContain('<span class="r mark-row gb">');
    const settings = await call('minutes.getSettings', {});
    expect(await call('minutes.setSettings', { ...settings, markPlacement: 'top' })).toMatchObject({
      markPlacement: 'top',
    });
    const top = (await call('print.render', { kind: 'minutes', id: p.id })).html;
    expect(top).toContain('<span class="r mark-row">');
    expect(top).not.toContain('mark-row gb');
  });
});
