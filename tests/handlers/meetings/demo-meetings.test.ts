// The demo office's meetings must not contradict themselves: the years their texts name follow the meeting's date
// (no 2026 plenary approving a 2024 report), the liaison meeting is chaired by the composition's office head of that
// day and lists the liaisons, each person is listed once, and the minutes read as minutes worth signing.
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
// After the dispatcher: the handlers reach the demo parts, and the parts the dispatcher.
import { demoParts } from '../../../electron/demo/parts';
import { initTestOffice } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(120_000);
afterEach(cleanupTempDirs);

async function demoOffice(now: number): Promise<AppContext> {
  const ctx = await openContext({
    dataDir: path.join(tempDir('demo-meetings'), 'data'),
    owner: 'test',
    clock: fixedClock(now),
  });
  await initTestOffice(ctx, {
    code: '445200',
    name: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    level: 'city',
  });
  // The composition (with a liaison in every unit) and the meetings; the children and tasks play no part here.
  for (const part of demoParts.filter((p) => p.name === 'composition' || p.name === 'meetings'))
    await part.seed(ctx);
  return ctx;
}

function caller(ctx: AppContext) {
  return async <K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => {
    const r = await dispatch(ctx, name, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as ResultOf<K>;
  };
}

// The demo's clock in the first half of a year (its plenary in January) and in the second (its plenary in October).
describe.each([
  ['February', Date.UTC(2026, 1, 20, 2, 0, 0)],
  ['November', Date.UTC(2026, 10, 28, 2, 0, 0)],
])('the demo meetings (today in %s)', (_label, now) => {
  it('name only years that fit the meeting date, and the liaison meeting is the office head’s, with the liaisons', async () => {
    const ctx = await demoOffice(now);
    try {
      const call = caller(ctx);
      const list = await call('meetings.list', {});
      expect(list.map((m) => m.kind).sort()).toEqual(['liaison', 'plenary', 'plenary']);
      for (const summary of list) {
        const m = await call('meetings.get', { id: summary.id });
        const year = Number(m.date.slice(0, 4));
        const texts = [
          ...m.topics.map((t) => t.title),
          ...m.decisions.map((d) => d.text),
          ...m.minutes.flatMap((v) => [v.title, v.text]),
        ].join('\n');
        // Years named on their own (full dates are the meeting's and deadlines, which may run into later years).
        const years = texts.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, '');
        for (const [, y] of years.matchAll(/(\d{4})年/g)) {
          expect(Number(y)).toBeGreaterThanOrEqual(year - 1);
          expect(Number(y)).toBeLessThanOrEqual(year + 1);
        }
        // A report on a year's work is about a year that has begun by the meeting.
        for (const [, y] of texts.matchAll(/(\d{4})年[^。\n]*?工作情况/g))
          expect(Number(y)).toBeLessThanOrEqual(year);
        expect(texts).not.toMatch(/\d:\d\d/);

        const names = m.attendance.map((a) => a.personName.replace(/\s/g, ''));
        expect(new Set(names).size).toBe(names.length);
        if (m.kind === 'liaison') {
          const c = await call('composition.get', { date: m.date });
          const head = c.posts.find((p) => p.role === 'officeHead')!;
          expect(m.chairName).toBe(head.personName);
          expect(m.chairTitle).toBe('联席会议办公室主任');
          expect(m.attendance.length).toBeGreaterThan(10);
          expect(m.attendance.every((a) => a.roleName === '联络员')).toBe(true);
          const liaisons = c.units.flatMap((u) => (u.liaison ? [u.liaison.name] : []));
          expect(m.attendance.map((a) => a.personName)).toEqual(liaisons);
          expect(m.attendance.some((a) => a.substitute)).toBe(true);
        } else {
          expect(names.filter((n) => n === '林小彭')).toHaveLength(1);
        }
        // Headings are whole sentences: each decided item's first sentence, never a clause cut at a comma.
        const issued = m.minutes.find((v) => v.status === 'issued');
        if (issued && m.decisions.length > 0) {
          const headings = issued.blocks
            .filter((b) => b.type === 'heading1')
            .map((b) => b.text.replace(/^[一二三四五六七八九十]+、/, ''));
          expect(headings).toEqual(m.decisions.map((d) => d.text.split('。')[0]));
        }
      }
      const plenary = list
        .filter((m) => m.kind === 'plenary')
        .sort((a, b) => b.date.localeCompare(a.date))[0]!;
      const html = (await call('print.render', { kind: 'minutes', id: plenary.id })).html.replace(
        /<[^>]+>/g,
        '',
      );
      expect(html).toMatch(/（郑锦涛代）/);
      expect(html).toContain('下午3时');
    } finally {
      await ctx.close();
    }
  });
});
