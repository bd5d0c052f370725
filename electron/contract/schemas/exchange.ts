// Data exchange by USB bundles (issue 6): channel arguments and result types. Pure zod (the renderer imports this
// module as values).
import { z } from 'zod';
import { OFFICE_CODE_PATTERN, type OfficeLevel } from './office';
import { fileHandleSchema } from './files';

const officeCode = z
  .string({ message: '请选择单位' })
  .regex(OFFICE_CODE_PATTERN, { message: '单位代码应为 6 位数字（乡镇街道为 9 位），成员单位的代码为“联席会议办公室代码-单位标识”' });
const hlc = z.string().regex(/^\d{15}-\d{5}-\d{6}(?:\d{3}|-[a-z0-9][a-z0-9-]{0,39})?$/, { message: '所选的值无效' });

/** Largest bundle accepted from a USB stick, and so the largest base64 text the preview sends. */
export const MAX_BUNDLE_FILE_BYTES = 128 * 1024 * 1024;

/**
 * A bundle file: picked in a dialog (desktop: `handle`), a path (CLI; the preview only inside its exchange folder),
 * or its bytes as base64 (a browser upload). Paths and handles are resolved by the shell's file access.
 */
export const bundleSourceSchema = z
  .strictObject({
    handle: fileHandleSchema.optional(),
    path: z.string().min(1).max(4096).optional(),
    data: z.string().max(Math.ceil((MAX_BUNDLE_FILE_BYTES * 4) / 3) + 8).optional(),
    fileName: z.string().max(260).optional(),
  })
  .refine((s) => [s.handle, s.path, s.data].filter((x) => x !== undefined).length === 1, { message: '请选择要导入的数据包文件' });
export type BundleSource = z.infer<typeof bundleSourceSchema>;

