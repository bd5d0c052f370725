// Which files a call may read or write. A path from the renderer is untrusted (a probe once wrote a bundle into
// /etc/cron.d through the preview), so handlers never open a caller's path directly: they resolve a reference
// through the shell's FileAccess, injected into the context like `ctx.shell`. Desktop: only paths picked in a native
// dialog this session (dialog-files.ts). Preview: only inside the exchange folder (folder-files.ts). CLI: the paths
// the person typed (here). Nothing configured: nothing allowed.
import path from 'node:path';
import { AppError } from '../contract/errors';
import type { FilePurpose, PickResult } from '../contract/schemas/files';

/** A file as a call names it: a dialog's handle (desktop) or a path (preview, CLI). */
export type FileRef = { handle: string } | { path: string };
/** Read an existing file, write (create or replace) a file, or write into a folder. */
export type FileMode = 'read' | 'write' | 'folder';

export interface PickOptions {
  purpose: FilePurpose;
  suggestedName?: string;
}

export interface FileAccess {
  /** Native dialogs: the desktop shell only. */
  pick?(mode: FileMode, opts: PickOptions): Promise<PickResult>;
  /** The path to open for `ref`, or a PathRefused. */
  resolve(ref: FileRef, mode: FileMode): string;
}

/** A refusal: carries only the file's name for the audit trail, never the full path (it may name a person). */
export class PathRefused extends AppError {
  constructor(
    message: string,
    readonly fileName: string,
  ) {
    super('REFUSED', message);
  }
}

export const nameOf = (ref: FileRef): string => ('path' in ref ? path.basename(ref.path) : '（无效的文件句柄）');

export const DIALOG_ONLY = '只能使用在对话框中选择的文件，请点击“选择文件”重新选择。';

/** The default: a context nobody gave file access reads and writes no file by path. */
export const noFiles: FileAccess = {
  resolve(ref) {
    throw new PathRefused('此处不能直接读写文件。', nameOf(ref));
  },
};

/** The CLI: paths typed on the command line are the person's own choice. */
export const cliFiles: FileAccess = {
  resolve(ref) {
    if (!('path' in ref)) throw new PathRefused('命令行中请直接给出文件路径。', nameOf(ref));
    return path.resolve(ref.path);
  },
};
