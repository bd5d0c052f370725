import { addHours, localDateTimeOf, reportStanding, type ReportTimeline } from '../../../electron/domain/reports/deadlines';
import { DEFAULT_REPORT_SETTINGS } from '../../../electron/contract/schemas/report';

const settings = DEFAULT_REPORT_SETTINGS; // police 1 h, assessment 3 days, placement 1 day, follow-up 30 days
const base: ReportTimeline = { reportedAt: '2026-03-10T22:30', followUpDates: [] };
const state = (t: ReportTimeline, now: string, step: string, s = settings) =>
  reportStanding(t, s, now).steps.find((x) => x.step === step)!;

describe('addHours', () => {
  it('crosses midnight and month ends on the calendar', () => {
    expect(addHours('2026-03-10T22:30', 1)).toBe('2026-03-10T23:30');
    expect(addHours('2026-03-10T23:30', 1)).toBe('2026-03-11T00:30');
    expect(addHours('2026-02-28T12:00', 24)).toBe('2026-03-01T12:00');
  });
});

describe('localDateTimeOf', () => {
  it('reads the clock in local time to the minute', () => {
    expect(localDateTimeOf(new Date(2026, 2, 10, 9, 5, 59).getTime())).toBe('2026-03-10T09:05');
  });
});

describe('police response deadline', () => {
  it('is pending within the hour and overdue after it', () => {
    expect(state(base, '2026-03-10T23:30', 'police')).toMatchObject({ state: 'pending', due: '2026-03-10T23:30' });
    const late = reportStanding(base, settings, '2026-03-10T23:31');
    expect(late.steps.find((s) => s.step === 'police')!.state).toBe('overdue');
    expect(late.overdue).toBe(true);
    expect(late.overdueSteps).toContain('出警处置');
    expect(late.next).toEqual({ label: '出警处置', due: '2026-03-10T23:30' });
  });

  it('is done in time, or marked late when recorded after the deadline', () => {
    expect(state({ ...base, policeAt: '2026-03-10T23:10' }, '2026-03-12T00:00', 'police').state).toBe('done');
    expect(state({ ...base, policeAt: '2026-03-11T01:00' }, '2026-03-12T00:00', 'police').state).toBe('late');
  });

  it('follows the office setting', () => {
    const s = { ...settings, policeHours: 4 };
    expect(state(base, '2026-03-11T02:00', 'police', s).state).toBe('pending');
    expect(state(base, '2026-03-11T02:31', 'police', s).state).toBe('overdue');
  });
});

describe('assessment and placement deadlines', () => {
  it('counts the assessment in calendar days from the day of the report', () => {
    expect(state(base, '2026-03-13T23:59', 'assessment')).toMatchObject({ state: 'pending', due: '2026-03-13' });
    expect(state(base, '2026-03-14T00:00', 'assessment').state).toBe('overdue');
    expect(state({ ...base, assessmentDate: '2026-03-14' }, '2026-03-20T00:00', 'assessment').state).toBe('late');
  });

  it('counts placement in 24-hour days from the moment of the report', () => {
    expect(state(base, '2026-03-11T22:30', 'placement').state).toBe('pending');
    expect(state(base, '2026-03-11T22:31', 'placement').state).toBe('overdue');
    expect(state({ ...base, placementAt: '2026-03-11T08:00' }, '2026-03-12T00:00', 'placement').state).toBe('done');
  });
});

describe('follow-up', () => {
  const handled: ReportTimeline = {
    ...base,
    policeAt: '2026-03-10T23:00',
    assessmentDate: '2026-03-12',
    placementAt: '2026-03-11T09:00',
    followUpDates: [],
  };

  it('falls due 30 days after the assessment, then 30 days after each follow-up', () => {
    expect(state(handled, '2026-04-11T10:00', 'followUp')).toMatchObject({ state: 'pending', due: '2026-04-11' });
    expect(state(handled, '2026-04-12T10:00', 'followUp').state).toBe('overdue');
    const followed = { ...handled, followUpDates: ['2026-04-05', '2026-03-20'] };
    expect(state(followed, '2026-04-12T10:00', 'followUp')).toMatchObject({ state: 'pending', due: '2026-05-05', done: '2026-04-05' });
  });

  it('is the next step once police, assessment and placement are done', () => {
    expect(reportStanding(handled, settings, '2026-03-20T10:00').next).toEqual({ label: '跟踪回访', due: '2026-04-11' });
  });
});

describe('closed reports', () => {
  it('are never overdue; steps never taken are shown as skipped', () => {
    const closed = { ...base, closedDate: '2026-03-11' };
    const s = reportStanding(closed, settings, '2027-01-01T00:00');
    expect(s.closed).toBe(true);
    expect(s.overdue).toBe(false);
    expect(s.next).toBeNull();
    expect(s.steps.find((x) => x.step === 'police')!.state).toBe('skipped');
    expect(s.steps.find((x) => x.step === 'closing')!.state).toBe('done');
  });

  it('treat the referral to court as optional', () => {
    const s = reportStanding(base, settings, '2026-03-10T22:40');
    expect(s.steps.find((x) => x.step === 'referral')!.state).toBe('optional');
  });
});
