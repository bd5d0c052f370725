// Mandatory reports (强制报告, 未成年人保护法 art. 11) and how they are handled (domain.md §5): who reported what and
// when, the police response, the township's assessment, placement, follow-up, an optional referral to court for
// guardianship intervention, and closing. One schema per step serves the form in the renderer and the handler.
// Pure: zod and the ledger's pure domain functions only (the renderer imports this module as a value).
//
// Moments are local wall-clock times 'YYYY-MM-DDTHH:mm' (the value of <input type="datetime-local">): a report is
// made at a time of day in the township, and deadlines of hours need the time. Days are 'YYYY-MM-DD'.
import { z } from 'zod';
import { hasCode } from '../../domain/ledger/codelists';
import { isIsoDate } from '../../domain/ledger/dates';
import { parsePhone } from '../../domain/ledger/phone';
import { shippedCodeLists } from '../../domain/ledger/shipped-codelists';

export const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATETIME_RE.exec(value);
  return m !== null && isIsoDate(m[1]);
}

/** What the police did on arrival (domain.md §5: 第一时间出警, by case). Not a national code list: fixed here. */
export const policeMeasures = [
  { code: 'parents-ordered-back', label: '责令父母返回或委托他人监护' },
  { code: 'escort-relatives', label: '护送至其他亲属' },
  { code: 'escort-village', label: '护送至村（居）委会' },
  { code: 'escort-institution', label: '护送至救助管理机构或儿童福利机构' },
  { code: 'missing-search', label: '组织查找失踪儿童' },
  { code: 'stop-violence', label: '制止家庭暴力并予以临时庇护' },
  { code: 'other', label: '其他处置' },
] as const;

/** Help the township arranges after its assessment (domain.md §5). */
export const assessmentHelp = [
  { code: 'guidance', label: '监护指导' },
  { code: 'medical', label: '医疗救治' },
  { code: 'psychological', label: '心理疏导' },
  { code: 'legal-aid', label: '法律援助' },
  { code: 'social-assistance', label: '社会救助' },
] as const;

export const reportStepKinds = ['police', 'assessment', 'placement', 'followUp', 'referral', 'closing'] as const;
export type ReportStepKind = (typeof reportStepKinds)[number];

export const reportStepLabels: Record<ReportStepKind | 'report', string> = {
  report: '接报',
  police: '出警处置',
  assessment: '乡镇评估',
  placement: '临时安置',
  followUp: '跟踪回访',
  referral: '申请监护干预',
  closing: '结案',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .default('');
const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });
const moment = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isLocalDateTime, { error: `请填写${label}（日期和时间）` });
const day = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isIsoDate, { error: `请填写${label}` });
const codes = <T extends readonly { code: string }[]>(list: T, label: string, min = 0) =>
  z
    .array(z.string(), { error: `${label}格式不正确` })
    .default([])
    .refine((cs) => cs.every((c) => list.some((i) => i.code === c)), { error: `${label}中有无效的选项` })
    .refine((cs) => cs.length >= min, { error: `请至少选择一项${label}` });
