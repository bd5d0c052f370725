// The desktop's file access: a path is usable only after the person picked it in a native dialog this session. Main
// keeps handle → path in memory; the renderer gets an opaque random handle and the file's name. The dialogs
// themselves are Electron's (electron/main/file-dialogs.ts) and are injected, so this module never imports electron.
import crypto from 'node:crypto';
import path from 'node:path';
import type { PickResult } from '../contract/schemas/files';
import { DIALOG_ONLY, nameOf, PathRefused, type FileAccess, type FileMode, type PickOptions } from './file-access';

/** Shows a native dialog; resolves with the chosen path, or null when the person cancelled. */
export type NativePicker = (mode: FileMode, opts: PickOptions) => Promise<string | null>;

export function dialogFiles(picker: NativePicker): FileAccess {
  const picked = new Map<string, { path: string; mode: FileMode }>();
  return {
    async pick(mode, opts): Promise<PickResult> {
      const chosen = await picker(mode, opts);
      if (!chosen) return { cancelled: true };
      const handle = crypto.randomBytes(24).toString('base64url');
      picked.set(handle, { path: chosen, mode });
      return { handle, name: path.basename(chosen) };
    },
    resolve(ref, mode) {
      const entry = 'handle' in ref ? picked.get(ref.handle) : undefined;
      // A handle picked to open is not one to write, and the other way round.
      if (!entry || entry.mode !== mode) throw new PathRefused(DIALOG_ONLY, nameOf(ref));
      return entry.path;
    },
  };
}
