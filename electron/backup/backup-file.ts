// The backup file (issue 11): one file holding a data folder, encrypted with AES-256-GCM under a key derived from a
// backup passphrase (scrypt). Layout:
//
//   MAGIC | u32 header length | header JSON (kdf salt and cost, body nonce, passphrase check)
//   body ciphertext | body tag (16)                     ← the files, as [name, size, bytes] records
//   manifest nonce (12) | manifest ciphertext | tag (16) ← office, time, counts, the body's SHA-256
//   u32 hi | u32 lo: where the manifest block starts     ← so the manifest can be read without the body
//
// The header is authenticated as the body's associated data, and the manifest is bound to the body's tag, so no
// part can be swapped or edited unseen. The body is written and read in chunks: a city office's journal is hundreds
// of megabytes and is never held in memory whole. The files inside are the store's own sealed files, so even a
// backup whose passphrase leaked reveals no personal data without the office's data key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../contract/errors';
import type { BackupManifest } from '../contract/schemas/backup';

export const BACKUP_MAGIC = Buffer.from('GUANAI-BACKUP\n', 'latin1');
export const BACKUP_EXTENSION = '.gbak';
const TAG = 16;
const NONCE = 12;
const CHUNK = 1024 * 1024;
const MAX_HEADER = 4096;
const MAX_MANIFEST = 4 * 1024 * 1024;
/** scrypt cost for backup keys: N = 2^15 (as for passwords). */
export const BACKUP_LOG_N = 15;

export interface BackupHeader {
  format: 'guanai-backup';
  version: 1;
  kdf: { name: 'scrypt'; salt: string; logN: number };
  nonce: string;
  /** Derived from the key, so a wrong passphrase is told apart from a damaged file. */
  check: string;
}

export type { BackupManifest } from '../contract/schemas/backup';

export interface BackupKey {
  key: Buffer;
  salt: Buffer;
  logN: number;
}

const sub = (key: Buffer, use: string) => Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), `guanai/backup/${use}/v1`, 32));

export function deriveBackupKey(passphrase: string, salt: Buffer = crypto.randomBytes(16), logN = BACKUP_LOG_N): BackupKey {
  const N = 2 ** logN;
  const key = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 });
  return { key, salt, logN };
}

const checkOf = (key: Buffer) => sub(key, 'check').subarray(0, 16).toString('base64');

/** A file to put in a backup: its name inside the backup and where its bytes come from (a length-limited file). */
export interface BackupSource {
  name: string;
  file: string;
  /** Bytes to take from the start of the file (the journal up to the backup point); default all. */
  length?: number;
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeUInt32BE(Math.floor(n / 2 ** 32));
  b.writeUInt32BE(n % 2 ** 32, 4);
  return b;
};
const readU64 = (b: Buffer, at: number) => b.readUInt32BE(at) * 2 ** 32 + b.readUInt32BE(at + 4);

/** Gives the event loop a turn between chunks, so a large backup never freezes the window. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the backup of `sources` to `out` (a temp file renamed into place after fsync). `manifestOf` receives the
 * files' sizes and the content hash and returns the manifest to seal at the end.
 */
