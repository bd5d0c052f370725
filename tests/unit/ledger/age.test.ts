import { ageBand, ageOn, anniversary, turning16 } from '../../../electron/domain/ledger/age';

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday itself', () => {
    expect(ageOn('2010-06-15', '2016-06-14')).toBe(5);
    expect(ageOn('2010-06-15', '2016-06-15')).toBe(6);
    expect(ageOn('2010-06-15', '2010-06-15')).toBe(0);
    expect(ageOn('2010-06-15', '2010-06-14')).toBe(-1);
    expect(ageOn('2010-12-31', '2011-01-01')).toBe(0);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2009-02-28')).toBe(0);
    expect(ageOn('2008-02-29', '2009-03-01')).toBe(1);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });
});

describe('ageBand', () => {
  it.each([
    [0, '0-5'],
    [5, '0-5'],
    [6, '6-13'],
    [13, '6-13'],
    [14, '14-15'],
    [15, '14-15'],
    [16, '16+'],
    [40, '16+'],
  ])('%i → %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it('changes band on the birthday, not the day after', () => {
    const birth = '2009-04-10';
    expect(ageBand(ageOn(birth, '2015-04-09'))).toBe('0-5');
    expect(ageBand(ageOn(birth, '2015-04-10'))).toBe('6-13');
    expect(ageBand(ageOn(birth, '2023-04-09'))).toBe('6-13');
    expect(ageBand(ageOn(birth, '2023-04-10'))).toBe('14-15');
    expect(ageBand(ageOn(birth, '2025-04-09'))).toBe('14-15');
    expect(ageBand(ageOn(birth, '2025-04-10'))).toBe('16+');
  });
});

describe('anniversary', () => {
  it('falls on 1 March for a 29 February birth in a common year', () => {
    expect(anniversary('2008-02-29', 16)).toBe('2024-02-29');
    expect(anniversary('2008-02-29', 17)).toBe('2025-03-01');
    expect(anniversary('2009-04-10', 16)).toBe('2025-04-10');
  });
});

describe('turning16', () => {
  const birth = '2009-04-10';

  it('is already16 from the 16th birthday on', () => {
    expect(turning16(birth, '2025-04-10')).toEqual({ status: 'already16', date16: '2025-04-10' });
    expect(turning16(birth, '2026-01-01').status).toBe('already16');
  });

  it('is soon within 30 days before the birthday, inclusive', () => {
    expect(turning16(birth, '2025-04-09').status).toBe('soon');
    expect(turning16(birth, '2025-03-11').status).toBe('soon');
    expect(turning16(birth, '2025-03-10').status).toBe('no');
  });

  it('takes another window', () => {
    expect(turning16(birth, '2025-01-10', 90)).toEqual({ status: 'soon', date16: '2025-04-10' });
    expect(turning16(birth, '2025-04-05', 3).status).toBe('no');
  });
});
