// The keyring (keys/access.json): the office's random 32-byte data key, wrapped once per person by a key derived
// from their password (scrypt, a salt per person) and once by the recovery code shown at `init`. The data key
// never touches the disk unwrapped. A wrap opens only with the right password (AES-256-GCM authenticates it), so
// opening a wrap is also the password check; no separate password hash is kept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { writeFileDurably } from '../store/durable-file';

export const keyringFile = (dataDir: string) => path.join(dataDir, 'keys', 'access.json');

/** scrypt cost: N = 2^15, r = 8 (32 MiB, ~0.1 s here): memory-hard, and bearable for a CLI run per command. */
export const DEFAULT_LOG_N = 15;
const MIN_LOG_N = 10;

const wrapSchema = z.object({
  /** `person:<login hash>` or `recovery`. */
  id: z.string().min(1).max(120),
  salt: z.string().min(1),
  logN: z.number().int().min(MIN_LOG_N).max(20),
  nonce: z.string().min(1),
  wrapped: z.string().min(1),
});
type Wrap = z.infer<typeof wrapSchema>;

const keyringSchema = z.object({
  format: z.literal('guanai-keyring'),
  version: z.literal(1),
  office: z.string(),
  wraps: z.array(wrapSchema),
});
export type Keyring = z.infer<typeof keyringSchema>;

/** Logins are case-insensitive; the keyring names a person only by a hash of office and login. */
export function personWrapId(office: string, login: string): string {
  const h = crypto.createHash('sha256').update(`guanai-login\n${office}\n${login.trim().toLowerCase()}`).digest('base64url');
  return `person:${h}`;
}
export const RECOVERY_WRAP_ID = 'recovery';

function kek(secret: string, salt: Buffer, logN: number): Buffer {
  const N = 2 ** logN;
  return crypto.scryptSync(secret.normalize('NFC'), salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 });
}

function wrapKey(id: string, dataKey: Buffer, secret: string, logN: number): Wrap {
  const salt = crypto.randomBytes(16);
  const nonce = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', kek(secret, salt, logN), nonce);
  c.setAAD(Buffer.from(id));
  const wrapped = Buffer.concat([c.update(dataKey), c.final(), c.getAuthTag()]);
  return { id, salt: salt.toString('base64'), logN, nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') };
}

function unwrapKey(w: Wrap, secret: string): Buffer | null {
  try {
    const buf = Buffer.from(w.wrapped, 'base64');
    const d = crypto.createDecipheriv('aes-256-gcm', kek(secret, Buffer.from(w.salt, 'base64'), w.logN), Buffer.from(w.nonce, 'base64'));
    d.setAAD(Buffer.from(w.id));
    d.setAuthTag(buf.subarray(buf.length - 16));
    const key = Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** 24 characters of an alphabet without look-alikes (0/O, 1/I/L), in groups of four: 115 bits. */
export function newRecoveryCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(24);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out.match(/.{4}/g)!.join('-');
}
const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

export function keyringExists(dataDir: string): boolean {
  return fs.existsSync(keyringFile(dataDir));
}

export function readKeyring(dataDir: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(keyringFile(dataDir), 'utf8'));
  } catch {
    throw new AppError('KEYS_DAMAGED', '密钥文件（keys/access.json）无法读取或已损坏，无法打开数据。请从备份恢复该文件。');
  }
  const parsed = keyringSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('KEYS_DAMAGED', '密钥文件（keys/access.json）内容不完整，无法打开数据。请从备份恢复该文件。');
  return parsed.data;
}

function writeKeyring(dataDir: string, ring: Keyring): void {
  fs.mkdirSync(path.dirname(keyringFile(dataDir)), { recursive: true, mode: 0o700 });
  writeFileDurably(keyringFile(dataDir), JSON.stringify(ring, null, 2) + '\n', 0o600);
}

/** A new keyring: a fresh data key wrapped for the first person and for a new recovery code. */
export function createKeyring(
  dataDir: string,
  office: string,
  login: string,
  password: string,
  logN = DEFAULT_LOG_N,
): { dataKey: Buffer; recoveryCode: string } {
  const dataKey = crypto.randomBytes(32);
  return { dataKey, recoveryCode: createKeyringWithKey(dataDir, office, login, password, dataKey, logN).recoveryCode };
}

/** The same, for a data key already in use (a folder from before accounts, encrypted just before). */
export function createKeyringWithKey(
  dataDir: string,
  office: string,
  login: string,
  password: string,
  dataKey: Buffer,
  logN = DEFAULT_LOG_N,
): { recoveryCode: string } {
  if (keyringExists(dataDir)) throw new AppError('ALREADY_INITIALISED', '该数据文件夹已经设置过密钥，不能重复设置。');
  const recoveryCode = newRecoveryCode();
  writeKeyring(dataDir, {
    format: 'guanai-keyring',
    version: 1,
    office,
    wraps: [
      wrapKey(personWrapId(office, login), dataKey, password, logN),
      wrapKey(RECOVERY_WRAP_ID, dataKey, normaliseRecoveryCode(recoveryCode), logN),
    ],
  });
  return { recoveryCode };
}

/** The data key, if this person's password opens their wrap; null otherwise (same answer for unknown people). */
export function unlockWithPassword(dataDir: string, office: string, login: string, password: string): Buffer | null {
  const ring = readKeyring(dataDir);
  const id = personWrapId(office, login);
  const w = ring.wraps.find((x) => x.id === id);
  if (!w) {
    // Same work for an unknown login, so timing doesn't tell which logins exist.
    kek(password, crypto.randomBytes(16), ring.wraps[0]?.logN ?? DEFAULT_LOG_N);
    return null;
  }
  return unwrapKey(w, password);
}

export function unlockWithRecoveryCode(dataDir: string, code: string): Buffer | null {
  const w = readKeyring(dataDir).wraps.find((x) => x.id === RECOVERY_WRAP_ID);
  return w ? unwrapKey(w, normaliseRecoveryCode(code)) : null;
}

/** Wraps the data key for a person (new person, new or reset password), replacing their earlier wrap. */
export function setPersonWrap(dataDir: string, office: string, login: string, password: string, dataKey: Buffer): void {
  const ring = readKeyring(dataDir);
  const id = personWrapId(office, login);
  const logN = ring.wraps.find((x) => x.id === RECOVERY_WRAP_ID)?.logN ?? DEFAULT_LOG_N;
  writeKeyring(dataDir, { ...ring, wraps: [...ring.wraps.filter((x) => x.id !== id), wrapKey(id, dataKey, password, logN)] });
}

/** A disabled person's wrap is removed: their password no longer opens the data. */
export function removePersonWrap(dataDir: string, office: string, login: string): void {
  const ring = readKeyring(dataDir);
  const id = personWrapId(office, login);
  writeKeyring(dataDir, { ...ring, wraps: ring.wraps.filter((x) => x.id !== id) });
}

/** Keys derived from the data key for each use, so no two uses share a key. */
export function subKey(dataKey: Buffer, use: 'store' | 'audit' | 'identity'): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), `guanai/${use}/v1`, 32));
}

/** Checks the keyring against the data key: every wrap parses; used by `doctor`. */
export function keyringProblems(dataDir: string): string[] {
  try {
    const ring = readKeyring(dataDir);
    const problems: string[] = [];
    if (!ring.wraps.some((w) => w.id === RECOVERY_WRAP_ID)) problems.push('密钥文件中缺少恢复码的密钥');
    if (!ring.wraps.some((w) => w.id.startsWith('person:'))) problems.push('密钥文件中没有任何人员的密钥');
    return problems;
  } catch (err) {
    return [(err as Error).message];
  }
}
