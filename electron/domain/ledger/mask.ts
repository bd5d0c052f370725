// Lists and printouts show ID numbers and phones masked by default (个人信息保护法; domain.md §8). Masking must
// never reveal more than the documented parts, even for malformed values, so unknown shapes are masked harder.
import { normaliseIdNumber } from './id-number';
import { normalisePhone, parsePhone } from './phone';

const STAR = '*';

/** '445202201508081234' → '445202********1234': the region code and the last 4 stay visible. */
export function maskIdNumber(idNumber: string): string {
  const value = normaliseIdNumber(idNumber);
  if (value.length >= 17) return value.slice(0, 6) + STAR.repeat(value.length - 10) + value.slice(-4);
  // Too short to be a real number, its last 4 could be part of the birth date: keep only the last 2.
  if (value.length > 4) return STAR.repeat(value.length - 2) + value.slice(-2);
  return STAR.repeat(value.length);
}

/**
 * Mobiles '13812345678' → '138****5678'. Landlines keep the area code and the last 3 (7-digit local number) or 4
 * (8-digit) digits: '0663-8123456' → '0663-****456'. Extensions are dropped.
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  if (parsed.ok && parsed.kind === 'mobile') return `${parsed.value.slice(0, 3)}****${parsed.value.slice(-4)}`;
  if (parsed.ok && parsed.areaCode) {
    const local = parsed.value.slice(parsed.areaCode.length + 1).replace(/转\d+$/, '');
    const keep = local.length >= 8 ? 4 : 3;
    return `${parsed.areaCode}-${STAR.repeat(local.length - keep)}${local.slice(-keep)}`;
  }
  const digits = normalisePhone(phone).replace(/\D/g, '');
  if (digits.length > 4) return STAR.repeat(digits.length - 2) + digits.slice(-2);
  return STAR.repeat(digits.length);
}
