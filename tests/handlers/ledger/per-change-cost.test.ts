// Issue 13: what a page shows after one edit costs that edit, not the ledger. These tests count whole-table reads
// (store.each / store.table of the big tables), rebuilds and journal reads; they never time anything.
import { requireStore, type AppContext } from '../../../electron/app/context';
import { statsIndex } from '../../../electron/domain/stats/stats-index';
import { summariseLedger } from '../../../electron/domain/stats/summary';
import { alertTotals } from '../../../electron/handlers/alert-totals';
import { childRecordsIndex } from '../../../electron/handlers/child-records-index';
import { ledgerIndex } from '../../../electron/handlers/ledger-index';
import type { Store } from '../../../electron/store/store';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, ledgerContext } from './ledger-helpers';

let ctx: AppContext;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  jest.restoreAllMocks();
  await ctx.close();
  cleanupTempDirs();
});

const BIG = new Set(['child', 'visit', 'assistance', 'assessment', 'report']);

/** Counts reads of whole big tables from now on. */
function watchWholeReads(store: Store) {
  const reads: string[] = [];
  const each = store.each.bind(store);
  jest.spyOn(store, 'each').mockImplementation((entity, visit) => {
    if (BIG.has(entity)) reads.push(`each ${entity}`);
    each(entity, visit);
  });
  const table = store.table.bind(store);
  jest.spyOn(store, 'table').mockImplementation((entity) => {
    if (BIG.has(entity)) reads.push(`table ${entity}`);
    return table(entity);
  });
  const history = jest.spyOn(store, 'history');
  return { reads, history };
}

async function twoChildren() {
  const a = (await call(ctx, 'children.create', { record: child('张小明', '2015-08-08', 123), incomplete: false })).id;
  const b = (await call(ctx, 'children.create', { record: child('李晓红', '2012-03-02', 124), incomplete: false })).id;
  return { a, b };
}

describe("a child's visits, assistance and assessments", () => {
  it('are found by index: adding one and listing again reads neither the whole table nor other rows’ history', async () => {
    const { a, b } = await twoChildren();
    await call(ctx, 'visits.add', { childId: a, date: '2026-10-01', visitor: '林主任' });
    await call(ctx, 'visits.add', { childId: b, date: '2026-10-02', visitor: '陈督导' });
    await call(ctx, 'assistance.add', { childId: a, type: 'study-help', provider: '中心小学', date: '2026-10-03' });
    expect((await call(ctx, 'visits.list', { childId: a })).map((v) => v.visitor)).toEqual(['林主任']);
    expect(await call(ctx, 'assistance.list', { childId: a })).toHaveLength(1);
    expect(await call(ctx, 'assessments.list', { childId: a })).toEqual([]);

    const store = requireStore(ctx);
    const visits = childRecordsIndex(store, 'visit');
    const { reads, history } = watchWholeReads(store);
    const rebuilds = visits.rebuilds;
    const historyReads = visits.historyReads;

    await call(ctx, 'visits.add', { childId: a, date: '2026-11-01', visitor: '王干事' });
    const listed = await call(ctx, 'visits.list', { childId: a });
    // Newest first, each with who recorded it.
    expect(listed.map((v) => [v.date, v.visitor])).toEqual([
      ['2026-11-01', '王干事'],
      ['2026-10-01', '林主任'],
    ]);
    expect(listed.every((v) => v.user !== '')).toBe(true);
    // Listed again: nothing is read from the journal a second time.
    await call(ctx, 'visits.list', { childId: a });
    expect((await call(ctx, 'visits.list', { childId: b })).map((v) => v.visitor)).toEqual(['陈督导']);

    expect(reads).toEqual([]);
    expect(visits.rebuilds).toBe(rebuilds);
    // Only the new visit's history was read (b's row was read when b was first listed here, once).
    expect(visits.historyReads - historyReads).toBe(2);
    expect(history.mock.calls.map(([entity]) => entity)).toEqual(['visit', 'visit']);
  });
});

