// The printable kinds of this area: `minutes` (a meeting's minutes; id = the meeting, options.version picks a
// version, else the one in force) and `signInSheet` (id = the meeting). The CLI's `minutes html` calls the very same
// function, so what it writes is byte for byte what the app prints.
//
// An issued version prints the page kept when it was issued (electron/domain/issued), byte for byte, whatever has
// changed since; so does the sign-in sheet of a meeting whose minutes are issued. Drafts are laid out from the data.
import type { AppContext } from '../../app/context';
import { requireStore } from '../../app/context';
import { AppError } from '../../contract/errors';
import type { MeetingDetail, MinutesVersion } from '../../contract/schemas/meetings';
import { DEMO_ENTITY, DEMO_ID } from '../../handlers/app';
import type { OfficialDocument } from '../../print/document-model';
import { renderOfficialDocument } from '../../print/official-document';
import type { PrintArgs, PrintedDocument } from '../../print/renderers';
import { renderSignInSheet, type SignInSheet } from '../../print/sign-in-sheet';
import { freezeChange, readIssuedDocument } from '../issued/issued-documents';
import { isoDateOf } from '../ledger/dates';
import { withSubstitute } from './attendance';
import { meetingDetail } from './meeting-view';
import { minutesDocument } from './minutes-document';
import { bodyName, readMinutesSettings } from './settings';

function requireId(args: PrintArgs): string {
  if (!args.id) throw new AppError('INVALID_ARGS', '请指定要打印的会议。');
  return args.id;
}

export const isDemo = (ctx: AppContext) => Boolean(requireStore(ctx).get(DEMO_ENTITY, DEMO_ID)?.v.isDemo);

/** A laid-out document and what it was laid out from. */
export interface LaidOut<T> extends PrintedDocument {
  data: T;
}

/** One version of the minutes laid out from the meeting as given (the live data, or the data being issued). */
export function layOutMinutes(
  ctx: AppContext,
  meeting: MeetingDetail,
  version: MinutesVersion,
): LaidOut<OfficialDocument> {
  const store = requireStore(ctx);
  const today = isoDateOf(new Date(ctx.clock()));
  const settings = readMinutesSettings(store, ctx.office!);
  const doc = minutesDocument(meeting, version, settings, { today, demo: isDemo(ctx) });
  return {
    title: version.number ? `${version.title}（${version.number}）` : version.title,
    html: renderOfficialDocument(doc),
    data: doc,
  };
}

/** The sign-in sheet of a meeting as given. */
export function layOutSignInSheet(ctx: AppContext, meeting: MeetingDetail): LaidOut<SignInSheet> {
  const store = requireStore(ctx);
  const title = `${bodyName(store, ctx.office!)}${meeting.name}签到表`;
  const rows = [
    ...meeting.attendance.map((a) => ({
      unit: a.unitName,
      // 请假 with a substitute: the substitute signs in the person's row, 「王某某（李某某代）」.
      name: withSubstitute(a.personName, a.status === 'absent' ? a.substitute : ''),
      post: a.title || a.roleName,
    })),
    ...meeting.attending.map((a) => ({ unit: a.unit, name: a.name, post: a.title })),
  ];
  const base = { title, date: meeting.date, place: meeting.place, rows, blankRows: 3, demo: isDemo(ctx) };
  const sheet: SignInSheet = meeting.time ? { ...base, time: meeting.time } : base;
  return { title, html: renderSignInSheet(sheet), data: sheet };
}

export async function renderMinutesPrint(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const store = requireStore(ctx);
  const meeting = meetingDetail(store, requireId(args), isoDateOf(new Date(ctx.clock())));
  const wanted = args.options?.version;
  const versions = meeting.minutes;
  const version =
    typeof wanted === 'number'
      ? versions.find((v) => v.version === wanted)
      : ([...versions].reverse().find((v) => v.status === 'issued') ?? versions[versions.length - 1]);
  if (!version) throw new AppError('NOT_FOUND', '该会议还没有纪要。');
  if (version.status !== 'draft') {
    const kept = readIssuedDocument(store, 'minutes', version.id);
    if (kept) return { title: kept.title, html: kept.html };
  }
  const { title, html, data } = layOutMinutes(ctx, meeting, version);
  if (version.status !== 'draft') {
    // Issued before the app kept issued documents: kept from this first print on, so that it changes no further.
    const { attendance, attending } = meeting;
    const document = { document: data, meetingName: meeting.name, attendance, attending };
    const date = version.issuedDate ?? meeting.date;
    store.commit(
      [
        freezeChange(store, {
          kind: 'minutes',
          of: version.id,
          title,
          html,
          data: document,
          issuedDate: date,
        }),
      ],
      ctx.user,
    );
  }
  return { title, html };
}

export async function renderSignInSheetPrint(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const store = requireStore(ctx);
  const id = requireId(args);
  const kept = readIssuedDocument(store, 'signInSheet', id);
  if (kept) return { title: kept.title, html: kept.html };
  const meeting = meetingDetail(store, id, isoDateOf(new Date(ctx.clock())));
  const { title, html, data } = layOutSignInSheet(ctx, meeting);
  const issued = meeting.minutes.find((v) => v.status !== 'draft');
  if (issued) {
    // The minutes were issued before the app kept issued documents: the sheet is kept from this print on.
    const date = issued.issuedDate ?? meeting.date;
    store.commit(
      [freezeChange(store, { kind: 'signInSheet', of: id, title, html, data, issuedDate: date })],
      ctx.user,
    );
  }
  return { title, html };
}
