// Supervised tasks (督办事项) as store changes and as a status computed from the facts, never stored: a task's status
// depends on today, so storing it would make every task go stale at midnight. The changes are returned, not
// committed, so that a meeting can commit a decided item and its task in one all-or-nothing batch.
import { createdHlc } from '../../store/state';
import { hlcDate } from '../../store/hlc';
import { formatChineseDate } from '../../print/chinese-date';
import { isoDateOf } from '../ledger/dates';
import { AppError } from '../../contract/errors';
import type { JsonValue } from '../../store/operation';
import type { Change, Store } from '../../store/store';

export const TASK_ENTITY = 'task';
export const TASK_REPORT_ENTITY = 'taskReport';

export const taskSourceKinds = ['decision', 'duty', 'adhoc'] as const;
export type TaskSourceKind = (typeof taskSourceKinds)[number];

export interface TaskSource {
  kind: TaskSourceKind;
  meetingId?: string;
  decisionId?: string;
  dutyItemId?: string;
}

export interface NewTask {
  title: string;
  source: TaskSource;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: string;
  childIds?: string[];
  heldForApproval?: boolean;
  /** 交办日期, when the task is recorded after the day it was assigned. */
  assignedOn?: string | undefined;
}

export const taskStatuses = ['待报批', '未开始', '进行中', '已完成', '已逾期', '已销号', '已撤销'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** What the status depends on. `reports` needs only whether each is final. */
export interface TaskFacts {
  deadline: string;
  heldForApproval?: boolean | undefined;
  cancelled?: boolean | undefined;
  closedOn?: string | null | undefined;
  reports?: readonly { final?: boolean | undefined }[] | undefined;
}

/**
 * 待报批 while a major matter awaits approval (not started, never overdue); 已撤销 when approval was refused;
 * 已销号 once closed; 已完成 when a final report is in; 已逾期 when the deadline has passed without one (the deadline
 * day itself still counts as in time); otherwise 进行中 once any unit has reported, else 未开始.
 */
export function taskStatus(task: TaskFacts, todayIso: string): TaskStatus {
  if (task.cancelled) return '已撤销';
  if (task.closedOn) return '已销号';
  if (task.heldForApproval) return '待报批';
  const reports = task.reports ?? [];
  if (reports.some((r) => r.final)) return '已完成';
  if (task.deadline !== '' && task.deadline < todayIso) return '已逾期';
  return reports.length > 0 ? '进行中' : '未开始';
}

/** Open: still owed by its units (what meetings carry forward and reminders look at). */
export const isOpenStatus = (s: TaskStatus) => s === '未开始' || s === '进行中' || s === '已逾期';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a new task; the messages name the form fields. */
export function checkNewTask(t: NewTask): void {
  const fields: Record<string, string> = {};
  if (t.title.trim() === '') fields.title = '请填写督办事项。';
  if (t.leadUnitId.trim() === '') fields.leadUnitId = '请选择牵头单位。';
  if (t.coUnitIds.includes(t.leadUnitId)) fields.coUnitIds = '牵头单位不必再列为配合单位。';
  if (!ISO.test(t.deadline)) fields.deadline = '请填写完成时限（如 2025-06-30）。';
  if (t.source.kind === 'duty' && !t.source.dutyItemId) fields['source.dutyItemId'] = '请选择对应的职责条目。';
  if (t.source.kind === 'decision' && !t.source.decisionId) fields['source.decisionId'] = '缺少对应的议定事项。';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '督办事项填写不完整。', fields);
}

/** The changes that create task `id`. Validates first, so a meeting's batch fails before anything is written. */
export function newTaskChanges(id: string, t: NewTask): Change[] {
  checkNewTask(t);
  const source: Record<string, JsonValue> = { kind: t.source.kind };
  if (t.source.meetingId) source.meetingId = t.source.meetingId;
  if (t.source.decisionId) source.decisionId = t.source.decisionId;
  if (t.source.dutyItemId) source.dutyItemId = t.source.dutyItemId;
  return [
    {
      entity: TASK_ENTITY,
      id,
      set: {
        title: t.title.trim(),
        source,
        leadUnitId: t.leadUnitId,
        coUnitIds: [...new Set(t.coUnitIds)],
        deadline: t.deadline,
        childIds: [...new Set(t.childIds ?? [])],
        heldForApproval: t.heldForApproval ?? false,
        cancelled: false,
        closedOn: null,
        ...(t.assignedOn ? { assignedOn: t.assignedOn } : {}),
      },
    },
  ];
}

