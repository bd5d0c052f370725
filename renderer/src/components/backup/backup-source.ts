// Which backup file a verify or restore reads: a file the person picked (desktop dialog handle), a path in the
// preview's exchange folder, or one of the app's automatic backups by file name (DATA/backups).
import type { Picked } from '../../api/picked-files';

export interface SourceDraft {
  from: 'file' | 'local';
  /** Desktop: the file picked in the dialog. */
  picked: Picked | null;
  /** Preview: a path inside its exchange folder. */
  path: string;
  /** An automatic backup's file name. */
  local: string;
}

export const emptySource: SourceDraft = { from: 'file', picked: null, path: '', local: '' };

export type BackupSourceArgs = { handle: string } | { path: string } | { local: string };

/** The call's file arguments, or what is still missing (a message for the field). */
export function sourceArgs(draft: SourceDraft, desktop: boolean): BackupSourceArgs | { missing: string } {
  if (draft.from === 'local') {
    const local = draft.local.trim();
    return local ? { local } : { missing: '请选择本机的自动备份' };
  }
  if (desktop) return draft.picked ? { handle: draft.picked.handle } : { missing: '请选择备份文件' };
  const path = draft.path.trim();
  return path ? { path } : { missing: '请填写备份文件在交换文件夹中的路径' };
}

/** The automatic backups' kinds as the list shows them. */
export const localKindNames = { daily: '每日', quit: '退出', other: '其他' } as const;

/** Who or what made a backup (its manifest's kind). */
export const backupKindNames = { manual: '手动备份', daily: '每日自动备份', quit: '退出时自动备份', cli: '命令行备份' } as const;
