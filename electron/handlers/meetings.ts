// Meetings, their topics, attendance and decided items. Thin: the rules live in electron/domain/meetings.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { isoDateOf } from '../domain/ledger/dates';
import { approvalChanges } from '../domain/meetings/approval';
import { RECORDED_PREFIX, attendanceId, findSeat, roleNames, rosterOf } from '../domain/meetings/attendance';
import { normalisePersonName } from '../domain/composition/person-name';
import {
  listMeetings,
  meetingDetail,
  minutesLocked,
  requireMeeting,
  requireUnlocked,
} from '../domain/meetings/meeting-view';
import { meetingNamer, meetingNameWith } from '../domain/meetings/meeting-name';
import type { Store } from '../store/store';
import {
  ATTENDANCE_ENTITY,
  DECISION_ENTITY,
  MEETING_ENTITY,
  TOPIC_ENTITY,
  allAttendance,
  allDecisions,
  allMeetings,
  allTopics,
} from '../domain/meetings/records';
import { compositionOn } from '../domain/composition/composition-on';
import { newTaskChanges } from '../domain/tasks/task-service';
import type { MeetingCreate } from '../contract/schemas/meetings';
import type { HandlerMap } from './types';

export const todayIn = (ctx: AppContext) => isoDateOf(new Date(ctx.clock()));

function meetingFields(ctx: AppContext, args: MeetingCreate, selfId?: string) {
  const store = requireStore(ctx);
  if (args.kind === 'liaison' && args.preparesId) {
    const target = allMeetings(store).find((m) => m.id === args.preparesId);
    if (!target || target.kind === 'liaison' || target.id === selfId)
      throw new AppError('VALIDATION', '所筹备的会议不存在。', {
        preparesId: '请选择一次全体会议或临时会议',
      });
    if (target.date < args.date)
      throw new AppError('VALIDATION', '联络员会议应在所筹备的会议之前召开。', {
        date: '联络员会议应在所筹备的会议之前召开',
      });
  }
  return {
    kind: args.kind,
    date: args.date,
    time: args.time ?? '',
    place: args.place,
    chairKind: args.chairKind,
    chairName: args.chairName ?? '',
    chairTitle: args.chairTitle ?? '',
    requestedBy: args.kind === 'adhoc' ? (args.requestedBy ?? '') : '',
    preparesId: args.kind === 'liaison' ? (args.preparesId ?? null) : null,
  };
}

/**
 * Refuses, when `feeds`, a change to what a liaison meeting sends to the agenda of the joint meeting it prepares
 * once that meeting's minutes are issued.
 */
function requireAgendaOpen(store: Store, liaisonId: string, feeds: boolean, preparesId?: string | null) {
  if (!feeds) return;
  const liaison = allMeetings(store).find((m) => m.id === liaisonId);
  const targetId = preparesId === undefined ? liaison?.preparesId : preparesId;
  if (!liaison || liaison.kind !== 'liaison' || !targetId || !minutesLocked(store, targetId)) return;
  const target = allMeetings(store).find((m) => m.id === targetId);
  const name = target ? meetingNamer(allMeetings(store))(target) : '所筹备的会议';
  throw new AppError(
    'LOCKED',
    `“${name}”的纪要已印发，其议程不能再改变；此项修改会改变该会议的议题，不能进行。如确需修改，请先在该会议的纪要页面“更正”。`,
  );
}

function requireRecord(ctx: AppContext, entity: string, id: string, what: string) {
  const rec = requireStore(ctx).get(entity, id);
  if (!rec) throw new AppError('NOT_FOUND', `找不到该${what}。`);
  return rec;
}

