// `guanai backup create | verify | restore` through bin.cjs, as IT staff run them: create → verify → restore into a
// new folder → the identical ledger; a wrong passphrase, a flipped byte and a non-empty target refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

jest.setTimeout(180_000);
afterAll(cleanupTempDirs);

const bin = path.resolve(__dirname, '../../../electron/cli/bin.cjs');
const PASS = 'Beifen2026kouling';
const env = { ...process.env, GUANAI_USER: 'admin', GUANAI_PASSWORD: 'Guanai2026test', GUANAI_BACKUP_PASSPHRASE: PASS };
const guanai = (extra: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...env, ...extra }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('create → verify → restore gives the same ledger; damage and a wrong passphrase are refused', () => {
  const root = tempDir('cli-backup');
  const data = path.join(root, 'data');
  expect(guanai({}, 'demo', '--data', data).code).toBe(0);
  const before = guanai({}, 'ledger', 'list', '--data', data, '--json');
  expect(before.code).toBe(0);
  const children = JSON.parse(before.out) as unknown[];
  expect(children.length).toBeGreaterThan(100);

  const usb = path.join(root, 'usb');
  fs.mkdirSync(usb);
  const made = guanai({}, 'backup', 'create', '--data', data, '--out', usb, '--json');
  expect(made.code).toBe(0);
  const manifest = JSON.parse(made.out);
  expect(manifest).toMatchObject({ office: { code: '445200' }, kind: 'cli', summary: { children: children.length } });
  const file = manifest.file as string;
  expect(path.dirname(file)).toBe(usb);

  const verified = guanai({}, 'backup', 'verify', file, '--json');
  expect(verified.code).toBe(0);
  expect(JSON.parse(verified.out)).toMatchObject({ ok: true, contentHash: manifest.contentHash });
  const wrong = guanai({ GUANAI_BACKUP_PASSPHRASE: 'Falsch2026kouling' }, 'backup', 'verify', file);
  expect(wrong.code).toBe(1);
  expect(wrong.err).toContain('备份口令不正确');

  const bytes = fs.readFileSync(file);
  const flipped = path.join(root, 'flipped.gbak');
  const bad = Buffer.from(bytes);
  bad[Math.floor(bad.length / 2)] ^= 0x10;
  fs.writeFileSync(flipped, bad);
  const damaged = guanai({}, 'backup', 'verify', flipped);
  expect(damaged.code).toBe(1);
  expect(damaged.err).toContain('备份文件已损坏或被改动');
  const notRestored = path.join(root, 'from-flipped');
  expect(guanai({}, 'backup', 'restore', flipped, '--out', notRestored).code).toBe(1);
  expect(fs.existsSync(notRestored)).toBe(false);

  const busy = path.join(root, 'busy');
  fs.mkdirSync(busy);
  fs.writeFileSync(path.join(busy, 'keep.txt'), '别动');
  const refused = guanai({}, 'backup', 'restore', file, '--out', busy);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('不是空的');
  expect(fs.readdirSync(busy)).toEqual(['keep.txt']);

  const restored = path.join(root, 'restored');
  const r = guanai({}, 'backup', 'restore', file, '--out', restored, '--json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ ok: true, problems: [] });
  const after = guanai({}, 'ledger', 'list', '--data', restored, '--json');
  expect(after.code).toBe(0);
  expect(JSON.parse(after.out)).toEqual(children);
  expect(guanai({}, 'doctor', '--data', restored).code).toBe(0);
});
