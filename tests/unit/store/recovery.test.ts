// A damaged store file is recognised on open and recovered from the backup or the journal, and the user is told.
// It is never silently replaced by an empty store. Every case runs on a legacy plaintext store and on a sealed one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Sealer } from '../../../electron/store/sealed';
import { decodeSnapshot, MANIFEST_LABEL, openSnapshotBuffer } from '../../../electron/store/snapshot-file';
import { Store, storeFiles } from '../../../electron/store/store';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445202';
afterEach(cleanupTempDirs);

const sealedMode = new Sealer(crypto.randomBytes(32));
describe.each([
  ['plaintext', undefined],
  ['sealed', sealedMode],
] as const)('%s store', (_mode, sealer) => {
  const open = (dir: string, opts: { snapshotEvery?: number } = {}) =>
    Store.open(dir, { office: OFFICE, sealer, ...opts });

  /** Changes the content without changing the length: plaintext as before, a sealed line or file in its middle. */
  const garble = (t: Buffer, plain: (text: string) => string) => {
    if (!sealer) return Buffer.from(plain(t.toString('utf8')));
    const out = Buffer.from(t);
    const mid = Math.floor(out.length / 2);
    out[mid] = out[mid] === 0x41 ? 0x42 : 0x41; // a base64 letter in a line, any byte in a file
    return out;
  };

  /** A store with 30 children, two snapshots behind it (so a backup exists) and 5 operations after the last one. */
  async function populated() {
    const dir = path.join(tempDir(), 'store');
    await Store.create(dir, OFFICE, sealer);
    const s = await open(dir, { snapshotEvery: 1_000_000 });
    for (let i = 0; i < 20; i++) s.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
    await s.snapshot();
    for (let i = 20; i < 25; i++)
      s.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
    await s.snapshot();
    for (let i = 25; i < 30; i++)
      s.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
    (s as unknown as { closed: boolean }).closed = true; // stop without a final snapshot, as after a power cut
    return dir;
  }

  async function expectAllThirty(dir: string, code: string) {
    const s = await open(dir);
    expect(Object.keys(s.table('child'))).toHaveLength(30);
    expect(s.get('child', 'c29')!.v.name).toBe('儿童29');
    expect(s.versionVector()[OFFICE]).toBe(30);
    expect(s.notices.map((n) => n.code)).toContain(code);
    expect(s.notices.every((n) => /[\u4e00-\u9fff]/.test(n.message))).toBe(true);
    // The damaged file is kept for inspection, not deleted.
    expect(fs.readdirSync(storeFiles(dir).damaged).length).toBeGreaterThan(0);
    await s.close();
    // After recovery the store opens cleanly again.
    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(Object.keys(again.table('child'))).toHaveLength(30);
    await again.close();
  }

  describe.each([
    ['truncated', (t: Buffer) => t.subarray(0, Math.floor(t.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', (t: Buffer) => garble(t, (text) => text.replace(/"count":\d+/g, '"count":7'))],
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
      for (const f of [storeFiles(dir).snapshot, storeFiles(dir).backup])
        fs.writeFileSync(f, damage(fs.readFileSync(f)));
      await expectAllThirty(dir, 'SNAPSHOT_REBUILT');
    });
  });

  test('a missing snapshot is rebuilt from the journal', async () => {
    const dir = await populated();
    fs.rmSync(storeFiles(dir).snapshot);
    fs.rmSync(storeFiles(dir).backup);
    const s = await open(dir);
    expect(Object.keys(s.table('child'))).toHaveLength(30);
    expect(s.notices.map((n) => n.code)).toContain('SNAPSHOT_REBUILT');
    await s.close();
  });

  test('a half-written last journal line (never acknowledged) is discarded and kept aside', async () => {
    const dir = await populated();
    const { journal } = storeFiles(dir);
    const torn = '{"office":"445202","seq":31,"hlc":"00';
    fs.appendFileSync(journal, sealer ? sealer.sealLine(torn, fs.statSync(journal).size).slice(0, 40) : torn);
    const s = await open(dir);
    expect(s.versionVector()[OFFICE]).toBe(30);
    expect(s.notices.map((n) => n.code)).toEqual(['UNFINISHED_WRITE_DISCARDED']);
    expect(s.commit([{ entity: 'child', id: 'n', set: {} }], 'u')[0]!.seq).toBe(31);
    await s.close();
  });

  test('damage in the middle of the journal is refused with a clear message and nothing is changed', async () => {
    const dir = await populated();
    const { journal, snapshot } = storeFiles(dir);
    const lines = fs.readFileSync(journal, 'utf8').split('\n');
    // After the last snapshot, followed by good lines.
    lines[26] = garble(Buffer.from(lines[26]!), (t) => t.replace('儿童26', '儿童99')).toString('utf8');
    fs.writeFileSync(journal, lines.join('\n'));
    const before = [fs.readFileSync(journal), fs.readFileSync(snapshot)];
    await expect(open(dir)).rejects.toMatchObject({
      code: 'STORE_DAMAGED',
      message: expect.stringContaining('已损坏'),
    });
    expect([fs.readFileSync(journal), fs.readFileSync(snapshot)]).toEqual(before);
  });

  test('a journal shorter than the snapshot says is refused (it was truncated or replaced)', async () => {
    const dir = await populated();
    const s = await open(dir);
    await s.close();
    const { journal } = storeFiles(dir);
    const t = fs.readFileSync(journal);
    fs.writeFileSync(journal, t.subarray(0, t.length - 200));
    await expect(open(dir)).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
  });

  describe('a damaged table file (one entity type of the state)', () => {
    const damages: [string, (t: Buffer) => Buffer][] = [
      ['truncated', (t) => t.subarray(0, Math.floor(t.length / 2))],
      ['empty', () => Buffer.alloc(0)],
      ['garbage', (t) => garble(t, (text) => text.replace(/儿童1/g, '儿童X'))],
      ['missing', () => Buffer.alloc(0)],
    ];
    test.each(damages)(
      '%s: rebuilt from the journal, the user is told, nothing lost',
      async (label, damage) => {
        const dir = await populated();
        const s0 = await open(dir);
        await s0.close();
        const tablesDir = path.join(dir, 'tables');
        const manifest = openSnapshotBuffer<{ tables: Record<string, { file: string }> }>(
          fs.readFileSync(storeFiles(dir).snapshot),
          MANIFEST_LABEL,
          sealer,
        );
        const file = manifest.tables.child!.file;
        if (label === 'missing') fs.rmSync(path.join(tablesDir, file));
        else
          fs.writeFileSync(path.join(tablesDir, file), damage(fs.readFileSync(path.join(tablesDir, file))));
        const s = await open(dir);
        expect(Object.keys(s.table('child'))).toHaveLength(30);
        expect(s.get('child', 'c12')!.v.name).toBe('儿童12');
        expect(s.history('child', 'c12')).toHaveLength(1);
        expect(s.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
        await s.close();
        const again = await open(dir);
        expect(again.notices).toEqual([]);
        expect(Object.keys(again.table('child'))).toHaveLength(30);
        await again.close();
      },
    );
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
