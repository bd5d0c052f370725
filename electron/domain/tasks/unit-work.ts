// What a member unit files on its tasks (issue 14): progress reports come from task-service; here the attachments
// (a scanned reply letter, kept with its SHA-256), 延期申请 and the office's answer, each unit's 承办人 line, and who
// filed each report — the unit's own office (单位报送, signed by its card) or the joint-meeting office (办公室录入).
import { createHash } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { unitOfficeParts } from '../../contract/schemas/office';
import {
  extensionStatusNames,
  MAX_ATTACHMENT_BYTES,
  type ExtensionRequestView,
  type ExtensionStatus,
  type TaskAttachmentFile,
  type TaskAttachmentView,
} from '../../contract/schemas/unit-office';
import type { TaskReportView } from '../../contract/schemas/units';
import { formatChineseDate } from '../../print/chinese-date';
import { hlcOffice } from '../../store/hlc';
import type { JsonValue } from '../../store/operation';
import { createdHlc } from '../../store/state';
import type { Change, Store } from '../../store/store';
import { contactField, TASK_ATTACHMENT_ENTITY, TASK_EXTENSION_REQUEST_ENTITY } from '../../sync/unit-share';
import { UNIT_ENTITY } from '../composition/composition-on';
import { extendTaskChanges, TASK_ENTITY, TASK_REPORT_ENTITY, taskStatus, readTaskFacts } from './task-service';

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
const strs = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const unitName = (store: Store, id: string) => str(store.get(UNIT_ENTITY, id)?.v.name) || '（已删除的单位）';

/** The office that made a record (the stamp of its first operation). */
export const sourceOf = (store: Store, entity: string, id: string): string => {
  const rec = store.get(entity, id);
  return rec ? hlcOffice(createdHlc(rec)) : '';
};

/** A task that exists and still takes work from its units; `unitId` must be its lead or a co-unit. */
function taskForUnit(store: Store, taskId: string, unitId: string, todayIso: string, what: string): Record<string, JsonValue> {
  const v = store.get(TASK_ENTITY, taskId)?.v;
  if (!v) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  if (str(v.leadUnitId) !== unitId && !strs(v.coUnitIds).includes(unitId)) {
    throw new AppError('REFUSED', `${unitName(store, unitId)}不是该事项的牵头或配合单位，不能${what}。`, { unitId: '应为该事项的牵头或配合单位' });
  }
  const status = taskStatus(readTaskFacts(store, taskId), todayIso);
  if (status === '已销号' || status === '已撤销' || status === '待报批') throw new AppError('REFUSED', `该事项${status}，不能${what}。`);
  return v;
}

// ── attachments ──

export interface AttachInput {
  taskId: string;
  reportId?: string | undefined;
  unitId: string;
  fileName: string;
  bytes: Buffer;
  date: string;
}

export const sha256Of = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export function attachChanges(store: Store, id: string, a: AttachInput, todayIso: string): Change[] {
  taskForUnit(store, a.taskId, a.unitId, todayIso, '添加附件');
  if (a.bytes.length === 0) throw new AppError('VALIDATION', '附件是空文件。', { fileName: '附件是空文件' });
  if (a.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', '附件不能超过 8 MB。', { fileName: '附件不能超过 8 MB' });
  if (a.reportId) {
    const r = store.get(TASK_REPORT_ENTITY, a.reportId)?.v;
    if (!r || str(r.taskId) !== a.taskId) throw new AppError('NOT_FOUND', '找不到该进展报告。');
  }
  // Only the name: a full path may name a person's folder.
  const fileName = a.fileName.split(/[\\/]/).pop()!.trim() || '附件';
  return [
    {
      entity: TASK_ATTACHMENT_ENTITY,
      id,
      set: {
        taskId: a.taskId,
        reportId: a.reportId ?? null,
        unitId: a.unitId,
        fileName,
        size: a.bytes.length,
        sha256: sha256Of(a.bytes),
        data: a.bytes.toString('base64'),
        date: a.date,
      },
    },
  ];
}

function attachmentView(store: Store, id: string, v: Record<string, JsonValue>): TaskAttachmentView {
  return {
    id,
    taskId: str(v.taskId),
    reportId: str(v.reportId) || null,
    unitId: str(v.unitId),
    unitName: unitName(store, str(v.unitId)),
    fileName: str(v.fileName),
    size: typeof v.size === 'number' ? v.size : 0,
    sha256: str(v.sha256),
    date: str(v.date),
    source: sourceOf(store, TASK_ATTACHMENT_ENTITY, id),
  };
}

export function attachmentsOf(store: Store, taskId: string): TaskAttachmentView[] {
  return Object.entries(store.table(TASK_ATTACHMENT_ENTITY))
    .filter(([, r]) => str(r.v.taskId) === taskId)
    .map(([id, r]) => attachmentView(store, id, r.v))
    .sort((a, b) => a.date.localeCompare(b.date) || a.fileName.localeCompare(b.fileName, 'zh'));
}

/** The file, checked against the hash it was filed with: a changed file is refused, never handed out. */
export function attachmentFile(store: Store, id: string): TaskAttachmentFile {
  const rec = store.get(TASK_ATTACHMENT_ENTITY, id);
  if (!rec) throw new AppError('NOT_FOUND', '找不到该附件。');
  const bytes = Buffer.from(str(rec.v.data), 'base64');
  const view = attachmentView(store, id, rec.v);
  if (sha256Of(bytes) !== view.sha256) throw new AppError('ATTACHMENT_DAMAGED', `附件「${view.fileName}」与报送时的校验值不符，可能已损坏，不能打开。`);
  return { ...view, data: bytes.toString('base64') };
}

// ── 延期申请 ──

export interface ExtensionRequestInput {
  taskId: string;
  unitId: string;
  deadline: string;
  reason: string;
  date: string;
}

export function extensionRequestChanges(store: Store, id: string, r: ExtensionRequestInput, todayIso: string): Change[] {
  const v = taskForUnit(store, r.taskId, r.unitId, todayIso, '申请延期');
  const fields: Record<string, string> = {};
  const current = str(v.deadline);
  if (!ISO.test(r.deadline)) fields.deadline = '请填写申请的完成时限。';
  else if (r.deadline <= current) fields.deadline = `申请的完成时限应晚于现时限${formatChineseDate(current)}。`;
  if (r.reason.trim() === '') fields.reason = '请填写申请理由。';
  if (!ISO.test(r.date)) fields.date = '请填写申请日期。';
  else if (r.date > todayIso) fields.date = '申请日期不能晚于今天。';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '延期申请填写不完整。', fields);
  const pending = Object.values(store.table(TASK_EXTENSION_REQUEST_ENTITY)).some(
    (x) => str(x.v.taskId) === r.taskId && str(x.v.unitId) === r.unitId && str(x.v.status) === 'pending',
  );
  if (pending) throw new AppError('REFUSED', '本单位对该事项已有一份待批复的延期申请，请等待联席会议办公室批复。');
  return [
    {
      entity: TASK_EXTENSION_REQUEST_ENTITY,
      id,
      set: { taskId: r.taskId, unitId: r.unitId, deadline: r.deadline, reason: r.reason.trim(), date: r.date, status: 'pending' },
    },
  ];
}

