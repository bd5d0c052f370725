// One line of the ledger list, derived from a child's stored fields for a given day: age, age band, eligibility and
// the alerts a clerk must act on. Pure; the list index keeps one per child and recomputes it when the child changes
// or the day turns.
import type { JsonValue } from '../../store/operation';
import { DECEASED_MARK } from '../../contract/schemas/child';
import { ageBand, ageOn, turning16, type AgeBand } from './age';
import { childValue } from './child-fields';
import { daysBetween, isIsoDate } from './dates';
import { missingFields, flatGetter } from './completeness';
import { checkEligibility, type Eligibility } from './eligibility';
import { searchKey, type SearchKey } from './pinyin';
import { familyNamesOf } from './search-names';

export type AlertKind = 'unguarded' | 'age16' | 'turning16' | 'visitOverdue' | 'missingPhone';

/** The order alerts are listed in: a child without any guardian always comes first. */
export const ALERT_ORDER: readonly AlertKind[] = ['unguarded', 'age16', 'turning16', 'visitOverdue', 'missingPhone'];

export const alertLabels: Readonly<Record<AlertKind, string>> = {
  unguarded: '无人监护',
  age16: '已满16周岁',
  turning16: '即将满16周岁',
  visitOverdue: '走访逾期',
  missingPhone: '缺监护人电话',
};

export interface ChildAlert {
  kind: AlertKind;
  message: string;
}

export interface LedgerSettings {
  /** A child not visited for longer than this is flagged. */
  visitPeriodDays: number;
  /** Warn this many days before the 16th birthday. */
  turning16Days: number;
}

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = { visitPeriodDays: 30, turning16Days: 30 };

export interface ChildSummary {
  id: string;
  name: string;
  key: SearchKey;
  sex: string;
  birthDate: string;
  age: number | null;
  ageBand: AgeBand | null;
  idNumber: string;
  township: string;
  village: string;
  guardianKind: string;
  guardianshipType: string;
  assessment: string;
  schooling: string;
  riskLevel: string;
  status: string;
  guardianPhone: string;
  eligible: boolean;
  eligibilityReasons: string[];
  alerts: ChildAlert[];
  unguarded: boolean;
  /** 待完善: some national-form field is still missing (completeness.missingFields). */
  incomplete: boolean;
  lastVisitDate: string;
  /** 'YYYY-MM-DD' the record was created (from its first operation). */
  createdDate: string;
  /** HLC of the last change, for sorting by 最近更新. */
  updated: string;
}

const usable = (v: string) => v !== '' && v !== DECEASED_MARK;

/** The phone of whoever actually looks after the child: the entrusted guardian, else a parent. */
export function guardianPhoneOf(values: Readonly<Record<string, JsonValue>>): string {
  if (values['guardianship.hasEntrustedGuardian'] === true) return childValue(values, 'entrustedGuardian.phone');
  const father = childValue(values, 'father.phone');
  const mother = childValue(values, 'mother.phone');
  if (usable(father)) return father;
  return usable(mother) ? mother : '';
}

export function isUnguarded(values: Readonly<Record<string, JsonValue>>): boolean {
  return values['guardianship.guardianKind'] === 'none' || values['guardianship.guardianshipType'] === 'none';
}

const UNGUARDED_ALERT: ChildAlert = Object.freeze({ kind: 'unguarded', message: '无人监护，请优先核查并落实监护' });
const MISSING_PHONE_ALERT: ChildAlert = Object.freeze({ kind: 'missingPhone', message: '缺少监护人联系电话' });
/** Shared by every child without an alert; frozen, so a caller that tried to add to it would fail loudly. */
const NO_ALERTS = Object.freeze([]) as unknown as ChildAlert[];

/** 已满16周岁 or 即将满16周岁 for a valid birth date, else null. */
function birthAlert(birthDate: string, today: string, settings: LedgerSettings): ChildAlert | null {
  if (!isIsoDate(birthDate)) return null;
  const t = turning16(birthDate, today, settings.turning16Days);
  if (t.status === 'already16') return { kind: 'age16', message: '已满16周岁，建议办理退出' };
  if (t.status === 'soon') return { kind: 'turning16', message: `${daysBetween(today, t.date16)}天后年满16周岁，届时需办理退出` };
  return null;
}

/** 走访逾期: counted from the last visit; a child never visited, from the day the record was made (it needs time
 *  for one). */
