// Durable whole-file writes: temp file, fsync, rename over the target, fsync the folder. After a crash the target is
// either the old or the new content, never a mix.
import fs from 'node:fs';
import path from 'node:path';

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Some filesystems (and Windows) refuse fsync on a directory; the rename is still atomic there.
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** fsyncDir without holding the event loop (a directory sync can take tens of milliseconds on a busy disk). */
export async function fsyncDirAsync(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * A new file written and synced under a temp name, then renamed into place, all without holding the event loop.
 * The folder is not synced: the caller syncs it once after writing several (then names them in a manifest).
 */
export async function writeNewFileAsync(target: string, content: Buffer, mode = 0o600): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  await writeSyncedAsync(tmp, content, mode);
  await fs.promises.rename(tmp, target);
}

/** Writes and fsyncs a file (a temp file, renamed over its target by the caller). */
async function writeSyncedAsync(file: string, content: string | Buffer, mode: number): Promise<void> {
  const handle = await fs.promises.open(file, 'w', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function writeFileDurably(file: string, content: string | Buffer, mode = 0o644): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(dir);
}

export async function writeFileDurablyAsync(file: string, content: string | Buffer, keepBackupAs?: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  await writeSyncedAsync(tmp, content, 0o600);
  if (keepBackupAs && fs.existsSync(file)) {
    // A hard link keeps the previous good file as the backup without copying it; the rename below then swaps
    // only the main name, so at every instant at least one complete file exists.
    fs.rmSync(keepBackupAs, { force: true });
    fs.linkSync(file, keepBackupAs);
  }
  await fs.promises.rename(tmp, file);
  await fsyncDirAsync(dir);
}