export interface ExtensionDecision {
  requestId: string;
  approve: boolean;
  approvedBy?: string | undefined;
  from: string;
  note?: string | undefined;
}

/** The office's answer: 同意 extends the task (延期, as if entered by hand) in the same batch; 不同意 only answers. */
export function decideExtensionChanges(store: Store, d: ExtensionDecision, todayIso: string, by: string): Change[] {
  const req = store.get(TASK_EXTENSION_REQUEST_ENTITY, d.requestId)?.v;
  if (!req) throw new AppError('NOT_FOUND', '找不到该延期申请。');
  if (str(req.status) !== 'pending') throw new AppError('REFUSED', '该延期申请已经批复。');
  const note = (d.note ?? '').trim();
  const answer: Change = {
    entity: TASK_EXTENSION_REQUEST_ENTITY,
    id: d.requestId,
    set: { status: d.approve ? 'approved' : 'refused', decidedOn: d.from, decisionNote: note, decidedBy: by },
  };
  if (!d.approve) return [answer];
  const approvedBy = (d.approvedBy ?? '').trim();
  const reason = `${unitName(store, str(req.unitId))}申请：${str(req.reason)}`.slice(0, 500);
  const extend = extendTaskChanges(store, { id: str(req.taskId), deadline: str(req.deadline), reason, approvedBy, from: d.from }, todayIso, by);
  return [...extend, answer];
}

export function extensionRequestsOf(store: Store, taskId?: string): ExtensionRequestView[] {
  return Object.entries(store.table(TASK_EXTENSION_REQUEST_ENTITY))
    .filter(([, r]) => taskId === undefined || str(r.v.taskId) === taskId)
    .map(([id, r]): ExtensionRequestView => {
      const status: ExtensionStatus = r.v.status === 'approved' || r.v.status === 'refused' ? r.v.status : 'pending';
      return {
        id,
        taskId: str(r.v.taskId),
        unitId: str(r.v.unitId),
        unitName: unitName(store, str(r.v.unitId)),
        deadline: str(r.v.deadline),
        reason: str(r.v.reason),
        date: str(r.v.date),
        status,
        statusLabel: extensionStatusNames[status],
        decidedOn: str(r.v.decidedOn) || null,
        decisionNote: str(r.v.decisionNote),
        source: sourceOf(store, TASK_EXTENSION_REQUEST_ENTITY, id),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

// ── 承办人 ──

export function contactChanges(store: Store, taskId: string, unitId: string, contact: string, todayIso: string): Change[] {
  taskForUnit(store, taskId, unitId, todayIso, '填写承办人');
  const text = contact.trim();
  if (text === '') throw new AppError('VALIDATION', '请填写承办人及联系方式。', { contact: '请填写承办人及联系方式。' });
  return [{ entity: TASK_ENTITY, id: taskId, set: { [contactField(unitId)]: text } }];
}

export function contactsOf(store: Store, taskId: string): { unitId: string; unitName: string; contact: string }[] {
  const v = store.get(TASK_ENTITY, taskId)?.v ?? {};
  return Object.entries(v)
    .filter(([k, val]) => k.startsWith('contact.') && typeof val === 'string' && val !== '')
    .map(([k, val]) => ({ unitId: k.slice('contact.'.length), unitName: unitName(store, k.slice('contact.'.length)), contact: val as string }));
}

// ── who filed a report ──

/** A report's source: the unit's own office (单位报送) or the office that typed it in (办公室录入). */
export function withReportSource(
  store: Store,
  r: TaskReportView,
  officeName: (code: string) => string,
): TaskReportView {
  const source = sourceOf(store, TASK_REPORT_ENTITY, r.id);
  if (!source) return r;
  const byUnit = unitOfficeParts(source)?.unitId === r.unitId;
  const attachmentIds = Object.entries(store.table(TASK_ATTACHMENT_ENTITY))
    .filter(([, a]) => str(a.v.reportId) === r.id)
    .map(([id]) => id);
  return { ...r, source, sourceName: officeName(source), channel: byUnit ? '单位报送' : '办公室录入', attachmentIds };
}