/** Approval granted: the task starts. */
export function releaseTaskChanges(id: string): Change[] {
  return [{ entity: TASK_ENTITY, id, set: { heldForApproval: false } }];
}

/** Approval refused (不予批准): the task never starts and leaves every list of open work. */
export function cancelTaskChanges(id: string, reason: string): Change[] {
  return [{ entity: TASK_ENTITY, id, set: { heldForApproval: false, cancelled: true, cancelReason: reason } }];
}

export interface TaskReportInput {
  taskId: string;
  unitId: string;
  date: string;
  text: string;
  /** 办结报告: the work is done; a task can be closed only after one. */
  final: boolean;
}

/** The change that records a unit's dated progress report on a task. */
export function taskReportChanges(store: Store, id: string, r: TaskReportInput, todayIso: string): Change[] {
  const task = store.get(TASK_ENTITY, r.taskId)?.v;
  if (!task) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  const fields: Record<string, string> = {};
  const units = [task.leadUnitId, ...(Array.isArray(task.coUnitIds) ? task.coUnitIds : [])];
  if (!units.includes(r.unitId)) fields.unitId = '报送单位应为该事项的牵头或配合单位。';
  if (!ISO.test(r.date)) fields.date = '请填写报送日期。';
  else if (r.date > todayIso) fields.date = '报送日期不能晚于今天。';
  if (r.text.trim() === '') fields.text = '请填写进展情况。';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '进展报告填写不完整。', fields);
  const status = taskStatus(readTaskFacts(store, r.taskId), todayIso);
  if (status === '已销号' || status === '已撤销' || status === '待报批') {
    throw new AppError('REFUSED', `该事项${status}，不能再报送进展。`);
  }
  return [
    {
      entity: TASK_REPORT_ENTITY,
      id,
      set: { taskId: r.taskId, unitId: r.unitId, date: r.date, text: r.text.trim(), final: r.final },
    },
  ];
}

/** Closing (销号) needs a final report: the office signs off work a unit has reported done, never work in progress. */
export function closeTaskChanges(store: Store, id: string, date: string, note: string): Change[] {
  const facts = readTaskFacts(store, id);
  if (facts.cancelled) throw new AppError('REFUSED', '该事项未获批准，无需销号。');
  if (facts.closedOn) throw new AppError('REFUSED', '该事项已经销号。');
  if (!(facts.reports ?? []).some((r) => r.final)) {
    throw new AppError('FINAL_REPORT_REQUIRED', '该事项尚无办结报告，不能销号。请先由承办单位报送办结情况。');
  }
  if (!ISO.test(date)) throw new AppError('VALIDATION', '请填写销号日期。', { date: '请填写销号日期。' });
  return [{ entity: TASK_ENTITY, id, set: { closedOn: date, closeNote: note.trim() } }];
}

export interface TaskReportRecord {
  id: string;
  taskId: string;
  unitId: string;
  date: string;
  text: string;
  final: boolean;
}

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');

/** The day a task came to exist: the day of the meeting that decided it, else its recorded 交办日期, else the day it
 *  was entered. Nothing about a task can be dated before it (a bulletin, a 延期, a 催办). */
export function taskExistsFrom(store: Store, id: string): string {
  const rec = store.get(TASK_ENTITY, id);
  if (!rec) return '';
  const src = rec.v.source;
  const meetingId = src !== null && typeof src === 'object' && !Array.isArray(src) ? str(src.meetingId) : '';
  const meetingDate = meetingId ? str(store.get('meeting', meetingId)?.v.date) : '';
  if (ISO.test(meetingDate)) return meetingDate;
  const assigned = str(rec.v.assignedOn);
  if (ISO.test(assigned)) return assigned;
  return isoDateOf(hlcDate(createdHlc(rec)));
}