function visitAlert(lastVisitDate: string, createdDate: string, today: string, settings: LedgerSettings): ChildAlert | null {
  const since = lastVisitDate || createdDate;
  if (!isIsoDate(since)) return null;
  const days = daysBetween(since, today);
  if (days <= settings.visitPeriodDays) return null;
  return {
    kind: 'visitOverdue',
    message: lastVisitDate ? `已${days}天未走访（规定${settings.visitPeriodDays}天）` : `建档${days}天仍未走访`,
  };
}

type AlertFacts = Pick<ChildSummary, 'status' | 'birthDate' | 'lastVisitDate' | 'createdDate' | 'guardianPhone' | 'unguarded'>;

function composeAlerts(s: AlertFacts, birth: ChildAlert | null, visit: ChildAlert | null): ChildAlert[] {
  const phone = usable(s.guardianPhone) ? null : MISSING_PHONE_ALERT;
  if (!s.unguarded && birth === null && visit === null && phone === null) return NO_ALERTS;
  const alerts: ChildAlert[] = [];
  if (s.unguarded) alerts.push(UNGUARDED_ALERT);
  if (birth) alerts.push(birth);
  if (visit) alerts.push(visit);
  if (phone) alerts.push(phone);
  return alerts;
}

export function alertsFor(s: AlertFacts, today: string, settings: LedgerSettings): ChildAlert[] {
  if (s.status !== 'active') return NO_ALERTS;
  return composeAlerts(s, birthAlert(s.birthDate, today, settings), visitAlert(s.lastVisitDate, s.createdDate, today, settings));
}

/** What eligibility reads besides the birth date: kept with a stored summary, so a new day needs no record. */
export interface EligibilityInputs {
  householdType: string;
  hukouRegistered: boolean;
  bothParentsAway: boolean;
  oneAwayOtherIncapable: boolean;
}

export function eligibilityInputs(values: Readonly<Record<string, JsonValue>>): EligibilityInputs {
  return {
    householdType: childValue(values, 'child.householdType'),
    hukouRegistered: values['child.hukouRegistered'] === true,
    bothParentsAway: values['guardianship.bothParentsAway'] === true,
    oneAwayOtherIncapable: values['guardianship.oneAwayOtherIncapable'] === true,
  };
}

/** What a birth date means on one day, and the eligibility verdicts met so far for it. */
interface BirthFacts {
  age: number | null;
  ageBand: AgeBand | null;
  alert: ChildAlert | null;
  /** By household type, then by the three flags as bits: checkEligibility's verdict, reasons frozen and shared. */
  verdicts: Map<string, Array<Eligibility | undefined>>;
  /** By the visit alert, then by unguarded and missing phone as bits: an active child's alerts, frozen and shared. */
  alertSets: Map<ChildAlert | null, Array<ChildAlert[] | undefined>>;
}

/**
 * The day-dependent parts of many summaries for one day and one set of settings (a start, a new day): 200,000
 * children have a few thousand distinct birth dates and visit dates, and each is worked out once per pass, not once
 * per child. Every value is a pure function of (date, today, settings), so a pass may reuse them; results that
 * several children share (alerts, eligibility reasons) are frozen.
 */
export class DayPass {
  private readonly births = new Map<string, BirthFacts>();
  /** By the date counted from, then whether it was a visit. */
  private readonly visits = new Map<string, [ChildAlert | null | undefined, ChildAlert | null | undefined]>();

  constructor(
    readonly today: string,
    readonly settings: LedgerSettings,
  ) {}

  private birth(birthDate: string): BirthFacts {
    let facts = this.births.get(birthDate);
    if (!facts) {
      const age = isIsoDate(birthDate) ? ageOn(birthDate, this.today) : null;
      const alert = birthAlert(birthDate, this.today, this.settings);
      facts = {
        age,
        ageBand: age === null ? null : ageBand(age),
        alert: alert && Object.freeze(alert),
        verdicts: new Map(),
        alertSets: new Map(),
      };
      this.births.set(birthDate, facts);
    }
    return facts;
  }

  private eligibility(birthDate: string, facts: BirthFacts, inputs: EligibilityInputs): Eligibility {
    let byFlags = facts.verdicts.get(inputs.householdType);
    if (!byFlags) facts.verdicts.set(inputs.householdType, (byFlags = []));
    const bits = (inputs.hukouRegistered ? 1 : 0) | (inputs.bothParentsAway ? 2 : 0) | (inputs.oneAwayOtherIncapable ? 4 : 0);
    let verdict = byFlags[bits];
    if (!verdict) {
      const e = checkEligibility(
        {
          child: { birthDate, householdType: inputs.householdType, hukouRegistered: inputs.hukouRegistered },
          guardianship: { bothParentsAway: inputs.bothParentsAway, oneAwayOtherIncapable: inputs.oneAwayOtherIncapable },
        },
        this.today,
        this.settings.turning16Days,
      );
      verdict = byFlags[bits] = { eligible: e.eligible, reasons: Object.freeze(e.reasons) as string[] };
    }
    return verdict;
  }

