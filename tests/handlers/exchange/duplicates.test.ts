// One child registered by two counties: the city sees both records flagged (list marker, record panel, exchange
// page), counts the child once, and merges them in one batch — the record merged away stays readable, marked, and
// the county that made it learns of the merge by the next bundle.
import type { AppContext } from '../../../electron/app/context';
import { ledgerIndex } from '../../../electron/handlers/ledger-index';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { openSignedIn } from '../../helpers/office';
import { child } from '../ledger/ledger-helpers';
import { call, exportTo, fail, importInto, office, trustEachOther } from './exchange-helpers';

let a: AppContext;
let b: AppContext;
let city: AppContext;
beforeEach(async () => {
  a = await office('445202', '榕城区民政局', 'county');
  b = await office('445203', '揭东区民政局', 'county');
  city = await office('445200', '揭阳市民政局', 'city');
  await trustEachOther(a, city);
  await trustEachOther(b, city);
});
afterEach(async () => {
  for (const c of [a, b, city]) await c.close();
  cleanupTempDirs();
});

const period = { from: '2026-01-01', to: '2026-12-31' };

async function registeredTwice() {
  const atA = await call(a, 'children.create', { record: child('张小明', '2015-08-08', 123, (r) => (r.child.school = '')) });
  const atB = await call(b, 'children.create', {
    record: child('张小明', '2015-08-08', 123, (r) => {
      r.child.school = '揭东区某小学';
      r.responsibility!.township = '锡场镇';
    }),
  });
  await call(a, 'children.create', { record: child('李晓红', '2016-03-01', 125) });
  await importInto(city, await exportTo(a, city));
  await importInto(city, await exportTo(b, city));
  return { idA: atA.id, idB: atB.id };
}

test('flagged in the list, on the record page and in the groups; counted once', async () => {
  const { idA, idB } = await registeredTwice();
  const list = await call(city, 'children.list', { sort: { field: 'name', dir: 'asc' } });
  expect(list.rows.map((r) => [r.name, r.duplicate ?? false])).toEqual([
    ['李晓红', false],
    ['张小明', true],
    ['张小明', true],
  ]);
  const panel = await call(city, 'children.duplicates', { id: idA });
  expect(panel).toMatchObject({ officeName: '榕城区民政局', mergedInto: null, mergedFrom: [] });
  expect(panel.others).toEqual([{ id: idB, name: '张小明', township: '锡场镇', office: '445203', officeName: '揭东区民政局' }]);
  const groups = await call(city, 'exchange.duplicates', {});
  expect(groups).toHaveLength(1);
  expect(groups[0]!.idNumberMasked).not.toContain('20150808');

  const stats = await call(city, 'stats.summary', { period });
  expect(stats.totals.total).toBe(2);
  expect(stats.totals.entries).toBe(2);
  // Each county alone sees no duplicate.
  expect((await call(a, 'children.duplicates', { id: idA })).others).toEqual([]);
});

test('merge: one batch, values of the office kept, blanks filled, the other record kept and marked', async () => {
  const { idA, idB } = await registeredTwice();
  const store = city.store!;
  const commit = jest.spyOn(store, 'commit');
  const merged = await call(city, 'children.merge', { keepId: idA, mergeId: idB, note: '两县重复登记' });
  expect(commit).toHaveBeenCalledTimes(1);
  commit.mockRestore();
  expect(merged).toMatchObject({ id: idA, mergedId: idB, keptOffice: '445202', keptOfficeName: '榕城区民政局', filled: ['就读学校'] });
  expect(merged.message).toContain('以「榕城区民政局」的档案为准');

  const kept = store.get('child', idA)!.v;
  expect(kept['responsibility.township']).not.toBe('锡场镇');
  expect(kept['child.school']).toBe('揭东区某小学');
  const away = await call(city, 'children.get', { id: idB });
  expect(away.record.status.state).toBe('merged');

  const history = await call(city, 'children.history', { id: idA });
  expect(history[0]!.changes.map((c) => c.label)).toEqual(expect.arrayContaining(['档案合并', '就读学校']));
  const awayHistory = await call(city, 'children.history', { id: idB });
  expect(awayHistory[0]!.changes.find((c) => c.label === '档案合并')!.new).toContain('并入「榕城区民政局」的档案');

  expect((await call(city, 'children.duplicates', { id: idB })).mergedInto).toMatchObject({ id: idA, name: '张小明', officeName: '榕城区民政局' });
  expect((await call(city, 'children.duplicates', { id: idA })).mergedFrom).toMatchObject([{ id: idB, officeName: '揭东区民政局' }]);
  expect(await call(city, 'exchange.duplicates', {})).toEqual([]);
  expect((await call(city, 'children.list', { filters: { status: 'merged' } })).total).toBe(1);
  expect((await call(city, 'stats.summary', { period })).totals.total).toBe(2);

  // The record merged away is read-only and cannot be merged again.
  expect((await fail(city, 'children.exit', { id: idB, reason: 'age16', date: '2026-11-01' })).code).toBe('REFUSED');
  expect((await fail(city, 'children.merge', { keepId: idA, mergeId: idB })).message).toContain('已经合并');

  // The county whose record was merged away learns it with the next bundle from the city.
  await importInto(b, await exportTo(city, b));
  expect(b.store!.get('child', idB)!.v).toMatchObject({ 'status.state': 'merged', mergedInto: idA, mergedIntoOfficeName: '榕城区民政局' });
});

