// 更正: a correction draft not yet issued can be withdrawn (the issued version stays in force and the meeting is
// read-only again); in 第N期 style a correction names the year of the number it corrects (「2026年第1期」).
import type { AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { callOn, cityOffice, CITY_MINUTES_SETTINGS, refusedOn, textOf } from './meeting-office';
import { cleanupTempDirs, fixedClock } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

let ctx: AppContext;
const clock = fixedClock(Date.UTC(2026, 5, 10, 2, 0, 0)); // 2026-06-10

const call = <K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => callOn(ctx, name, args);
const refused = <K extends ChannelName>(name: K, args: ArgsOf<K>) => refusedOn(ctx, name, args);

beforeEach(async () => {
  ({ ctx } = await cityOffice('corrections', clock));
  await call('minutes.setSettings', { numberStyle: 'qi', ...CITY_MINUTES_SETTINGS, copyTo: [...CITY_MINUTES_SETTINGS.copyTo] });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function issuedMeeting() {
  const m = await call('meetings.create', {
    kind: 'plenary',
    date: '2026-03-20',
    time: '15:00',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });
  const rows = (await call('meetings.get', { id: m.id })).attendance;
  await call('attendance.mark', { meetingId: m.id, postId: rows[0]!.postId, status: 'present' });
  const draft = await call('minutes.draft', { meetingId: m.id });
  const issued = await call('minutes.issue', { id: draft.id, date: '2026-03-25' });
  return { m, rows, draft, issued };
}

describe('更正', () => {
  it('a correction draft can be withdrawn: the issued minutes stay in force and the meeting is locked again', async () => {
    const { m, rows, draft, issued } = await issuedMeeting();
    expect(issued.number).toBe('第1期');
    // The first draft and an issued version are not corrections to withdraw.
    await refused('minutes.discardCorrection', { id: draft.id });
    const correction = await call('minutes.correct', { id: draft.id });
    expect((await call('meetings.get', { id: m.id })).minutesStatus).toBe('correcting');
    await call('attendance.mark', { meetingId: m.id, postId: rows[1]!.postId, status: 'present' });

    await call('minutes.discardCorrection', { id: correction.id });
    const after = await call('meetings.get', { id: m.id });
    expect(after.minutesStatus).toBe('issued');
    expect(after.minutes.map((v) => [v.version, v.status])).toEqual([[1, 'issued']]);
    expect((await refused('attendance.mark', { meetingId: m.id, postId: rows[2]!.postId, status: 'present' })).code).toBe(
      'LOCKED',
    );
    // Gone: neither saved nor issued, nor withdrawn twice.
    await refused('minutes.save', { id: correction.id, title: '标题', text: '正文', sendTo: [] });
    await refused('minutes.issue', { id: correction.id, date: '2026-04-01' });
    await refused('minutes.discardCorrection', { id: correction.id });

    // A new correction may be started again, and once issued it cannot be withdrawn.
    const again = await call('minutes.correct', { id: draft.id });
    const reissued = await call('minutes.issue', { id: again.id, date: '2026-04-01' });
    expect(reissued.number).toBe('第2期');
    await refused('minutes.discardCorrection', { id: again.id });
    // 第N期 does not say its year: the correction names it.
    const text = textOf((await call('print.render', { kind: 'minutes', id: m.id })).html);
    expect(text).toContain('本纪要系对2026年第1期纪要的更正');
    const view = await call('meetings.get', { id: m.id });
    expect(view.minutes.find((v) => v.id === again.id)!.corrects).toBe('2026年第1期');
  });

  it('a correction draft in 第N期 style already names the year it corrects', async () => {
    const { m, draft } = await issuedMeeting();
    const correction = await call('minutes.correct', { id: draft.id });
    const view = await call('meetings.get', { id: m.id });
    expect(view.minutes.find((v) => v.id === correction.id)!.corrects).toBe('2026年第1期');
  });
});
