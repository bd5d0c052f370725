// Record ids and field names are keys of plain objects (tables come back from JSON.parse): `constructor` must find
// nothing, and a record or field named `__proto__` must stay an ordinary record or field — in memory, in the
// snapshot's table files and after reopening from the journal.
import path from 'node:path';
import { applyOperation } from '../../../electron/store/fold';
import { emptyState, stampOf } from '../../../electron/store/state';
import { Store } from '../../../electron/store/store';
import { isOperation } from '../../../electron/sync/operation-check';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445200';
afterEach(cleanupTempDirs);

async function fresh() {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  return { dir, store: await Store.open(dir, { office: OFFICE, clock: fixedClock() }) };
}

test('get finds own records only: Object’s members are no records', async () => {
  const { store } = await fresh();
  store.commit([{ entity: 'child', id: 'c1', set: { name: '张小明' } }], 'u1');
  for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(store.get('child', id)).toBeUndefined();
  for (const entity of ['constructor', '__proto__', 'toString']) {
    expect(store.get(entity, 'prototype')).toBeUndefined();
    expect(Object.keys(store.table(entity))).toEqual([]);
  }
  await store.close();
});

test('a record and a field named __proto__ are ordinary, and survive the snapshot and a reopen', async () => {
  const { dir, store } = await fresh();
  store.commit([{ entity: 'child', id: '__proto__', set: { ['__proto__']: { evil: true }, constructor: 'x' } }], 'u1');
  const check = (s: Store) => {
    const table = s.table('child');
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    const rec = s.get('child', '__proto__')!;
    expect(Object.getPrototypeOf(rec.v)).toBe(Object.prototype);
    expect(Object.keys(rec.v).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(rec.v, '__proto__')!.value).toEqual({ evil: true });
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
  };
  check(store);
  await store.snapshot();
  await store.close();
  const again = await Store.open(dir, { office: OFFICE, clock: fixedClock() });
  check(again);
  await again.close();
});

test('the fold’s stamps and conflicts see own fields only', () => {
  const state = emptyState();
  const hlc = '202611280200000-00000-445200';
  applyOperation(state, { office: OFFICE, seq: 1, hlc, user: 'u', entity: 'child', id: 'c', set: { name: 'a' }, sv: 2 });
  const rec = state.entities.child!.c!;
  expect(stampOf(rec, 'constructor')).toBeUndefined();
  expect(stampOf(rec, 'name')).toBe(hlc);
});

test('a bundle cannot name Object’s members as a kind of record', () => {
  const op = { office: OFFICE, seq: 1, hlc: '202611280200000-00000-445200', user: 'u', entity: 'child', id: 'c', set: {}, sv: 2 };
  expect(isOperation(op)).toBe(true);
  for (const entity of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) expect(isOperation({ ...op, entity })).toBe(false);
});
