// Who is expected at a meeting, by its kind, as things stood on the meeting's date:
// - a joint meeting (全体会议, 临时会议): the composition that day — each person once, with every role they hold
//   (the office head who is also a member is one row: 成员、办公室主任);
// - a liaison meeting (联络员会议): the liaison (联络员) of each member unit that day.
// The office marks each 出席 or 请假; a 请假 may name who attends instead (代为出席), printed 「王某某（李某某代）」 as
// local practice has it. 列席 attendees are added by hand. A person who left the post later still shows here; one who
// joined later does not.
import type { AttendanceRow, AttendingView, MeetingKind } from '../../contract/schemas/meetings';
import type { Attendance } from '../../print/document-model';
import type { CompositionOn, CompositionRole } from '../composition/composition-on';
import { normalisePersonName } from '../composition/person-name';
import type { AttendanceRecord } from './records';

export type RosterRole = CompositionRole | 'liaison';

export const roleNames: Record<RosterRole, string> = {
  convener: '召集人',
  deputyConvener: '副召集人',
  member: '成员',
  officeHead: '办公室主任',
  liaison: '联络员',
};

export const attendanceId = (meetingId: string, seatId: string) => `${meetingId}.${seatId}`;

/** A liaison meeting's seat: the unit's liaison on that day (whoever it is). */
export const liaisonSeatId = (unitId: string) => `liaison.${unitId}`;

/** One person expected at the meeting. `seatId` is what attendance is recorded under; `ids` every id that names it. */
export interface RosterSeat {
  seatId: string;
  ids: string[];
  roles: RosterRole[];
  personName: string;
  title: string;
  unitName: string;
}

const OFFICE_HEAD_TITLE = '联席会议办公室主任';

/** The people expected at a meeting of `kind`, in the notice's order. */
export function rosterOf(kind: MeetingKind, composition: CompositionOn): RosterSeat[] {
  const unitNames = new Map(composition.units.map((u) => [u.id, u.name]));
  if (kind === 'liaison') {
    return composition.units.flatMap((u) =>
      u.liaison && u.liaison.name.trim()
        ? [
            {
              seatId: liaisonSeatId(u.id),
              ids: [liaisonSeatId(u.id)],
              roles: ['liaison' as const],
              personName: u.liaison.name,
              title: `${u.name}${u.liaison.post}`,
              unitName: u.name,
            },
          ]
        : [],
    );
  }
  const seats: (RosterSeat & { titles: string[] })[] = [];
  const byPerson = new Map<string, RosterSeat & { titles: string[] }>();
  // Posts come ranked (召集人, 副召集人, 成员, 办公室主任): a person's row stands where their first post does.
  for (const p of composition.posts) {
    const key = normalisePersonName(p.personName);
    const seen = key ? byPerson.get(key) : undefined;
    if (seen) {
      seen.ids.push(p.id);
      if (!seen.roles.includes(p.role)) seen.roles.push(p.role);
      if (p.title && !seen.titles.includes(p.title)) seen.titles.push(p.title);
      if (!seen.unitName && p.unitId) seen.unitName = unitNames.get(p.unitId) ?? '';
      continue;
    }
    const seat = {
      seatId: p.id,
      ids: [p.id],
      roles: [p.role] as RosterRole[],
      personName: p.personName,
      title: '',
      titles: p.title ? [p.title] : [],
      // The unit's name on the meeting's day; a post without a member unit serves the government (市政府).
      unitName: p.unitName,
    };
    seats.push(seat);
    if (key) byPerson.set(key, seat);
  }
  return seats.map(({ titles, ...seat }) => {
    // The office head's post is a role of its own: 「市民政局副局长、联席会议办公室主任」.
    const extra =
      seat.roles.includes('officeHead') && !titles.some((t) => t.includes('办公室主任'))
        ? [OFFICE_HEAD_TITLE]
        : [];
    return { ...seat, title: [...titles, ...extra].join('、') };
  });
}

/** The seat a caller's id names (a post of the person, or the liaison seat), or undefined when not expected. */
export function findSeat(roster: readonly RosterSeat[], id: string): RosterSeat | undefined {
  return roster.find((s) => s.ids.includes(id));
}

/** What a mark recorded of the person when it was made (older marks: what their post record says). */
export interface MarkedPerson {
  personName: string;
  title: string;
  unitName: string;
  role: string;
  roleName: string;
}

/** The id an attendance row names a recorded mark by when the person is no longer on the day's roster. */
export const RECORDED_PREFIX = 'recorded:';

const samePerson = (a: string, b: string) => normalisePersonName(a) === normalisePersonName(b);

