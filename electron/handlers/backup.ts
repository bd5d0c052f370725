// Handlers for backups, restore and the notices about the data (issue 11). File references go through the
// context's file access (dialog handles on the desktop, the exchange folder in the preview); the app's own
// automatic backups are named by file name inside DATA/backups, a folder the app owns.
import path from 'node:path';
import fs from 'node:fs';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { audit } from '../audit/audit';
import { AppError } from '../contract/errors';
import { setBackupPassphrase } from '../backup/backup-key';
import {
  backupStatus,
  backupToFolder,
  reminderChange,
  restoreFromBackup,
  restoreUnopened,
  verifyBackup,
} from '../backup/backup-service';
import { backupsDirOf, localBackups } from '../backup/backups';
import { BACKUP_EXTENSION } from '../backup/backup-file';
import { refOf, resolveFile } from '../files/resolve-file';
import { acknowledgeNotice } from '../notices/notices';
import type { HandlerMap } from './types';

/** The backup file a call names: an automatic one by name, else a handle or path through the file access. */
function backupFileOf(ctx: AppContext, a: { handle?: string | undefined; path?: string | undefined; local?: string | undefined }, channel: string): string {
  if (a.local !== undefined) {
    const name = path.basename(a.local);
    const file = path.join(backupsDirOf(ctx.dataDir), name);
    if (name !== a.local || !name.endsWith(BACKUP_EXTENSION) || !fs.existsSync(file)) {
      throw new AppError('NOT_FOUND', '找不到该自动备份文件。', { local: '找不到该备份' });
    }
    return file;
  }
  const ref = refOf(a);
  if (!ref) throw new AppError('VALIDATION', '请选择备份文件。', { handle: '请选择备份文件' });
  return resolveFile(ctx, ref, 'read', channel);
}

export const backupHandlers = {
  async 'notices.acknowledge'(args, ctx) {
    const n = acknowledgeNotice(ctx.dataDir, args.id, ctx.user, new Date(ctx.clock()));
    if (!n) throw new AppError('NOT_FOUND', '该提示不存在或已确认。');
    audit(ctx, { action: 'notice.acknowledge', target: n.code, detail: n.message.slice(0, 200) });
    return { acknowledged: true };
  },
  async 'backup.status'(_args, ctx) {
    return backupStatus(ctx);
  },
  async 'backup.setPassphrase'(args, ctx) {
    requireStore(ctx);
    setBackupPassphrase(ctx.dataDir, ctx.keys!.sealer, args.passphrase, ctx.user, new Date(ctx.clock()));
    audit(ctx, { action: 'backup.settings', target: '备份口令', detail: '已设置新的备份口令' });
    return backupStatus(ctx);
  },
  async 'backup.setReminder'(args, ctx) {
    audit(ctx, { action: 'backup.settings', target: '备份提醒', detail: `${args.reminderDays} 天` }, [reminderChange(args.reminderDays)]);
    return backupStatus(ctx);
  },
  async 'backup.create'(args, ctx) {
    requireStore(ctx);
    const ref = refOf({ handle: args.folderHandle, path: args.folder });
    if (!ref) throw new AppError('VALIDATION', '请选择保存备份的文件夹（如 U 盘）。', { folderHandle: '请选择文件夹' });
    const folder = resolveFile(ctx, ref, 'folder', 'backup.create');
    return backupToFolder(ctx, folder);
  },
  async 'backup.verify'(args, ctx) {
    requireStore(ctx);
    return verifyBackup(ctx, backupFileOf(ctx, args, 'backup.verify'), args.passphrase);
  },
  async 'backup.restore'(args, ctx) {
    return restoreFromBackup(ctx, backupFileOf(ctx, args, 'backup.restore'), args.passphrase);
  },
  async 'backup.listUnopened'(_args, ctx) {
    if (ctx.store || !ctx.storeProblem) throw new AppError('REFUSED', '数据可以正常打开：请登录后在“设置 → 备份与恢复”中查看备份。');
    return localBackups(ctx.dataDir).map((b) => ({ name: b.name, at: b.at.toISOString(), kind: b.kind }));
  },
  async 'backup.restoreUnopened'(args, ctx) {
    return restoreUnopened(ctx, backupFileOf(ctx, args, 'backup.restoreUnopened'), args.passphrase, args.login, args.password);
  },
} satisfies HandlerMap<
  | 'notices.acknowledge'
  | 'backup.status'
  | 'backup.setPassphrase'
  | 'backup.setReminder'
  | 'backup.create'
  | 'backup.verify'
  | 'backup.restore'
  | 'backup.restoreUnopened'
  | 'backup.listUnopened'
>;

