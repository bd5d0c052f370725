// One process at a time per data folder. The desktop app, the browser preview and the CLI all take this lock; a lock
// left by a process that no longer exists is recovered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/errors';

export type LockOwner = 'desktop' | 'preview' | 'cli' | 'test';
const ownerNames: Record<LockOwner, string> = {
  desktop: '桌面程序',
  preview: '浏览器预览',
  cli: '命令行工具',
  test: '测试',
};

interface LockInfo {
  pid: number;
  host: string;
  owner: LockOwner;
  since: string;
}

export interface FolderLock {
  file: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(dataDir: string, owner: LockOwner): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'guanai.lock');
  const info: LockInfo = { pid: process.pid, host: os.hostname(), owner, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            const held = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
            if (held.pid === process.pid) fs.rmSync(file, { force: true });
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let held: LockInfo | undefined;
    try {
      held = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    } catch {
      held = undefined; // An unreadable lock (written half when its process died) is stale.
    }
    if (held && held.host === os.hostname() && held.pid !== process.pid && alive(held.pid)) {
      throw new AppError(
        'LOCKED',
        `数据文件夹正被另一个程序使用（${ownerNames[held.owner] ?? held.owner}，进程号 ${held.pid}，自 ${held.since.slice(0, 19).replace('T', ' ')} 起）。请先关闭它再试。`,
      );
    }
    if (held && held.host !== os.hostname()) {
      throw new AppError(
        'LOCKED',
        `数据文件夹被另一台电脑（${held.host}）上的程序占用。若那台电脑已不再使用它，请删除文件 ${file} 后再试。`,
      );
    }
    // Stale: the process that held it is gone.
    fs.rmSync(file, { force: true });
  }
  throw new AppError('LOCKED', '无法获得数据文件夹的使用权，请稍后再试。');
}
