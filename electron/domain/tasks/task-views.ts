// Tasks as lists and pages read them: unit names resolved, status computed for a given day, reports attached.
import type {
  TaskDetail,
  TaskEditView,
  TaskReportView,
  TaskRow,
  TaskUnitRef,
  TaskUrgeView,
} from '../../contract/schemas/units';
import type { JsonValue } from '../../store/operation';
import type { Store } from '../../store/store';
import { unitNameOn, UNIT_ENTITY } from '../composition/composition-on';
import { daysBetween } from '../ledger/dates';
import { unitOfficeParts } from '../../contract/schemas/office';
import { attachmentsOf, contactsOf, extensionRequestsOf, withReportSource } from './unit-work';
import {
  originalDeadline,
  reportsByTask,
  taskEdits,
  taskExtensions,
  taskStatus,
  TASK_ENTITY,
  urgeNumberLabel,
  urgesByTask,
  type TaskReportRecord,
  type UrgeRecord,
} from './task-service';

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
const strs = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A unit's id and name; with `date`, the name it had that day (a renaming dated later does not show yet). */
export function unitRef(store: Store, id: string, date?: string): TaskUnitRef {
  const v = store.get(UNIT_ENTITY, id)?.v;
  const name = date === undefined ? str(v?.name) : unitNameOn(v, date);
  return { id, name: name || '（已删除的单位）' };
}

/** An office's name for a report's source: a unit office by its unit, another office by its trusted card. */
function officeNameOf(store: Store, code: string): string {
  const unit = unitOfficeParts(code);
  if (unit) return unitRef(store, unit.unitId).name;
  const peer = str(store.get('peer', code)?.v.name);
  if (peer) return peer;
  return code === store.office ? '本办公室' : `单位 ${code}`;
}

function reportView(store: Store, r: TaskReportRecord): TaskReportView {
  const view = { id: r.id, unitId: r.unitId, unitName: unitRef(store, r.unitId).name, date: r.date, text: r.text, final: r.final };
  return withReportSource(store, view, (code) => officeNameOf(store, code));
}

const sourceLabels = { decision: '会议议定事项', duty: '职责分工', adhoc: '临时交办' } as const;

function sourceOf(v: JsonValue | undefined): TaskRow['source'] {
  const o = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
  const kind = o.kind === 'decision' || o.kind === 'duty' ? o.kind : 'adhoc';
  const s: TaskRow['source'] = { kind };
  if (typeof o.meetingId === 'string') s.meetingId = o.meetingId;
  if (typeof o.decisionId === 'string') s.decisionId = o.decisionId;
  if (typeof o.dutyItemId === 'string') s.dutyItemId = o.dutyItemId;
  return s;
}

export function taskRow(
  store: Store,
  id: string,
  today: string,
  reports: TaskReportRecord[] = [],
  urges: UrgeRecord[] = [],
): TaskRow | null {
  const v = store.get(TASK_ENTITY, id)?.v;
  if (!v) return null;
  const deadline = str(v.deadline);
  const status = taskStatus(
    {
      deadline,
      heldForApproval: v.heldForApproval === true,
      cancelled: v.cancelled === true,
      closedOn: typeof v.closedOn === 'string' ? v.closedOn : null,
      reports,
    },
    today,
  );
  const latest = reports.length > 0 ? reports[reports.length - 1]! : null;
  const source = sourceOf(v.source);
  return {
    id,
    title: str(v.title),
    source,
    sourceLabel: sourceLabels[source.kind],
    lead: unitRef(store, str(v.leadUnitId), today),
    coUnits: strs(v.coUnitIds).map((u) => unitRef(store, u, today)),
    deadline,
    status,
    daysLeft: deadline ? daysBetween(today, deadline) : 0,
    reportCount: reports.length,
    latestReport: latest ? reportView(store, latest) : null,
    childIds: strs(v.childIds),
    originalDeadline: originalDeadline(v),
    urgeCount: urges.length,
  };
}

