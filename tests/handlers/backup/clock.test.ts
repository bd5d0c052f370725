// Clock sanity (issue 11): a PC clock behind the newest record is warned about at start and at sign-in; a bundle
// made more than a day "in the future" leaves a notice; the hybrid logical clock keeps new stamps after the newest.
import path from 'node:path';
import { openContext } from '../../../electron/app/context';
import { hlcDate } from '../../../electron/store/hlc';
import { openSignedIn } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { call, exportTo, importInto, T0, trustEachOther } from '../exchange/exchange-helpers';
import { initTestOffice } from '../../helpers/office';

afterEach(cleanupTempDirs);

test('a clock set back a day: warned at sign-in, and new records still sort after the newest', async () => {
  const dataDir = path.join(tempDir('clock'), 'data');
  const clock = fixedClock(T0);
  let ctx = await openContext({ dataDir, owner: 'test', clock });
  await initTestOffice(ctx, { code: '445202', name: '榕城区民政局', level: 'county' });
  ctx.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张小明' } }], ctx.user);
  expect((await call(ctx, 'app.status', {})).clockWarning).toBeNull();
  await ctx.close();

  const behind = fixedClock(T0 - 86_400_000);
  ctx = await openSignedIn({ dataDir, owner: 'test', clock: behind });
  const warning = (await call(ctx, 'app.status', {})).clockWarning;
  expect(warning).toContain('本机时钟（2026年11月27日');
  expect(warning).toContain('早于已保存的最新记录（2026年11月28日');
  const [op] = ctx.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张晓明' } }], ctx.user);
  expect(hlcDate(op!.hlc).getTime()).toBeGreaterThanOrEqual(T0);
  await ctx.close();
});

test('a bundle made more than a day after this PC\'s now leaves a clock notice', async () => {
  const mk = async (code: string, name: string, clock: ReturnType<typeof fixedClock>) => {
    const c = await openContext({ dataDir: path.join(tempDir(`c-${code}`), 'data'), owner: 'test', clock });
    await initTestOffice(c, { code, name, level: code === '445200' ? 'city' : 'county' });
    return c;
  };
  const county = await mk('445202', '榕城区民政局', fixedClock(T0 + 3 * 86_400_000));
  const city = await mk('445200', '揭阳市民政局', fixedClock(T0));
  await trustEachOther(county, city);
  county.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张小明' } }], county.user);
  await importInto(city, await exportTo(county, city));
  const notices = (await call(city, 'app.status', {})).notices;
  expect(notices.find((n) => n.code === 'CLOCK_BEHIND')?.message).toContain('比本机时钟（2026年11月28日');
  await county.close();
  await city.close();
});
