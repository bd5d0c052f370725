// An office's identity: who it is (code, name, level) and its key pairs. Ed25519 signs bundles, X25519 receives
// encrypted ones. Private keys are written only inside the data folder, with owner-only permissions, and sealed under
// the data key when there is one; the public half (office.json) holds no personal data and stays readable.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { writeFileDurably } from '../store/durable-file';
import { isSealedFile, SealError, type Sealer } from '../store/sealed';
import {
  officeCodeSchema,
  officeLevelSchema,
  officeNameSchema,
  type OfficeInit,
} from '../contract/schemas/office';

export { officeInitSchema, officeLevels, officeLevelNames, officeCodeSchema, officeNameSchema, officeLevelSchema } from '../contract/schemas/office';
export type { OfficeInit, OfficeLevel } from '../contract/schemas/office';

/** The public half: safe to show, print and hand to other offices. */
export const officePublicSchema = z.object({
  format: z.literal('guanai-office'),
  code: officeCodeSchema,
  name: officeNameSchema,
  level: officeLevelSchema,
  createdAt: z.string(),
  signingKey: z.string().min(1), // Ed25519 public key, SPKI DER base64
  encryptionKey: z.string().min(1), // X25519 public key, SPKI DER base64
  fingerprint: z.string(),
});
export type OfficePublic = z.infer<typeof officePublicSchema>;

const officePrivateSchema = z.object({
  format: z.literal('guanai-office-private'),
  signingKey: z.string().min(1), // PKCS8 DER base64
  encryptionKey: z.string().min(1),
});
export type OfficePrivate = z.infer<typeof officePrivateSchema>;

export interface OfficeIdentity {
  public: OfficePublic;
  private: OfficePrivate;
}

export const identityFiles = (dataDir: string) => ({
  publicFile: path.join(dataDir, 'office.json'),
  privateFile: path.join(dataDir, 'keys', 'office-private.json'),
});

/**
 * A short fingerprint people can read aloud over the phone: 20 base-32 characters from the SHA-256 of both public
 * keys, in groups of four. Letters that are easy to confuse (0/O, 1/I/L) are left out of the alphabet.
 */
export function fingerprintOf(signingKey: string, encryptionKey: string): string {
  const digest = crypto.createHash('sha256').update(`${signingKey}\n${encryptionKey}`).digest();
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let out = '';
  for (let i = 0; i < 20; i++) out += alphabet[digest[i]! % alphabet.length];
  return out.match(/.{4}/g)!.join('-');
}

export function generateIdentity(init: OfficeInit, now: Date): OfficeIdentity {
  const sign = crypto.generateKeyPairSync('ed25519');
  const enc = crypto.generateKeyPairSync('x25519');
  const der = (k: crypto.KeyObject, type: 'spki' | 'pkcs8') => k.export({ format: 'der', type }).toString('base64');
  const signingKey = der(sign.publicKey, 'spki');
  const encryptionKey = der(enc.publicKey, 'spki');
  return {
    public: {
      format: 'guanai-office',
      code: init.code,
      name: init.name,
      level: init.level,
      createdAt: now.toISOString(),
      signingKey,
      encryptionKey,
      fingerprint: fingerprintOf(signingKey, encryptionKey),
    },
    private: {
      format: 'guanai-office-private',
      signingKey: der(sign.privateKey, 'pkcs8'),
      encryptionKey: der(enc.privateKey, 'pkcs8'),
    },
  };
}

export function identityExists(dataDir: string): boolean {
  return fs.existsSync(identityFiles(dataDir).publicFile);
}

/** What the private key file is sealed under. */
const PRIVATE_LABEL = 'office-private';

function writePrivate(privateFile: string, keys: OfficePrivate, sealer?: Sealer): void {
  fs.mkdirSync(path.dirname(privateFile), { recursive: true, mode: 0o700 });
  const json = JSON.stringify(keys, null, 2) + '\n';
  writeFileDurably(privateFile, sealer ? sealer.sealFile(json, PRIVATE_LABEL) : json, 0o600);
}

/** `sealer`: seal the private keys under the data key; undefined writes the legacy plaintext file. */
export function saveIdentity(dataDir: string, identity: OfficeIdentity, sealer?: Sealer): void {
  const { publicFile, privateFile } = identityFiles(dataDir);
  writePrivate(privateFile, identity.private, sealer);
  writeFileDurably(publicFile, JSON.stringify(identity.public, null, 2) + '\n', 0o644);
}

export function loadPublicIdentity(dataDir: string): OfficePublic {
  const { publicFile } = identityFiles(dataDir);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(publicFile, 'utf8'));
  } catch {
    throw new AppError('IDENTITY_DAMAGED', `本单位身份文件 ${publicFile} 无法读取或已损坏。请从备份恢复（guanai backup restore）。`);
  }
  const parsed = officePublicSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('IDENTITY_DAMAGED', `本单位身份文件 ${publicFile} 内容不完整。请从备份恢复（guanai backup restore）。`);
  if (parsed.data.fingerprint !== fingerprintOf(parsed.data.signingKey, parsed.data.encryptionKey)) {
    throw new AppError('IDENTITY_DAMAGED', '本单位身份文件的指纹与公钥不符，文件可能被改动。');
  }
  return parsed.data;
}

function readPrivate(privateFile: string, sealer?: Sealer): OfficePrivate {
  let stored: Buffer;
  try {
    stored = fs.readFileSync(privateFile);
  } catch {
    throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件无法读取或已损坏。');
  }
  const sealed = isSealedFile(stored);
  if (sealed && !sealer) throw new AppError('KEY_WRONG', '本单位私钥已加密，需要登录（提供密钥）后才能使用。');
  // Given a key, only a sealed file is taken: a plaintext one in its place was not written by this office.
  if (!sealed && sealer) throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件未加密，与已加密的数据文件夹不符。');
  let text: string;
  try {
    text = sealer ? sealer.openFile(stored, PRIVATE_LABEL).toString('utf8') : stored.toString('utf8');
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    if (err.reason === 'key') throw new AppError('KEY_WRONG', '密钥不正确，无法解密本单位私钥。');
    throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件已损坏或被改动。');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件无法读取或已损坏。');
  }
  const parsed = officePrivateSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件内容不完整。');
  return parsed.data;
}

/** `sealer`: the data key when the folder is encrypted; undefined reads the legacy plaintext file. */
export function loadIdentity(dataDir: string, sealer?: Sealer): OfficeIdentity {
  const pub = loadPublicIdentity(dataDir);
  return { public: pub, private: readPrivate(identityFiles(dataDir).privateFile, sealer) };
}

/** Whether the private key file is sealed (null: there is none). */
export function identityIsSealed(dataDir: string): boolean | null {
  const { privateFile } = identityFiles(dataDir);
  if (!fs.existsSync(privateFile)) return null;
  return isSealedFile(fs.readFileSync(privateFile));
}

/**
 * Seals a legacy plaintext private key file in place (temp, fsync, rename: a crash leaves the old or the new file).
 * Does nothing when it is sealed already; a file sealed under another key is refused by opening it.
 */
export function encryptIdentity(dataDir: string, sealer: Sealer): void {
  const { privateFile } = identityFiles(dataDir);
  if (identityIsSealed(dataDir)) {
    readPrivate(privateFile, sealer);
    return;
  }
  writePrivate(privateFile, readPrivate(privateFile), sealer);
}
