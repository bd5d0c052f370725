// The list's columnar index must answer exactly as the plain definition (queryChildren over summaries sorted with
// `comparators`), before and after edits, and an edit must move rows rather than sort everything again.
import type { ChildListQuery, ChildSortField } from '../../../electron/contract/schemas/ledger';
import { ChildListIndex } from '../../../electron/domain/ledger/child-list-index';
import { comparators, queryChildren } from '../../../electron/domain/ledger/child-query';
import { ALERT_ORDER, type ChildAlert, type ChildSummary } from '../../../electron/domain/ledger/child-summary';
import { searchKey } from '../../../electron/domain/ledger/pinyin';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = ['张', '陈', '李', '林', '黄', '曾', '王', '刘'];
const GIVEN = ['小明', '晓红', '志伟', '晓玲', '华', '明', '丽', '建国', 'Ann', ''];
const SORTS: ChildSortField[] = ['alerts', 'name', 'age', 'township', 'riskLevel', 'lastVisitDate', 'updated'];
const SEARCHES = ['', 'zxm', 'zx', 'x', 'chen', 'xiaoming', 'ming', '晓', '张小', '0123', '123X', '5678', 'ann', 'AN', 'ü', 'lv', '1', 'qq', '小 明'];

function summary(r: () => number, i: number): ChildSummary {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const name = pick(SURNAMES) + pick(GIVEN);
  const idNumber = r() < 0.1 ? '' : `4452021${String(Math.floor(r() * 1e10)).padStart(10, '0')}${pick(['1', '2', 'X'])}`;
  const age = r() < 0.1 ? null : Math.floor(r() * 17);
  const alerts: ChildAlert[] = ALERT_ORDER.filter(() => r() < 0.25).map((kind) => ({ kind, message: kind }));
  return {
    id: `c${String(i).padStart(4, '0')}-${Math.floor(r() * 1000)}`,
    name,
    key: searchKey({ name, idNumber }),
    sex: pick(['1', '2']),
    birthDate: '',
    age,
    ageBand: age === null ? null : age < 6 ? '0-5' : age < 14 ? '6-13' : age < 16 ? '14-15' : '16+',
    idNumber,
    township: pick(['', '仙桥街道', '锡场镇', '梅云街道']),
    village: pick(['', '东山村', '某村', '西村']),
    guardianKind: pick(['grandparents', 'relatives', 'none', '']),
    guardianshipType: pick(['entrusted', 'none']),
    assessment: pick(['good', 'fair', 'poor', '']),
    schooling: pick(['primary', 'junior', 'kindergarten']),
    riskLevel: pick(['red', 'orange', 'yellow', 'blue', '', 'other']),
    status: pick(['active', 'active', 'exited']),
    guardianPhone: pick(['', '13800138000']),
    eligible: r() < 0.8,
    eligibilityReasons: [],
    alerts,
    unguarded: alerts.some((a) => a.kind === 'unguarded'),
    incomplete: r() < 0.3,
    lastVisitDate: pick(['', '2026-10-01', '2026-11-01', '2026-11-20']),
    createdDate: '2026-01-01',
    updated: `0000${Math.floor(r() * 1e6)}`,
  };
}

function randomQuery(r: () => number): ChildListQuery {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T,>(xs: readonly T[]) => (r() < 0.25 ? pick(xs) : undefined);
  return {
    filters: {
      township: maybe(['仙桥街道', '锡场镇', '无此镇']),
      village: maybe(['东山村', '某村']),
      guardianKind: maybe(['grandparents', 'none']),
      assessment: maybe(['good', 'poor']),
      schooling: maybe(['primary']),
      riskLevel: maybe(['red', 'blue', 'other']),
      status: maybe(['active', 'exited']),
      ageBand: maybe(['0-5', '6-13', '14-15'] as const),
      alert: r() < 0.15 ? pick(ALERT_ORDER) : undefined,
      incomplete: r() < 0.2 ? true : undefined,
    },
    search: pick(SEARCHES),
    sort: { field: pick(SORTS), dir: r() < 0.5 ? 'asc' : 'desc' },
    offset: pick([0, 0, 3, 40]),
    limit: pick([5, 100]),
  };
}

function placesOf(all: ChildSummary[]) {
  const places = new Map<string, Set<string>>();
  for (const s of all) {
    if (!s.township) continue;
    if (!places.has(s.township)) places.set(s.township, new Set());
    if (s.village) places.get(s.township)!.add(s.village);
  }
  return places;
}

/** The definition: every summary sorted with the comparators, then the plain one-pass query. */
function expected(all: ChildSummary[], q: ChildListQuery) {
  return queryChildren([...all].sort(comparators[q.sort.field]), q);
}

/** An index filled child by child with `n` random summaries (seeded), and the summaries and the generator. */
function filledIndex(seed: number, n: number) {
  const r = random(seed);
  const all = Array.from({ length: n }, (_, i) => summary(r, i));
  const index = new ChildListIndex();
  for (const s of all) index.put(s);
  return { r, all, index };
}

