// A child moves from one county to another with its whole history; the sending county keeps a read-only trace;
// the city flags one ID number held by two counties.
import type { AppContext } from '../../../electron/app/context';
import { cleanupTempDirs } from '../../helpers/temp-dir';
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
  await trustEachOther(a, b);
});
afterEach(async () => {
  for (const c of [a, b, city]) await c.close();
  cleanupTempDirs();
});

test('transfer via the city: whole history to the new county, trace at the old one, duplicates at the city', async () => {
  const ID = '445202201508081234';
  a.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张小明', 'child.idNumber': ID, 'status.state': 'active' } }], a.user);
  a.store!.commit([{ entity: 'visit', id: 'v1', set: { childId: 'k1', date: '2026-10-01' } }], a.user);
  a.store!.commit([{ entity: 'child', id: 'k0', set: { 'child.name': '另一个孩子' } }], a.user);
  a.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张晓明' } }], a.user);
  await importInto(city, await exportTo(a, city));

  // Before the transfer nothing of county A's ledger goes to county B.
  const before = await call(b, 'exchange.verify', { data: await exportTo(city, b) });
  expect(before.operations).toBe(0);

  expect((await fail(a, 'exchange.transfer', { childId: 'k1', to: '445200', date: '2026-11-20' })).message).toContain('县');
  await call(a, 'exchange.transfer', { childId: 'k1', to: '445203', date: '2026-11-20', note: '随父母迁居' });
  await importInto(city, await exportTo(a, city));
  const result = await importInto(b, await exportTo(city, b));
  expect(result.transfersAccepted).toBe(1);

  const atB = b.store!.get('child', 'k1')!;
  expect(atB.v).toMatchObject({ 'child.name': '张晓明', 'status.state': 'active', custodian: '445203', transferredFrom: '445202' });
  expect(b.store!.history('child', 'k1').map((o) => o.office)).toEqual(['445202', '445202', '445202', '445203']);
  expect(b.store!.get('visit', 'v1')!.v.childId).toBe('k1');
  expect(b.store!.get('child', 'k0')).toBeUndefined();

  const atA = a.store!.get('child', 'k1')!;
  expect(atA.v).toMatchObject({ 'status.state': 'transferred', 'status.transferTo': '揭东区民政局', 'status.date': '2026-11-20' });
  // A can no longer transfer it: it is not A's any more.
  expect((await fail(a, 'exchange.transfer', { childId: 'k1', to: '445203', date: '2026-11-21' })).code).toBe('REFUSED');
  // B's take-over reaches the city, never A (the record is routed to its custodian only).
  await importInto(city, await exportTo(b, city));
  expect(city.store!.get('child', 'k1')!.v['status.state']).toBe('active');
  await importInto(a, await exportTo(city, a));
  expect(a.store!.get('child', 'k1')!.v['status.state']).toBe('transferred');

  // County B had registered the same child on its own: the city sees one ID number held by two counties.
  b.store!.commit([{ entity: 'child', id: 'k9', set: { 'child.name': '张小明', 'child.idNumber': ID } }], b.user);
  a.store!.commit([{ entity: 'child', id: 'k8', set: { 'child.name': '张小明', 'child.idNumber': ID } }], a.user);
  await importInto(city, await exportTo(b, city));
  await importInto(city, await exportTo(a, city));
  const dups = await call(city, 'exchange.duplicates', {});
  expect(dups).toHaveLength(1);
  expect(dups[0]!.idNumberMasked).not.toContain('20150808');
  expect(new Set(dups[0]!.records.map((r) => r.officeName))).toEqual(new Set(['榕城区民政局', '揭东区民政局']));
});
