import { maskIdNumber, maskPhone } from '../../../electron/domain/ledger/mask';

describe('maskIdNumber', () => {
  it('keeps the region code and the last 4 characters', () => {
    expect(maskIdNumber('445202201508081234')).toBe('445202********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('masks full-width input the same way', () => {
    expect(maskIdNumber('４４５２０２２０１５０８０８１２３４')).toBe('445202********1234');
  });

  it('never shows the birth date, even for malformed values', () => {
    expect(maskIdNumber('44520220150808')).toBe('************08');
    expect(maskIdNumber('2015080812')).toBe('********12');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('masks the middle 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('keeps the area code and the last digits of a landline', () => {
    expect(maskPhone('0663-8123456')).toBe('0663-****456');
    expect(maskPhone('020-83123456')).toBe('020-****3456');
    expect(maskPhone('0663-8123456转801')).toBe('0663-****456');
  });

  it('masks unrecognised values down to the last 2 digits', () => {
    expect(maskPhone('8123456')).toBe('*****56');
    expect(maskPhone('123')).toBe('***');
  });
});
