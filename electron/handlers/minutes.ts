// Minutes: drafted from the meeting, edited as text, issued with a number and then locked; a correction is a new
// version. Settings say how the office numbers its minutes and who gets a copy.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { textToBlocks } from '../contract/schemas/meetings';
import { governmentName } from '../domain/composition/composition-on';
import { freezeChange, isFrozen } from '../domain/issued/issued-documents';
import { draftMinutes } from '../domain/meetings/draft';
import { meetingNamer, meetingNameWith, meetingOrdinals, sameSeries } from '../domain/meetings/meeting-name';
import {
  draftedName,
  meetingDetail,
  renamed,
  requireMeeting,
  versionView,
} from '../domain/meetings/meeting-view';
import { issueChanges } from '../domain/meetings/numbering';
import { layOutMinutes, layOutSignInSheet } from '../domain/meetings/print-kinds';
import {
  MEETING_ENTITY,
  MINUTES_ENTITY,
  MINUTES_SETTINGS_ID,
  SETTING_ENTITY,
  allMeetings,
  allMinutes,
  minutesOf,
  type MeetingRecord,
} from '../domain/meetings/records';
import { bodyName, readMinutesSettings } from '../domain/meetings/settings';
import { todayIn } from './meetings';
import type { HandlerMap } from './types';

function requireVersion(ctx: AppContext, id: string) {
  const version = allMinutes(requireStore(ctx)).find((m) => m.id === id);
  if (!version) throw new AppError('NOT_FOUND', '找不到该纪要。');
  return version;
}

const nowIso = (ctx: AppContext) => new Date(ctx.clock()).toISOString();

const liveName = (ctx: AppContext, meeting: MeetingRecord) =>
  meetingNamer(allMeetings(requireStore(ctx)))(meeting);

/**
 * 第N次 as the minutes will be issued with it: fixed already (an earlier issue), given by hand, or counted now. A
 * number another issued meeting of the same kind and year holds is refused.
 */
function ordinalToIssue(ctx: AppContext, meeting: MeetingRecord, wanted: number | undefined): number {
  const meetings = allMeetings(requireStore(ctx));
  if (meeting.ordinal) {
    if (wanted !== undefined && wanted !== meeting.ordinal)
      throw new AppError(
        'REFUSED',
        `该会议的次数已在纪要印发时确定为“${meetingNameWith(meeting, meeting.ordinal)}”，不能更改。`,
        {
          ordinal: '会议次数已确定',
        },
      );
    return meeting.ordinal;
  }
  if (wanted === undefined) return meetingOrdinals(meetings).get(meeting.id)!;
  const holder = meetings.find((m) => m.id !== meeting.id && m.ordinal === wanted && sameSeries(m, meeting));
  if (holder) {
    const name = meetingNameWith(meeting, wanted);
    throw new AppError(
      'CONFLICT',
      `“${name}”已有印发的纪要（${holder.date}召开），会议次数不能重复，请另选。`,
      {
        ordinal: `${name}已被使用`,
      },
    );
  }
  return wanted;
}

