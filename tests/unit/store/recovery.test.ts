// A damaged store file is recognised on open and recovered from the backup or the journal, and the user is told.
// It is never silently replaced by an empty store.
import fs from 'node:fs';
import path from 'node:path';
import { decodeSnapshot } from '../../../electron/store/snapshot-file';
import { Store, storeFiles } from '../../../electron/store/store';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445202';
afterEach(cleanupTempDirs);

/** A store with 30 children, two snapshots behind it (so a backup exists) and 5 operations after the last one. */
async function populated() {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const s = await Store.open(dir, { office: OFFICE, snapshotEvery: 1_000_000 });
  for (let i = 0; i < 20; i++) s.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
  await s.snapshot();
  for (let i = 20; i < 25; i++) s.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
  await s.snapshot();
  for (let i = 25; i < 30; i++) s.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
  (s as unknown as { closed: boolean }).closed = true; // stop without a final snapshot, as after a power cut
  return dir;
}

async function expectAllThirty(dir: string, code: string) {
  const s = await Store.open(dir, { office: OFFICE });
  expect(Object.keys(s.table('child'))).toHaveLength(30);
  expect(s.get('child', 'c29')!.v.name).toBe('儿童29');
  expect(s.versionVector()[OFFICE]).toBe(30);
  expect(s.notices.map((n) => n.code)).toContain(code);
  expect(s.notices.every((n) => /[\u4e00-\u9fff]/.test(n.message))).toBe(true);
  // The damaged file is kept for inspection, not deleted.
  expect(fs.readdirSync(storeFiles(dir).damaged).length).toBeGreaterThan(0);
  await s.close();
  // After recovery the store opens cleanly again.
  const again = await Store.open(dir, { office: OFFICE });
  expect(again.notices).toEqual([]);
  expect(Object.keys(again.table('child'))).toHaveLength(30);
  await again.close();
}

describe.each([
  ['truncated', (t: Buffer) => t.subarray(0, Math.floor(t.length / 2))],
  ['empty', () => Buffer.alloc(0)],
  ['garbage', (t: Buffer) => Buffer.from(t.toString('utf8').replace(/"count":\d+/g, '"count":7'))],
  ['binary noise', (t: Buffer) => Buffer.from(t.map((b, i) => (i % 97 === 0 ? b ^ 0xff : b)))],
])('a %s snapshot file', (_label, damage) => {
  test('is recovered from the backup plus the journal', async () => {
    const dir = await populated();
    const f = storeFiles(dir).snapshot;
    fs.writeFileSync(f, damage(fs.readFileSync(f)));
    await expectAllThirty(dir, 'SNAPSHOT_RECOVERED');
  });

  test('is rebuilt from the whole journal when the backup is damaged too', async () => {
    const dir = await populated();
    for (const f of [storeFiles(dir).snapshot, storeFiles(dir).backup]) fs.writeFileSync(f, damage(fs.readFileSync(f)));
    await expectAllThirty(dir, 'SNAPSHOT_REBUILT');
  });
});

test('a missing snapshot is rebuilt from the journal', async () => {
  const dir = await populated();
  fs.rmSync(storeFiles(dir).snapshot);
  fs.rmSync(storeFiles(dir).backup);
  const s = await Store.open(dir, { office: OFFICE });
  expect(Object.keys(s.table('child'))).toHaveLength(30);
  expect(s.notices.map((n) => n.code)).toContain('SNAPSHOT_REBUILT');
  await s.close();
});

test('a half-written last journal line (never acknowledged) is discarded and kept aside', async () => {
  const dir = await populated();
  fs.appendFileSync(storeFiles(dir).journal, '{"office":"445202","seq":31,"hlc":"00');
  const s = await Store.open(dir, { office: OFFICE });
  expect(s.versionVector()[OFFICE]).toBe(30);
  expect(s.notices.map((n) => n.code)).toEqual(['UNFINISHED_WRITE_DISCARDED']);
  expect(s.commit([{ entity: 'child', id: 'n', set: {} }], 'u')[0]!.seq).toBe(31);
  await s.close();
});

test('damage in the middle of the journal is refused with a clear message and nothing is changed', async () => {
  const dir = await populated();
  const { journal, snapshot } = storeFiles(dir);
  const lines = fs.readFileSync(journal, 'utf8').split('\n');
  lines[26] = lines[26]!.replace('儿童26', '儿童99'); // after the last snapshot, followed by good lines
  fs.writeFileSync(journal, lines.join('\n'));
  const before = [fs.readFileSync(journal), fs.readFileSync(snapshot)];
  await expect(Store.open(dir, { office: OFFICE })).rejects.toMatchObject({
    code: 'STORE_DAMAGED',
    message: expect.stringContaining('已损坏'),
  });
  expect([fs.readFileSync(journal), fs.readFileSync(snapshot)]).toEqual(before);
});

test('a journal shorter than the snapshot says is refused (it was truncated or replaced)', async () => {
  const dir = await populated();
  const s = await Store.open(dir, { office: OFFICE });
  await s.close();
  const { journal } = storeFiles(dir);
  const t = fs.readFileSync(journal);
  fs.writeFileSync(journal, t.subarray(0, t.length - 200));
  await expect(Store.open(dir, { office: OFFICE })).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
});

describe('a damaged table file (one entity type of the state)', () => {
  const damages: [string, (t: Buffer) => Buffer][] = [
    ['truncated', (t) => t.subarray(0, Math.floor(t.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', (t) => Buffer.from(t.toString('utf8').replace(/儿童1/g, '儿童X'))],
    ['missing', () => Buffer.alloc(0)],
  ];
  test.each(damages)('%s: rebuilt from the journal, the user is told, nothing lost', async (label, damage) => {
    const dir = await populated();
    const s0 = await Store.open(dir, { office: OFFICE });
    await s0.close();
    const tablesDir = path.join(dir, 'tables');
    const manifest = decodeSnapshot<{ tables: Record<string, { file: string }> }>(
      fs.readFileSync(storeFiles(dir).snapshot, 'utf8'),
    );
    const file = manifest.tables.child!.file;
    if (label === 'missing') fs.rmSync(path.join(tablesDir, file));
    else fs.writeFileSync(path.join(tablesDir, file), damage(fs.readFileSync(path.join(tablesDir, file))));
    const s = await Store.open(dir, { office: OFFICE });
    expect(Object.keys(s.table('child'))).toHaveLength(30);
    expect(s.get('child', 'c12')!.v.name).toBe('儿童12');
    expect(s.history('child', 'c12')).toHaveLength(1);
    expect(s.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
    await s.close();
    const again = await Store.open(dir, { office: OFFICE });
    expect(again.notices).toEqual([]);
    expect(Object.keys(again.table('child'))).toHaveLength(30);
    await again.close();
  });
});

test('the byte-level and the string-level checks agree on good and damaged files', async () => {
  const { encodeSnapshot, decodeSnapshotBuffer } = await import('../../../electron/store/snapshot-file');
  const doc = { c1: { v: { name: '张小明', note: 'é ☃ 𠀀' }, b: 'x' } };
  const text = encodeSnapshot(doc);
  expect(decodeSnapshotBuffer(Buffer.from(text))).toEqual(doc);
  expect(decodeSnapshot(text)).toEqual(doc);
  const flipped = Buffer.from(text);
  flipped[flipped.length - 10] ^= 1;
  expect(() => decodeSnapshotBuffer(flipped)).toThrow();
  expect(() => decodeSnapshotBuffer(Buffer.from(text).subarray(0, 90))).toThrow();
  expect(() => decodeSnapshotBuffer(Buffer.alloc(0))).toThrow();
});
