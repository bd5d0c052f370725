// The ledger list at city scale: `children.list` (filter + search) through the real handler and dispatcher on a
// store holding `count` children that satisfy THE child schema (the demo generator's records).
import { initTestOffice } from '../helpers/office';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext } from '../../electron/app/context';
import { childChanges, generateChildRecords } from '../../electron/demo/ledger-demo';
import { dispatch } from '../../electron/dispatch/dispatch';

const now = () => Number(process.hrtime.bigint()) / 1e6;

function pct(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export async function ledgerListBench(count: number, rounds = 40): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-bench-ledger-'));
  const clock = () => Date.UTC(2026, 10, 28, 2, 0, 0);
  const ctx = await openContext({ dataDir: dir, owner: 'cli', clock });
  try {
    await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
    let t0 = now();
    const records = generateChildRecords(count, 42, '2026-11-28');
    const changes = childChanges(records, '2026-11-28', (i) => `bench-${i}`);
    for (let i = 0; i < changes.length; i += 1000) ctx.store!.commit(changes.slice(i, i + 1000), 'bench');
    console.log(`\nledger: ${count} valid children generated and committed in ${((now() - t0) / 1000).toFixed(1)} s`);
    // The snapshot the bulk commit scheduled would otherwise run between the measured calls.
    await new Promise((resolve) => setImmediate(resolve));
    await ctx.store!.snapshot();

    t0 = now();
    const first = await dispatch(ctx, 'children.list', {});
    if (!first.ok) throw new Error(first.error.message);
    console.log(`${'children.list first call (index)'.padEnd(34)} ${(now() - t0).toFixed(0)} ms  (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)`);

    const townships = (first.value as { townships: string[] }).townships;
    const queries: unknown[] = [];
    const searches = ['zxm', 'chen', '林', '1234', 'lj', 'huang', '晓', 'zh'];
    for (let i = 0; i < rounds; i += 1) {
      queries.push({
        filters: { township: townships[i % townships.length], status: 'active' },
        search: searches[i % searches.length],
        sort: { field: 'name', dir: 'asc' },
        limit: 100,
      });
      queries.push({ filters: { ageBand: '6-13', riskLevel: 'yellow' }, search: searches[(i + 3) % searches.length], limit: 100 });
      queries.push({ search: searches[(i + 5) % searches.length], sort: { field: 'age', dir: 'desc' }, offset: 200, limit: 100 });
      queries.push({ filters: { guardianKind: 'grandparents', schooling: 'primary' }, limit: 100 });
    }
    const samples: number[] = [];
    for (const q of queries) {
      const t = now();
      const r = await dispatch(ctx, 'children.list', q);
      samples.push(now() - t);
      if (!r.ok) throw new Error(r.error.message);
    }
    console.log(
      `${'children.list filter + search'.padEnd(34)} p50 ${pct(samples, 0.5).toFixed(2)} ms  p95 ${pct(samples, 0.95).toFixed(2)} ms  ` +
        `max ${Math.max(...samples).toFixed(2)} ms  (n=${samples.length}, goal p95 ≤ 30 ms)`,
    );

    // One edit, then the next list call: only that child is summarised again, orders are rebuilt.
    const edited = { ...changes[0]!, set: { ...changes[0]!.set, riskLevel: 'red' } };
    ctx.store!.commit([{ entity: 'child', id: edited.id, set: { riskLevel: 'red' } }], 'bench');
    t0 = now();
    await dispatch(ctx, 'children.list', queries[0]);
    console.log(`${'children.list after one edit'.padEnd(34)} ${(now() - t0).toFixed(1)} ms`);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
