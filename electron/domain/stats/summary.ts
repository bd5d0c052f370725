// The ledger's statistics for a period, in one pass over the children (50,000 at city scale), one over the visits
// and one over the reports.
//
// A child counts in the period-end figures when it had entered the ledger by the end date and had not exited or been
// transferred out by then; its age is its age on the end date, so a child who turned 16 during the period shows as
// 16+ (a prompt to record the exit). Entry is the record's entry date when the ledger keeps one, else the day the
// record was created; exits are dated by the exit date the clerk entered.
import { shippedCodeLists } from '../ledger/shipped-codelists';
import type { CodeListKey, CodeLists } from '../ledger/codelists';
import { ageBand } from '../ledger/age';
import { isoDateOf } from '../ledger/dates';
import { ownValue, setOwn, type EntityRecord } from '../../store/state';
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

// Keys are codes as stored (a bundle's too): own properties only, so `constructor` counts like any other code.
const bump = (counts: Record<string, number>, key: string) => {
  setOwn(counts, key, (ownValue(counts, key) ?? 0) + 1);
};

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
  for (const code of seen) if (code !== NOT_SET && !known.has(code)) items.push({ code, label: code });
  if (seen.has(NOT_SET)) items.push({ code: NOT_SET, label: blankLabel });
  return items;
}

const collator = new Intl.Collator('zh-CN');

function count(r: StatsRow, guardianKind: string, schooling: string, risk: string, band: AgeBandKey): void {
  r.total++;
  bump(r.guardianKind, guardianKind);
  bump(r.schooling, schooling);
  bump(r.riskLevel, risk);
  r.ageBand[band]++;
}

/** True the first time an ID number is seen in `seen` (a record without one is always counted). */
function once(seen: Set<string>, idNumber: string): boolean {
  if (idNumber === '') return true;
  if (seen.has(idNumber)) return false;
  seen.add(idNumber);
  return true;
}

export function summariseLedger(input: StatsInput): StatsSummary {
  const { from, to } = input.period;
  const lists = input.codeLists ?? shippedCodeLists;
  const filter = input.township || null;
  const rows = new Map<string, StatsRow>();
  const totals = emptyRow('合计');
  const townships = new Set<string>();
  const seen = { guardianKind: new Set<string>(), schooling: new Set<string>(), riskLevel: new Set<string>() };
  const exitReasons = new Map<string, number>();
  let incomplete = 0;
  /** child id → its row, for visits. */
  const rowOfChild = new Map<string, StatsRow>();

  const countedIds = new Set<string>();
  const enteredIds = new Set<string>();
  const rowFor = (name: string) => {
    let row = rows.get(name);
    if (!row) rows.set(name, (row = emptyRow(name)));
    return row;
  };

  for (const [id, rec] of Object.entries(input.children)) {
    const v = rec.v;
    const township = childText(v, 'responsibility.township').trim() || NO_PLACE;
    townships.add(township);
    if (filter && township !== filter) continue;
    const row = rowFor(filter ? childText(v, 'responsibility.village').trim() || NO_PLACE : township);
    rowOfChild.set(id, row);

    const entered = entryDateOf(rec);
    const state = childText(v, 'status.state') || 'active';
    const statusDate = childText(v, 'status.date');
    const left = (state === 'exited' || state === 'transferred') && isDate(statusDate);

    // One child held twice (two offices' records of one ID number, merged or not yet) enters and counts once.
    const idNumber = childText(v, 'child.idNumber').trim().toUpperCase();
    if (entered >= from && entered <= to && state !== 'merged' && once(enteredIds, idNumber)) {
      row.entries++;
      totals.entries++;
    }
    if (left && statusDate >= from && statusDate <= to) {
      row.exits++;
      totals.exits++;
      const reason = state === 'transferred' ? 'transferred' : childText(v, 'status.reason') || 'other';
      exitReasons.set(reason, (exitReasons.get(reason) ?? 0) + 1);
    }

    const inLedgerAtEnd = entered <= to && !(left && statusDate <= to) && !(state !== 'active' && !left);
    if (!inLedgerAtEnd) continue;
    const birth = childText(v, 'child.birthDate');
    const hasBirth = isDate(birth);
    if (hasBirth && birth > to) continue;

    if (!once(countedIds, idNumber)) continue;

    const guardianKind = childText(v, 'guardianship.guardianKind');
    const schooling = childText(v, 'child.schooling');
    const risk = childText(v, 'riskLevel');
    const band: AgeBandKey = hasBirth ? ageBand(ageAt(birth, to)) : '16+';
    seen.guardianKind.add(guardianKind);
    seen.schooling.add(schooling);
    seen.riskLevel.add(risk);
    count(row, guardianKind, schooling, risk, band);
    count(totals, guardianKind, schooling, risk, band);
    if (missingFields(flatGetter(v)).length > 0) incomplete++;
  }

  const visited = new Set<string>();
  for (const rec of Object.values(input.visits)) {
    const date = visitDateOf(rec.v);
    if (!date || date < from || date > to) continue;
    const childId = typeof rec.v.childId === 'string' ? rec.v.childId : '';
    const row = rowOfChild.get(childId);
    if (!row) continue;
    row.visits++;
    totals.visits++;
    visited.add(childId);
  }

  let reports = 0;
  for (const rec of Object.values(input.reports)) {
    const at = typeof rec.v.reportedAt === 'string' ? rec.v.reportedAt.slice(0, 10) : '';
    if (!at || at < from || at > to) continue;
    if (filter) {
      const childId = typeof rec.v.childId === 'string' ? rec.v.childId : '';
      const own = typeof rec.v.township === 'string' ? rec.v.township : '';
      if (!(childId && rowOfChild.has(childId)) && own !== filter) continue;
    }
    reports++;
  }

  const exitLabel = (code: string) =>
    code === 'transferred' ? '转出' : (lists.lists.exitReason.items.find((i) => i.code === code)?.label ?? code);

  return {
    period: { from, to },
    township: filter,
    rowLabel: filter ? '村（居）' : '乡镇（街道）',
    incomplete,
    rows: [...rows.values()].sort((a, b) => collator.compare(a.name, b.name)),
    totals,
    columns: {
      guardianKind: columnsFor('guardianKind', lists, seen.guardianKind, '未填写'),
      schooling: columnsFor('schooling', lists, seen.schooling, '未填写'),
      riskLevel: columnsFor('riskLevel', lists, seen.riskLevel, '未评定'),
      ageBand: AGE_BANDS.map((code) => ({ code, label: ageBandLabels[code] })),
    },
    exitsByReason: [...exitReasons.entries()]
      .map(([code, count]) => ({ code, label: exitLabel(code), count }))
      .sort((a, b) => b.count - a.count),
    visitedChildren: visited.size,
    reports,
    townships: [...townships].sort(collator.compare),
  };
}
