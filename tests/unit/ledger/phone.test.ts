import { isMobile, normalisePhone, parsePhone } from '../../../electron/domain/ledger/phone';

const reason = (value: unknown) => {
  const r = parsePhone(value);
  if (r.ok) throw new Error(`expected a failure, got ${r.value}`);
  return r.reason;
};

describe('mobile numbers', () => {
  it.each([['13812345678'], ['138 1234 5678'], ['138-1234-5678'], ['１３８１２３４５６７８'], ['+86 138 1234 5678'], ['0086-13812345678'], ['138－1234－5678']])(
    '%s → 13812345678',
    (input) => {
      expect(parsePhone(input)).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
    },
  );

  it('accepts a mobile number read from a number cell', () => {
    expect(parsePhone(19912345678)).toEqual({ ok: true, value: '19912345678', kind: 'mobile' });
  });

  it('rejects wrong lengths and prefixes', () => {
    expect(reason('1381234567')).toBe('手机号码应为11位，现为10位');
    expect(reason('138123456789')).toBe('手机号码应为11位，现为12位');
    expect(reason('12812345678')).toMatch(/第二位应为3至9/);
    expect(reason('13812345678转12')).toMatch(/不能带分机号/);
  });
});

describe('landlines', () => {
  it.each([['0663-8123456'], ['0663 8123456'], ['(0663)8123456'], ['（0663）8123456'], ['０６６３－８１２３４５６'], ['06638123456'], ['0663—8123456']])(
    '%s → 0663-8123456',
    (input) => {
      expect(parsePhone(input)).toEqual({ ok: true, value: '0663-8123456', kind: 'landline', areaCode: '0663' });
    },
  );

  it('knows three-digit area codes and 8-digit local numbers', () => {
    expect(parsePhone('020-83123456')).toMatchObject({ ok: true, value: '020-83123456', areaCode: '020' });
    expect(parsePhone('01062345678')).toMatchObject({ ok: true, value: '010-62345678', areaCode: '010' });
  });

  it('keeps an extension', () => {
    expect(parsePhone('0663-8123456转801')).toMatchObject({ ok: true, value: '0663-8123456转801' });
    expect(parsePhone('0663-8123456 ext 801')).toMatchObject({ ok: true, value: '0663-8123456转801' });
  });

  it('asks for the area code when it is missing', () => {
    expect(reason('8123456')).toBe('固定电话请加区号，如 0663-8123456');
  });

  it('explains a landline whose leading 0 a number cell dropped', () => {
    expect(reason(6638123456)).toMatch(/区号前的 0 已丢失/);
  });

  it('rejects malformed landlines', () => {
    expect(reason('0663-0123456')).toMatch(/固定电话格式不正确/);
    expect(reason('0663-81234')).toMatch(/固定电话格式不正确/);
  });
});

describe('other input', () => {
  it('rejects letters, empty values and non-strings', () => {
    expect(reason('138abc45678')).toBe('电话号码只能包含数字');
    expect(reason('')).toBe('请填写电话号码');
    expect(reason(undefined)).toBe('请填写电话号码');
    expect(reason('5')).toMatch(/手机号码为11位/);
  });

  it('normalises without validating', () => {
    expect(normalisePhone(' １３８ 1234－5678 ')).toBe('1381234-5678');
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('0663-8123456')).toBe(false);
  });
});