  private visit(lastVisitDate: string, createdDate: string): ChildAlert | null {
    const since = lastVisitDate || createdDate;
    let pair = this.visits.get(since);
    if (!pair) this.visits.set(since, (pair = [undefined, undefined]));
    const which = lastVisitDate ? 1 : 0;
    let alert = pair[which];
    if (alert === undefined) {
      alert = visitAlert(lastVisitDate, createdDate, this.today, this.settings);
      pair[which] = alert = alert && Object.freeze(alert);
    }
    return alert;
  }

  /** An active child's alerts: the same few combinations for most children, so one frozen array each. */
  private alerts(summary: ChildSummary, facts: BirthFacts): ChildAlert[] {
    const visit = this.visit(summary.lastVisitDate, summary.createdDate);
    let byBits = facts.alertSets.get(visit);
    if (!byBits) facts.alertSets.set(visit, (byBits = []));
    const bits = (summary.unguarded ? 1 : 0) | (usable(summary.guardianPhone) ? 0 : 2);
    let alerts = byBits[bits];
    if (!alerts) byBits[bits] = alerts = Object.freeze(composeAlerts(summary, facts.alert, visit)) as ChildAlert[];
    return alerts;
  }

  /** The parts of a summary that depend on the day (age, eligibility, alerts), set in place. */
  apply(summary: ChildSummary, inputs: EligibilityInputs): ChildSummary {
    const facts = this.birth(summary.birthDate);
    const eligibility = this.eligibility(summary.birthDate, facts, inputs);
    summary.age = facts.age;
    summary.ageBand = facts.ageBand;
    summary.eligible = eligibility.eligible;
    summary.eligibilityReasons = eligibility.reasons;
    summary.alerts = summary.status === 'active' ? this.alerts(summary, facts) : NO_ALERTS;
    return summary;
  }
}

/** The parts of a summary that depend on the day (age, eligibility, alerts), set in place. */
export function dateSummary(summary: ChildSummary, inputs: EligibilityInputs, today: string, settings: LedgerSettings): ChildSummary {
  return new DayPass(today, settings).apply(summary, inputs);
}

export function summariseChild(
  id: string,
  values: Readonly<Record<string, JsonValue>>,
  meta: { createdDate: string; updated: string; key?: SearchKey },
  today: string,
  settings: LedgerSettings,
  /** The pass of a refresh that summarises many children (its dates' facts are shared). */
  pass: DayPass = new DayPass(today, settings),
): ChildSummary {
  const v = (path: Parameters<typeof childValue>[1]) => childValue(values, path);
  const birthDate = v('child.birthDate');
  const summary: ChildSummary = {
    id,
    name: v('child.name'),
    key: meta.key ?? searchKey({ name: v('child.name'), idNumber: v('child.idNumber'), otherNames: familyNamesOf(values) }),
    sex: v('child.sex'),
    birthDate,
    age: null,
    ageBand: null,
    idNumber: v('child.idNumber'),
    township: v('responsibility.township'),
    village: v('responsibility.village'),
    guardianKind: v('guardianship.guardianKind'),
    guardianshipType: v('guardianship.guardianshipType'),
    assessment: v('guardianship.assessment'),
    schooling: v('child.schooling'),
    riskLevel: v('riskLevel'),
    status: v('status.state') || 'active',
    guardianPhone: guardianPhoneOf(values),
    eligible: false,
    eligibilityReasons: [],
    unguarded: isUnguarded(values),
    incomplete: missingFields(flatGetter(values)).length > 0,
    lastVisitDate: v('lastVisitDate'),
    createdDate: meta.createdDate,
    updated: meta.updated,
    alerts: [],
  };
  // One object literal, filled in place: the list scans 50,000 of these and wants them all of one shape.
  return pass.apply(summary, eligibilityInputs(values));
}

/** Alerts first by the most urgent kind (无人监护 always first), then by how many. */
export function alertRank(s: Pick<ChildSummary, 'alerts'>): number {
  // A loop, not Math.min(...map): sorting 50,000 children calls this about a million times.
  let rank = ALERT_ORDER.length;
  for (const a of s.alerts) {
    const r = ALERT_ORDER.indexOf(a.kind);
    if (r < rank) rank = r;
  }
  return rank;
}
