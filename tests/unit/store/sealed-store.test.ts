// A sealed store: the same behaviour as a plaintext one, nothing readable in its files, a wrong or missing key
// refused before anything is written, and damage or moved lines detected.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readDamagedCopy } from '../../../electron/store/damaged-copies';
import { checkIntegrity } from '../../../electron/store/integrity';
import { Sealer } from '../../../electron/store/sealed';
import { Store, storeFiles } from '../../../electron/store/store';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445200';
afterEach(cleanupTempDirs);

const sealer = new Sealer(crypto.randomBytes(32));

async function fresh(opts: { snapshotEvery?: number } = {}) {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE, sealer);
  const store = await Store.open(dir, { office: OFFICE, clock: fixedClock(), sealer, ...opts });
  return { dir, store };
}

/** Every file under `dir`, recursively. */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : [p];
  });
}

/** Snapshot every file's bytes, to show that a refused open changed nothing. */
const bytesOf = (dir: string) =>
  Object.fromEntries(allFiles(dir).map((f) => [f, fs.readFileSync(f).toString('base64')]));

const CHILD = {
  name: '张小明',
  idNumber: '445202201508081234',
  guardianName: '张建国',
  guardianPhone: '13812345678',
  address: '广东省揭阳市榕城区仙桥街道东湖村三巷12号',
};

test('a copy of the data folder reveals no name, ID number, phone or address', async () => {
  const { dir, store } = await fresh({ snapshotEvery: 1_000_000 });
  store.commit([{ entity: 'child', id: 'c1', set: CHILD }], 'u1');
  for (let i = 0; i < 20; i++)
    store.commit(
      [{ entity: 'visit', id: `v${i}`, set: { childId: 'c1', findings: `${CHILD.name}生活正常` } }],
      'u1',
    );
  await store.snapshot();
  // A second snapshot, so a backup manifest exists; and operations after it, so the journal is ahead of it.
  store.commit([{ entity: 'child', id: 'c1', set: { guardianPhone: '13912345678' } }], 'u1');
  await store.snapshot();
  store.commit([{ entity: 'child', id: 'c2', set: { ...CHILD, name: '李小红' } }], 'u1');
  (store as unknown as { closed: boolean }).closed = true; // a power cut: no final snapshot
  // Damage that makes the next open keep copies in damaged/ and set an unfinished write aside.
  const { journal, snapshot } = storeFiles(dir);
  fs.appendFileSync(journal, sealer.sealLine(JSON.stringify(CHILD), fs.statSync(journal).size).slice(0, 60));
  fs.writeFileSync(snapshot, fs.readFileSync(snapshot).subarray(0, 50));
  const again = await Store.open(dir, { office: OFFICE, sealer });
  expect(again.get('child', 'c2')!.v.name).toBe('李小红');
  expect(again.notices.map((n) => n.code).sort()).toEqual([
    'SNAPSHOT_RECOVERED',
    'UNFINISHED_WRITE_DISCARDED',
  ]);
  await again.close();
  const kept = fs.readdirSync(storeFiles(dir).damaged);
  expect(kept.length).toBeGreaterThanOrEqual(2);
  // The copies open with the key, to what was found: the torn line and the cut manifest.
  const opened = kept.map((f) => readDamagedCopy(path.join(storeFiles(dir).damaged, f), sealer));
  expect(opened.some((b) => b.length === 50)).toBe(true);
  expect(fs.readdirSync(path.join(dir, 'tables')).length).toBeGreaterThan(0);

  const secrets = [
    ...Object.values(CHILD),
    '李小红',
    '13912345678',
    '张小',
    '4452022015',
    '1381234',
    '东湖村',
    '榕城区',
  ];
  const forms = (s: string) => [
    Buffer.from(s, 'utf8'),
    Buffer.from(s, 'utf16le'),
    Buffer.from(Buffer.from(s, 'utf8').toString('base64').slice(0, -4)), // base64 of the text, unaligned tail cut
    Buffer.from(JSON.stringify(s).slice(1, -1)), // as JSON would escape it (\uXXXX for nothing here, but quotes)
  ];
  const files = allFiles(path.dirname(dir));
  expect(files.length).toBeGreaterThanOrEqual(6);
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    for (const s of secrets)
      for (const form of forms(s)) {
        if (bytes.includes(form)) throw new Error(`${path.relative(dir, f)} holds “${s}”`);
      }
  }
});