/**
 * The meeting's attendance: everyone the roster expects, with their marks; and — so that a mark once recorded is
 * never dropped silently — everyone marked who is no longer on the roster of that day (a successor dated back, a
 * unit merged away, a liaison replaced), listed after it with their mark as it was recorded. Such a row's `postId`
 * is `recorded:<key>` (the record is `<meeting id>.<key>`), which attendance.mark accepts to change that mark.
 */
export function attendanceRows(
  kind: MeetingKind,
  composition: CompositionOn,
  records: readonly AttendanceRecord[],
  meetingId: string,
  formerly: (postId: string) => MarkedPerson | undefined = () => undefined,
): AttendanceRow[] {
  const marks = records.filter((r) => r.meetingId === meetingId && r.kind === 'member');
  const used = new Set<string>();
  const roster = rosterOf(kind, composition);
  // A mark belongs to a seat under one of its ids — unless it recorded someone else (a liaison since replaced).
  const markOf = (seat: RosterSeat, byName: boolean) =>
    marks.find(
      (m) =>
        !used.has(m.id) &&
        (byName
          ? m.name !== '' && samePerson(m.name, seat.personName)
          : seat.ids.includes(m.postId) && (m.name === '' || samePerson(m.name, seat.personName))),
    );
  const seatMarks = roster.map((seat) => {
    const mark = markOf(seat, false);
    if (mark) used.add(mark.id);
    return mark;
  });
  // A person who holds a new post (moved to another unit) keeps the mark made under the old one.
  roster.forEach((seat, i) => {
    if (seatMarks[i]) return;
    const mark = markOf(seat, true);
    if (mark) {
      used.add(mark.id);
      seatMarks[i] = mark;
    }
  });
  const fields = (mark: AttendanceRecord | undefined) => {
    const absent = mark?.status === 'absent';
    return {
      status: mark ? mark.status : ('unmarked' as const),
      reason: absent ? mark.reason : '',
      substitute: absent ? mark.substitute : '',
    };
  };
  const rows: AttendanceRow[] = roster.map((seat, i) => ({
    postId: seat.seatId,
    role: seat.roles[0]!,
    roleName: seat.roles.map((r) => roleNames[r]).join('、'),
    personName: seat.personName,
    title: seat.title,
    unitName: seat.unitName,
    ...fields(seatMarks[i]),
  }));
  for (const mark of marks) {
    if (used.has(mark.id)) continue;
    const kept: MarkedPerson | undefined = mark.name
      ? { personName: mark.name, title: mark.title, unitName: mark.unit, role: mark.role, roleName: mark.roleName }
      : formerly(mark.postId);
    if (!kept) continue;
    // Records are `<meeting id>.<key>`: the row names the key (the meeting is named beside it).
    const key = mark.id.startsWith(`${meetingId}.`) ? mark.id.slice(meetingId.length + 1) : mark.id;
    rows.push({ postId: `${RECORDED_PREFIX}${key}`, ...kept, ...fields(mark) });
  }
  return rows;
}

export function attendingList(records: readonly AttendanceRecord[], meetingId: string): AttendingView[] {
  return records
    .filter((r) => r.meetingId === meetingId && r.kind === 'attending' && !r.removed)
    .sort((a, b) => (a.created < b.created ? -1 : 1))
    .map((r) => ({ id: r.id, name: r.name, unit: r.unit, title: r.title }));
}

/** 「王某某（李某某代）」: a person on the list and who attended in their place. */
export const withSubstitute = (name: string, substitute: string) =>
  substitute ? `${name}（${substitute}代）` : name;

/**
 * The 出席/请假/列席 blocks of the minutes: 「张三（市民政局局长）」, 「李四（市教育局副局长，出差）」. Someone on leave
 * who sent a substitute is printed among those present, 「王五（市财政局副局长）（赵六代）」, and not as 请假.
 */
export function printedAttendance(
  rows: readonly AttendanceRow[],
  attending: readonly AttendingView[],
): Attendance {
  const who = (name: string, title: string) => (title ? `${name}（${title}）` : name);
  return {
    present: rows
      .filter((r) => r.status === 'present' || (r.status === 'absent' && r.substitute))
      .map((r) => withSubstitute(who(r.personName, r.title), r.status === 'absent' ? r.substitute : '')),
    absent: rows
      .filter((r) => r.status === 'absent' && !r.substitute)
      .map((r) => ({ name: r.personName, reason: [r.title, r.reason].filter(Boolean).join('，') })),
    attending: attending.map((a) => who(a.name, `${a.unit}${a.title}`)),
  };
}