describe('the index of a child’s records', () => {
  it('follows a record that is moved to another child, and new records of either', async () => {
    const { a, b } = await twoChildren();
    const store = requireStore(ctx);
    const index = childRecordsIndex(store, 'visit');
    store.commit(
      [
        { entity: 'visit', id: 'v1', set: { childId: a, date: '2026-10-01' } },
        { entity: 'visit', id: 'v2', set: { childId: a, date: '2026-10-02' } },
      ],
      ctx.user,
    );
    expect(index.of(a).map((r) => r.id).sort()).toEqual(['v1', 'v2']);
    const rebuilds = index.rebuilds;
    store.commit([{ entity: 'visit', id: 'v1', set: { childId: b } }], ctx.user);
    store.commit([{ entity: 'visit', id: 'v3', set: { childId: b, date: '2026-10-03' } }], ctx.user);
    expect(index.of(a).map((r) => r.id)).toEqual(['v2']);
    expect(index.of(b).map((r) => r.id).sort()).toEqual(['v1', 'v3']);
    store.commit([{ entity: 'visit', id: 'v2', set: { childId: b } }], ctx.user);
    expect(index.of(a)).toEqual([]);
    expect(index.of(b).map((r) => r.id).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(index.rebuilds).toBe(rebuilds);
  });
});

describe('statistics with the page open', () => {
  it('are patched per change: one edit puts that child again and counts nothing else', async () => {
    const { a, b } = await twoChildren();
    await call(ctx, 'visits.add', { childId: a, date: '2026-11-02', visitor: '林主任' });
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const before = await call(ctx, 'stats.summary', { period });
    expect(before.totals.total).toBe(2);
    expect(before.totals.visits).toBe(1);

    const store = requireStore(ctx);
    const stats = statsIndex(store);
    const builds = stats.builds;
    const patched = stats.patched;
    const { reads } = watchWholeReads(store);

    await call(ctx, 'children.update', {
      id: b,
      record: child('李晓红', '2012-03-02', 124, (r) => void (r.responsibility = { ...r.responsibility, township: '梅云街道' })),
      incomplete: false,
    });
    await call(ctx, 'visits.add', { childId: b, date: '2026-11-03', visitor: '陈督导' });
    const after = await call(ctx, 'stats.summary', { period });
    expect(reads).toEqual([]);
    expect(stats.builds).toBe(builds);
    // b (edited, then its latest visit date set) and the new visit.
    expect(stats.patched - patched).toBe(2);
    expect(after.totals.visits).toBe(2);
    expect(after.visitedChildren).toBe(2);
    expect(after.rows.find((r) => r.name === '梅云街道')).toMatchObject({ total: 1, visits: 1 });

    // The same figures as counting everything afresh.
    jest.restoreAllMocks();
    const fresh = summariseLedger({ children: store.table('child'), visits: store.table('visit'), reports: store.table('report'), period });
    expect(after).toEqual(fresh);
    // The print of that period reads the same kept figures.
    await call(ctx, 'print.render', { kind: 'statsSummary', options: period });
    expect(stats.builds).toBe(builds);
  });
});

describe('statistics of a period left behind', () => {
  it('are dropped after many changes and counted afresh when asked again, not patched change by change', async () => {
    const { a, b } = await twoChildren();
    const period = { from: '2026-11-01', to: '2026-11-30' };
    await call(ctx, 'stats.summary', { period });
    const stats = statsIndex(requireStore(ctx));
    stats.mostBehind = 2;
    const builds = stats.builds;
    await call(ctx, 'visits.add', { childId: a, date: '2026-11-02', visitor: '林主任' });
    await call(ctx, 'visits.add', { childId: b, date: '2026-11-03', visitor: '林主任' });
    const s = await call(ctx, 'stats.summary', { period });
    expect(stats.builds).toBe(builds + 1);
    expect(s.totals.visits).toBe(2);
    expect(s.visitedChildren).toBe(2);
  });
});

describe('the child-record schema', () => {
  it('is built once and reused per edit, and built again only when an office adds a code', async () => {
    const { a } = await twoChildren();
    const index = ledgerIndex(requireStore(ctx));
    const built = index.schemaBuilds;
    await call(ctx, 'children.update', { id: a, record: child('张小明', '2015-08-08', 123, (r) => void (r.riskLevel = 'red')), incomplete: false });
    await call(ctx, 'children.update', { id: a, record: child('张小明', '2015-08-08', 123, (r) => void (r.riskLevel = 'blue')), incomplete: false });
    expect(index.schemaBuilds).toBe(built);

    const added = await call(ctx, 'codelists.extend', { list: 'schooling', label: '职业培训' });
    const r = await call(ctx, 'children.update', {
      id: a,
      record: child('张小明', '2015-08-08', 123, (x) => {
        x.riskLevel = 'blue';
        x.child = { ...x.child, schooling: added.code };
      }),
      incomplete: false,
    });
    expect(r.changed).toEqual(['child.schooling']);
    expect(index.schemaBuilds).toBe(built + 1);
  });
});

describe('the home page alerts', () => {
  it('are counted per change: an edit takes that child back and adds it again, the same figures as a fresh count', async () => {
    const { b } = await twoChildren();
    const unguarded = (r: ReturnType<typeof child>) => {
      const x = r as { guardianship: Record<string, unknown>; entrustedGuardian: unknown };
      x.guardianship = { ...x.guardianship, guardianKind: 'none', guardianshipType: 'none', hasEntrustedGuardian: false };
      x.guardianship.entrustmentSigned = false;
      x.guardianship.entrustmentDate = '';
      x.entrustedGuardian = { name: '', phone: '', idNumber: '', relationship: '', address: '' };
    };
    const rec = child('曾晓玲', '2013-05-05', 126);
    unguarded(rec);
    const c = (await call(ctx, 'children.create', { record: rec, incomplete: false })).id;
    const first = await call(ctx, 'alerts.list', { limit: 30 });
    expect(first.total).toBe(1);
    expect(first.counts.unguarded).toBe(1);
    expect(first.items.map((i) => i.childId)).toEqual([c]);

    const store = requireStore(ctx);
    const index = ledgerIndex(store);
    const kept = alertTotals(store, index);
    // The handler counted everything once, for the first call.
    expect(kept.builds).toBe(1);
    const builds = kept.builds;
    const { reads } = watchWholeReads(store);
    await call(ctx, 'children.exit', { id: c, reason: 'parents-returned', date: '2026-11-20', note: '' });
    await call(ctx, 'visits.add', { childId: b, date: '2026-11-25', visitor: '林主任' });
    const after = await call(ctx, 'alerts.list', { limit: 30 });
    expect(reads).toEqual([]);
    expect(kept.builds).toBe(builds);

    // What counting every summary afresh gives.
    const counts: Record<string, number> = { unguarded: 0, age16: 0, turning16: 0, visitOverdue: 0, missingPhone: 0 };
    let total = 0;
    let incomplete = 0;
    for (const s of index.all('2026-11-28')) {
      if (s.alerts.length > 0) total += 1;
      for (const x of s.alerts) counts[x.kind]! += 1;
      if (s.incomplete && s.status === 'active') incomplete += 1;
    }
    expect(after).toMatchObject({ total, counts, incomplete });
    expect(after.total).toBe(0);
    expect(after.items).toEqual([]);
  });
});

describe('finding a child for a mandatory report', () => {
  it('searches the list summaries held in memory, not every record', async () => {
    const { a } = await twoChildren();
    await call(ctx, 'children.list', {});
    const { reads } = watchWholeReads(requireStore(ctx));
    expect((await call(ctx, 'reports.findChildren', { query: '小明' })).map((c) => c.id)).toEqual([a]);
    const tail = String(requireStore(ctx).get('child', a)!.v['child.idNumber']).slice(-4);
    expect((await call(ctx, 'reports.findChildren', { query: tail })).map((c) => c.id)).toContain(a);
    expect(reads).toEqual([]);
  });
});
