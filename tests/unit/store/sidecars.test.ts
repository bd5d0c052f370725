// Sidecars (store.ts): derived data a snapshot keeps beside the tables. Written in files of 4,000 items, each
// serialised 500 items a turn of the event loop, and read back as the one array they were.
import fs from 'node:fs';
import path from 'node:path';
import { Store } from '../../../electron/store/store';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445200';
afterEach(cleanupTempDirs);

async function storeWithSidecar(items: number[]) {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const store = await Store.open(dir, { office: OFFICE, clock: fixedClock(), snapshotEvery: 1_000_000 });
  store.registerSidecar('rows', () => ({ meta: { version: 1 }, items, encode: (i) => [i, `名${String(i)}`] }));
  store.commit([{ entity: 'child', id: 'c1', set: { name: '张三' } }], 'u1');
  return { dir, store };
}

describe('sidecars', () => {
  test('items across several files and slices read back in order, each as it was encoded', async () => {
    const items = Array.from({ length: 9_001 }, (_, i) => i);
    const { dir, store } = await storeWithSidecar(items);
    await store.close();
    const again = await Store.open(dir, { office: OFFICE });
    const read = again.readSidecar('rows')!;
    expect(read.meta).toEqual({ version: 1 });
    expect(read.items).toHaveLength(9_001);
    expect(read.items[0]).toEqual([0, '名0']);
    expect(read.items[499]).toEqual([499, '名499']);
    expect(read.items[500]).toEqual([500, '名500']);
    expect(read.items[4_000]).toEqual([4_000, '名4000']);
    expect(read.items[9_000]).toEqual([9_000, '名9000']);
    expect(read.items.every((row, i) => (row as [number, string])[0] === i)).toBe(true);
    await again.close();
  });

  test('an empty sidecar is stored as an empty array', async () => {
    const { dir, store } = await storeWithSidecar([]);
    await store.close();
    const again = await Store.open(dir, { office: OFFICE });
    expect(again.readSidecar('rows')!.items).toEqual([]);
    await again.close();
  });

  test('no more than one slice of items is serialised in one turn of the event loop', async () => {
    const dir = path.join(tempDir(), 'store');
    await Store.create(dir, OFFICE);
    const store = await Store.open(dir, { office: OFFICE, clock: fixedClock(), snapshotEvery: 1_000_000 });
    let inTurn = 0;
    let most = 0;
    const items = Array.from({ length: 9_000 }, (_, i) => i);
    store.registerSidecar('rows', () => ({
      meta: null,
      items,
      encode: (i) => {
        inTurn += 1;
        most = Math.max(most, inTurn);
        return i;
      },
    }));
    store.commit([{ entity: 'child', id: 'c1', set: { name: '张三' } }], 'u1');
    let writing = true;
    const tick = () => {
      inTurn = 0;
      if (writing) setImmediate(tick);
    };
    setImmediate(tick);
    await store.snapshot();
    writing = false;
    // Every item encoded, at most 500 between two turns (a file's 4,000 at once stalled the app at city scale).
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(500);
    await store.close();
  });

  test('additions are written beside the stored items, only when items are stored, and a whole capture replaces both', async () => {
    const dir = path.join(tempDir(), 'store');
    await Store.create(dir, OFFICE);
    const store = await Store.open(dir, { office: OFFICE, clock: fixedClock(), snapshotEvery: 1_000_000 });
    let next: { items: unknown[]; append?: boolean } | null = { items: ['x'], append: true };
    const told: unknown[] = [];
    store.registerSidecar('rows', (stored) => {
      told.push(stored && { rows: stored.rows, addRows: stored.addRows });
      return next && { meta: 1, ...next };
    });
    const edit = () => store.commit([{ entity: 'child', id: 'c1', set: { name: String(told.length) } }], 'u1');
    edit();
    await store.snapshot();
    // Additions to nothing stored are not written.
    expect(store.readSidecar('rows')).toBeNull();
    next = { items: ['a', 'b'] };
    edit();
    await store.snapshot();
    next = { items: ['c'], append: true };
    edit();
    await store.snapshot();
    next = { items: ['d', 'e'], append: true };
    edit();
    await store.snapshot();
    expect(told).toEqual([null, null, { rows: 2, addRows: 0 }, { rows: 2, addRows: 1 }]);
    next = null;
    await store.close();
    const again = await Store.open(dir, { office: OFFICE });
    const read = again.readSidecar('rows')!;
    expect(read.items).toEqual(['a', 'b']);
    expect(read.adds).toEqual(['c', 'd', 'e']);
    again.registerSidecar('rows', () => ({ meta: 2, items: ['f'] }));
    again.commit([{ entity: 'child', id: 'c1', set: { name: 'z' } }], 'u1');
    await again.snapshot();
    expect(again.readSidecar('rows')).toMatchObject({ meta: 2, items: ['f'], adds: [] });
    await again.close();
  });

  test('a sidecar file that fails to write fails its snapshot; the next one writes it', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => i);
    const { dir, store } = await storeWithSidecar(items);
    const real = fs.promises.open.bind(fs.promises);
    let calls = 0;
    const open = jest.spyOn(fs.promises, 'open').mockImplementation((file, ...rest) => {
      // The third sidecar file of five: the two before it may still be being written.
      if (String(file).includes('sidecar-rows-2-') && calls++ === 0) {
        return Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
      }
      return real(file, ...(rest as [string]));
    });
    await expect(store.snapshot()).rejects.toThrow('disk full');
    open.mockRestore();
    // Nothing half-written is left behind under a final name, and the store still holds no sidecar.
    expect(store.readSidecar('rows')).toBeNull();
    store.commit([{ entity: 'child', id: 'c2', set: { name: '李四' } }], 'u1');
    await store.close();
    const again = await Store.open(dir, { office: OFFICE });
    expect(again.readSidecar('rows')!.items).toEqual(items.map((i) => [i, `名${i}`]));
    await again.close();
  });
});
