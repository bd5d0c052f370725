// Before a store is read: do the files say the same as the caller about encryption? A wrong key, a missing key or a
// key for a folder that was never encrypted must be refused here, while nothing has been written. Read past this
// point, a journal the key cannot open would look like a torn write and be set aside as one.
import fs from 'node:fs';
import { AppError } from '../contract/errors';
import { fileKeyId, lineKeyId, type Sealer } from './sealed';

type Evidence = { kind: 'sealed'; keyId: string } | { kind: 'plain' } | { kind: 'unknown' };

const PLAIN_SNAPSHOT = Buffer.from('{"sha256":"', 'latin1');

function head(file: string, bytes: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, fs.readSync(fd, buf, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function fileEvidence(file: string): Evidence | null {
  const h = head(file, 32);
  if (!h || h.length === 0) return null;
  const kid = fileKeyId(h);
  if (kid !== null) return { kind: 'sealed', keyId: kid };
  return h.subarray(0, PLAIN_SNAPSHOT.length).equals(PLAIN_SNAPSHOT) ? { kind: 'plain' } : { kind: 'unknown' };
}

function journalEvidence(file: string): Evidence | null {
  const h = head(file, 64);
  if (!h || h.length === 0) return null;
  const first = h.toString('latin1');
  const kid = lineKeyId(first);
  if (kid !== null) return { kind: 'sealed', keyId: kid };
  return first.startsWith('{') ? { kind: 'plain' } : { kind: 'unknown' };
}

/** Whether the store's files are sealed: true, false, or null when nothing tells (empty or unreadable). */
export function storeSealing(files: { snapshot: string; backup: string; journal: string }): { sealed: boolean; keyIds: string[] } | null {
  const seen = [fileEvidence(files.snapshot), fileEvidence(files.backup), journalEvidence(files.journal)].filter(
    (e): e is Evidence => e !== null && e.kind !== 'unknown',
  );
  if (seen.length === 0) return null;
  const keyIds = [...new Set(seen.flatMap((e) => (e.kind === 'sealed' ? [e.keyId] : [])))];
  return { sealed: keyIds.length > 0, keyIds };
}

/**
 * Throws unless the files and the sealer agree: sealed under this key (any one of manifest, backup or first journal
 * line suffices; damage to the others is handled as damage), or plaintext and no sealer given.
 */
export function assertSealing(files: { snapshot: string; backup: string; journal: string }, sealer?: Sealer): void {
  const found = storeSealing(files);
  if (!found) return;
  if (sealer) {
    if (found.keyIds.includes(sealer.keyId)) return;
    if (found.sealed) throw new AppError('KEY_WRONG', '密钥不正确，无法解密本单位的数据。文件未作任何改动。');
    throw new AppError('STORE_NOT_ENCRYPTED', '数据文件夹尚未加密，需要先将其加密后再打开。文件未作任何改动。');
  }
  if (found.sealed) throw new AppError('KEY_WRONG', '数据已加密，需要登录（提供密钥）后才能打开。文件未作任何改动。');
}
