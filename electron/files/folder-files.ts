// The browser preview's file access: only inside one exchange folder (`--exchange DIR`, default DATA/exchange).
// Paths are resolved against the folder and then through realpath, so neither `..` nor a symlink leads out of it.
// Uploads and downloads through the browser carry bytes, not paths, and do not come here.
import fs from 'node:fs';
import path from 'node:path';
import { nameOf, PathRefused, type FileAccess, type FileMode, type FileRef } from './file-access';

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** The realpath of `p`, or null when it does not exist. */
function real(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

export function folderFiles(folder: string): FileAccess & { readonly folder: string } {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const root = fs.realpathSync(folder);
  const refuse = (ref: FileRef) => new PathRefused(`只能读写交换文件夹（${root}）中的文件。`, nameOf(ref));
  return {
    folder: root,
    resolve(ref: FileRef, mode: FileMode): string {
      if (!('path' in ref)) throw refuse(ref);
      const wanted = path.resolve(root, ref.path);
      if (!inside(root, wanted)) throw refuse(ref);
      if (mode === 'write') {
        // The folder it goes in must really be inside; an existing name must not be a link to elsewhere.
        const dir = real(path.dirname(wanted));
        if (!dir || !inside(root, dir)) throw refuse(ref);
        const target = path.join(dir, path.basename(wanted));
        const existing = real(target);
        if (existing && !inside(root, existing)) throw refuse(ref);
        return target;
      }
      const resolved = real(wanted);
      // Missing: let the caller say "not found" for a path that would be inside.
      if (!resolved) return wanted;
      if (!inside(root, resolved)) throw refuse(ref);
      return resolved;
    },
  };
}
