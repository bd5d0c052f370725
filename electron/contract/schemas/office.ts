// The office's identity fields, shared by the setup form, `guanai init` and the handler. Pure: zod only.
import { z } from 'zod';
import './zod-messages';

/** The levels of a joint meeting's office (the setup form offers these). */
export const officeLevels = ['city', 'county', 'township', 'zone'] as const;
/** Every level, with `unit`: the office of one member unit of a joint meeting (issue 14), code CODE-UNITID. */
export const allOfficeLevels = [...officeLevels, 'unit'] as const;
export type OfficeLevel = (typeof allOfficeLevels)[number];
export const officeLevelNames: Record<OfficeLevel, string> = {
  city: '市级',
  county: '县（市、区）级',
  township: '乡镇（街道）级',
  zone: '管委会（功能区）',
  unit: '成员单位',
};

/**
 * 6 digits; 9 for a township (乡镇街道代码); for a member unit's office the joint-meeting office's code, '-', the
 * unit's id (445200-jiaoyu). The same pattern as the stamps' (electron/store/hlc.ts OFFICE_CODE_SOURCE).
 */
export const OFFICE_CODE_PATTERN = /^[0-9]{6}(?:[0-9]{3}|-[a-z0-9][a-z0-9-]{0,39})?$/;
export const officeCodeSchema = z
  .string({ message: '请填写单位代码' })
  .trim()
  .regex(OFFICE_CODE_PATTERN, { message: '单位代码应为 6 位数字（行政区划代码，如 445200），乡镇（街道）为 9 位（如 445202001）；成员单位的代码为“联席会议办公室代码-单位标识”' });

/** A member unit's office code split: the joint-meeting office's code and the unit's id; null for any other code. */
export function unitOfficeParts(code: string): { officeCode: string; unitId: string } | null {
  const m = /^([0-9]{6})-(.+)$/.exec(code);
  return m ? { officeCode: m[1]!, unitId: m[2]! } : null;
}

/** The unit office's code for a unit of the joint meeting kept by `officeCode`. */
export const unitOfficeCode = (officeCode: string, unitId: string) => `${officeCode}-${unitId}`;

/** A code fits its level: CODE-UNITID for a member unit, 6 digits otherwise. Null when it fits, else why not. */
export function officeCodeLevelProblem(code: string, level: OfficeLevel): string | null {
  const unit = unitOfficeParts(code) !== null;
  if (level === 'unit' && !unit) return '成员单位的单位代码应为“联席会议办公室代码-单位标识”（单位标识见成员单位列表）。';
  if (level !== 'unit' && unit) return '单位代码应为 6 位数字（行政区划代码，如 445200）；带“-单位标识”的代码只用于成员单位。';
  if (level !== 'township' && /^[0-9]{9}$/.test(code)) return '9 位的乡镇（街道）代码只用于乡镇（街道）级；其他级别的单位代码应为 6 位数字。';
  return null;
}
export const officeNameSchema = z
  .string({ message: '请填写单位名称' })
  .trim()
  .min(1, { message: '单位名称不能为空' })
  .max(60, { message: '单位名称不能超过 60 个字' });
export const officeLevelSchema = z.enum(allOfficeLevels, { message: '级别应为 市级、县级、乡镇级、管委会或成员单位' });

export const officeInitSchema = z.object({
  code: officeCodeSchema,
  name: officeNameSchema,
  level: officeLevelSchema,
});
export type OfficeInit = z.infer<typeof officeInitSchema>;
