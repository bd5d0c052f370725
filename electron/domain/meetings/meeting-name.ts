// How people name a meeting: 「2025年第一次全体会议」, counting meetings of the same kind in the same year by date.
import { chineseNumeral, meetingKindNames } from '../../contract/schemas/meetings';
import type { MeetingRecord } from './records';

export function meetingNamer(meetings: readonly MeetingRecord[]): (m: MeetingRecord) => string {
  const sorted = [...meetings].sort(
    (a, b) => a.date.localeCompare(b.date) || a.created.localeCompare(b.created),
  );
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const m of sorted) {
    const year = m.date.slice(0, 4);
    const key = `${year}:${m.kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    names.set(m.id, `${year}年第${chineseNumeral(n)}次${meetingKindNames[m.kind]}`);
  }
  return (m) => names.get(m.id) ?? `${m.date.slice(0, 4)}年${meetingKindNames[m.kind]}`;
}
