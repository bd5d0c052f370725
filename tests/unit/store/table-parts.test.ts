// A large table in parts (tables.ts): written part by part while edits go on, read part by part, parts nobody
// changed dropped from memory and read again, a damaged part rebuilt from the journal. Sizes are scaled down with
// the store's splitAt / memoryBudget options so each case runs on a few hundred records.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkIntegrity } from '../../../electron/store/integrity';
import { decodeSnapshotBuffer } from '../../../electron/store/snapshot-file';
import { Store, storeFiles, type StoreDoc } from '../../../electron/store/store';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { bigStore as bigStoreOf, children, OFFICE, SIZING } from './parts-fixture';

afterEach(cleanupTempDirs);

const bigStore = (n = 400, opts: { memoryBudget?: number } = {}) => bigStoreOf(n, opts);

/**
 * 400 children with long records (the stored lines, ~4 MB, far outweigh what changed records are counted as),
 * closed and opened again under `memoryBudget`.
 */
async function longRecordsReopened(memoryBudget: number) {
  const { dir, store } = await bigStore(400, { memoryBudget });
  store.commit(Array.from({ length: 400 }, (_, i) => ({ entity: 'child', id: `c${i}`, set: { note: '记'.repeat(3500) } })), 'u1');
  await store.close();
  const opts = { office: OFFICE, ...SIZING, memoryBudget, snapshotEvery: 1_000_000 };
  return { dir, again: await Store.open(dir, opts) };
}

const tableFiles = (dir: string) => fs.readdirSync(path.join(dir, 'tables')).filter((f) => f.startsWith('child-'));

// Snapshots write up to 1,024 small files each made durable: a busy machine (CI runs two suites at once) needs time.
jest.setTimeout(60_000);