export async function writeBackup(
  out: string,
  sources: BackupSource[],
  bk: BackupKey,
  manifestOf: (content: { files: BackupManifest['files']; contentBytes: number; contentHash: string }) => BackupManifest,
): Promise<BackupManifest> {
  const nonce = crypto.randomBytes(NONCE);
  const header: BackupHeader = {
    format: 'guanai-backup',
    version: 1,
    kdf: { name: 'scrypt', salt: bk.salt.toString('base64'), logN: bk.logN },
    nonce: nonce.toString('base64'),
    check: checkOf(bk.key),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.concat([BACKUP_MAGIC, u32(headerBytes.length), headerBytes]);
  const tmp = `${out}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  let position = 0;
  const put = (b: Buffer) => {
    let done = 0;
    while (done < b.length) done += fs.writeSync(fd, b, done, b.length - done, position + done);
    position += b.length;
  };
  try {
    put(lead);
    const cipher = crypto.createCipheriv('aes-256-gcm', sub(bk.key, 'body'), nonce);
    cipher.setAAD(lead);
    const hash = crypto.createHash('sha256');
    let contentBytes = 0;
    const plain = (b: Buffer) => {
      hash.update(b);
      contentBytes += b.length;
      put(cipher.update(b));
    };
    const files: BackupManifest['files'] = [];
    const buf = Buffer.allocUnsafe(CHUNK);
    for (const s of sources) {
      const size = s.length ?? fs.statSync(s.file).size;
      const name = Buffer.from(s.name, 'utf8');
      plain(Buffer.concat([Buffer.from([name.length >> 8, name.length & 255]), name, u64(size)]));
      const src = fs.openSync(s.file, 'r');
      try {
        let at = 0;
        while (at < size) {
          const n = fs.readSync(src, buf, 0, Math.min(CHUNK, size - at), at);
          if (n <= 0) throw new AppError('BACKUP_FAILED', `备份时文件 ${s.name} 读取不完整，备份未完成。`);
          plain(buf.subarray(0, n));
          at += n;
          if (at < size) await breathe();
        }
      } finally {
        fs.closeSync(src);
      }
      files.push({ name: s.name, size });
    }
    plain(Buffer.from([0, 0]));
    put(cipher.final());
    const bodyTag = cipher.getAuthTag();
    put(bodyTag);
    const manifest = manifestOf({ files, contentBytes, contentHash: hash.digest('hex') });
    const manifestStart = position;
    const mNonce = crypto.randomBytes(NONCE);
    const m = crypto.createCipheriv('aes-256-gcm', sub(bk.key, 'manifest'), mNonce);
    m.setAAD(Buffer.concat([lead, bodyTag]));
    put(Buffer.concat([mNonce, m.update(Buffer.from(JSON.stringify(manifest), 'utf8')), m.final(), m.getAuthTag()]));
    put(u64(manifestStart));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, out);
    return manifest;
  } catch (err) {
    try {
      fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

const DAMAGED = '备份文件已损坏或被改动，不能使用。';

/** The parts of a backup file before its body is read: header, where the body and manifest lie. */
interface Layout {
  lead: Buffer;
  header: BackupHeader;
  bodyStart: number;
  bodyEnd: number;
  bodyTag: Buffer;
  manifestBlock: Buffer;
  size: number;
}

function readExact(fd: number, length: number, position: number): Buffer {
  const b = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, b, done, length - done, position + done);
    if (n <= 0) throw new AppError('BACKUP_DAMAGED', DAMAGED);
    done += n;
  }
  return b;
}

function layoutOf(fd: number): Layout {
  const size = fs.fstatSync(fd).size;
  if (size < BACKUP_MAGIC.length + 4) throw new AppError('BACKUP_DAMAGED', '该文件不是关爱系统的备份文件。');
  const magic = readExact(fd, BACKUP_MAGIC.length, 0);
  if (!magic.equals(BACKUP_MAGIC)) throw new AppError('BACKUP_DAMAGED', '该文件不是关爱系统的备份文件。');
  const headerLen = readExact(fd, 4, BACKUP_MAGIC.length).readUInt32BE(0);
  if (headerLen > MAX_HEADER) throw new AppError('BACKUP_DAMAGED', DAMAGED);
  const headerBytes = readExact(fd, headerLen, BACKUP_MAGIC.length + 4);
  let header: BackupHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as BackupHeader;
  } catch {
    throw new AppError('BACKUP_DAMAGED', DAMAGED);
  }
  if (header?.format !== 'guanai-backup' || header.kdf?.name !== 'scrypt') throw new AppError('BACKUP_DAMAGED', DAMAGED);
  if (header.version !== 1) throw new AppError('BACKUP_TOO_NEW', '该备份由较新版本的程序制作，请升级程序后再使用。');
  if (!Number.isInteger(header.kdf.logN) || header.kdf.logN < 10 || header.kdf.logN > 20) throw new AppError('BACKUP_DAMAGED', DAMAGED);
  const bodyStart = BACKUP_MAGIC.length + 4 + headerLen;
  if (size < bodyStart + TAG + NONCE + TAG + 8) throw new AppError('BACKUP_DAMAGED', DAMAGED);
  const manifestStart = readU64(readExact(fd, 8, size - 8), 0);
  const manifestLen = size - 8 - manifestStart;
  if (manifestStart < bodyStart + TAG || manifestLen < NONCE + TAG || manifestLen > MAX_MANIFEST) {
    throw new AppError('BACKUP_DAMAGED', DAMAGED);
  }
  return {
    lead: Buffer.concat([BACKUP_MAGIC, u32(headerLen), headerBytes]),
    header,
    bodyStart,
    bodyEnd: manifestStart - TAG,
    bodyTag: readExact(fd, TAG, manifestStart - TAG),
    manifestBlock: readExact(fd, manifestLen, manifestStart),
    size,
  };
}

/** The key for a backup file from a passphrase, or the refusal a wrong passphrase earns. */
export function keyForFile(file: string, passphrase: string): BackupKey {
  const fd = openBackup(file);
  try {
    const { header } = layoutOf(fd);
    const bk = deriveBackupKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf.logN);
    if (checkOf(bk.key) !== header.check) throw new AppError('BACKUP_PASSPHRASE', '备份口令不正确。');
    return bk;
  } finally {
    fs.closeSync(fd);
  }
}

/** The salt and cost a file was made with: a stored backup key opens it only when they match. */
export function keyFits(file: string, bk: BackupKey): boolean {
  const fd = openBackup(file);
  try {
    const { header } = layoutOf(fd);
    return checkOf(bk.key) === header.check;
  } finally {
    fs.closeSync(fd);
  }
}

function openBackup(file: string): number {
  try {
    return fs.openSync(file, 'r');
  } catch {
    throw new AppError('NOT_FOUND', '找不到或无法读取该备份文件。');
  }
}

/** The manifest alone (fast: the body is not read). Checks the passphrase and the manifest's seal. */
export function readManifest(file: string, bk: BackupKey): BackupManifest {
  const fd = openBackup(file);
  try {
    const l = layoutOf(fd);
    if (checkOf(bk.key) !== l.header.check) throw new AppError('BACKUP_PASSPHRASE', '备份口令不正确。');
    const b = l.manifestBlock;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', sub(bk.key, 'manifest'), b.subarray(0, NONCE));
      d.setAAD(Buffer.concat([l.lead, l.bodyTag]));
      d.setAuthTag(b.subarray(b.length - TAG));
      const text = Buffer.concat([d.update(b.subarray(NONCE, b.length - TAG)), d.final()]).toString('utf8');
      const m = JSON.parse(text) as BackupManifest;
      if (m.format !== 'guanai-backup-manifest') throw new Error('format');
      return m;
    } catch {
      throw new AppError('BACKUP_DAMAGED', DAMAGED);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Where a backup's files may go: the parts of a data folder, nothing else (no `..`, no absolute path). */
export function isAllowedName(name: string): boolean {
  if (name.includes('\\') || name.includes('\0') || name.startsWith('/')) return false;
  const parts = name.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  return (
    ['office.json', 'notices.json', 'demo-accounts.json'].includes(name) ||
    (parts[0] === 'keys' && parts.length === 2) ||
    (parts[0] === 'store' && (parts.length === 2 || (parts.length === 3 && parts[1] === 'tables')))
  );
}

/**
 * Reads the whole body, checking the tag and the content hash against the manifest. With `into`, each file is
 * written under that folder as it is read (the caller removes the folder if this throws). Nothing is trusted until
 * the end: a file that fails is refused whole.
 */
export async function readBody(file: string, bk: BackupKey, into?: string): Promise<BackupManifest> {
  const manifest = readManifest(file, bk);
  const fd = openBackup(file);
  try {
    const l = layoutOf(fd);
    const d = crypto.createDecipheriv('aes-256-gcm', sub(bk.key, 'body'), Buffer.from(l.header.nonce, 'base64'));
    d.setAAD(l.lead);
    d.setAuthTag(l.bodyTag);
    const hash = crypto.createHash('sha256');
    const parser = new BodyParser(into);
    const buf = Buffer.allocUnsafe(CHUNK);
    let at = l.bodyStart;
    while (at < l.bodyEnd) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, l.bodyEnd - at), at);
      if (n <= 0) throw new AppError('BACKUP_DAMAGED', DAMAGED);
      at += n;
      const plain = d.update(buf.subarray(0, n));
      hash.update(plain);
      parser.push(plain);
      await breathe();
    }
    try {
      const rest = d.final();
      hash.update(rest);
      parser.push(rest);
    } catch {
      parser.abort();
      throw new AppError('BACKUP_DAMAGED', DAMAGED);
    }
    parser.end();
    if (hash.digest('hex') !== manifest.contentHash) throw new AppError('BACKUP_DAMAGED', DAMAGED);
    return manifest;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_DAMAGED', DAMAGED);
  } finally {
    fs.closeSync(fd);
  }
}

/** Splits the body's plain bytes into files: [u16 name length, name, u64 size, bytes] until a zero length. */
class BodyParser {
  private pending = Buffer.alloc(0);
  private current: { fd: number | null; left: number } | null = null;
  private done = false;
  constructor(private readonly into?: string) {}

  push(chunk: Buffer): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length) {
      if (this.done) throw new AppError('BACKUP_DAMAGED', DAMAGED);
      if (this.current) {
        const take = Math.min(this.current.left, data.length);
        if (this.current.fd !== null) fs.writeSync(this.current.fd, data, 0, take);
        this.current.left -= take;
        data = data.subarray(take);
        if (this.current.left === 0) this.closeCurrent();
        continue;
      }
      if (data.length < 2) break;
      const nameLen = data.readUInt16BE(0);
      if (nameLen === 0) {
        this.done = true;
        data = data.subarray(2);
        continue;
      }
      if (data.length < 2 + nameLen + 8) break;
      const name = data.toString('utf8', 2, 2 + nameLen);
      const size = readU64(data, 2 + nameLen);
      if (!isAllowedName(name)) throw new AppError('BACKUP_DAMAGED', DAMAGED);
      data = data.subarray(2 + nameLen + 8);
      let fd: number | null = null;
      if (this.into) {
        const target = `${this.into}/${name}`;
        fs.mkdirSync(target.slice(0, target.lastIndexOf('/')), { recursive: true, mode: 0o700 });
        fd = fs.openSync(target, 'wx', 0o600);
      }
      this.current = { fd, left: size };
      if (size === 0) this.closeCurrent();
    }
    if (data.length) this.pending = Buffer.from(data);
  }

  private closeCurrent(): void {
    if (this.current?.fd != null) {
      fs.fsyncSync(this.current.fd);
      fs.closeSync(this.current.fd);
    }
    this.current = null;
  }

  abort(): void {
    if (this.current?.fd != null) fs.closeSync(this.current.fd);
    this.current = null;
  }

  end(): void {
    if (!this.done || this.current || this.pending.length) {
      this.abort();
      throw new AppError('BACKUP_DAMAGED', DAMAGED);
    }
  }
}
