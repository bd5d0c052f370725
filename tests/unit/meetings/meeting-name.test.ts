// 第N次: counted live by date among the meetings of one kind and year, except a meeting whose minutes are issued,
// which keeps the ordinal it was issued with. Whatever is registered later, no two meetings share a name.
import { meetingNamer, meetingOrdinals } from '../../../electron/domain/meetings/meeting-name';
import { chineseNumeral } from '../../../electron/contract/schemas/meetings';
import { parseChineseNumeral, type MeetingRecord } from '../../../electron/domain/meetings/records';

const meeting = (
  id: string,
  date: string,
  ordinal: number | null = null,
  kind: MeetingRecord['kind'] = 'plenary',
  office = '445200',
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
  preparesId: null,
  ordinal,
  // An HLC stamp: the office that registered the meeting ends it.
  created: `${date.replace(/-/g, '')}${id}-00000-${office}`,
});

const names = (ms: MeetingRecord[]) => {
  const name = meetingNamer(ms);
  return Object.fromEntries(ms.map((m) => [m.id, name(m)]));
};

describe('meeting ordinals', () => {
  it('counts by date within a kind and a year', () => {
    const ms = [
      meeting('b', '2025-06-01'),
      meeting('a', '2025-03-01'),
      meeting('c', '2026-01-05'),
      meeting('l', '2025-02-01', null, 'liaison'),
    ];
    expect(names(ms)).toEqual({
      a: '2025年第一次全体会议',
      b: '2025年第二次全体会议',
      c: '2026年第一次全体会议',
      l: '2025年第一次联络员会议',
    });
  });

  it('keeps issued ordinals; the others take the free ones in date order', () => {
    // A was issued as 第一次; B is registered later with an earlier date; C is a draft after both.
    const ms = [meeting('a', '2025-03-01', 1), meeting('b', '2025-02-01'), meeting('c', '2025-04-01')];
    expect(names(ms)).toEqual({
      a: '2025年第一次全体会议',
      b: '2025年第二次全体会议',
      c: '2025年第三次全体会议',
    });
    // Two issued meetings (the second numbered by hand as 第五次) and live ones around them.
    const more = [
      meeting('x', '2025-01-10'),
      meeting('p', '2025-02-01', 1),
      meeting('y', '2025-03-01'),
      meeting('q', '2025-04-01', 5),
      meeting('z', '2025-05-01'),
      meeting('w', '2025-06-01'),
    ];
    const ord = meetingOrdinals(more);
    expect(more.map((m) => ord.get(m.id))).toEqual([2, 1, 3, 5, 4, 6]);
    expect(new Set(ord.values()).size).toBe(more.length);
  });
  it('counts each office’s meetings apart: a county’s store also holds the city’s', () => {
    const ms = [
      meeting('city1', '2026-02-01', 1, 'plenary', '445200'),
      meeting('city2', '2026-05-01', null, 'plenary', '445200'),
      meeting('county1', '2026-03-01', null, 'plenary', '445202'),
      meeting('county2', '2026-01-10', null, 'plenary', '445202'),
    ];
    expect(names(ms)).toEqual({
      city1: '2026年第一次全体会议',
      city2: '2026年第二次全体会议',
      county1: '2026年第二次全体会议',
      county2: '2026年第一次全体会议',
    });
  });
});

test('Chinese numerals read back', () => {
  expect(['一', '九', '十', '十二', '二十', '二十一', '九十九'].map(parseChineseNumeral)).toEqual([
    1, 9, 10, 12, 20, 21, 99,
  ]);
  expect(['', '零', '一一', '十十', '百'].map(parseChineseNumeral)).toEqual([0, 0, 0, 0, 0]);
  for (let n = 1; n < 100; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
});
