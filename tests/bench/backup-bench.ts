// Backups at city scale (issue 11): writing the backup of a sealed store and reading it back whole (verify), each
// beside its floor in the same run — a plain copy of the same bytes with one fsync, and a plain read of them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deriveBackupKey, readBody, writeBackup, type BackupSource } from '../../electron/backup/backup-file';

const now = () => performance.now();

function storeSources(storeDir: string): BackupSource[] {
  const out: BackupSource[] = [];
  for (const f of fs.readdirSync(storeDir)) {
    const p = path.join(storeDir, f);
    if (fs.statSync(p).isFile()) out.push({ name: `store/${f}`, file: p });
  }
  const tables = path.join(storeDir, 'tables');
  for (const f of fs.readdirSync(tables)) out.push({ name: `store/tables/${f}`, file: path.join(tables, f) });
  return out;
}

export async function backupBench(storeDir: string, work: string): Promise<void> {
  const sources = storeSources(storeDir);
  const bytes = sources.reduce((n, s) => n + fs.statSync(s.file).size, 0);
  const bk = deriveBackupKey('Bench2026passphrase', crypto.randomBytes(16), 10);
  const file = path.join(work, 'bench.gbak');

  let t = now();
  await writeBackup(file, sources, bk, (content) => ({
    format: 'guanai-backup-manifest',
    version: 1,
    office: { code: '445200', name: 'bench', level: 'city', fingerprint: '' },
    createdAt: new Date().toISOString(),
    createdBy: 'bench',
    createdByName: 'bench',
    kind: 'cli',
    operations: 0,
    tables: {},
    summary: { children: 0, meetings: 0, tasks: 0 },
    ...content,
  }));
  const writeMs = now() - t;

  // Floor: the same bytes copied into one file, read in the same 1 MiB chunks, fsynced once.
  t = now();
  const copy = path.join(work, 'copy.bin');
  const fd = fs.openSync(copy, 'w');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let at = 0;
  for (const s of sources) {
    const src = fs.openSync(s.file, 'r');
    for (let n; (n = fs.readSync(src, buf, 0, buf.length, null)) > 0; at += n) fs.writeSync(fd, buf, 0, n, at);
    fs.closeSync(src);
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const copyMs = now() - t;

  t = now();
  await readBody(file, bk);
  const verifyMs = now() - t;
  t = now();
  const rfd = fs.openSync(copy, 'r');
  while (fs.readSync(rfd, buf, 0, buf.length, null) > 0);
  fs.closeSync(rfd);
  const readMs = now() - t;

  const mb = (bytes / 1e6).toFixed(0);
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log('');
  console.log(`${'backup write (sealed store)'.padEnd(34)} ${mb} MB in ${(writeMs / 1000).toFixed(1)} s; plain copy ${(copyMs / 1000).toFixed(1)} s → ${r(writeMs, copyMs)}`);
  console.log(`${'backup verify (read whole, hash)'.padEnd(34)} ${(verifyMs / 1000).toFixed(1)} s; plain read ${(readMs / 1000).toFixed(1)} s → ${r(verifyMs, readMs)}`);
  fs.rmSync(file, { force: true });
  fs.rmSync(copy, { force: true });
}
