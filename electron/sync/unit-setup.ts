// The setup file for a member unit's office (issue 14): one sitting per unit. The joint-meeting office exports it —
// its own card and the unit's share, the same operations a bundle to the unit would carry, with the same guard
// against children's personal data — encrypted under a one-time setup code the office's screen shows once. On the
// unit's PC the liaison creates the unit office and imports the file with that code; the card inside becomes the
// office it trusts (the code proves the file came from that screen), and the unit's own card, whose fingerprint the
// liaison reads out, is then trusted at the office.
import crypto from 'node:crypto';
import { z } from 'zod';
import { cardToText, makeCard, parseCard } from '../bundle/office-card';
import { AppError } from '../contract/errors';
import type { ImportResult, Vector } from '../contract/schemas/exchange';
import { unitOfficeCode, unitOfficeParts } from '../contract/schemas/office';
import type { OfficePublic } from '../identity/identity';
import { SCHEMA_VERSION } from '../store/migrations';
import type { Operation } from '../store/operation';
import type { Change, Store } from '../store/store';
import { dryRun } from './dry-run';
import { logChange } from './exchange-log';
import { selectOperations } from './export';
import { isOperation } from './operation-check';
import { PEER_ENTITY, WITHHELD_ENTITY } from './local-entities';
import { readPeer, trustCard } from './peers';
import { UNIT_DOWN_ENTITIES } from './unit-share';

export const SETUP_FORMAT = 'guanai-unit-setup';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 16 characters a person can type from the screen, in groups of four. */
export function newSetupCode(): string {
  const bytes = crypto.randomBytes(16);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out.match(/.{4}/g)!.join('-');
}
const normalCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

