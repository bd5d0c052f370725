// The manifest: the clear part of a bundle that says who sent it to whom and which operations it carries. It can be
// read before anything is trusted (to show what a file is), but it counts only once the signature has been checked.
import { z } from 'zod';
import { describeIssue } from './describe-issue';
import { fingerprintSchema, officeCodeStrictSchema, officeNameStrictSchema } from './office-card';

export const BUNDLE_FORMAT = 'guanai-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

const seqSchema = z.int().min(0);
const officeRefSchema = z.strictObject({
  code: officeCodeStrictSchema,
  name: officeNameStrictSchema,
  fingerprint: fingerprintSchema,
});
export type BundleOfficeRef = z.infer<typeof officeRefSchema>;

const rangeSchema = z
  .strictObject({ from: z.int().min(1), to: z.int().min(1) })
  .refine((r) => r.from <= r.to, { message: 'from > to' });
const entityNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/);

/** The fields the exporting code decides; the rest are filled in by encodeBundle. */
const contentShape = {
  /** Schema version of the operations inside; the caller refuses versions it does not understand. */
  schemaVersion: z.int().min(1),
  createdAt: z.iso.datetime(),
  /** Per origin office: the sequence numbers of that office's operations carried, inclusive. */
  ranges: z.record(officeCodeStrictSchema, rangeSchema),
  /** Per origin office: the highest sequence number the recipient must already hold before applying this. */
  presumes: z.record(officeCodeStrictSchema, seqSchema),
  /** The sender's version vector: per origin, the highest contiguous sequence number it has received. */
  acks: z.record(officeCodeStrictSchema, seqSchema),
  counts: z.strictObject({
    operations: seqSchema,
    byEntity: z.record(entityNameSchema, seqSchema),
  }),
  /**
   * Sent from a journal with damaged lines (--allow-damaged): how many lines, and how many operations travel as
   * content-free place-holders because they could not be read. The recipient is told the bundle is incomplete.
   */
  damaged: z.strictObject({ lines: seqSchema, operations: seqSchema }).optional(),
};

const bundleIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

type Content = z.infer<z.ZodObject<typeof contentShape>>;

// A bundle applied on top of its prerequisites must not leave a hole in any office's sequence.
function checkConsistency(m: Content, ctx: z.RefinementCtx): void {
  const sum = Object.values(m.counts.byEntity).reduce((a, b) => a + b, 0);
  if (sum !== m.counts.operations) {
    ctx.addIssue({ code: 'custom', path: ['counts'], message: 'byEntity does not add up to operations' });
  }
  for (const [origin, range] of Object.entries(m.ranges)) {
    if ((m.presumes[origin] ?? 0) < range.from - 1) {
      ctx.addIssue({ code: 'custom', path: ['presumes', origin], message: 'gap before range' });
    }
  }
}

export const bundleManifestInputSchema = z
  .strictObject({ bundleId: bundleIdSchema.optional(), ...contentShape })
  .superRefine(checkConsistency);
export type BundleManifestInput = z.input<typeof bundleManifestInputSchema>;

export const bundleManifestSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    bundleId: bundleIdSchema,
    sender: officeRefSchema,
    recipient: officeRefSchema,
    ...contentShape,
    /** SHA-256 (hex) of the payload's UTF-8 JSON text, before compression. */
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Length in bytes of that text; also caps decompression. */
    payloadBytes: z.int().min(1),
  })
  .superRefine(checkConsistency);
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export const manifestLabels: Record<string, string> = {
  format: '格式标识',
  formatVersion: '格式版本',
  bundleId: '数据包编号',
  sender: '发送单位',
  recipient: '接收单位',
  code: '单位代码',
  name: '单位名称',
  fingerprint: '指纹',
  schemaVersion: '数据版本',
  createdAt: '导出时间',
  ranges: '记录范围',
  presumes: '前置记录',
  acks: '已收记录',
  counts: '记录数',
  operations: '总数',
  byEntity: '分类数',
  payloadSha256: '内容校验值',
  payloadBytes: '内容大小',
};

export const describeManifestIssue = (error: z.ZodError) => describeIssue(error, manifestLabels);
