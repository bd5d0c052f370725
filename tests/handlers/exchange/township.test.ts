// Township offices (issue 14, item 5): a township (乡镇) office sends its children up to the county, and receives
// back what the county corrected — and only its own children, never the county's or another township's.
import { call, office, trustEachOther } from './exchange-helpers';
import type { AppContext } from '../../../electron/app/context';
import { generateChildRecords } from '../../../electron/demo/ledger-demo';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { openContext } from '../../../electron/app/context';
import { initTestOffice } from '../../helpers/office';
import { T0 } from './exchange-helpers';

jest.setTimeout(60_000);

let county: AppContext;
let township: AppContext;
let other: AppContext;
const clock = fixedClock(T0);

beforeEach(async () => {
  county = await office('445202', '榕城区民政局', 'county', clock);
  // A township office carries its 9-digit 乡镇（街道） code.
  township = await office('445202001', '榕城区东兴街道办事处', 'township', clock);
  other = await office('445202002', '榕城区仙桥街道办事处', 'township', clock);
});
afterEach(async () => {
  for (const c of [county, township, other]) await c.close();
  cleanupTempDirs();
});

async function send(from: AppContext, to: AppContext) {
  const r = await call(from, 'exchange.export', { to: to.office!.code, full: false });
  return call(to, 'exchange.import', { data: r.base64! });
}

test('a township sends its children up and receives the county’s correction back; nothing of others comes down', async () => {
  await trustEachOther(county, township);
  await trustEachOther(county, other);
  const [mine, theirs, countyOwn] = generateChildRecords(3, 21, '2026-11-28');
  const created = await call(township, 'children.create', { record: mine as unknown as Record<string, unknown> });
  await call(other, 'children.create', { record: theirs as unknown as Record<string, unknown> });
  const countyChild = await call(county, 'children.create', { record: countyOwn as unknown as Record<string, unknown> });

  expect((await send(township, county)).new).toBeGreaterThan(0);
  await send(other, county);
  expect(county.store!.get('child', created.id)!.v['child.name']).toBe(mine!.child.name);

  // The county corrects the township's child (a wrong current address found on a visit).
  clock.advance(60_000);
  const corrected = { ...mine!, child: { ...mine!.child, currentAddress: '揭阳市榕城区东兴街道新兴路8号' } };
  await call(county, 'children.update', { id: created.id, record: corrected as unknown as Record<string, unknown> });

  const back = await send(county, township);
  expect(back.applied).toBe(true);
  expect(township.store!.get('child', created.id)!.v['child.currentAddress']).toBe('揭阳市榕城区东兴街道新兴路8号');
  // Only its own children come back: not the other township's, not the county's own.
  expect(township.store!.recordCount('child')).toBe(1);
  expect(township.store!.get('child', countyChild.id)).toBeUndefined();
  // And the other township's correction-free round trip brings it nothing new of this one.
  await send(county, other);
  expect(other.store!.get('child', created.id)).toBeUndefined();
  // Edits at the township after the correction still go up and win there.
  clock.advance(60_000);
  const again = { ...corrected, child: { ...corrected.child, currentAddress: '揭阳市榕城区东兴街道新兴路10号' } };
  await call(township, 'children.update', { id: created.id, record: again as unknown as Record<string, unknown> });
  await send(township, county);
  expect(county.store!.get('child', created.id)!.v['child.currentAddress']).toBe('揭阳市榕城区东兴街道新兴路10号');
});

test('a 9-digit code is a township’s only', async () => {
  const ctx = await openContext({ dataDir: tempDir('nine'), owner: 'test', clock });
  try {
    await expect(initTestOffice(ctx, { code: '445202001', name: '榕城区民政局', level: 'county' })).rejects.toMatchObject({
      message: expect.stringContaining('只用于乡镇（街道）级'),
    });
  } finally {
    await ctx.close();
  }
});
