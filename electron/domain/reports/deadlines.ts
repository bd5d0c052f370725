// Where a mandatory report stands against the office's deadlines. Pure: "now" is passed in as a local wall-clock
// moment, so the same report reads the same in a test with a fixed clock and in a township office in UTC+8.
//
// The police deadline and the placement deadline run from the moment of the report (hours and days of 24 hours);
// the assessment deadline is a calendar day (the township assesses "within 3 days", whatever the hour); follow-ups
// recur every N days from the last follow-up, or from the assessment or placement when there is none yet.
import {
  reportStepLabels,
  type ReportSettingsValues,
  type ReportStepKind,
  type StepState,
  type StepStatus,
} from '../../contract/schemas/report';
import { addDays, formatIsoDate } from '../ledger/dates';

/** The facts the deadlines depend on: when each step was done, as entered. */
export interface ReportTimeline {
  reportedAt: string;
  policeAt?: string | undefined;
  assessmentDate?: string | undefined;
  placementAt?: string | undefined;
  followUpDates: string[];
  referralDate?: string | undefined;
  closedDate?: string | undefined;
}

export interface ReportStanding {
  steps: StepStatus[];
  closed: boolean;
  overdue: boolean;
  overdueSteps: string[];
  next: { label: string; due?: string } | null;
}

/** A local moment 'YYYY-MM-DDTHH:mm' from clock milliseconds. */
export function localDateTimeOf(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatIsoDate(d.getFullYear(), d.getMonth() + 1, d.getDate())}T${hh}:${mm}`;
}

/** Adds whole hours to a wall-clock moment (calendar arithmetic, no time zone). */
export function addHours(moment: string, hours: number): string {
  return addMinutes(moment, hours * 60);
}

export function addMinutes(moment: string, minutes: number): string {
  const [date, time] = moment.split('T') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + Math.round(minutes);
  const dayShift = Math.floor(total / 1440);
  const rest = total - dayShift * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${addDays(date, dayShift)}T${hh}:${mm}`;
}

const dateOf = (moment: string) => moment.slice(0, 10);
const latest = (...values: Array<string | undefined>) =>
  values.filter((v): v is string => Boolean(v)).sort().at(-1);

function deadlineStep(
  step: ReportStepKind,
  due: string,
  done: string | undefined,
  now: string,
  closed: boolean,
): StepStatus {
  // Day deadlines compare with today's date; moment deadlines with the minute.
  const current = due.length === 10 ? dateOf(now) : now;
  const doneComparable = done && due.length === 10 ? dateOf(done) : done;
  let state: StepState;
  if (done) state = doneComparable! > due ? 'late' : 'done';
  else if (closed) state = 'skipped';
  else state = current > due ? 'overdue' : 'pending';
  return { step, label: reportStepLabels[step], state, due, ...(done ? { done } : {}) };
}

/** The steps of one report with their deadlines and states, at local moment `now`. */
export function reportStanding(t: ReportTimeline, settings: ReportSettingsValues, now: string): ReportStanding {
  const closed = Boolean(t.closedDate);
  const reportDay = dateOf(t.reportedAt);
  const lastFollowUp = latest(...t.followUpDates);

  const steps: StepStatus[] = [
    { step: 'report', label: reportStepLabels.report, state: 'done', done: t.reportedAt },
    deadlineStep('police', addHours(t.reportedAt, settings.policeHours), t.policeAt, now, closed),
    deadlineStep('assessment', addDays(reportDay, settings.assessmentDays), t.assessmentDate, now, closed),
    deadlineStep('placement', addHours(t.reportedAt, settings.placementDays * 24), t.placementAt, now, closed),
  ];

  const followBase = lastFollowUp ?? latest(t.assessmentDate, t.placementAt && dateOf(t.placementAt), reportDay)!;
  const followDue = addDays(followBase, settings.followUpDays);
  const followState: StepState = closed
    ? lastFollowUp
      ? 'done'
      : 'skipped'
    : dateOf(now) > followDue
      ? 'overdue'
      : 'pending';
  steps.push({
    step: 'followUp',
    label: reportStepLabels.followUp,
    state: followState,
    ...(closed ? {} : { due: followDue }),
    ...(lastFollowUp ? { done: lastFollowUp } : {}),
  });

  steps.push({
    step: 'referral',
    label: reportStepLabels.referral,
    state: t.referralDate ? 'done' : 'optional',
    ...(t.referralDate ? { done: t.referralDate } : {}),
  });
  steps.push({
    step: 'closing',
    label: reportStepLabels.closing,
    state: closed ? 'done' : 'pending',
    ...(t.closedDate ? { done: t.closedDate } : {}),
  });

  const overdueSteps = steps.filter((s) => s.state === 'overdue').map((s) => s.label);
  const waiting = closed ? undefined : steps.find((s) => s.state === 'overdue' || s.state === 'pending');
  return {
    steps,
    closed,
    overdue: overdueSteps.length > 0,
    overdueSteps,
    next: waiting ? { label: waiting.label, ...(waiting.due ? { due: waiting.due } : {}) } : null,
  };
}
