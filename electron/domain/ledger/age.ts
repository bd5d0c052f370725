// Ages in whole years (周岁). A child is 16 on the 16th birthday itself; someone born on 29 February turns a year
// older on 1 March in common years.
import { daysBetween, isLeapYear, splitIsoDate, formatIsoDate } from './dates';

export type AgeBand = '0-5' | '6-13' | '14-15' | '16+';

/** Whole years between `birthDate` and `date` (both 'YYYY-MM-DD'); negative if `date` is before the birth. */
export function ageOn(birthDate: string, date: string): number {
  const b = splitIsoDate(birthDate);
  const d = splitIsoDate(date);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** The statistics' age bands: pre-school, compulsory schooling, the last two years before leaving the ledger, adult. */
export function ageBand(age: number): AgeBand {
  if (age < 6) return '0-5';
  if (age < 14) return '6-13';
  if (age < 16) return '14-15';
  return '16+';
}

/** The date a person born on `birthDate` reaches `years` full years. */
export function anniversary(birthDate: string, years: number): string {
  const b = splitIsoDate(birthDate);
  const year = b.year + years;
  if (b.month === 2 && b.day === 29 && !isLeapYear(year)) return formatIsoDate(year, 3, 1);
  return formatIsoDate(year, b.month, b.day);
}

export type Turning16Status = 'already16' | 'soon' | 'no';

/**
 * Whether the child has turned 16 by `today`, or will within `withinDays` days (inclusive): the ledger prompts an exit
 * on the birthday and warns ahead of it.
 */
export function turning16(birthDate: string, today: string, withinDays = 30): { status: Turning16Status; date16: string } {
  const date16 = anniversary(birthDate, 16);
  const daysLeft = daysBetween(today, date16);
  if (daysLeft <= 0) return { status: 'already16', date16 };
  if (daysLeft <= withinDays) return { status: 'soon', date16 };
  return { status: 'no', date16 };
}
