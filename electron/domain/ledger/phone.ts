// Phone numbers of parents, guardians and staff. Villages often only have a landline, so both kinds are accepted;
// a landline must carry its area code because the ledger is read in other cities (the parents work away).
import { foldDashes, removeSpaces, toHalfWidth } from './halfwidth';

export type PhoneKind = 'mobile' | 'landline';

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind; areaCode?: string }
  | { ok: false; reason: string };

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02X have three digits, every other one has four (0663 揭阳). Local numbers have 7–8 digits and
// never start with 0 or 1.
const LANDLINE = /^(01\d|02\d|0[3-9]\d{2})([2-9]\d{6,7})$/;
const EXTENSION = /(?:转|ext\.?|#)(\d{1,6})$/i;

/** Fold full-width characters and dashes, drop spaces. Not a validation. */
export function normalisePhone(input: string): string {
  return removeSpaces(foldDashes(toHalfWidth(input)));
}

function stripCountryCode(digits: string): string {
  const m = /^(?:\+86|0086|86)(1[3-9]\d{9})$/.exec(digits);
  return m ? m[1]! : digits;
}

/**
 * Validate a mobile or landline number. Mobiles normalise to 11 digits ('13812345678'), landlines to
 * 'area-local' ('0663-8123456'), with an extension as '0663-8123456转801'.
 */
export function parsePhone(input: unknown): PhoneResult {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input <= 0) return { ok: false, reason: '电话号码格式不正确' };
    // A number cell drops the leading 0 of an area code; a mobile number survives intact.
    const digits = String(input);
    if (MOBILE.test(digits)) return { ok: true, value: digits, kind: 'mobile' };
    if (LANDLINE.test(`0${digits}`)) {
      return { ok: false, reason: '固定电话区号前的 0 已丢失（被 Excel 按数字保存），请补上区号后重新填写' };
    }
    return parsePhone(digits);
  }
  if (typeof input !== 'string') return { ok: false, reason: '请填写电话号码' };

  let text = normalisePhone(input);
  if (text === '') return { ok: false, reason: '请填写电话号码' };

  let extension = '';
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1]!;
    text = text.slice(0, ext.index);
  }

  // Brackets and dashes only separate groups; what matters is the digit sequence.
  const digits = stripCountryCode(text.replace(/[()（）\-.]/g, ''));
  if (!/^\+?\d+$/.test(digits)) return { ok: false, reason: '电话号码只能包含数字' };

  if (digits.startsWith('1')) {
    if (extension) return { ok: false, reason: '手机号码不能带分机号' };
    if (digits.length !== 11) return { ok: false, reason: `手机号码应为11位，现为${digits.length}位` };
    if (!MOBILE.test(digits)) return { ok: false, reason: '手机号码第二位应为3至9，请核对' };
    return { ok: true, value: digits, kind: 'mobile' };
  }

  if (digits.startsWith('0')) {
    const m = LANDLINE.exec(digits);
    if (!m) return { ok: false, reason: '固定电话格式不正确，应为区号加7至8位号码，如 0663-8123456' };
    const value = `${m[1]}-${m[2]}${extension ? `转${extension}` : ''}`;
    return { ok: true, value, kind: 'landline', areaCode: m[1]! };
  }

  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, reason: '固定电话请加区号，如 0663-8123456' };
  return { ok: false, reason: '电话号码格式不正确：手机号码为11位，固定电话需带区号' };
}

export function isMobile(value: string): boolean {
  return MOBILE.test(value);
}
