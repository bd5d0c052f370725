// Meetings as the pages, the CLI and the print renderers read them: assembled from the store in one place, so the
// list, the detail page, `guanai meetings list` and the printed minutes can never disagree.
import { AppError } from '../../contract/errors';
import {
  blocksToText,
  type DecisionView,
  type MeetingDetail,
  type MeetingSummary,
  type MinutesState,
  type MinutesVersion,
} from '../../contract/schemas/meetings';
import type { Store } from '../../store/store';
import { compositionOn, type CompositionOn } from '../composition/composition-on';
import { readTaskFacts, reportsByTask, taskStatus, TASK_ENTITY } from '../tasks/task-service';
import { buildAgenda, type AgendaTask } from './agenda';
import { attendanceRows, attendingList } from './attendance';
import { meetingNamer } from './meeting-name';
import {
  allAttendance,
  allDecisions,
  allMeetings,
  allTopics,
  minutesOf,
  str,
  type MeetingRecord,
  type MinutesRecord,
} from './records';

/** The office head on a date, as the chair of a liaison meeting: 「联席会议办公室主任」. */
function officeHeadChair(composition: CompositionOn): { personName: string; title: string } | undefined {
  const head = composition.posts.find((p) => p.role === 'officeHead');
  return head ? { personName: head.personName, title: '联席会议办公室主任' } : undefined;
}

export function minutesState(versions: readonly MinutesRecord[]): MinutesState {
  if (versions.length === 0) return 'none';
  const issued = versions.some((v) => v.status !== 'draft');
  const draft = versions.some((v) => v.status === 'draft');
  if (issued) return draft ? 'correcting' : 'issued';
  return 'draft';
}

function summary(store: Store, m: MeetingRecord, name: (m: MeetingRecord) => string): MeetingSummary {
  const versions = minutesOf(store, m.id);
  const numbered = [...versions].reverse().find((v) => v.number);
  return {
    id: m.id,
    kind: m.kind,
    date: m.date,
    time: m.time,
    place: m.place,
    name: name(m),
    minutesStatus: minutesState(versions),
    minutesNumber: numbered?.number ?? null,
  };
}

/** Every meeting, newest first. */
export function listMeetings(store: Store): MeetingSummary[] {
  const meetings = allMeetings(store);
  const name = meetingNamer(meetings);
  return meetings
    .sort((a, b) => b.date.localeCompare(a.date) || b.created.localeCompare(a.created))
    .map((m) => summary(store, m, name));
}

export function requireMeeting(store: Store, id: string): MeetingRecord {
  const m = allMeetings(store).find((x) => x.id === id);
  if (!m) throw new AppError('NOT_FOUND', '找不到该会议。');
  return m;
}

function tasksAsOf(store: Store, date: string): AgendaTask[] {
  const reports = reportsByTask(store);
  return Object.entries(store.table(TASK_ENTITY)).map(([id, rec]) => {
    const source = rec.v.source;
    const src = source !== null && typeof source === 'object' && !Array.isArray(source) ? source : {};
    return {
      id,
      title: str(rec.v.title),
      leadUnitId: str(rec.v.leadUnitId),
      deadline: str(rec.v.deadline),
      status: taskStatus(readTaskFacts(store, id, reports.get(id) ?? []), date),
      source: { kind: str(src.kind), meetingId: str(src.meetingId) },
    };
  });
}

export function versionView(v: MinutesRecord): MinutesVersion {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    title: v.title,
    text: blocksToText(v.blocks),
    blocks: v.blocks,
    sendTo: v.sendTo,
    number: v.number,
    issuedDate: v.issuedDate,
    createdAt: v.createdAt,
  };
}

/** The whole meeting. Attendance comes from the composition on the meeting's date; task states as of `today`. */
export function meetingDetail(store: Store, id: string, today: string): MeetingDetail {
  const meetings = allMeetings(store);
  const meeting = requireMeeting(store, id);
  const name = meetingNamer(meetings);
  const composition = compositionOn(store, meeting.date);
  // Units that have since left the composition still name the items they were given.
  const unitNames = new Map<string, string>();
  for (const [uid, rec] of Object.entries(store.table('unit'))) unitNames.set(uid, str(rec.v.name));
  for (const u of composition.units) unitNames.set(u.id, u.name);
  const unitName = (uid: string) => unitNames.get(uid) ?? '（已撤销的单位）';

  const topics = allTopics(store);
  const taskStates = new Map(tasksAsOf(store, today).map((t) => [t.id, t.status]));
  const decisions: DecisionView[] = allDecisions(store)
    .filter((d) => d.meetingId === id)
    .sort((a, b) => a.order - b.order)
    .map((d) => ({
      id: d.id,
      order: d.order,
      text: d.text,
      leadUnitId: d.leadUnitId,
      leadUnitName: unitName(d.leadUnitId),
      coUnitIds: d.coUnitIds,
      coUnitNames: d.coUnitIds.map(unitName),
      deadline: d.deadline,
      major: d.major,
      approval: d.approval,
      approvalDate: d.approvalDate,
      approver: d.approver,
      taskId: d.taskId,
      taskStatus: taskStates.get(d.taskId) ?? null,
    }));
  const records = allAttendance(store);
  // The default chair: the convener at a joint meeting; at a liaison meeting, the office head of the day, who runs it.
  const defaultChair =
    meeting.kind === 'liaison'
      ? officeHeadChair(composition)
      : composition.posts.find((p) => p.role === 'convener');
  const prepares = meeting.preparesId ? meetings.find((m) => m.id === meeting.preparesId) : undefined;
  return {
    ...summary(store, meeting, name),
    chairKind: meeting.chairKind,
    chairName:
      meeting.chairKind === 'convener' ? meeting.chairName || defaultChair?.personName || '' : meeting.chairName,
    chairTitle:
      meeting.chairKind === 'convener' ? meeting.chairTitle || defaultChair?.title || '' : meeting.chairTitle,
    requestedBy: meeting.requestedBy,
    preparesId: meeting.preparesId,
    preparesName: prepares ? name(prepares) : null,
    preparedBy: meetings
      .filter((m) => m.kind === 'liaison' && m.preparesId === id)
      .map((m) => ({ id: m.id, name: name(m), date: m.date })),
    units: composition.units.map((u) => ({ id: u.id, name: u.name })),
    topics: topics
      .filter((t) => t.meetingId === id)
      .sort((a, b) => (a.created < b.created ? -1 : 1))
      .map((t) => ({
        id: t.id,
        meetingId: t.meetingId,
        title: t.title,
        unitId: t.unitId,
        unitName: unitName(t.unitId),
        outcome: t.outcome,
        note: t.note,
      })),
    agenda: buildAgenda({
      meeting,
      meetings,
      topics,
      tasks: tasksAsOf(store, meeting.date),
      unitName,
      meetingName: name,
    }),
    attendance: attendanceRows(meeting.kind, composition, records, id),
    attending: attendingList(records, id),
    decisions,
    minutes: minutesOf(store, id).map(versionView),
    jointMeetings: meetings
      .filter((m) => m.kind !== 'liaison')
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((m) => ({ id: m.id, name: name(m), date: m.date })),
  };
}
