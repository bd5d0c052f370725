// The office's identity fields, shared by the setup form, `guanai init` and the handler. Pure: zod only.
import { z } from 'zod';
import './zod-messages';

export const officeLevels = ['city', 'county', 'township', 'zone'] as const;
export type OfficeLevel = (typeof officeLevels)[number];
export const officeLevelNames: Record<OfficeLevel, string> = {
  city: '市级',
  county: '县（市、区）级',
  township: '乡镇（街道）级',
  zone: '管委会（功能区）',
};

export const officeCodeSchema = z
  .string({ message: '请填写单位代码' })
  .trim()
  .regex(/^\d{6}$/, { message: '单位代码应为 6 位数字（行政区划代码，如 445200）' });
export const officeNameSchema = z
  .string({ message: '请填写单位名称' })
  .trim()
  .min(1, { message: '单位名称不能为空' })
  .max(60, { message: '单位名称不能超过 60 个字' });
export const officeLevelSchema = z.enum(officeLevels, { message: '级别应为 市级、县级、乡镇级或管委会' });

export const officeInitSchema = z.object({
  code: officeCodeSchema,
  name: officeNameSchema,
  level: officeLevelSchema,
});
export type OfficeInit = z.infer<typeof officeInitSchema>;
