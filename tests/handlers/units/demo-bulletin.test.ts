// The demo office's issued bulletin agrees with its minutes: it is issued after the meetings, so the tasks the
// meetings decided are in it (an overdue one among the overdue), and a bulletin for an earlier period leaves out
// the tasks decided after that period's end.
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { demoParts } from '../../../electron/demo/parts';
import { initTestOffice } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(120_000);
afterEach(cleanupTempDirs);

let ctx: AppContext;
async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as ResultOf<K>;
}

it('the demo bulletin counts the tasks decided at its meetings, and a past bulletin only those that existed', async () => {
  ctx = await openContext({ dataDir: path.join(tempDir('demo-bulletin'), 'data'), owner: 'test', clock: fixedClock() });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', level: 'city' });
  for (const part of demoParts.filter((p) => p.name !== 'children' && p.name !== 'reports')) await part.seed(ctx);
  try {
    const [issued] = await call('bulletins.list', {});
    const b = await call('bulletins.get', { id: issued!.id });
    const inBulletin = new Map(
      b.content.units.flatMap((u) => [...u.completed, ...u.inProgress, ...u.overdue].map((l) => [l.taskId, l] as const)),
    );
    const tasks = await call('tasks.list', {});
    const decided = tasks.filter((t) => t.source.kind === 'decision');
    expect(decided.length).toBeGreaterThan(0);
    const meetings = new Map((await call('meetings.list', {})).map((m) => [m.id, m.date]));
    for (const t of decided) {
      const held = meetings.get(t.source.meetingId!)!;
      const open = t.status === '已逾期' || t.status === '进行中' || t.status === '未开始';
      if (held <= b.to && open) expect(inBulletin.has(t.id)).toBe(true);
      if (held > b.to) expect(inBulletin.has(t.id)).toBe(false);
      // Overdue in the minutes and on the task list → among the bulletin's overdue.
      if (t.status === '已逾期' && t.deadline < b.to && held <= b.to) expect(inBulletin.get(t.id)!.status).toBe('已逾期');
    }
    expect(decided.some((t) => t.status === '已逾期' && inBulletin.get(t.id)?.status === '已逾期')).toBe(true);

    // An earlier period: only the tasks decided at meetings held by its end.
    const past = await call('bulletins.create', { from: '2026-04-01', to: '2026-06-30' });
    const pastIds = new Set(past.content.units.flatMap((u) => [...u.completed, ...u.inProgress, ...u.overdue].map((l) => l.taskId)));
    for (const t of decided) if (meetings.get(t.source.meetingId!)! > '2026-06-30') expect(pastIds.has(t.id)).toBe(false);
    const before = await call('bulletins.create', { from: '2025-06-01', to: '2025-06-30' });
    expect(before.content.totals.tasks).toBe(0);
  } finally {
    await ctx.close();
  }
});
