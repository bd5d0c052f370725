// An office's identity: who it is (code, name, level) and its key pairs. Ed25519 signs bundles, X25519 receives
// encrypted ones. Private keys are written only inside the data folder, with owner-only permissions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { writeFileDurably } from '../store/durable-file';
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

export function saveIdentity(dataDir: string, identity: OfficeIdentity): void {
  const { publicFile, privateFile } = identityFiles(dataDir);
  fs.mkdirSync(path.dirname(privateFile), { recursive: true, mode: 0o700 });
  writeFileDurably(privateFile, JSON.stringify(identity.private, null, 2) + '\n', 0o600);
  writeFileDurably(publicFile, JSON.stringify(identity.public, null, 2) + '\n', 0o644);
}

export function loadPublicIdentity(dataDir: string): OfficePublic {
  const { publicFile } = identityFiles(dataDir);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(publicFile, 'utf8'));
  } catch {
    throw new AppError('IDENTITY_DAMAGED', `本单位身份文件 ${publicFile} 无法读取或已损坏。`);
  }
  const parsed = officePublicSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('IDENTITY_DAMAGED', `本单位身份文件 ${publicFile} 内容不完整。`);
  if (parsed.data.fingerprint !== fingerprintOf(parsed.data.signingKey, parsed.data.encryptionKey)) {
    throw new AppError('IDENTITY_DAMAGED', '本单位身份文件的指纹与公钥不符，文件可能被改动。');
  }
  return parsed.data;
}

export function loadIdentity(dataDir: string): OfficeIdentity {
  const pub = loadPublicIdentity(dataDir);
  const { privateFile } = identityFiles(dataDir);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(privateFile, 'utf8'));
  } catch {
    throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件无法读取或已损坏。');
  }
  const parsed = officePrivateSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件内容不完整。');
  return { public: pub, private: parsed.data };
}