export const cardTextSchema = z.strictObject({
  text: z.string({ message: '请选择单位名片文件' }).min(1, { message: '请选择单位名片文件' }).max(64 * 1024),
});
export const trustSchema = z.strictObject({
  text: cardTextSchema.shape.text,
  /** The fingerprint the person compared and confirmed; must be the card's. */
  fingerprint: z.string().min(1).max(40),
});
export const revokeSchema = z.strictObject({ code: officeCode });
export const exportSchema = z.strictObject({
  to: officeCode,
  /** A full copy of everything but this office's local records, instead of what routing sends. */
  full: z.boolean().default(false),
  /** The folder (USB stick) to write to: picked in a dialog (desktop) or a path (CLI, the preview's exchange folder). */
  folderHandle: fileHandleSchema.optional(),
  folder: z.string().min(1).max(4096).optional(),
  // Without either the file comes back as base64.
  /** While the journal has damage: send what is intact anyway, the bundle marked as missing what was lost. */
  allowDamaged: z.boolean().optional(),
});
export const resolveSchema = z.strictObject({
  entity: z.string().min(1).max(40),
  id: z.string().min(1).max(80),
  field: z.string().min(1).max(120),
  /** The stamp of the value chosen: the current one or one of the kept losers. */
  choice: hlc,
});
export const transferSchema = z.strictObject({
  childId: z.string().min(1).max(80),
  to: officeCode,
  date: z.string({ message: '请填写转出日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: '转出日期应为“2025-03-20”形式的日期' }),
  note: z.string().max(500, { message: '情况说明不能超过500个字' }).optional(),
});

export type Vector = Record<string, number>;

export interface CardFile {
  fileName: string;
  text: string;
  fingerprint: string;
}

export interface CardPreview {
  code: string;
  name: string;
  level: OfficeLevel;
  fingerprint: string;
  createdAt: string;
  /** This very card (same fingerprint) is already trusted. */
  alreadyTrusted: boolean;
  /** A different card of the same office is trusted now: trusting this one replaces it. */
  replaces?: string;
  /** This key was revoked here; it cannot be trusted again. */
  revoked: boolean;
  /** The card is this office's own. */
  self: boolean;
}

export interface PeerView {
  code: string;
  name: string;
  level: OfficeLevel;
  fingerprint: string;
  status: 'trusted' | 'revoked';
  trustedAt: string;
  revokedAt?: string;
  /** Bundles exported to it: how many, when last, and up to which of this office's own numbers. */
  sent: { bundles: number; lastAt?: string; ownUpTo: number };
  /** Bundles imported from it, and up to which of ITS numbers this office holds. */
  received: { bundles: number; lastAt?: string; theirsUpTo: number };
  /** Up to which of this office's numbers it has confirmed holding (from its last bundle); whether that is all sent. */
  acknowledged: { ownUpTo: number; allSentAcknowledged: boolean };
}

export interface EntityCounts {
  new: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface DryRunSummary extends EntityCounts {
  byEntity: Record<string, EntityCounts & { label: string }>;
  /** Every operation in the bundle is already held: importing changes nothing. */
  alreadyApplied: boolean;
  /** Operations that would be added (place-holders for withheld ones included). */
  operations: number;
}

export interface BundleCheck {
  bundleId: string;
  fileName?: string;
  sender: { code: string; name: string; fingerprint: string };
  recipient: { code: string; name: string; fingerprint: string };
  createdAt: string;
  schemaVersion: number;
  operations: number;
  byEntity: Record<string, number>;
  alreadyApplied: boolean;
  /** The sender's journal was damaged: this many operations could not be read and are missing from the bundle. */
  damaged?: { lines: number; operations: number };
}

export interface ImportResult extends DryRunSummary {
  applied: boolean;
  bundleId: string;
  sender: { code: string; name: string };
  /** Children transferred to this office that the import took over. */
  transfersAccepted: number;
}

export interface ExportResult {
  fileName: string;
  bytes: number;
  /** Desktop: where the file was written. */
  filePath?: string;
  /** Preview: the file itself, to download. */
  base64?: string;
  operations: number;
  withheld: number;
  byEntity: Record<string, number>;
  /** Sent with --allow-damaged from a damaged journal: what is missing from it. */
  damaged?: { lines: number; operations: number };
  /**
   * To a member unit's office: issued documents (bulletins, minutes) not sent because they hold a child's personal
   * data and, being issued, can never be corrected. The person is told; the rest of the bundle went.
   */
  keptBack?: { entity: string; id: string; title: string }[];
}

export interface ExchangeLogEntry {
  id: string;
  direction: 'export' | 'import';
  peerCode: string;
  peerName: string;
  at: string;
  fileName: string;
  bundleId: string;
  operations: number;
  full?: boolean;
  summary?: EntityCounts;
  /** Who exported or imported it (login); entries from before accounts have none. */
  by?: string;
  /** That person's name as shown (本机用户 for entries from before accounts). */
  byName?: string;
}

export interface ConflictValue {
  value: unknown;
  hlc: string;
  office: string;
  officeName: string;
  at: string;
}

export interface ConflictItem {
  entity: string;
  entityLabel: string;
  id: string;
  title: string;
  field: string;
  fieldLabel: string;
  current: ConflictValue;
  losers: ConflictValue[];
}

export interface DuplicateGroup {
  /** Masked: never the full number on screen. */
  idNumberMasked: string;
  records: { id: string; name: string; office: string; officeName: string }[];
}

export interface TransferResult {
  id: string;
  to: string;
  toName: string;
}

/** Chinese names of the record kinds, for dry runs and the conflicts list. */
export const entityLabels: Record<string, string> = {
  child: '儿童信息',
  visit: '走访记录',
  assistance: '帮扶措施',
  assessment: '评估记录',
  report: '强制报告',
  reportFollowUp: '报告跟进',
  codeItem: '增补代码',
  taskReport: '任务进展报告',
  body: '联席会议',
  unit: '成员单位',
  post: '人员职务',
  liaison: '联络员',
  task: '督办事项',
  meeting: '会议',
  topic: '议题',
  attendance: '出席情况',
  decision: '议定事项',
  minutes: '会议纪要',
  bulletin: '工作通报',
  issuedDocument: '印发文件存档',
  withheld: '未发送记录占位',
};
// Own properties only: an entity name from a bundle or a caller must not find Object.prototype's members.
export const entityLabel = (entity: string) => (Object.hasOwn(entityLabels, entity) ? entityLabels[entity]! : entity);
