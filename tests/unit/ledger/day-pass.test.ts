// Issue 13: a refresh works out each birth date's and visit date's facts once per pass and shares them between
// children. Each child must still get exactly what checkEligibility and alertsFor give for it alone.
import { alertsFor, DayPass, DEFAULT_LEDGER_SETTINGS, type ChildSummary, type EligibilityInputs } from '../../../electron/domain/ledger/child-summary';
import { ageOn } from '../../../electron/domain/ledger/age';
import { checkEligibility } from '../../../electron/domain/ledger/eligibility';

const TODAY = '2026-06-15';
const settings = { ...DEFAULT_LEDGER_SETTINGS, turning16Days: 40 };

function summary(i: number): ChildSummary {
  return {
    id: `c${i}`,
    name: '张小明',
    key: { name: '张小明', initials: 'zxm', pinyin: '', idNumber: '' },
    sex: 'M',
    // Few distinct dates, so children share them: one turning 16 soon, one already 16, one young, one invalid.
    birthDate: ['2010-07-01', '2010-06-01', '2018-02-28', ''][i % 4]!,
    age: null,
    ageBand: null,
    idNumber: '',
    township: '',
    village: '',
    guardianKind: '',
    guardianshipType: '',
    assessment: '',
    schooling: '',
    riskLevel: '',
    status: i % 7 === 0 ? 'exited' : 'active',
    guardianPhone: i % 3 === 0 ? '' : '13800000000',
    eligible: false,
    eligibilityReasons: [],
    alerts: [],
    unguarded: i % 5 === 0,
    incomplete: false,
    lastVisitDate: ['', '2026-06-01', '2026-01-01'][i % 3]!,
    createdDate: ['2026-01-10', '2026-06-10'][i % 2]!,
    updated: '',
  };
}

const inputs = (i: number): EligibilityInputs => ({
  householdType: ['rural', 'urban', ''][i % 3]!,
  hukouRegistered: i % 2 === 0,
  bothParentsAway: i % 4 < 2,
  oneAwayOtherIncapable: i % 8 >= 4,
});

test('every child of a pass gets what it would get alone', () => {
  const pass = new DayPass(TODAY, settings);
  for (let i = 0; i < 240; i += 1) {
    const s = pass.apply(summary(i), inputs(i));
    const alone = checkEligibility(
      {
        child: { birthDate: s.birthDate, householdType: inputs(i).householdType, hukouRegistered: inputs(i).hukouRegistered },
        guardianship: { bothParentsAway: inputs(i).bothParentsAway, oneAwayOtherIncapable: inputs(i).oneAwayOtherIncapable },
      },
      TODAY,
      settings.turning16Days,
    );
    expect({ eligible: s.eligible, reasons: s.eligibilityReasons }).toEqual(alone);
    expect(s.alerts).toEqual(alertsFor(s, TODAY, settings));
    expect(s.age).toBe(s.birthDate ? ageOn(s.birthDate, TODAY) : null);
  }
});

test('the facts a pass shares are frozen: a caller cannot change another child’s alerts or reasons', () => {
  const pass = new DayPass(TODAY, settings);
  const a = pass.apply(summary(12), inputs(1));
  const b = pass.apply(summary(24), inputs(1));
  expect(a.eligibilityReasons).toBe(b.eligibilityReasons);
  expect(() => a.eligibilityReasons.push('x')).toThrow(TypeError);
  expect(a.alerts).toBe(b.alerts);
  expect(() => a.alerts.push(a.alerts[0]!)).toThrow(TypeError);
  expect(() => {
    a.alerts[0]!.message = 'x';
  }).toThrow(TypeError);
});