test('merge refuses records with different ID numbers or the same record twice', async () => {
  const one = await call(a, 'children.create', { record: child('张小明', '2015-08-08', 123) });
  const two = await call(a, 'children.create', { record: child('张小红', '2015-08-08', 125) });
  expect((await fail(a, 'children.merge', { keepId: one.id, mergeId: two.id })).message).toContain('身份证号码相同');
  expect((await fail(a, 'children.merge', { keepId: one.id, mergeId: one.id })).code).toBe('REFUSED');
});

test('the duplicates map follows each edit: no rescan of the children table', async () => {
  const { idA } = await registeredTwice();
  await call(city, 'exchange.duplicates', {});
  const table = jest.spyOn(city.store!, 'table');
  city.store!.commit([{ entity: 'child', id: idA, set: { 'child.idNumber': '445202201508081250' } }], city.user);
  expect(await call(city, 'exchange.duplicates', {})).toEqual([]);
  expect(ledgerIndex(city.store!).duplicates().isDuplicate(idA)).toBe(false);
  expect(table.mock.calls.filter(([e]) => e === 'child')).toEqual([]);
  table.mockRestore();
});

test('after a restart the groups come from the stored list summaries, the same as before', async () => {
  const { idA, idB } = await registeredTwice();
  const before = await call(city, 'exchange.duplicates', {});
  // Listed once, so the close stores the list's summaries.
  await call(city, 'children.list', {});
  const { dataDir, clock } = city;
  await city.close();
  city = await openSignedIn({ dataDir, owner: 'test', clock });
  const get = jest.spyOn(city.store!, 'get');
  const list = await call(city, 'children.list', { sort: { field: 'name', dir: 'asc' } });
  expect(list.rows.map((r) => [r.name, r.duplicate ?? false])).toEqual([
    ['李晓红', false],
    ['张小明', true],
    ['张小明', true],
  ]);
  expect(ledgerIndex(city.store!).rebuilds).toBe(0);
  expect(get.mock.calls.filter(([entity]) => entity === 'child')).toEqual([]);
  get.mockRestore();
  // The same groups; within a group the records come in the order the index met them (import order before the
  // restart, the stored list's name order after it), which the page does not promise.
  const byId = (groups: typeof before) =>
    groups.map((g) => ({ ...g, records: [...g.records].sort((x, y) => (x.id < y.id ? -1 : 1)) }));
  expect(byId(await call(city, 'exchange.duplicates', {}))).toEqual(byId(before));
  expect((await call(city, 'children.duplicates', { id: idA })).others.map((o) => o.id)).toEqual([idB]);
});

test('after a crash the first page judges duplicates with the children changed since the snapshot', async () => {
  const { idB } = await registeredTwice();
  await call(city, 'children.list', {});
  await city.store!.snapshot();
  // After the snapshot, the journal alone ends the group: one record now has another number.
  city.store!.commit([{ entity: 'child', id: idB, set: { 'child.idNumber': '445202201508081250' } }], city.user);
  const { dataDir, clock } = city;
  // No close: the process is killed; the stored list still has both records with one number.
  const crashed = city;
  city = await openSignedIn({ dataDir, owner: 'test', clock });
  const list = await call(city, 'children.list', { sort: { field: 'name', dir: 'asc' } });
  expect(list.rows.map((r) => r.duplicate ?? false)).toEqual([false, false, false]);
  expect(ledgerIndex(city.store!).duplicates().groupCount).toBe(0);
  // Its handles released only now, so the first page above read what the crash left.
  await crashed.close().catch(() => undefined);
});
