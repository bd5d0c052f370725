// How people name a meeting: 「2025年第一次全体会议」, counting an office's meetings of the same kind in the same year
// by date.
// A meeting whose minutes are issued keeps the ordinal it was issued with (its `ordinal`), whatever is registered
// later; the others are counted live, in date order, over the ordinals no issued meeting holds. So two meetings of
// one kind and year never share a name, and an issued 纪要 never comes to name another meeting.
import { chineseNumeral, meetingKindNames } from '../../contract/schemas/meetings';
import type { MeetingRecord } from './records';

/**
 * Meetings are counted per office (the code ending the stamp of the meeting's first operation): a county's store
 * also holds the city's meetings, and the county's joint meeting counts its own.
 */
const groupOf = (m: Pick<MeetingRecord, 'date' | 'kind' | 'created'>) =>
  `${m.created.slice(-6)}:${m.date.slice(0, 4)}:${m.kind}`;

/** Two meetings whose 第N次 counts in the same series. */
export const sameSeries = (a: MeetingRecord, b: MeetingRecord) => groupOf(a) === groupOf(b);

/** The ordinal (第N次) of every meeting, by id. */
export function meetingOrdinals(meetings: readonly MeetingRecord[]): Map<string, number> {
  const sorted = [...meetings].sort(
    (a, b) => a.date.localeCompare(b.date) || a.created.localeCompare(b.created),
  );
  const fixed = new Map<string, Set<number>>();
  for (const m of sorted) {
    if (!m.ordinal) continue;
    const key = groupOf(m);
    const set = fixed.get(key) ?? new Set<number>();
    set.add(m.ordinal);
    fixed.set(key, set);
  }
  const ordinals = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const m of sorted) {
    if (m.ordinal) {
      ordinals.set(m.id, m.ordinal);
      continue;
    }
    const key = groupOf(m);
    const taken = fixed.get(key);
    let n = (counters.get(key) ?? 0) + 1;
    while (taken?.has(n)) n++;
    counters.set(key, n);
    ordinals.set(m.id, n);
  }
  return ordinals;
}

export function meetingNameWith(m: Pick<MeetingRecord, 'date' | 'kind'>, ordinal: number): string {
  return `${m.date.slice(0, 4)}年第${chineseNumeral(ordinal)}次${meetingKindNames[m.kind]}`;
}

export function meetingNamer(meetings: readonly MeetingRecord[]): (m: MeetingRecord) => string {
  const ordinals = meetingOrdinals(meetings);
  return (m) => {
    const n = ordinals.get(m.id);
    return n ? meetingNameWith(m, n) : `${m.date.slice(0, 4)}年${meetingKindNames[m.kind]}`;
  };
}