export const minutesHandlers = {
  async 'minutes.getSettings'(_args, ctx) {
    return readMinutesSettings(requireStore(ctx), ctx.office!);
  },
  async 'minutes.setSettings'(args, ctx) {
    const store = requireStore(ctx);
    store.commit([{ entity: SETTING_ENTITY, id: MINUTES_SETTINGS_ID, set: { ...args } }], ctx.user);
    return readMinutesSettings(store, ctx.office!);
  },
  async 'minutes.draft'(args, ctx) {
    const store = requireStore(ctx);
    requireMeeting(store, args.meetingId);
    if (minutesOf(store, args.meetingId).length > 0)
      throw new AppError('CONFLICT', '该会议已有纪要。已印发的纪要如需修改，请使用“更正”。');
    const meeting = meetingDetail(store, args.meetingId, todayIn(ctx));
    const { title, blocks } = draftMinutes({
      bodyName: bodyName(store, ctx.office!),
      meetingName: meeting.name,
      date: meeting.date,
      time: meeting.time,
      place: meeting.place,
      chairName: meeting.chairName,
      chairTitle: meeting.chairTitle,
      agenda: meeting.agenda,
      decisions: meeting.decisions,
      kind: meeting.kind,
      topics: meeting.topics,
      preparesName: meeting.preparesName,
    });
    // 印发 to the units concerned: those given work, then everyone who attended.
    const sendTo = [
      ...new Set([
        ...meeting.decisions.flatMap((d) => [d.leadUnitName, ...d.coUnitNames]),
        // A person serving the government itself (市政府副秘书长) is not a unit to send minutes to.
        ...meeting.attendance
          .filter((a) => a.status !== 'unmarked' && a.unitName && a.unitName !== governmentName(store))
          .map((a) => a.unitName),
      ]),
    ];
    const id = randomUUID();
    store.commit(
      [
        {
          entity: MINUTES_ENTITY,
          id,
          set: {
            meetingId: args.meetingId,
            version: 1,
            status: 'draft',
            title,
            blocks: blocks.map((b) => ({ ...b })),
            sendTo,
            meetingName: meeting.name,
            createdAt: nowIso(ctx),
          },
        },
      ],
      ctx.user,
    );
    return { id };
  },
  async 'minutes.save'(args, ctx) {
    const version = requireVersion(ctx, args.id);
    if (version.status !== 'draft')
      throw new AppError('LOCKED', '该纪要已经印发，不能修改。如需修改，请使用“更正”另起新版本。');
    const blocks = textToBlocks(args.text);
    // The name the text is written with: the meeting's name as it is now, as the page showed it — unless the text
    // still says the name it was drafted with (a form kept from before a renumbering), which then stays live.
    const live = liveName(ctx, requireMeeting(requireStore(ctx), version.meetingId));
    const was = draftedName(version);
    const says = (name: string) => args.title.includes(name) || args.text.includes(name);
    const meetingName = !says(live) && was && says(was) ? was : live;
    requireStore(ctx).commit(
      [
        {
          entity: MINUTES_ENTITY,
          id: args.id,
          set: { title: args.title, blocks: blocks.map((b) => ({ ...b })), sendTo: args.sendTo, meetingName },
        },
      ],
      ctx.user,
    );
    return { id: args.id };
  },
  async 'minutes.issue'(args, ctx) {
    const store = requireStore(ctx);
    const version = requireVersion(ctx, args.id);
    const meeting = requireMeeting(store, version.meetingId);
    if (args.date < meeting.date)
      throw new AppError('VALIDATION', '印发日期不能早于会议日期。', { date: '印发日期不能早于会议日期' });
    if (args.date > todayIn(ctx))
      throw new AppError('VALIDATION', '印发日期不能晚于今天。', { date: '印发日期不能晚于今天' });
    const settings = readMinutesSettings(store, ctx.office!);
    // 第N次 is fixed now: the title and text say the name the minutes are issued with.
    const ordinal = ordinalToIssue(ctx, meeting, args.ordinal);
    const name = meetingNameWith(meeting, ordinal);
    const text = renamed(version, name);
    const all = allMinutes(store);
    const changes = issueChanges(all, version, args.date, settings.numberStyle, {
      seq: args.seq,
      fields: { title: text.title, blocks: text.blocks.map((b) => ({ ...b })), meetingName: name },
    });
    const set = changes[changes.length - 1]!.set;
    const number = String(set.number);
    // The document is laid out now, from the data as it stands at 印发, and kept with its hash: every later print
    // is this page.
    const detail = meetingDetail(store, meeting.id, todayIn(ctx));
    const issued = versionView({
      ...version,
      ...text,
      status: 'issued',
      number,
      issuedDate: args.date,
      corrects: typeof set.corrects === 'string' ? set.corrects : null,
    });
    const others = detail.minutes.filter((v) => v.id !== version.id);
    const asIssued = {
      ...detail,
      name,
      minutesNumber: number,
      minutesStatus: 'issued' as const,
      minutes: [...others, issued],
    };
    const minutesDoc = layOutMinutes(ctx, asIssued, issued);
    const kept = [
      freezeChange(store, {
        kind: 'minutes',
        of: version.id,
        title: minutesDoc.title,
        html: minutesDoc.html,
        data: {
          document: minutesDoc.data,
          meetingName: name,
          attendance: detail.attendance,
          attending: detail.attending,
          // The chair and the agenda as issued: a successor dated back or a topic decided later changes neither.
          chair: { name: detail.chairName, title: detail.chairTitle },
          agenda: detail.agenda,
        },
        issuedDate: args.date,
      }),
    ];
    // The sign-in sheet printed for the meeting is kept with its first minutes.
    if (!isFrozen(store, 'signInSheet', meeting.id)) {
      const sheet = layOutSignInSheet(ctx, asIssued);
      kept.push(
        freezeChange(store, { kind: 'signInSheet', of: meeting.id, ...sheet, issuedDate: args.date }),
      );
    }
    store.commit(
      [
        ...changes,
        ...(meeting.ordinal ? [] : [{ entity: MEETING_ENTITY, id: meeting.id, set: { ordinal } }]),
        ...kept,
      ],
      ctx.user,
    );
    return { id: args.id, number };
  },
  async 'minutes.correct'(args, ctx) {
    const store = requireStore(ctx);
    const version = requireVersion(ctx, args.id);
    const versions = minutesOf(store, version.meetingId);
    if (version.status !== 'issued') throw new AppError('REFUSED', '只有现行的已印发纪要才能更正。');
    if (versions.some((v) => v.status === 'draft'))
      throw new AppError('CONFLICT', '该纪要已有一个正在修改的更正版本，请先完成或印发它。');
    const id = randomUUID();
    const next = Math.max(...versions.map((v) => v.version)) + 1;
    store.commit(
      [
        {
          entity: MINUTES_ENTITY,
          id,
          set: {
            meetingId: version.meetingId,
            version: next,
            status: 'draft',
            title: version.title,
            blocks: version.blocks.map((b) => ({ ...b })),
            sendTo: version.sendTo,
            correctionOf: version.id,
            meetingName: version.meetingName ?? liveName(ctx, requireMeeting(store, version.meetingId)),
            createdAt: nowIso(ctx),
          },
        },
      ],
      ctx.user,
    );
    return { id };
  },
  async 'minutes.discardCorrection'(args, ctx) {
    const store = requireStore(ctx);
    const version = requireVersion(ctx, args.id);
    if (version.status !== 'draft')
      throw new AppError('LOCKED', '该纪要已经印发，不能撤销。如需修改，请使用“更正”另起新版本。');
    if (!version.correctionOf)
      throw new AppError('REFUSED', '只有尚未印发的更正版本可以撤销；纪要初稿请直接修改。');
    // Kept, marked discarded: the record of who started and dropped it stays in the audit trail. The issued
    // version is again the one in force, and the meeting's record is read-only again.
    store.commit([{ entity: MINUTES_ENTITY, id: args.id, set: { discarded: true } }], ctx.user);
    return { id: args.id };
  },
} satisfies HandlerMap<
  | 'minutes.getSettings'
  | 'minutes.setSettings'
  | 'minutes.draft'
  | 'minutes.save'
  | 'minutes.issue'
  | 'minutes.correct'
  | 'minutes.discardCorrection'
>;
