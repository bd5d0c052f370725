// The CLI as a person: init with the first administrator and a recovery code, --user / GUANAI_USER with the
// password from the environment, 用户名或密码错误 and 无权限, people commands, the audit trail, and a folder from
// before accounts secured on first open.
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../electron/cli/run';
import { generateIdentity, saveIdentity } from '../../../electron/identity/identity';
import { Store } from '../../../electron/store/store';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(cleanupTempDirs);
jest.setTimeout(120_000);

const ADMIN_PW = 'Admin2026pass';

async function cli(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), passwords: { env }, kdfLogN: 10 });
  return { code, out, err };
}

async function office(): Promise<string> {
  const data = path.join(tempDir(), 'office');
  const r = await cli({ GUANAI_PASSWORD: ADMIN_PW }, 'init', '--data', data, '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county', '--admin', 'wang', '--admin-name', '王主任', '--json');
  expect(r.code).toBe(0);
  return data;
}

test('init --json prints the office, the administrator and the recovery code once', async () => {
  const data = path.join(tempDir(), 'office');
  const r = await cli({ GUANAI_PASSWORD: ADMIN_PW }, 'init', '--data', data, '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county', '--json');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(json).toMatchObject({ office: { code: '445202' }, admin: 'admin', recoveryCode: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/) });
  // The code is never stored in the clear.
  for (const f of fs.readdirSync(data, { recursive: true }) as string[]) {
    const p = path.join(data, f);
    if (fs.statSync(p).isFile()) expect(fs.readFileSync(p, 'utf8')).not.toContain(json.recoveryCode);
  }
  const weak = await cli({ GUANAI_PASSWORD: 'short' }, 'init', '--data', path.join(tempDir(), 'o2'), '--office-code', '445202', '--office-name', '某', '--level', 'county');
  expect(weak.code).toBe(2);
  expect(weak.err).toContain('密码至少 8 位');
});

test('every command acts as a person: no user, a wrong password, a role that may not', async () => {
  const data = await office();
  const none = await cli({ GUANAI_PASSWORD: ADMIN_PW }, 'info', '--data', data);
  expect(none.code).toBe(2);
  expect(none.err).toContain('--user');
  const wrong = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: 'Wrong2026pass' }, 'info', '--data', data);
  expect(wrong.code).toBe(1);
  expect(wrong.err).toContain('用户名或密码错误');

  const add = await cli({ GUANAI_PASSWORD: ADMIN_PW, GUANAI_NEW_PASSWORD: 'Chayue2026' }, 'user', 'add', '--data', data, '--user', 'wang', '--login', 'chayue', '--name', '林美华', '--role', 'viewer');
  expect(add.code).toBe(0);
  // The first password must be changed first, in the CLI as in the app.
  const first = await cli({ GUANAI_USER: 'chayue', GUANAI_PASSWORD: 'Chayue2026' }, 'ledger', 'list', '--data', data, '--json');
  expect(first.code).toBe(1);
  expect(first.err).toContain('请先修改密码');
  const passwd = await cli({ GUANAI_USER: 'chayue', GUANAI_PASSWORD: 'Chayue2026', GUANAI_NEW_PASSWORD: 'Chayue2027' }, 'user', 'passwd', '--data', data);
  expect(passwd.code).toBe(0);
  const denied = await cli({ GUANAI_USER: 'chayue', GUANAI_PASSWORD: 'Chayue2027' }, 'ledger', 'list', '--data', data, '--json');
  expect(denied.code).toBe(1);
  expect(denied.err).toContain('无权限');

  const list = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: ADMIN_PW }, 'user', 'list', '--data', data, '--json');
  expect(JSON.parse(list.out)).toEqual([
    { login: 'chayue', name: '林美华', role: 'viewer', disabled: false, lastSignIn: expect.any(String) },
    { login: 'wang', name: '王主任', role: 'admin', disabled: false, lastSignIn: expect.any(String) },
  ]);
  const dis = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: ADMIN_PW }, 'user', 'disable', '--data', data, '--login', 'chayue');
  expect(dis.code).toBe(0);
  const gone = await cli({ GUANAI_USER: 'chayue', GUANAI_PASSWORD: 'Chayue2027' }, 'info', '--data', data);
  expect(gone.err).toContain('用户名或密码错误');

  const audit = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: ADMIN_PW }, 'audit', 'list', '--data', data, '--json', '--since', '2020-01-01');
  const entries = JSON.parse(audit.out) as { user: string; action: string }[];
  expect(entries[0]).toEqual({ at: expect.any(String), user: 'wang', action: 'user.add', target: '人员 wang', detail: expect.any(String) });
  expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['signin.fail', 'forbidden', 'user.disable', 'password.change']));
  // The failed attempt (made while the data was closed) is attributed to the login typed.
  expect(entries).toContainEqual(expect.objectContaining({ action: 'signin.fail', user: 'wang' }));
  const verify = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: ADMIN_PW }, 'audit', 'verify', '--data', data);
  expect(verify).toMatchObject({ code: 0, out: expect.stringContaining('审计日志完整') });
});

