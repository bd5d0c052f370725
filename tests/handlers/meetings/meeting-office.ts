// The city joint-meeting office the meetings suites start from (the notice's composition set up), and the two ways
// they call a channel: expecting success, or expecting a refusal that wrote nothing and speaks Chinese only.
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { initTestOffice } from '../../helpers/office';
import { tempDir } from '../../helpers/temp-dir';

export const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

export async function callOn<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}`), r.error);
  return r.value as ResultOf<K>;
}

/** A refusal: its error, and proof that nothing was written. */
export async function refusedOn<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>) {
  const before = ctx.store!.counts().operations;
  const r = await dispatch(ctx, name, args);
  if (r.ok) throw new Error(`${name} should have been refused`);
  expect(ctx.store!.counts().operations).toBe(before);
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(r.error.message).not.toMatch(/[a-zA-Z]{4,}/);
  return r.error;
}

/** The city office with the notice's composition, in a new temp folder. */
export async function cityOffice(label: string, clock: () => number): Promise<{ ctx: AppContext; dataDir: string }> {
  const dataDir = path.join(tempDir(label), 'data');
  const ctx = await openContext({ dataDir, owner: 'test', clock });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', level: 'city' });
  await callOn(ctx, 'composition.setup', { mode: 'template' });
  return { ctx, dataDir };
}

export const CITY_MINUTES_SETTINGS = {
  copyLabel: '抄报',
  copyTo: ['市人民政府'],
  mark: '揭阳市农村留守儿童关爱保护工作联席会议纪要',
  issuer: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
} as const;
