// Issue 12 (1, 2): an issued document is frozen, and numbering cannot collide. Through the real dispatcher on a real
// store: after 印发 the minutes, the sign-in sheet and a bulletin reprint byte for byte whatever changes afterwards;
// attendance, decisions and topics of the meeting are refused (Chinese message, nothing written); 第N次 and the
// minutes' number are fixed at issue, drafts follow the live 第N次, a number given by hand that is already used is
// refused, and a correction is a new numbered document that names what it corrects.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/app/context';
import { runCli } from '../../../electron/cli/run';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { ISSUED_DOCUMENT_ENTITY } from '../../../electron/domain/issued/issued-documents';
import { openSignedIn } from '../../helpers/office';
import { callOn, cityOffice, CITY_MINUTES_SETTINGS, refusedOn, textOf } from './meeting-office';
import { cleanupTempDirs, fixedClock } from '../../helpers/temp-dir';

jest.setTimeout(60_000);

let ctx: AppContext;
let dataDir: string;
const clock = fixedClock(Date.UTC(2026, 5, 10, 2, 0, 0)); // 2026-06-10

const call = <K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => callOn(ctx, name, args);
const refused = <K extends ChannelName>(name: K, args: ArgsOf<K>) => refusedOn(ctx, name, args);
const print = async (kind: string, id: string, options?: Record<string, unknown>) =>
  (await call('print.render', options ? { kind, id, options } : { kind, id })).html;

beforeEach(async () => {
  ({ ctx, dataDir } = await cityOffice('issued', clock));
  await call('minutes.setSettings', { numberStyle: 'hao', ...CITY_MINUTES_SETTINGS, copyTo: [...CITY_MINUTES_SETTINGS.copyTo] });
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
    time: '上午9:30',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });

/** A plenary with attendance marked (出席, 请假, two 列席), a decided item and a topic, its minutes issued. */
async function issuedPlenary() {
  const civil = await unitId('民政');
  const m = await plenary('2026-03-20');
  const rows = (await call('meetings.get', { id: m.id })).attendance;
  await call('attendance.mark', { meetingId: m.id, postId: rows[0]!.postId, status: 'present' });
  await call('attendance.mark', {
    meetingId: m.id,
    postId: rows[1]!.postId,
    status: 'absent',
    reason: '出差',
  });
  await call('attendance.mark', { meetingId: m.id, postId: rows[2]!.postId, status: 'present' });
  const a1 = await call('attendance.addAttending', {
    meetingId: m.id,
    name: '林晓红',
    unit: '榕城区民政局',
    title: '局长',
  });
  await call('attendance.addAttending', {
    meetingId: m.id,
    name: '黄伟明',
    unit: '普宁市民政局',
    title: '副局长',
  });
  await call('topics.propose', { meetingId: m.id, title: '年度工作安排', unitId: civil });
  await call('decisions.create', {
    meetingId: m.id,
    text: '会议同意年度工作安排。',
    leadUnitId: civil,
    coUnitIds: [],
    deadline: '2026-09-30',
    major: false,
  });
  const draft = await call('minutes.draft', { meetingId: m.id });
  const issued = await call('minutes.issue', { id: draft.id, date: '2026-03-25' });
  return { m, rows, a1, draft, issued, civil };
}

