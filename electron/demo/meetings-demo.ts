// Demonstration meetings: last year's plenary (one of its tasks still open, so it is carried forward), this year's
// liaison meeting and the plenary it prepared, with attendance, decided items (one major matter, approved) and
// issued minutes that run over more than one page. Everything goes through the handlers, like a clerk would.
// The demo must not contradict itself: the years its texts name follow the plenary's date (a plenary reviews the
// year's or the past year's work), and the liaison meeting is chaired by the composition's office head that day.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { ArgsOf, ChannelName, ResultOf } from '../contract/channels';
import { textToBlocks, blocksToText } from '../contract/schemas/meetings';
import { compositionOn } from '../domain/composition/composition-on';
import { addDays, isoDateOf } from '../domain/ledger/dates';
import { dispatch } from '../dispatch/dispatch';
import type { DemoPart } from './parts';

async function must<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new AppError(r.error.code, `演示数据（会议）生成失败：${name} ${r.error.message}`);
  return r.value as ResultOf<K>;
}

const EXTRA_PARAGRAPHS = [
  '会议强调，各成员单位要切实提高政治站位，把农村留守儿童关爱保护工作摆在更加突出的位置，主要负责同志要亲自研究部署，分管负责同志要具体抓好落实，形成一级抓一级、层层抓落实的工作格局。',
  '会议要求，各县（市、区）要把农村留守儿童关爱保护工作纳入经济社会发展总体规划，统筹安排资金，加强基层工作力量，落实乡镇（街道）儿童督导员和村（居）儿童主任的工作职责，推动形成上下联动、部门协同、社会参与的工作机制。',
  '会议指出，联席会议办公室要加强统筹协调和督促检查，每季度汇总各成员单位议定事项落实情况，及时编发工作进展通报；对进展缓慢、逾期未办结的事项，要专门督办，确保会议议定事项件件有着落、事事有回音。',
];

