// Arguments and results of the ledger's channels (issue 3): the child record's list, page, history, visits,
// assistance, assessments, exits, alerts, settings and code lists. Pure (zod + pure domain code): the renderer
// imports these as values. The record itself is THE schema in ./child.
import { z } from 'zod';
import type { AgeBand } from '../../domain/ledger/age';
import type { ChildAlert, AlertKind, LedgerSettings } from '../../domain/ledger/child-summary';
import { CODE_LIST_KEYS, type CodeLists } from '../../domain/ledger/codelists';
import { isIsoDate } from '../../domain/ledger/dates';
import type { TransferTrace } from '../../domain/ledger/transfer-lock';
import type { ChildRecord } from './child';

export type { AgeBand } from '../../domain/ledger/age';
export type { AlertKind, ChildAlert, LedgerSettings } from '../../domain/ledger/child-summary';
export type { TransferTrace } from '../../domain/ledger/transfer-lock';

const id = z.string({ error: '缺少记录编号' }).min(1, '缺少记录编号').max(80);
const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).refine(isIsoDate, `${label}不是有效的日期`);
const optionalIsoDate = (label: string) =>
  z.string().trim().refine((v) => v === '' || isIsoDate(v), `${label}不是有效的日期`).default('');
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');
const requiredText = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const code = (label: string) => z.string({ error: `请选择${label}` }).trim().min(1, `请选择${label}`).max(40);

export const AGE_BANDS = ['0-5', '6-13', '14-15', '16+'] as const;
export const ageBandLabels: Readonly<Record<AgeBand, string>> = {
  '0-5': '0—5岁',
  '6-13': '6—13岁',
  '14-15': '14—15岁',
  '16+': '16岁及以上',
};
export const ALERT_KINDS = ['unguarded', 'age16', 'turning16', 'visitOverdue', 'missingPhone'] as const;

export const CHILD_SORT_FIELDS = ['alerts', 'name', 'age', 'township', 'riskLevel', 'lastVisitDate', 'updated'] as const;
export type ChildSortField = (typeof CHILD_SORT_FIELDS)[number];

const filterValue = z.string().trim().max(60).optional();

