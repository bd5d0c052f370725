// Every refusal leaves the store byte for byte as it was, each with its own message.
import { cliFiles } from '../../../electron/files/file-access';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/app/context';
import { encodeBundle } from '../../../electron/bundle/bundle-file';
import { makeCard } from '../../../electron/bundle/office-card';
import { loadIdentity } from '../../../electron/identity/identity';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';
import { call, exportTo, fail, importInto, office, storeBytes, trustEachOther } from './exchange-helpers';

let county: AppContext;
let city: AppContext;
let other: AppContext;

beforeEach(async () => {
  county = await office('445202', '榕城区民政局', 'county');
  city = await office('445200', '揭阳市民政局', 'city');
  other = await office('445203', '揭东区民政局', 'county');
  await trustEachOther(county, city);
  county.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张小明' } }], county.user);
});
afterEach(async () => {
  for (const c of [county, city, other]) await c.close();
  cleanupTempDirs();
});

async function refused(ctx: AppContext, args: { data?: string; path?: string }) {
  const before = storeBytes(ctx);
  const errors = [];
  for (const channel of ['exchange.verify', 'exchange.dryRun', 'exchange.import'] as const) {
    errors.push(await fail(ctx, channel, args));
  }
  expect(storeBytes(ctx)).toEqual(before);
  expect(new Set(errors.map((e) => e.code)).size).toBe(1);
  return errors[2]!;
}

test('wrong recipient, unknown sender, revoked sender', async () => {
  await trustEachOther(county, other);
  const toOther = await exportTo(county, other);
  const wrong = await refused(city, { data: toOther });
  expect(wrong.code).toBe('BUNDLE_WRONG_RECIPIENT');
  expect(wrong.message).toContain('不是发给本单位的');

  const stranger = await office('445224', '惠来县民政局', 'county');
  await call(stranger, 'exchange.trust', {
    text: (await call(city, 'exchange.card', {})).text,
    fingerprint: city.office!.fingerprint,
  });
  const fromStranger = await exportTo(stranger, city);
  const unknown = await refused(city, { data: fromStranger });
  expect(unknown.code).toBe('BUNDLE_UNKNOWN_SENDER');
  expect(unknown.message).toContain(stranger.office!.fingerprint);
  await stranger.close();

  const data = await exportTo(county, city);
  await call(city, 'exchange.revoke', { code: '445202' });
  const revoked = await refused(city, { data });
  expect(revoked.code).toBe('BUNDLE_REVOKED_SENDER');
  expect(revoked.message).toContain('已被注销');
  // The same key cannot be trusted again.
  const card = await call(county, 'exchange.card', {});
  expect((await fail(city, 'exchange.trust', { text: card.text, fingerprint: card.fingerprint })).message).toContain('已被本单位注销');
});

test('truncated file, oversize file, newer schema, missing prerequisite', async () => {
  const bytes = Buffer.from(await exportTo(county, city), 'base64');
  const truncated = await refused(city, { data: bytes.subarray(0, bytes.length - 10).toString('base64') });
  expect(truncated.code).toBe('BUNDLE_DAMAGED');
  expect(truncated.message).toContain('不完整');

  const big = path.join(tempDir('big'), 'big.guanai');
  fs.writeFileSync(big, bytes);
  fs.truncateSync(big, 129 * 1024 * 1024); // sparse: never read
  city.files = cliFiles; // a path as the CLI passes it
  const oversize = await refused(city, { path: big });
  expect(oversize.code).toBe('BUNDLE_TOO_LARGE');
  expect(oversize.message).toContain('超过数据包允许的上限');

  const identity = loadIdentity(county.dataDir, county.keys?.sealer);
  const newer = encodeBundle({
    manifest: {
      schemaVersion: 99,
      createdAt: '2026-11-28T02:00:00.000Z',
      ranges: {},
      presumes: {},
      acks: {},
      counts: { operations: 0, byEntity: {} },
    },
    payload: { format: 'guanai-operations', ops: [] },
    sender: identity,
    recipient: makeCard(city.office!),
  });
  const schema = await refused(city, { data: newer.toString('base64') });
  expect(schema.code).toBe('BUNDLE_SCHEMA_TOO_NEW');
  expect(schema.message).toContain('较新版本');

  // The county believes the city already holds its first records (as if an acknowledgement said so) and the
  // first stick never arrived: the second bundle presumes what the city lacks.
  county.store!.commit([{ entity: 'peer', id: '445200', set: { acked: { '445202': 1 } } }], county.user);
  county.store!.commit([{ entity: 'child', id: 'k2', set: { 'child.name': '李小红' } }], county.user);
  const gap = await refused(city, { data: await exportTo(county, city) });
  expect(gap.code).toBe('BUNDLE_MISSING_PREREQUISITE');
  expect(gap.message).toContain('单位 445202 的第 1–1 号记录');
  expect(gap.message).toContain('榕城区民政局');
  // The first bundle, then the second: both apply.
  await importInto(city, bytes.toString('base64'));
});

test('every single-byte flip of a bundle is refused at the import handler with the store unchanged', async () => {
  const bytes = Buffer.from(await exportTo(county, city), 'base64');
  const before = storeBytes(city);
  const codes = new Set<string>();
  // Every offset (the bundle is about 1.5 KB).
  for (let i = 0; i < bytes.length; i++) {
    const flipped = Buffer.from(bytes);
    flipped[i] = flipped[i]! ^ 0x01;
    const e = await fail(city, 'exchange.import', { data: flipped.toString('base64') });
    codes.add(e.code);
  }
  expect(storeBytes(city)).toEqual(before);
  expect(codes.has('BUNDLE_BAD_SIGNATURE') || codes.has('BUNDLE_DAMAGED')).toBe(true);
  expect(await importInto(city, bytes.toString('base64'))).toMatchObject({ applied: true });
});
