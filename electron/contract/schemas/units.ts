// The joint meeting's composition, member units, supervised tasks and progress bulletins (issue 4): channel
// arguments and result types. Pure zod (the renderer imports this module as values).
import { z } from 'zod';
import type { ExtensionRequestView, TaskAttachmentView } from './unit-office';

const isoDate = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}应为“2025-03-20”形式的日期` });
const id = z.string().min(1).max(80);
const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}个字` });

export const roleNames = {
  convener: '召集人',
  deputyConvener: '副召集人',
  member: '成员',
  officeHead: '办公室主任',
} as const;
export type RoleKey = keyof typeof roleNames;
const role = z.enum(['convener', 'deputyConvener', 'member', 'officeHead'], { message: '请选择职位' });

export const setupModes = ['template', 'county', 'empty'] as const;
export type SetupMode = (typeof setupModes)[number];

export const compositionSetupSchema = z
  .object({
    /** template: the city office starts from the notice; county: from the derived county template; empty: nothing. */
    mode: z.enum(setupModes, { message: '请选择设置方式' }),
    bodyName: text('联席会议名称', 60).optional(),
    level: z.enum(['county', 'zone']).optional(),
    from: isoDate('生效日期').optional(),
    people: z
      .array(z.object({ order: z.number().int().positive(), personName: text('姓名', 20), title: text('职务', 60) }).strict())
      .max(200)
      .optional(),
    officeHead: z.object({ personName: text('姓名', 20), title: text('职务', 60) }).strict().optional(),
  })
  .strict();

export const compositionTemplateSchema = z
  .object({ mode: z.enum(['template', 'county']), bodyName: text('联席会议名称', 60).optional() })
  .strict();

export const compositionGetSchema = z.object({ date: isoDate('日期').optional() }).strict();

export const postsAddSchema = z
  .object({
    role,
    personName: text('姓名', 20),
    title: text('职务', 60),
    unitId: id.nullable(),
    from: isoDate('任职起始日期'),
  })
  .strict();
export const postsReplaceSchema = z
  .object({
    postId: id,
    personName: text('姓名', 20),
    title: text('职务', 60),
    from: isoDate('接任日期'),
    /** The successor's unit when it differs from the predecessor's (null: no member unit, e.g. 副市长). */
    unitId: id.nullable().optional(),
  })
  .strict();
export const postsEndSchema = z.object({ postId: id, to: isoDate('离任日期') }).strict();

export const unitsAddSchema = z
  .object({
    name: text('单位名称', 40),
    dutyName: text('职责中的单位名称', 40).optional(),
    duty: text('职责', 2000).optional(),
    from: isoDate('加入日期'),
  })
  .strict();
export const unitsRemoveSchema = z.object({ unitId: id, to: isoDate('退出日期') }).strict();
export const unitsSetLiaisonSchema = z
  .object({
    unitId: id,
    name: text('联络员姓名', 20),
    post: text('职务', 40),
    phone: text('电话', 30),
    from: isoDate('起始日期'),
  })
  .strict();
export const unitsGetSchema = z.object({ unitId: id, date: isoDate('日期').optional() }).strict();
/** 机构改革: a unit takes a new name from a date; before it, meetings and compositions keep the old name. */
export const unitsRenameSchema = z
  .object({ unitId: id, name: text('新名称', 40), from: isoDate('更名日期') })
  .strict();
/** Several units become one from a date: the first keeps its posts and tasks under the new name, the others end. */
export const unitsMergeSchema = z
  .object({
    unitIds: z.array(id, { message: '请选择要合并的单位' }).min(2, { message: '请选择至少两个要合并的单位' }).max(10, { message: '一次最多合并10个单位' }),
    name: text('合并后的单位名称', 40),
    from: isoDate('合并日期'),
  })
  .strict();
export const unitsEditDutySchema = z
  .object({
    unitId: id,
    itemId: id,
    text: text('职责内容', 500),
    from: isoDate('生效日期'),
    note: text('修改依据', 200).optional(),
  })
  .strict();
export const unitsAddDutySchema = z
  .object({ unitId: id, text: text('职责内容', 500), from: isoDate('生效日期'), note: text('增加依据', 200).optional() })
  .strict();

export const taskStatusNames = ['待报批', '未开始', '进行中', '已完成', '已逾期', '已销号', '已撤销'] as const;
export type TaskStatusName = (typeof taskStatusNames)[number];