export const meetingHandlers = {
  async 'meetings.list'(_args, ctx) {
    return listMeetings(requireStore(ctx));
  },
  async 'meetings.get'(args, ctx) {
    return meetingDetail(requireStore(ctx), args.id, todayIn(ctx));
  },
  async 'meetings.create'(args, ctx) {
    const id = randomUUID();
    requireStore(ctx).commit([{ entity: MEETING_ENTITY, id, set: meetingFields(ctx, args) }], ctx.user);
    return { id };
  },
  async 'meetings.update'(args, ctx) {
    const { id, ...fields } = args;
    const store = requireStore(ctx);
    const meeting = requireMeeting(store, id);
    if (fields.kind !== meeting.kind) throw new AppError('REFUSED', '会议类型创建后不能更改。');
    requireUnlocked(store, id, '会议情况');
    if (meeting.ordinal && fields.date.slice(0, 4) !== meeting.date.slice(0, 4))
      throw new AppError('REFUSED', `该会议的纪要已作为“${meetingNameWith(meeting, meeting.ordinal)}”印发，会议日期不能改到其他年份。`, {
        date: '不能改到其他年份',
      });
    const set = meetingFields(ctx, fields, id);
    if (set.preparesId !== meeting.preparesId) {
      const accepted = allTopics(store).some((t) => t.meetingId === id && t.outcome === 'accepted');
      requireAgendaOpen(store, id, accepted);
      requireAgendaOpen(store, id, accepted, set.preparesId);
    }
    store.commit([{ entity: MEETING_ENTITY, id, set }], ctx.user);
    return { id };
  },

  async 'topics.propose'(args, ctx) {
    const store = requireStore(ctx);
    const meeting = requireMeeting(store, args.meetingId);
    requireUnlocked(store, meeting.id, '议题');
    if (!compositionOn(store, meeting.date).units.some((u) => u.id === args.unitId))
      throw new AppError('VALIDATION', '提出单位不是当时的成员单位。', { unitId: '请选择成员单位' });
    const id = randomUUID();
    store.commit(
      [
        {
          entity: TOPIC_ENTITY,
          id,
          set: {
            meetingId: meeting.id,
            title: args.title,
            unitId: args.unitId,
            outcome: 'pending',
            note: '',
          },
        },
      ],
      ctx.user,
    );
    return { id };
  },
  async 'topics.decide'(args, ctx) {
    const store = requireStore(ctx);
    const topic = allTopics(store).find((t) => t.id === args.id);
    if (!topic) throw new AppError('NOT_FOUND', '找不到该议题。');
    requireUnlocked(store, topic.meetingId, '议题');
    if (requireMeeting(store, topic.meetingId).kind !== 'liaison')
      throw new AppError('REFUSED', '议题由联络员会议研究确定是否提交联席会议。');
    // An accepted topic goes on the agenda of the meeting it prepares: once that meeting's minutes are issued, its
    // agenda is what they say.
    requireAgendaOpen(store, topic.meetingId, topic.outcome === 'accepted' || args.outcome === 'accepted');
    if ((args.outcome === 'deferred' || args.outcome === 'dropped') && !args.note)
      throw new AppError('VALIDATION', '暂缓或不予研究的议题请说明理由。', { note: '请说明理由' });
    store.commit(
      [{ entity: TOPIC_ENTITY, id: args.id, set: { outcome: args.outcome, note: args.note ?? '' } }],
      ctx.user,
    );
    return { id: args.id };
  },

  async 'attendance.mark'(args, ctx) {
    const store = requireStore(ctx);
    const meeting = requireMeeting(store, args.meetingId);
    requireUnlocked(store, meeting.id, '出席情况');
    const absent = args.status === 'absent';
    const mark = {
      status: args.status,
      reason: absent ? (args.reason ?? '') : '',
      substitute: absent ? (args.substitute ?? '') : '',
    };
    // A person marked earlier who is no longer on the day's roster (a successor dated back, a unit merged away):
    // their mark can still be changed, never moved to someone else.
    if (args.postId.startsWith(RECORDED_PREFIX)) {
      const id = `${meeting.id}.${args.postId.slice(RECORDED_PREFIX.length)}`;
      const rec = allAttendance(store).find((a) => a.id === id && a.meetingId === meeting.id && a.kind === 'member');
      if (!rec) throw new AppError('NOT_FOUND', '找不到该出席记录。');
      store.commit([{ entity: ATTENDANCE_ENTITY, id, set: mark }], ctx.user);
      return { id };
    }
    // One record per person expected (a person holding two posts is one seat), by the meeting's kind.
    const seat = findSeat(rosterOf(meeting.kind, compositionOn(store, meeting.date)), args.postId);
    if (!seat)
      throw new AppError(
        'VALIDATION',
        meeting.kind === 'liaison'
          ? '此人在会议当天不是成员单位的联络员。'
          : '此人在会议当天不是联席会议组成人员。',
      );
    // The record keeps who was marked, so a later change of the composition cannot drop or move it.
    // A seat's mark of someone else (the liaison before a replacement dated back) stays theirs.
    const seatRecord = attendanceId(meeting.id, seat.seatId);
    const samePerson = (name: string) =>
      name === '' || normalisePersonName(name) === normalisePersonName(seat.personName);
    const marks = allAttendance(store).filter((a) => a.meetingId === meeting.id && a.kind === 'member');
    const own = marks.find((a) => (a.id === seatRecord || seat.ids.includes(a.postId)) && samePerson(a.name));
    const taken = marks.some((a) => a.id === seatRecord);
    const id = own?.id ?? (taken ? attendanceId(meeting.id, randomUUID()) : seatRecord);
    store.commit(
      [
        {
          entity: ATTENDANCE_ENTITY,
          id,
          set: {
            meetingId: meeting.id,
            kind: 'member',
            postId: seat.seatId,
            ...mark,
            name: seat.personName,
            title: seat.title,
            unit: seat.unitName,
            role: seat.roles[0]!,
            roleName: seat.roles.map((r) => roleNames[r]).join('、'),
          },
        },
      ],
      ctx.user,
    );
    return { id };
  },
  async 'attendance.addAttending'(args, ctx) {
    const store = requireStore(ctx);
    requireMeeting(store, args.meetingId);
    requireUnlocked(store, args.meetingId, '出席情况');
    const id = randomUUID();
    store.commit(
      [
        {
          entity: ATTENDANCE_ENTITY,
          id,
          set: {
            meetingId: args.meetingId,
            kind: 'attending',
            name: args.name,
            unit: args.unit,
            title: args.title ?? '',
            removed: false,
          },
        },
      ],
      ctx.user,
    );
    return { id };
  },
  async 'attendance.removeAttending'(args, ctx) {
    const rec = allAttendance(requireStore(ctx)).find((a) => a.id === args.id && a.kind === 'attending');
    if (!rec) throw new AppError('NOT_FOUND', '找不到该列席人员。');
    requireUnlocked(requireStore(ctx), rec.meetingId, '出席情况');
    requireStore(ctx).commit([{ entity: ATTENDANCE_ENTITY, id: args.id, set: { removed: true } }], ctx.user);
    return { id: args.id };
  },

  async 'decisions.create'(args, ctx) {
    const store = requireStore(ctx);
    const meeting = requireMeeting(store, args.meetingId);
    requireUnlocked(store, meeting.id, '议定事项');
    if (meeting.kind === 'liaison')
      throw new AppError('REFUSED', '联络员会议研究议题，议定事项由联席会议（全体会议或临时会议）作出。');
    const units = new Set(compositionOn(store, meeting.date).units.map((u) => u.id));
    if (!units.has(args.leadUnitId))
      throw new AppError('VALIDATION', '牵头单位不是当时的成员单位。', { leadUnitId: '请选择成员单位' });
    if (args.coUnitIds.some((u) => !units.has(u)))
      throw new AppError('VALIDATION', '配合单位不是当时的成员单位。', { coUnitIds: '请选择成员单位' });
    if (args.deadline < meeting.date)
      throw new AppError('VALIDATION', '完成时限不能早于会议日期。', {
        deadline: '完成时限不能早于会议日期',
      });
    const id = randomUUID();
    const taskId = randomUUID();
    const order = allDecisions(store).filter((d) => d.meetingId === meeting.id).length + 1;
    // One batch: a decided item never exists without its task, nor a task without its item.
    store.commit(
      [
        {
          entity: DECISION_ENTITY,
          id,
          set: {
            meetingId: meeting.id,
            order,
            text: args.text,
            leadUnitId: args.leadUnitId,
            coUnitIds: args.coUnitIds,
            deadline: args.deadline,
            major: args.major,
            approval: args.major ? 'pending' : null,
            taskId,
          },
        },
        ...newTaskChanges(taskId, {
          title: args.text,
          source: { kind: 'decision', meetingId: meeting.id, decisionId: id },
          leadUnitId: args.leadUnitId,
          coUnitIds: args.coUnitIds,
          deadline: args.deadline,
          heldForApproval: args.major,
        }),
      ],
      ctx.user,
    );
    return { id, taskId };
  },
  async 'decisions.approve'(args, ctx) {
    const store = requireStore(ctx);
    requireRecord(ctx, DECISION_ENTITY, args.id, '议定事项');
    const decision = allDecisions(store).find((d) => d.id === args.id)!;
    const meeting = requireMeeting(store, decision.meetingId);
    store.commit(approvalChanges(decision, meeting.date, todayIn(ctx), args), ctx.user);
    return { id: args.id };
  },
} satisfies HandlerMap<
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.create'
  | 'meetings.update'
  | 'topics.propose'
  | 'topics.decide'
  | 'attendance.mark'
  | 'attendance.addAttending'
  | 'attendance.removeAttending'
  | 'decisions.create'
  | 'decisions.approve'
>;
