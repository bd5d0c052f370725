import { checkEligibility, type EligibilityInput } from '../../../electron/domain/ledger/eligibility';

const TODAY = '2025-06-01';

function record(over: { child?: Partial<EligibilityInput['child']>; guardianship?: Partial<EligibilityInput['guardianship']> } = {}): EligibilityInput {
  return {
    child: { birthDate: '2015-08-08', householdType: 'rural', hukouRegistered: true, ...over.child },
    guardianship: { bothParentsAway: true, oneAwayOtherIncapable: false, ...over.guardianship },
  };
}

describe('checkEligibility', () => {
  it('accepts a rural child under 16 whose parents both work away', () => {
    expect(checkEligibility(record(), TODAY)).toEqual({ eligible: true, reasons: [] });
  });

  it('accepts one parent away and the other without guardianship capacity', () => {
    const r = checkEligibility(record({ guardianship: { bothParentsAway: false, oneAwayOtherIncapable: true } }), TODAY);
    expect(r).toEqual({ eligible: true, reasons: [] });
  });

  it('refuses a child whose situation is neither', () => {
    const r = checkEligibility(record({ guardianship: { bothParentsAway: false, oneAwayOtherIncapable: false } }), TODAY);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([
      '既不是父母双方外出务工，也不是一方外出务工、另一方无监护能力，不符合农村留守儿童定义，建议核实后办理退出',
    ]);
  });

  it('refuses from the 16th birthday on and proposes the exit', () => {
    const r = checkEligibility(record({ child: { birthDate: '2009-06-01' } }), TODAY);
    expect(r).toEqual({ eligible: false, reasons: ['已满16周岁，不再符合农村留守儿童定义，建议办理退出'] });
  });

  it('warns ahead of the 16th birthday but stays eligible', () => {
    const r = checkEligibility(record({ child: { birthDate: '2009-06-02' } }), TODAY);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toEqual(['将在1天后年满16周岁，届时不再符合农村留守儿童定义，需办理退出']);
    expect(checkEligibility(record({ child: { birthDate: '2009-07-02' } }), TODAY).reasons).toEqual([]);
  });

  it('refuses an urban household registration', () => {
    const r = checkEligibility(record({ child: { householdType: 'urban' } }), TODAY);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toMatch(/不是农村户籍/);
  });

  it('cannot decide without birth date or household type', () => {
    const r = checkEligibility(record({ child: { birthDate: '', householdType: '' } }), TODAY);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual(['缺少有效的出生日期，无法判断是否未满16周岁', '未填写户籍性质，无法判断是否为农村户籍']);
  });

  it('notes a missing household registration without refusing', () => {
    const r = checkEligibility(record({ child: { hukouRegistered: false } }), TODAY);
    expect(r).toEqual({ eligible: true, reasons: ['尚未登记户口，请协助办理户口登记'] });
  });

  it('lists every problem at once', () => {
    const r = checkEligibility(
      record({ child: { birthDate: '2000-01-01', householdType: 'urban' }, guardianship: { bothParentsAway: false } }),
      TODAY,
    );
    expect(r.eligible).toBe(false);
    expect(r.reasons).toHaveLength(3);
  });
});
