// Citizen ID numbers (公民身份号码, GB 11643-1999). The number is the child's key across offices, so a wrong one
// must be refused with a reason a clerk understands, and a number Excel has already damaged must never be "repaired":
// its lost digits cannot be recovered, only re-entered from the ID card or household register.
import { isRealDate, formatIsoDate, MIN_YEAR } from './dates';
import { removeSpaces, toHalfWidth } from './halfwidth';

export type Sex = '男' | '女';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: Sex; regionCode: string }
  | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

// First two digits of GB/T 2260 codes: provinces, plus 71 台湾, 81 香港, 82 澳门 and 83 (Taiwan residents' residence
// permits), which all appear on 18-digit numbers held by children living on the mainland.
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

export const EXCEL_DAMAGE_REASON =
  '身份证号码被 Excel 按数字保存，末几位已丢失，无法还原。请对照身份证或户口簿重新填写，并把该列设为“文本”格式';

/** The check character (18th) for the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Trim, fold full-width characters, drop inner spaces and a leading text-marker apostrophe, upper-case the x.
 * Not a validation: the result may still be invalid.
 */
export function normaliseIdNumber(input: string): string {
  return removeSpaces(toHalfWidth(input))
    .replace(/^['‘’]/, '')
    .replace(/x$/, 'X');
}

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;
const DECIMAL_TAIL = /^\d{15,18}\.0+$/;

function excelDamaged(): IdNumberResult {
  return { ok: false, reason: EXCEL_DAMAGE_REASON };
}

/**
 * Validate an ID number. `today` ('YYYY-MM-DD') bounds the birth date; the caller passes it so results never depend on
 * the machine clock. A JS number or a string in scientific notation means the value passed through a number cell.
 */
export function parseIdNumber(input: unknown, today: string): IdNumberResult {
  if (typeof input === 'number' || typeof input === 'bigint') {
    // A double holds at most 15–16 significant digits: any ID-sized number has lost its tail.
    if (typeof input === 'bigint' || !Number.isFinite(input) || Math.abs(input) >= 1e14) return excelDamaged();
    return { ok: false, reason: '身份证号码应为18位，请按文本格式填写' };
  }
  if (typeof input !== 'string') return { ok: false, reason: '请填写身份证号码' };

  const value = normaliseIdNumber(input);
  if (value === '') return { ok: false, reason: '请填写身份证号码' };
  if (SCIENTIFIC.test(value) || DECIMAL_TAIL.test(value)) return excelDamaged();
  if (!/^\d*X?$/.test(value)) return { ok: false, reason: '身份证号码只能由数字和末位的 X 组成' };
  if (value.length === 15) return { ok: false, reason: '这是15位旧身份证号码，请填写现行的18位号码' };
  if (value.length !== 18) return { ok: false, reason: `身份证号码应为18位，现为${value.length}位` };

  const regionCode = value.slice(0, 6);
  if (regionCode === '000000' || !PROVINCE_PREFIXES.has(regionCode.slice(0, 2))) {
    return { ok: false, reason: '身份证号码前6位（地区代码）不正确' };
  }

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isRealDate(year, month, day) || year < MIN_YEAR) {
    return { ok: false, reason: '身份证号码第7至14位的出生日期不存在' };
  }
  const birthDate = formatIsoDate(year, month, day);
  if (birthDate > today) return { ok: false, reason: '身份证号码中的出生日期晚于今天' };

  if (checkCharacter(value.slice(0, 17)) !== value[17]) {
    // Excel keeps 15 significant digits and pads with zeros; such a number is damaged, not mistyped.
    if (value.endsWith('000')) return excelDamaged();
    return { ok: false, reason: '身份证号码校验位不符，号码中有数字填错，请核对' };
  }

  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? '男' : '女', regionCode };
}

/**
 * A valid ID number for demo data and benchmarks. `seq` is the 3-digit sequence (0–999); its parity sets the sex
 * (odd = 男). `birthDate` is 'YYYY-MM-DD' or 'YYYYMMDD'.
 */
export function makeIdNumber(region: string, birthDate: string, seq: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError('region must be 6 digits');
  const compact = birthDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(compact) || !isRealDate(Number(compact.slice(0, 4)), Number(compact.slice(4, 6)), Number(compact.slice(6, 8)))) {
    throw new RangeError('birthDate must be a real date');
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError('seq must be 0–999');
  const first17 = `${region}${compact}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
