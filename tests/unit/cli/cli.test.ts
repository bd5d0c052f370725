// The guanai command, run in-process on real folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../electron/cli/run';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(cleanupTempDirs);
jest.setTimeout(60_000);

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test('init creates the office with keys; info --json reports it', async () => {
  const data = path.join(tempDir(), 'office');
  const init = await cli('init', '--data', data, '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county');
  expect(init.code).toBe(0);
  expect(init.out).toContain('榕城区民政局');
  const info = await cli('info', '--data', data, '--json');
  expect(info.code).toBe(0);
  const json = JSON.parse(info.out);
  expect(json).toMatchObject({
    office: { code: '445202', name: '榕城区民政局', level: 'county', fingerprint: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){4}$/) },
    schemaVersion: 2,
    counts: { operations: expect.any(Number) },
  });
  // Private keys live only in the data folder, owner-only.
  const priv = path.join(data, 'keys', 'office-private.json');
  expect(fs.statSync(priv).mode & 0o077).toBe(0);
  // Sealed under the data key: no key material in the clear.
  expect(fs.readFileSync(priv).subarray(0, 5).toString()).toBe('GSEAL');
  expect(fs.readFileSync(priv, 'utf8')).not.toContain('MC4CAQAw'); // the PKCS8 prefix of an Ed25519/X25519 key
});

test.each([
  [['--office-code', '44520', '--office-name', '某单位', '--level', 'city'], '6 位数字'],
  [['--office-code', '445200', '--office-name', '', '--level', 'city'], '单位名称不能为空'],
  [['--office-code', '445200', '--office-name', '某单位', '--level', 'province'], '级别'],
])('init refuses bad input %j with a Chinese message and creates nothing', async (args, message) => {
  const data = path.join(tempDir(), 'office');
  const r = await cli('init', '--data', data, ...args);
  expect(r.code).toBe(2);
  expect(r.err).toContain(message);
  expect(fs.existsSync(path.join(data, 'office.json'))).toBe(false);
});

test('init refuses an already initialised folder', async () => {
  const data = path.join(tempDir(), 'office');
  await cli('init', '--data', data, '--office-code', '445200', '--office-name', '揭阳市民政局', '--level', 'city');
  const before = fs.readFileSync(path.join(data, 'office.json'));
  const again = await cli('init', '--data', data, '--office-code', '445200', '--office-name', '别的单位', '--level', 'city');
  expect(again.code).toBe(1);
  expect(again.err).toContain('已经初始化');
  expect(fs.readFileSync(path.join(data, 'office.json'))).toEqual(before);
});

test('doctor passes on a sound folder and names the damage (non-zero) on a damaged journal', async () => {
  const data = path.join(tempDir(), 'office');
  await cli('demo', '--data', data);
  const ok = await cli('doctor', '--data', data);
  expect(ok.code).toBe(0);
  expect(ok.out).toContain('检查通过');
  // The journal is sealed line by line: flip one byte in the middle of its fourth line.
  const journal = path.join(data, 'store', 'journal.log');
  const bytes = fs.readFileSync(journal);
  let at = 0;
  for (let line = 1; line < 4; line++) at = bytes.indexOf(10, at) + 1;
  bytes[at + 40] = bytes[at + 40] === 0x41 ? 0x42 : 0x41;
  fs.writeFileSync(journal, bytes);
  const bad = await cli('doctor', '--data', data, '--json');
  expect(bad.code).not.toBe(0);
  expect(JSON.parse(bad.out).problems.join('')).toMatch(/第 4 行已损坏/); // after the administrator's creation (3 operations)
});

test('unknown commands and options get a Chinese message and exit 2', async () => {
  expect((await cli('frobnicate')).err).toContain('不认识的命令');
  const r = await cli('info', '--data', tempDir(), '--colour');
  expect(r.code).toBe(2);
  expect(r.err).toContain('不认识的选项 --colour');
});

test('a folder in use by another program is refused', async () => {
  const data = path.join(tempDir(), 'office');
  await cli('init', '--data', data, '--office-code', '445200', '--office-name', '揭阳市民政局', '--level', 'city');
  fs.writeFileSync(
    path.join(data, 'guanai.lock'),
    JSON.stringify({ pid: process.ppid, host: os.hostname(), owner: 'desktop', since: '2026-11-28T08:00:00Z' }),
  );
  const r = await cli('info', '--data', data);
  expect(r.code).toBe(1);
  expect(r.err).toContain('正被另一个程序使用（桌面程序');
});