export const tasksCreateSchema = z
  .object({
    title: text('督办事项', 500),
    source: z
      .object({
        kind: z.enum(['decision', 'duty', 'adhoc'], { message: '请选择事项来源' }),
        meetingId: id.optional(),
        decisionId: id.optional(),
        dutyItemId: id.optional(),
      })
      .strict(),
    leadUnitId: z.string({ message: '请选择牵头单位' }).max(80),
    coUnitIds: z.array(id).max(60),
    deadline: isoDate('完成时限'),
    childIds: z.array(id).max(500).optional(),
    /** 交办日期: the day the task was assigned, when recorded later (defaults to today; a meeting's task dates from the meeting). */
    assignedOn: isoDate('交办日期').optional(),
  })
  .strict();

export const tasksListSchema = z
  .object({
    status: z.enum(taskStatusNames).optional(),
    unitId: id.optional(),
    overdue: z.boolean().optional(),
    /** Only open tasks due within this many days (home-page reminders). */
    dueWithinDays: z.number().int().min(0).max(366).optional(),
  })
  .strict();
export const tasksGetSchema = z.object({ id }).strict();
export const tasksReportSchema = z
  .object({
    taskId: id,
    unitId: z.string({ message: '请选择报送单位' }).max(80),
    date: isoDate('报送日期'),
    text: text('进展情况', 2000),
    final: z.boolean(),
  })
  .strict();
/** 延期: a new deadline, why, who approved it and from when; the original deadline stays on the record. */
export const tasksExtendSchema = z
  .object({
    id,
    deadline: isoDate('新的完成时限'),
    reason: text('延期理由', 500),
    approvedBy: text('批准人', 40),
    from: isoDate('批准日期'),
  })
  .strict();
/** Corrects a task's wording or units; every change is kept in its history. The deadline changes only by 延期. */
export const tasksEditSchema = z
  .object({
    id,
    title: text('督办事项', 500).optional(),
    leadUnitId: id.optional(),
    coUnitIds: z.array(id).max(60).optional(),
    reason: text('修改说明', 200),
  })
  .strict();
/** 催办通知: numbered per year (催办〔2026〕N号), printable, recorded on the task. */
export const tasksUrgeSchema = z
  .object({
    id,
    date: isoDate('催办日期').optional(),
    replyBy: isoDate('报送时限'),
    text: text('催办要求', 1000).optional(),
  })
  .strict();
export const tasksCloseSchema = z
  .object({ id, date: isoDate('销号日期'), note: text('销号意见', 500).optional() })
  .strict();

export const bulletinsCreateSchema = z
  .object({ from: isoDate('起始日期'), to: isoDate('截止日期'), date: isoDate('印发日期').optional() })
  .strict()
  .refine((a) => a.from <= a.to, { message: '截止日期不能早于起始日期', path: ['to'] });
export const bulletinsGetSchema = z.object({ id }).strict();

// ── results ──

export interface LiaisonView {
  name: string;
  post: string;
  phone: string;
}
export interface DutyVersionView {
  text: string;
  from: string;
  /** Until (exclusive); null for the text in force. */
  to: string | null;
  note: string;
  by: string;
}
export interface DutyItemView {
  id: string;
  /** The text in force on the composition's date. */
  text: string;
  /** The founding notice's wording, kept when the item was later edited (absent for an unedited or added item). */
  original?: string;
  /** The day an item added after the notice took effect. */
  added?: string;
  /** Every wording the item has had, oldest first (absent for an unedited item). */
  history?: DutyVersionView[];
}
export interface UnitNameView {
  name: string;
  from: string;
  to: string | null;
}
export interface UnitView {
  id: string;
  name: string;
  dutyName: string;
  order: number;
  liaison?: LiaisonView;
  duty: { paragraph: string; items: DutyItemView[] } | null;
  /** The names the unit has had (机构改革), oldest first; absent when never renamed. */
  names?: UnitNameView[];
  /** Units merged into this one (their names as they last were). */
  mergedFrom?: TaskUnitRef[];
  /** The unit this one was merged into. */
  mergedInto?: TaskUnitRef;
}
export interface PostView {
  id: string;
  role: RoleKey;
  personName: string;
  title: string;
  unitId: string | null;
  /** The unit's name on the view's date; for a post without a member unit, the government it serves (市政府). */
  unitName: string;
  order: number;
  from: string;
  to: string | null;
}
export interface CompositionView {
  setUp: boolean;
  date: string;
  body: { name: string; level: string; origin: string; from: string; docNumber: string; officeName: string };
  units: UnitView[];
  posts: PostView[];
  /** Every post record ever, for the history (former members). */
  history: PostView[];
}

export interface TemplatePostRow {
  order: number;
  role: RoleKey;
  unitName: string;
  personName: string;
  title: string;
}
export interface TemplatePreview {
  bodyName: string;
  level: string;
  docNumber: string;
  date: string;
  unitCount: number;
  dutyUnitCount: number;
  posts: TemplatePostRow[];
}

