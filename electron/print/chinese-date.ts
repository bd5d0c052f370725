// Dates on official documents: Arabic numerals, the year in full, no leading zeros (GB/T 9704-2012 7.3.5.2).
import { AppError } from '../contract/errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** '2025-03-20' → '2025年3月20日'. */
export function formatChineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) throw new AppError('VALIDATION', '日期格式不正确，应为“2025-03-20”的形式。');
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
