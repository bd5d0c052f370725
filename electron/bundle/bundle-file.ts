// One bundle file: encode for a recipient office, read its manifest without trusting it, and open it with every
// check in a fixed order, so the reason a file is refused is always the first thing wrong with it.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { AppError } from '../contract/errors';
import type { OfficeIdentity } from '../identity/identity';
import {
  appendSignature,
  DEFAULT_MAX_BUNDLE_BYTES,
  formatBytes,
  packSigned,
  unpackContainer,
} from './bundle-container';
import type { ContainerLimits } from './bundle-container';
import { envelopeAad, envelopeHeaderSchema, openPayload, sealPayload } from './bundle-envelope';
import type { EnvelopeHeader } from './bundle-envelope';
import { bundleError, damaged } from './bundle-errors';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleManifestInputSchema,
  bundleManifestSchema,
  describeManifestIssue,
} from './bundle-manifest';
import type { BundleManifest, BundleManifestInput } from './bundle-manifest';
import { importPrivateKey, importPublicKey, spkiBase64Of } from './keys';
import { cardKeysProblem } from './office-card';
import type { PeerCard } from './office-card';

export { bundleFileName, BUNDLE_FILE_EXTENSION } from './bundle-file-name';
export type { BundleManifest, BundleManifestInput } from './bundle-manifest';

export const DEFAULT_MAX_PAYLOAD_BYTES = 512 * 1024 * 1024;
const SIGNATURE_CONTEXT = 'GUANAI-BUNDLE-SIGNATURE 1\n';

export interface BundleLimits extends ContainerLimits {
  /** Largest payload JSON text (uncompressed) accepted; decompression stops there. */
  maxPayloadBytes?: number;
}

export interface EncodeBundleArgs extends BundleLimits {
  manifest: BundleManifestInput;
  /** Any JSON value. */
  payload: unknown;
  sender: OfficeIdentity;
  recipient: PeerCard;
}

export interface OpenBundleArgs extends BundleLimits {
  self: OfficeIdentity;
  /** The trusted card for an office code, or undefined when that office is not trusted. */
  trusted: (code: string) => PeerCard | undefined;
  /** Whether this office's key with this fingerprint has been withdrawn. */
  revoked?: (code: string, fingerprint: string) => boolean;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  payload: unknown;
}

/** The message the sender signs: a fixed context string and a SHA-512 of every byte before the signature. */
export function signatureMessage(signed: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(SIGNATURE_CONTEXT, 'ascii'),
    crypto.createHash('sha512').update(signed).digest(),
  ]);
}

const sha256Hex = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

