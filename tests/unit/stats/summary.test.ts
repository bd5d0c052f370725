import { summariseLedger, entryDateOf } from '../../../electron/domain/stats/summary';
import type { EntityRecord } from '../../../electron/store/state';
import type { JsonValue } from '../../../electron/store/operation';
import { formatHlc } from '../../../electron/store/hlc';

const hlcOn = (isoDate: string) => formatHlc({ ms: new Date(`${isoDate}T12:00:00`).getTime(), counter: 0, office: '445200' });

function child(fields: Record<string, JsonValue>, created = '2025-06-01'): EntityRecord {
  const h = hlcOn(created);
  return {
    v: {
      'child.name': '测试',
      'child.birthDate': '2015-05-01',
      'child.schooling': 'primary',
      'guardianship.guardianKind': 'grandparents',
      'responsibility.township': '榕城街道',
      'responsibility.village': '东门村',
      'status.state': 'active',
      riskLevel: '',
      ...fields,
    },
    b: h,
    c: h,
    u: h,
  };
}

const period = { from: '2026-01-01', to: '2026-03-31' };
const rec = (v: Record<string, JsonValue>): EntityRecord => ({ v, b: hlcOn('2026-01-01'), c: hlcOn('2026-01-01'), u: hlcOn('2026-01-01') });

describe('summariseLedger', () => {
  it('computes ages at the end of the period, not today', () => {
    const children = {
      // Turns 6 on the period's last day: 6–13. Turns 14 the day after: still 6–13.
      a: child({ 'child.birthDate': '2020-03-31' }),
      b: child({ 'child.birthDate': '2012-04-01' }),
      // Turns 16 within the period: shows as 16+ (a prompt to exit), not 14–15.
      c: child({ 'child.birthDate': '2010-02-15' }),
      d: child({ 'child.birthDate': '2021-01-01' }),
    };
    const s = summariseLedger({ children, visits: {}, reports: {}, period });
    expect(s.totals.ageBand).toEqual({ '0-5': 1, '6-13': 2, '14-15': 0, '16+': 1 });
  });

  it('counts entries and exits dated in the period and leaves out children gone by its end', () => {
    const children = {
      before: child({}, '2025-06-01'),
      entered: child({}, '2026-02-10'),
      after: child({}, '2026-04-02'),
      // The ledger's own entry date wins over the day the record was typed in.
      backdated: child({ entryDate: '2025-12-20' }, '2026-02-11'),
      exited: child({ 'status.state': 'exited', 'status.reason': 'age-16', 'status.date': '2026-03-01' }),
      exitedLater: child({ 'status.state': 'exited', 'status.reason': 'parents-returned', 'status.date': '2026-04-15' }),
      transferred: child({ 'status.state': 'transferred', 'status.date': '2026-01-05' }, '2026-01-02'),
    };
    const s = summariseLedger({ children, visits: {}, reports: {}, period });
    expect(s.totals.entries).toBe(2); // entered, transferred
    expect(s.totals.exits).toBe(2); // exited, transferred
    // in the ledger on 31 March: before, entered, backdated, exitedLater
    expect(s.totals.total).toBe(4);
    expect(s.exitsByReason).toEqual(
      expect.arrayContaining([
        { code: 'age-16', label: '年满16周岁', count: 1 },
        { code: 'transferred', label: '转出', count: 1 },
      ]),
    );
    expect(entryDateOf(children.backdated)).toBe('2025-12-20');
  });

  it('breaks counts down by township and category, with a totals row', () => {
    const children = {
      a: child({ 'guardianship.guardianKind': 'none', riskLevel: 'red' }),
      b: child({ 'responsibility.township': '仙桥街道', 'child.schooling': 'junior' }),
      c: child({ 'responsibility.township': '仙桥街道' }),
    };
    const s = summariseLedger({ children, visits: {}, reports: {}, period });
    expect(s.rowLabel).toBe('乡镇（街道）');
    expect(s.rows.map((r) => [r.name, r.total])).toEqual([
      ['榕城街道', 1],
      ['仙桥街道', 2],
    ]);
    const xq = s.rows.find((r) => r.name === '仙桥街道')!;
    expect(xq.guardianKind).toEqual({ grandparents: 2 });
    expect(xq.schooling).toEqual({ junior: 1, primary: 1 });
    expect(s.totals.guardianKind).toEqual({ none: 1, grandparents: 2 });
    expect(s.totals.riskLevel).toEqual({ red: 1, '': 2 });
    expect(s.columns.riskLevel.at(-1)).toEqual({ code: '', label: '未评定' });
    expect(s.townships).toEqual(['榕城街道', '仙桥街道']);
  });

  it('gives villages as rows when one township is chosen', () => {
    const children = {
      a: child({ 'responsibility.village': '西门村' }),
      b: child({}),
      c: child({ 'responsibility.township': '仙桥街道' }),
    };
    const s = summariseLedger({ children, visits: {}, reports: {}, period, township: '榕城街道' });
    expect(s.rowLabel).toBe('村（居）');
    expect(s.rows.map((r) => r.name).sort()).toEqual(['东门村', '西门村']);
    expect(s.totals.total).toBe(2);
    expect(s.townships).toEqual(['榕城街道', '仙桥街道']);
  });

  it('counts visits and reports dated in the period', () => {
    const children = { a: child({}), b: child({ 'responsibility.township': '仙桥街道' }) };
    const visits = {
      v1: rec({ childId: 'a', date: '2026-01-15' }),
      v2: rec({ childId: 'a', date: '2026-03-31' }),
      v3: rec({ childId: 'b', date: '2026-02-01' }),
      v4: rec({ childId: 'b', date: '2025-12-31' }),
    };
    const reports = {
      r1: rec({ childId: 'a', reportedAt: '2026-02-01T10:00' }),
      r2: rec({ childId: null, township: '仙桥街道', reportedAt: '2026-03-01T08:00' }),
      r3: rec({ childId: 'a', reportedAt: '2026-04-01T08:00' }),
    };
    const all = summariseLedger({ children, visits, reports, period });
    expect(all.totals.visits).toBe(3);
    expect(all.visitedChildren).toBe(2);
    expect(all.reports).toBe(2);
    const one = summariseLedger({ children, visits, reports, period, township: '仙桥街道' });
    expect(one.totals.visits).toBe(1);
    expect(one.reports).toBe(1);
  });

  // Correct at city scale; how long it takes is a bench figure, never a timed test (timings are noise on a loaded machine).
  it('summarises 50,000 children across 40 townships', () => {
    const children: Record<string, EntityRecord> = {};
    for (let i = 0; i < 50_000; i++) {
      children[`c${i}`] = child({
        'responsibility.township': `镇${i % 40}`,
        'child.birthDate': `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
        riskLevel: ['red', 'yellow', ''][i % 3]!,
      });
    }
    const s = summariseLedger({ children, visits: {}, reports: {}, period });
    expect(s.totals.total).toBe(50_000);
    expect(s.rows).toHaveLength(40);
    expect(s.rows.reduce((n, r) => n + r.total, 0)).toBe(50_000);
  });
});
