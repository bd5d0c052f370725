// The list finds a child by the parents', the entrusted guardian's and the grandparents' names too — by the name,
// its pinyin initials or its full pinyin — and follows an edit of those names without rebuilding the index.
import type { AppContext } from '../../../electron/app/context';
import { ledgerIndex } from '../../../electron/handlers/ledger-index';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, ledgerContext } from './ledger-helpers';

let ctx: AppContext;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const names = async (search: string) =>
  (await call(ctx, 'children.list', { search, sort: { field: 'name', dir: 'asc' } })).rows.map((r) => r.name);

test('search by father, mother, entrusted guardian and grandmother, by name and pinyin', async () => {
  const record = child('陈小燕', '2015-08-08', 124, (r) => {
    r.father = { ...r.father!, name: '陈建国' };
    r.mother = { ...r.mother!, name: '黄美玲' };
    r.entrustedGuardian = { ...r.entrustedGuardian!, name: '欧阳春花' };
    r.grandparents = { ...r.grandparents!, paternalGrandmother: { name: '林秀兰', birthDate: '1960-02-02' } };
  });
  const { id } = await call(ctx, 'children.create', { record });
  await call(ctx, 'children.create', { record: child('张小明', '2016-01-01', 125) });

  expect(await names('陈建国')).toEqual(['陈小燕']);
  expect(await names('美玲')).toEqual(['陈小燕']);
  expect(await names('hml')).toEqual(['陈小燕']);
  expect(await names('ouyang')).toEqual(['陈小燕']);
  expect(await names('lxl')).toEqual(['陈小燕']);
  // The child's own name still works, and initials never run across two names (…y|h… of 陈小燕 and 黄美玲).
  expect(await names('cxy')).toEqual(['陈小燕']);
  expect(await names('yh')).toEqual([]);

  const rebuilds = ledgerIndex(ctx.store!).rebuilds;
  const view = await call(ctx, 'children.reveal', { id, purpose: 'edit' });
  await call(ctx, 'children.update', { id, record: { ...view.record, mother: { ...view.record.mother, name: '吴丽' } } });
  expect(await names('黄美玲')).toEqual([]);
  expect(await names('wl')).toEqual(['陈小燕']);
  expect(ledgerIndex(ctx.store!).rebuilds).toBe(rebuilds);
});
