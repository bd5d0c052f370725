// The parts of a data folder around the store that `guanai doctor` checks with the data key (issue 11): the
// office's private keys (they must open and belong to office.json), the backup passphrase file, the notices file
// and every automatic backup (its seal and manifest, read without the body).
import fs from 'node:fs';
import crypto from 'node:crypto';
import { storedBackupKey } from '../backup/backup-key';
import { readManifest } from '../backup/backup-file';
import { localBackups } from '../backup/backups';
import { loadIdentity } from '../identity/identity';
import { noticesFile, readNotices } from '../notices/notices';
import type { Sealer } from '../store/sealed';

function publicOf(privateDer: string): string {
  const key = crypto.createPrivateKey({ key: Buffer.from(privateDer, 'base64'), format: 'der', type: 'pkcs8' });
  return crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
}

export function folderProblems(dataDir: string, sealer: Sealer): string[] {
  const problems: string[] = [];
  try {
    const id = loadIdentity(dataDir, sealer);
    if (publicOf(id.private.signingKey) !== id.public.signingKey || publicOf(id.private.encryptionKey) !== id.public.encryptionKey) {
      problems.push('本单位私钥与身份文件（office.json）中的公钥不符：无法制作或接收交换包。请从备份恢复 keys 文件夹');
    }
  } catch (err) {
    problems.push(`${(err as Error).message}（无法制作或接收交换包，请从备份恢复 keys 文件夹）`);
  }
  let key = null;
  try {
    key = storedBackupKey(dataDir, sealer);
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (fs.existsSync(noticesFile(dataDir)) && readNotices(dataDir).some((n) => n.code === 'NOTICES_DAMAGED')) {
    problems.push('数据提示记录文件（notices.json）已损坏');
  }
  for (const b of localBackups(dataDir)) {
    if (!key) break;
    try {
      readManifest(b.file, key);
    } catch (err) {
      // A backup made under an earlier passphrase opens only with that one: not damage.
      if ((err as { code?: string }).code === 'BACKUP_PASSPHRASE') continue;
      problems.push(`自动备份 ${b.name}：${(err as Error).message}`);
    }
  }
  return problems;
}
