// Issue 13: the ledger list's first page after a start comes from the summaries the last snapshot stored, plus the
// children changed since (after a crash, the journal's tail) summarised again from their records. Counted, not timed.
import { requireStore, type AppContext } from '../../../electron/app/context';
import { ledgerIndex } from '../../../electron/handlers/ledger-index';
import { cleanupTempDirs, type fixedClock } from '../../helpers/temp-dir';
import { openSignedIn } from '../../helpers/office';
import { cliFiles } from '../../../electron/files/file-access';
import { call, child, DAY, ledgerContext } from './ledger-helpers';

let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function office(n: number) {
  ({ ctx, clock } = await ledgerContext());
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await call(ctx, 'children.create', { record: child(`张小${'明红刚强伟'[i % 5]}${i}`, '2015-08-08', 100 + i), incomplete: false })).id);
  }
  return ids;
}

const names = async () => (await call(ctx, 'children.list', { sort: { field: 'name', dir: 'asc' }, limit: 100 })).rows.map((r) => r.name);

async function reopen() {
  ctx = await openSignedIn({ dataDir: ctx.dataDir, owner: 'test', clock, files: cliFiles });
}

test('after a normal quit the first page needs no child record: the stored summaries are the list', async () => {
  await office(6);
  const before = await names();
  await ctx.close();
  await reopen();
  const store = requireStore(ctx);
  const each = jest.spyOn(store, 'each');
  const get = jest.spyOn(store, 'get');
  expect(await names()).toEqual(before);
  expect(ledgerIndex(store).rebuilds).toBe(0);
  expect(ledgerIndex(store).lastSummarised).toBe(0);
  expect(each.mock.calls.filter(([entity]) => entity === 'child')).toHaveLength(0);
  expect(get.mock.calls.filter(([entity]) => entity === 'child')).toHaveLength(0);
  // Search by pinyin initials still works from the stored keys.
  expect((await call(ctx, 'children.list', { search: 'zxm' })).rows.map((r) => r.name)).toEqual(['张小明0', '张小明5']);
});

test('after a crash the children changed in the journal since the snapshot are summarised again, only they', async () => {
  const ids = await office(6);
  await names();
  await requireStore(ctx).snapshot();
  const record = child('王小军', '2015-08-08', 100);
  await call(ctx, 'children.update', { id: ids[0]!, record, incomplete: false });
  // No close: the process is killed; the journal holds the edit, the stored summaries do not.
  const dataDir = ctx.dataDir;
  ctx = await openSignedIn({ dataDir, owner: 'test', clock, files: cliFiles });
  const rows = await names();
  expect(rows).toContain('王小军');
  expect(rows).not.toContain('张小明0');
  const index = ledgerIndex(requireStore(ctx));
  expect(index.rebuilds).toBe(0);
  expect(index.summarisedSinceStart).toBe(1);
});

test('a new day recomputes ages and alerts from the stored summaries, without reading records', async () => {
  await office(3);
  await names();
  await ctx.close();
  clock.advance(400 * DAY);
  await reopen();
  const store = requireStore(ctx);
  const get = jest.spyOn(store, 'get');
  const list = await call(ctx, 'children.list', {});
  expect(list.rows.every((r) => r.age === 12)).toBe(true);
  expect(list.rows.every((r) => r.alerts.some((a) => a.kind === 'visitOverdue'))).toBe(true);
  expect(get.mock.calls.filter(([entity]) => entity === 'child')).toHaveLength(0);
  expect(ledgerIndex(store).rebuilds).toBe(0);
});

test('a damaged stored list is derived again from the records, with the same result', async () => {
  await office(4);
  const before = await names();
  await ctx.close();
  const fs = await import('node:fs');
  const path = await import('node:path');
  const tables = path.join(ctx.dataDir, 'store', 'tables');
  for (const f of fs.readdirSync(tables).filter((f) => f.startsWith('sidecar-'))) fs.writeFileSync(path.join(tables, f), 'garbage');
  await reopen();
  expect(await names()).toEqual(before);
  expect(ledgerIndex(requireStore(ctx)).rebuilds).toBe(1);
});

test('many children changed while nobody lists them are summarised in the background, a few hundred a turn', async () => {
  const ids = await office(70);
  await names();
  const store = requireStore(ctx);
  const index = ledgerIndex(store);
  // One batch of 70 edits (an import, a bundle): no list call in between.
  store.commit(ids.map((id) => ({ entity: 'child', id, set: { riskLevel: 'red' } })), 'test');
  const before = index.summarisedSinceStart;
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  expect(index.summarisedSinceStart - before).toBe(70);
  const list = await call(ctx, 'children.list', { limit: 100 });
  expect(index.lastSummarised).toBe(0);
  expect(list.rows.every((r) => r.riskLevel === 'red')).toBe(true);
});

describe('additions to the stored summaries', () => {
  const sidecarRef = (c: AppContext) => {
    const doc = (requireStore(c) as unknown as { doc: { sidecars?: Record<string, { files: string[]; adds?: string[]; addRows?: number }> } }).doc;
    return doc.sidecars!['ledger-list']!;
  };

  test('a snapshot after a few edits adds their summaries beside the stored ones; a crash start reads both', async () => {
    const ids = await office(6);
    await names();
    await requireStore(ctx).snapshot();
    const first = sidecarRef(ctx);
    await call(ctx, 'children.update', { id: ids[0]!, record: child('王小军', '2015-08-08', 100), incomplete: false });
    await call(ctx, 'children.create', { record: child('李小花', '2016-01-01', 200), incomplete: false });
    await names();
    await requireStore(ctx).snapshot();
    const second = sidecarRef(ctx);
    // The stored summaries stay; the two changed children are added beside them.
    expect(second.files).toEqual(first.files);
    expect(second.adds).toHaveLength(1);
    expect(second.addRows).toBe(2);
    // No close: killed here. The start reads the stored summaries and the additions, and summarises nobody.
    ctx = await openSignedIn({ dataDir: ctx.dataDir, owner: 'test', clock, files: cliFiles });
    const store = requireStore(ctx);
    const get = jest.spyOn(store, 'get');
    const rows = await names();
    expect(rows).toContain('王小军');
    expect(rows).toContain('李小花');
    expect(rows).not.toContain('张小明0');
    expect(rows).toHaveLength(7);
    expect(get.mock.calls.filter(([entity]) => entity === 'child')).toHaveLength(0);
    expect(ledgerIndex(store).summarisedSinceStart).toBe(0);
  });

  test('closing folds the additions in: the next start reads one set of summaries', async () => {
    const ids = await office(4);
    await names();
    await requireStore(ctx).snapshot();
    await call(ctx, 'children.update', { id: ids[1]!, record: child('赵小龙', '2015-08-08', 101), incomplete: false });
    await names();
    await requireStore(ctx).snapshot();
    expect(sidecarRef(ctx).adds).toHaveLength(1);
    await call(ctx, 'children.update', { id: ids[2]!, record: child('钱小虎', '2015-08-08', 102), incomplete: false });
    await names();
    await ctx.close();
    await reopen();
    expect(sidecarRef(ctx).adds ?? []).toEqual([]);
    expect(sidecarRef(ctx).files.length).toBeGreaterThan(0);
    const rows = await names();
    expect(rows).toEqual(expect.arrayContaining(['赵小龙', '钱小虎']));
    expect(rows).toHaveLength(4);
    expect(ledgerIndex(requireStore(ctx)).summarisedSinceStart).toBe(0);
  });
});
