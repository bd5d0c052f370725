// The office's backup passphrase, kept so the app can make its automatic backups (daily, on quit) without asking:
// keys/backup.json holds the scrypt salt and cost and the derived key sealed under the data key. Without the data
// key the file is useless; a backup made with it opens with the passphrase alone (the salt travels in each file).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { writeFileDurably } from '../store/durable-file';
import type { Sealer } from '../store/sealed';
import { BACKUP_LOG_N, deriveBackupKey, type BackupKey } from './backup-file';

export const backupKeyFile = (dataDir: string) => path.join(dataDir, 'keys', 'backup.json');
const LABEL = 'backup-key';

const fileSchema = z.object({
  format: z.literal('guanai-backup-key'),
  salt: z.string(),
  logN: z.number().int().min(10).max(20),
  sealed: z.string(),
  setAt: z.string(),
  setBy: z.string(),
});

/** Passphrases for backups: long enough to resist guessing by someone who finds the USB stick. */
export function checkPassphrase(passphrase: string): void {
  if (passphrase.length > 200) throw new AppError('VALIDATION', '备份口令过长（最多 200 个字符）。', { passphrase: '最多 200 个字符' });
  if (passphrase.length < 10 || !/[A-Za-z]/.test(passphrase) || !/\d/.test(passphrase)) {
    throw new AppError('VALIDATION', '备份口令至少 10 个字符，须同时包含字母和数字。', { passphrase: '至少 10 个字符，含字母和数字' });
  }
}

export function setBackupPassphrase(dataDir: string, sealer: Sealer, passphrase: string, by: string, now: Date, logN = BACKUP_LOG_N): void {
  checkPassphrase(passphrase);
  const bk = deriveBackupKey(passphrase, undefined, logN);
  fs.mkdirSync(path.dirname(backupKeyFile(dataDir)), { recursive: true, mode: 0o700 });
  writeFileDurably(
    backupKeyFile(dataDir),
    JSON.stringify({
      format: 'guanai-backup-key',
      salt: bk.salt.toString('base64'),
      logN: bk.logN,
      sealed: sealer.sealFile(bk.key, LABEL).toString('base64'),
      setAt: now.toISOString(),
      setBy: by,
    }) + '\n',
    0o600,
  );
}

export const backupKeyExists = (dataDir: string) => fs.existsSync(backupKeyFile(dataDir));

/** The stored backup key, or null when no passphrase was set. A damaged file is an error, not "no passphrase". */
export function storedBackupKey(dataDir: string, sealer: Sealer): (BackupKey & { setAt: string; setBy: string }) | null {
  if (!backupKeyExists(dataDir)) return null;
  try {
    const f = fileSchema.parse(JSON.parse(fs.readFileSync(backupKeyFile(dataDir), 'utf8')));
    const key = sealer.openFile(Buffer.from(f.sealed, 'base64'), LABEL);
    return { key, salt: Buffer.from(f.salt, 'base64'), logN: f.logN, setAt: f.setAt, setBy: f.setBy };
  } catch {
    throw new AppError('KEYS_DAMAGED', '备份口令文件（keys/backup.json）已损坏，自动备份无法进行。请在“设置 → 备份与恢复”中重新设置备份口令。');
  }
}