test('a forgotten administrator password is reset with the recovery code', async () => {
  const data = path.join(tempDir(), 'office');
  const init = await cli({ GUANAI_PASSWORD: ADMIN_PW }, 'init', '--data', data, '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county', '--json');
  const { recoveryCode } = JSON.parse(init.out) as { recoveryCode: string };
  const bad = await cli({ GUANAI_NEW_PASSWORD: 'Newpass2026' }, 'user', 'reset-password', '--data', data, '--login', 'admin', '--recovery-code', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('恢复码不正确') });
  const ok = await cli({ GUANAI_NEW_PASSWORD: 'Newpass2026' }, 'user', 'reset-password', '--data', data, '--login', 'admin', '--recovery-code', recoveryCode.toLowerCase());
  expect(ok.code).toBe(0);
  expect((await cli({ GUANAI_USER: 'admin', GUANAI_PASSWORD: ADMIN_PW }, 'info', '--data', data)).code).toBe(1);
  expect((await cli({ GUANAI_USER: 'admin', GUANAI_PASSWORD: 'Newpass2026' }, 'info', '--data', data)).code).toBe(0);
});

test('a folder from before accounts is secured on first open by an administrator; its history keeps 本机用户', async () => {
  const data = path.join(tempDir(), 'legacy');
  // The layout the previous version wrote: identity, a plaintext store, no keyring.
  const identity = generateIdentity({ code: '445202', name: '榕城区民政局', level: 'county' }, new Date('2026-11-01T00:00:00Z'));
  await Store.create(path.join(data, 'store'), '445202');
  saveIdentity(data, identity);
  const store = await Store.open(path.join(data, 'store'), { office: '445202' });
  store.commit([{ entity: 'child', id: 'k1', set: { 'child.name': '张小明' } }], 'local-user');
  await store.close();

  const r = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: ADMIN_PW }, 'info', '--data', data, '--json');
  expect(r.code).toBe(0);
  expect(r.err).toContain('旧版本的数据文件夹');
  expect(r.err).toMatch(/恢复码.*[2-9A-Z]{4}-/);
  expect(fs.existsSync(path.join(data, 'keys', 'access.json'))).toBe(true);
  const again = await cli({ GUANAI_USER: 'wang', GUANAI_PASSWORD: ADMIN_PW }, 'audit', 'list', '--data', data, '--json');
  expect(again.err).not.toContain('旧版本');
  expect(JSON.parse(again.out)).toContainEqual(expect.objectContaining({ action: 'migrate', user: 'wang' }));
  const other = await cli({ GUANAI_USER: 'li', GUANAI_PASSWORD: 'Other2026pass' }, 'info', '--data', data);
  expect(other.err).toContain('用户名或密码错误');
});
