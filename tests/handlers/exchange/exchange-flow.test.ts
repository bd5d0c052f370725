// County and city: trust, export, verify, dry run, import, acknowledgements, conflicts and their resolution.
import type { AppContext } from '../../../electron/app/context';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, exportTo, fail, importInto, office, storeBytes, trustEachOther } from './exchange-helpers';

let county: AppContext;
let city: AppContext;

beforeEach(async () => {
  county = await office('445202', '榕城区民政局', 'county');
  city = await office('445200', '揭阳市民政局', 'city');
});
afterEach(async () => {
  await county.close();
  await city.close();
  cleanupTempDirs();
});

const childOp = (ctx: AppContext, id: string, set: Record<string, string>) =>
  ctx.store!.commit([{ entity: 'child', id, set }], ctx.user);

test('a card is shown with its fingerprint before trust, and trust needs that fingerprint confirmed', async () => {
  const card = await call(county, 'exchange.card', {});
  const preview = await call(city, 'exchange.readCard', { text: card.text });
  expect(preview).toMatchObject({ code: '445202', name: '榕城区民政局', level: 'county', alreadyTrusted: false, self: false });
  expect(preview.fingerprint).toBe(county.office!.fingerprint);
  expect(await call(city, 'exchange.peers', {})).toEqual([]);

  const wrong = await fail(city, 'exchange.trust', { text: card.text, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
  expect(wrong.message).toContain('指纹不一致');
  const peer = await call(city, 'exchange.trust', { text: card.text, fingerprint: card.fingerprint });
  expect(peer).toMatchObject({ code: '445202', status: 'trusted', fingerprint: county.office!.fingerprint });
  expect((await call(city, 'exchange.readCard', { text: card.text })).alreadyTrusted).toBe(true);

  const own = await call(city, 'exchange.card', {});
  expect((await fail(city, 'exchange.trust', { text: own.text, fingerprint: own.fingerprint })).message).toContain('本单位自己');
});

test('county → city: verify, dry run, import all or nothing, replay changes nothing', async () => {
  await trustEachOther(county, city);
  childOp(county, 'k1', { 'child.name': '张小明', 'responsibility.township': '东兴街道' });
  childOp(county, 'k2', { 'child.name': '李小红' });
  county.store!.commit([{ entity: 'visit', id: 'v1', set: { childId: 'k1', date: '2026-11-01' } }], county.user);
  county.store!.commit([{ entity: 'ledgerSettings', id: 'office', set: { visitEveryDays: 30 } }], county.user);

  const data = await exportTo(county, city);
  const check = await call(city, 'exchange.verify', { data });
  expect(check).toMatchObject({ sender: { code: '445202' }, recipient: { code: '445200' }, alreadyApplied: false });

  const before = storeBytes(city);
  const dry = await call(city, 'exchange.dryRun', { data });
  expect(dry).toMatchObject({ new: 3, updated: 0, unchanged: 0, conflicts: 0 });
  expect(dry.byEntity.child).toMatchObject({ label: '儿童信息', new: 2 });
  expect(storeBytes(city)).toEqual(before);

  const result = await importInto(city, data);
  expect(result).toMatchObject({ applied: true, new: 3 });
  expect(city.store!.get('child', 'k1')!.v['child.name']).toBe('张小明');
  // Settings and trust stay at home.
  expect(city.store!.get('ledgerSettings', 'office')).toBeUndefined();
  expect(Object.keys(city.store!.table('peer'))).toEqual(['445202']);

  const again = storeBytes(city);
  const replay = await importInto(city, data);
  expect(replay).toMatchObject({ applied: false, alreadyApplied: true, new: 0 });
  expect(storeBytes(city)).toEqual(again);

  const log = await call(city, 'exchange.log', {});
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ direction: 'import', peerCode: '445202', operations: expect.any(Number) });
  // The exchange log names the person who imported it (issue 10: every operation carries the person).
  expect(log[0]).toMatchObject({ by: 'admin', byName: '王管理' });
  const sent = await call(county, 'exchange.log', {});
  expect(sent[0]).toMatchObject({ direction: 'export', by: 'admin', byName: '王管理' });
});

test('acknowledgements: the next export leaves out what arrived', async () => {
  await trustEachOther(county, city);
  childOp(county, 'k1', { 'child.name': '张小明' });
  await importInto(city, await exportTo(county, city));
  // The city's bundle carries what it holds of the county's; after importing it, the county sends only the new.
  await importInto(county, await exportTo(city, county));
  const peers = await call(county, 'exchange.peers', {});
  expect(peers[0]!.acknowledged.allSentAcknowledged).toBe(true);
  childOp(county, 'k2', { 'child.name': '李小红' });
  const data = await exportTo(county, city);
  const check = await call(city, 'exchange.verify', { data });
  expect(check.byEntity.child).toBe(1);
  expect((await importInto(city, data)).new).toBe(1);
});

test('the city corrects a county record: it flows back; a concurrent edit shows as a conflict and is resolved', async () => {
  await trustEachOther(county, city);
  childOp(county, 'k1', { 'child.name': '张小明', 'responsibility.village': '东山村' });
  await importInto(city, await exportTo(county, city));

  childOp(city, 'k1', { 'responsibility.village': '西山村' });
  county.store!.commit([{ entity: 'child', id: 'k1', set: { 'responsibility.village': '南山村' } }], county.user);
  // Concurrent: neither saw the other's value; one wins by stamp everywhere, the other is kept.
  const down = await exportTo(city, county);
  const dry = await call(county, 'exchange.dryRun', { data: down });
  expect(dry.conflicts).toBe(1);
  await importInto(county, down);
  await importInto(city, await exportTo(county, city));

  for (const ctx of [county, city]) {
    const list = await call(ctx, 'conflicts.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ entity: 'child', field: 'responsibility.village', fieldLabel: '村（居）', title: '张小明' });
  }
  const [item] = await call(city, 'conflicts.list', {});
  const loser = item!.losers[0]!;
  await call(city, 'conflicts.resolve', { entity: 'child', id: 'k1', field: item!.field, choice: loser.hlc });
  expect(await call(city, 'conflicts.list', {})).toEqual([]);
  await importInto(county, await exportTo(city, county));
  expect(await call(county, 'conflicts.list', {})).toEqual([]);
  expect(county.store!.get('child', 'k1')!.v['responsibility.village']).toBe(loser.value);
  expect(city.store!.get('child', 'k1')!.v['responsibility.village']).toBe(loser.value);
});
