// The agenda of a joint meeting: the topics its liaison meetings accepted (and any proposed straight to it), then
// every task still open from the decisions of earlier meetings, so that nothing decided is forgotten.
import type { AgendaItem } from '../../contract/schemas/meetings';
import { isOpenStatus, type TaskStatus } from '../tasks/task-service';
import type { MeetingRecord, TopicRecord } from './records';

export interface AgendaTask {
  id: string;
  title: string;
  leadUnitId: string;
  deadline: string;
  /** As of the meeting's date. */
  status: TaskStatus;
  source: { kind: string; meetingId?: string };
}

export interface AgendaInput {
  meeting: MeetingRecord;
  meetings: readonly MeetingRecord[];
  topics: readonly TopicRecord[];
  tasks: readonly AgendaTask[];
  unitName(id: string): string;
  meetingName(m: MeetingRecord): string;
}

const byCreation = (a: TopicRecord, b: TopicRecord) =>
  a.created < b.created ? -1 : a.created > b.created ? 1 : 0;

export function buildAgenda(input: AgendaInput): AgendaItem[] {
  const { meeting, meetings, topics, tasks, unitName } = input;
  const topic = (t: TopicRecord): AgendaItem => ({
    kind: 'topic',
    topicId: t.id,
    title: t.title,
    unitName: unitName(t.unitId),
  });
  if (meeting.kind === 'liaison') {
    // A liaison meeting studies what the units proposed to it; dropped topics stay visible in its topic list only.
    return topics
      .filter((t) => t.meetingId === meeting.id && t.outcome !== 'dropped')
      .sort(byCreation)
      .map(topic);
  }
  const preparing = new Set(
    meetings.filter((m) => m.kind === 'liaison' && m.preparesId === meeting.id).map((m) => m.id),
  );
  const accepted = topics
    .filter(
      (t) =>
        (preparing.has(t.meetingId) && t.outcome === 'accepted') ||
        (t.meetingId === meeting.id && (t.outcome === 'pending' || t.outcome === 'accepted')),
    )
    .sort(byCreation)
    .map(topic);

  const earlier = new Map(
    meetings
      .filter((m) => m.id !== meeting.id && m.kind !== 'liaison' && m.date < meeting.date)
      .map((m) => [m.id, m]),
  );
  const carried = tasks
    .filter((t) => t.source.kind === 'decision' && t.source.meetingId && earlier.has(t.source.meetingId))
    .filter((t) => isOpenStatus(t.status))
    .map((t) => ({ task: t, from: earlier.get(t.source.meetingId!)! }))
    .sort((a, b) => a.from.date.localeCompare(b.from.date) || a.task.deadline.localeCompare(b.task.deadline))
    .map(({ task, from }): AgendaItem => ({
      kind: 'carried',
      taskId: task.id,
      title: task.title,
      leadUnitName: unitName(task.leadUnitId),
      deadline: task.deadline,
      status: task.status,
      fromMeeting: input.meetingName(from),
    }));
  return [...accepted, ...carried];
}
