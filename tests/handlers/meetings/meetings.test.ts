// Meetings through the real dispatcher on a real store: composition from the notice's template, a liaison meeting,
// the plenary it prepares, attendance as of the meeting date, decided items with their tasks, minutes and the CLI.
import { initTestOffice, openSignedIn } from '../../helpers/office';
import fs from 'node:fs';
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { runCli } from '../../../electron/cli/run';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
let ctx: AppContext;
let dataDir: string;
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
  dataDir = path.join(tempDir('meetings'), 'data');
  ctx = await openContext({ dataDir, owner: 'test', clock });
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

async function units() {
  const c = await call('composition.get', { date: '2025-01-01' });
  const find = (part: string) => c.units.find((u) => u.name.includes(part))!.id;
  return {
    civil: find('民政'),
    education: find('教育'),
    police: find('公安'),
    finance: find('财政'),
    women: find('妇联'),
  };
}

async function heldMeetings() {
  const u = await units();
  const plenary = await call('meetings.create', {
    kind: 'plenary',
    date: '2025-03-20',
    time: '上午9:30',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });
  const liaison = await call('meetings.create', {
    kind: 'liaison',
    date: '2025-03-10',
    place: '市民政局会议室',
    chairKind: 'delegate',
    chairName: '陈志远',
    chairTitle: '办公室主任',
    preparesId: plenary.id,
  });
  return { u, plenary, liaison };
}

