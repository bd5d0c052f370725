// Meetings as the pages, the CLI and the print renderers read them: assembled from the store in one place, so the
// list, the detail page, `guanai meetings list` and the printed minutes can never disagree.
import { AppError } from '../../contract/errors';
import {
  blocksToText,
  type AgendaItem,
  type DecisionView,
  type AttendanceRow,
  type AttendingView,
  type MeetingDetail,
  type MeetingSummary,
  type MinutesState,
  type MinutesVersion,
} from '../../contract/schemas/meetings';
import type { Store } from '../../store/store';
import { compositionOn, POST_ENTITY, type CompositionOn } from '../composition/composition-on';
import { issuedData } from '../issued/issued-documents';
import { readTaskFacts, reportsByTask, taskStatus, TASK_ENTITY } from '../tasks/task-service';
import { buildAgenda, type AgendaTask } from './agenda';
import { attendanceRows, attendingList, roleNames, type MarkedPerson, type RosterRole } from './attendance';
import { meetingNamer } from './meeting-name';
import { correctedNumber } from './numbering';
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

const NAME_IN_TITLE = /^\d{4}年第[一二三四五六七八九十百]+次(?:全体会议|临时会议|联络员会议)/;

/** The meeting's name a draft was written with (drafts from before it was kept: the name its title begins with). */
export function draftedName(v: MinutesRecord): string | null {
  return v.meetingName ?? NAME_IN_TITLE.exec(v.title)?.[0] ?? null;
}

/** Title and text with the name they were written with replaced by `name` (a draft follows its meeting's 第N次). */
export function renamed(v: MinutesRecord, name: string): { title: string; blocks: MinutesRecord['blocks'] } {
  const was = draftedName(v);
  if (!was || was === name) return { title: v.title, blocks: v.blocks };
  const swap = (t: string) => t.split(was).join(name);
  return { title: swap(v.title), blocks: v.blocks.map((b) => ({ ...b, text: swap(b.text) })) };
}

/**
 * One version as the pages show it. A draft shows the meeting's name as it is now (第N次 is fixed only when the
 * minutes are issued); an issued version is shown as it was issued.
 */
export function versionView(
  v: MinutesRecord,
  live?: { meetingName: string; versions: readonly MinutesRecord[] },
): MinutesVersion {
  const { title, blocks } = v.status === 'draft' && live ? renamed(v, live.meetingName) : v;
  const corrected = v.correctionOf ? live?.versions.find((x) => x.id === v.correctionOf) : undefined;
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    title,
    text: blocksToText(blocks),
    blocks,
    sendTo: v.sendTo,
    number: v.number,
    issuedDate: v.issuedDate,
    createdAt: v.createdAt,
    corrects: v.status === 'draft' ? (corrected ? correctedNumber(corrected) : null) : (v.corrects ?? null),
  };
}

/** The meeting's minutes are issued and no correction is open: attendance, topics and decisions are read-only. */
export const minutesLocked = (store: Store, meetingId: string) =>
  minutesState(minutesOf(store, meetingId)) === 'issued';

/** Refuses a change to `what` (出席情况, 议定事项, 议题, 会议情况) of a meeting whose minutes are issued. */
export function requireUnlocked(store: Store, meetingId: string, what: string): void {
  if (minutesLocked(store, meetingId))
    throw new AppError(
      'LOCKED',
      `该会议的纪要已印发，${what}不能再修改。如确需修改，请在会议纪要页面“更正”，另起新版本。`,
    );
}

/** The attendance an issued meeting's minutes were printed with, as kept at 印发 (null: none kept). */
function issuedAttendance(store: Store, versions: readonly MinutesRecord[]) {
  const inForce = versions.find((v) => v.status === 'issued');
  if (!inForce) return null;
  const data = issuedData(store, 'minutes', inForce.id);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const { attendance, attending } = data as { attendance?: unknown; attending?: unknown };
  if (!Array.isArray(attendance) || !Array.isArray(attending)) return null;
  const { chair, agenda } = data as { chair?: unknown; agenda?: unknown };
  const c =
    chair !== null && typeof chair === 'object' && !Array.isArray(chair)
      ? (chair as { name?: unknown; title?: unknown })
      : null;
  return {
    attendance: attendance as AttendanceRow[],
    attending: attending as AttendingView[],
    chair:
      c && typeof c.name === 'string' && typeof c.title === 'string' ? { name: c.name, title: c.title } : null,
    agenda: Array.isArray(agenda) ? (agenda as AgendaItem[]) : null,
  };
}

/** Who a mark recorded before marks kept the person's name was made for: their post record. */
function formerHolder(store: Store, meetingDate: string) {
  return (postId: string): MarkedPerson | undefined => {
    const post = store.get(POST_ENTITY, postId)?.v;
    if (!post) return undefined;
    const role = str(post.role);
    const unit = typeof post.unitId === 'string' ? compositionOn(store, meetingDate).units.find((u) => u.id === post.unitId) : undefined;
    const unitName = unit?.name ?? (typeof post.unitId === 'string' ? str(store.get('unit', post.unitId)?.v.name) : '');
    return {
      personName: str(post.personName),
      title: str(post.title),
      unitName,
      role,
      roleName: Object.hasOwn(roleNames, role) ? roleNames[role as RosterRole] : '',
    };
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
  const versions = minutesOf(store, id);
  // Once the minutes are issued the meeting shows who attended as the minutes say, whatever the composition
  // (a successor dated back, a unit renamed) says now.
  const kept = minutesState(versions) === 'issued' ? issuedAttendance(store, versions) : null;
  const attendance =
    kept?.attendance ?? attendanceRows(meeting.kind, composition, records, id, formerHolder(store, meeting.date));
  // The default chair: the convener at a joint meeting — the one recorded as attending when there is one (a
  // successor dated back does not take over a meeting already recorded); at a liaison meeting, the office head of
  // the day, who runs it. Once the minutes are issued, the chair they were issued with.
  // (Minutes issued before the chair was kept: the convener on the attendance they were issued with.)
  const recordedConvener = attendance.find((a) => a.role === 'convener' && (kept || a.status !== 'unmarked'));
  const defaultChair: { personName: string; title: string } | undefined =
    kept?.chair
      ? { personName: kept.chair.name, title: kept.chair.title }
      : meeting.kind === 'liaison'
        ? officeHeadChair(composition)
        : recordedConvener
          ? { personName: recordedConvener.personName, title: recordedConvener.title }
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
    agenda: kept?.agenda ?? buildAgenda({
      meeting,
      meetings,
      topics,
      tasks: tasksAsOf(store, meeting.date),
      unitName,
      meetingName: name,
    }),
    attendance,
    attending: kept?.attending ?? attendingList(records, id),
    decisions,
    minutes: versions.map((v) => versionView(v, { meetingName: name(meeting), versions })),
    jointMeetings: meetings
      .filter((m) => m.kind !== 'liaison')
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((m) => ({ id: m.id, name: name(m), date: m.date })),
  };
}
