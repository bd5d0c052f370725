// A real office with a store in a temp folder, on a fixed clock, for the ledger's handler tests.
import { initTestOffice } from '../../helpers/office';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ChildRecordInput } from '../../../electron/contract/schemas/child';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import type { AppErrorData } from '../../../electron/contract/errors';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { makeIdNumber } from '../../../electron/domain/ledger/id-number';
import { fixedClock, tempDir } from '../../helpers/temp-dir';
import { validChild } from '../../unit/ledger/child-fixture';

/** 2026-11-28 10:00 in China (02:00 UTC): "today" in every ledger test. */
export const TODAY_MS = Date.UTC(2026, 10, 28, 2, 0, 0);
export const DAY = 86_400_000;

export async function ledgerContext() {
  const clock = fixedClock(TODAY_MS);
  const ctx = await openContext({ dataDir: tempDir('ledger'), owner: 'test', clock });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
  return { ctx, clock };
}

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

/** A valid record with a given name, birth date and ID sequence (the sex follows the sequence's parity). */
export function child(name: string, birthDate = '2015-08-08', seq = 123, patch: (r: ChildRecordInput) => void = () => undefined) {
  const r = validChild();
  const idNumber = makeIdNumber('445202', birthDate, seq);
  r.child = { ...r.child, name, birthDate, idNumber, sex: seq % 2 === 1 ? '1' : '2' };
  patch(r);
  return r as unknown as Record<string, unknown>;
}