export interface TaskUnitRef {
  id: string;
  name: string;
}
export interface TaskReportView {
  id: string;
  unitId: string;
  unitName: string;
  date: string;
  text: string;
  final: boolean;
  /** The office that filed it: a unit office's code (CODE-UNITID) when the unit sent it itself (issue 14). */
  source?: string;
  sourceName?: string;
  /** 单位报送 (sent by the unit's own office, signed by its card) or 办公室录入 (typed in at the joint-meeting office). */
  channel?: '单位报送' | '办公室录入';
  /** Attachment ids filed with this report. */
  attachmentIds?: string[];
}
export interface TaskRow {
  id: string;
  title: string;
  source: { kind: 'decision' | 'duty' | 'adhoc'; meetingId?: string; decisionId?: string; dutyItemId?: string };
  sourceLabel: string;
  lead: TaskUnitRef;
  coUnits: TaskUnitRef[];
  deadline: string;
  status: TaskStatusName;
  /** Days until the deadline (negative once past). */
  daysLeft: number;
  reportCount: number;
  latestReport: TaskReportView | null;
  childIds: string[];
  /** The deadline first set, when it has been extended since (null: never extended). */
  originalDeadline: string | null;
  /** 催办通知 issued for it. */
  urgeCount: number;
}
export interface TaskExtensionView {
  deadline: string;
  previous: string;
  reason: string;
  approvedBy: string;
  from: string;
  by: string;
}
export interface TaskEditView {
  date: string;
  by: string;
  reason: string;
  /** Field label → before and after, as people read them (unit names, not ids). */
  changes: { field: string; before: string; after: string }[];
}
export interface TaskUrgeView {
  id: string;
  taskId: string;
  year: number;
  number: number;
  /** 催办〔2026〕3号 */
  numberLabel: string;
  date: string;
  replyBy: string;
  text: string;
  by: string;
}
export interface TaskDetail extends TaskRow {
  reports: TaskReportView[];
  children: { id: string; name: string }[];
  closedOn: string | null;
  closeNote: string;
  cancelReason: string;
  dutyItemText: string;
  extensions: TaskExtensionView[];
  history: TaskEditView[];
  urges: TaskUrgeView[];
  /** Issue 14: attachments (kept with their SHA-256), extension requests and each unit's 承办人 line. */
  attachments?: TaskAttachmentView[];
  extensionRequests?: ExtensionRequestView[];
  contacts?: { unitId: string; unitName: string; contact: string }[];
}
export interface TaskReminders {
  today: string;
  overdue: TaskRow[];
  dueSoon: TaskRow[];
}

export interface UnitDetail {
  date: string;
  unit: UnitView & { from: string; to: string | null };
  posts: PostView[];
  formerPosts: PostView[];
  liaisonHistory: (LiaisonView & { from: string; to: string | null })[];
  leading: TaskRow[];
  cooperating: TaskRow[];
  reports: (TaskReportView & { taskId: string; taskTitle: string })[];
}

export interface BulletinTaskLine {
  taskId: string;
  title: string;
  role: '牵头' | '配合';
  /** The lead unit as called at the period's end (a 配合 line names who leads). */
  leadUnitName?: string;
  deadline: string;
  status: TaskStatusName;
  latestReport: { date: string; unitName: string; text: string } | null;
  /** When the deadline in force at the period's end was extended: the first deadline. */
  originalDeadline?: string;
  /** 催办通知 issued for the task up to the period's end. */
  urges?: number;
}
export interface BulletinUnitSection {
  unitId: string;
  unitName: string;
  completed: BulletinTaskLine[];
  inProgress: BulletinTaskLine[];
  overdue: BulletinTaskLine[];
}
export interface LedgerFigures {
  byStatus: { active: number; exited: number; transferred: number; other: number };
  newEntries: number;
  exits: number;
  visits: number;
}
export interface BulletinContent {
  bodyName: string;
  officeName: string;
  from: string;
  to: string;
  totals: { tasks: number; completed: number; inProgress: number; overdue: number };
  /** 催办通知 issued within the period and 延期 approved within it (absent in bulletins issued before they existed). */
  supervision?: { urges: number; urgedTasks: number; extensions: number };
  units: BulletinUnitSection[];
  ledger: LedgerFigures;
}
export interface BulletinView {
  id: string;
  year: number;
  number: number;
  /** 第N期 */
  numberLabel: string;
  date: string;
  from: string;
  to: string;
  title: string;
  content: BulletinContent;
}
export type BulletinListItem = Omit<BulletinView, 'content'>;
