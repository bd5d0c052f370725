import fs from 'node:fs';
import path from 'node:path';
import { Store, storeFiles } from '../../../electron/store/store';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445200';
afterEach(cleanupTempDirs);

async function fresh(opts: { snapshotEvery?: number } = {}) {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const store = await Store.open(dir, { office: OFFICE, clock: fixedClock(), ...opts });
  return { dir, store };
}

describe('operation store', () => {
  test('a commit records office, gap-free sequence, HLC, user, entity and values', async () => {
    const { store } = await fresh();
    const [a] = store.commit([{ entity: 'child', id: 'c1', set: { name: '张小明' } }], 'u1');
    const [b] = store.commit([{ entity: 'child', id: 'c1', set: { school: '榕城小学' } }], 'u1');
    expect(a).toMatchObject({ office: OFFICE, seq: 1, user: 'u1', entity: 'child', id: 'c1', set: { name: '张小明' } });
    expect(b!.seq).toBe(2);
    expect(b!.hlc > a!.hlc).toBe(true);
    expect(store.get('child', 'c1')!.v).toEqual({ name: '张小明', school: '榕城小学' });
    await store.close();
  });

  test('the operation is in the journal file on disk, fsynced, before commit returns', async () => {
    const { dir, store } = await fresh();
    const calls: string[] = [];
    const realSync = fs.fdatasyncSync;
    const sync = jest.spyOn(fs, 'fdatasyncSync').mockImplementation((fd: number) => {
      calls.push(fs.readFileSync(storeFiles(dir).journal, 'utf8'));
      realSync(fd);
    });
    try {
      store.commit([{ entity: 'child', id: 'c1', set: { name: '李四' } }], 'u1');
      expect(sync).toHaveBeenCalledTimes(1);
      expect(calls[0]).toContain('李四');
      // A separate reader sees it without the store's help.
      expect(fs.readFileSync(storeFiles(dir).journal, 'utf8')).toContain('"id":"c1"');
    } finally {
      sync.mockRestore();
    }
    await store.close();
  });

  test('the bytes written by one commit do not grow with the size of the data', async () => {
    const { store } = await fresh({ snapshotEvery: 1_000_000 });
    const measure = (id: string) => {
      const write = jest.spyOn(fs, 'writeSync');
      store.commit([{ entity: 'child', id, set: { note: 'x'.repeat(40) } }], 'u1');
      const bytes = write.mock.calls.reduce((n, c) => n + ((c[3] as number | undefined) ?? 0), 0);
      const count = write.mock.calls.length;
      write.mockRestore();
      return { bytes, count };
    };
    const small = measure('probe-a');
    const batch = Array.from({ length: 20_000 }, (_, i) => ({ entity: 'child', id: `c${i}`, set: { name: `儿童${i}` } }));
    store.commit(batch, 'u1');
    const large = measure('probe-b');
    expect(large.count).toBe(small.count);
    // The sequence number and stamp grow by a few digits; nothing else may.
    expect(Math.abs(large.bytes - small.bytes)).toBeLessThan(16);
    await store.close();
  });

  test('history lists every operation of a record in order', async () => {
    const { store } = await fresh();
    store.commit([{ entity: 'child', id: 'c1', set: { name: '王五', risk: '黄' } }], 'u1');
    store.commit([{ entity: 'child', id: 'c2', set: { name: '赵六' } }], 'u1');
    store.commit([{ entity: 'child', id: 'c1', set: { risk: '红' } }], 'u2');
    const h = store.history('child', 'c1');
    expect(h.map((o) => o.set)).toEqual([{ name: '王五', risk: '黄' }, { risk: '红' }]);
    expect(h.map((o) => o.user)).toEqual(['u1', 'u2']);
    await store.close();
  });

  test('state survives close and reopen, with and without a snapshot in between', async () => {
    const { dir, store } = await fresh({ snapshotEvery: 3 });
    for (let i = 0; i < 10; i++) store.commit([{ entity: 'visit', id: `v${i}`, set: { n: i } }], 'u1');
    await store.close();
    const again = await Store.open(dir, { office: OFFICE });
    expect(Object.keys(again.table('visit'))).toHaveLength(10);
    expect(again.versionVector()).toEqual({ [OFFICE]: 10 });
    expect(again.notices).toEqual([]);
    expect(again.history('visit', 'v9')).toHaveLength(1);
    await again.close();
  });

  test('a batch is all or nothing: an unfinished batch at the end of the journal is discarded on open', async () => {
    const { dir, store } = await fresh();
    store.commit([{ entity: 'child', id: 'keep', set: { a: 1 } }], 'u1');
    await store.close();
    // Simulate a crash after writing two of three lines of a batch.
    const journal = storeFiles(dir).journal;
    const before = fs.readFileSync(journal);
    const s2 = await Store.open(dir, { office: OFFICE });
    s2.commit(
      [1, 2, 3].map((n) => ({ entity: 'child', id: `b${n}`, set: { n } })),
      'u1',
    );
    (s2 as unknown as { closed: boolean }).closed = true; // leave without a snapshot, like a crash
    const full = fs.readFileSync(journal);
    const lines = full.subarray(before.length).toString('utf8').split('\n').filter(Boolean);
    fs.writeFileSync(journal, Buffer.concat([before, Buffer.from(lines.slice(0, 2).join('\n') + '\n')]));
    const s3 = await Store.open(dir, { office: OFFICE });
    expect(s3.get('child', 'keep')).toBeDefined();
    expect(s3.get('child', 'b1')).toBeUndefined();
    expect(s3.notices.map((n) => n.code)).toContain('UNFINISHED_WRITE_DISCARDED');
    expect(s3.versionVector()[OFFICE]).toBe(1);
    // The next commit continues the sequence without a gap.
    expect(s3.commit([{ entity: 'child', id: 'n', set: {} }], 'u1')[0]!.seq).toBe(2);
    await s3.close();
  });

  test('create refuses a folder that already holds a store', async () => {
    const { dir, store } = await fresh();
    await store.close();
    await expect(Store.create(dir, OFFICE)).rejects.toMatchObject({ code: 'ALREADY_INITIALISED' });
  });
});

