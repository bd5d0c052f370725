// The ledger list's summaries as kept beside the store's tables (a store "sidecar"): what the first page of the list
// needs for every child, so a start does not read 50,000 records and compute their pinyin again. Written with each
// snapshot from the summaries the list index holds; read once at start, then the children changed since are
// summarised again from their records. One array per child, not an object: read at every start, its size is the
// start's cost (object keys repeated 50,000 times doubled it), and what depends on the day is not stored at all.
import type { DuplicateEntry } from './duplicate-index';
import type { ChildSummary, DayPass, EligibilityInputs, LedgerSettings } from './child-summary';
import type { SearchKey } from './pinyin';

export const LIST_SIDECAR = 'ledger-list';
/** Bumped whenever the row below changes shape: an older sidecar is then derived again. */
export const LIST_SIDECAR_VERSION = 2;

export interface ListSidecarMeta {
  version: number;
  settings: LedgerSettings;
}

/** What the list index keeps per child besides its summary: the eligibility inputs (for a new day), and more. One
 *  object per child (issue 13: at 200,000 children every object that lives costs the garbage collector). */
export interface SummaryExtras extends EligibilityInputs {
  /** The raw name, ID number and family names the search key was made from (to tell when it must be remade). */
  n: string;
  i: string;
  f: string;
  /** The search key made from them. */
  k: SearchKey;
  d: DuplicateEntry;
}

/** Every child's extras built with this (or, in decodeRow, a literal with the same keys in the same order), so
 *  they all have one shape. */
export function summaryExtras(e: EligibilityInputs, n: string, i: string, f: string, k: SearchKey, d: DuplicateEntry): SummaryExtras {
  return {
    householdType: e.householdType,
    hukouRegistered: e.hukouRegistered,
    bothParentsAway: e.bothParentsAway,
    oneAwayOtherIncapable: e.oneAwayOtherIncapable,
    n,
    i,
    f,
    k,
    d,
  };
}

type Row = [
  id: string,
  name: string,
  keyName: string,
  initials: string,
  suffixes: string,
  keyIdNumber: string,
  sex: string,
  birthDate: string,
  idNumber: string,
  township: string,
  village: string,
  guardianKind: string,
  guardianshipType: string,
  assessment: string,
  schooling: string,
  riskLevel: string,
  status: string,
  guardianPhone: string,
  flags: number,
  householdType: string,
  lastVisitDate: string,
  createdDate: string,
  updated: string,
  /** null: the same as the summary's (nearly always). */
  rawName: string | null,
  rawIdNumber: string | null,
  family: string,
  office: string,
];

const UNGUARDED = 1;
const INCOMPLETE = 2;
const HUKOU = 4;
const BOTH_AWAY = 8;
const ONE_AWAY = 16;
const MERGED = 32;

export function encodeRow(s: ChildSummary, x: SummaryExtras): Row {
  const flags =
    (s.unguarded ? UNGUARDED : 0) |
    (s.incomplete ? INCOMPLETE : 0) |
    (x.hukouRegistered ? HUKOU : 0) |
    (x.bothParentsAway ? BOTH_AWAY : 0) |
    (x.oneAwayOtherIncapable ? ONE_AWAY : 0) |
    (x.d.merged ? MERGED : 0);
  return [
    s.id, s.name, s.key.name, s.key.initials, s.key.suffixes.join('\n'), s.key.idNumber, s.sex, s.birthDate, s.idNumber,
    s.township, s.village, s.guardianKind, s.guardianshipType, s.assessment, s.schooling, s.riskLevel, s.status,
    s.guardianPhone, flags, x.householdType, s.lastVisitDate, s.createdDate, s.updated,
    x.n === s.name ? null : x.n, x.i === s.idNumber ? null : x.i, x.f, x.d.office,
  ];
}

/** The summary for the pass's day and its extras, from a stored row, and the list index's pinyin column for it
 *  (the stored suffixes as they are: joining the split ones again cost a start 200,000 joins). Throws on a row of
 *  another shape. */
export function decodeRow(row: unknown, pass: DayPass): { s: ChildSummary; x: SummaryExtras; pinyin: string } {
  if (!Array.isArray(row) || row.length !== 27) throw new Error('row');
  const r = row as Row;
  const flags = r[18];
  const s: ChildSummary = {
    id: r[0],
    name: r[1],
    key: { name: r[2], initials: r[3], suffixes: r[4] ? r[4].split('\n') : [], idNumber: r[5] },
    sex: r[6],
    birthDate: r[7],
    age: null,
    ageBand: null,
    idNumber: r[8],
    township: r[9],
    village: r[10],
    guardianKind: r[11],
    guardianshipType: r[12],
    assessment: r[13],
    schooling: r[14],
    riskLevel: r[15],
    status: r[16],
    guardianPhone: r[17],
    eligible: false,
    eligibilityReasons: [],
    unguarded: (flags & UNGUARDED) !== 0,
    incomplete: (flags & INCOMPLETE) !== 0,
    lastVisitDate: r[20],
    createdDate: r[21],
    updated: r[22],
    alerts: [],
  };
  const n = r[23] ?? s.name;
  const d: DuplicateEntry = { id: s.id, number: s.key.idNumber, office: r[26], name: n, township: s.township, merged: (flags & MERGED) !== 0 };
  const x: SummaryExtras = {
    householdType: r[19],
    hukouRegistered: (flags & HUKOU) !== 0,
    bothParentsAway: (flags & BOTH_AWAY) !== 0,
    oneAwayOtherIncapable: (flags & ONE_AWAY) !== 0,
    n,
    i: r[24] ?? s.idNumber,
    f: r[25],
    k: s.key,
    d,
  };
  return { s: pass.apply(s, x), x, pinyin: r[4] ? `\n${r[4]}` : '' };
}

export function isListSidecarMeta(meta: unknown, settings: LedgerSettings): meta is ListSidecarMeta {
  if (typeof meta !== 'object' || meta === null) return false;
  const m = meta as Partial<ListSidecarMeta>;
  return (
    m.version === LIST_SIDECAR_VERSION &&
    m.settings?.visitPeriodDays === settings.visitPeriodDays &&
    m.settings?.turning16Days === settings.turning16Days
  );
}