test('round trip: state, history and operationsSince after close and reopen (replayed and from the snapshot)', async () => {
  const { dir, store } = await fresh({ snapshotEvery: 7 });
  for (let i = 0; i < 30; i++)
    store.commit([{ entity: 'child', id: `c${i % 5}`, set: { n: i, name: `儿童${i}` } }], 'u1');
  store.commit(
    [1, 2, 3].map((n) => ({ entity: 'visit', id: `b${n}`, set: { n } })),
    'u2',
  );
  const history = store.history('child', 'c3').map((o) => o.set);
  const since = store.operationsSince({ [OFFICE]: 10 });
  await store.close();
  const again = await Store.open(dir, { office: OFFICE, sealer });
  expect(again.notices).toEqual([]);
  expect(again.get('child', 'c3')!.v).toEqual({ n: 28, name: '儿童28' });
  expect(again.history('child', 'c3').map((o) => o.set)).toEqual(history);
  expect(history).toHaveLength(6);
  expect(again.operationsSince({ [OFFICE]: 10 })).toEqual(since);
  expect(since).toHaveLength(23);
  expect(checkIntegrity(dir, sealer)).toMatchObject({ ok: true, operations: 33 });
  // One fsync per commit, sealed as plaintext.
  const sync = jest.spyOn(fs, 'fdatasyncSync');
  again.commit([{ entity: 'child', id: 'c9', set: { name: '王五' } }], 'u1');
  expect(sync).toHaveBeenCalledTimes(1);
  sync.mockRestore();
  await again.close();
});

test('a wrong key, no key, or a key for a plaintext folder is refused in Chinese, and nothing is written', async () => {
  const { dir, store } = await fresh();
  store.commit([{ entity: 'child', id: 'c1', set: CHILD }], 'u1');
  store.commit([{ entity: 'child', id: 'c1', set: { risk: '红' } }], 'u1');
  (store as unknown as { closed: boolean }).closed = true; // journal ahead of the snapshot: a replay would write
  const wrong = new Sealer(crypto.randomBytes(32));
  await expect(Store.open(dir, { office: OFFICE, sealer: wrong })).rejects.toMatchObject({
    code: 'KEY_WRONG',
    message: expect.stringMatching(/密钥不正确/),
  });
  await expect(Store.open(dir, { office: OFFICE })).rejects.toMatchObject({
    code: 'KEY_WRONG',
    message: expect.stringMatching(/已加密/),
  });
  // Even with the manifest and its backup gone (so an open would rebuild from the journal), the journal's key decides.
  fs.rmSync(storeFiles(dir).snapshot);
  fs.rmSync(storeFiles(dir).backup, { force: true });
  const journalOnly = bytesOf(dir);
  await expect(Store.open(dir, { office: OFFICE, sealer: wrong })).rejects.toMatchObject({
    code: 'KEY_WRONG',
  });
  expect(bytesOf(dir)).toEqual(journalOnly);
  expect(checkIntegrity(dir, wrong)).toMatchObject({
    ok: false,
    problems: [expect.stringMatching(/密钥不正确/)],
  });

  const plain = path.join(tempDir(), 'store');
  await Store.create(plain, OFFICE);
  await expect(Store.open(plain, { office: OFFICE, sealer })).rejects.toMatchObject({
    code: 'STORE_NOT_ENCRYPTED',
  });
});

test('a refused wrong key leaves every byte as it was', async () => {
  const { dir, store } = await fresh();
  store.commit([{ entity: 'child', id: 'c1', set: CHILD }], 'u1');
  (store as unknown as { closed: boolean }).closed = true;
  const before = bytesOf(dir);
  await expect(
    Store.open(dir, { office: OFFICE, sealer: new Sealer(crypto.randomBytes(32)) }),
  ).rejects.toThrow();
  await expect(Store.open(dir, { office: OFFICE })).rejects.toThrow();
  expect(bytesOf(dir)).toEqual(before);
});

