// Attendance starts from the composition as it stood on the meeting's date: everyone in post that day is listed,
// and the office marks each 出席 or 请假. 列席 attendees are added by hand. A person who left the post later still
// shows here; one who joined later does not.
import type { AttendanceRow, AttendingView } from '../../contract/schemas/meetings';
import type { Attendance } from '../../print/document-model';
import type { CompositionOn, CompositionRole } from '../composition/composition-on';
import type { AttendanceRecord } from './records';

export const roleNames: Record<CompositionRole, string> = {
  convener: '召集人',
  deputyConvener: '副召集人',
  member: '成员',
  officeHead: '办公室主任',
};

export const attendanceId = (meetingId: string, postId: string) => `${meetingId}.${postId}`;

export function attendanceRows(
  composition: CompositionOn,
  records: readonly AttendanceRecord[],
  meetingId: string,
): AttendanceRow[] {
  const marks = new Map(
    records.filter((r) => r.meetingId === meetingId && r.kind === 'member').map((r) => [r.postId, r]),
  );
  const unitNames = new Map(composition.units.map((u) => [u.id, u.name]));
  return composition.posts.map((p) => {
    const mark = marks.get(p.id);
    return {
      postId: p.id,
      role: p.role,
      roleName: roleNames[p.role],
      personName: p.personName,
      title: p.title,
      unitName: p.unitId ? (unitNames.get(p.unitId) ?? '') : '',
      status: mark ? mark.status : 'unmarked',
      reason: mark?.status === 'absent' ? mark.reason : '',
    };
  });
}

export function attendingList(records: readonly AttendanceRecord[], meetingId: string): AttendingView[] {
  return records
    .filter((r) => r.meetingId === meetingId && r.kind === 'attending' && !r.removed)
    .sort((a, b) => (a.created < b.created ? -1 : 1))
    .map((r) => ({ id: r.id, name: r.name, unit: r.unit, title: r.title }));
}

/** The 出席/请假/列席 blocks of the minutes: 「张三（市民政局局长）」, 「李四（市教育局副局长，出差）」. */
export function printedAttendance(
  rows: readonly AttendanceRow[],
  attending: readonly AttendingView[],
): Attendance {
  const who = (name: string, title: string) => (title ? `${name}（${title}）` : name);
  return {
    present: rows.filter((r) => r.status === 'present').map((r) => who(r.personName, r.title)),
    absent: rows
      .filter((r) => r.status === 'absent')
      .map((r) => ({ name: r.personName, reason: [r.title, r.reason].filter(Boolean).join('，') })),
    attending: attending.map((a) => who(a.name, `${a.unit}${a.title}`)),
  };
}
