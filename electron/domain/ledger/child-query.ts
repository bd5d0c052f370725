// Filtering, searching, sorting and paging the ledger list over precomputed summaries. Sorted orders are built once
// per sort key and reused until a child changes, so a query is one pass over an already sorted array.
import type { ChildListQuery, ChildRow, ChildSortField } from '../../contract/schemas/ledger';
import { alertRank, type ChildSummary } from './child-summary';
import { maskIdNumber, maskPhone } from './mask';
import { firstPinyin, matchesKey, prepareQuery } from './pinyin';

export const RISK_ORDER: Readonly<Record<string, number>> = { red: 0, orange: 1, yellow: 2, blue: 3 };
/** A stored risk level's place in the order (own keys only: a level from a bundle may be any string); 9 when unknown. */
export const riskRank = (level: string): number => (Object.hasOwn(RISK_ORDER, level) ? RISK_ORDER[level]! : 9);

/** What the name order compares first: the full pinyin of the name, else the name itself. */
export const nameSortKey = (s: ChildSummary): string => firstPinyin(s.key) ?? s.name;

/** The name order, given each summary's nameSortKey (a sort of many computes them once). */
export function compareByName(pa: string, a: ChildSummary, pb: string, b: ChildSummary): number {
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const byName = (a: ChildSummary, b: ChildSummary) => compareByName(nameSortKey(a), a, nameSortKey(b), b);

const str = (x: string, y: string) => (x === y ? 0 : x === '' ? 1 : y === '' ? -1 : x < y ? -1 : 1);

/** Ascending comparators; a missing value sorts last. Ties fall back to the name. */
export const comparators: Readonly<Record<ChildSortField, (a: ChildSummary, b: ChildSummary) => number>> = {
  alerts: (a, b) => alertRank(a) - alertRank(b) || b.alerts.length - a.alerts.length || byName(a, b),
  name: byName,
  age: (a, b) => (a.age ?? 999) - (b.age ?? 999) || byName(a, b),
  township: (a, b) => str(a.township, b.township) || str(a.village, b.village) || byName(a, b),
  riskLevel: (a, b) => riskRank(a.riskLevel) - riskRank(b.riskLevel) || byName(a, b),
  lastVisitDate: (a, b) => str(a.lastVisitDate, b.lastVisitDate) || byName(a, b),
  updated: (a, b) => str(a.updated, b.updated) || byName(a, b),
};

export function toRow(s: ChildSummary): ChildRow {
  return {
    id: s.id,
    name: s.name,
    sex: s.sex,
    birthDate: s.birthDate,
    age: s.age,
    ageBand: s.ageBand,
    idNumberMasked: s.idNumber ? maskIdNumber(s.idNumber) : '',
    township: s.township,
    village: s.village,
    guardianKind: s.guardianKind,
    guardianshipType: s.guardianshipType,
    assessment: s.assessment,
    schooling: s.schooling,
    riskLevel: s.riskLevel,
    status: s.status,
    guardianPhoneMasked: s.guardianPhone ? maskPhone(s.guardianPhone) : '',
    eligible: s.eligible,
    unguarded: s.unguarded,
    incomplete: s.incomplete,
    alerts: s.alerts,
    lastVisitDate: s.lastVisitDate,
  };
}

/** One pass over `sorted` (ascending by the query's sort field): matches counted, one page kept. */
export function queryChildren(sorted: readonly ChildSummary[], q: ChildListQuery): { total: number; rows: ChildRow[] } {
  const f = q.filters;
  const search = prepareQuery(q.search);
  const match = (s: ChildSummary) =>
    (!f.township || s.township === f.township) &&
    (!f.village || s.village === f.village) &&
    (!f.guardianKind || s.guardianKind === f.guardianKind) &&
    (!f.assessment || s.assessment === f.assessment) &&
    (!f.schooling || s.schooling === f.schooling) &&
    (!f.riskLevel || s.riskLevel === f.riskLevel) &&
    (!f.status || s.status === f.status) &&
    (!f.ageBand || s.ageBand === f.ageBand) &&
    (!f.alert || s.alerts.some((a) => a.kind === f.alert)) &&
    (!f.incomplete || s.incomplete) &&
    matchesKey(search, s.key);

  const desc = q.sort.dir === 'desc';
  const start = q.offset;
  const end = q.offset + q.limit;
  const page: ChildSummary[] = [];
  let total = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i += 1) {
    const s = sorted[desc ? n - 1 - i : i]!;
    if (!match(s)) continue;
    if (total >= start && total < end) page.push(s);
    total += 1;
  }
  return { total, rows: page.map(toRow) };
}