describe('damage', () => {
  async function populated() {
    const { dir, store } = await fresh({ snapshotEvery: 1_000_000 });
    for (let i = 0; i < 20; i++)
      store.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
    await store.snapshot();
    for (let i = 20; i < 30; i++)
      store.commit([{ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }], 'u');
    (store as unknown as { closed: boolean }).closed = true;
    return dir;
  }
  const journalLines = (dir: string) => fs.readFileSync(storeFiles(dir).journal, 'latin1').split('\n');

  test('a flipped byte in a journal line after the snapshot, followed by good lines, is refused', async () => {
    const dir = await populated();
    const lines = journalLines(dir);
    const l = lines[24]!;
    lines[24] = l.slice(0, 40) + (l[40] === 'A' ? 'B' : 'A') + l.slice(41);
    fs.writeFileSync(storeFiles(dir).journal, lines.join('\n'), 'latin1');
    await expect(Store.open(dir, { office: OFFICE, sealer })).rejects.toMatchObject({
      code: 'STORE_DAMAGED',
      // Counted from the journal's start (the 25th line), as doctor counts: not from the last snapshot.
      message: expect.stringContaining('第 25 行'),
    });
    expect(checkIntegrity(dir, sealer).problems[0]).toContain('操作日志第 25 行已损坏');
  });

  test.each([
    ['two lines swapped', (l: string[]) => ([l[24], l[25]] = [l[25]!, l[24]!])],
    ['a line removed', (l: string[]) => l.splice(24, 1)],
    ['the last two lines swapped', (l: string[]) => ([l[28], l[29]] = [l[29]!, l[28]!])],
    ['the last line copied over the one before', (l: string[]) => (l[28] = l[29]!)],
  ])('%s: refused, never taken for a torn write', async (_label, edit) => {
    const dir = await populated();
    const lines = journalLines(dir);
    expect(lines).toHaveLength(31); // 30 lines and the empty string after the last newline
    edit(lines);
    fs.writeFileSync(storeFiles(dir).journal, lines.join('\n'), 'latin1');
    const before = bytesOf(dir);
    await expect(Store.open(dir, { office: OFFICE, sealer })).rejects.toMatchObject({
      code: 'STORE_DAMAGED',
    });
    expect(bytesOf(dir)).toEqual(before);
  });

  test('a flipped byte in a line the snapshot covers is found by the integrity check', async () => {
    const dir = await populated();
    const lines = journalLines(dir);
    lines[3] = lines[3]!.slice(0, 50) + (lines[3]![50] === 'A' ? 'B' : 'A') + lines[3]!.slice(51);
    fs.writeFileSync(storeFiles(dir).journal, lines.join('\n'), 'latin1');
    expect(checkIntegrity(dir, sealer)).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.stringContaining('第 4 行')]),
    });
  });

  test('a flipped byte in the manifest or a table file is recovered from the backup / the journal', async () => {
    const dir = await populated();
    const s = await Store.open(dir, { office: OFFICE, sealer });
    await s.close();
    const { snapshot } = storeFiles(dir);
    const flip = (f: string, at: number) => {
      const b = fs.readFileSync(f);
      b[at]! ^= 0x10;
      fs.writeFileSync(f, b);
    };
    flip(snapshot, 40);
    expect(checkIntegrity(dir, sealer).ok).toBe(false);
    const s2 = await Store.open(dir, { office: OFFICE, sealer });
    expect(s2.notices.map((n) => n.code)).toEqual(['SNAPSHOT_RECOVERED']);
    await s2.close();
    const tables = path.join(dir, 'tables');
    for (const f of fs.readdirSync(tables)) flip(path.join(tables, f), 100);
    expect(checkIntegrity(dir, sealer).ok).toBe(false);
    const s3 = await Store.open(dir, { office: OFFICE, sealer });
    expect(Object.keys(s3.table('child'))).toHaveLength(30);
    expect(s3.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
    await s3.close();
    expect(checkIntegrity(dir, sealer).ok).toBe(true);
  });

  test('one table file put in the place of another is refused (the seal names entity and file)', async () => {
    const { dir, store } = await fresh();
    store.commit([{ entity: 'child', id: 'c1', set: CHILD }], 'u');
    store.commit([{ entity: 'visit', id: 'v1', set: { n: 1 } }], 'u');
    await store.close();
    const tables = path.join(dir, 'tables');
    const [child, visit] = ['child', 'visit'].map((e) =>
      fs.readdirSync(tables).find((f) => f.startsWith(`${e}-`))!,
    );
    fs.copyFileSync(path.join(tables, visit!), path.join(tables, child!));
    const s = await Store.open(dir, { office: OFFICE, sealer });
    expect(s.get('child', 'c1')!.v.name).toBe('张小明');
    expect(s.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
    await s.close();
  });
});
