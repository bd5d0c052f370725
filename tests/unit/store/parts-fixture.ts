// A store whose child table is split into parts at a small size (splitAt), for the table-parts and part-deltas tests.
import path from 'node:path';
import { Store, type Change } from '../../../electron/store/store';
import { fixedClock, tempDir } from '../../helpers/temp-dir';

export const OFFICE = '445200';
export const SIZING = { splitAt: 50 };

export function children(n: number, from = 0): Change[] {
  return Array.from({ length: n }, (_, i) => ({
    entity: 'child',
    id: `c${from + i}`,
    set: { name: `儿童${from + i}`, village: '榕东村', note: '留守'.repeat(20) },
  }));
}

/** A store holding `n` children, snapshotted once (so in parts), snapshots otherwise only when asked. */
export async function bigStore(n: number, opts: { memoryBudget?: number } = {}) {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const clock = fixedClock();
  const store = await Store.open(dir, { office: OFFICE, clock, snapshotEvery: 1_000_000, ...SIZING, ...opts });
  store.commit(children(n), 'u1');
  await store.snapshot();
  return { dir, store, clock };
}
