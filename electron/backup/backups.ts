// Making backups of an open data folder (issue 11): by hand to a folder or USB stick, automatically (daily and on
// quit) into DATA/backups, keeping the last 7 daily and 4 weekly ones. A backup is taken at one consistent point
// (see Store.atRest): the snapshot and table files are hard-linked into a staging folder in the same tick, so a
// snapshot written meanwhile cannot change what the backup holds, and the journal is read up to its length then.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app/context';
import { requireStore, storeDirOf } from '../app/context';
import { displayName } from '../accounts/users';
import { AppError } from '../contract/errors';
import { fsyncDir } from '../store/durable-file';
import { lostText } from '../store/journal-check';
import { BACKUP_EXTENSION, writeBackup, type BackupKey, type BackupManifest, type BackupSource } from './backup-file';

export const backupsDirOf = (dataDir: string) => path.join(dataDir, 'backups');

/** The small files of a data folder that a backup carries besides the store. */
const FOLDER_FILES = ['office.json', 'notices.json', 'demo-accounts.json'];

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** `关爱备份-445200-20261207-183000.gbak` (local time of the office PC: what the clerk sees on the clock). */
export function backupFileName(code: string, at: Date, kind: BackupManifest['kind']): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  const tag = kind === 'daily' ? '-每日' : kind === 'quit' ? '-退出' : '';
  return `关爱备份-${code}-${stamp}${tag}${BACKUP_EXTENSION}`;
}

/** Writes a backup of the open folder to `out`. Returns its manifest. */
export async function createBackup(ctx: AppContext, out: string, bk: BackupKey, kind: BackupManifest['kind']): Promise<BackupManifest> {
  const store = requireStore(ctx);
  const office = ctx.office!;
  const staging = path.join(backupsDirOf(ctx.dataDir), `.staging-${crypto.randomUUID()}`);
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    // Damage in the journal goes into the backup with it: say so in its manifest, so nobody restores it unawares.
    const damage = store.checkJournal();
    const createdAt = new Date(ctx.clock());
    const createdBy = ctx.user;
    const { sources, operations, tables } = await store.atRest((point) => {
      const sources: BackupSource[] = [];
      const stage = (name: string, from: string) => {
        if (!fs.existsSync(from)) return;
        const to = path.join(staging, name.replaceAll('/', '__'));
        linkOrCopy(from, to);
        sources.push({ name, file: to });
      };
      for (const f of FOLDER_FILES) stage(f, path.join(ctx.dataDir, f));
      const keysDir = path.join(ctx.dataDir, 'keys');
      if (fs.existsSync(keysDir)) for (const f of fs.readdirSync(keysDir).sort()) if (f.endsWith('.json')) stage(`keys/${f}`, path.join(keysDir, f));
      stage('store/state.json', point.manifest);
      for (const t of point.tables) stage(`store/tables/${path.basename(t)}`, t);
      sources.push({ name: 'store/journal.log', file: point.journal, length: point.journalBytes });
      const counts = store.counts();
      return { sources, operations: counts.operations, tables: counts.entities };
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const manifest = await writeBackup(out, sources, bk, (content) => ({
      format: 'guanai-backup-manifest',
      version: 1,
      office: { code: office.code, name: office.name, level: office.level, fingerprint: office.fingerprint },
      createdAt: createdAt.toISOString(),
      createdBy,
      createdByName: displayName(store, createdBy),
      kind,
      operations,
      tables,
      summary: { children: tables.child ?? 0, meetings: tables.meeting ?? 0, tasks: tables.task ?? 0 },
      ...(damage.lines.length ? { journalDamage: { lines: damage.lines.length, detail: lostText(damage) } } : {}),
      ...content,
    }));
    fsyncDir(path.dirname(out));
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export interface LocalBackup {
  name: string;
  file: string;
  /** From the file's time (the manifest needs the key). */
  at: Date;
  kind: 'daily' | 'quit' | 'other';
}

/** The automatic backups in DATA/backups, newest first. */
export function localBackups(dataDir: string): LocalBackup[] {
  const dir = backupsDirOf(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(BACKUP_EXTENSION))
    .map((name) => {
      const file = path.join(dir, name);
      const kind: LocalBackup['kind'] = name.includes('-每日') ? 'daily' : name.includes('-退出') ? 'quit' : 'other';
      return { name, file, at: fs.statSync(file).mtime, kind };
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

const DAY = 86_400_000;

/**
 * Which automatic backups to keep: the newest of each of the last `daily` days that have one, and the newest of each
 * of the last `weekly` weeks before those. Everything else is removed. Backups made by hand are never removed.
 */
export function pruneBackups(dataDir: string, daily = 7, weekly = 4, alsoKeep: ReadonlySet<string> = new Set()): string[] {
  // Staging folders of backups cut off by a crash (never those of a backup under way: an hour is ample).
  const dir = backupsDirOf(dataDir);
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      if (f.startsWith('.staging-') && Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { recursive: true, force: true });
    }
  }
  const autos = localBackups(dataDir).filter((b) => b.kind !== 'other');
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<number>();
  for (const b of autos) {
    const day = b.at.toISOString().slice(0, 10);
    if (days.size < daily && !days.has(day)) {
      days.add(day);
      keep.add(b.file);
      continue;
    }
    if (days.has(day)) continue;
    const week = Math.floor(b.at.getTime() / (7 * DAY));
    if (weeks.size < weekly && !weeks.has(week)) {
      weeks.add(week);
      keep.add(b.file);
    }
  }
  const removed: string[] = [];
  for (const b of autos) {
    if (keep.has(b.file) || alsoKeep.has(b.name)) continue;
    fs.rmSync(b.file, { force: true });
    removed.push(b.name);
  }
  return removed;
}

export function assertNotInside(dataDir: string, out: string): void {
  const rel = path.relative(storeDirOf(dataDir), out);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) throw new AppError('REFUSED', '备份文件不能保存在数据文件夹的 store 目录中。');
}
