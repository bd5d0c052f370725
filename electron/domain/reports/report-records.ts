// How mandatory reports are kept in the store, and how they are read back as views with their deadlines.
//
// entity 'report': the report itself (who, what, when, which child) and one field per single step ('police',
//   'assessment', 'placement', 'referral', 'closing'), each { value, recordedAt, recordedBy }: a step is entered once
//   and corrected as a whole, so one field per step keeps its timestamp with it.
// entity 'reportFollowUp': one record per follow-up, with reportId. Follow-ups accumulate; separate records mean two
//   offices adding one each never overwrite each other.
// entity 'reportSettings', id 'office': the office's deadlines.
import type {
  RecordedStep,
  ReportSettings,
  ReportSettingsValues,
  ReportStep,
  ReportSummary,
  ReportView,
  FollowUpStep,
} from '../../contract/schemas/report';
import { DEFAULT_REPORT_SETTINGS, reportLabels } from '../../contract/schemas/report';
import type { JsonValue } from '../../store/operation';
import type { EntityRecord } from '../../store/state';
import type { Store } from '../../store/store';
import { childText } from '../stats/child-fields';
import { reportStanding } from './deadlines';

export const REPORT = 'report';
export const REPORT_FOLLOW_UP = 'reportFollowUp';
export const REPORT_SETTINGS = 'reportSettings';
export const REPORT_SETTINGS_ID = 'office';

export function readReportSettings(store: Store): ReportSettings {
  const v = store.get(REPORT_SETTINGS, REPORT_SETTINGS_ID)?.v;
  const num = (key: keyof ReportSettingsValues) => {
    const x = v?.[key];
    return typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : DEFAULT_REPORT_SETTINGS[key];
  };
  return {
    policeHours: num('policeHours'),
    assessmentDays: num('assessmentDays'),
    placementDays: num('placementDays'),
    followUpDays: num('followUpDays'),
    isDefault: !v,
  };
}

const str = (v: Record<string, JsonValue>, key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
const strs = (v: Record<string, JsonValue>, key: string) =>
  Array.isArray(v[key]) ? (v[key] as JsonValue[]).filter((x): x is string => typeof x === 'string') : [];

function recorded<T extends ReportStep>(v: Record<string, JsonValue>, key: string): RecordedStep<T> | null {
  const x = v[key];
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const r = x as unknown as RecordedStep<T>;
  return r.value ? r : null;
}

export type FollowUpIndex = Map<string, Array<RecordedStep<FollowUpStep> & { id: string }>>;

/** Every follow-up by report, oldest first: one pass over the table, shared by a whole list. */
export function followUpIndex(store: Store): FollowUpIndex {
  const index: FollowUpIndex = new Map();
  store.each(REPORT_FOLLOW_UP, (id, rec) => {
    const reportId = str(rec.v, 'reportId');
    const step = recorded<FollowUpStep>(rec.v, 'step');
    if (!reportId || !step) return;
    let list = index.get(reportId);
    if (!list) index.set(reportId, (list = []));
    list.push({ ...step, id });
  });
  for (const list of index.values()) list.sort((a, b) => a.value.date.localeCompare(b.value.date) || a.recordedAt.localeCompare(b.recordedAt));
  return index;
}

/** Who the report is about: the ledger's current values for a linked child, else what the reporter gave. */
function childOf(store: Store, v: Record<string, JsonValue>) {
  const childId = str(v, 'childId') || null;
  const child = childId ? store.get('child', childId) : undefined;
  if (child) {
    return {
      childId,
      childName: childText(child.v, 'child.name') || str(v, 'childName'),
      township: childText(child.v, 'responsibility.township') || str(v, 'township'),
      village: childText(child.v, 'responsibility.village') || str(v, 'village'),
    };
  }
  return { childId, childName: str(v, 'childName'), township: str(v, 'township'), village: str(v, 'village') };
}

export function reportView(
  store: Store,
  id: string,
  rec: EntityRecord,
  followUps: FollowUpIndex,
  settings: ReportSettings,
  now: string,
): ReportView {
  const v = rec.v;
  const police = recorded<Extract<ReportStep, { kind: 'police' }>>(v, 'police');
  const assessment = recorded<Extract<ReportStep, { kind: 'assessment' }>>(v, 'assessment');
  const placement = recorded<Extract<ReportStep, { kind: 'placement' }>>(v, 'placement');
  const referral = recorded<Extract<ReportStep, { kind: 'referral' }>>(v, 'referral');
  const closing = recorded<Extract<ReportStep, { kind: 'closing' }>>(v, 'closing');
  const ups = followUps.get(id) ?? [];
  const reportedAt = str(v, 'reportedAt');
  const standing = reportStanding(
    {
      reportedAt,
      policeAt: police?.value.at,
      assessmentDate: assessment?.value.date,
      placementAt: placement?.value.at,
      followUpDates: ups.map((u) => u.value.date),
      referralDate: referral?.value.date,
      closedDate: closing?.value.date,
    },
    settings,
    now,
  );
  const situations = strs(v, 'situations');
  const reporterType = str(v, 'reporterType');
  return {
    id,
    ...childOf(store, v),
    reporterType,
    reporterTypeLabel: reportLabels.reporterType(reporterType),
    reporterName: str(v, 'reporterName'),
    reporterUnit: str(v, 'reporterUnit'),
    reporterPhone: str(v, 'reporterPhone'),
    situations,
    situationLabels: situations.map(reportLabels.situation),
    description: str(v, 'description'),
    reportedAt,
    createdAt: str(v, 'createdAt'),
    police,
    assessment,
    placement,
    followUps: ups,
    referral,
    closing,
    steps: standing.steps,
    closed: standing.closed,
    overdue: standing.overdue,
    overdueSteps: standing.overdueSteps,
    next: standing.next,
    settings,
  };
}

export function summaryOf(view: ReportView): ReportSummary {
  return {
    id: view.id,
    childId: view.childId,
    childName: view.childName,
    township: view.township,
    village: view.village,
    reporterType: view.reporterType,
    reporterTypeLabel: view.reporterTypeLabel,
    situations: view.situations,
    situationLabels: view.situationLabels,
    reportedAt: view.reportedAt,
    closed: view.closed,
    overdue: view.overdue,
    overdueSteps: view.overdueSteps,
    next: view.next,
  };
}
