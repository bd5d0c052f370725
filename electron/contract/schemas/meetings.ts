// Meetings, topics, attendance, decided items and minutes: the arguments of their channels, their results, and the
// few pure rules the forms share with the handlers (names of kinds and states, minutes numbers, the minutes text
// format). Pure: zod only, imported by the renderer as values.
import { z } from 'zod';

export const meetingKinds = ['plenary', 'adhoc', 'liaison'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindNames: Record<MeetingKind, string> = {
  plenary: '全体会议',
  adhoc: '临时会议',
  liaison: '联络员会议',
};

export const chairKinds = ['convener', 'delegate'] as const;
export type ChairKind = (typeof chairKinds)[number];
export const chairKindNames: Record<ChairKind, string> = { convener: '召集人', delegate: '受委托人员' };

export const topicOutcomes = ['pending', 'accepted', 'deferred', 'dropped'] as const;
export type TopicOutcome = (typeof topicOutcomes)[number];
export const topicOutcomeNames: Record<TopicOutcome, string> = {
  pending: '待研究',
  accepted: '提交联席会议',
  deferred: '暂缓',
  dropped: '不予研究',
};

export const presenceStates = ['present', 'absent'] as const;
export type PresenceState = (typeof presenceStates)[number];
export const presenceNames: Record<PresenceState | 'unmarked', string> = {
  present: '出席',
  absent: '请假',
  unmarked: '未登记',
};

export const approvalStates = ['pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof approvalStates)[number];
export const approvalNames: Record<ApprovalState, string> = {
  pending: '待报批',
  approved: '已批准',
  rejected: '不予批准',
};

export const numberStyles = ['qi', 'hao'] as const;
export type NumberStyle = (typeof numberStyles)[number];
export const numberStyleNames: Record<NumberStyle, string> = { qi: '第N期', hao: '〔年份〕N号' };
/**
 * Where the red 纪要标志 sits: 'gb' as GB/T 9704-2012 clause 10.3 has it (its upper edge 35 mm below the top of the
 * text area); 'top' at the very top of the text area, a local format the standard allows (纪要格式可以根据实际制定).
 */
export const markPlacements = ['gb', 'top'] as const;
export type MarkPlacement = (typeof markPlacements)[number];
export const markPlacementNames: Record<MarkPlacement, string> = {
  gb: '国家标准：标志上边缘距版心上边缘35毫米（GB/T 9704—2012 第10.3条）',
  top: '本地格式：标志置于版心顶端',
};
export const copyLabels = ['抄报', '抄送'] as const;
export type CopyLabel = (typeof copyLabels)[number];

export const minutesStates = ['none', 'draft', 'issued', 'correcting'] as const;
export type MinutesState = (typeof minutesStates)[number];
export const minutesStateNames: Record<MinutesState, string> = {
  none: '未起草',
  draft: '草稿',
  issued: '已印发',
  correcting: '更正中',
};

/** 第3期 or 〔2025〕3号: full year, hexagonal brackets, no zero padding (GB/T 9704 7.2.4). */
export function formatMinutesNumber(style: NumberStyle, year: number, seq: number): string {
  return style === 'qi' ? `第${seq}期` : `〔${year}〕${seq}号`;
}

// ---- the minutes text: lines beginning 一、 are headings, （一） sub-headings, everything else paragraphs ----

export const minutesBlockTypes = ['heading1', 'heading2', 'paragraph'] as const;
export type MinutesBlockType = (typeof minutesBlockTypes)[number];
export interface MinutesBlock {
  type: MinutesBlockType;
  text: string;
}

const HEADING1 = /^[一二三四五六七八九十百]+、/;
const HEADING2 = /^（[一二三四五六七八九十百]+）/;

/** One block per non-empty line; the numbering people type decides the heading level. */
export function textToBlocks(text: string): MinutesBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({
      type: HEADING1.test(line) ? 'heading1' : HEADING2.test(line) ? 'heading2' : 'paragraph',
      text: line,
    }));
}

export const blocksToText = (blocks: readonly MinutesBlock[]): string => blocks.map((b) => b.text).join('\n');

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for the items of one meeting). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
  return String(n);
}

// ---- argument schemas ----

function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

