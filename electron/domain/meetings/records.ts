// The meeting entities as the store holds them, read into typed records. Every field is read defensively: records
// arrive from other offices too, and a missing field must read as empty, not crash a page.
import type { JsonValue } from '../../store/operation';
import { createdHlc, type EntityRecord } from '../../store/state';
import type { Store } from '../../store/store';
import type {
  ApprovalState,
  ChairKind,
  MeetingKind,
  MinutesBlock,
  PresenceState,
  TopicOutcome,
} from '../../contract/schemas/meetings';

export const MEETING_ENTITY = 'meeting';
export const TOPIC_ENTITY = 'topic';
export const ATTENDANCE_ENTITY = 'attendance';
export const DECISION_ENTITY = 'decision';
export const MINUTES_ENTITY = 'minutes';
/** The office's minutes settings live in one record of this entity. */
export const SETTING_ENTITY = 'setting';
export const MINUTES_SETTINGS_ID = 'minutes';

export const str = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
const optStr = (v: JsonValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strList = (v: JsonValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const oneOf = <T extends string>(v: JsonValue | undefined, values: readonly T[], fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

export interface MeetingRecord {
  id: string;
  kind: MeetingKind;
  date: string;
  time: string;
  place: string;
  chairKind: ChairKind;
  chairName: string;
  chairTitle: string;
  requestedBy: string;
  preparesId: string | null;
  /** 第N次, fixed when its minutes are issued (null: counted live among the meetings of its kind and year). */
  ordinal?: number | null;
  created: string;
}

export function readMeeting(id: string, rec: EntityRecord): MeetingRecord {
  const v = rec.v;
  return {
    id,
    kind: oneOf(v.kind, ['plenary', 'adhoc', 'liaison'] as const, 'plenary'),
    date: str(v.date),
    time: str(v.time),
    place: str(v.place),
    chairKind: oneOf(v.chairKind, ['convener', 'delegate'] as const, 'convener'),
    chairName: str(v.chairName),
    chairTitle: str(v.chairTitle),
    requestedBy: str(v.requestedBy),
    preparesId: optStr(v.preparesId),
    ordinal: typeof v.ordinal === 'number' && Number.isInteger(v.ordinal) && v.ordinal > 0 ? v.ordinal : null,
    created: createdHlc(rec),
  };
}

export interface TopicRecord {
  id: string;
  meetingId: string;
  title: string;
  unitId: string;
  outcome: TopicOutcome;
  note: string;
  created: string;
}

export function readTopic(id: string, rec: EntityRecord): TopicRecord {
  return {
    id,
    meetingId: str(rec.v.meetingId),
    title: str(rec.v.title),
    unitId: str(rec.v.unitId),
    outcome: oneOf(rec.v.outcome, ['pending', 'accepted', 'deferred', 'dropped'] as const, 'pending'),
    note: str(rec.v.note),
    created: createdHlc(rec),
  };
}

/** A member's presence (id `${meetingId}.${postId}`) or a 列席 attendee (kind 'attending'). */
export interface AttendanceRecord {
  id: string;
  meetingId: string;
  kind: 'member' | 'attending';
  postId: string;
  status: PresenceState;
  reason: string;
  /** 请假 with someone attending instead (代为出席): their name, printed 「王某某（李某某代）」. */
  substitute: string;
  name: string;
  unit: string;
  title: string;
  /** A member's mark: the role it was recorded under (name, unit and title above are the person's at marking). */
  role: string;
  roleName: string;
  removed: boolean;
  created: string;
}

export function readAttendance(id: string, rec: EntityRecord): AttendanceRecord {
  const v = rec.v;
  return {
    id,
    meetingId: str(v.meetingId),
    kind: v.kind === 'attending' ? 'attending' : 'member',
    postId: str(v.postId),
    status: oneOf(v.status, ['present', 'absent'] as const, 'present'),
    reason: str(v.reason),
    substitute: str(v.substitute),
    name: str(v.name),
    unit: str(v.unit),
    title: str(v.title),
    role: str(v.role),
    roleName: str(v.roleName),
    removed: v.removed === true,
    created: createdHlc(rec),
  };
}

export interface DecisionRecord {
  id: string;
  meetingId: string;
  order: number;
  text: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: string;
  major: boolean;
  approval: ApprovalState | null;
  approvalDate: string | null;
  approver: string | null;
  taskId: string;
}

export function readDecision(id: string, rec: EntityRecord): DecisionRecord {
  const v = rec.v;
  return {
    id,
    meetingId: str(v.meetingId),
    order: typeof v.order === 'number' ? v.order : 0,
    text: str(v.text),
    leadUnitId: str(v.leadUnitId),
    coUnitIds: strList(v.coUnitIds),
    deadline: str(v.deadline),
    major: v.major === true,
    approval:
      v.major === true ? oneOf(v.approval, ['pending', 'approved', 'rejected'] as const, 'pending') : null,
    approvalDate: optStr(v.approvalDate),
    approver: optStr(v.approver),
    taskId: str(v.taskId),
  };
}

export interface MinutesRecord {
  id: string;
  meetingId: string;
  version: number;
  status: 'draft' | 'issued' | 'superseded';
  title: string;
  blocks: MinutesBlock[];
  sendTo: string[];
  year: number | null;
  seq: number | null;
  number: string | null;
  issuedDate: string | null;
  createdAt: string;
  /** A correction: the version it corrects (that version's number is named in it when it is issued). */
  correctionOf?: string | null;
  /** Issued correction: the number of the minutes it corrects, printed in it. */
  corrects?: string | null;
  /** The office that wrote the minutes (its code ends the stamp of their first operation): each numbers its own. */
  office?: string;
  /**
   * The meeting's name as the draft's title and text were written with it (第N次 is live until the minutes are
   * issued: a draft shows the name as it is now). Issued: the name printed, fixed.
   */
  meetingName?: string | null;
}

function readBlocks(v: JsonValue | undefined): MinutesBlock[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((b) =>
    b !== null && typeof b === 'object' && !Array.isArray(b)
      ? [
          {
            type: oneOf(b.type, ['heading1', 'heading2', 'paragraph'] as const, 'paragraph'),
            text: str(b.text),
          },
        ]
      : [],
  );
}

export function readMinutes(id: string, rec: EntityRecord): MinutesRecord {
  const v = rec.v;
  return {
    id,
    meetingId: str(v.meetingId),
    version: typeof v.version === 'number' ? v.version : 1,
    status: oneOf(v.status, ['draft', 'issued', 'superseded'] as const, 'draft'),
    title: str(v.title),
    blocks: readBlocks(v.blocks),
    sendTo: strList(v.sendTo),
    year: typeof v.year === 'number' ? v.year : null,
    seq: typeof v.seq === 'number' ? v.seq : null,
    number: optStr(v.number),
    issuedDate: optStr(v.issuedDate),
    createdAt: str(v.createdAt),
    office: createdHlc(rec).slice(-6),
    correctionOf: optStr(v.correctionOf),
    corrects: optStr(v.corrects),
    meetingName: optStr(v.meetingName),
  };
}

function readAll<T>(store: Store, entity: string, read: (id: string, rec: EntityRecord) => T): T[] {
  return Object.entries(store.table(entity)).map(([id, rec]) => read(id, rec));
}

const NUMERALS = '一二三四五六七八九';
/** 一 → 1, 十 → 10, 十二 → 12, 二十一 → 21 (the inverse of chineseNumeral below 100); 0 when it is not one. */
export function parseChineseNumeral(text: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return 0;
  const digit = (c: string | undefined) => (c ? NUMERALS.indexOf(c) + 1 : 0);
  if (!m[2]) return m[3] ? 0 : digit(m[1]);
  return (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]);
}

const KIND_NAMES: Record<MeetingKind, string> = {
  plenary: '全体会议',
  adhoc: '临时会议',
  liaison: '联络员会议',
};

/**
 * Meetings whose minutes were issued before 第N次 was kept on the meeting: the ordinal their issued minutes name
 * (「2025年第二次全体会议纪要」), so that they, too, keep the name they were issued with.
 */
function withIssuedOrdinals(store: Store, meetings: MeetingRecord[]): MeetingRecord[] {
  if (meetings.every((m) => m.ordinal)) return meetings;
  const issued = new Map<string, string>();
  for (const v of allMinutes(store).sort((a, b) => a.version - b.version))
    if (v.status !== 'draft' && !issued.has(v.meetingId)) issued.set(v.meetingId, v.meetingName ?? v.title);
  return meetings.map((m) => {
    const name = m.ordinal ? undefined : issued.get(m.id);
    const found = name
      ? /^(\d{4})年第([一二三四五六七八九十]+)次(全体会议|临时会议|联络员会议)/.exec(name)
      : null;
    if (!found || found[1] !== m.date.slice(0, 4) || found[3] !== KIND_NAMES[m.kind]) return m;
    const n = parseChineseNumeral(found[2]!);
    return n > 0 ? { ...m, ordinal: n } : m;
  });
}

export const allMeetings = (store: Store) =>
  withIssuedOrdinals(store, readAll(store, MEETING_ENTITY, readMeeting));
export const allTopics = (store: Store) => readAll(store, TOPIC_ENTITY, readTopic);
export const allAttendance = (store: Store) => readAll(store, ATTENDANCE_ENTITY, readAttendance);
export const allDecisions = (store: Store) => readAll(store, DECISION_ENTITY, readDecision);
/** Every version of every meeting's minutes, but a correction draft that was discarded (minutes.discardCorrection). */
export const allMinutes = (store: Store) =>
  Object.entries(store.table(MINUTES_ENTITY))
    .filter(([, rec]) => rec.v.discarded !== true)
    .map(([id, rec]) => readMinutes(id, rec));

/** A meeting's minutes, oldest version first. */
export const minutesOf = (store: Store, meetingId: string) =>
  allMinutes(store)
    .filter((m) => m.meetingId === meetingId)
    .sort((a, b) => a.version - b.version);
