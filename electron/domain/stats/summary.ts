// The ledger's statistics for a period: each child's, visit's and report's contribution, summed once (one pass over
// each table, 50,000 children at city scale) and then kept as records change (LedgerStats: a change takes back what
// the record added before and adds what it adds now), so a page left open does not recount the ledger per edit.
//
// A child counts in the period-end figures when it had entered the ledger by the end date and had not exited or been
// transferred out by then; its age is its age on the end date, so a child who turned 16 during the period shows as
// 16+ (a prompt to record the exit). Entry is the record's entry date when the ledger keeps one, else the day the
// record was created; exits are dated by the exit date the clerk entered.
import { shippedCodeLists } from '../ledger/shipped-codelists';
import type { CodeListKey, CodeLists } from '../ledger/codelists';
import { ageBand } from '../ledger/age';
import { isoDateOf } from '../ledger/dates';
import { setOwn, type EntityRecord } from '../../store/state';
import type { JsonValue } from '../../store/operation';
import { hlcDate } from '../../store/hlc';
import {
  ageBandLabels,
  NOT_SET,
  type AgeBandKey,
  type StatsColumn,
  type StatsRow,
  type StatsSummary,
} from '../../contract/schemas/stats';
import { childText } from './child-fields';
import { flatGetter, missingFields } from '../ledger/completeness';

type Table = Readonly<Record<string, EntityRecord>>;

export interface StatsInput {
  children: Table;
  visits: Table;
  reports: Table;
  period: { from: string; to: string };
  township?: string | undefined;
  codeLists?: CodeLists;
}

const NO_PLACE = '（未填写）';
const AGE_BANDS: AgeBandKey[] = ['0-5', '6-13', '14-15', '16+'];

function emptyRow(name: string): StatsRow {
  return {
    name,
    total: 0,
    guardianKind: {},
    schooling: {},
    riskLevel: {},
    ageBand: { '0-5': 0, '6-13': 0, '14-15': 0, '16+': 0 },
    entries: 0,
    exits: 0,
    visits: 0,
  };
}

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** Stored dates were checked on the way in: the shape is enough here, and much cheaper at 50,000 records. */
const isDate = (value: string) => value.length === 10 && ISO_SHAPE.test(value);

