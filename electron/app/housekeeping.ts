// What the desktop app and the preview do in the background while the data is open (issue 11): check the whole
// journal in slices soon after start (damage found is a notice on every page at once, not days later at the export
// deadline), the daily automatic backup, and the backup on quit when anything changed. The CLI does none of this:
// it opens the folder for one command.
import type { AppContext } from './context';
import { autoBackup } from '../backup/backup-service';

const started = new WeakSet<AppContext>();
const operationsAtOpen = new WeakMap<AppContext, number>();
const HOUR = 3_600_000;

/** Called each time the store is opened (after sign-in, after a restore). Timers never keep the process alive. */
export function startHousekeeping(ctx: AppContext): void {
  const store = ctx.store;
  if (!store) return;
  operationsAtOpen.set(ctx, store.counts().operations);
  setTimeout(() => void store.patrolJournal().catch(() => undefined), 3000).unref();
  if (started.has(ctx)) return;
  started.add(ctx);
  const daily = () => void autoBackup(ctx, 'daily').catch((err: unknown) => process.stderr.write(`[guanai] 自动备份未完成：${(err as Error).message}\n`));
  setTimeout(daily, 60_000).unref();
  setInterval(daily, HOUR).unref();
}

/** Before the folder closes: a backup into DATA/backups when anything changed since it was opened. */
export async function backupOnQuit(ctx: AppContext): Promise<void> {
  if (!ctx.store) return;
  if (ctx.store.counts().operations === operationsAtOpen.get(ctx)) return;
  try {
    await autoBackup(ctx, 'quit');
  } catch (err) {
    process.stderr.write(`[guanai] 退出时的自动备份未完成：${(err as Error).message}\n`);
  }
}
