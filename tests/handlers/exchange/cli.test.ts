// The CLI on the same handlers: card, trust, export, verify, import (dry run, applied, replay, refused).
import fs from 'node:fs';
import { openSignedIn } from '../../helpers/office';
import path from 'node:path';
import { runCli } from '../../../electron/cli/run';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { T0 } from './exchange-helpers';

jest.setTimeout(60_000);

afterEach(() => cleanupTempDirs());

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), clock: fixedClock(T0) });
  return { code, out, err };
}

test('guanai office card / office trust / bundle export / verify / import', async () => {
  const root = tempDir('cli-x');
  const county = path.join(root, 'county');
  const city = path.join(root, 'city');
  expect((await cli(['init', '--data', county, '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county'])).code).toBe(0);
  expect((await cli(['init', '--data', city, '--office-code', '445200', '--office-name', '揭阳市民政局', '--level', 'city'])).code).toBe(0);
  const countyCard = path.join(root, 'county.json');
  const cityCard = path.join(root, 'city.json');
  expect((await cli(['office', 'card', '--data', county, '--out', countyCard])).code).toBe(0);
  expect((await cli(['office', 'card', '--data', city, '--out', cityCard])).code).toBe(0);
  const trusted = await cli(['office', 'trust', '--data', city, countyCard]);
  expect(trusted.code).toBe(0);
  const fp = JSON.parse(fs.readFileSync(countyCard, 'utf8')).fingerprint as string;
  expect(trusted.out).toContain(fp);
  expect((await cli(['office', 'trust', '--data', county, cityCard])).code).toBe(0);

  const ctx = await openSignedIn({ dataDir: county, owner: 'cli' });
  ctx.store!.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张小明' } }], ctx.user);
  ctx.store!.commit([{ entity: 'child', id: 'k2', set: { 'child.name': '李小红' } }], ctx.user);
  await ctx.close();

  const file = path.join(root, 'b.guanai');
  expect((await cli(['bundle', 'export', '--data', county, '--to', '445200', '--out', file])).code).toBe(0);
  const verify = await cli(['bundle', 'verify', '--data', city, file]);
  expect(verify.code).toBe(0);
  expect(verify.out).toContain('核验通过');

  const dry = await cli(['bundle', 'import', '--data', city, file, '--dry-run', '--json']);
  expect(dry.code).toBe(0);
  expect(JSON.parse(dry.out)).toMatchObject({ new: 2, updated: 0, unchanged: 0, conflicts: 0, applied: false });
  const applied = await cli(['bundle', 'import', '--data', city, file, '--json']);
  expect(JSON.parse(applied.out)).toMatchObject({ new: 2, applied: true });
  const replay = await cli(['bundle', 'import', '--data', city, file]);
  expect(replay.code).toBe(0);
  expect(replay.out).toContain('均已导入过');

  const info = await cli(['info', '--data', city, '--json']);
  expect(JSON.parse(info.out).counts.openConflicts).toBe(0);

  // Refused: the county cannot import its own bundle (addressed to the city, from an office it does not trust).
  const refused = await cli(['bundle', 'import', '--data', county, file, '--json']);
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('不能导入');
});
