// Bundles at county scale: export of N operations to the city, then at the city verify + dry run + apply, through
// the real handlers (the file on disk, as from a USB stick). Goals: export ≤ 1 s, verify + dry run + apply ≤ 2 s.
import { initTestOffice } from '../helpers/office';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext, type AppContext } from '../../electron/app/context';
import { cliFiles } from '../../electron/files/file-access';
import { dispatch } from '../../electron/dispatch/dispatch';
import type { Change } from '../../electron/store/store';

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function ok<T>(ctx: AppContext, name: string, args: unknown): Promise<T> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

export interface ExchangeFigures {
  exportMs: number;
  verifyMs: number;
  dryMs: number;
  importMs: number;
  /** The bundle page's flow: verify + dry run + import. */
  flowMs: number;
  replayMs: number;
}

export async function exchangeBench(operations = 10_000): Promise<ExchangeFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-bench-exchange-'));
  const clock = () => Date.UTC(2026, 10, 28, 2, 0, 0);
  const county = await openContext({ dataDir: path.join(root, 'county'), owner: 'cli', clock, files: cliFiles });
  const city = await openContext({ dataDir: path.join(root, 'city'), owner: 'cli', clock, files: cliFiles });
  try {
    await initTestOffice(county, { code: '445202', name: '榕城区民政局', level: 'county' });
    await initTestOffice(city, { code: '445200', name: '揭阳市民政局', level: 'city' });
    for (const [a, b] of [[county, city], [city, county]] as const) {
      const card = await ok<{ text: string; fingerprint: string }>(a, 'exchange.card', {});
      await ok(b, 'exchange.trust', { text: card.text, fingerprint: card.fingerprint });
    }
    // Children and their visits, as a county's ledger grows: one child record with a dozen fields, four visits.
    const changes: Change[] = [];
    for (let i = 0; changes.length < operations; i++) {
      changes.push({
        entity: 'child',
        id: `c${i}`,
        set: Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`field${k}`, `某村某组 ${i}-${k}`])),
      });
      for (let v = 0; v < 4 && changes.length < operations; v++) {
        changes.push({ entity: 'visit', id: `v${i}-${v}`, set: { childId: `c${i}`, date: '2026-10-01', note: '入户走访，了解监护情况' } });
      }
    }
    for (let i = 0; i < changes.length; i += 1000) county.store!.commit(changes.slice(i, i + 1000), county.user);

    let t0 = now();
    const exported = await ok<{ filePath: string; bytes: number; operations: number }>(county, 'exchange.export', { to: '445200', folder: root });
    const exportMs = now() - t0;
    const src = { path: exported.filePath };
    t0 = now();
    await ok(city, 'exchange.verify', src);
    const verifyMs = now() - t0;
    t0 = now();
    await ok(city, 'exchange.dryRun', src);
    const dryMs = now() - t0;
    t0 = now();
    const result = await ok<{ new: number }>(city, 'exchange.import', src);
    const importMs = now() - t0;
    t0 = now();
    await ok(city, 'exchange.import', src);
    const replayMs = now() - t0;
    const f = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`${'bundle export'.padEnd(34)} ${exported.operations} operations, ${(exported.bytes / 1024).toFixed(0)} KiB: ${f(exportMs)} (goal ≤ 1000 ms)`);
    console.log(
      `${'bundle import (verify+dry run+apply)'.padEnd(34)} ${f(importMs)} (goal ≤ 2000 ms); ${result.new} new records; ` +
        `page flow verify ${f(verifyMs)} + dry run ${f(dryMs)} + import ${f(importMs)}; replay ${f(replayMs)}`,
    );
    return { exportMs, verifyMs, dryMs, importMs, flowMs: verifyMs + dryMs + importMs, replayMs };
  } finally {
    await county.close();
    await city.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