export function encodeBundle(args: EncodeBundleArgs): Buffer {
  const { sender, recipient } = args;
  const maxBytes = args.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const maxPayload = args.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;

  const input = bundleManifestInputSchema.safeParse(args.manifest);
  if (!input.success) {
    throw bundleError(
      'BUNDLE_MANIFEST_INVALID',
      `导出数据包失败：清单${describeManifestIssue(input.error)}。`,
    );
  }
  const signingKey = importPrivateKey(sender.private.signingKey, 'ed25519');
  if (!signingKey || spkiBase64Of(crypto.createPublicKey(signingKey)) !== sender.public.signingKey) {
    throw new AppError('IDENTITY_DAMAGED', '本单位私钥与公钥不匹配或已损坏，无法签名数据包。');
  }
  const recipientProblem = cardKeysProblem(recipient);
  if (recipientProblem) {
    throw new AppError(
      recipientProblem === 'keys' ? 'CARD_INVALID' : 'CARD_FINGERPRINT_MISMATCH',
      `接收单位「${recipient.name}」（代码 ${recipient.code}）的名片已损坏或公钥与指纹不符，无法向其导出数据包。`,
    );
  }

  let text: string | undefined;
  try {
    text = JSON.stringify(args.payload);
  } catch {
    text = undefined;
  }
  if (text === undefined)
    throw bundleError('BUNDLE_PAYLOAD_INVALID', '导出数据包失败：内容无法转换为 JSON。');
  const plain = Buffer.from(text, 'utf8');
  if (plain.length > maxPayload) {
    throw bundleError(
      'BUNDLE_TOO_LARGE',
      `导出内容为 ${formatBytes(plain.length)}，超过单个数据包的上限 ${formatBytes(maxPayload)}。请分批导出。`,
    );
  }

  const { bundleId = crypto.randomUUID(), ...content } = input.data;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    sender: { code: sender.public.code, name: sender.public.name, fingerprint: sender.public.fingerprint },
    recipient: { code: recipient.code, name: recipient.name, fingerprint: recipient.fingerprint },
    ...content,
    payloadSha256: sha256Hex(plain),
    payloadBytes: plain.length,
  };
  const checked = bundleManifestSchema.safeParse(manifest);
  if (!checked.success) {
    throw bundleError(
      'BUNDLE_MANIFEST_INVALID',
      `导出数据包失败：清单${describeManifestIssue(checked.error)}。`,
    );
  }
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  const { header, ciphertext } = sealPayload(
    zlib.gzipSync(plain),
    importPublicKey(recipient.encryptionKey, 'x25519')!,
    bundleId,
    envelopeAad(manifestBytes),
  );
  const signed = packSigned(manifestBytes, Buffer.from(JSON.stringify(header), 'utf8'), ciphertext);
  const file = appendSignature(signed, crypto.sign(null, signatureMessage(signed), signingKey));
  if (file.length > maxBytes) {
    throw bundleError(
      'BUNDLE_TOO_LARGE',
      `数据包大小为 ${formatBytes(file.length)}，超过上限 ${formatBytes(maxBytes)}。请分批导出。`,
    );
  }
  return file;
}

function parseJsonBytes(bytes: Buffer): unknown {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return JSON.parse(text);
}

interface ParsedBundle {
  manifest: BundleManifest;
  header: EnvelopeHeader;
  manifestBytes: Buffer;
  ciphertext: Buffer;
  signature: Buffer;
  signed: Buffer;
}

function parseBundle(buf: Buffer, limits: BundleLimits): ParsedBundle {
  const { sections, signed } = unpackContainer(buf, limits);
  let rawManifest: unknown;
  let rawHeader: unknown;
  try {
    rawManifest = parseJsonBytes(sections.manifest);
  } catch {
    throw damaged('清单不是有效的 JSON 文本');
  }
  const manifest = bundleManifestSchema.safeParse(rawManifest);
  if (!manifest.success) throw damaged(`清单${describeManifestIssue(manifest.error)}`);
  try {
    rawHeader = parseJsonBytes(sections.header);
  } catch {
    throw damaged('加密信息不是有效的 JSON 文本');
  }
  const header = envelopeHeaderSchema.safeParse(rawHeader);
  if (!header.success) throw damaged('加密信息不正确');
  const maxPayload = limits.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  if (manifest.data.payloadBytes > maxPayload) {
    throw bundleError(
      'BUNDLE_TOO_LARGE',
      `数据包内容解压后为 ${formatBytes(manifest.data.payloadBytes)}，超过允许的上限 ${formatBytes(maxPayload)}，不能导入。`,
    );
  }
  return {
    manifest: manifest.data,
    header: header.data,
    manifestBytes: sections.manifest,
    ciphertext: sections.ciphertext,
    signature: sections.signature,
    signed,
  };
}

/**
 * The manifest of a bundle file, checked for shape but NOT verified: for showing what a file claims to be before
 * anyone decides to import it. Never act on it without openBundle.
 */
export function readManifest(buf: Buffer, limits: BundleLimits = {}): BundleManifest {
  return parseBundle(buf, limits).manifest;
}

const who = (r: { name: string; code: string }) => `「${r.name}」（代码 ${r.code}）`;

/**
 * Verifies and decrypts a bundle addressed to this office. Checks, in order: container, size, sender trusted, sender
 * not revoked, sender key as trusted, signature, recipient, decryption, payload hash and size, payload JSON.
 * Schema-version checks are the caller's (manifest.schemaVersion).
 */
