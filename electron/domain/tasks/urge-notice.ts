// 催办通知: the office urges the units of a supervised task in writing. Each is numbered per year (催办〔2026〕3号),
// recorded on the task, counted in the next progress bulletin, and printed as an official document. What it said is
// kept with it when issued, so a reprint is the same paper however the task changes afterwards.
import { AppError } from '../../contract/errors';
import type { OfficialDocument } from '../../print/document-model';
import { formatChineseDate } from '../../print/chinese-date';
import type { JsonValue } from '../../store/operation';
import type { Change, Store } from '../../store/store';
import { BODY_ENTITY, BODY_ID } from '../composition/composition-on';
import { daysBetween } from '../ledger/dates';
import {
  checkTaskDate,
  lastUrgeOfYear,
  nextUrgeNumber,
  TASK_URGE_ENTITY,
  taskExtensions,
  urgeNumberLabel,
  urgesByTask,
  type UrgeRecord,
} from './task-service';
import { taskRow } from './task-views';
import { reportsByTask } from './task-service';

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface UrgeInput {
  taskId: string;
  date: string;
  replyBy: string;
  text: string;
}

/** The office's name as it signs its papers: 「揭阳市…联席会议办公室」. */
export function officeNameOf(store: Store): { bodyName: string; officeName: string } {
  const body = store.get(BODY_ENTITY, BODY_ID)?.v ?? {};
  const bodyName = str(body.name);
  return {
    bodyName,
    officeName: `${bodyName}${(str(body.officeName) || '办公室').replace(/^联席会议/, '')}`,
  };
}

/** The change that issues the next 催办通知 for a task, with what it says frozen in it. */
export function urgeChanges(store: Store, id: string, u: UrgeInput, todayIso: string, by: string): Change[] {
  const row = taskRow(store, u.taskId, u.date, reportsByTask(store).get(u.taskId) ?? []);
  if (!row) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  if (row.status === '已销号' || row.status === '已撤销' || row.status === '待报批') {
    throw new AppError('REFUSED', `该事项${row.status}，无需催办。`);
  }
  if (row.status === '已完成') throw new AppError('REFUSED', '该事项已报送办结报告，无需催办，请办理销号。');
  const fields: Record<string, string> = {};
  const year = Number(u.date.slice(0, 4));
  const last = ISO.test(u.date) ? lastUrgeOfYear(store, year) : null;
  if (!ISO.test(u.date)) fields.date = '请填写催办日期。';
  else if (checkTaskDate(store, u.taskId, u.date, '催办日期', todayIso))
    fields.date = checkTaskDate(store, u.taskId, u.date, '催办日期', todayIso)!;
  else if (last && u.date < last.date) {
    fields.date =
      `催办日期不能早于本年度最近一份催办通知（${urgeNumberLabel(last.year, last.number)}，${formatChineseDate(last.date)}）：` +
      '催办通知按日期顺序编号。';
  }
  if (!ISO.test(u.replyBy)) fields.replyBy = '请填写报送时限。';
  else if (u.replyBy < u.date) fields.replyBy = '报送时限不能早于催办日期。';
  if (Object.keys(fields).length === 1 && fields.date) throw new AppError('VALIDATION', fields.date, fields);
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '催办通知填写不完整。', fields);
  const number = nextUrgeNumber(store, year);
  const task = store.get('task', u.taskId)!.v;
  const lastExt = taskExtensions(task).at(-1);
  const { bodyName, officeName } = officeNameOf(store);
  // Earlier notices on this task, and whether the units answered after the last of them.
  const earlierUrges = (urgesByTask(store).get(u.taskId) ?? []).filter((x) => x.date <= u.date);
  const lastEarlier = earlierUrges.at(-1);
  const answered = lastEarlier
    ? (reportsByTask(store).get(u.taskId) ?? []).some((r) => r.date >= lastEarlier.date && r.date <= u.date)
    : false;
  const snapshot: Record<string, JsonValue> = {
    earlier: earlierUrges.map((x) => ({ label: urgeNumberLabel(x.year, x.number), date: x.date })),
    answeredSince: answered,
    title: row.title,
    sourceLabel: row.sourceLabel,
    lead: row.lead.name,
    coUnits: row.coUnits.map((c) => c.name),
    deadline: row.deadline,
    originalDeadline: row.originalDeadline,
    approvedBy: lastExt?.approvedBy ?? '',
    status: row.status,
    overdueDays: row.status === '已逾期' ? daysBetween(row.deadline, u.date) : 0,
    reportCount: row.reportCount,
    bodyName,
    officeName,
  };
  return [
    {
      entity: TASK_URGE_ENTITY,
      id,
      set: {
        taskId: u.taskId,
        year,
        number,
        date: u.date,
        replyBy: u.replyBy,
        text: u.text.trim(),
        by,
        snapshot,
      },
    },
  ];
}