export async function seedMeetingsDemo(ctx: AppContext): Promise<void> {
  const store = requireStore(ctx);
  const today = isoDateOf(new Date(ctx.clock()));
  if (compositionOn(store, today).units.length === 0)
    await must(ctx, 'composition.setup', { mode: 'template' });
  const lastYear = addDays(today, -400);
  const units = compositionOn(store, lastYear).units;
  if (units.length < 6) return;
  const unit = (part: string, fallback: number) =>
    (units.find((u) => u.name.includes(part)) ?? units[fallback]!).id;
  const civil = unit('民政', 0);
  const education = unit('教育', 1);
  const police = unit('公安', 2);
  const finance = unit('财政', 3);
  const health = unit('卫生', 4);
  const women = unit('妇联', 5);

  // Last year's plenary: its tasks are still open, so this year's plenary carries them forward.
  const earlier = await must(ctx, 'meetings.create', {
    kind: 'plenary',
    date: lastYear,
    time: '上午9时',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });
  await must(ctx, 'decisions.create', {
    meetingId: earlier.id,
    text: '会议同意建立农村留守儿童信息台账季度更新机制。各县（市、区）每季度末前报送更新情况。',
    leadUnitId: civil,
    coUnitIds: [education],
    deadline: addDays(lastYear, 120),
    major: false,
  });
  await must(ctx, 'decisions.create', {
    meetingId: earlier.id,
    text: '会议同意在全市中小学推行农村留守儿童“代理家长”结对帮扶制度。',
    leadUnitId: education,
    coUnitIds: [women],
    deadline: addDays(today, 60),
    major: false,
  });
  const earlierMinutes = await must(ctx, 'minutes.draft', { meetingId: earlier.id });
  await must(ctx, 'minutes.issue', { id: earlierMinutes.id, date: addDays(lastYear, 5) });

  const plenaryDate = addDays(today, -38);
  // The year whose work the plenary reviews: the past year in the first half, the current one from July.
  const plenaryYear = Number(plenaryDate.slice(0, 4));
  const reviewed = Number(plenaryDate.slice(5, 7)) <= 6 ? plenaryYear - 1 : plenaryYear;
  const plenary = await must(ctx, 'meetings.create', {
    kind: 'plenary',
    date: plenaryDate,
    time: '下午3时',
    place: '市政府第一会议室',
    chairKind: 'convener',
  });
  const liaisonDate = addDays(plenaryDate, -7);
  // The office head runs the liaison meeting: whoever holds that post on the day.
  const head = compositionOn(store, liaisonDate).posts.find((p) => p.role === 'officeHead');
  const liaison = await must(ctx, 'meetings.create', {
    kind: 'liaison',
    date: liaisonDate,
    time: '上午9时30分',
    place: '市民政局三楼会议室',
    chairKind: 'delegate',
    chairName: head?.personName ?? '',
    chairTitle: '联席会议办公室主任',
    preparesId: plenary.id,
  });
  const topics: [string, string, 'accepted' | 'deferred' | 'dropped', string][] = [
    [`${reviewed}年全市农村留守儿童关爱保护工作情况及下一步工作安排`, civil, 'accepted', '提交全体会议审议'],
    ['关于建立农村留守儿童强制报告和应急处置联动机制的意见', police, 'accepted', '提交全体会议审议'],
    ['关于将农村留守儿童关爱服务经费纳入财政预算的建议', finance, 'accepted', '作为重大事项报市政府审批'],
    ['农村留守儿童心理健康服务进校园试点方案', health, 'deferred', '待试点县确定后再提交'],
    ['关于举办农村留守儿童夏令营活动的建议', women, 'dropped', '由市妇联按年度计划自行组织'],
  ];
  for (const [title, unitId, outcome, note] of topics) {
    const t = await must(ctx, 'topics.propose', { meetingId: liaison.id, title, unitId });
    await must(ctx, 'topics.decide', { id: t.id, outcome, note });
  }

  // The liaisons attend the liaison meeting; one on leave sends a colleague (代为出席).
  const liaisonRows = (await must(ctx, 'meetings.get', { id: liaison.id })).attendance;
  for (const [i, row] of liaisonRows.entries()) {
    await must(
      ctx,
      'attendance.mark',
      i === 4
        ? { meetingId: liaison.id, postId: row.postId, status: 'absent', reason: '外出培训', substitute: '许文静' }
        : { meetingId: liaison.id, postId: row.postId, status: 'present' },
    );
  }

  // The plenary's list: each person once, whatever posts they hold.
  const rows = (await must(ctx, 'meetings.get', { id: plenary.id })).attendance;
  const absent = new Map<string | undefined, { reason: string; substitute?: string }>([
    [rows[3]?.postId, { reason: '公务出差' }],
    [rows[8]?.postId, { reason: '参加省里会议', substitute: '郑锦涛' }],
    [rows[15]?.postId, { reason: '病假' }],
  ]);
  for (const row of rows) {
    const leave = absent.get(row.postId);
    await must(
      ctx,
      'attendance.mark',
      leave
        ? { meetingId: plenary.id, postId: row.postId, status: 'absent', ...leave }
        : { meetingId: plenary.id, postId: row.postId, status: 'present' },
    );
  }
  await must(ctx, 'attendance.addAttending', {
    meetingId: plenary.id,
    name: '林晓红',
    unit: '榕城区民政局',
    title: '局长',
  });
  await must(ctx, 'attendance.addAttending', {
    meetingId: plenary.id,
    name: '黄伟明',
    unit: '普宁市民政局',
    title: '副局长',
  });

  const decisions: [string, string, string[], number, boolean][] = [
    [
      `会议原则同意市民政局关于${reviewed}年全市农村留守儿童关爱保护工作情况的报告。各成员单位要对照职责分工，认真抓好${reviewed + 1}年重点工作落实，每季度末向联席会议办公室报送工作进展情况。`,
      civil,
      [education, police],
      90,
      false,
    ],
    [
      '会议同意建立农村留守儿童强制报告和应急处置联动机制。由市公安局会同有关单位制定具体工作规程，明确报告主体、报告时限、处置流程和部门职责，按时印发实施。',
      police,
      [civil, education, health],
      60,
      false,
    ],
    [
      '会议同意将农村留守儿童关爱服务经费纳入市级财政预算。按照每名农村留守儿童每年不低于200元的标准安排关爱服务经费，重点保障走访排查、心理疏导和应急救助。',
      finance,
      [civil],
      120,
      true,
    ],
    [
      '会议要求各县（市、区）于两个月内完成新一轮农村留守儿童摸底排查。排查要做到不漏一户、不落一人，结果录入信息台账，对无人监护、监护不力的儿童逐一落实帮扶措施。',
      civil,
      [education, women],
      75,
      false,
    ],
  ];
  let majorId = '';
  for (const [text, lead, co, days, major] of decisions) {
    const d = await must(ctx, 'decisions.create', {
      meetingId: plenary.id,
      text,
      leadUnitId: lead,
      coUnitIds: co,
      deadline: addDays(plenaryDate, days),
      major,
    });
    if (major) majorId = d.id;
  }
  await must(ctx, 'decisions.approve', {
    id: majorId,
    outcome: 'approved',
    date: addDays(plenaryDate, 2),
    approver: '市人民政府',
  });

  const draft = await must(ctx, 'minutes.draft', { meetingId: plenary.id });
  const detail = await must(ctx, 'meetings.get', { id: plenary.id });
  const version = detail.minutes[0]!;
  const blocks = textToBlocks(version.text);
  blocks.splice(1, 0, ...EXTRA_PARAGRAPHS.map((text) => ({ type: 'paragraph' as const, text })));
  await must(ctx, 'minutes.save', {
    id: draft.id,
    title: version.title,
    text: blocksToText(blocks),
    sendTo: version.sendTo,
  });
  await must(ctx, 'minutes.issue', { id: draft.id, date: addDays(plenaryDate, 3) });
}

export const meetingsDemoPart: DemoPart = { name: 'meetings', seed: seedMeetingsDemo };