const phone = (label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .default('')
    .refine((v) => v === '' || parsePhone(v).ok, { error: `${label}格式不正确，应为 11 位手机号或带区号的固定电话` });

const reporterTypes = shippedCodeLists.lists.reporterType.items;
const situations = shippedCodeLists.lists.reportSituation.items;
const placements = shippedCodeLists.lists.placement.items;

export const reportCreateSchema = z
  .object({
    /** The child in the ledger; leave out when the child is not in the ledger yet (name and township instead). */
    childId: z.string().min(1).max(80).optional(),
    childName: text('儿童姓名', 50),
    township: text('乡镇（街道）', 50),
    village: text('村（居）', 50),
    reporterType: z
      .string({ error: '请选择报告主体' })
      .refine((c) => hasCode(shippedCodeLists, 'reporterType', c), { error: '请选择报告主体' }),
    reporterName: requiredText('报告人姓名', 50),
    reporterUnit: text('报告单位', 100),
    reporterPhone: phone('报告人电话'),
    situations: codes(situations, '报告情形', 1),
    description: requiredText('情况描述', 2000),
    reportedAt: moment('报告时间'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.childId) return;
    if (!r.childName) ctx.addIssue({ code: 'custom', path: ['childName'], message: '未关联台账儿童时，请填写儿童姓名' });
    if (!r.township) ctx.addIssue({ code: 'custom', path: ['township'], message: '未关联台账儿童时，请填写乡镇（街道）' });
  });
export type ReportCreate = z.input<typeof reportCreateSchema>;

export const policeStepSchema = z.object({
  kind: z.literal('police'),
  at: moment('出警时间'),
  station: requiredText('出警单位（派出所）', 100),
  officer: text('出警民警', 50),
  measures: codes(policeMeasures, '处置措施', 1),
  note: text('处置情况', 2000),
});
export const assessmentStepSchema = z.object({
  kind: z.literal('assessment'),
  date: day('评估日期'),
  assessors: text('评估人员', 200),
  safety: requiredText('安全状况', 1000),
  guardianship: requiredText('监护状况', 1000),
  health: requiredText('身心健康状况', 1000),
  help: codes(assessmentHelp, '帮扶措施'),
  note: text('其他情况', 2000),
});
export const placementStepSchema = z
  .object({
    kind: z.literal('placement'),
    at: moment('安置时间'),
    /** True when the child stays at home with a guardian who returned or was named: nothing else to arrange. */
    notNeeded: z.boolean().default(false),
    placement: z.string().default(''),
    place: text('安置地点或接收人', 200),
    note: text('安置情况', 2000),
  })
  .superRefine((p, ctx) => {
    if (p.notNeeded) return;
    if (!placements.some((i) => i.code === p.placement)) {
      ctx.addIssue({ code: 'custom', path: ['placement'], message: '请选择安置方式' });
    }
  });
export const followUpStepSchema = z.object({
  kind: z.literal('followUp'),
  date: day('回访日期'),
  by: text('回访人', 50),
  note: requiredText('回访情况', 2000),
});
export const referralStepSchema = z.object({
  kind: z.literal('referral'),
  date: day('申请日期'),
  court: requiredText('受理法院', 100),
  reason: requiredText('申请事由', 1000),
  note: text('备注', 1000),
});
export const closingStepSchema = z.object({
  kind: z.literal('closing'),
  date: day('结案日期'),
  note: requiredText('结案情况', 2000),
});

export const reportStepSchema = z.discriminatedUnion(
  'kind',
  [policeStepSchema, assessmentStepSchema, placementStepSchema, followUpStepSchema, referralStepSchema, closingStepSchema],
  { error: '办理环节不正确' },
);
export type ReportStepInput = z.input<typeof reportStepSchema>;
export type ReportStep = z.output<typeof reportStepSchema>;
export type PoliceStep = z.output<typeof policeStepSchema>;
export type AssessmentStep = z.output<typeof assessmentStepSchema>;
export type PlacementStep = z.output<typeof placementStepSchema>;
export type FollowUpStep = z.output<typeof followUpStepSchema>;
export type ReferralStep = z.output<typeof referralStepSchema>;
export type ClosingStep = z.output<typeof closingStepSchema>;

export const reportRecordStepSchema = z.object({ id: z.string().min(1).max(80), step: reportStepSchema }).strict();

// ── deadlines: the office's own, since the nation sets none (domain.md §5) ──

const hours = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数` })
    .min(1, { error: `${label}至少为 1` })
    .max(max, { error: `${label}不能超过 ${max}` });

export const reportSettingsSchema = z
  .object({
    policeHours: hours('出警时限（小时）', 72),
    assessmentDays: hours('评估时限（天）', 60),
    placementDays: hours('安置时限（天）', 60),
    followUpDays: hours('回访周期（天）', 365),
  })
  .strict();
export type ReportSettingsValues = z.output<typeof reportSettingsSchema>;

/** Starting values an office can change. The law says only 立即 (report) and 第一时间 (police); no numbers. */
export const DEFAULT_REPORT_SETTINGS: ReportSettingsValues = {
  policeHours: 1,
  assessmentDays: 3,
  placementDays: 1,
  followUpDays: 30,
};

export interface ReportSettings extends ReportSettingsValues {
  /** True while the office has not set its own deadlines (the starting values above are in force). */
  isDefault: boolean;
}

// ── results ──

/** late = done after its deadline; skipped = the report was closed without this step. */
export type StepState = 'done' | 'late' | 'pending' | 'overdue' | 'optional' | 'skipped';

export interface StepStatus {
  step: ReportStepKind | 'report';
  label: string;
  state: StepState;
  /** When the step is due: 'YYYY-MM-DDTHH:mm' (deadlines in hours) or 'YYYY-MM-DD' (in days). */
  due?: string;
  /** When it was done, as entered. */
  done?: string;
}

export interface RecordedStep<T> {
  value: T;
  /** When it was entered in the app (ISO with time zone) and by whom: the step's own timestamp. */
  recordedAt: string;
  recordedBy: string;
}

export interface ReportSummary {
  id: string;
  childId: string | null;
  childName: string;
  township: string;
  village: string;
  reporterType: string;
  reporterTypeLabel: string;
  situations: string[];
  situationLabels: string[];
  reportedAt: string;
  closed: boolean;
  overdue: boolean;
  /** Labels of the steps past their deadline. */
  overdueSteps: string[];
  /** The next step waiting, and when it is due. */
  next: { label: string; due?: string } | null;
}

export interface ReportView extends ReportSummary {
  reporterName: string;
  reporterUnit: string;
  reporterPhone: string;
  description: string;
  createdAt: string;
  police: RecordedStep<PoliceStep> | null;
  assessment: RecordedStep<AssessmentStep> | null;
  placement: RecordedStep<PlacementStep> | null;
  followUps: Array<RecordedStep<FollowUpStep> & { id: string }>;
  referral: RecordedStep<ReferralStep> | null;
  closing: RecordedStep<ClosingStep> | null;
  steps: StepStatus[];
  settings: ReportSettings;
}

export const reportListSchema = z
  .object({
    filter: z.enum(['all', 'open', 'overdue', 'closed']).default('all'),
    township: z.string().max(50).optional(),
    childId: z.string().max(80).optional(),
  })
  .strict();

export interface ReportList {
  items: ReportSummary[];
  /** Townships that have reports, for the filter. */
  townships: string[];
  counts: { all: number; open: number; overdue: number; closed: number };
}

/** A child found for linking a report: masked, just enough to tell children apart. */
export interface ReportChildOption {
  id: string;
  name: string;
  township: string;
  village: string;
  birthDate: string;
}

export const reportLabels = {
  reporterType: (code: string) => reporterTypes.find((i) => i.code === code)?.label ?? code,
  situation: (code: string) => situations.find((i) => i.code === code)?.label ?? code,
  placement: (code: string) => placements.find((i) => i.code === code)?.label ?? code,
  policeMeasure: (code: string) => policeMeasures.find((i) => i.code === code)?.label ?? code,
  help: (code: string) => assessmentHelp.find((i) => i.code === code)?.label ?? code,
};
export const reportCodeLists = { reporterTypes, situations, placements };