describe('a table in parts', () => {
  test('past the split size a table is written as many part files, and reads back whole', async () => {
    const { dir, store } = await bigStore();
    expect(tableFiles(dir).length).toBeGreaterThan(50);
    await store.close();
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    expect(again.recordCount('child')).toBe(400);
    expect(again.get('child', 'c123')!.v.name).toBe('儿童123');
    let seen = 0;
    again.each('child', () => seen++);
    expect(seen).toBe(400);
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('a snapshot after a few edits rewrites only the parts holding them', async () => {
    const { dir, store } = await bigStore();
    const before = new Set(tableFiles(dir));
    store.commit([{ entity: 'child', id: 'c7', set: { village: '新村' } }], 'u1');
    store.commit([{ entity: 'child', id: 'c8', set: { village: '新村' } }], 'u1');
    await store.snapshot();
    const after = tableFiles(dir);
    const fresh = after.filter((f) => !before.has(f));
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(2);
    await store.close();
  });

  test('edits made while a snapshot is being written are neither lost nor written into it half-way', async () => {
    const { dir, store } = await bigStore();
    for (let i = 0; i < 400; i += 3) store.commit([{ entity: 'child', id: `c${i}`, set: { village: '甲村' } }], 'u1');
    const writing = store.snapshot();
    // Edits between the parts' turns: the snapshot describes the moment it began, the journal holds the rest.
    for (let i = 0; i < 400; i += 3) {
      await new Promise((r) => setImmediate(r));
      store.commit([{ entity: 'child', id: `c${i}`, set: { village: '乙村' } }], 'u1');
      store.commit(children(1, 1000 + i), 'u1');
    }
    await writing;
    // In this process too: the parts read again from the lines just written keep the edits made meanwhile.
    for (let i = 0; i < 400; i += 3) expect(store.get('child', `c${i}`)!.v.village).toBe('乙村');
    expect(store.get('child', 'c1003')!.v.name).toBe('儿童1003');
    expect(store.recordCount('child')).toBe(400 + 134);
    // No close: the process dies here. The reopened store is the manifest plus the journal after it.
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    for (let i = 0; i < 400; i += 3) expect(again.get('child', `c${i}`)!.v.village).toBe('乙村');
    expect(again.get('child', 'c1')!.v.village).toBe('榕东村');
    // Children added meanwhile are counted once: not in the parts written, added again by the journal.
    expect(again.recordCount('child')).toBe(400 + 134);
    expect(again.counts().entities.child).toBe(400 + 134);
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('with a small memory budget clean parts are dropped and read again, and edits are never lost', async () => {
    const { dir, store } = await bigStore(400, { memoryBudget: 4096 });
    await store.close();
    const again = await Store.open(dir, { office: OFFICE, ...SIZING, memoryBudget: 4096, snapshotEvery: 1_000_000 });
    let total = 0;
    again.each('child', () => total++);
    expect(total).toBe(400);
    expect(again.partBytesInMemory).toBeLessThanOrEqual(4096 * 2);
    again.commit([{ entity: 'child', id: 'c5', set: { village: '丙村' } }], 'u1');
    // The changed part stays until it is written; reading everything else does not drop it.
    again.each('child', () => undefined);
    expect(again.get('child', 'c5')!.v.village).toBe('丙村');
    await again.snapshot();
    again.each('child', () => undefined);
    expect(again.get('child', 'c5')!.v.village).toBe('丙村');
    await again.close();
  });

  test('with a small budget changed parts let go of their lines, and the snapshot reads them again', async () => {
    // A city's random edits touch every part before the next snapshot: the changed parts may not all stay whole.
    const { dir, again } = await longRecordsReopened(4096);
    for (let i = 0; i < 400; i += 2) again.commit([{ entity: 'child', id: `c${i}`, set: { village: '戊村' } }], 'u1');
    // New children land in parts whose lines were let go: they must still be known as new, not as stored lines.
    again.commit(children(20, 2000), 'u1');
    // Every part is changed, yet the lines held stay near the budget (whole, they would be ~4 MB).
    // (The budget, what the changed records are counted as, and the part in use, which is never let go.)
    expect(again.partBytesInMemory).toBeLessThanOrEqual(4096 * 2 + 220 * 3000 + 100_000);
    expect(again.recordCount('child')).toBe(420);
    // Unchanged records are read again from the file; changed ones kept.
    expect(again.get('child', 'c1')!.v.village).toBe('榕东村');
    expect(again.get('child', 'c2')!.v.village).toBe('戊村');
    // An edit after the lines were let go and read again: still one record, not counted twice.
    again.commit([{ entity: 'child', id: 'c2', set: { note: '再改' } }], 'u1');
    expect(again.recordCount('child')).toBe(420);
    await again.snapshot();
    const after = new Map<string, string>();
    again.each('child', (id, rec) => after.set(id, String(rec.v.village)));
    expect(after.size).toBe(420);
    await again.close();
    // What was written holds every record, stored or new, changed or not.
    const reread = await Store.open(dir, { office: OFFICE, ...SIZING });
    let total = 0;
    reread.each('child', (id, rec) => {
      total += 1;
      const n = Number(id.slice(1));
      expect(rec.v.village).toBe(n < 400 && n % 2 === 1 ? '榕东村' : n >= 2000 ? '榕东村' : '戊村');
    });
    expect(total).toBe(420);
    expect(reread.get('child', 'c2')!.v.note).toBe('再改');
    await reread.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('edits while a snapshot writes every part let go of the lines they read, and nothing is lost', async () => {
    const { dir, again } = await longRecordsReopened(4096);
    for (let i = 0; i < 400; i += 2) again.commit([{ entity: 'child', id: `c${i}`, set: { village: '戊村' } }], 'u1');
    const writing = again.snapshot();
    // Every part is being written; each edit now reads its part's lines again. They may not all stay (~4 MB).
    for (let i = 1; i < 400; i += 2) again.commit([{ entity: 'child', id: `c${i}`, set: { village: '己村' } }], 'u1');
    expect(again.partBytesInMemory).toBeLessThanOrEqual(4096 * 2 + 400 * 3000 + 100_000);
    await writing;
    for (let i = 0; i < 400; i++) expect(again.get('child', `c${i}`)!.v.village).toBe(i % 2 ? '己村' : '戊村');
    await again.close();
    const reread = await Store.open(dir, { office: OFFICE, ...SIZING });
    for (let i = 0; i < 400; i++) expect(reread.get('child', `c${i}`)!.v.village).toBe(i % 2 ? '己村' : '戊村');
    await reread.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('a snapshot is not started early by changed parts whose lines could be let go, only by what they must keep', async () => {
    const { dir, again } = await longRecordsReopened(6_000_000);
    // ~4 MB of lines, all held under this budget.
    again.each('child', () => undefined);
    const manifest = () => crypto.createHash('sha256').update(fs.readFileSync(storeFiles(dir).snapshot)).digest('hex');
    const before = manifest();
    // One small edit in nearly every part: the changed parts hold ~4 MB of lines (over half the budget), but could
    // let them go; what they must keep is 300 records.
    for (let i = 0; i < 300; i++) {
      again.commit([{ entity: 'child', id: `c${i}`, set: { village: '壬村' } }], 'u1');
      await new Promise((r) => setImmediate(r));
    }
    await again.atRest(() => null);
    expect(manifest()).toBe(before);
    // Changed records past half the budget (counted ~3,000 bytes each): then a snapshot starts by itself.
    again.commit(Array.from({ length: 1200 }, (_, i) => ({ entity: 'child', id: `n${i}`, set: { name: `新${i}` } })), 'u1');
    await new Promise((r) => setImmediate(r));
    await again.atRest(() => null);
    expect(manifest()).not.toBe(before);
    await again.close();
  });

  test('a table grown past its parts is spread over more of them, unchanged lines copied as they are', async () => {
    const dir = path.join(tempDir(), 'store');
    await Store.create(dir, OFFICE);
    const opts = { office: OFFICE, clock: fixedClock(), snapshotEvery: 1_000_000, ...SIZING, finerAt: 2 };
    const store = await Store.open(dir, opts);
    store.commit(children(200), 'u1');
    await store.snapshot();
    expect(tableFiles(dir).length).toBeLessThanOrEqual(128);
    const lineOf = (id: string) => {
      for (const f of tableFiles(dir)) {
        const text = fs.readFileSync(path.join(dir, 'tables', f), 'utf8');
        const line = text.split('\n').find((l) => l.startsWith(`"${id}"\t`));
        if (line) return line;
      }
      return null;
    };
    const before = lineOf('c5');
    // 300 records over 128 parts is more than two a part: the next snapshot spreads them over 1,024.
    store.commit(children(100, 200), 'u1');
    store.commit([{ entity: 'child', id: 'c7', set: { village: '己村' } }], 'u1');
    await store.snapshot();
    expect(Math.max(...tableFiles(dir).map((f) => Number(/^child-(\d+)-/.exec(f)![1])))).toBeGreaterThan(127);
    expect(lineOf('c5')).toBe(before);
    expect(store.get('child', 'c7')!.v.village).toBe('己村');
    await store.close();
    const again = await Store.open(dir, { office: OFFICE, ...SIZING, finerAt: 2 });
    expect(again.recordCount('child')).toBe(300);
    let total = 0;
    again.each('child', (id, rec) => {
      total += 1;
      expect(rec.v.name).toBe(`儿童${id.slice(1)}`);
    });
    expect(total).toBe(300);
    expect(again.get('child', 'c7')!.v.village).toBe('己村');
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);

    // A table that grew that large before its first snapshot (an import) is split into that many parts at once.
    const other = path.join(tempDir(), 'store');
    await Store.create(other, OFFICE);
    const fresh = await Store.open(other, opts);
    fresh.commit(children(300), 'u1');
    await fresh.close();
    expect(Math.max(...tableFiles(other).map((f) => Number(/^child-(\d+)-/.exec(f)![1])))).toBeGreaterThan(127);
  });

  test('a damaged part file is set aside and the table rebuilt from the journal, with a notice', async () => {
    const { dir, store } = await bigStore();
    store.commit([{ entity: 'child', id: 'c9', set: { village: '丁村' } }], 'u1');
    await store.close();
    const victim = path.join(dir, 'tables', tableFiles(dir)[3]!);
    fs.writeFileSync(victim, fs.readFileSync(victim).subarray(0, 100));
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    let total = 0;
    again.each('child', () => total++);
    expect(total).toBe(400);
    expect(again.get('child', 'c9')!.v.village).toBe('丁村');
    expect(again.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
    expect(fs.readdirSync(storeFiles(dir).damaged).length).toBeGreaterThan(0);
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('a snapshot that fails to write leaves its parts to the next one', async () => {
    const { dir, store } = await bigStore();
    store.commit([{ entity: 'child', id: 'c11', set: { village: '戊村' } }], 'u1');
    const open = jest.spyOn(fs.promises, 'open').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    await expect(store.snapshot()).rejects.toThrow('disk full');
    open.mockRestore();
    await store.snapshot();
    // The second manifest covers the edit: the journal is not replayed for it, only the part files can hold it.
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    expect(again.get('child', 'c11')!.v.village).toBe('戊村');
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('the conflicts list and the counts come from what the folds keep, also after reopening', async () => {
    const { dir, store, clock } = await bigStore();
    store.commit([{ entity: 'child', id: 'c20', set: { village: '本村' } }], 'u1');
    clock.advance(-60_000);
    // An edit made elsewhere without having seen ours: it loses and is kept.
    store.commitForeign([
      {
        office: '445202',
        seq: 1,
        hlc: `${String(Date.UTC(2026, 10, 28, 1, 0, 0)).padStart(15, '0')}-00000-445202`,
        user: 'x',
        entity: 'child',
        id: 'c20',
        set: { village: '外村' },
        sv: 1,
      },
    ]);
    expect(store.conflicts().map((c) => c.id)).toEqual(['c20']);
    expect(store.counts().entities.child).toBe(400);
    await store.close();
    const again = await Store.open(dir, { office: OFFICE, ...SIZING, memoryBudget: 1 });
    expect(again.conflictCount()).toBe(1);
    expect(again.conflicts()[0]!.record.x![0]!.value).toBe('外村');
    expect(again.counts().entities.child).toBe(400);
    await again.close();
  });

  test('after a snapshot the records it wrote are read from its lines again, not kept as objects', async () => {
    const { store } = await bigStore();
    for (let i = 0; i < 400; i++) store.commit([{ entity: 'child', id: `c${i}`, set: { village: '辛村' } }], 'u1');
    await store.snapshot();
    const parse = jest.spyOn(JSON, 'parse');
    expect(store.get('child', 'c17')!.v.village).toBe('辛村');
    expect(parse.mock.calls.filter(([t]) => typeof t === 'string' && t.startsWith('{'))).toHaveLength(1);
    parse.mockRestore();
    await store.close();
  });

  test('records are kept as their stored lines: an edit rewrites its own line, the others are copied byte for byte', async () => {
    const { dir, store } = await bigStore();
    await store.close();
    const lines = (file: string) => fs.readFileSync(path.join(dir, 'tables', file), 'utf8').split('\n').slice(1, -1);
    // The files the current manifest names (the previous manifest's stay beside them until the next snapshot).
    const current = () =>
      (decodeSnapshotBuffer<StoreDoc>(fs.readFileSync(storeFiles(dir).snapshot)).tables!.child!.parts ?? []).filter(
        (f): f is string => f !== null,
      );
    const before = new Map(current().flatMap((f) => lines(f).map((l) => [l.split('\t')[0], l] as const)));
    const again = await Store.open(dir, { office: OFFICE, ...SIZING, snapshotEvery: 1_000_000 });
    const parse = jest.spyOn(JSON, 'parse');
    again.commit([{ entity: 'child', id: 'c42', set: { village: '己村' } }], 'u1');
    // The edit read one record: its own (ids are parsed per line when a part is read, records are not).
    const records = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.startsWith('{'));
    parse.mockRestore();
    expect(records).toHaveLength(1);
    await again.close();
    const after = new Map(current().flatMap((f) => lines(f).map((l) => [l.split('\t')[0], l] as const)));
    expect(after.size).toBe(before.size);
    for (const [id, line] of after) {
      if (id === '"c42"') expect(line).toContain('己村');
      else expect(line).toBe(before.get(id));
    }
  });

  test('a table file of the older one-object form is read, and written in lines when it next changes', async () => {
    const dir = path.join(tempDir(), 'store');
    await Store.create(dir, OFFICE);
    const store = await Store.open(dir, { office: OFFICE, snapshotEvery: 1_000_000 });
    store.commit(children(3), 'u1');
    await store.close();
    // Rewrite the child table's file the way the store wrote it before parts were lines.
    const { encodeSnapshotBuffer } = await import('../../../electron/store/snapshot-file');
    const file = decodeSnapshotBuffer<StoreDoc>(fs.readFileSync(storeFiles(dir).snapshot)).tables!.child!.file!;
    const table: Record<string, unknown> = {};
    const reopened = await Store.open(dir, { office: OFFICE });
    reopened.each('child', (id, rec) => (table[id] = rec));
    await reopened.close();
    fs.writeFileSync(path.join(dir, 'tables', file), encodeSnapshotBuffer(table).bytes);
    const again = await Store.open(dir, { office: OFFICE });
    expect(again.get('child', 'c2')!.v.name).toBe('儿童2');
    // Read as it is, not rebuilt from the journal (which would give the same values).
    expect(again.notices.map((n) => n.code)).not.toContain('TABLE_REBUILT');
    again.commit([{ entity: 'child', id: 'c2', set: { village: '庚村' } }], 'u1');
    await again.close();
    const named = decodeSnapshotBuffer<StoreDoc>(fs.readFileSync(storeFiles(dir).snapshot)).tables!.child!.file!;
    const written = fs.readFileSync(path.join(dir, 'tables', named), 'utf8');
    expect(written.startsWith('GPART1 ')).toBe(true);
    const last = await Store.open(dir, { office: OFFICE });
    expect(last.get('child', 'c0')!.v.name).toBe('儿童0');
    expect(last.get('child', 'c2')!.v.village).toBe('庚村');
    await last.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });
});
