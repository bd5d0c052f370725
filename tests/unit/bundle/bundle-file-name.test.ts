import { bundleFileName, MAX_FILE_NAME_CHARS } from '../../../electron/bundle/bundle-file-name';
import type { BundleManifest } from '../../../electron/bundle/bundle-manifest';

type NameInput = Parameters<typeof bundleFileName>[0];
const fp = 'ABCD-EFGH-JKMN-PQRS-TUVW';
const base: NameInput = {
  sender: { code: '445200', name: '揭阳市民政局', fingerprint: fp },
  recipient: { code: '445202', name: '榕城区民政局', fingerprint: fp },
  createdAt: '2026-11-28T07:30:00.000Z',
  ranges: { '445200': { from: 12, to: 57 } },
  counts: { operations: 46, byEntity: { task: 46 } },
};
const named = (over: Partial<NameInput>) => bundleFileName({ ...base, ...over });

it('says who sent what to whom and when, in Beijing time', () => {
  expect(bundleFileName(base)).toBe('关爱数据包_揭阳市民政局→榕城区民政局_2026-11-28_1530_第12-57号.guanai');
});

it('takes a whole manifest', () => {
  const manifest = { ...base, format: 'guanai-bundle', bundleId: 'x' } as unknown as BundleManifest;
  expect(bundleFileName(manifest)).toContain('第12-57号');
});

it('uses the Beijing date across midnight UTC', () => {
  expect(named({ createdAt: '2026-11-28T16:05:00.000Z' })).toContain('_2026-11-29_0005_');
});

it('describes single records, relayed records and empty bundles', () => {
  expect(named({ ranges: { '445200': { from: 7, to: 7 } } })).toContain('_第7号.guanai');
  expect(
    named({
      ranges: { '445200': { from: 12, to: 57 }, '445203': { from: 1, to: 4 } },
      counts: { operations: 50, byEntity: {} },
    }),
  ).toContain('_第12-57号等共50条.guanai');
  expect(
    named({ ranges: { '445203': { from: 1, to: 4 } }, counts: { operations: 4, byEntity: {} } }),
  ).toContain('_共4条.guanai');
  expect(named({ ranges: {}, counts: { operations: 0, byEntity: {} } })).toContain('_无新记录.guanai');
});

it('replaces characters Windows does not allow in file names', () => {
  const name = named({ sender: { ...base.sender, name: '揭阳市<民政>局:"办"/\\|?*' } });
  expect(name).not.toMatch(/[<>:"/\\|?*]/);
  expect(name).toContain('揭阳市_民政_局__办_____');
});

it('stays within the length limit with the longest names, keeping both ends recognisable', () => {
  const long = (c: string) => c.repeat(60);
  const name = named({
    sender: { ...base.sender, name: long('市') },
    recipient: { ...base.recipient, name: long('县') },
    ranges: { '445200': { from: 123456789, to: 987654321 } },
  });
  expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
  expect(name).toMatch(/^关爱数据包_市+…→县+…_2026-11-28_1530_第123456789-987654321号\.guanai$/);
});

it('gives a long name the room a short one does not use', () => {
  const name = named({ sender: { ...base.sender, name: '市'.repeat(60) + '办' } });
  expect(name).toContain('市'.repeat(60));
  expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
});