describe('concurrent edits (the fold)', () => {
  test('an edit made without seeing the current value keeps both; the same winner in any order', async () => {
    const { applyOperation } = await import('../../../electron/store/fold');
    const { emptyState } = await import('../../../electron/store/state');
    const mk = (office: string, seq: number, ms: number, set: Record<string, string>, base?: Record<string, string>) => ({
      office,
      seq,
      hlc: `${String(ms).padStart(15, '0')}-00000-${office}`,
      user: 'u',
      entity: 'child',
      id: 'c1',
      set,
      sv: 2,
      ...(base ? { base } : {}),
    });
    const create = mk('445202', 1, 1000, { phone: '13800000000', school: '小学' });
    const county = mk('445202', 2, 2000, { phone: '13911111111' }, { phone: create.hlc });
    const city = mk('445200', 1, 3000, { phone: '13722222222' }, { phone: create.hlc });
    const orders = [
      [create, county, city],
      [create, city, county],
    ];
    const results = orders.map((ops) => {
      const st = emptyState();
      for (const op of ops) applyOperation(st, op);
      return st.entities.child!.c1!;
    });
    for (const r of results) {
      expect(r.v.phone).toBe('13722222222'); // the later stamp wins everywhere
      expect(r.x).toEqual([{ field: 'phone', value: '13911111111', hlc: county.hlc, office: '445202' }]);
    }
    // A correction made after seeing the current value is not a conflict.
    const st = emptyState();
    applyOperation(st, create);
    applyOperation(st, mk('445200', 1, 5000, { school: '初中' }, { school: create.hlc }));
    expect(st.entities.child!.c1!.x).toBeUndefined();
  });

  test('a person settles a conflict with an operation that syncs like any other', async () => {
    const { dir, store } = await fresh();
    store.commit([{ entity: 'child', id: 'c1', set: { phone: '1' } }], 'u');
    const rec = store.get('child', 'c1')!;
    rec.x = [{ field: 'phone', value: '2', hlc: '000000000000001-00000-445202', office: '445202' }];
    const [op] = store.commit(
      [{ entity: 'child', id: 'c1', set: { phone: '2' }, resolves: { phone: ['000000000000001-00000-445202'] } }],
      'u',
    );
    expect(op!.res).toEqual({ phone: ['000000000000001-00000-445202'] });
    expect(store.get('child', 'c1')!.x).toBeUndefined();
    expect(store.history('child', 'c1')).toHaveLength(2);
    await store.close();
    void dir;
  });
});

test('operationsSince returns what the other side lacks, across origins, in journal order', async () => {
  const { store } = await fresh();
  for (let i = 1; i <= 2500; i += 500) {
    store.commit(
      Array.from({ length: 500 }, (_, k) => ({ entity: 'visit', id: `v${i + k}`, set: { n: i + k } })),
      'u',
    );
  }
  store.commitForeign([
    { office: '445202', seq: 1, hlc: '000000000000009-00000-445202', user: 'x', entity: 'child', id: 'f', set: { a: 1 }, sv: 2 },
  ]);
  expect(store.operationsSince({ [OFFICE]: 2500, '445202': 1 })).toEqual([]);
  const since = store.operationsSince({ [OFFICE]: 1999 });
  expect(since.map((o) => `${o.office}:${o.seq}`)).toEqual([
    ...Array.from({ length: 501 }, (_, k) => `${OFFICE}:${2000 + k}`),
    '445202:1',
  ]);
  expect(store.operationsSince({}, (op) => op.entity === 'child')).toHaveLength(1);
  await store.close();
});

test('a chain of edits against a concurrent one gives the same conflicts in every order', async () => {
  const { applyOperation } = await import('../../../electron/store/fold');
  const { emptyState } = await import('../../../electron/store/state');
  const h = (ms: number, office: string) => `${String(ms).padStart(15, '0')}-00000-${office}`;
  const op = (office: string, seq: number, ms: number, v: string, base?: string) => ({
    office, seq, hlc: h(ms, office), user: 'u', entity: 'child', id: 'c', set: { f: v }, sv: 2,
    ...(base ? { base: { f: base } } : {}),
  });
  const s0 = op('445200', 1, 1, 's0');
  const a1 = op('445202', 1, 10, 'a1', s0.hlc);
  const a2 = op('445202', 2, 30, 'a2', a1.hlc);
  const b = op('445203', 1, 20, 'b', s0.hlc);
  const perms = [[a1, a2, b], [a1, b, a2], [b, a1, a2]];
  const seen = perms.map((p) => {
    const st = emptyState();
    applyOperation(st, s0);
    for (const o of p) applyOperation(st, o);
    const r = st.entities.child!.c!;
    return JSON.stringify({ v: r.v, x: r.x });
  });
  expect(new Set(seen).size).toBe(1);
  expect(JSON.parse(seen[0]!)).toEqual({ v: { f: 'a2' }, x: [{ field: 'f', value: 'b', hlc: b.hlc, office: '445203' }] });
});
