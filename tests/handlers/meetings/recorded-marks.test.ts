// A mark once recorded is never dropped silently, and an issued meeting's record does not change indirectly.
// Through the real dispatcher on a real store (composition from the notice's template):
// - backdated changes of the composition (a successor named from before the meeting, units merged) keep the people
//   already marked on the meeting's attendance with their marks, and the recorded convener keeps the chair;
// - a liaison meeting's topic outcome that would change the agenda of a joint meeting whose minutes are issued is
//   refused; the issued meeting keeps the chair and the agenda it was issued with.
import type { AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { ISSUED_DOCUMENT_ENTITY } from '../../../electron/domain/issued/issued-documents';
import type { JsonValue } from '../../../electron/store/operation';
import { callOn, cityOffice, refusedOn, textOf } from './meeting-office';
import { cleanupTempDirs, fixedClock } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

let ctx: AppContext;
const clock = fixedClock(Date.UTC(2026, 11, 1, 2, 0, 0)); // 2026-12-01

const call = <K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => callOn(ctx, name, args);
const refused = <K extends ChannelName>(name: K, args: ArgsOf<K>) => refusedOn(ctx, name, args);

beforeEach(async () => {
  ({ ctx } = await cityOffice('recorded', clock));
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function unitId(part: string) {
  const c = await call('composition.get', { date: '2026-01-01' });
  return c.units.find((u) => u.name.includes(part))!.id;
}
const plenary = (date: string) =>
  call('meetings.create', {
    kind: 'plenary',
    date,
    time: '15:00',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });

describe('a recorded mark is never dropped silently', () => {
  it('a successor dated back before the meeting: the people marked stay listed with their marks, the chair stays', async () => {
    const m = await plenary('2026-11-20');
    const rows = (await call('meetings.get', { id: m.id })).attendance;
    const convener = rows.find((r) => r.role === 'convener')!;
    expect(convener.personName).toBe('马儒生');
    const member = rows.find((r) => r.role === 'member')!;
    await call('attendance.mark', { meetingId: m.id, postId: convener.postId, status: 'present' });
    await call('attendance.mark', {
      meetingId: m.id,
      postId: member.postId,
      status: 'absent',
      reason: '出差',
      substitute: '郑锦涛',
    });
    await call('posts.replace', {
      postId: convener.postId,
      personName: '接任甲',
      title: '副市长',
      from: '2026-11-01',
    });
    await call('posts.replace', {
      postId: member.postId,
      personName: '接任乙',
      title: '副局长',
      from: '2026-11-10',
    });

    const d = await call('meetings.get', { id: m.id });
    const ma = d.attendance.find((a) => a.personName === '马儒生');
    expect(ma).toMatchObject({ status: 'present', roleName: '召集人', title: convener.title });
    expect(d.attendance.find((a) => a.personName === member.personName)).toMatchObject({
      status: 'absent',
      reason: '出差',
      substitute: '郑锦涛',
      unitName: member.unitName,
    });
    // The successors are on the day's roster, not marked.
    expect(d.attendance.find((a) => a.personName === '接任甲')!.status).toBe('unmarked');
    expect(d.attendance.find((a) => a.personName === '接任乙')!.status).toBe('unmarked');
    // The recorded convener presided; the successor did not silently take the chair.
    expect(d.chairName).toBe('马儒生');

    // The kept mark can still be changed (not moved to someone else), and the minutes print it.
    await call('attendance.mark', { meetingId: m.id, postId: ma!.postId, status: 'absent', reason: '开会' });
    const again = (await call('meetings.get', { id: m.id })).attendance;
    expect(again.filter((a) => a.personName === '马儒生')).toHaveLength(1);
    expect(again.find((a) => a.personName === '马儒生')).toMatchObject({ status: 'absent', reason: '开会' });
    await call('attendance.mark', { meetingId: m.id, postId: ma!.postId, status: 'present' });
    await call('minutes.draft', { meetingId: m.id });
    const html = textOf((await call('print.render', { kind: 'minutes', id: m.id })).html);
    expect(html).toContain('马儒生');
    expect(html).toContain(`${member.personName}`);
    expect(html).toContain('（郑锦涛代）');
  });

  it('units merged from a date before the meeting: the merged-away unit’s liaison stays on the liaison meeting', async () => {
    const [justice, edu] = [await unitId('司法'), await unitId('教育')];
    await call('units.setLiaison', {
      unitId: justice,
      name: '甲联络',
      post: '科长',
      phone: '0663-8000001',
      from: '2018-01-01',
    });
    await call('units.setLiaison', {
      unitId: edu,
      name: '谢诗家',
      post: '科长',
      phone: '0663-8000002',
      from: '2018-01-01',
    });
    const liaison = await call('meetings.create', {
      kind: 'liaison',
      date: '2019-05-10',
      time: '09:30',
      place: '市民政局会议室',
      chairKind: 'convener',
    });
    const rows = (await call('meetings.get', { id: liaison.id })).attendance;
    const xie = rows.find((r) => r.personName === '谢诗家')!;
    await call('attendance.mark', { meetingId: liaison.id, postId: xie.postId, status: 'present' });
    await call('units.merge', { unitIds: [justice, edu], name: '市司法教育局', from: '2019-03-01' });
    const after = (await call('meetings.get', { id: liaison.id })).attendance;
    expect(after.find((a) => a.personName === '谢诗家')).toMatchObject({
      status: 'present',
      roleName: '联络员',
    });
  });

  it('a liaison replaced dated back: the old liaison keeps the mark, the new one is marked apart', async () => {
    const edu = await unitId('教育');
    await call('units.setLiaison', {
      unitId: edu,
      name: '李联络',
      post: '科长',
      phone: '0663-8000001',
      from: '2024-01-01',
    });
    const liaison = await call('meetings.create', {
      kind: 'liaison',
      date: '2026-11-20',
      time: '09:30',
      place: '市民政局会议室',
      chairKind: 'convener',
    });
    const seat = (await call('meetings.get', { id: liaison.id })).attendance.find(
      (a) => a.personName === '李联络',
    )!;
    await call('attendance.mark', { meetingId: liaison.id, postId: seat.postId, status: 'present' });
    await call('units.setLiaison', {
      unitId: edu,
      name: '钱接任',
      post: '科长',
      phone: '0663-8000003',
      from: '2026-11-01',
    });
    let rows = (await call('meetings.get', { id: liaison.id })).attendance;
    expect(rows.find((a) => a.personName === '钱接任')!.status).toBe('unmarked');
    expect(rows.find((a) => a.personName === '李联络')!.status).toBe('present');
    await call('attendance.mark', {
      meetingId: liaison.id,
      postId: seat.postId,
      status: 'absent',
      reason: '病假',
    });
    rows = (await call('meetings.get', { id: liaison.id })).attendance;
    expect(rows.find((a) => a.personName === '钱接任')).toMatchObject({ status: 'absent', reason: '病假' });
    expect(rows.find((a) => a.personName === '李联络')!.status).toBe('present');
  });
});

describe('an issued meeting does not change indirectly', () => {
  it('a topic outcome that would change an issued meeting’s agenda is refused; the chair stays as issued', async () => {
    const civil = await unitId('民政');
    const m = await plenary('2026-11-20');
    const liaison = await call('meetings.create', {
      kind: 'liaison',
      date: '2026-11-10',
      time: '09:30',
      place: '市民政局会议室',
      chairKind: 'convener',
      preparesId: m.id,
    });
    const t1 = await call('topics.propose', { meetingId: liaison.id, title: '议题一', unitId: civil });
    const t2 = await call('topics.propose', { meetingId: liaison.id, title: '议题二', unitId: civil });
    await call('topics.decide', { id: t1.id, outcome: 'accepted' });
    await call('topics.decide', { id: t2.id, outcome: 'accepted' });
    const rows = (await call('meetings.get', { id: m.id })).attendance;
    const convener = rows.find((r) => r.role === 'convener')!;
    await call('attendance.mark', { meetingId: m.id, postId: convener.postId, status: 'present' });
    const draft = await call('minutes.draft', { meetingId: m.id });
    await call('minutes.issue', { id: draft.id, date: '2026-11-25' });
    const before = await call('meetings.get', { id: m.id });
    expect(before.agenda.map((a) => a.title)).toEqual(['议题一', '议题二']);

    const e = await refused('topics.decide', { id: t1.id, outcome: 'deferred', note: '再议' });
    expect(e.message).toContain('纪要已印发');
    const t3 = await call('topics.propose', { meetingId: liaison.id, title: '议题三', unitId: civil });
    await refused('topics.decide', { id: t3.id, outcome: 'accepted' });
    // A topic not on the agenda may still be put aside.
    await call('topics.decide', { id: t3.id, outcome: 'dropped', note: '不属职责' });
    // Moving the liaison meeting (with its accepted topics) away from the issued meeting is refused as well.
    const other = await plenary('2026-11-28');
    await refused('meetings.update', {
      id: liaison.id,
      kind: 'liaison',
      date: '2026-11-10',
      time: '09:30',
      place: '市民政局会议室',
      chairKind: 'convener',
      preparesId: other.id,
    });

    await call('posts.replace', {
      postId: convener.postId,
      personName: '接任甲',
      title: '副市长',
      from: '2026-11-01',
    });
    const after = await call('meetings.get', { id: m.id });
    expect(after.chairName).toBe('马儒生');
    expect(after.chairTitle).toBe(before.chairTitle);
    expect(after.agenda).toEqual(before.agenda);
    expect(after.attendance).toEqual(before.attendance);
  });

  it('minutes issued before the chair was kept: the chair is the convener on the attendance they were issued with', async () => {
    const m = await plenary('2026-11-20');
    const convener = (await call('meetings.get', { id: m.id })).attendance.find(
      (r) => r.role === 'convener',
    )!;
    const draft = await call('minutes.draft', { meetingId: m.id });
    await call('minutes.issue', { id: draft.id, date: '2026-11-25' });
    // As kept by the earlier version: attendance, no chair, no agenda.
    const key = `minutes:${draft.id}`;
    const data = ctx.store!.get(ISSUED_DOCUMENT_ENTITY, key)!.v.data as Record<string, JsonValue>;
    const { chair: _chair, agenda: _agenda, ...older } = data;
    ctx.store!.commit([{ entity: ISSUED_DOCUMENT_ENTITY, id: key, set: { data: older } }], 'test');
    await call('posts.replace', {
      postId: convener.postId,
      personName: '接任甲',
      title: '副市长',
      from: '2026-11-01',
    });
    expect((await call('meetings.get', { id: m.id })).chairName).toBe('马儒生');
  });
});
