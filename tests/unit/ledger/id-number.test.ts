import { EXCEL_DAMAGE_REASON, checkCharacter, makeIdNumber, normaliseIdNumber, parseIdNumber } from '../../../electron/domain/ledger/id-number';

const TODAY = '2025-06-01';

// Check characters below were computed independently of the code under test (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).
describe('checkCharacter', () => {
  it.each([
    ['44520220150808123', '7'],
    ['44520220150808124', '5'],
    ['11010519491231002', 'X'],
    ['44520320080301000', '3'],
    ['44520220120615009', 'X'],
    ['44520220150808100', 'X'],
  ])('%s → %s', (first17, expected) => {
    expect(checkCharacter(first17)).toBe(expected);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => checkCharacter('4452022015080812')).toThrow(RangeError);
    expect(() => checkCharacter('4452022015080812X')).toThrow(RangeError);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it('gives birth date, sex and region of a valid number', () => {
    expect(parseIdNumber('445202201508081237', TODAY)).toEqual({
      ok: true,
      value: '445202201508081237',
      birthDate: '2015-08-08',
      sex: '男',
      regionCode: '445202',
    });
  });

  it('reads the sex from the parity of the 17th digit', () => {
    const female = parseIdNumber('445202201508081245', TODAY);
    expect(female.ok && female.sex).toBe('女');
    const zeroSeq = parseIdNumber('445203200803010003', TODAY);
    expect(zeroSeq.ok && zeroSeq.sex).toBe('女');
  });

  it('accepts X as the check character, in either case', () => {
    const r = parseIdNumber('11010519491231002x', TODAY);
    expect(r).toMatchObject({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: '女' });
    expect(parseIdNumber('44520220120615009X', TODAY)).toMatchObject({ ok: true, sex: '男' });
  });

  it('accepts full-width digits and letters, stray and inner spaces', () => {
    expect(parseIdNumber('４４５２０２２０１５０８０８１２３７', TODAY)).toMatchObject({ ok: true, value: '445202201508081237' });
    expect(parseIdNumber(' 445202 20150808 1237\u3000', TODAY)).toMatchObject({ ok: true, value: '445202201508081237' });
    expect(parseIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('accepts a birth date equal to today', () => {
    expect(parseIdNumber(makeIdNumber('445202', TODAY, 1), TODAY).ok).toBe(true);
  });
});

describe('parseIdNumber: invalid numbers', () => {
  const reason = (input: unknown) => {
    const r = parseIdNumber(input, TODAY);
    if (r.ok) throw new Error('expected a failure');
    return r.reason;
  };

  it('rejects a wrong check character', () => {
    expect(reason('445202201508081238')).toBe('身份证号码校验位不符，号码中有数字填错，请核对');
    expect(reason('11010519491231002')).toMatch(/应为18位，现为17位/);
    expect(reason('110105194912310021')).toMatch(/校验位不符/);
  });

  it('rejects an impossible or future birth date', () => {
    // 2010 is not a leap year; the check character is right, so only the date can be wrong.
    expect(reason('445281201002290010')).toBe('身份证号码第7至14位的出生日期不存在');
    expect(reason(makeIdNumber('445202', '2025-06-02', 1))).toBe('身份证号码中的出生日期晚于今天');
  });

  it('rejects an implausible region code', () => {
    expect(reason(makeIdNumber('000000', '2015-08-08', 123))).toMatch(/地区代码/);
    expect(reason(makeIdNumber('995202', '2015-08-08', 123))).toMatch(/地区代码/);
  });

  it('explains length, characters and old 15-digit numbers', () => {
    expect(reason('445202150808123')).toMatch(/15位旧身份证号码/);
    expect(reason('4452022015080812377')).toBe('身份证号码应为18位，现为19位');
    expect(reason('44520220150808A237')).toMatch(/只能由数字和末位的 X 组成/);
    expect(reason('4452022015080812X7')).toMatch(/只能由数字和末位的 X 组成/);
    expect(reason('')).toBe('请填写身份证号码');
    expect(reason(null)).toBe('请填写身份证号码');
  });

  describe('numbers damaged by Excel are refused, never repaired', () => {
    it.each([
      ['a JS number from a number cell', Number('445202201508081237')],
      ['the same number as Excel shows it', Number('445202201508081000')],
      ['scientific notation', '4.45202E+17'],
      ['scientific notation, lower case', '4.45202201508081e+17'],
      ['full-width scientific notation', '４.４５２０２Ｅ＋１７'],
      ['digits padded with zeros by Excel', '445202201508081000'],
      ['a number cell read with a decimal tail', '445202201508081000.0'],
    ])('%s', (_label, input) => {
      const r = parseIdNumber(input, TODAY);
      expect(r).toEqual({ ok: false, reason: EXCEL_DAMAGE_REASON });
    });

    it('says what happened in words a clerk understands', () => {
      expect(EXCEL_DAMAGE_REASON).toContain('被 Excel 按数字保存，末几位已丢失');
    });

    it('does not blame Excel for an ordinary typo', () => {
      expect(reason('445202201508081238')).not.toContain('Excel');
    });

    it('a short number is a length problem, not damage', () => {
      expect(reason(12345)).toBe('身份证号码应为18位，请按文本格式填写');
    });
  });

  it('never repeats the number in a reason', () => {
    for (const input of ['445202201508081238', '445281201002290010', '44520220150808A237', '445202201508081000']) {
      expect(reason(input)).not.toContain(input.slice(6, 14));
    }
  });
});

describe('normaliseIdNumber', () => {
  it('folds full-width characters, removes spaces and a leading apostrophe, upper-cases x', () => {
    expect(normaliseIdNumber(" '１１０１０５ 19491231002x ")).toBe('11010519491231002X');
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that validate and carry the requested birth date and sex', () => {
    const male = makeIdNumber('445222', '2012-06-15', 77);
    expect(male).toBe('445222201206150773');
    expect(parseIdNumber(male, TODAY)).toMatchObject({ ok: true, birthDate: '2012-06-15', sex: '男', regionCode: '445222' });
    const female = makeIdNumber('445281', '20100301', 2);
    expect(parseIdNumber(female, TODAY)).toMatchObject({ ok: true, birthDate: '2010-03-01', sex: '女' });
  });

  it('refuses bad arguments', () => {
    expect(() => makeIdNumber('4452', '2015-08-08', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('445202', '2015-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('445202', '2015-08-08', 1000)).toThrow(RangeError);
  });
});