const isoDate = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .refine(isIsoDate, { message: `${label}应为“2025-03-20”形式的日期` });
const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 个字` })
    .optional();
const id = z.string().min(1).max(80);

export const meetingFieldsSchema = z.object({
  kind: z.enum(meetingKinds, { message: '请选择会议类型' }),
  date: isoDate('会议日期'),
  time: optionalText('会议时间', 20),
  place: text('会议地点', 60),
  chairKind: z.enum(chairKinds, { message: '请选择主持人' }),
  /** Empty for the convener: the name is taken from the composition on the meeting date. */
  chairName: optionalText('主持人姓名', 20),
  chairTitle: optionalText('主持人职务', 40),
  /** 临时会议: who asked for it (e.g. 市政府分管副市长批示). */
  requestedBy: optionalText('提议人', 60),
  /** 联络员会议: the joint meeting it prepares. */
  preparesId: id.optional(),
});

function checkMeeting(m: z.infer<typeof meetingFieldsSchema>, ctx: z.RefinementCtx) {
  if (m.chairKind === 'delegate' && !m.chairName)
    ctx.addIssue({ code: 'custom', path: ['chairName'], message: '委托他人主持的，请填写主持人姓名' });
  if (m.kind === 'adhoc' && !m.requestedBy)
    ctx.addIssue({ code: 'custom', path: ['requestedBy'], message: '临时会议请填写提议召开的领导或事由' });
}

export const meetingCreateSchema = meetingFieldsSchema.strict().superRefine(checkMeeting);
export type MeetingCreate = z.input<typeof meetingCreateSchema>;
export const meetingUpdateSchema = meetingFieldsSchema.extend({ id }).strict().superRefine(checkMeeting);

export const topicProposeSchema = z
  .object({
    meetingId: id,
    title: text('议题', 200),
    unitId: z.string({ message: '请选择提出单位' }).min(1, { message: '请选择提出单位' }),
  })
  .strict();
export const topicDecideSchema = z
  .object({
    id,
    outcome: z.enum(topicOutcomes, { message: '请选择研究结果' }),
    note: optionalText('说明', 500),
  })
  .strict();

export const attendanceMarkSchema = z
  .object({
    meetingId: id,
    postId: id,
    status: z.enum(presenceStates, { message: '请选择出席或请假' }),
    reason: optionalText('请假事由', 60),
    /** 请假: who attends instead (代为出席), printed 「王某某（李某某代）」. */
    substitute: optionalText('代为出席人员', 20),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.status === 'absent' && !a.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请假的请填写事由' });
    if (a.status === 'present' && a.substitute)
      ctx.addIssue({ code: 'custom', path: ['substitute'], message: '本人出席的，不填代为出席人员' });
  });
export const attendingAddSchema = z
  .object({ meetingId: id, name: text('姓名', 20), unit: text('单位', 40), title: optionalText('职务', 40) })
  .strict();
export const attendingRemoveSchema = z.object({ id }).strict();

export const decisionCreateSchema = z
  .object({
    meetingId: id,
    text: text('议定事项', 1000),
    leadUnitId: z.string({ message: '请选择牵头单位' }).min(1, { message: '请选择牵头单位' }),
    coUnitIds: z.array(id).max(40),
    deadline: isoDate('完成时限'),
    major: z.boolean(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.coUnitIds.includes(d.leadUnitId))
      ctx.addIssue({ code: 'custom', path: ['coUnitIds'], message: '配合单位不能与牵头单位相同' });
  });
export type DecisionCreate = z.input<typeof decisionCreateSchema>;
export const decisionApproveSchema = z
  .object({
    id,
    outcome: z.enum(['approved', 'rejected'], { message: '请选择批准或不予批准' }),
    date: isoDate('批复日期'),
    approver: text('批复人', 40),
  })
  .strict();

export const minutesSettingsSchema = z
  .object({
    numberStyle: z.enum(numberStyles, { message: '请选择编号方式' }),
    copyLabel: z.enum(copyLabels, { message: '请选择“抄报”或“抄送”' }),
    copyTo: z
      .array(text('抄报（抄送）机关', 40))
      .min(1, { message: '请填写至少一个抄报（抄送）机关' })
      .max(20),
    /** The red mark, e.g. 揭阳市农村留守儿童关爱保护工作联席会议纪要. */
    mark: text('版头', 40),
    /** Where the mark sits (read back always set; 'gb' unless the office chose otherwise). */
    markPlacement: z.enum(markPlacements, { message: '请选择纪要标志的位置' }).optional(),
    /** Printed under the mark and on the 印发 line. */
    issuer: text('编发单位', 40),
  })
  .strict();
export type MinutesSettings = z.infer<typeof minutesSettingsSchema>;

export const minutesSaveSchema = z
  .object({
    id,
    title: text('纪要标题', 60),
    text: z.string().max(60_000, { message: '纪要正文过长' }),
    /** 印发范围: the units concerned. */
    sendTo: z.array(text('印发单位', 40)).max(80),
  })
  .strict();
export const minutesIssueSchema = z
  .object({
    id,
    date: isoDate('印发日期'),
    /** The number given by hand (to continue a paper series); refused when that year already used it. */
    seq: z
      .number({ message: '纪要编号应为数字' })
      .int({ message: '纪要编号应为整数' })
      .min(1, { message: '纪要编号应从1开始' })
      .max(9999, { message: '纪要编号不能超过9999' })
      .optional(),
    /** 第N次 given by hand; refused when another meeting of that kind and year was issued with it. */
    ordinal: z
      .number({ message: '会议次数应为数字' })
      .int({ message: '会议次数应为整数' })
      .min(1, { message: '会议次数应从1开始' })
      .max(99, { message: '会议次数不能超过99' })
      .optional(),
  })
  .strict();

// ---- results ----

export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  date: string;
  time: string;
  place: string;
  /** e.g. 2025年第1次全体会议. */
  name: string;
  minutesStatus: MinutesState;
  minutesNumber: string | null;
}

export interface UnitOption {
  id: string;
  name: string;
}

export interface TopicView {
  id: string;
  meetingId: string;
  title: string;
  unitId: string;
  unitName: string;
  outcome: TopicOutcome;
  note: string;
}

export type AgendaItem =
  | { kind: 'topic'; topicId: string; title: string; unitName: string }
  | {
      kind: 'carried';
      taskId: string;
      title: string;
      leadUnitName: string;
      deadline: string;
      status: string;
      fromMeeting: string;
    };

export interface AttendanceRow {
  /** What attendance is recorded under: the person's first post, or at a liaison meeting `liaison.<unitId>`. */
  postId: string;
  /** The first of the person's roles (召集人 before 成员 before 办公室主任; 联络员 at a liaison meeting). */
  role: string;
  /** Every role the person holds: 「成员、办公室主任」. */
  roleName: string;
  personName: string;
  title: string;
  unitName: string;
  status: PresenceState | 'unmarked';
  reason: string;
  /** 请假: who attended instead (代为出席), '' when nobody did. */
  substitute: string;
}

export interface AttendingView {
  id: string;
  name: string;
  unit: string;
  title: string;
}

export interface DecisionView {
  id: string;
  order: number;
  text: string;
  leadUnitId: string;
  leadUnitName: string;
  coUnitIds: string[];
  coUnitNames: string[];
  deadline: string;
  major: boolean;
  approval: ApprovalState | null;
  approvalDate: string | null;
  approver: string | null;
  taskId: string;
  taskStatus: string | null;
}

export interface MinutesVersion {
  id: string;
  version: number;
  status: 'draft' | 'issued' | 'superseded';
  title: string;
  text: string;
  blocks: MinutesBlock[];
  sendTo: string[];
  number: string | null;
  issuedDate: string | null;
  createdAt: string;
  /** A correction: the number of the minutes it corrects (printed in it). */
  corrects?: string | null;
}

export interface MeetingDetail extends MeetingSummary {
  chairKind: ChairKind;
  chairName: string;
  chairTitle: string;
  requestedBy: string;
  preparesId: string | null;
  preparesName: string | null;
  /** Liaison meetings that prepared this one. */
  preparedBy: { id: string; name: string; date: string }[];
  units: UnitOption[];
  /** Topics studied at this meeting (a liaison meeting) or proposed straight to it. */
  topics: TopicView[];
  agenda: AgendaItem[];
  attendance: AttendanceRow[];
  attending: AttendingView[];
  decisions: DecisionView[];
  minutes: MinutesVersion[];
  /** Joint meetings (plenary, ad hoc) a liaison meeting may prepare. */
  jointMeetings: { id: string; name: string; date: string }[];
}
