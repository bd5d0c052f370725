// Opening the data folder at start and closing it at quit. A folder that cannot be opened (held by another
// program, written by a newer version, damaged) stops the app with an explanation: starting on an empty store
// would look to the user as if their records were gone, and a later write could bury the real ones.
import { app, dialog } from 'electron';
import { openContext, type AppContext, type OpenOptions } from '../app/context';
import { AppError } from '../contract/errors';
import type { LockOwner } from '../store/lock';
import { resolveDataDir, type DataDirSources } from './data-dir';
import { backupOnQuit, startHousekeeping } from '../app/housekeeping';

export const STARTUP_ERROR_TITLE = '“关爱”无法启动';

export interface StartupOptions extends DataDirSources {
  emit: NonNullable<OpenOptions['emit']>;
  owner?: LockOwner;
}

function explain(err: unknown, dataDir: string | null): string {
  const where = dataDir ? `\n\n数据文件夹：${dataDir}` : '';
  if (err instanceof AppError) return `${err.message}${where}`;
  return `无法打开数据文件夹，请检查该文件夹是否存在、本机用户是否有读写权限。${where}`;
}

/** The open context, or null after telling the user why it could not be opened and asking the app to quit. */
export async function openDesktopContext(opts: StartupOptions): Promise<AppContext | null> {
  let dataDir: string | null = null;
  try {
    dataDir = resolveDataDir(opts);
    return await openContext({ dataDir, owner: opts.owner ?? 'desktop', emit: opts.emit, onStoreOpen: startHousekeeping });
  } catch (err) {
    dialog.showErrorBox(STARTUP_ERROR_TITLE, explain(err, dataDir));
    app.quit();
    return null;
  }
}

/** Holds the quit until the store is closed and the folder lock released. */
export function closeOnQuit(ctx: AppContext): void {
  let closing = false;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    // The automatic backup on quit (when anything changed), then the store closes.
    backupOnQuit(ctx)
      .then(() => ctx.close())
      .catch(() => process.stderr.write('[guanai] 关闭数据文件夹时出错\n'))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
