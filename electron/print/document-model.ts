// What a printed official document (会议纪要, 工作进展通报, or a plain 公文-style page) is made of. Callers build it
// from meetings and minutes; the print pipeline only lays it out. Text carries its own numbering (「一、」「（一）」),
// the way people write it; dates are ISO 'YYYY-MM-DD' and are printed as 2025年3月20日.
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { isIsoDate } from './chinese-date';

export const documentKinds = ['minutes', 'bulletin', 'plain'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const blockTypes = ['heading1', 'heading2', 'heading3', 'paragraph', 'addressee'] as const;
export type BlockType = (typeof blockTypes)[number];

const MAX_TEXT = 20_000;
const text = (label: string) =>
  z.string({ message: `${label}应为文字` }).max(MAX_TEXT, { message: `${label}过长` });
const requiredText = (label: string) =>
  text(label).refine((s) => s.trim().length > 0, { message: `请填写${label}` });
const isoDate = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .refine(isIsoDate, { message: `${label}应为“2025-03-20”形式的日期` });

export const documentBlockSchema = z.object({
  /** heading1 一、(黑体) · heading2 （一）(楷体) · heading3 1. (仿宋) · paragraph; （1） is written as a paragraph;
   *  addressee: the 主送机关 line, flush left (GB/T 9704-2012 §7.3.3), e.g. 「市教育局、市财政局：」. */
  type: z.enum(blockTypes, { message: '段落类型不正确' }),
  text: text('段落'),
});

export const absenceSchema = z.object({
  name: requiredText('请假人员'),
  reason: text('请假事由').optional(),
});

export const attendanceSchema = z.object({
  /** 出席: one entry per person or unit, as it should print (e.g. 「市民政局 张三」 or 「张三（市民政局局长）」). */
  present: z.array(requiredText('出席人员')).max(500),
  /** 请假: printed 「张三（出差）」. */
  absent: z.array(absenceSchema).max(500),
  /** 列席. */
  attending: z.array(requiredText('列席人员')).max(500),
});

export const distributionSchema = z.object({
  /** The notice that founded the meeting says 抄报 for superiors; GB/T 9704 only knows 抄送. The office chooses. */
  label: z.enum(['抄送', '抄报'], { message: '抄送栏的名称应为“抄送”或“抄报”' }),
  to: z.array(requiredText('抄送机关')).min(1, { message: '请填写至少一个抄送机关' }).max(200),
});

/** 分送: the units minutes are issued to, printed in the 版记 above 抄送/抄报 like a 主送 line moved there. */
export const deliverySchema = z.object({
  label: z.enum(['分送'], { message: '分送栏的名称应为“分送”' }),
  to: z.array(requiredText('分送单位')).min(1, { message: '请填写至少一个分送单位' }).max(200),
});

export const officialDocumentSchema = z
  .object({
    kind: z.enum(documentKinds, { message: '文档类型不正确' }),
    /** Red header, e.g. 揭阳市农村留守儿童关爱保护工作联席会议纪要. Required for minutes and bulletins. */
    mark: text('版头').optional(),
    /**
     * Where the red mark sits: 'gb' with its upper edge 35 mm below the top of the text area (GB/T 9704-2012 §10.3,
     * the 纪要标志); 'top' (the default) at the top of the text area.
     */
    markPlacement: z.enum(['gb', 'top'], { message: '版头位置不正确' }).optional(),
    /** Issue number as the office writes it: 「第3期」 or 「〔2025〕3号」. */
    number: text('期号').optional(),
    /** Issuing body printed under the red header, left. */
    issuer: text('编发单位').optional(),
    /** Date printed under the red header, right. */
    date: isoDate('编发日期').optional(),
    title: text('标题'),
    blocks: z.array(documentBlockSchema).max(5_000, { message: '正文段落过多' }),
    attendance: attendanceSchema.optional(),
    delivery: deliverySchema.optional(),
    distribution: distributionSchema.optional(),
    /**
     * 发文机关署名 and 成文日期 after the body (GB/T 9704-2012 §7.3.5.1): two lines left for the seal, the office
     * centred over the date, the date four characters in from the right. Notices have them; minutes and bulletins not.
     */
    signature: z.object({ office: requiredText('发文机关署名'), date: isoDate('成文日期') }).optional(),
    /** 版记: office flush left, 「2025年3月20日印发」 flush right. */
    issuingLine: z.object({ office: requiredText('印发机关'), date: isoDate('印发日期') }),
    /** Who printed it and when, e.g. 「市民政局 张三 2025年3月20日 10:32 打印」; printed small in the top margin. */
    printedBy: text('打印人').optional(),
    /** Marks every page 演示数据 DEMO: the data is made up. */
    demo: z.boolean().optional(),
    /** Handling notice printed top left of the first page, e.g. 「个人信息已遮蔽」. */
    maskNotice: text('提示').optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.kind !== 'plain' && !doc.mark?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['mark'], message: '纪要和通报须填写版头（如“××会议纪要”）' });
    }
    if (doc.kind === 'plain' && !doc.title.trim()) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: '请填写标题' });
    }
  });

export type OfficialDocument = z.input<typeof officialDocumentSchema>;
export type DocumentBlock = z.infer<typeof documentBlockSchema>;
export type Attendance = z.infer<typeof attendanceSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type Delivery = z.infer<typeof deliverySchema>;

/** Checks a document before printing; the error lists each bad field with a message for people. */
export function parseOfficialDocument(input: unknown): OfficialDocument {
  const result = officialDocumentSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  throw new AppError('VALIDATION', '文档内容不完整或格式不正确，无法打印。', fields);
}