/** How the notice names the task's origin: 会议议定事项, 职责分工事项, 交办事项. */
function sourcePhrase(label: string): string {
  if (label === '职责分工') return '职责分工事项';
  if (label === '临时交办') return '交办事项';
  return label || '督办事项';
}

/** The notice laid out as an official document: the office's mark, the number, the units addressed, the ask. */
export function urgeDocument(u: UrgeRecord, opts: { demo: boolean }): OfficialDocument {
  const s = u.snapshot;
  const title = str(s.title);
  const lead = str(s.lead);
  const co = Array.isArray(s.coUnits) ? s.coUnits.filter((x): x is string => typeof x === 'string') : [];
  const deadline = str(s.deadline);
  const original = str(s.originalDeadline);
  const approvedBy = str(s.approvedBy);
  const status = str(s.status);
  const officeName = str(s.officeName) || '联席会议办公室';
  const days = typeof s.overdueDays === 'number' ? s.overdueDays : 0;
  const due =
    `完成时限为${formatChineseDate(deadline)}` +
    (original
      ? `（原定${formatChineseDate(original)}，${approvedBy ? `经${approvedBy}批准` : '经批准'}延期）`
      : '');
  const now =
    status === '已逾期'
      ? `已逾期${days}天，尚未报送办结情况`
      : Number(s.reportCount) > 0
        ? '尚未办结'
        : '尚未报送办理进展情况';
  const blocks: OfficialDocument['blocks'] = [
    { type: 'addressee', text: `${[lead, ...co].join('、')}：` },
    {
      type: 'paragraph',
      text:
        `${sourcePhrase(str(s.sourceLabel))}“${title}”由${lead}牵头${co.length > 0 ? `，${co.join('、')}配合` : ''}办理，${due}。` +
        `截至${formatChineseDate(u.date)}，该事项${now}。` +
        earlierText(s),
    },
  ];
  if (u.text) blocks.push({ type: 'paragraph', text: u.text.replace(/[。；]?$/, '。') });
  // A 催办要求 that sets its own date already says when to report: the standard sentence would say it twice.
  const ownDate = /\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/.test(u.text);
  blocks.push(
    {
      type: 'paragraph',
      text: ownDate
        ? '请你单位高度重视，抓紧推进落实。'
        : `请你单位高度重视，抓紧推进落实，并于${formatChineseDate(u.replyBy)}前将办理进展情况（已办结的附办结报告）书面报送${officeName}。`,
    },
    { type: 'paragraph', text: '特此通知。' },
  );
  return {
    kind: 'bulletin',
    mark: officeName,
    number: urgeNumberLabel(u.year, u.number),
    title: title.length <= 30 ? `关于催办“${title}”的通知` : '关于催办督办事项的通知',
    blocks,
    signature: { office: officeName, date: u.date },
    issuingLine: { office: officeName, date: u.date },
    demo: opts.demo,
  };
}

/** 「此前已于2026年11月27日发出催办〔2026〕1号，至今未见回复。」 for a task urged before; nothing the first time. */
function earlierText(s: Record<string, JsonValue>): string {
  const earlier = (Array.isArray(s.earlier) ? s.earlier : []).flatMap((x) =>
    x !== null &&
    typeof x === 'object' &&
    !Array.isArray(x) &&
    typeof x.label === 'string' &&
    typeof x.date === 'string'
      ? [{ label: x.label, date: x.date }]
      : [],
  );
  if (earlier.length === 0) return '';
  const sent = earlier
    .map((x, i) => `${i === 0 ? '此前已于' : '于'}${formatChineseDate(x.date)}发出${x.label}`)
    .join('，');
  return `${sent}，${s.answeredSince === true ? '其后虽有报送，该事项仍未办结' : '至今未见回复'}。`;
}
