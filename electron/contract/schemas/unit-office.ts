// Member units as offices (issue 14): the liaison's desk at a unit office, what it files up (progress reports with
// attachments, extension requests, its 承办人 line), and at the joint-meeting office the setup file for a unit and
// the connected-units page. Pure zod (the renderer imports this module as values).
import { z } from 'zod';
import { fileHandleSchema } from './files';
import type { OfficeLevel } from './office';
import type { TaskRow, TaskUrgeView, BulletinListItem } from './units';

const isoDate = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}应为“2025-03-20”形式的日期` });
const id = z.string().min(1).max(80);
const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}个字` });

/** Largest attachment (a scanned reply letter): it travels inside bundles. */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

/** 延期申请: a unit asks for a later deadline; the joint-meeting office decides. */
export const extensionRequestSchema = z
  .object({
    taskId: id,
    /** At a unit office: its own unit (may be left out). At the joint-meeting office: the unit it records for. */
    unitId: id.optional(),
    deadline: isoDate('申请的完成时限'),
    reason: text('申请理由', 500),
    date: isoDate('申请日期').optional(),
  })
  .strict();
export const extensionDecideSchema = z
  .object({
    requestId: id,
    approve: z.boolean({ message: '请选择是否同意延期' }),
    approvedBy: text('批准人', 40).optional(),
    from: isoDate('批复日期'),
    note: text('批复意见', 500).optional(),
  })
  .strict();

/** An attachment to a task (and a report): a path (CLI), a handle (a dialog) or the bytes as base64 (browser). */
export const attachSchema = z
  .object({
    taskId: id,
    reportId: id.optional(),
    unitId: id.optional(),
    fileName: z.string({ message: '请填写文件名' }).trim().min(1, { message: '请填写文件名' }).max(120, { message: '文件名不能超过120个字' }),
    path: z.string().min(1).max(4096).optional(),
    handle: fileHandleSchema.optional(),
    data: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, { message: '附件不能超过 8 MB' }).optional(),
  })
  .strict();
export const attachmentGetSchema = z.object({ id }).strict();

/** 承办人及联系方式 of one unit on one task. */
export const taskContactSchema = z
  .object({ id, unitId: id.optional(), contact: text('承办人及联系方式', 100) })
  .strict();

export const unitSetupExportSchema = z
  .object({ unitId: id, folder: z.string().min(1).max(4096).optional(), folderHandle: fileHandleSchema.optional() })
  .strict();

/** At the new unit office: the setup file (path, handle or base64) and the code the office's screen showed. */
export const unitSetupImportSchema = z
  .object({
    path: z.string().min(1).max(4096).optional(),
    handle: fileHandleSchema.optional(),
    data: z.string().max(200 * 1024 * 1024).optional(),
    setupCode: z.string({ message: '请填写设置码' }).trim().min(16, { message: '设置码应为 16 位' }).max(24, { message: '设置码应为 16 位' }),
  })
  .strict();

// ── results ──

export interface TaskAttachmentView {
  id: string;
  taskId: string;
  reportId: string | null;
  unitId: string;
  unitName: string;
  fileName: string;
  size: number;
  /** `sha256:` and the hex digest of the file's bytes. */
  sha256: string;
  date: string;
  /** The office that filed it. */
  source: string;
}
export interface TaskAttachmentFile extends TaskAttachmentView {
  /** The bytes, base64; checked against the hash before they are handed out. */
  data: string;
}

export const extensionStatusNames = { pending: '待批复', approved: '已同意', refused: '未同意' } as const;
export type ExtensionStatus = keyof typeof extensionStatusNames;
export interface ExtensionRequestView {
  id: string;
  taskId: string;
  unitId: string;
  unitName: string;
  deadline: string;
  reason: string;
  date: string;
  status: ExtensionStatus;
  statusLabel: string;
  decidedOn: string | null;
  decisionNote: string;
  /** The office that filed the request (a unit office, or the joint-meeting office recording it). */
  source: string;
}

export interface SetupExportResult {
  fileName: string;
  /** Typed by the liaison when importing; shown once, never kept. */
  setupCode: string;
  unitId: string;
  unitOfficeCode: string;
  operations: number;
  bytes: number;
  filePath?: string;
  base64?: string;
  /** The joint-meeting office's fingerprint, to compare on the unit's PC. */
  fingerprint: string;
}

export interface ConnectedUnit {
  unitId: string;
  unitName: string;
  /** The unit office's code (CODE-UNITID). */
  officeCode: string;
  /** Its card is trusted here. */
  connected: boolean;
  status: 'trusted' | 'revoked' | 'none';
  fingerprint: string | null;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
  bundlesSent: number;
  bundlesReceived: number;
  /** Records of its share changed here since the last bundle to it (what the next bundle will carry). */
  waiting: number;
  waitingByEntity: Record<string, number>;
  /** Why the next bundle to it would be refused (a child's personal data in its share), when it would. */
  blocked?: string;
}

export interface UnitDesk {
  today: string;
  office: { code: string; name: string; level: OfficeLevel };
  unit: { id: string; name: string; dutyItems: { id: string; text: string }[]; liaison: { name: string; post: string; phone: string } | null };
  /** The joint-meeting office this unit reports to. */
  jointOffice: { code: string; name: string; connected: boolean; lastSentAt: string | null; lastReceivedAt: string | null } | null;
  tasks: TaskRow[];
  overdue: TaskRow[];
  dueSoon: TaskRow[];
  urges: TaskUrgeView[];
  extensionRequests: ExtensionRequestView[];
  meetings: { id: string; name: string; date: string; minutes: { id: string; number: string | null; title: string; issuedDate: string | null }[] }[];
  bulletins: BulletinListItem[];
}