describe('an issued document is frozen', () => {
  it('after 印发 the minutes and the sign-in sheet reprint byte for byte, whatever changes; edits are refused', async () => {
    const { m, rows, a1, draft, issued, civil } = await issuedPlenary();
    expect(issued.number).toBe('〔2026〕1号');
    const minutes1 = await print('minutes', m.id);
    const sheet1 = await print('signInSheet', m.id);
    const text1 = textOf(minutes1);
    expect(text1).toContain('〔2026〕1号');
    expect(text1).toContain('马儒生');
    expect(text1).toMatch(/请假：/);
    expect(text1).toMatch(/列席：/);
    expect(text1).toContain('林晓红');
    expect(textOf(sheet1)).toContain('马儒生');

    // Kept as issued: the page, the data it was laid out from, the hash of the page.
    const kept = ctx.store!.get(ISSUED_DOCUMENT_ENTITY, `minutes:${draft.id}`)!.v;
    expect(kept.html).toBe(minutes1);
    expect(kept.hash).toBe(`sha256:${createHash('sha256').update(minutes1, 'utf8').digest('hex')}`);
    expect(kept.data).toMatchObject({
      document: { kind: 'minutes', number: '〔2026〕1号' },
      meetingName: '2026年第一次全体会议',
    });
    expect(ctx.store!.get(ISSUED_DOCUMENT_ENTITY, `signInSheet:${m.id}`)!.v.html).toBe(sheet1);

    // The probe: one more person 出席, a 列席 person deleted, a decision added, a topic added — all refused.
    const locked = await refused('attendance.mark', {
      meetingId: m.id,
      postId: rows[3]!.postId,
      status: 'present',
    });
    expect(locked.code).toBe('LOCKED');
    expect(locked.message).toContain('纪要已印发');
    await refused('attendance.mark', { meetingId: m.id, postId: rows[1]!.postId, status: 'present' });
    await refused('attendance.removeAttending', { id: a1.id });
    await refused('attendance.addAttending', { meetingId: m.id, name: '张三', unit: '市某局' });
    expect(
      (
        await refused('decisions.create', {
          meetingId: m.id,
          text: '印发后补记的事项。',
          leadUnitId: civil,
          coUnitIds: [],
          deadline: '2026-12-31',
          major: false,
        })
      ).code,
    ).toBe('LOCKED');
    await refused('topics.propose', { meetingId: m.id, title: '补充议题', unitId: civil });
    await refused('meetings.update', {
      id: m.id,
      kind: 'plenary',
      date: '2026-03-21',
      place: '别处',
      chairKind: 'convener',
    });

    // Real life moves on: the convener replaced, dated back before the meeting; a unit renamed.
    const convener = rows.find((r) => r.personName === '马儒生')!;
    await call('posts.replace', {
      postId: convener.postId,
      personName: '接任者',
      title: '副市长',
      from: '2026-01-01',
    });
    await call('units.rename', { unitId: civil, name: '市民政和社会事务局', from: '2026-01-01' });
    const police = await unitId('公安');
    ctx.store!.commit([{ entity: 'unit', id: police, set: { name: '市公安和交通管理局' } }], 'test');
    // …and the office changes its minutes settings and the joint meeting's name.
    await call('minutes.setSettings', {
      numberStyle: 'qi',
      copyLabel: '抄送',
      copyTo: ['市人民政府办公室'],
      mark: '揭阳市未成年人保护工作联席会议纪要',
      issuer: '揭阳市未成年人保护工作联席会议办公室',
    });
    ctx.store!.commit(
      [{ entity: 'body', id: 'body', set: { name: '揭阳市未成年人保护工作联席会议' } }],
      'test',
    );

    expect(await print('minutes', m.id)).toBe(minutes1);
    expect(await print('signInSheet', m.id)).toBe(sheet1);
    expect(await print('minutes', m.id, { version: 1 })).toBe(minutes1);
    // The page shows who attended as the minutes say.
    const after = await call('meetings.get', { id: m.id });
    expect(after.attendance.map((a) => a.personName)).toContain('马儒生');
    expect(after.attendance.map((a) => a.personName)).not.toContain('接任者');
    expect(after.attending.map((a) => a.name)).toEqual(['林晓红', '黄伟明']);
    expect(after.name).toBe('2026年第一次全体会议');

    // The CLI writes the very same bytes.
    await ctx.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), clock };
    const file = path.join(path.dirname(dataDir), 'out', 'minutes.html');
    expect(await runCli(['minutes', 'html', '--data', dataDir, m.id, '--out', file], io)).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(minutes1);
    ctx = await openSignedIn({ dataDir, owner: 'test', clock });
  });

  it('a kept page that no longer matches its hash is refused, never printed', async () => {
    const { m, draft } = await issuedPlenary();
    const html = await print('minutes', m.id);
    ctx.store!.commit(
      [
        {
          entity: ISSUED_DOCUMENT_ENTITY,
          id: `minutes:${draft.id}`,
          set: { html: html.replace('马儒生', '某某某') },
        },
      ],
      'test',
    );
    const r = await dispatch(ctx, 'print.render', { kind: 'minutes', id: m.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('校验值不符');
    // guanai doctor names it.
    await ctx.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), clock };
    expect(await runCli(['doctor', '--data', dataDir, '--json'], io)).toBe(3);
    const report = JSON.parse(out.join('').slice(out.join('').indexOf('{'))) as { problems: string[] };
    expect(report.problems).toEqual([expect.stringMatching(/^印发存档的会议纪要“.+”与印发时的校验值不符/)]);
    ctx = await openSignedIn({ dataDir, owner: 'test', clock });
  });

  it('a correction is a new numbered document naming what it corrects; the corrected one still prints as issued', async () => {
    const { m, draft, rows } = await issuedPlenary();
    const first = await print('minutes', m.id);
    // A second meeting's minutes take 2号 meanwhile.
    const other = await plenary('2026-04-20');
    await call('minutes.issue', {
      id: (await call('minutes.draft', { meetingId: other.id })).id,
      date: '2026-04-22',
    });

    const fix = await call('minutes.correct', { id: draft.id });
    let detail = await call('meetings.get', { id: m.id });
    expect(detail.minutesStatus).toBe('correcting');
    expect(detail.minutes[1]).toMatchObject({ status: 'draft', corrects: '〔2026〕1号' });
    // While the correction is open, what it corrects may be put right (here: attendance); the issued page stays.
    await call('attendance.mark', {
      meetingId: m.id,
      postId: rows[3]!.postId,
      status: 'absent',
      reason: '病假',
    });
    expect(await print('minutes', m.id, { version: 1 })).toBe(first);
    await call('minutes.save', {
      id: fix.id,
      title: detail.minutes[1]!.title,
      text: `${detail.minutes[1]!.text}\n会议要求按时报送进展。`,
      sendTo: detail.minutes[1]!.sendTo,
    });
    expect((await call('minutes.issue', { id: fix.id, date: '2026-05-06' })).number).toBe('〔2026〕3号');
    detail = await call('meetings.get', { id: m.id });
    expect(detail.minutes.map((v) => [v.version, v.status, v.number, v.corrects ?? null])).toEqual([
      [1, 'superseded', '〔2026〕1号', null],
      [2, 'issued', '〔2026〕3号', '〔2026〕1号'],
    ]);
    expect(detail.minutesNumber).toBe('〔2026〕3号');
    const corrected = await print('minutes', m.id);
    expect(textOf(corrected)).toContain('本纪要系对〔2026〕1号纪要的更正，原纪要同时作废。');
    expect(textOf(corrected)).toContain('会议要求按时报送进展。');
    expect(textOf(corrected)).toContain('病假');
    expect(await print('minutes', m.id, { version: 1 })).toBe(first);
    // Issued again: locked again.
    await refused('attendance.mark', { meetingId: m.id, postId: rows[3]!.postId, status: 'present' });
    expect(await print('minutes', m.id)).toBe(corrected);
  });

  it('an issued bulletin reprints byte for byte after its tasks and units change', async () => {
    const civil = await unitId('民政');
    const task = await call('tasks.create', {
      title: '开展摸底排查',
      source: { kind: 'adhoc' },
      leadUnitId: civil,
      coUnitIds: [],
      deadline: '2026-05-31',
      assignedOn: '2026-04-01',
    });
    await call('tasks.report', {
      taskId: task.id,
      unitId: civil,
      date: '2026-05-10',
      text: '已完成一半',
      final: false,
    });
    const b = await call('bulletins.create', { from: '2026-04-01', to: '2026-05-31', date: '2026-06-01' });
    const page = await print('bulletin', b.id);
    expect(ctx.store!.get(ISSUED_DOCUMENT_ENTITY, `bulletin:${b.id}`)!.v.html).toBe(page);
    expect(textOf(page)).toContain('市民政局');
    await call('tasks.report', {
      taskId: task.id,
      unitId: civil,
      date: '2026-06-05',
      text: '已全部完成',
      final: true,
    });
    ctx.store!.commit([{ entity: 'unit', id: civil, set: { name: '市民政和社会事务局' } }], 'test');
    ctx.store!.commit(
      [{ entity: 'body', id: 'body', set: { name: '另一个名称联席会议', level: 'county' } }],
      'test',
    );
    expect(await print('bulletin', b.id)).toBe(page);
  });
});

