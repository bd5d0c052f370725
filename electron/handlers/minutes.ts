// Minutes: drafted from the meeting, edited as text, issued with a number and then locked; a correction is a new
// version. Settings say how the office numbers its minutes and who gets a copy.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { textToBlocks } from '../contract/schemas/meetings';
import { draftMinutes } from '../domain/meetings/draft';
import { meetingDetail, requireMeeting } from '../domain/meetings/meeting-view';
import { issueChanges } from '../domain/meetings/numbering';
import {
  MINUTES_ENTITY,
  MINUTES_SETTINGS_ID,
  SETTING_ENTITY,
  allMinutes,
  minutesOf,
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
    });
    // 印发 to the units concerned: those given work, then everyone who attended.
    const sendTo = [
      ...new Set([
        ...meeting.decisions.flatMap((d) => [d.leadUnitName, ...d.coUnitNames]),
        ...meeting.attendance.filter((a) => a.status !== 'unmarked' && a.unitName).map((a) => a.unitName),
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
    requireStore(ctx).commit(
      [
        {
          entity: MINUTES_ENTITY,
          id: args.id,
          set: { title: args.title, blocks: blocks.map((b) => ({ ...b })), sendTo: args.sendTo },
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
    const changes = issueChanges(allMinutes(store), version, args.date, settings.numberStyle);
    store.commit(changes, ctx.user);
    return { id: args.id, number: String(changes[changes.length - 1]!.set.number) };
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
            createdAt: nowIso(ctx),
          },
        },
      ],
      ctx.user,
    );
    return { id };
  },
} satisfies HandlerMap<
  | 'minutes.getSettings'
  | 'minutes.setSettings'
  | 'minutes.draft'
  | 'minutes.save'
  | 'minutes.issue'
  | 'minutes.correct'
>;
