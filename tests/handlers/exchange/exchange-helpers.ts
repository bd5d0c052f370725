// Offices with real identities and stores in temp folders, on one fixed clock, that exchange bundles through the
// handlers (dispatch), as the exchange page and the CLI do.
import { initTestOffice } from '../../helpers/office';
import fs from 'node:fs';
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import type { AppErrorData } from '../../../electron/contract/errors';
import type { OfficeLevel } from '../../../electron/contract/schemas/office';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { fixedClock, tempDir } from '../../helpers/temp-dir';

export const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);

export async function call<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { data: r.error });
  return r.value as ResultOf<K>;
}

export async function fail<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<AppErrorData> {
  const r = await dispatch(ctx, name, args);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

export type Clock = ReturnType<typeof fixedClock>;

export async function office(code: string, name: string, level: OfficeLevel, clock: Clock = fixedClock(T0)) {
  const dataDir = path.join(tempDir(`x-${code}`), 'data');
  const ctx = await openContext({ dataDir, owner: 'test', clock });
  await initTestOffice(ctx, { code, name, level });
  return ctx;
}

/** Both offices import each other's card, confirming the fingerprint shown. */
export async function trustEachOther(...offices: AppContext[]) {
  for (const a of offices) {
    const card = await call(a, 'exchange.card', {});
    for (const b of offices) {
      if (a !== b) await call(b, 'exchange.trust', { text: card.text, fingerprint: card.fingerprint });
    }
  }
}

/** Exports from `from` to `to` and returns the bundle as base64 (what the preview downloads). */
export async function exportTo(from: AppContext, to: AppContext, full = false): Promise<string> {
  const r = await call(from, 'exchange.export', { to: to.office!.code, full });
  return r.base64!;
}

export async function importInto(ctx: AppContext, data: string) {
  return call(ctx, 'exchange.import', { data });
}

/** The bytes of every file of the store folder, to prove a refused import wrote nothing. */
export function storeBytes(ctx: AppContext): Record<string, string> {
  const dir = path.join(ctx.dataDir, 'store');
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p).toString('base64');
  }
  return out;
}