/** Refuses a date before the task existed or after today (the message names dates in Chinese form). */
export function checkTaskDate(store: Store, id: string, date: string, what: string, todayIso: string): string | null {
  if (date > todayIso) return `${what}不能晚于今天（${formatChineseDate(todayIso)}）。`;
  const born = taskExistsFrom(store, id);
  if (born && date < born) return `${what}不能早于该事项交办（议定）的日期${formatChineseDate(born)}。`;
  return null;
}

/** Every report, grouped by task, each group in date order (ties by recording order). */
export function reportsByTask(store: Store): Map<string, TaskReportRecord[]> {
  const out = new Map<string, TaskReportRecord[]>();
  const rows = Object.entries(store.table(TASK_REPORT_ENTITY)).sort(([, a], [, b]) => (createdHlc(a) < createdHlc(b) ? -1 : 1));
  for (const [id, rec] of rows) {
    const r: TaskReportRecord = {
      id,
      taskId: str(rec.v.taskId),
      unitId: str(rec.v.unitId),
      date: str(rec.v.date),
      text: str(rec.v.text),
      final: rec.v.final === true,
    };
    const list = out.get(r.taskId) ?? [];
    list.push(r);
    out.set(r.taskId, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

export function readTaskFacts(store: Store, id: string, reports?: TaskReportRecord[]): TaskFacts {
  const v = store.get(TASK_ENTITY, id)?.v;
  if (!v) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  return {
    deadline: str(v.deadline),
    heldForApproval: v.heldForApproval === true,
    cancelled: v.cancelled === true,
    closedOn: typeof v.closedOn === 'string' ? v.closedOn : null,
    reports: reports ?? reportsByTask(store).get(id) ?? [],
  };
}

// ── supervision: 延期, edits with history, 催办 ──

export const TASK_URGE_ENTITY = 'taskUrge';

const isObj = (v: JsonValue | undefined): v is Record<string, JsonValue> => v !== null && typeof v === 'object' && !Array.isArray(v);
const objs = (v: JsonValue | undefined): Record<string, JsonValue>[] => (Array.isArray(v) ? v.filter(isObj) : []);
const strList = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface TaskExtensionRecord {
  deadline: string;
  previous: string;
  reason: string;
  approvedBy: string;
  from: string;
  by: string;
}

export function taskExtensions(v: Record<string, JsonValue>): TaskExtensionRecord[] {
  return objs(v.extensions).map((x) => ({
    deadline: str(x.deadline),
    previous: str(x.previous),
    reason: str(x.reason),
    approvedBy: str(x.approvedBy),
    from: str(x.from),
    by: str(x.by),
  }));
}

/** The deadline first set, when it has been extended since; null when never extended. */
export function originalDeadline(v: Record<string, JsonValue>): string | null {
  const ext = taskExtensions(v);
  return ext.length > 0 ? ext[0]!.previous : null;
}

/** The deadline in force on `date`: an extension counts from the day it was approved. */
export function deadlineOn(v: Record<string, JsonValue>, date: string): string {
  const ext = taskExtensions(v);
  if (ext.length === 0) return str(v.deadline);
  const granted = [...ext].reverse().find((x) => x.from <= date);
  return granted ? granted.deadline : ext[0]!.previous;
}

function openTask(store: Store, id: string, what: string): Record<string, JsonValue> {
  const v = store.get(TASK_ENTITY, id)?.v;
  if (!v) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  if (v.cancelled === true) throw new AppError('REFUSED', `该事项未获批准，不能${what}。`);
  if (typeof v.closedOn === 'string' && v.closedOn !== '') throw new AppError('REFUSED', `该事项已经销号，不能${what}。`);
  return v;
}

export interface ExtendInput {
  id: string;
  deadline: string;
  reason: string;
  approvedBy: string;
  /** The day the extension was approved; from then on the task is judged against the new deadline. */
  from: string;
}

/** 延期: the new deadline replaces the one in force; the first deadline and every extension stay on the record. */
export function extendTaskChanges(store: Store, e: ExtendInput, todayIso: string, by: string): Change[] {
  const v = openTask(store, e.id, '延期');
  const fields: Record<string, string> = {};
  const current = str(v.deadline);
  if (!ISO.test(e.deadline)) fields.deadline = '请填写新的完成时限。';
  else if (e.deadline <= current) fields.deadline = `新的完成时限应晚于现时限${formatChineseDate(current)}。`;
  if (e.reason.trim() === '') fields.reason = '请填写延期理由。';
  if (e.approvedBy.trim() === '') fields.approvedBy = '请填写批准人（如 召集人 马儒生）。';
  const last = taskExtensions(v).at(-1);
  if (!ISO.test(e.from)) fields.from = '请填写批准日期。';
  else if (checkTaskDate(store, e.id, e.from, '批准日期', todayIso)) fields.from = checkTaskDate(store, e.id, e.from, '批准日期', todayIso)!;
  else if (last && e.from < last.from) fields.from = `批准日期不能早于上次延期的批准日期${formatChineseDate(last.from)}。`;
  if (Object.keys(fields).length === 1 && fields.from) throw new AppError('VALIDATION', fields.from, fields);
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '延期信息填写不完整。', fields);
  const entry = { deadline: e.deadline, previous: current, reason: e.reason.trim(), approvedBy: e.approvedBy.trim(), from: e.from, by };
  const extensions = [...taskExtensions(v), entry] as unknown as JsonValue;
  return [{ entity: TASK_ENTITY, id: e.id, set: { deadline: e.deadline, extensions } }];
}

export interface TaskEditRecord {
  date: string;
  by: string;
  reason: string;
  changes: { field: string; before: JsonValue; after: JsonValue }[];
}

export function taskEdits(v: Record<string, JsonValue>): TaskEditRecord[] {
  return objs(v.history).map((h) => ({
    date: str(h.date),
    by: str(h.by),
    reason: str(h.reason),
    changes: objs(h.changes).map((c) => ({ field: str(c.field), before: c.before ?? null, after: c.after ?? null })),
  }));
}

export interface EditInput {
  id: string;
  title?: string | undefined;
  leadUnitId?: string | undefined;
  coUnitIds?: string[] | undefined;
  reason: string;
}

/** Corrects a task's wording or units; what changed, when, by whom and why is appended to its history. */
export function editTaskChanges(store: Store, e: EditInput, todayIso: string, by: string, unitExists: (id: string) => boolean): Change[] {
  const v = openTask(store, e.id, '修改');
  const fields: Record<string, string> = {};
  const set: Record<string, JsonValue> = {};
  const changes: TaskEditRecord['changes'] = [];
  if (e.title !== undefined) {
    const title = e.title.trim();
    if (title === '') fields.title = '请填写督办事项。';
    else if (title !== str(v.title)) {
      set.title = title;
      changes.push({ field: 'title', before: str(v.title), after: title });
    }
  }
  const lead = e.leadUnitId ?? str(v.leadUnitId);
  if (e.leadUnitId !== undefined && e.leadUnitId !== str(v.leadUnitId)) {
    if (!unitExists(e.leadUnitId)) fields.leadUnitId = '所选单位不是成员单位。';
    set.leadUnitId = e.leadUnitId;
    changes.push({ field: 'leadUnitId', before: str(v.leadUnitId), after: e.leadUnitId });
  }
  const before = strList(v.coUnitIds);
  const co = e.coUnitIds === undefined ? before : [...new Set(e.coUnitIds)];
  if (co.includes(lead)) fields.coUnitIds = '牵头单位不必再列为配合单位。';
  if (e.coUnitIds !== undefined && co.join('|') !== before.join('|')) {
    if (co.some((u) => !unitExists(u))) fields.coUnitIds = '所选单位不是成员单位。';
    set.coUnitIds = co;
    changes.push({ field: 'coUnitIds', before, after: co });
  }
  if (e.reason.trim() === '') fields.reason = '请填写修改说明。';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '督办事项修改不完整。', fields);
  if (changes.length === 0) throw new AppError('VALIDATION', '没有修改任何内容。');
  const entry = { date: todayIso, by, reason: e.reason.trim(), changes };
  set.history = [...taskEdits(v), entry] as unknown as JsonValue;
  return [{ entity: TASK_ENTITY, id: e.id, set }];
}

/** After units merge, their open tasks belong to the unit they became; each task's history says so. */
export function mergeTaskChanges(
  store: Store,
  survivor: string,
  merged: readonly string[],
  date: string,
  by: string,
  reason: string,
): Change[] {
  const out: Change[] = [];
  for (const [id, rec] of Object.entries(store.table(TASK_ENTITY))) {
    const v = rec.v;
    if (v.cancelled === true || (typeof v.closedOn === 'string' && v.closedOn !== '')) continue;
    const lead0 = str(v.leadUnitId);
    const co0 = strList(v.coUnitIds);
    if (!merged.includes(lead0) && !co0.some((u) => merged.includes(u))) continue;
    const lead = merged.includes(lead0) ? survivor : lead0;
    const co = [...new Set(co0.map((u) => (merged.includes(u) ? survivor : u)))].filter((u) => u !== lead);
    const changes: TaskEditRecord['changes'] = [];
    if (lead !== lead0) changes.push({ field: 'leadUnitId', before: lead0, after: lead });
    if (co.join('|') !== co0.join('|')) changes.push({ field: 'coUnitIds', before: co0, after: co });
    const history = [...taskEdits(v), { date, by, reason, changes }] as unknown as JsonValue;
    out.push({ entity: TASK_ENTITY, id, set: { leadUnitId: lead, coUnitIds: co, history } });
  }
  return out;
}

export interface UrgeRecord {
  id: string;
  taskId: string;
  year: number;
  number: number;
  date: string;
  replyBy: string;
  text: string;
  by: string;
  /** What the notice said when issued, so a reprint is the same paper whatever changes later. */
  snapshot: Record<string, JsonValue>;
}

export const urgeNumberLabel = (year: number, number: number) => `催办〔${year}〕${number}号`;

export function urgeOf(id: string, v: Record<string, JsonValue>): UrgeRecord {
  return {
    id,
    taskId: str(v.taskId),
    year: Number(v.year) || 0,
    number: Number(v.number) || 0,
    date: str(v.date),
    replyBy: str(v.replyBy),
    text: str(v.text),
    by: str(v.by),
    snapshot: isObj(v.snapshot) ? v.snapshot : {},
  };
}

/** Every 催办通知, grouped by task, each group in number order. */
export function urgesByTask(store: Store): Map<string, UrgeRecord[]> {
  const out = new Map<string, UrgeRecord[]>();
  for (const [id, rec] of Object.entries(store.table(TASK_URGE_ENTITY))) {
    const u = urgeOf(id, rec.v);
    const list = out.get(u.taskId) ?? [];
    list.push(u);
    out.set(u.taskId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.date.localeCompare(b.date) || a.year - b.year || a.number - b.number);
  return out;
}

/** The latest 催办通知 issued in `year` (any task): a new one may not be dated before it, or the numbers would run
 *  out of date order. */
export function lastUrgeOfYear(store: Store, year: number): UrgeRecord | null {
  let last: UrgeRecord | null = null;
  for (const [id, rec] of Object.entries(store.table(TASK_URGE_ENTITY))) {
    if (rec.v.year !== year) continue;
    const u = urgeOf(id, rec.v);
    if (!last || u.number > last.number) last = u;
  }
  return last;
}

/** 催办通知 are numbered afresh each year: 催办〔2026〕1号, 2号, … */
export function nextUrgeNumber(store: Store, year: number): number {
  const numbers = Object.values(store.table(TASK_URGE_ENTITY))
    .filter((r) => r.v.year === year)
    .map((r) => (typeof r.v.number === 'number' ? r.v.number : 0));
  return Math.max(0, ...numbers) + 1;
}
