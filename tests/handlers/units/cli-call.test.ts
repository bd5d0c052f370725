// `guanai call` through bin.cjs, as IT staff and scripts run it: any channel through the dispatcher, as the
// signed-in person (validation, roles, audit), the result as JSON; refusals exit non-zero with the Chinese message.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(180_000);
afterAll(cleanupTempDirs);

const bin = path.resolve(__dirname, '../../../electron/cli/bin.cjs');
const env = { ...process.env, GUANAI_USER: 'admin', GUANAI_PASSWORD: 'Guanai2026test' };
const guanai = (extra: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('guanai call reads and writes through the dispatcher, refuses a role and bad JSON in Chinese', () => {
  const data = path.join(tempDir('cli-call'), 'data');
  expect(guanai({}, 'demo', '--data', data).code).toBe(0);

  const read = guanai({}, 'call', '--data', data, 'composition.get', '--args', '{"date":"2017-03-20"}', '--json');
  expect(read.code).toBe(0);
  const view = JSON.parse(read.out) as { date: string; units: { id: string; name: string }[]; posts: { personName: string; unitName: string }[] };
  expect(view.date).toBe('2017-03-20');
  expect(view.units.find((u) => u.id === 'fupin')!.name).toBe('市扶贫办');
  expect(view.posts.find((p) => p.personName === '陈家斌')!.unitName).toBe('市政府');

  const write = guanai({}, 'call', '--data', data, 'units.rename', '--args', JSON.stringify({ unitId: 'fupin', name: '市乡村振兴局', from: '2021-06-01' }));
  expect(write.code).toBe(0);
  expect(JSON.parse(write.out)).toMatchObject({ id: 'fupin', name: '市乡村振兴局' });
  const before = JSON.parse(guanai({}, 'call', '--data', data, 'composition.get', '--args', '{"date":"2021-05-31"}').out);
  expect(before.units.find((u: { id: string }) => u.id === 'fupin').name).toBe('市扶贫办');
  // The demo's 机构改革: 市地税局 until 2018-07-20, then 国家税务总局揭阳市税务局.
  expect(view.units.find((u) => u.id === 'dishui')!.name).toBe('市地税局');
  const now = JSON.parse(guanai({}, 'call', '--data', data, 'composition.get').out);
  expect(now.units.find((u: { id: string }) => u.id === 'dishui').name).toBe('国家税务总局揭阳市税务局');

  // The demo's viewer (查阅) may read but not change the composition.
  const accounts = JSON.parse(fs.readFileSync(path.join(data, 'demo-accounts.json'), 'utf8')) as { accounts: { login: string; password: string; role: string }[] };
  const viewer = accounts.accounts.find((a) => a.role === 'viewer')!;
  const as = { GUANAI_USER: viewer.login, GUANAI_PASSWORD: viewer.password };
  expect(guanai(as, 'call', '--data', data, 'tasks.list').code).toBe(0);
  const refused = guanai(as, 'call', '--data', data, 'units.rename', '--args', JSON.stringify({ unitId: 'fupin', name: '甲', from: '2022-01-01' }));
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('无权限');
  expect(refused.out).toBe('');

  const invalid = guanai({}, 'call', '--data', data, 'units.rename', '--args', '{"unitId":"fupin"}', '--json');
  expect(invalid.code).not.toBe(0);
  expect(invalid.err).toMatch(/错误：填写的内容有误/);
  expect(JSON.parse(invalid.out)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });

  const badJson = guanai({}, 'call', '--data', data, 'composition.get', '--args', '{date:2018}');
  expect(badJson.code).toBe(2);
  expect(badJson.err).toContain('--args 不是有效的 JSON');
  expect(badJson.err).not.toMatch(/Unexpected|SyntaxError/);

  const unknown = guanai({}, 'call', '--data', data, 'no.such');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('没有名为“no.such”的功能');

  // The change was made by the signed-in person and audited like any other.
  const audit = JSON.parse(guanai({}, 'audit', 'list', '--data', data, '--json').out) as { user: string; action: string; detail: string }[];
  expect(audit.some((e) => e.action === 'forbidden' && e.user === viewer.login)).toBe(true);
});