export const childListArgs = z
  .object({
    filters: z
      .object({
        township: filterValue,
        village: filterValue,
        guardianKind: filterValue,
        assessment: filterValue,
        schooling: filterValue,
        riskLevel: filterValue,
        status: filterValue,
        ageBand: z.enum(AGE_BANDS).optional(),
        alert: z.enum(ALERT_KINDS).optional(),
        /** 信息不完整: only the children whose record is 待完善. */
        incomplete: z.boolean().optional(),
      })
      .strict()
      .default({}),
    search: z.string().max(60).default(''),
    sort: z
      .object({ field: z.enum(CHILD_SORT_FIELDS), dir: z.enum(['asc', 'desc']).default('asc') })
      .default({ field: 'alerts', dir: 'asc' }),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type ChildListQuery = z.output<typeof childListArgs>;
export type ChildListFilters = ChildListQuery['filters'];

/** One line of the list: ID numbers and phones masked, codes as stored (the renderer labels them from the code lists). */
export interface ChildRow {
  id: string;
  name: string;
  sex: string;
  birthDate: string;
  age: number | null;
  ageBand: AgeBand | null;
  idNumberMasked: string;
  township: string;
  village: string;
  guardianKind: string;
  guardianshipType: string;
  assessment: string;
  schooling: string;
  riskLevel: string;
  status: string;
  guardianPhoneMasked: string;
  eligible: boolean;
  unguarded: boolean;
  /** 待完善: some national-form field is still missing. */
  incomplete: boolean;
  alerts: ChildAlert[];
  lastVisitDate: string;
  /** Another live record holds the same ID number (疑似重复); set only when true. */
  duplicate?: boolean;
}

export interface ChildListResult {
  total: number;
  offset: number;
  rows: ChildRow[];
  /** Every township in the ledger, and the villages of the chosen township (or all), for the filter selects. */
  townships: string[];
  villages: string[];
}

export interface ChildView {
  id: string;
  record: ChildRecord;
  /** True when ID numbers and phones in `record` are masked. */
  masked: boolean;
  age: number | null;
  ageBand: AgeBand | null;
  eligible: boolean;
  eligibilityReasons: string[];
  alerts: ChildAlert[];
  /** The national-form fields the record lacks (field paths, in the form's order); empty when complete. */
  missing: string[];
  lastVisitDate: string;
  nextVisitDue: string;
  lastAssessmentDate: string;
  createdAt: string;
  updatedAt: string;
  /** Set when this office has transferred the child out: the record is then read-only here. */
  transferredOut: TransferTrace | null;
}

/**
 * `incomplete`: the clerk chose 暂存为待完善: the record may lack national-form fields (it must still say which child
 * it is); without it, the form's record must be complete.
 */
const incomplete = z.boolean().default(false);
export const childRecordArgs = z.object({ record: z.record(z.string(), z.unknown(), { error: '缺少儿童信息' }), incomplete }).strict();
export const childUpdateArgs = z
  .object({ id, record: z.record(z.string(), z.unknown(), { error: '缺少儿童信息' }), incomplete })
  .strict();
export const childIdArgs = z.object({ id }).strict();
export const childRevealArgs = z.object({ id, purpose: z.enum(['view', 'edit']).default('view') }).strict();

export interface ChildSaved {
  id: string;
  /** Field paths written by this save (an update lists only what changed). */
  changed: string[];
}

export interface HistoryChange {
  field: string;
  label: string;
  old: string;
  new: string;
}
export interface HistoryEntry {
  at: string;
  user: string;
  kind: 'created' | 'changed' | 'exited' | 'reentered';
  changes: HistoryChange[];
}

export const childExitArgs = z
  .object({ id, reason: code('退出原因'), date: isoDate('退出日期'), note: text('情况说明', 500) })
  .strict();
export const childReenterArgs = z.object({ id, date: isoDate('重新纳入日期'), note: text('情况说明', 500) }).strict();

export const visitAddArgs = z
  .object({
    childId: id,
    date: isoDate('走访日期'),
    visitor: requiredText('走访人', 50),
    findings: z.array(z.string().max(40)).max(20).default([]),
    note: text('走访情况', 1000),
    nextDue: optionalIsoDate('下次走访日期'),
  })
  .strict();
export interface Visit {
  id: string;
  childId: string;
  date: string;
  visitor: string;
  findings: string[];
  note: string;
  nextDue: string;
  recordedAt: string;
  user: string;
}

export const assistanceAddArgs = z
  .object({
    childId: id,
    type: code('帮扶措施类型'),
    provider: requiredText('帮扶单位', 100),
    date: isoDate('帮扶日期'),
    note: text('说明', 1000),
  })
  .strict();
export interface Assistance {
  id: string;
  childId: string;
  type: string;
  provider: string;
  date: string;
  note: string;
  recordedAt: string;
  user: string;
}

export const assessmentAddArgs = z
  .object({
    childId: id,
    date: isoDate('评估日期'),
    assessor: requiredText('评估人', 50),
    guardianship: code('监护情况评估'),
    safety: requiredText('安全状况', 500),
    riskLevel: code('风险等级'),
    note: text('说明', 1000),
  })
  .strict();
export interface Assessment {
  id: string;
  childId: string;
  date: string;
  assessor: string;
  guardianship: string;
  safety: string;
  riskLevel: string;
  note: string;
  recordedAt: string;
  user: string;
}

export const byChildArgs = z.object({ childId: id }).strict();

export interface AlertItem {
  childId: string;
  name: string;
  township: string;
  village: string;
  unguarded: boolean;
  alerts: ChildAlert[];
}
export const alertsListArgs = z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict();
export interface AlertsResult {
  /** Children with at least one alert. */
  total: number;
  counts: Record<AlertKind, number>;
  items: AlertItem[];
  /** Children in the ledger whose record is 待完善. */
  incomplete: number;
}

export const ledgerSettingsArgs = z
  .object({
    visitPeriodDays: z
      .number({ error: '请填写走访周期' })
      .int('走访周期应为整数天')
      .min(1, '走访周期至少1天')
      .max(365, '走访周期不能超过365天'),
    turning16Days: z
      .number({ error: '请填写提前提醒天数' })
      .int('提前提醒天数应为整数')
      .min(1, '提前提醒天数至少1天')
      .max(180, '提前提醒天数不能超过180天')
      .default(30),
  })
  .strict();
export type LedgerSettingsView = LedgerSettings;

export const codeListExtendArgs = z
  .object({
    list: z.enum(CODE_LIST_KEYS, { error: '没有这个代码表' }),
    label: requiredText('新增项目名称', 60),
    note: text('说明', 300),
  })
  .strict();
export type CodeListsView = CodeLists;
export interface CodeItemAdded {
  list: string;
  code: string;
  label: string;
}

// Pure record helpers the form shares with the handlers (the renderer imports values only from contract/schemas).
export { identifiesChild, missingFields, nestedGetter, NOT_IDENTIFIED_MESSAGE } from '../../domain/ledger/completeness';
export {
  CHILD_FIELD_PATHS,
  emptyChildRecord,
  fillFromIdNumber,
  flattenChild,
} from '../../domain/ledger/child-fields';
export { checkEligibility } from '../../domain/ledger/eligibility';
export { ageOn } from '../../domain/ledger/age';
