// Every channel of the contract, sent wrong arguments (fields missing, of the wrong type, far too long, unknown
// keys): every message a person or the CLI's --json output could show is Chinese — no zod English default, no field
// key such as "guardianship.guardianKind".
import type { AppContext } from '../../../electron/app/context';
import { channels, type ChannelName } from '../../../electron/contract/channels';
import { childPathLabel } from '../../../electron/contract/field-labels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { badArgsFor } from '../../helpers/bad-args';
import { ledgerContext } from '../ledger/ledger-helpers';

/** Words allowed in a message: names of file formats and the like that a clerk knows. */
const ALLOWED = new Set(['Excel', 'CSV', 'PDF', 'WPS', 'xlsx', 'xls', 'ods', 'csv', 'HTML', 'JSON', 'json']);

function nonChinese(message: string): string[] {
  const words = message.match(/[A-Za-z_]{3,}/g) ?? [];
  const keys = message.match(/[A-Za-z]+\.[A-Za-z]+/g) ?? [];
  return [...words.filter((w) => !ALLOWED.has(w)), ...keys];
}

let ctx: AppContext;
beforeAll(async () => {
  ({ ctx } = await ledgerContext());
});
afterAll(async () => {
  await ctx.close();
  cleanupTempDirs();
});

test('every channel answers wrong arguments in Chinese only', async () => {
  const bad: string[] = [];
  let refused = 0;
  for (const name of Object.keys(channels) as ChannelName[]) {
    for (const { what, args } of badArgsFor(channels[name].args)) {
      const r = await dispatch(ctx, name, args);
      if (r.ok) continue;
      refused += 1;
      const messages = [r.error.message, ...Object.values(r.error.fields ?? {})];
      for (const m of messages) {
        const words = nonChinese(m);
        if (words.length > 0 || !/[\u4e00-\u9fff]/.test(m)) bad.push(`${name}（${what}）：${m}`);
      }
    }
  }
  expect(bad).toEqual([]);
  // The walk really reached the validation: most channels refuse most of the variants.
  expect(refused).toBeGreaterThan(Object.keys(channels).length * 3);
});

test('a ledger record with a group of the wrong shape names the group in Chinese', async () => {
  const r = await dispatch(ctx, 'children.create', { record: { child: { name: '张三' }, guardianship: 'abc' } });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(nonChinese(r.error.message)).toEqual([]);
  for (const m of Object.values(r.error.fields ?? {})) expect(nonChinese(m)).toEqual([]);
});

test('the import names a missing group of the record by its Chinese name, never its key', () => {
  expect(childPathLabel('guardianship')).toBe('实际监护情况');
  expect(childPathLabel('responsibility')).toBe('责任人');
  expect(childPathLabel('guardianship.guardianKind')).toBe('监护人类型');
  expect(nonChinese(childPathLabel('somethingNew'))).toEqual([]);
});
