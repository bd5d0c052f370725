// Calendar dates in the ledger are plain 'YYYY-MM-DD' strings: a birth date has no time zone, and string dates
// survive JSON, bundles and Excel without shifting a day. Arithmetic is done on UTC day numbers for the same reason.
import { foldDashes, removeSpaces, toHalfWidth } from './halfwidth';

export type DateResult = { ok: true; value: string } | { ok: false; reason: string };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Oldest year accepted anywhere in the ledger (grandparents' birth dates included). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

type DateParts = Readonly<{ year: number; month: number; day: number }>;

// A city's 50,000 children have a few thousand distinct birth dates, and every list start computes ages and alerts
// for all of them: each date is parsed once. Bounded, so odd input cannot grow it without end.
const splitCache = new Map<string, DateParts>();
const dayCache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a well-formed, real 'YYYY-MM-DD' date. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (splitCache.has(value)) return true;
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** 'YYYY-MM-DD' → { year, month, day }; throws on a malformed date (callers validate first). */
export function splitIsoDate(value: string): DateParts {
  const hit = splitCache.get(value);
  if (hit) return hit;
  const m = ISO_DATE.exec(value);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`not an ISO date: ${value}`);
  const parts = Object.freeze({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  if (splitCache.size >= CACHE_LIMIT) splitCache.clear();
  splitCache.set(value, parts);
  return parts;
}

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(value: string): number {
  const hit = dayCache.get(value);
  if (hit !== undefined) return hit;
  const { year, month, day } = splitIsoDate(value);
  const n = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(value, n);
  return n;
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The local calendar date of a moment, as 'YYYY-MM-DD'. Callers pass the clock in; nothing here reads it. */
export function isoDateOf(moment: Date): string {
  return formatIsoDate(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

// Reasons never repeat the value itself: they can reach error data and logs, and a birth date is personal data.
function checked(year: number, month: number, day: number): DateResult {
  if (month < 1 || month > 12) return { ok: false, reason: `日期不存在：没有${month}月` };
  if (!isRealDate(year, month, day)) return { ok: false, reason: `日期不存在：${month}月没有${day}日` };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: `日期的年份不合理（应在${MIN_YEAR}年至${MAX_YEAR}年之间）` };
  return { ok: true, value: formatIsoDate(year, month, day) };
}

// Excel's 1900 date system counts 1900-01-01 as serial 1 and wrongly treats 1900 as a leap year, so serial 60 is the
// non-existent 1900-02-29 and every later serial is one day ahead of a true day count from 1899-12-31.
const EXCEL_EPOCH_DAY = Math.round(Date.UTC(1899, 11, 31) / MS_PER_DAY);
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

function fromExcelSerial(serial: number): DateResult {
  const whole = Math.floor(serial);
  if (whole === 60) return { ok: false, reason: '日期为 Excel 中不存在的 1900年2月29日，请重新填写' };
  if (whole < 1 || whole > EXCEL_MAX_SERIAL) return { ok: false, reason: '无法识别的日期：数字超出 Excel 日期范围' };
  const value = fromDayNumber(EXCEL_EPOCH_DAY + (whole > 60 ? whole - 1 : whole));
  const { year, month, day } = splitIsoDate(value);
  return checked(year, month, day);
}

// A Date from exceljs carries the cell's calendar date at UTC midnight; a Date built in the renderer carries it at
// local midnight. UTC midnight means the former; anything else is read in local time.
function fromJsDate(value: Date): DateResult {
  if (Number.isNaN(value.getTime())) return { ok: false, reason: '日期无效' };
  const utcMidnight =
    value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
  const [y, m, d] = utcMidnight
    ? [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]
    : [value.getFullYear(), value.getMonth() + 1, value.getDate()];
  return checked(y, m, d);
}

const SEPARATED = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{1,2}:\d{2}/;
const SHORT_YEAR = /^(\d{2})[-./年](\d{1,2})[-./月](\d{1,2})日?$/;
const NO_DAY = /^(\d{4})[-./年](\d{1,2})月?$/;

/**
 * A date as people and spreadsheets write it → 'YYYY-MM-DD'.
 * Accepts a JS Date, an Excel serial number (1900 date system), an 8-digit number like 20150302, and strings such as
 * '2015-03-02', '2015/3/2', '2015.3.2', '2015年3月2日', '20150302', with full-width digits and stray spaces.
 */
export function parseLooseDate(value: unknown): DateResult {
  if (value instanceof Date) return fromJsDate(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return { ok: false, reason: '日期无效' };
    // An 8-digit whole number is a date typed as digits into a number cell; no serial reaches that size.
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return parseLooseDate(String(value));
    return fromExcelSerial(value);
  }
  if (typeof value !== 'string') return { ok: false, reason: '请填写日期' };

  const text = removeSpaces(foldDashes(toHalfWidth(value)));
  if (text === '') return { ok: false, reason: '请填写日期' };
  const m = SEPARATED.exec(text) ?? COMPACT.exec(text) ?? ISO_WITH_TIME.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SHORT_YEAR.test(text)) return { ok: false, reason: '日期的年份请写全四位，如 2015年3月2日' };
  if (NO_DAY.test(text)) return { ok: false, reason: '日期缺少日，请写到具体某一天' };
  return { ok: false, reason: '无法识别的日期，请按 2015-03-02 或 2015年3月2日 的格式填写' };
}
