// LedgerStats kept per change must give, after any sequence of changes, exactly what counting every record afresh
// gives (issue 13: statistics maintained as operations fold, not recomputed).
import { LedgerStats, summariseLedger } from '../../../electron/domain/stats/summary';
import type { EntityRecord } from '../../../electron/store/state';
import type { JsonValue } from '../../../electron/store/operation';
import { formatHlc } from '../../../electron/store/hlc';

/** A small deterministic generator (tests never depend on Math.random). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hlcOn = (isoDate: string) => formatHlc({ ms: new Date(`${isoDate}T12:00:00`).getTime(), counter: 0, office: '445200' });
const period = { from: '2026-01-01', to: '2026-03-31' };

function world(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const days = ['2025-11-20', '2025-12-31', '2026-01-01', '2026-02-14', '2026-03-31', '2026-04-01', '2026-05-09'];
  const townships = ['榕城街道', '仙桥街道', '梅云街道', ''];
  const childValues = (): Record<string, JsonValue> => {
    const state = pick(['active', 'active', 'active', 'exited', 'transferred', 'merged', '']);
    const v: Record<string, JsonValue> = {
      'child.name': pick(['甲', '乙', '丙']),
      'child.birthDate': pick(['2010-02-15', '2015-05-01', '2020-03-31', '2026-03-01', '2026-06-01', '']),
      'child.idNumber': pick(['', '', '445202201505010011', '445202201505010011 ', '44520220150501002x', '445202201505010038']),
      'child.schooling': pick(['primary', 'junior', '', 'constructor']),
      'guardianship.guardianKind': pick(['grandparents', 'none', '']),
      'responsibility.township': pick(townships),
      'responsibility.village': pick(['东门村', '西门村', '']),
      'status.state': state,
      riskLevel: pick(['red', 'yellow', '']),
    };
    if (state === 'exited' || state === 'transferred') {
      v['status.date'] = pick(days);
      v['status.reason'] = pick(['age-16', 'parents-returned', '']);
    }
    if (rnd() < 0.3) v.entryDate = pick(days);
    return v;
  };
  const record = (v: Record<string, JsonValue>): EntityRecord => {
    const h = hlcOn(pick(days));
    return { v, b: h };
  };
  const children: Record<string, EntityRecord> = {};
  const visits: Record<string, EntityRecord> = {};
  const reports: Record<string, EntityRecord> = {};
  const ids = { child: 0, visit: 0, report: 0 };
  const childIds = () => Object.keys(children);
  const change = (): { entity: 'child' | 'visit' | 'report'; id: string } => {
    const r = rnd();
    if (r < 0.45) {
      const fresh = rnd() < 0.3 || childIds().length === 0;
      const id = fresh ? `c${ids.child++}` : pick(childIds());
      const before = children[id]?.v ?? {};
      // An edit changes a few fields; a new record has them all.
      const next = childValues();
      const v = fresh ? next : { ...before };
      if (!fresh) for (const k of Object.keys(next)) if (rnd() < 0.35) v[k] = next[k]!;
      children[id] = fresh ? record(v) : { ...children[id]!, v };
      return { entity: 'child', id };
    }
    if (r < 0.8) {
      const fresh = rnd() < 0.5 || Object.keys(visits).length === 0;
      const id = fresh ? `v${ids.visit++}` : pick(Object.keys(visits));
      visits[id] = record({ childId: pick([...childIds(), 'nobody', '']), date: pick(days) });
      return { entity: 'visit', id };
    }
    const fresh = rnd() < 0.5 || Object.keys(reports).length === 0;
    const id = fresh ? `r${ids.report++}` : pick(Object.keys(reports));
    reports[id] = record({
      childId: pick([...childIds(), '', null]),
      township: pick(townships),
      reportedAt: `${pick(days)}T08:00`,
    });
    return { entity: 'report', id };
  };
  return { children, visits, reports, change };
}

describe('LedgerStats kept per change', () => {
  for (const township of [undefined, '仙桥街道']) {
    it(`equals a fresh count after every change${township ? ' (one township)' : ''}`, () => {
      for (const seed of [1, 7, 42]) {
        const w = world(seed);
        for (let i = 0; i < 40; i++) w.change();
        const kept = new LedgerStats(period, township);
        for (const [id, rec] of Object.entries(w.children)) kept.putChild(id, rec);
        for (const [id, rec] of Object.entries(w.visits)) kept.putVisit(id, rec);
        for (const [id, rec] of Object.entries(w.reports)) kept.putReport(id, rec);
        for (let i = 0; i < 300; i++) {
          const { entity, id } = w.change();
          if (entity === 'child') kept.putChild(id, w.children[id]);
          else if (entity === 'visit') kept.putVisit(id, w.visits[id]);
          else kept.putReport(id, w.reports[id]);
          const fresh = summariseLedger({ children: w.children, visits: w.visits, reports: w.reports, period, township });
          expect(kept.summary()).toEqual(fresh);
        }
      }
    });
  }

  it('takes a changed child out of its old row and group', () => {
    const kept = new LedgerStats(period);
    const rec = (v: Record<string, JsonValue>): EntityRecord => ({ v, b: hlcOn('2026-02-01') });
    const base = { 'child.birthDate': '2015-05-01', 'status.state': 'active', 'child.idNumber': '445202201505010011' };
    kept.putChild('a', rec({ ...base, 'responsibility.township': '仙桥街道' }));
    kept.putChild('b', rec({ ...base, 'responsibility.township': '梅云街道' }));
    kept.putVisit('v', rec({ childId: 'a', date: '2026-02-02' }));
    // One ID number: the first record counts, in its township, with its visit.
    let s = kept.summary();
    expect(s.totals.total).toBe(1);
    expect(s.rows.map((r) => [r.name, r.total, r.visits])).toEqual([
      ['梅云街道', 0, 0],
      ['仙桥街道', 1, 1],
    ]);
    // The first record gets another number: both count now; it moves township and takes its visit along.
    kept.putChild('a', rec({ ...base, 'child.idNumber': '445202201505010038', 'responsibility.township': '榕城街道' }));
    s = kept.summary();
    expect(s.totals.total).toBe(2);
    expect(s.rows.map((r) => [r.name, r.total, r.visits])).toEqual([
      ['梅云街道', 1, 0],
      ['榕城街道', 1, 1],
    ]);
    expect(s.townships).toEqual(['梅云街道', '榕城街道']);
  });
});