describe('numbering that cannot collide', () => {
  it('a meeting registered before others renumbers the drafts live; an issued 第N次 never moves and is never shared', async () => {
    // The probe: 第一次 issued, 第二次 with a draft; a meeting dated between them is registered.
    const first = await plenary('2026-01-10');
    await call('minutes.issue', {
      id: (await call('minutes.draft', { meetingId: first.id })).id,
      date: '2026-01-12',
    });
    const second = await plenary('2026-04-10');
    const secondDraft = await call('minutes.draft', { meetingId: second.id });
    let v = (await call('meetings.get', { id: second.id })).minutes[0]!;
    expect(v.title).toBe('2026年第二次全体会议纪要');
    expect(v.text).toContain('2026年第二次全体会议');

    const between = await plenary('2026-02-10');
    const name = async (id: string) => (await call('meetings.get', { id })).name;
    expect(await name(second.id)).toBe('2026年第三次全体会议');
    v = (await call('meetings.get', { id: second.id })).minutes[0]!;
    expect(v.title).toBe('2026年第三次全体会议纪要');
    expect(v.text).toContain('2026年第三次全体会议');
    expect(v.text).not.toContain('第二次');
    // The draft's print follows too.
    expect(textOf(await print('minutes', second.id))).toContain('2026年第三次全体会议纪要');

    // A meeting dated before the issued 第一次: the issued one keeps its ordinal, the new one takes a free one.
    const earliest = await plenary('2026-01-05');
    expect(await name(first.id)).toBe('2026年第一次全体会议');
    const names = (await call('meetings.list', {})).filter((m) => m.kind === 'plenary').map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(
      ['2026年第一次全体会议', '2026年第二次全体会议', '2026年第三次全体会议', '2026年第四次全体会议'].sort(),
    );
    expect(await name(earliest.id)).toBe('2026年第二次全体会议');
    expect(await name(between.id)).toBe('2026年第三次全体会议');
    expect(await name(second.id)).toBe('2026年第四次全体会议');

    // Issuing fixes the live name: the issued title and text say what the page now says.
    await call('minutes.issue', { id: secondDraft.id, date: '2026-04-12' });
    const issued = (await call('meetings.get', { id: second.id })).minutes[0]!;
    expect(issued.title).toBe('2026年第四次全体会议纪要');
    expect(issued.text).toContain('2026年第四次全体会议');
    const page = await print('minutes', second.id);
    await plenary('2026-01-01');
    expect(await name(second.id)).toBe('2026年第四次全体会议');
    expect(await print('minutes', second.id)).toBe(page);
    // Every minutes title names its own meeting, and no two meetings share a name.
    const all = await call('meetings.list', {});
    expect(new Set(all.map((m) => m.name)).size).toBe(all.length);
    for (const m of all) {
      const d = await call('meetings.get', { id: m.id });
      for (const version of d.minutes) expect(version.title).toBe(`${m.name}纪要`);
    }
    // An issued meeting cannot be moved to another year (its 第N次 belongs to its year).
    await refused('meetings.update', {
      id: second.id,
      kind: 'plenary',
      date: '2025-12-01',
      place: '会议室',
      chairKind: 'convener',
    });
  });

  it('a draft saved from a form kept from before a renumbering still follows the live name', async () => {
    const a = await plenary('2026-03-01');
    const draft = await call('minutes.draft', { meetingId: a.id });
    const stale = (await call('meetings.get', { id: a.id })).minutes[0]!;
    expect(stale.title).toBe('2026年第一次全体会议纪要');
    await plenary('2026-02-01');
    // Saved as the form held it: still 第一次 in its text.
    await call('minutes.save', {
      id: draft.id,
      title: stale.title,
      text: `${stale.text}\n补充一段。`,
      sendTo: [],
    });
    let v = (await call('meetings.get', { id: a.id })).minutes[0]!;
    expect(v.title).toBe('2026年第二次全体会议纪要');
    expect(v.text).toContain('2026年第二次全体会议');
    expect(v.text).toContain('补充一段。');
    // Saved as the page now shows it, then renumbered again: live again.
    await call('minutes.save', { id: draft.id, title: v.title, text: v.text, sendTo: [] });
    await plenary('2026-01-01');
    v = (await call('meetings.get', { id: a.id })).minutes[0]!;
    expect(v.title).toBe('2026年第三次全体会议纪要');
    expect(v.text).not.toMatch(/第[一二]次全体会议/);
  });

  it('a number or 第N次 given by hand continues a paper series; one already used is refused', async () => {
    const a = await plenary('2026-02-01');
    const b = await plenary('2026-03-01');
    const c = await plenary('2026-04-01');
    const draftA = await call('minutes.draft', { meetingId: a.id });
    const draftB = await call('minutes.draft', { meetingId: b.id });
    const draftC = await call('minutes.draft', { meetingId: c.id });
    // The office issued four numbers on paper this year, and held two plenaries before using the app.
    expect(await call('minutes.issue', { id: draftA.id, date: '2026-02-03', seq: 5, ordinal: 3 })).toEqual({
      id: draftA.id,
      number: '〔2026〕5号',
    });
    const d = await call('meetings.get', { id: a.id });
    expect(d.name).toBe('2026年第三次全体会议');
    expect(d.minutes[0]!.title).toBe('2026年第三次全体会议纪要');
    expect(textOf(await print('minutes', a.id))).toContain('2026年第三次全体会议纪要');

    const usedNumber = await refused('minutes.issue', { id: draftB.id, date: '2026-03-03', seq: 5 });
    expect(usedNumber.code).toBe('CONFLICT');
    expect(usedNumber.message).toContain('〔2026〕5号已被使用');
    expect(usedNumber.fields).toHaveProperty('seq');
    const usedOrdinal = await refused('minutes.issue', { id: draftB.id, date: '2026-03-03', ordinal: 3 });
    expect(usedOrdinal.code).toBe('CONFLICT');
    expect(usedOrdinal.fields).toHaveProperty('ordinal');
    expect((await call('meetings.get', { id: b.id })).minutesStatus).toBe('draft');

    // Automatic numbers continue after the one given by hand; live ordinals skip the issued 第三次.
    expect((await call('minutes.issue', { id: draftB.id, date: '2026-03-03' })).number).toBe('〔2026〕6号');
    expect((await call('meetings.get', { id: b.id })).name).toBe('2026年第一次全体会议');
    expect((await call('meetings.get', { id: c.id })).name).toBe('2026年第二次全体会议');
    // A number used in another year is free.
    const next = await plenary('2026-05-01');
    expect((await call('minutes.issue', { id: draftC.id, date: '2026-04-03', seq: 2 })).number).toBe(
      '〔2026〕2号',
    );
    const draftN = await call('minutes.draft', { meetingId: next.id });
    await refused('minutes.issue', { id: draftN.id, date: '2026-05-03', seq: 2 });
    // A correction keeps its meeting's 第N次; another one cannot be asked for.
    const fix = await call('minutes.correct', { id: draftA.id });
    await refused('minutes.issue', { id: fix.id, date: '2026-05-04', ordinal: 1 });
    await call('minutes.issue', { id: fix.id, date: '2026-05-04' });
    expect((await call('meetings.get', { id: a.id })).name).toBe('2026年第三次全体会议');
  });
});

