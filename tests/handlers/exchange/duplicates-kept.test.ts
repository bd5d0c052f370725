// Issue 13: the exchange page's duplicate groups are kept per change. A bundle that adds a group, an edit that ends
// one and a merge redo only the groups they touch; every group is made afresh only when an office's name may have
// changed. Counts, never times.
import type { AppContext } from '../../../electron/app/context';
import { duplicateGroupViews } from '../../../electron/handlers/ledger-duplicates';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { child } from '../ledger/ledger-helpers';
import { call, exportTo, importInto, office, trustEachOther } from './exchange-helpers';

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
  jest.restoreAllMocks();
  for (const c of [a, b, city]) await c.close();
  cleanupTempDirs();
});

test('groups follow bundles, edits and merges without being made afresh', async () => {
  const zhangA = (await call(a, 'children.create', { record: child('张小明', '2015-08-08', 123) })).id;
  const zhangB = (await call(b, 'children.create', { record: child('张小明', '2015-08-08', 123) })).id;
  const liA = (await call(a, 'children.create', { record: child('李晓红', '2016-03-01', 125) })).id;
  await importInto(city, await exportTo(a, city));
  await importInto(city, await exportTo(b, city));
  const first = await call(city, 'exchange.duplicates', {});
  expect(first.map((g) => g.records.map((r) => [r.name, r.officeName]))).toEqual([
    [
      ['张小明', '榕城区民政局'],
      ['张小明', '揭东区民政局'],
    ],
  ]);
  const views = duplicateGroupViews(city.store!);
  const rebuilds = views.rebuilds;
  const table = jest.spyOn(city.store!, 'table');
  const each = jest.spyOn(city.store!, 'each');

  // The other county registers 李晓红 too: a second group arrives with its bundle.
  const liB = (await call(b, 'children.create', { record: child('李晓红', '2016-03-01', 125) })).id;
  await importInto(city, await exportTo(b, city));
  const two = await call(city, 'exchange.duplicates', {});
  const ids = (groups: typeof two) => groups.map((g) => g.records.map((r) => r.id).sort().join(' ')).sort();
  expect(ids(two)).toEqual([[zhangA, zhangB].sort().join(' '), [liA, liB].sort().join(' ')].sort());
  expect(two.map((g) => g.idNumberMasked)).toEqual([...two.map((g) => g.idNumberMasked)].sort());

  // Merging one group ends it; the other stays as it was.
  await call(city, 'children.merge', { keepId: liA, mergeId: liB });
  const one = await call(city, 'exchange.duplicates', {});
  expect(one.map((g) => g.records.map((r) => r.name))).toEqual([['张小明', '张小明']]);

  expect(views.rebuilds).toBe(rebuilds);
  expect(views.patched).toBeGreaterThanOrEqual(2);
  expect(table.mock.calls.filter(([e]) => e === 'child')).toEqual([]);
  expect(each.mock.calls.filter(([e]) => e === 'child')).toEqual([]);
});