export function openBundle(buf: Buffer, args: OpenBundleArgs): OpenedBundle {
  const { manifest, header, manifestBytes, ciphertext, signature, signed } = parseBundle(buf, args);
  const { sender, recipient } = manifest;

  const card = args.trusted(sender.code);
  if (!card) {
    throw bundleError(
      'BUNDLE_UNKNOWN_SENDER',
      `此数据包自称来自${who(sender)}，指纹 ${sender.fingerprint}，但本单位尚未信任该单位，不能导入。` +
        '请先导入对方的单位名片，并通过电话与对方核对指纹一致后再导入。',
    );
  }
  const revoked = args.revoked;
  if (
    revoked &&
    (revoked(sender.code, sender.fingerprint) ||
      (card.fingerprint !== sender.fingerprint && revoked(card.code, card.fingerprint)))
  ) {
    throw bundleError(
      'BUNDLE_REVOKED_SENDER',
      `此数据包的发送单位${who(sender)}所用密钥（指纹 ${sender.fingerprint}）已被注销，不能导入。请与该单位联系核实。`,
    );
  }
  if (cardKeysProblem(card)) {
    throw new AppError(
      'CARD_INVALID',
      `本单位保存的${who(card)}名片已损坏（公钥与指纹不符），无法核验其数据包。请重新导入并核对该单位的名片。`,
    );
  }
  if (card.code !== sender.code || card.fingerprint !== sender.fingerprint) {
    throw bundleError(
      'BUNDLE_SENDER_MISMATCH',
      `此数据包自称来自${who(sender)}，所写指纹为 ${sender.fingerprint}，与本单位保存的该单位名片指纹 ${card.fingerprint} 不符，` +
        '不能导入。如对方重新生成过身份，请先核对并导入其新名片。',
    );
  }
  const verifyKey = importPublicKey(card.signingKey, 'ed25519')!;
  if (!crypto.verify(null, signatureMessage(signed), verifyKey, signature)) {
    throw bundleError(
      'BUNDLE_BAD_SIGNATURE',
      `此数据包的签名校验失败：文件在导出后被改动或损坏，或并非${who(sender)}所发。不能导入。请对方重新导出。`,
    );
  }
  const self = args.self.public;
  if (recipient.code !== self.code) {
    throw bundleError(
      'BUNDLE_WRONG_RECIPIENT',
      `此数据包是${who(sender)}发给${who(recipient)}的，不是发给本单位的，不能导入。`,
    );
  }
  if (recipient.fingerprint !== self.fingerprint) {
    throw bundleError(
      'BUNDLE_WRONG_RECIPIENT',
      `此数据包是发给本单位旧密钥（指纹 ${recipient.fingerprint}）的，与本单位当前密钥（指纹 ${self.fingerprint}）不符，` +
        '无法解密。请把本单位当前的名片交给对方，请其重新导出。',
    );
  }
  const privateKey = importPrivateKey(args.self.private.encryptionKey, 'x25519');
  if (!privateKey) throw new AppError('IDENTITY_DAMAGED', '本单位私钥文件已损坏，无法解密数据包。');
  const compressed = openPayload(
    ciphertext,
    header,
    privateKey,
    manifest.bundleId,
    envelopeAad(manifestBytes),
  );

  let plain: Buffer;
  try {
    plain = zlib.gunzipSync(compressed, { maxOutputLength: manifest.payloadBytes });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw payloadMismatch();
    throw bundleError('BUNDLE_PAYLOAD_INVALID', '数据包内容无法解压，文件在导出时可能出错。请对方重新导出。');
  }
  if (plain.length !== manifest.payloadBytes || sha256Hex(plain) !== manifest.payloadSha256)
    throw payloadMismatch();
  let payload: unknown;
  try {
    payload = parseJsonBytes(plain);
  } catch {
    throw bundleError('BUNDLE_PAYLOAD_INVALID', '数据包内容不是有效的 JSON 数据，不能导入。请对方重新导出。');
  }
  return { manifest, payload };
}

const payloadMismatch = () =>
  bundleError(
    'BUNDLE_PAYLOAD_MISMATCH',
    '数据包内容与清单所记的大小或校验值不符，文件在导出时可能出错。不能导入，请对方重新导出。',
  );
