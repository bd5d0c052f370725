// What handlers call: resolves a file reference through the context's FileAccess and audits a refusal.
import type { AppContext } from '../app/context';
import { auditIfOpen } from '../audit/audit';
import { noFiles, PathRefused, type FileMode, type FileRef } from './file-access';

export function resolveFile(ctx: AppContext, ref: FileRef, mode: FileMode, channel: string): string {
  try {
    return (ctx.files ?? noFiles).resolve(ref, mode);
  } catch (err) {
    // The name only: a full path may hold a person's name (D:\\张三的材料\\…).
    if (err instanceof PathRefused) auditIfOpen(ctx, { action: 'path.refused', target: err.fileName, detail: `${channel} ${mode}` });
    throw err;
  }
}

/** The file reference in a call's arguments: a handle when given, else a path. */
export const refOf = (a: { handle?: string | undefined; path?: string | undefined }): FileRef | null =>
  a.handle !== undefined ? { handle: a.handle } : a.path !== undefined ? { path: a.path } : null;
