// Encryption to one recipient office: an ephemeral X25519 key agreed with the recipient's X25519 key, HKDF-SHA256
// (random salt, info naming the format and the bundle) to an AES-256-GCM key. A fresh ephemeral key per bundle
// means a stolen sender key cannot read bundles the sender made; only the recipient's private key can.
import crypto from 'node:crypto';
import { z } from 'zod';
import { bundleError } from './bundle-errors';
import { decodeBase64Strict, importPublicKey, spkiBase64Of } from './keys';

export const ENVELOPE_ALG = 'X25519-HKDF-SHA256-AES-256-GCM';
export const HKDF_INFO_PREFIX = 'guanai-bundle-v1';
const SALT_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const base64Of = (bytes: number) =>
  z.string().refine((s) => decodeBase64Strict(s)?.length === bytes, { message: `expected ${bytes} bytes` });

export const envelopeHeaderSchema = z.strictObject({
  alg: z.literal(ENVELOPE_ALG),
  compression: z.literal('gzip'),
  ephemeralKey: z
    .string()
    .max(256)
    .refine((k) => importPublicKey(k, 'x25519') !== undefined, { message: 'not an X25519 key' }),
  salt: base64Of(SALT_BYTES),
  iv: base64Of(IV_BYTES),
  tag: base64Of(TAG_BYTES),
});
export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

/** Binds the ciphertext to the manifest it was made for, on top of the signature over both. */
export function envelopeAad(manifestBytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${HKDF_INFO_PREFIX}\0`, 'ascii'), manifestBytes]);
}

function deriveKey(shared: Buffer, salt: Buffer, bundleId: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', shared, salt, Buffer.from(HKDF_INFO_PREFIX + bundleId, 'utf8'), 32),
  );
}

export function sealPayload(
  plain: Buffer,
  recipientKey: crypto.KeyObject,
  bundleId: string,
  aad: Buffer,
): { header: EnvelopeHeader; ciphertext: Buffer } {
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKey });
  const salt = crypto.randomBytes(SALT_BYTES);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(shared, salt, bundleId), iv, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    header: {
      alg: ENVELOPE_ALG,
      compression: 'gzip',
      ephemeralKey: spkiBase64Of(ephemeral.publicKey),
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    ciphertext,
  };
}

const decryptFailed = () =>
  bundleError(
    'BUNDLE_DECRYPT_FAILED',
    '数据包签名无误，但本单位无法解密其内容。可能对方使用了本单位过期的名片，或文件在导出时出错。请对方核对本单位名片后重新导出。',
  );

export function openPayload(
  ciphertext: Buffer,
  header: EnvelopeHeader,
  recipientPrivateKey: crypto.KeyObject,
  bundleId: string,
  aad: Buffer,
): Buffer {
  try {
    const shared = crypto.diffieHellman({
      privateKey: recipientPrivateKey,
      publicKey: importPublicKey(header.ephemeralKey, 'x25519')!,
    });
    // A small-order ephemeral key gives an all-zero secret that anyone could compute.
    if (shared.every((b) => b === 0)) throw decryptFailed();
    const key = deriveKey(shared, decodeBase64Strict(header.salt)!, bundleId);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, decodeBase64Strict(header.iv)!, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(decodeBase64Strict(header.tag)!);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw decryptFailed();
  }
}
