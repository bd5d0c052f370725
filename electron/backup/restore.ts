// Restoring a backup (issue 11). Always into a new folder first: the backup's files are written there, the content
// hash and tag are checked, then the full integrity check runs on it (every journal line, the snapshot against the
// fold of the journal). Only a restore that passes is switched in, and what it replaces is moved aside into
// DATA/replaced-<time>/, never overwritten. The switch is a series of renames recorded in DATA/restore-swap.json
// first, so a crash part way is finished at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';
import { fsyncDir, writeFileDurably } from '../store/durable-file';
import { checkIntegrity } from '../store/integrity';
import type { Sealer } from '../store/sealed';
import type { State } from '../store/state';
import { readBody, type BackupKey, type BackupManifest } from './backup-file';

/** What a data folder is made of, as far as a restore replaces it. The lock, backups and exchange folder stay. */
export const FOLDER_ITEMS = ['office.json', 'notices.json', 'demo-accounts.json', 'keys', 'store'] as const;

const swapFile = (dataDir: string) => path.join(dataDir, 'restore-swap.json');

/** Present while a restore is still writing a folder: such a folder is refused, never opened as data. */
export const unfinishedMarker = (dir: string) => path.join(dir, 'RESTORE-UNFINISHED.txt');

export function isEmptyOrMissing(dir: string): boolean {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);
}

/** Writes the backup's files into `out` (which must be missing or empty); removes them again if anything fails. */
export async function extractBackup(file: string, bk: BackupKey, out: string): Promise<BackupManifest> {
  if (!isEmptyOrMissing(out)) throw new AppError('REFUSED', `目标文件夹 ${out} 不是空的。恢复只能写入新的空文件夹，不会覆盖任何已有内容。`);
  const existed = fs.existsSync(out);
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  // Until the last file is written and checked, the folder says it is not data (a restore killed part way).
  fs.writeFileSync(unfinishedMarker(out), '恢复未完成：请删除此文件夹后重新恢复。\n');
  try {
    const manifest = await readBody(file, bk, out);
    fs.rmSync(unfinishedMarker(out), { force: true });
    return manifest;
  } catch (err) {
    if (existed) for (const f of fs.readdirSync(out)) fs.rmSync(path.join(out, f), { recursive: true, force: true });
    else fs.rmSync(out, { recursive: true, force: true });
    throw err;
  }
}

/** The full integrity check of a restored folder, with the data key it is sealed under. */
export function checkRestored(dir: string, sealer: Sealer): { problems: string[]; folded?: State } {
  const report = checkIntegrity(path.join(dir, 'store'), sealer);
  return report.folded ? { problems: report.problems, folded: report.folded } : { problems: report.problems };
}

interface SwapPlan {
  staging: string;
  replaced: string;
  items: { name: string; incoming: boolean }[];
}

/** Switches a checked restore (in `staging`, inside the data folder) in; the current files go to `replaced`. */
export function switchTo(dataDir: string, staging: string, replaced: string): void {
  const plan: SwapPlan = {
    staging: path.relative(dataDir, staging),
    replaced: path.relative(dataDir, replaced),
    items: FOLDER_ITEMS.map((name) => ({ name, incoming: fs.existsSync(path.join(staging, name)) })),
  };
  fs.mkdirSync(replaced, { recursive: true, mode: 0o700 });
  writeFileDurably(swapFile(dataDir), JSON.stringify(plan) + '\n', 0o600);
  settleRestore(dataDir);
}

/** Finishes a switch a crash interrupted (called at every start, before the folder is read). */
export function settleRestore(dataDir: string): void {
  const file = swapFile(dataDir);
  if (!fs.existsSync(file)) {
    // A restore cut off while it was still writing its new folder left that folder behind: nothing uses it.
    if (fs.existsSync(dataDir)) {
      for (const f of fs.readdirSync(dataDir)) if (f.startsWith('restoring-')) fs.rmSync(path.join(dataDir, f), { recursive: true, force: true });
    }
    return;
  }
  const plan = JSON.parse(fs.readFileSync(file, 'utf8')) as SwapPlan;
  const staging = path.join(dataDir, plan.staging);
  const replaced = path.join(dataDir, plan.replaced);
  fs.mkdirSync(replaced, { recursive: true, mode: 0o700 });
  for (const { name, incoming } of plan.items) {
    const live = path.join(dataDir, name);
    const aside = path.join(replaced, name);
    const fresh = path.join(staging, name);
    if (incoming) {
      if (!fs.existsSync(fresh)) continue; // already moved in
      if (fs.existsSync(live) && !fs.existsSync(aside)) fs.renameSync(live, aside);
      fs.renameSync(fresh, live);
    } else if (fs.existsSync(live) && !fs.existsSync(aside)) {
      fs.renameSync(live, aside);
    }
  }
  fsyncDir(replaced);
  fsyncDir(dataDir);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(file, { force: true });
  fsyncDir(dataDir);
}

/** `replaced-20261207-183000` in the data folder: where a restore puts what it replaced. */
export function replacedFolderName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `replaced-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}
