// The office card: the public half of an office's identity, handed to other offices once (on a USB stick, by
// e-mail, printed) so they can verify its bundles and encrypt bundles to it. Trust comes from people comparing the
// fingerprint over the phone, so the parser recomputes it and never takes the file's word for it.
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { fingerprintOf, officeLevelSchema } from '../identity/identity';
import { OFFICE_CODE_PATTERN } from '../contract/schemas/office';
import type { OfficePublic } from '../identity/identity';
import { describeIssue } from './describe-issue';
import { importPublicKey } from './keys';

export const CARD_FORMAT = 'guanai-office-card';
export const CARD_VERSION = 1;
export const CARD_MAX_BYTES = 16 * 1024;

const fingerprintAlphabet = '[23456789ABCDEFGHJKMNPQRSTUVWXYZ]';
export const fingerprintSchema = z
  .string()
  .regex(new RegExp(`^${fingerprintAlphabet}{4}(?:-${fingerprintAlphabet}{4}){4}$`));

// Stricter than the identity form's schemas: files are checked as written, never trimmed into shape.
export const officeCodeStrictSchema = z.string().regex(OFFICE_CODE_PATTERN);
export const officeNameStrictSchema = z
  .string()
  .min(1)
  .max(60)
  .refine((s) => s === s.trim() && !/\p{Cc}/u.test(s));

export const officeCardSchema = z.strictObject({
  format: z.literal(CARD_FORMAT),
  version: z.literal(CARD_VERSION),
  code: officeCodeStrictSchema,
  name: officeNameStrictSchema,
  level: officeLevelSchema,
  signingKey: z.string().min(1).max(1024),
  encryptionKey: z.string().min(1).max(1024),
  fingerprint: fingerprintSchema,
  createdAt: z.iso.datetime(),
});
export type OfficeCard = z.infer<typeof officeCardSchema>;

/** What a bundle needs to know about a peer office; an OfficeCard and an OfficePublic both fit. */
export type PeerCard = Pick<OfficeCard, 'code' | 'name' | 'fingerprint' | 'signingKey' | 'encryptionKey'>;

const cardLabels: Record<string, string> = {
  format: '格式标识',
  version: '版本',
  code: '单位代码',
  name: '单位名称',
  level: '级别',
  signingKey: '签名公钥',
  encryptionKey: '加密公钥',
  fingerprint: '指纹',
  createdAt: '创建时间',
};

const invalid = (detail: string) => new AppError('CARD_INVALID', `单位名片无法识别：${detail}。`);

/** Whether the card's keys are real keys of the right type and its fingerprint is theirs. */
export function cardKeysProblem(card: PeerCard): 'keys' | 'fingerprint' | undefined {
  if (!importPublicKey(card.signingKey, 'ed25519') || !importPublicKey(card.encryptionKey, 'x25519'))
    return 'keys';
  return fingerprintOf(card.signingKey, card.encryptionKey) === card.fingerprint ? undefined : 'fingerprint';
}

export function makeCard(pub: OfficePublic): OfficeCard {
  const card: OfficeCard = {
    format: CARD_FORMAT,
    version: CARD_VERSION,
    code: pub.code,
    name: pub.name,
    level: pub.level,
    signingKey: pub.signingKey,
    encryptionKey: pub.encryptionKey,
    fingerprint: pub.fingerprint,
    createdAt: pub.createdAt,
  };
  // A card this office hands out must be one every other office accepts.
  if (!officeCardSchema.safeParse(card).success || cardKeysProblem(card)) {
    throw new AppError('IDENTITY_DAMAGED', '本单位身份信息不完整或公钥与指纹不符，无法生成单位名片。');
  }
  return card;
}

/** The card as the text of a `.json` file. */
export function cardToText(card: OfficeCard): string {
  return JSON.stringify(card, null, 2) + '\n';
}

export function parseCard(text: string): OfficeCard {
  if (Buffer.byteLength(text, 'utf8') > CARD_MAX_BYTES) {
    throw invalid(`文件超过 ${CARD_MAX_BYTES / 1024} KB，不是单位名片`);
  }
  let raw: unknown;
  try {
    // Notepad on older Windows saves UTF-8 with a byte-order mark.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw invalid('文件不是有效的 JSON 文本，可能已损坏或不是单位名片');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== CARD_FORMAT) {
    throw invalid('文件不是关爱系统的单位名片');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > CARD_VERSION) {
    throw new AppError(
      'CARD_INVALID',
      `该单位名片为第 ${version} 版格式，本程序只能识别第 ${CARD_VERSION} 版，请先升级本程序。`,
    );
  }
  const parsed = officeCardSchema.safeParse(raw);
  if (!parsed.success) throw invalid(describeIssue(parsed.error, cardLabels));
  const card = parsed.data;
  const problem = cardKeysProblem(card);
  if (problem === 'keys') throw invalid('其中的公钥已损坏');
  if (problem === 'fingerprint') {
    throw new AppError(
      'CARD_FINGERPRINT_MISMATCH',
      `单位名片「${card.name}」（代码 ${card.code}）上写的指纹 ${card.fingerprint} 与其公钥不符，` +
        '名片可能被改动过，不能信任。请向对方重新索取名片。',
    );
  }
  return card;
}