describe('meetings', () => {
  it('validates kinds: 临时会议 needs who asked, a delegate needs a name, a liaison meeting comes first', async () => {
    const e1 = await fails('meetings.create', {
      kind: 'adhoc',
      date: '2025-03-01',
      place: '会议室',
      chairKind: 'convener',
    });
    expect(e1.fields).toHaveProperty('requestedBy');
    const e2 = await fails('meetings.create', {
      kind: 'plenary',
      date: '2025-03-01',
      place: '会议室',
      chairKind: 'delegate',
    });
    expect(e2.fields).toHaveProperty('chairName');
    const { plenary } = await heldMeetings();
    const e3 = await fails('meetings.create', {
      kind: 'liaison',
      date: '2025-03-25',
      place: '会议室',
      chairKind: 'convener',
      preparesId: plenary.id,
    });
    expect(e3.fields).toHaveProperty('date');
    const adhoc = await call('meetings.create', {
      kind: 'adhoc',
      date: '2025-04-01',
      place: '会议室',
      chairKind: 'convener',
      requestedBy: '分管副市长批示',
    });
    expect((await call('meetings.get', { id: adhoc.id })).requestedBy).toBe('分管副市长批示');
  });

  it('liaison meeting decides topics; the plenary agenda takes accepted ones and open tasks from earlier meetings', async () => {
    const { u, plenary, liaison } = await heldMeetings();
    const earlier = await call('meetings.create', {
      kind: 'plenary',
      date: '2024-03-01',
      place: '会议室',
      chairKind: 'convener',
    });
    const open = await call('decisions.create', {
      meetingId: earlier.id,
      text: '建立台账季度更新机制',
      leadUnitId: u.civil,
      coUnitIds: [],
      deadline: '2024-12-31',
      major: false,
    });
    const done = await call('decisions.create', {
      meetingId: earlier.id,
      text: '开展专项排查',
      leadUnitId: u.education,
      coUnitIds: [],
      deadline: '2024-12-31',
      major: false,
    });
    await call('tasks.report', {
      taskId: done.taskId,
      unitId: u.education,
      date: '2024-06-01',
      text: '已完成排查',
      final: true,
    });

    const ids: string[] = [];
    for (const [title, unitId] of [
      ['年度工作安排', u.civil],
      ['强制报告机制', u.police],
      ['心理服务试点', u.women],
    ] as const)
      ids.push((await call('topics.propose', { meetingId: liaison.id, title, unitId })).id);
    await call('topics.decide', { id: ids[0]!, outcome: 'accepted', note: '提交全体会议' });
    await call('topics.decide', { id: ids[1]!, outcome: 'accepted' });
    const noReason = await fails('topics.decide', { id: ids[2]!, outcome: 'deferred' });
    expect(noReason.fields).toHaveProperty('note');
    await call('topics.decide', { id: ids[2]!, outcome: 'deferred', note: '待试点县确定' });

    const detail = await call('meetings.get', { id: plenary.id });
    expect(detail.preparedBy.map((p) => p.id)).toEqual([liaison.id]);
    expect(detail.agenda.map((a) => a.title)).toEqual([
      '年度工作安排',
      '强制报告机制',
      '建立台账季度更新机制',
    ]);
    expect(detail.agenda[2]).toMatchObject({ kind: 'carried', status: '已逾期', taskId: open.taskId });
    const l = await call('meetings.get', { id: liaison.id });
    expect(l.topics.map((t) => [t.title, t.outcome])).toEqual([
      ['年度工作安排', 'accepted'],
      ['强制报告机制', 'accepted'],
      ['心理服务试点', 'deferred'],
    ]);
    expect(l.preparesId).toBe(plenary.id);
  });

  it('attendance lists who held a post on the meeting date, not who holds it now', async () => {
    const { plenary } = await heldMeetings();
    const before = await call('meetings.get', { id: plenary.id });
    const post = before.attendance.find((a) => a.role === 'member')!;
    // A successor takes over after the meeting: the meeting keeps its attendee.
    await call('posts.replace', {
      postId: post.postId,
      personName: '接任者',
      title: '市某局局长',
      from: '2025-04-01',
    });
    const after = await call('meetings.get', { id: plenary.id });
    expect(after.attendance.map((a) => a.personName)).toEqual(before.attendance.map((a) => a.personName));
    expect(after.attendance.some((a) => a.personName === '接任者')).toBe(false);
    const later = await call('meetings.create', {
      kind: 'adhoc',
      date: '2025-04-05',
      place: '会议室',
      chairKind: 'convener',
      requestedBy: '工作需要',
    });
    const names = (await call('meetings.get', { id: later.id })).attendance.map((a) => a.personName);
    expect(names).toContain('接任者');
    expect(names).not.toContain(post.personName);

    await call('attendance.mark', { meetingId: plenary.id, postId: post.postId, status: 'present' });
    const absentNoReason = await fails('attendance.mark', {
      meetingId: plenary.id,
      postId: before.attendance[1]!.postId,
      status: 'absent',
    });
    expect(absentNoReason.fields).toHaveProperty('reason');
    await call('attendance.mark', {
      meetingId: plenary.id,
      postId: before.attendance[1]!.postId,
      status: 'absent',
      reason: '出差',
    });
    const a = await call('attendance.addAttending', {
      meetingId: plenary.id,
      name: '林晓红',
      unit: '榕城区民政局',
      title: '局长',
    });
    const marked = await call('meetings.get', { id: plenary.id });
    expect(marked.attendance.find((x) => x.postId === post.postId)!.status).toBe('present');
    expect(marked.attendance[1]).toMatchObject({ status: 'absent', reason: '出差' });
    expect(marked.attending).toEqual([{ id: a.id, name: '林晓红', unit: '榕城区民政局', title: '局长' }]);
    await call('attendance.removeAttending', { id: a.id });
    expect((await call('meetings.get', { id: plenary.id })).attending).toEqual([]);
  });

  it('a decided item and its task are one batch; a major matter waits for approval', async () => {
    const { u, plenary } = await heldMeetings();
    const opsBefore = ctx.store!.counts().operations;
    const d = await call('decisions.create', {
      meetingId: plenary.id,
      text: '经费纳入预算',
      leadUnitId: u.finance,
      coUnitIds: [u.civil],
      deadline: '2025-09-30',
      major: true,
    });
    expect(ctx.store!.counts().operations - opsBefore).toBe(2);
    expect(ctx.store!.get('task', d.taskId)!.v).toMatchObject({
      source: { kind: 'decision', meetingId: plenary.id, decisionId: d.id },
      heldForApproval: true,
    });
    let view = (await call('meetings.get', { id: plenary.id })).decisions[0]!;
    expect(view).toMatchObject({ approval: 'pending', taskStatus: '待报批', leadUnitName: '市财政局' });

    const bad = await fails('decisions.create', {
      meetingId: plenary.id,
      text: '事项',
      leadUnitId: u.civil,
      coUnitIds: [u.civil],
      deadline: '2025-09-30',
      major: false,
    });
    expect(bad.fields).toHaveProperty('coUnitIds');
    expect(ctx.store!.counts().operations - opsBefore).toBe(2);

    await call('decisions.approve', {
      id: d.id,
      outcome: 'approved',
      date: '2025-03-25',
      approver: '市人民政府',
    });
    view = (await call('meetings.get', { id: plenary.id })).decisions[0]!;
    expect(view).toMatchObject({
      approval: 'approved',
      approvalDate: '2025-03-25',
      approver: '市人民政府',
      taskStatus: '未开始',
    });
    expect(
      (
        await fails('decisions.approve', {
          id: d.id,
          outcome: 'rejected',
          date: '2025-03-26',
          approver: '市人民政府',
        })
      ).code,
    ).toBe('REFUSED');

    const r = await call('decisions.create', {
      meetingId: plenary.id,
      text: '另一事项',
      leadUnitId: u.civil,
      coUnitIds: [],
      deadline: '2025-09-30',
      major: true,
    });
    await call('decisions.approve', {
      id: r.id,
      outcome: 'rejected',
      date: '2025-03-26',
      approver: '市人民政府',
    });
    expect((await call('meetings.get', { id: plenary.id })).decisions[1]).toMatchObject({
      approval: 'rejected',
      taskStatus: '已撤销',
    });
  });

  it('minutes: drafted, saved, issued with a number, locked, corrected as a new version; CLI list and html', async () => {
    const { u, plenary } = await heldMeetings();
    await call('decisions.create', {
      meetingId: plenary.id,
      text: '会议同意年度工作安排，请各单位抓好落实。',
      leadUnitId: u.civil,
      coUnitIds: [u.education],
      deadline: '2025-09-30',
      major: false,
    });
    await call('minutes.setSettings', {
      numberStyle: 'hao',
      copyLabel: '抄送',
      copyTo: ['市人民政府办公室'],
      mark: '揭阳市农村留守儿童关爱保护工作联席会议纪要',
      issuer: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    });
    const draft = await call('minutes.draft', { meetingId: plenary.id });
    expect((await fails('minutes.draft', { meetingId: plenary.id })).code).toBe('CONFLICT');
    let detail = await call('meetings.get', { id: plenary.id });
    expect(detail.minutesStatus).toBe('draft');
    const v1 = detail.minutes[0]!;
    expect(v1.text).toContain('一、会议同意年度工作安排');
    expect(v1.sendTo).toEqual(expect.arrayContaining(['市民政局', '市教育局']));
    await call('minutes.save', {
      id: draft.id,
      title: v1.title,
      text: `${v1.text}\n二、其他事项\n会议还研究了其他事项。`,
      sendTo: v1.sendTo,
    });
    const early = await fails('minutes.issue', { id: draft.id, date: '2025-03-01' });
    expect(early.fields).toHaveProperty('date');
    expect(await call('minutes.issue', { id: draft.id, date: '2025-03-22' })).toEqual({
      id: draft.id,
      number: '〔2025〕1号',
    });
    expect((await fails('minutes.save', { id: draft.id, title: 'x', text: 'y', sendTo: [] })).code).toBe(
      'LOCKED',
    );

    const html1 = (await call('print.render', { kind: 'minutes', id: plenary.id })).html;
    expect(textOf(html1)).toContain('〔2025〕1号');
    expect(textOf(html1)).toContain('二、其他事项');
    expect(textOf(html1)).toContain('抄送：市人民政府办公室。');

    const fix = await call('minutes.correct', { id: draft.id });
    expect((await fails('minutes.correct', { id: draft.id })).code).toBe('CONFLICT');
    detail = await call('meetings.get', { id: plenary.id });
    expect(detail.minutesStatus).toBe('correcting');
    await call('minutes.save', {
      id: fix.id,
      title: v1.title,
      text: `${detail.minutes[1]!.text}\n会议要求按时报送进展。`,
      sendTo: v1.sendTo,
    });
    // Until the correction is issued, the minutes in force are still version 1.
    expect((await call('print.render', { kind: 'minutes', id: plenary.id })).html).toBe(html1);
    await call('minutes.issue', { id: fix.id, date: '2025-04-02' });
    detail = await call('meetings.get', { id: plenary.id });
    expect(detail.minutes.map((m) => [m.version, m.status, m.number])).toEqual([
      [1, 'superseded', '〔2025〕1号'],
      [2, 'issued', '〔2025〕2号'],
    ]);
    // The correction is a document of its own, numbered, naming what it corrects; the corrected one still prints
    // exactly as it was issued.
    const corrected = (await call('print.render', { kind: 'minutes', id: plenary.id })).html;
    expect(textOf(corrected)).toContain('〔2025〕2号');
    expect(textOf(corrected)).toContain('本纪要系对〔2025〕1号纪要的更正，原纪要同时作废。');
    const old = await call('print.render', { kind: 'minutes', id: plenary.id, options: { version: 1 } });
    expect(old.html).toBe(html1);

    const signIn = await call('print.render', { kind: 'signInSheet', id: plenary.id });
    expect(textOf(signIn.html)).toContain('2025年第一次全体会议签到表');

    const rendered = (await call('print.render', { kind: 'minutes', id: plenary.id })).html;
    await ctx.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), clock };
    expect(await runCli(['meetings', 'list', '--data', dataDir, '--json'], io)).toBe(0);
    const list = JSON.parse(out.join('')) as {
      id: string;
      kind: string;
      date: string;
      minutesStatus: string;
    }[];
    expect(list.map((m) => [m.kind, m.date, m.minutesStatus])).toEqual([
      ['plenary', '2025-03-20', 'issued'],
      ['liaison', '2025-03-10', 'none'],
    ]);
    const file = path.join(path.dirname(dataDir), 'out', 'minutes.html');
    expect(await runCli(['minutes', 'html', '--data', dataDir, plenary.id, '--out', file], io)).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(rendered);
    expect(await runCli(['minutes', 'html', '--data', dataDir, 'nope', '--out', file], io)).toBe(1);
    ctx = await openSignedIn({ dataDir, owner: 'test', clock });
  });
});
