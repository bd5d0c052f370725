// Backups and restore (issue 11): channel arguments and result types. Pure zod (the renderer imports this module).
import { z } from 'zod';
import { fileHandleSchema } from './files';

export interface BackupManifest {
  format: 'guanai-backup-manifest';
  version: 1;
  office: { code: string; name: string; level: string; fingerprint: string };
  createdAt: string;
  createdBy: string;
  createdByName: string;
  /** manual: to a folder or USB stick; daily and quit: the automatic ones in DATA/backups; cli: `guanai backup create`. */
  kind: 'manual' | 'daily' | 'quit' | 'cli';
  operations: number;
  /** Records per table (entity type). */
  tables: Record<string, number>;
  /** What a clerk compares: children, meetings, tasks. */
  summary: { children: number; meetings: number; tasks: number };
  files: { name: string; size: number }[];
  contentBytes: number;
  /** SHA-256 of the body's plain content, checked on verify and restore. */
  contentHash: string;
  /** The journal had damaged lines when the backup was made: it carries them (a restore would too). */
  journalDamage?: { lines: number; detail: string };
}

export interface BackupLogEntry {
  at: string;
  name: string;
  kind: BackupManifest['kind'];
  /** Written outside the data folder (a chosen folder, a USB stick): it has left the PC. */
  external: boolean;
  operations: number;
  by: string;
  /** Damaged journal lines the backup carries (0: made from a whole journal). */
  damagedLines?: number;
}

export interface BackupStatusView {
  passphraseSet: boolean;
  passphraseSetAt: string | null;
  reminderDays: number;
  /** The newest backup written outside the data folder, or null. */
  lastExternal: BackupLogEntry | null;
  lastAny: BackupLogEntry | null;
  /** No backup has left the PC for longer than reminderDays (or none ever has). */
  reminderDue: boolean;
  /** The automatic backups kept in the data folder, newest first. */
  local: { name: string; at: string; kind: 'daily' | 'quit' | 'other' }[];
}

export interface BackupCheckView {
  manifest: BackupManifest;
  /** The same figures for the data now in use, to compare. */
  live: { children: number; meetings: number; tasks: number; operations: number };
  sameOffice: boolean;
}

export interface BackupRestored {
  manifest: BackupManifest;
  /** The folder (inside the data folder) holding what the restore replaced. */
  replaced: string;
}

export interface BackupMade {
  fileName: string;
  manifest: BackupManifest;
}

const passphrase = z.string().min(1, { error: '请输入备份口令' }).max(200, { error: '备份口令过长' });

export const setPassphraseSchema = z.strictObject({ passphrase });
export const setReminderSchema = z.strictObject({
  reminderDays: z.int({ error: '请输入天数' }).min(1, { error: '至少 1 天' }).max(90, { error: '最多 90 天' }),
});
/** Back up now: into a folder picked in a dialog (desktop) or a path in the preview's exchange folder. */
export const backupCreateSchema = z.strictObject({
  folderHandle: fileHandleSchema.optional(),
  folder: z.string().min(1).max(4096).optional(),
});
/** A backup file: a dialog handle or a path; the passphrase it was made with (else the office's current one). */
export const backupFileSchema = z.strictObject({
  handle: fileHandleSchema.optional(),
  path: z.string().min(1).max(4096).optional(),
  /** An automatic backup in DATA/backups, by its file name. */
  local: z.string().min(1).max(200).optional(),
  passphrase: passphrase.optional(),
});
/** Restore when the data cannot be opened: the backup's passphrase and an administrator of the backed-up data. */
export const restoreUnopenedSchema = z.strictObject({
  handle: fileHandleSchema.optional(),
  path: z.string().min(1).max(4096).optional(),
  local: z.string().min(1).max(200).optional(),
  passphrase,
  login: z.string().trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string().min(1, { error: '请输入密码' }).max(200),
});
