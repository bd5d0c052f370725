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

const CLOCK = /^(上午|下午|中午|晚上|早上|凌晨)?\s*(\d{1,2})\s*([:：点时])\s*(\d{1,2})?\s*分?$/;

/**
 * A meeting's time as official text writes it: a 24-hour clock as 「15:00」, or with 上午/下午 in words, 「下午3时」
 * and 「上午9时30分」 — never 「下午3:00」. `words` writes a 24-hour clock in words too (15:00 → 下午3时), for running
 * text. Anything else (「下午3时至5时」) is left as typed.
 */
export function formatMeetingTime(time: string, opts: { words?: boolean } = {}): string {
  const t = time.trim();
  const m = CLOCK.exec(t);
  if (!m) return t;
  const [, typedPeriod, h, sep, min] = m;
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  if (hour > 23 || minute > 59) return t;
  const clock = !typedPeriod && (sep === ':' || sep === '：');
  if (clock && !opts.words) return `${hour}:${String(minute).padStart(2, '0')}`;
  let period = typedPeriod ?? '';
  if (clock) {
    period = hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上';
    if (hour > 12) hour -= 12;
  }
  return `${period}${hour}时${minute > 0 ? `${minute}分` : ''}`;
}