export function urgeView(u: UrgeRecord): TaskUrgeView {
  return {
    id: u.id,
    taskId: u.taskId,
    year: u.year,
    number: u.number,
    numberLabel: urgeNumberLabel(u.year, u.number),
    date: u.date,
    replyBy: u.replyBy,
    text: u.text,
    by: u.by,
  };
}

const editLabels: Record<string, string> = { title: '督办事项', leadUnitId: '牵头单位', coUnitIds: '配合单位' };

function editView(store: Store, h: ReturnType<typeof taskEdits>[number]): TaskEditView {
  const shown = (field: string, value: JsonValue): string => {
    if (field === 'leadUnitId') return typeof value === 'string' ? unitRef(store, value).name : '';
    if (field === 'coUnitIds') return strs(value).map((u) => unitRef(store, u).name).join('、') || '无';
    return typeof value === 'string' ? value : '';
  };
  return {
    date: h.date,
    by: h.by,
    reason: h.reason,
    changes: h.changes.map((c) => ({
      field: editLabels[c.field] ?? c.field,
      before: shown(c.field, c.before),
      after: shown(c.field, c.after),
    })),
  };
}

/** Every task, most urgent first: overdue, then by deadline. */
export function allTaskRows(store: Store, today: string): TaskRow[] {
  const reports = reportsByTask(store);
  const urges = urgesByTask(store);
  return Object.keys(store.table(TASK_ENTITY))
    .map((id) => taskRow(store, id, today, reports.get(id), urges.get(id)))
    .filter((r): r is TaskRow => r !== null)
    .sort((a, b) => statusRank(a) - statusRank(b) || a.deadline.localeCompare(b.deadline) || a.title.localeCompare(b.title, 'zh'));
}

const rank: Record<TaskRow['status'], number> = { 已逾期: 0, 进行中: 1, 未开始: 2, 待报批: 3, 已完成: 4, 已销号: 5, 已撤销: 6 };
const statusRank = (r: TaskRow) => rank[r.status];

/** A ledger field, whether the ledger keeps it flat ('child.name') or nested ({ child: { name } }). */
export function ledgerField(v: Record<string, JsonValue>, path: string): JsonValue | undefined {
  if (path in v) return v[path];
  let cur: JsonValue | undefined = v;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** A child's name for a task page; never more than the name. */
function childName(store: Store, id: string): string {
  const v = store.get('child', id)?.v;
  if (!v) return '（档案不存在）';
  const name = ledgerField(v, 'child.name') ?? v.name;
  return typeof name === 'string' && name !== '' ? name : '（未填姓名）';
}

export function taskDetail(store: Store, id: string, today: string): TaskDetail | null {
  const reports = reportsByTask(store).get(id) ?? [];
  const urges = urgesByTask(store).get(id) ?? [];
  const row = taskRow(store, id, today, reports, urges);
  if (!row) return null;
  const v = store.get(TASK_ENTITY, id)!.v;
  let dutyItemText = '';
  if (row.source.dutyItemId) {
    const unitId = row.source.dutyItemId.split('.')[0]!;
    const duty = store.get(UNIT_ENTITY, unitId)?.v.duty;
    if (duty !== null && typeof duty === 'object' && !Array.isArray(duty) && Array.isArray(duty.items)) {
      for (const it of duty.items) {
        if (it !== null && typeof it === 'object' && !Array.isArray(it) && it.id === row.source.dutyItemId) dutyItemText = str(it.text);
      }
    }
  }
  return {
    ...row,
    reports: reports.map((r) => reportView(store, r)),
    children: row.childIds.map((c) => ({ id: c, name: childName(store, c) })),
    closedOn: typeof v.closedOn === 'string' ? v.closedOn : null,
    closeNote: str(v.closeNote),
    cancelReason: str(v.cancelReason),
    dutyItemText,
    extensions: taskExtensions(v),
    history: taskEdits(v).map((h) => editView(store, h)),
    urges: urges.map(urgeView),
    attachments: attachmentsOf(store, id),
    extensionRequests: extensionRequestsOf(store, id),
    contacts: contactsOf(store, id),
  };
}
