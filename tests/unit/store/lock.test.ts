import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireLock } from '../../../electron/store/lock';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(cleanupTempDirs);

test('a second process is refused with a clear message while the lock is held', () => {
  const dir = tempDir();
  const lock = acquireLock(dir, 'preview');
  // Pretend the holder is another live process: our parent.
  const file = path.join(dir, 'guanai.lock');
  const info = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...info, pid: process.ppid }));
  expect(() => acquireLock(dir, 'cli')).toThrow(expect.objectContaining({ code: 'LOCKED', message: expect.stringContaining('浏览器预览') }));
  fs.writeFileSync(file, JSON.stringify(info));
  lock.release();
  expect(fs.existsSync(file)).toBe(false);
});

test('a stale lock left by a dead process is recovered', () => {
  const dir = tempDir();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  fs.writeFileSync(
    path.join(dir, 'guanai.lock'),
    JSON.stringify({ pid: Number(dead), host: os.hostname(), owner: 'desktop', since: '2026-11-01T00:00:00Z' }),
  );
  const lock = acquireLock(dir, 'cli');
  expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
  lock.release();
});

test('a half-written lock file counts as stale', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'guanai.lock'), '{"pid":12');
  const lock = acquireLock(dir, 'cli');
  lock.release();
});