const fileSchema = z.strictObject({
  format: z.literal(SETUP_FORMAT),
  version: z.literal(1),
  office: z.strictObject({ code: z.string(), name: z.string(), fingerprint: z.string() }),
  unit: z.strictObject({ id: z.string(), name: z.string(), officeCode: z.string() }),
  createdAt: z.string(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
});
type SetupFile = z.infer<typeof fileSchema>;

interface SetupContent {
  card: string;
  acks: Vector;
  schemaVersion: number;
  ops: Operation[];
}

const keyOf = (code: string, salt: Buffer) => crypto.scryptSync(normalCode(code), salt, 32, SCRYPT);

export interface BuiltSetup {
  text: string;
  fileName: string;
  setupCode: string;
  unitOfficeCode: string;
  operations: number;
}

/** At the joint-meeting office: the setup file for one member unit. Refuses (nothing written) like a bundle would. */
export function buildUnitSetup(store: Store, self: OfficePublic, unit: { id: string; name: string }, now: Date): BuiltSetup {
  if (self.level === 'unit') throw new AppError('REFUSED', '成员单位不能为其他单位生成设置文件。');
  const code = unitOfficeCode(self.code, unit.id);
  const selected = selectOperations(store, self, { code, name: unit.name, level: 'unit', acked: {} }, { full: false });
  const content: SetupContent = {
    card: cardToText(makeCard(self)),
    acks: store.versionVector(),
    schemaVersion: SCHEMA_VERSION,
    ops: selected.ops,
  };
  const setupCode = newSetupCode();
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyOf(setupCode, salt), iv);
  const header = { office: { code: self.code, name: self.name, fingerprint: self.fingerprint }, unit: { id: unit.id, name: unit.name, officeCode: code } };
  cipher.setAAD(Buffer.from(JSON.stringify(header), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  const file: SetupFile = {
    format: SETUP_FORMAT,
    version: 1,
    ...header,
    createdAt: now.toISOString(),
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  return {
    text: JSON.stringify(file, null, 2) + '\n',
    fileName: `关爱成员单位设置_${unit.name}_${code}_${date}.json`,
    setupCode,
    unitOfficeCode: code,
    operations: selected.ops.filter((op) => op.entity !== WITHHELD_ENTITY).length,
  };
}

const unreadable = () => new AppError('SETUP_INVALID', '所选文件不是成员单位设置文件，或已损坏。请联席会议办公室重新导出。');

/** Reads the file's open part (who it is from and for) without the code. */
export function readSetupHeader(text: string): SetupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw unreadable();
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

/** Decrypts a setup file's content with its code (tests read what it carries). */
export function openSetupFile(text: string, setupCode: string): SetupContent {
  return openSetup(readSetupHeader(text), setupCode);
}

function openSetup(file: SetupFile, setupCode: string): SetupContent {
  let plain: string;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyOf(setupCode, Buffer.from(file.salt, 'base64')), Buffer.from(file.iv, 'base64'));
    decipher.setAAD(Buffer.from(JSON.stringify({ office: file.office, unit: file.unit }), 'utf8'));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('SETUP_CODE_WRONG', '设置码不正确，或设置文件已被改动。请核对联席会议办公室屏幕上显示的设置码。', { setupCode: '设置码不正确' });
  }
  const content = JSON.parse(plain) as SetupContent;
  if (!Array.isArray(content.ops) || !content.ops.every(isOperation) || typeof content.card !== 'string') throw unreadable();
  return content;
}

/**
 * At the new unit office (its store still empty): trusts the joint-meeting office's card and takes the unit's share.
 * Refuses a file made for another unit, and any record a unit office must not hold.
 */
export function applyUnitSetup(store: Store, self: OfficePublic, text: string, setupCode: string, user: string, now: Date): ImportResult & { office: { code: string; name: string; fingerprint: string } } {
  const file = readSetupHeader(text);
  if (self.level !== 'unit' || file.unit.officeCode !== self.code) {
    throw new AppError(
      'SETUP_MISMATCH',
      `此设置文件是为「${file.unit.name}」（代码 ${file.unit.officeCode}）生成的，与本单位（代码 ${self.code}）不符，不能导入。`,
    );
  }
  if (unitOfficeParts(self.code)?.officeCode !== file.office.code) throw unreadable();
  const content = openSetup(file, setupCode);
  if (content.schemaVersion > SCHEMA_VERSION) {
    throw new AppError('BUNDLE_SCHEMA_TOO_NEW', '此设置文件由较新版本的程序导出，不能导入。请先升级本程序。');
  }
  const card = parseCard(content.card);
  if (card.code !== file.office.code || card.fingerprint !== file.office.fingerprint) throw unreadable();
  const foreign = content.ops.find((op) => op.entity !== WITHHELD_ENTITY && !UNIT_DOWN_ENTITIES.has(op.entity));
  // Operations of several origins may come (another unit's report on a shared task): each without a gap.
  if (foreign || content.ops.some((op) => op.office === self.code)) throw unreadable();
  const held = store.versionVector();
  const toApply = content.ops.filter((op) => op.seq > (held[op.office] ?? 0));
  const next: Record<string, number> = {};
  for (const op of toApply) {
    const expected = next[op.office] ?? (held[op.office] ?? 0) + 1;
    if (op.seq !== expected) throw unreadable();
    next[op.office] = expected + 1;
  }
  const summary = dryRun(store, toApply);
  trustCard(store, self, user, now, content.card, card.fingerprint);
  if (toApply.length) store.commitForeign(toApply);
  const peer = readPeer(store, card.code)!;
  const at = now.toISOString();
  const local: Change[] = [
    { entity: PEER_ENTITY, id: card.code, set: { acked: content.acks, bundlesReceived: (peer.bundlesReceived ?? 0) + 1, lastReceivedAt: at } },
    logChange(crypto.randomUUID(), {
      direction: 'import',
      peerCode: card.code,
      peerName: card.name,
      at,
      fileName: '成员单位设置文件',
      bundleId: `setup:${file.createdAt}`,
      operations: toApply.length,
      summary: { new: summary.new, updated: summary.updated, unchanged: summary.unchanged, conflicts: summary.conflicts },
      by: user,
    }),
  ];
  store.commit(local, user);
  return {
    ...summary,
    applied: toApply.length > 0,
    bundleId: `setup:${file.createdAt}`,
    sender: { code: card.code, name: card.name },
    transfersAccepted: 0,
    office: { code: card.code, name: card.name, fingerprint: card.fingerprint },
  };
}