describe('minutes issued before issued documents were kept', () => {
  it('keep their 第N次 from their title, and are kept from their first print on', async () => {
    // As an older version of the app left them: issued minutes, no kept page, no 第N次 on the meeting.
    const older = await plenary('2026-03-01');
    const rows = (await call('meetings.get', { id: older.id })).attendance;
    await call('attendance.mark', { meetingId: older.id, postId: rows[0]!.postId, status: 'present' });
    ctx.store!.commit(
      [
        {
          entity: 'minutes',
          id: 'legacy-1',
          set: {
            meetingId: older.id,
            version: 1,
            status: 'issued',
            title: '2026年第二次全体会议纪要',
            blocks: [{ type: 'paragraph', text: '2026年第二次全体会议研究了有关事项。' }],
            sendTo: ['市民政局'],
            year: 2026,
            seq: 4,
            number: '〔2026〕4号',
            issuedDate: '2026-03-03',
            createdAt: '2026-03-01T01:00:00.000Z',
          },
        },
      ],
      'test',
    );
    expect(ctx.store!.get(ISSUED_DOCUMENT_ENTITY, 'minutes:legacy-1')).toBeUndefined();
    // A meeting registered before it does not rename it: the paper says 第二次.
    const before = await plenary('2026-02-01');
    expect((await call('meetings.get', { id: older.id })).name).toBe('2026年第二次全体会议');
    expect((await call('meetings.get', { id: before.id })).name).toBe('2026年第一次全体会议');
    const another = await plenary('2026-01-15');
    // Meetings without issued minutes are counted live around it.
    expect((await call('meetings.get', { id: another.id })).name).toBe('2026年第一次全体会议');
    expect((await call('meetings.get', { id: before.id })).name).toBe('2026年第三次全体会议');
    expect((await call('meetings.get', { id: older.id })).name).toBe('2026年第二次全体会议');
    // Read-only like any issued meeting.
    await refused('attendance.mark', { meetingId: older.id, postId: rows[1]!.postId, status: 'present' });

    const first = await print('minutes', older.id);
    const sheet = await print('signInSheet', older.id);
    expect(ctx.store!.get(ISSUED_DOCUMENT_ENTITY, 'minutes:legacy-1')!.v.html).toBe(first);
    expect(ctx.store!.get(ISSUED_DOCUMENT_ENTITY, `signInSheet:${older.id}`)!.v.html).toBe(sheet);
    const convener = rows.find((r) => r.personName === '马儒生')!;
    await call('posts.replace', {
      postId: convener.postId,
      personName: '接任者',
      title: '副市长',
      from: '2026-01-01',
    });
    await call('minutes.setSettings', {
      numberStyle: 'qi',
      copyLabel: '抄送',
      copyTo: ['市人民政府办公室'],
      mark: '另一个版头纪要',
      issuer: '另一个编发单位',
    });
    expect(await print('minutes', older.id)).toBe(first);
    expect(await print('signInSheet', older.id)).toBe(sheet);
    expect((await call('meetings.get', { id: older.id })).attendance.map((a) => a.personName)).toContain(
      '马儒生',
    );
  });
});
