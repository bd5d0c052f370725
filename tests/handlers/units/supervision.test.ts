// Supervision beyond "overdue" (issue 12 §5): 延期 keeps the original deadline and judges by the new one, a task's
// edits are kept as history, and a numbered 催办通知 is printed, recorded on the task and counted in the bulletin.
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { initTestOffice } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { elementHtml, rowsOf } from '../../unit/print/html-rows';

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
const text = (html: string) => html.replace(/<[^>]+>/g, '');

beforeEach(async () => {
  ctx = await openContext({ dataDir: tempDir('supervision'), owner: 'test', clock });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
  await call('composition.setup', { mode: 'template' });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

// Assigned on 2026-01-05: a bulletin or a 延期/催办 dated before the task existed is refused (or leaves it out).
const newTask = (deadline: string, assignedOn = '2026-01-05') =>
  call('tasks.create', { title: '配齐寄宿制学校生活管理教师', source: { kind: 'adhoc' }, leadUnitId: 'jiaoyu', coUnitIds: ['caizheng'], deadline, assignedOn });

describe('延期', () => {
  it('extends a deadline: the original stays visible and overdue is judged against the new one', async () => {
    const t = await newTask('2026-02-18');
    expect(t).toMatchObject({ status: '已逾期', daysLeft: -20, originalDeadline: null });
    const ext = await call('tasks.extend', { id: t.id, deadline: '2026-06-30', reason: '招聘计划需经编办审批', approvedBy: '召集人马儒生', from: '2026-03-01' });
    expect(ext).toMatchObject({ deadline: '2026-06-30', originalDeadline: '2026-02-18', status: '未开始' });
    expect(ext.extensions).toEqual([
      { deadline: '2026-06-30', previous: '2026-02-18', reason: '招聘计划需经编办审批', approvedBy: '召集人马儒生', from: '2026-03-01', by: '王管理' },
    ]);
    expect(await call('tasks.list', { overdue: true })).toEqual([]);
    // A second extension keeps the first deadline as the original.
    const again = await call('tasks.extend', { id: t.id, deadline: '2026-09-30', reason: '暑期招聘', approvedBy: '马儒生', from: '2026-03-10' });
    expect(again).toMatchObject({ deadline: '2026-09-30', originalDeadline: '2026-02-18' });
    expect(again.extensions.map((e) => e.previous)).toEqual(['2026-02-18', '2026-06-30']);
    const bad = await fails('tasks.extend', { id: t.id, deadline: '2026-08-01', reason: '', approvedBy: '', from: '2026-04-01' });
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['approvedBy', 'deadline', 'from', 'reason']);
    expect(bad.message).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('a bulletin judges a task by the deadline in force at the period end', async () => {
    const t = await newTask('2026-01-31');
    await call('tasks.extend', { id: t.id, deadline: '2026-06-30', reason: '待经费下达', approvedBy: '马儒生', from: '2026-03-05' });
    const feb = await call('bulletins.create', { from: '2026-02-01', to: '2026-02-28' });
    expect(feb.content.totals.overdue).toBe(1);
    expect(feb.content.units[0]!.overdue[0]).toMatchObject({ deadline: '2026-01-31' });
    expect(feb.content.units[0]!.overdue[0]!.originalDeadline).toBeUndefined();
    const mar = await call('bulletins.create', { from: '2026-03-01', to: '2026-03-09' });
    expect(mar.content.totals).toMatchObject({ overdue: 0, inProgress: 1 });
    expect(mar.content.units[0]!.inProgress[0]).toMatchObject({ deadline: '2026-06-30', originalDeadline: '2026-01-31' });
    expect(mar.content.supervision).toEqual({ urges: 0, urgedTasks: 0, extensions: 1 });
    const printed = text((await call('print.render', { kind: 'bulletin', id: mar.id })).html);
    expect(printed).toContain('原时限2026年1月31日');
    expect(printed).toContain('批准延期1项');
  });
});

describe('task edits', () => {
  it('edits a task with history (who, when, why, before and after) and refuses an empty edit', async () => {
    const t = await newTask('2026-06-30');
    const edited = await call('tasks.edit', { id: t.id, title: '配齐农村寄宿制学校生活管理教师', coUnitIds: ['caizheng', 'renshe'], reason: '按会议纪要措辞更正' });
    expect(edited.title).toBe('配齐农村寄宿制学校生活管理教师');
    expect(edited.coUnits.map((u) => u.name)).toEqual(['市财政局', '市人力资源社会保障局']);
    expect(edited.history).toEqual([
      {
        date: '2026-03-10',
        by: '王管理',
        reason: '按会议纪要措辞更正',
        changes: [
          { field: '督办事项', before: '配齐寄宿制学校生活管理教师', after: '配齐农村寄宿制学校生活管理教师' },
          { field: '配合单位', before: '市财政局', after: '市财政局、市人力资源社会保障局' },
        ],
      },
    ]);
    expect((await fails('tasks.edit', { id: t.id, title: '配齐农村寄宿制学校生活管理教师', reason: '无' })).message).toBe('没有修改任何内容。');
    expect((await fails('tasks.edit', { id: t.id, leadUnitId: 'caizheng', reason: '改牵头' })).fields).toHaveProperty('coUnitIds');
    expect((await fails('tasks.edit', { id: t.id, leadUnitId: 'minzheng', reason: ' ' })).fields).toHaveProperty('reason');
    expect((await call('tasks.get', { id: t.id })).history).toHaveLength(1);
  });
});

describe('催办', () => {
  it('numbers urging notices per year, prints them as A4 official documents, records them and counts them in the bulletin', async () => {
    const t = await newTask('2026-02-18');
    const first = await call('tasks.urge', { id: t.id, replyBy: '2026-03-20', text: '请说明逾期原因' });
    expect(first).toMatchObject({ year: 2026, number: 1, numberLabel: '催办〔2026〕1号', date: '2026-03-10', replyBy: '2026-03-20', by: '王管理' });
    const other = await call('tasks.create', { title: '开展安全教育', source: { kind: 'adhoc' }, leadUnitId: 'gongan', coUnitIds: [], deadline: '2026-05-01', assignedOn: '2025-12-01' });
    const second = await call('tasks.urge', { id: other.id, replyBy: '2026-03-31' });
    expect(second.numberLabel).toBe('催办〔2026〕2号');
    const lastYear = await call('tasks.urge', { id: other.id, date: '2025-12-30', replyBy: '2026-01-10' });
    expect(lastYear.numberLabel).toBe('催办〔2025〕1号');

    const task = await call('tasks.get', { id: t.id });
    expect(task.urgeCount).toBe(1);
    expect(task.urges.map((u) => u.numberLabel)).toEqual(['催办〔2026〕1号']);

    const printed = await call('print.render', { kind: 'urgeNotice', id: first.id });
    expect(printed.title).toBe('催办通知（催办〔2026〕1号）');
    expect(printed.html).toMatch(/size: 210mm 297mm/);
    const body = text(printed.html);
    expect(body).toContain('催办〔2026〕1号');
    expect(body).toContain('揭阳市农村留守儿童关爱保护工作联席会议办公室');
    // 主送机关 flush left (GB/T 9704-2012 §7.3.3): no indent on its row.
    expect(printed.html).toContain('<p class="para addressee"><span class="r">市教育局、市财政局：</span></p>');
    expect(body).toContain('已逾期20天');
    expect(body).toContain('请说明逾期原因。');
    expect(body).toContain('2026年3月20日前');
    // The printed notice is what was issued: a later edit of the task does not change it.
    await call('tasks.edit', { id: t.id, title: '另一个标题', reason: '更正' });
    expect((await call('print.render', { kind: 'urgeNotice', id: first.id })).html).toBe(printed.html);

    const bulletin = await call('bulletins.create', { from: '2026-03-01', to: '2026-03-10' });
    expect(bulletin.content.supervision).toEqual({ urges: 2, urgedTasks: 2, extensions: 0 });
    const line = bulletin.content.units.find((u) => u.unitId === 'jiaoyu')!.overdue[0]!;
    expect(line.urges).toBe(1);
    const btext = text((await call('print.render', { kind: 'bulletin', id: bulletin.id })).html);
    expect(btext).toContain('本期发出催办通知2份（涉及2项事项）');
    expect(btext).toContain('已催办1次');

    expect((await fails('tasks.urge', { id: t.id, replyBy: '2026-03-01' })).fields).toHaveProperty('replyBy');
    await call('tasks.report', { taskId: t.id, unitId: 'jiaoyu', date: '2026-03-10', text: '已配齐', final: true });
    expect((await fails('tasks.urge', { id: t.id, replyBy: '2026-03-20' })).code).toBe('REFUSED');
    expect((await fails('print.render', { kind: 'urgeNotice', id: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('dates before a task existed', () => {
  it('a bulletin for a past period leaves out a task assigned after its end', async () => {
    await newTask('2026-02-18', '2026-02-10');
    const jan = await call('bulletins.create', { from: '2026-01-01', to: '2026-01-31' });
    expect(jan.content.totals.tasks).toBe(0);
    const feb = await call('bulletins.create', { from: '2026-02-01', to: '2026-02-28' });
    expect(feb.content.totals).toMatchObject({ tasks: 1, overdue: 1 });
    // A task entered today without a 交办日期 dates from today.
    await call('tasks.create', { title: '开展安全教育', source: { kind: 'adhoc' }, leadUnitId: 'gongan', coUnitIds: [], deadline: '2026-05-01' });
    expect((await call('bulletins.create', { from: '2026-02-01', to: '2026-03-09' })).content.totals.tasks).toBe(1);
    expect((await fails('tasks.create', { title: '甲', source: { kind: 'adhoc' }, leadUnitId: 'gongan', coUnitIds: [], deadline: '2026-05-01', assignedOn: '2026-03-11' })).fields).toHaveProperty('assignedOn');
  });

  it('refuses a 延期 approved before the task existed or in the future, naming the date in Chinese', async () => {
    const t = await newTask('2026-03-02', '2026-02-10');
    const early = await fails('tasks.extend', { id: t.id, deadline: '2026-06-30', reason: '经费未到位', approvedBy: '马儒生', from: '2026-02-01' });
    expect(early.message).toBe('批准日期不能早于该事项交办（议定）的日期2026年2月10日。');
    const later = await fails('tasks.extend', { id: t.id, deadline: '2026-06-30', reason: '经费未到位', approvedBy: '马儒生', from: '2026-03-11' });
    expect(later.message).toBe('批准日期不能晚于今天（2026年3月10日）。');
    const short = await fails('tasks.extend', { id: t.id, deadline: '2026-03-01', reason: '经费未到位', approvedBy: '马儒生', from: '2026-03-05' });
    expect(short.fields?.deadline).toBe('新的完成时限应晚于现时限2026年3月2日。');
  });

  it('refuses a 催办 dated before the task existed, in the future, or before the year\'s last 催办', async () => {
    const t = await newTask('2026-02-18', '2026-02-10');
    expect((await fails('tasks.urge', { id: t.id, date: '2025-01-01', replyBy: '2026-03-20' })).message).toBe(
      '催办日期不能早于该事项交办（议定）的日期2026年2月10日。',
    );
    expect((await fails('tasks.urge', { id: t.id, date: '2026-03-11', replyBy: '2026-03-20' })).message).toContain('2026年3月10日');
    await call('tasks.urge', { id: t.id, date: '2026-03-05', replyBy: '2026-03-20' });
    const out = await fails('tasks.urge', { id: t.id, date: '2026-03-01', replyBy: '2026-03-20' });
    expect(out.message).toContain('催办〔2026〕1号，2026年3月5日');
    expect((await call('tasks.urge', { id: t.id, date: '2026-03-05', replyBy: '2026-03-20' })).numberLabel).toBe('催办〔2026〕2号');
  });
});

describe('催办通知 print', () => {
  const rows = (html: string, open: string, close: string) => rowsOf(elementHtml(html, open, close) ?? '').map((r) => r.text);

  it('signs with the office and the date, keeps words of the title whole, and mentions an earlier notice', async () => {
    const t = await call('tasks.create', {
      title: '开展农村留守儿童防溺水、防性侵安全教育',
      source: { kind: 'adhoc' },
      leadUnitId: 'jiaoyu',
      coUnitIds: ['gongan'],
      deadline: '2026-02-28',
      assignedOn: '2026-01-05',
    });
    const first = await call('tasks.urge', { id: t.id, date: '2026-03-02', replyBy: '2026-03-09' });
    const html = (await call('print.render', { kind: 'urgeNotice', id: first.id })).html;
    // 发文机关署名 and 成文日期 after 「特此通知。」 (GB/T 9704-2012 §7.3.5.1), with two lines left for the seal.
    const sig = rows(html, '<div class="signature">', '</div>');
    expect(sig).toEqual(['', '', '揭阳市农村留守儿童关爱保护工作联席会议办公室', '2026年3月2日']);
    expect(text(html).indexOf('特此通知。')).toBeLessThan(text(html).indexOf('揭阳市农村留守儿童关爱保护工作联席会议办公室2026年3月2日'));
    // The title breaks between words, never inside 「防溺水」.
    const title = rows(html, '<h1 class="title">', '</h1>');
    expect(title.length).toBe(2);
    for (const word of ['防溺水', '留守儿童', '防性侵', '安全教育']) expect(title.some((l) => l.includes(word))).toBe(true);
    expect(text(html)).not.toContain('此前已于');

    // A second notice names the first; a 催办要求 naming its own date replaces the standard 「并于…前报送」 sentence.
    const second = await call('tasks.urge', { id: t.id, date: '2026-03-10', replyBy: '2026-03-20', text: '请于3月15日前说明逾期原因' });
    const body = text((await call('print.render', { kind: 'urgeNotice', id: second.id })).html);
    expect(body).toContain('此前已于2026年3月2日发出催办〔2026〕1号，至今未见回复。');
    expect(body).toContain('请于3月15日前说明逾期原因。');
    expect(body).not.toContain('2026年3月20日前');
    expect(body).toContain('请你单位高度重视，抓紧推进落实。');
  });
});

describe('bulletin wording', () => {
  it('names who leads and never doubles the full stop after a title ending in 。', async () => {
    await call('tasks.create', {
      title: '建立困境儿童结对帮扶制度。',
      source: { kind: 'adhoc' },
      leadUnitId: 'minzheng',
      coUnitIds: ['jiaoyu'],
      deadline: '2027-02-05',
      assignedOn: '2026-01-05',
    });
    const b = await call('bulletins.create', { from: '2026-01-01', to: '2026-03-09' });
    const body = text((await call('print.render', { kind: 'bulletin', id: b.id })).html);
    expect(body).toContain('1.建立困境儿童结对帮扶制度（市民政局牵头，时限2027年2月5日）。尚未报送进展情况。');
    expect(body).toContain('1.建立困境儿童结对帮扶制度（市民政局牵头，市教育局配合，时限2027年2月5日）。');
    expect(body).not.toContain('。（');
  });
});

describe('a bulletin judges tasks as they stood then', () => {
  it('an edit made after the period does not change the title or units of that period', async () => {
    const t = await newTask('2026-06-30');
    await call('tasks.edit', { id: t.id, title: '配齐农村寄宿制学校生活管理教师', leadUnitId: 'renshe', coUnitIds: ['caizheng', 'jiaoyu'], reason: '更正' });
    const feb = await call('bulletins.create', { from: '2026-02-01', to: '2026-02-28' });
    expect(feb.content.units.map((u) => u.unitId)).toEqual(['jiaoyu', 'caizheng']);
    expect(feb.content.units[0]!.inProgress[0]).toMatchObject({ title: '配齐寄宿制学校生活管理教师', role: '牵头' });
    const now = await call('bulletins.create', { from: '2026-03-01', to: '2026-03-10' });
    expect(now.content.units.find((u) => u.unitId === 'renshe')!.inProgress[0]).toMatchObject({ title: '配齐农村寄宿制学校生活管理教师', role: '牵头' });
  });
});
