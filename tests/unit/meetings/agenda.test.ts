import { buildAgenda, type AgendaTask } from '../../../electron/domain/meetings/agenda';
import type { MeetingRecord, TopicRecord } from '../../../electron/domain/meetings/records';

const meeting = (
  id: string,
  kind: MeetingRecord['kind'],
  date: string,
  preparesId: string | null = null,
): MeetingRecord => ({
  id,
  kind,
  date,
  time: '',
  place: '会议室',
  chairKind: 'convener',
  chairName: '',
  chairTitle: '',
  requestedBy: '',
  preparesId,
  created: `${date}-${id}`,
});
const topic = (
  id: string,
  meetingId: string,
  outcome: TopicRecord['outcome'],
  created: string,
): TopicRecord => ({
  id,
  meetingId,
  title: `议题${id}`,
  unitId: 'edu',
  outcome,
  note: '',
  created,
});
const task = (
  id: string,
  meetingId: string,
  status: AgendaTask['status'],
  kind = 'decision',
): AgendaTask => ({
  id,
  title: `事项${id}`,
  leadUnitId: 'civil',
  deadline: '2025-06-30',
  status,
  source: { kind, meetingId },
});

const old = meeting('old', 'plenary', '2024-03-01');
const plenary = meeting('p', 'plenary', '2025-03-20');
const liaison = meeting('l', 'liaison', '2025-03-10', 'p');
const otherLiaison = meeting('l2', 'liaison', '2025-03-11', 'someOther');
const later = meeting('later', 'adhoc', '2025-09-01');
const meetings = [old, plenary, liaison, otherLiaison, later];
const names = { edu: '市教育局', civil: '市民政局' } as Record<string, string>;

describe('buildAgenda', () => {
  const topics = [
    topic('b', 'l', 'accepted', '2'),
    topic('a', 'l', 'accepted', '1'),
    topic('c', 'l', 'deferred', '3'),
    topic('d', 'l', 'dropped', '4'),
    topic('e', 'l2', 'accepted', '5'),
    topic('f', 'p', 'pending', '6'),
  ];
  const tasks = [
    task('open', 'old', '进行中'),
    task('overdue', 'old', '已逾期'),
    task('done', 'old', '已完成'),
    task('closed', 'old', '已销号'),
    task('cancelled', 'old', '已撤销'),
    task('held', 'old', '待报批'),
    task('fromLater', 'later', '未开始'),
    task('fromSelf', 'p', '未开始'),
    task('duty', 'old', '未开始', 'duty'),
  ];
  const agenda = buildAgenda({
    meeting: plenary,
    meetings,
    topics,
    tasks,
    unitName: (id) => names[id] ?? '?',
    meetingName: (m) => `会议${m.id}`,
  });

  it('takes the topics its own liaison meeting accepted, in the order proposed, plus those proposed to it', () => {
    expect(agenda.filter((a) => a.kind === 'topic').map((a) => a.kind === 'topic' && a.topicId)).toEqual([
      'a',
      'b',
      'f',
    ]);
    expect(agenda[0]).toEqual({ kind: 'topic', topicId: 'a', title: '议题a', unitName: '市教育局' });
  });

  it('carries forward only the still-open tasks decided at earlier meetings', () => {
    const carried = agenda.filter((a) => a.kind === 'carried');
    expect(carried.map((a) => a.kind === 'carried' && a.taskId)).toEqual(['open', 'overdue']);
    expect(carried[0]).toMatchObject({ leadUnitName: '市民政局', fromMeeting: '会议old', status: '进行中' });
  });

  it('puts topics before carried tasks', () => {
    expect(agenda.map((a) => a.kind)).toEqual(['topic', 'topic', 'topic', 'carried', 'carried']);
  });

  it('for a liaison meeting lists what it studies, without dropped topics, and no tasks', () => {
    const l = buildAgenda({
      meeting: liaison,
      meetings,
      topics,
      tasks,
      unitName: () => '',
      meetingName: () => '',
    });
    expect(l.map((a) => a.kind === 'topic' && a.topicId)).toEqual(['a', 'b', 'c']);
  });
});
