import { addDays, daysBetween, isIsoDate, isoDateOf, parseLooseDate } from '../../../electron/domain/ledger/dates';

const ok = (value: unknown) => {
  const r = parseLooseDate(value);
  if (!r.ok) throw new Error(`expected a date, got: ${r.reason}`);
  return r.value;
};
const reason = (value: unknown) => {
  const r = parseLooseDate(value);
  if (r.ok) throw new Error(`expected a failure, got ${r.value}`);
  return r.reason;
};

describe('parseLooseDate: strings', () => {
  it.each([
    ['2015-03-02'],
    ['2015/3/2'],
    ['2015.3.2'],
    ['2015.03.02'],
    ['2015年3月2日'],
    ['2015年03月02日'],
    ['2015年3月2'],
    ['20150302'],
    ['２０１５年３月２日'],
    ['２０１５－０３－０２'],
    [' 2015 - 3 - 2 '],
    ['2015 年 3 月 2 日'],
    ['2015—3—2'],
    ['2015-03-02T00:00:00.000Z'],
  ])('%s → 2015-03-02', (input) => {
    expect(ok(input)).toBe('2015-03-02');
  });

  it('rejects impossible dates with the reason', () => {
    expect(reason('2015-02-29')).toBe('日期不存在：2月没有29日');
    expect(reason('2015.4.31')).toBe('日期不存在：4月没有31日');
    expect(reason('2015-13-01')).toBe('日期不存在：没有13月');
    expect(reason('20150230')).toBe('日期不存在：2月没有30日');
    expect(reason('2015-00-10')).toBe('日期不存在：没有0月');
  });

  it('accepts 29 February in leap years only', () => {
    expect(ok('2016-02-29')).toBe('2016-02-29');
    expect(ok('2000-02-29')).toBe('2000-02-29');
    expect(reason('1900-02-29')).toMatch(/2月没有29日/);
  });

  it('explains short years, missing days, out-of-range years and garbage', () => {
    expect(reason('15.3.2')).toMatch(/四位/);
    expect(reason('2015年3月')).toMatch(/缺少日/);
    expect(reason('1899-12-31')).toMatch(/年份不合理/);
    expect(reason('明年')).toMatch(/无法识别的日期/);
    expect(reason('')).toBe('请填写日期');
    expect(reason(null)).toBe('请填写日期');
  });
});

describe('parseLooseDate: Excel serial numbers (1900 date system)', () => {
  // Excel: =DATE(2015,1,1) is 42005, so 42064 is 1 March 2015 and 42065 is 2 March 2015 (exceljs agrees).
  it('42064 is 2015-03-01 and 42065 is 2015-03-02', () => {
    expect(ok(42064)).toBe('2015-03-01');
    expect(ok(42065)).toBe('2015-03-02');
    expect(ok(42005)).toBe('2015-01-01');
  });

  it('handles the non-existent 1900-02-29 (serial 60) and the days around it', () => {
    expect(ok(1)).toBe('1900-01-01');
    expect(ok(59)).toBe('1900-02-28');
    expect(reason(60)).toMatch(/1900年2月29日/);
    expect(ok(61)).toBe('1900-03-01');
  });

  it('ignores the time of day in a fractional serial', () => {
    expect(ok(42065.75)).toBe('2015-03-02');
  });

  it('reads an 8-digit number as a date typed into a number cell', () => {
    expect(ok(20150302)).toBe('2015-03-02');
    expect(reason(20150230)).toMatch(/2月没有30日/);
  });

  it('rejects zero, negative and absurd numbers', () => {
    expect(reason(0)).toBe('日期无效');
    expect(reason(-5)).toBe('日期无效');
    expect(reason(Number.NaN)).toBe('日期无效');
    expect(reason(3_000_000)).toMatch(/无法识别/);
  });
});

describe('parseLooseDate: JS dates', () => {
  it('reads a date at UTC midnight (as exceljs gives cells) by its UTC calendar day', () => {
    expect(ok(new Date(Date.UTC(2015, 2, 2)))).toBe('2015-03-02');
  });

  it('reads a date at local midnight (as the renderer builds them) by its local calendar day', () => {
    expect(ok(new Date(2015, 2, 2))).toBe('2015-03-02');
  });

  it('rejects an invalid Date', () => {
    expect(reason(new Date('nonsense'))).toBe('日期无效');
  });
});

describe('date helpers', () => {
  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2015-03-02')).toBe(true);
    expect(isIsoDate('2015-3-2')).toBe(false);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate(20150302)).toBe(false);
  });

  it('adds and counts days across month and leap-year ends', () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
    expect(addDays('2015-01-01', -1)).toBe('2014-12-31');
    expect(daysBetween('2015-01-01', '2016-01-01')).toBe(365);
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
  });

  it('gives the local calendar date of a moment', () => {
    expect(isoDateOf(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