// Records are mostly created in batches (imports, the demo): the local date of an hour repeats, so it is cached.
const dayOfHour = new Map<number, string>();
function localDayOfHlc(hlc: string): string {
  const ms = Number(hlc.slice(0, 15));
  const hour = Math.floor(ms / 3_600_000);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = isoDateOf(hlcDate(hlc));
    if (dayOfHour.size > 10_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

/** Whole years on `date`, as ageOn counts them (a 29 February birthday falls on 1 March), by comparing strings. */
function ageAt(birth: string, date: string): number {
  const age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? age - 1 : age;
}

/** The day a child entered the ledger. */
export function entryDateOf(rec: EntityRecord): string {
  for (const key of ENTRY_KEYS) {
    const value = childText(rec.v, key);
    if (value && isDate(value)) return value;
  }
  return localDayOfHlc(rec.c ?? rec.b);
}
const ENTRY_KEYS = ['entryDate', 'status.entryDate', 'enteredOn'];

function visitDateOf(v: Record<string, JsonValue>): string {
  for (const key of ['date', 'visitDate', 'visit.date']) {
    const value = v[key];
    if (typeof value === 'string' && isDate(value)) return value;
  }
  return '';
}

function columnsFor(key: CodeListKey, lists: CodeLists, seen: Set<string>, blankLabel: string): StatsColumn[] {
  const items = lists.lists[key].items.map((i) => ({ code: i.code, label: i.label }));
  const known = new Set(items.map((i) => i.code));
  // Codes the list lacks (a bundle's), in code order, whatever order they were met in.
  for (const code of [...seen].sort()) if (code !== NOT_SET && !known.has(code)) items.push({ code, label: code });
  if (seen.has(NOT_SET)) items.push({ code: NOT_SET, label: blankLabel });
  return items;
}

const collator = new Intl.Collator('zh-CN');

/** What one child adds to the figures of one period (and township), kept so that a change can take it back. */
interface ChildPart {
  /** Order in which the child was first seen: of two records of one ID number, the first counts. */
  ord: number;
  /** Its township as the selector lists it (whatever the filter). */
  township: string;
  /** Its row; null when the chosen township leaves it out. */
  row: string | null;
  /** Key of its group of records sharing one ID number (its own key when it has none or is left out). */
  group: string;
  /** Entered in the period (counted once per ID number). */
  entry: boolean;
  /** Exit or transfer reason, when it left within the period. */
  exit: string | null;
  /** In the ledger at the period's end (counted once per ID number), with its categories. */
  counted: boolean;
  guardianKind: string;
  schooling: string;
  risk: string;
  band: AgeBandKey;
  incomplete: boolean;
}

interface RowState {
  row: StatsRow;
  /** Children whose row this is (a row is listed while it has any, even if none counts at the period's end). */
  members: number;
}

const add = (counts: Record<string, number>, key: string, by: number) => {
  // Keys are codes as stored (a bundle's too): own properties only, so `constructor` counts like any other code. An
  // own property (even `__proto__`) takes a plain assignment; only a new one is defined.
  if (!Object.hasOwn(counts, key)) {
    if (by !== 0) setOwn(counts, key, by);
    return;
  }
  const n = counts[key]! + by;
  if (n === 0) Reflect.deleteProperty(counts, key);
  else counts[key] = n;
};

function count(r: StatsRow, p: ChildPart, by: number): void {
  r.total += by;
  add(r.guardianKind, p.guardianKind, by);
  add(r.schooling, p.schooling, by);
  add(r.riskLevel, p.risk, by);
  r.ageBand[p.band] += by;
}

const copyRow = (r: StatsRow): StatsRow => ({
  ...r,
  guardianKind: { ...r.guardianKind },
  schooling: { ...r.schooling },
  riskLevel: { ...r.riskLevel },
  ageBand: { ...r.ageBand },
});

const NO_GROUP = '\u0000';

/**
 * The statistics of one period (and township), kept as records change: each child's contribution is remembered, and
 * a changed child, visit or report takes its old contribution back and adds its new one. Putting every record once
 * gives what summariseLedger gives; after that, a change costs what it touches, not the size of the ledger.
 */
export class LedgerStats {
  private readonly from: string;
  private readonly to: string;
  private readonly filter: string | null;
  private readonly lists: CodeLists;
  private readonly parts = new Map<string, ChildPart>();
  /** ID number → the records holding it (one id, or several in the order first seen). */
  private readonly groups = new Map<string, string | string[]>();
  private nextOrd = 0;
  private readonly rows = new Map<string, RowState>();
  private readonly totals = emptyRow('合计');
  private readonly townships = new Map<string, number>();
  private readonly exitReasons = new Map<string, number>();
  private incomplete = 0;
  /** Visits in the period: visit id → child id, and per child how many. */
  private readonly visitChild = new Map<string, string>();
  private readonly visitsOf = new Map<string, number>();
  private visited = 0;
  /** Reports in the period: report id → what decides whether it counts. */
  private readonly reportOf = new Map<string, { childId: string; own: boolean }>();
  private reportsInPeriod = 0;
  /** With a township chosen: reports of it by their own township, and per child the others naming that child. */
  private reportsOwn = 0;
  private readonly reportsByChild = new Map<string, number>();
  private reportsLinked = 0;

  constructor(period: { from: string; to: string }, township?: string | null, codeLists?: CodeLists) {
    this.from = period.from;
    this.to = period.to;
    this.filter = township || null;
    this.lists = codeLists ?? shippedCodeLists;
  }

  private partOf(rec: EntityRecord, ord: number): ChildPart {
    const { from, to, filter } = this;
    const v = rec.v;
    const township = childText(v, 'responsibility.township').trim() || NO_PLACE;
    const part: ChildPart = {
      ord,
      township,
      row: null,
      group: NO_GROUP,
      entry: false,
      exit: null,
      counted: false,
      guardianKind: '',
      schooling: '',
      risk: '',
      band: '16+',
      incomplete: false,
    };
    if (filter && township !== filter) return part;
    part.row = filter ? childText(v, 'responsibility.village').trim() || NO_PLACE : township;

    const entered = entryDateOf(rec);
    const state = childText(v, 'status.state') || 'active';
    const statusDate = childText(v, 'status.date');
    const left = (state === 'exited' || state === 'transferred') && isDate(statusDate);

    // One child held twice (two offices' records of one ID number, merged or not yet) enters and counts once.
    const idNumber = childText(v, 'child.idNumber').trim().toUpperCase();
    if (idNumber) part.group = idNumber;
    part.entry = entered >= from && entered <= to && state !== 'merged';
    if (left && statusDate >= from && statusDate <= to) {
      part.exit = state === 'transferred' ? 'transferred' : childText(v, 'status.reason') || 'other';
    }

    const inLedgerAtEnd = entered <= to && !(left && statusDate <= to) && !(state !== 'active' && !left);
    if (!inLedgerAtEnd) return part;
    const birth = childText(v, 'child.birthDate');
    const hasBirth = isDate(birth);
    if (hasBirth && birth > to) return part;
    part.counted = true;
    part.guardianKind = childText(v, 'guardianship.guardianKind');
    part.schooling = childText(v, 'child.schooling');
    part.risk = childText(v, 'riskLevel');
    part.band = hasBirth ? ageBand(ageAt(birth, to)) : '16+';
    part.incomplete = missingFields(flatGetter(v)).length > 0;
    return part;
  }

  private rowState(name: string): RowState {
    let r = this.rows.get(name);
    if (!r) this.rows.set(name, (r = { row: emptyRow(name), members: 0 }));
    return r;
  }

  /** The members of a group, first seen first. */
  private members(group: string, id: string): ChildPart[] {
    if (group === NO_GROUP) {
      // A child without a group counts on its own, as long as it is without one.
      const p = this.parts.get(id);
      return p && p.group === NO_GROUP ? [p] : [];
    }
    const held = this.groups.get(group);
    if (held === undefined) return [];
    if (typeof held === 'string') return [this.parts.get(held)!];
    return held.map((m) => this.parts.get(m)!);
  }

  /** Adds (by = 1) or takes back (by = -1) what a group counts once: its first entry and its first counted child. */
  private countGroup(group: string, id: string, by: number): void {
    const members = this.members(group, id);
    const entry = members.find((p) => p.row !== null && p.entry);
    if (entry) {
      this.rowState(entry.row!).row.entries += by;
      this.totals.entries += by;
    }
    const counted = members.find((p) => p.row !== null && p.counted);
    if (counted) {
      count(this.rowState(counted.row!).row, counted, by);
      count(this.totals, counted, by);
      if (counted.incomplete) this.incomplete += by;
    }
  }

  /** Adds or takes back what a child counts on its own: township, row, exit, its visits and reports. */
  private countChild(id: string, p: ChildPart, by: number): void {
    const t = (this.townships.get(p.township) ?? 0) + by;
    if (t === 0) this.townships.delete(p.township);
    else this.townships.set(p.township, t);
    if (p.row === null) return;
    const r = this.rowState(p.row);
    r.members += by;
    if (p.exit !== null) {
      r.row.exits += by;
      this.totals.exits += by;
      const n = (this.exitReasons.get(p.exit) ?? 0) + by;
      if (n === 0) this.exitReasons.delete(p.exit);
      else this.exitReasons.set(p.exit, n);
    }
    const visits = this.visitsOf.get(id) ?? 0;
    r.row.visits += by * visits;
    this.totals.visits += by * visits;
    if (visits > 0) this.visited += by;
    this.reportsLinked += by * (this.reportsByChild.get(id) ?? 0);
    if (r.members === 0) this.rows.delete(p.row);
  }

  private join(group: string, id: string): void {
    if (group === NO_GROUP) return;
    const held = this.groups.get(group);
    if (held === undefined) this.groups.set(group, id);
    else {
      const list = typeof held === 'string' ? [held] : held;
      list.push(id);
      list.sort((a, b) => this.parts.get(a)!.ord - this.parts.get(b)!.ord);
      this.groups.set(group, list);
    }
  }

  private leave(group: string, id: string): void {
    if (group === NO_GROUP) return;
    const held = this.groups.get(group);
    if (held === undefined) return;
    if (typeof held === 'string') {
      if (held === id) this.groups.delete(group);
      return;
    }
    const rest = held.filter((m) => m !== id);
    if (rest.length === 1) this.groups.set(group, rest[0]!);
    else if (rest.length === 0) this.groups.delete(group);
    else this.groups.set(group, rest);
  }

  /** A child as it stands now (undefined: no such record). */
  putChild(id: string, rec: EntityRecord | undefined): void {
    const old = this.parts.get(id);
    const next = rec ? this.partOf(rec, old?.ord ?? this.nextOrd++) : undefined;
    const groups = new Set<string>();
    if (old) groups.add(old.group);
    if (next) groups.add(next.group);
    for (const g of groups) this.countGroup(g, id, -1);
    if (old) {
      this.countChild(id, old, -1);
      this.leave(old.group, id);
      this.parts.delete(id);
    }
    if (next) {
      this.parts.set(id, next);
      this.join(next.group, id);
      this.countChild(id, next, 1);
    }
    for (const g of groups) this.countGroup(g, id, 1);
  }

  private visitOfChild(childId: string, by: number): void {
    const before = this.visitsOf.get(childId) ?? 0;
    const after = before + by;
    if (after === 0) this.visitsOf.delete(childId);
    else this.visitsOf.set(childId, after);
    const p = this.parts.get(childId);
    if (!p || p.row === null) return;
    this.rows.get(p.row)!.row.visits += by;
    this.totals.visits += by;
    if (before === 0 && after > 0) this.visited += 1;
    if (before > 0 && after === 0) this.visited -= 1;
  }

  /** A visit as it stands now. */
  putVisit(id: string, rec: EntityRecord | undefined): void {
    const old = this.visitChild.get(id);
    if (old !== undefined) {
      this.visitChild.delete(id);
      this.visitOfChild(old, -1);
    }
    const date = rec ? visitDateOf(rec.v) : '';
    if (!rec || !date || date < this.from || date > this.to) return;
    const childId = typeof rec.v.childId === 'string' ? rec.v.childId : '';
    this.visitChild.set(id, childId);
    this.visitOfChild(childId, 1);
  }

  private reportCounts(r: { childId: string; own: boolean }, by: number): void {
    this.reportsInPeriod += by;
    if (r.own) this.reportsOwn += by;
    else if (r.childId) {
      const n = (this.reportsByChild.get(r.childId) ?? 0) + by;
      if (n === 0) this.reportsByChild.delete(r.childId);
      else this.reportsByChild.set(r.childId, n);
      const p = this.parts.get(r.childId);
      if (p && p.row !== null) this.reportsLinked += by;
    }
  }

  /** A mandatory report as it stands now. */
  putReport(id: string, rec: EntityRecord | undefined): void {
    const old = this.reportOf.get(id);
    if (old) {
      this.reportOf.delete(id);
      this.reportCounts(old, -1);
    }
    const at = rec && typeof rec.v.reportedAt === 'string' ? rec.v.reportedAt.slice(0, 10) : '';
    if (!rec || !at || at < this.from || at > this.to) return;
    const r = {
      childId: typeof rec.v.childId === 'string' ? rec.v.childId : '',
      own: this.filter !== null && (typeof rec.v.township === 'string' ? rec.v.township : '') === this.filter,
    };
    this.reportOf.set(id, r);
    this.reportCounts(r, 1);
  }

  summary(): StatsSummary {
    const { from, to, filter, lists } = this;
    const exitLabel = (code: string) =>
      code === 'transferred' ? '转出' : (lists.lists.exitReason.items.find((i) => i.code === code)?.label ?? code);
    // Equal counts in the order of the code list (转出 after it, codes it lacks last), not in the order found.
    const exitOrder = (code: string) => {
      const i = lists.lists.exitReason.items.findIndex((x) => x.code === code);
      return i >= 0 ? i : code === 'transferred' ? lists.lists.exitReason.items.length : Number.MAX_SAFE_INTEGER;
    };
    const seen = (counts: Record<string, number>) => new Set(Object.keys(counts));
    return {
      period: { from, to },
      township: filter,
      rowLabel: filter ? '村（居）' : '乡镇（街道）',
      incomplete: this.incomplete,
      rows: [...this.rows.values()].map((r) => copyRow(r.row)).sort((a, b) => collator.compare(a.name, b.name)),
      totals: copyRow(this.totals),
      columns: {
        guardianKind: columnsFor('guardianKind', lists, seen(this.totals.guardianKind), '未填写'),
        schooling: columnsFor('schooling', lists, seen(this.totals.schooling), '未填写'),
        riskLevel: columnsFor('riskLevel', lists, seen(this.totals.riskLevel), '未评定'),
        ageBand: AGE_BANDS.map((code) => ({ code, label: ageBandLabels[code] })),
      },
      exitsByReason: [...this.exitReasons.entries()]
        .map(([code, count]) => ({ code, label: exitLabel(code), count }))
        .sort((a, b) => b.count - a.count || exitOrder(a.code) - exitOrder(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      visitedChildren: this.visited,
      reports: filter ? this.reportsOwn + this.reportsLinked : this.reportsInPeriod,
      townships: [...this.townships.keys()].sort(collator.compare),
    };
  }
}

/** The statistics of a period from whole tables: every record put once (tests, and what LedgerStats must equal). */
export function summariseLedger(input: StatsInput): StatsSummary {
  const stats = new LedgerStats(input.period, input.township, input.codeLists);
  for (const [id, rec] of Object.entries(input.children)) stats.putChild(id, rec);
  for (const [id, rec] of Object.entries(input.visits)) stats.putVisit(id, rec);
  for (const [id, rec] of Object.entries(input.reports)) stats.putReport(id, rec);
  return stats.summary();
}
