// Native file dialogs and saving to a picked file. The dialogs belong to the desktop shell, which injects them with
// its file access (electron/files/dialog-files.ts); the preview and the CLI have none.
import type { AppContext } from '../app/context';
import { AppError } from '../contract/errors';
import type { FileMode, PickOptions } from '../files/file-access';
import { resolveFile } from '../files/resolve-file';
import { writeFileDurably } from '../store/durable-file';
import type { HandlerMap } from './types';
import path from 'node:path';

function pick(ctx: AppContext, mode: FileMode, opts: PickOptions) {
  if (!ctx.files.pick) throw new AppError('NOT_AVAILABLE', '浏览器预览中请用页面上的“选择文件”上传，或由浏览器下载保存。');
  return ctx.files.pick(mode, opts);
}

export const filesHandlers = {
  async 'files.pickOpen'(args, ctx) {
    return pick(ctx, 'read', { purpose: args.purpose });
  },
  async 'files.pickSave'(args, ctx) {
    return pick(ctx, 'write', { purpose: args.purpose, suggestedName: path.basename(args.suggestedName) });
  },
  async 'files.pickFolder'(args, ctx) {
    return pick(ctx, 'folder', { purpose: args.purpose });
  },
  async 'files.pickBackupUnopened'(_args, ctx) {
    if (ctx.store || !ctx.storeProblem) throw new AppError('REFUSED', '数据可以正常打开：请登录后在“设置 → 备份与恢复”中恢复。');
    return pick(ctx, 'read', { purpose: 'backup' });
  },
  async 'files.write'(args, ctx) {
    const target = resolveFile(ctx, { handle: args.handle }, 'write', 'files.write');
    // Owner-only: what is saved here may be an unmasked ledger.
    writeFileDurably(target, Buffer.from(args.contentBase64, 'base64'), 0o600);
    return { saved: true as const, name: path.basename(target) };
  },
} satisfies HandlerMap<'files.pickOpen' | 'files.pickSave' | 'files.pickFolder' | 'files.pickBackupUnopened' | 'files.write'>;