describe('ChildListIndex', () => {
  it('answers every query exactly as the plain filter, search and sort over the summaries', () => {
    const { r, all, index } = filledIndex(7, 600);
    for (let i = 0; i < 400; i += 1) {
      const q = randomQuery(r);
      expect(index.query(q)).toEqual(expected(all, q));
    }
    for (const field of SORTS) expect(index.sorted(field).map((s) => s.id)).toEqual([...all].sort(comparators[field]).map((s) => s.id));
  });

  it('moves an edited child within the cached orders instead of sorting again, and stays exact', () => {
    const { r, all, index } = filledIndex(11, 400);
    for (const field of SORTS) index.query({ filters: {}, search: 'x', sort: { field, dir: 'asc' }, offset: 0, limit: 10 });
    const sorts = index.stats.fullSorts;
    expect(sorts).toBe(SORTS.length);

    for (let round = 0; round < 30; round += 1) {
      // A few children edited (a new one now and then), then queries: the answers follow, no order is re-sorted.
      for (let k = 0; k < 3; k += 1) {
        const at = Math.floor(r() * all.length);
        const added = round % 10 === 9 && k === 0;
        const edited = { ...summary(r, at), id: added ? `new-${round}` : all[at]!.id };
        if (added) all.push(edited);
        else all[at] = edited;
        index.put(edited);
      }
      for (let i = 0; i < 10; i += 1) {
        const q = randomQuery(r);
        expect(index.query(q)).toEqual(expected(all, q));
      }
    }
    expect(index.stats.fullSorts).toBe(sorts);
    expect(index.stats.patches).toBeGreaterThan(0);
    expect(index.get(all[5]!.id)).toBe(all[5]);
  });

  it('merges many changed children (a snapshot of edits, a bundle) into the cached orders, exactly and without sorting again', () => {
    const { r, all, index } = filledIndex(13, 1200);
    for (const field of SORTS) index.query({ filters: {}, search: '', sort: { field, dir: 'asc' }, offset: 0, limit: 10 });
    const sorts = index.stats.fullSorts;
    for (let round = 0; round < 4; round += 1) {
      // 200 edits and a few new children between two looks: more than are inserted one by one, fewer than a quarter.
      for (let k = 0; k < 200; k += 1) {
        const at = Math.floor(r() * all.length);
        const added = k % 50 === 0;
        const edited = { ...summary(r, at), id: added ? `new-${round}-${k}` : all[at]!.id };
        if (added) all.push(edited);
        else all[at] = edited;
        index.put(edited);
      }
      for (const field of SORTS) expect(index.sorted(field).map((s) => s.id)).toEqual([...all].sort(comparators[field]).map((s) => s.id));
      for (let i = 0; i < 10; i += 1) {
        const q = randomQuery(r);
        expect(index.query(q)).toEqual(expected(all, q));
      }
    }
    expect(index.stats.fullSorts).toBe(sorts);
  });

  it('hands a snapshot every current summary once, unchanged ones in name order, without sorting anything', () => {
    const { r, all, index } = filledIndex(17, 500);
    index.query({ filters: {}, search: '', sort: { field: 'name', dir: 'asc' }, offset: 0, limit: 10 });
    const changedIds = new Set<string>();
    for (let k = 0; k < 60; k += 1) {
      const at = Math.floor(r() * all.length);
      const added = k % 20 === 0;
      const edited = { ...summary(r, at), id: added ? `new-${k}` : all[at]!.id };
      if (added) all.push(edited);
      else all[at] = edited;
      changedIds.add(edited.id);
      index.put(edited);
    }
    const stats = { ...index.stats };
    const handed = index.roughlyByName();
    expect(index.stats).toEqual(stats);
    // The current summaries, each once.
    expect(handed.length).toBe(all.length);
    expect(new Set(handed)).toEqual(new Set(all));
    // Those unchanged come first, in name order; the changed follow.
    const unchanged = handed.slice(0, handed.length - changedIds.size);
    expect(unchanged.every((s) => !changedIds.has(s.id))).toBe(true);
    expect(unchanged.map((s) => s.id)).toEqual([...unchanged].sort(comparators.name).map((s) => s.id));
  });

  it('loaded in bulk (a start), answers as when filled child by child, and edits after it stay exact', () => {
    const r = random(5);
    const all = Array.from({ length: 500 }, (_, i) => summary(r, i));
    // A child twice in the input: the later summary wins, as put would have it.
    const repeated = { ...summary(r, 7), id: all[7]!.id };
    const index = new ChildListIndex();
    index.put(summary(r, 999)); // forgotten by the load
    index.load([...all, repeated]);
    all[7] = repeated;
    expect(index.size).toBe(all.length);
    for (let i = 0; i < 200; i += 1) {
      const q = randomQuery(r);
      expect(index.query(q)).toEqual(expected(all, q));
    }
    for (let round = 0; round < 10; round += 1) {
      const at = Math.floor(r() * all.length);
      const edited = { ...summary(r, at), id: round % 4 === 3 ? `new-${round}` : all[at]!.id };
      if (edited.id.startsWith('new-')) all.push(edited);
      else all[at] = edited;
      index.put(edited);
      const q = randomQuery(r);
      expect(index.query(q)).toEqual(expected(all, q));
    }
    expect(index.places()).toEqual(placesOf(all));
  });

  it('keeps the townships and villages of the filter selects current', () => {
    const r = random(3);
    const index = new ChildListIndex();
    const s = { ...summary(r, 1), township: '仙桥街道', village: '东山村' };
    index.put(s);
    expect([...index.places().get('仙桥街道')!]).toEqual(['东山村']);
    index.put({ ...s, township: '锡场镇', village: '' });
    expect([...index.places().keys()]).toEqual(['锡场镇']);
    expect(index.places().get('锡场镇')!.size).toBe(0);
  });
});
