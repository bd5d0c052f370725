// The ledger list's summaries as kept beside the store's tables (a store "sidecar"): what the first page of the list
// needs for every child, so a start does not read 50,000 records and compute their pinyin again. Written with each
// snapshot from the summaries the list index holds; read once at start, then the children changed since are
// summarised again from their records. One array per child, not an object: read at every start, its size is the
// start's cost (object keys repeated 50,000 times doubled it), and what depends on the day is not stored at all.
import type { DuplicateEntry } from './duplicate-index';
import type { ChildSummary, DayPass, EligibilityInputs, LedgerSettings } from './child-summary';
import type { SearchKey } from './pinyin';

export const LIST_SIDECAR = 'ledger-list';
/**
 * Bumped whenever the row below changes shape: an older sidecar is then derived again. 3: the rows are the same as
 * 2's, but a sidecar may carry additions (store.ts), which a version reading only 2 would not know to read (its
 * list would miss the children changed in them): it derives the list again instead. Version 2 is still read.
 */
export const LIST_SIDECAR_VERSION = 3;
const READABLE_VERSIONS: readonly number[] = [2, 3];

export interface ListSidecarMeta {
  version: number;
  settings: LedgerSettings;
}

/**
 * What the list index keeps per child besides its summary: the eligibility inputs (for a new day), the raw name, ID
 * number and family names its search key was made from (to tell when the key must be made again), and its entry in
 * the duplicate index (the extras are that entry: one object per child; at 200,000 children every object that lives
 * costs the garbage collector, issue 13).
 */
export interface SummaryExtras extends EligibilityInputs, DuplicateEntry {
  /** The raw ID number ('' when none). The raw name is the duplicate entry's name. */
  i: string;
  /** The family's names joined. */
  f: string;
  /** The search key made from them. */
  k: SearchKey;
}

/** Every child's extras are built with this (or, in decodeRow, a literal with the same keys in the same order), so
 *  they all have one shape. */
export function summaryExtras(e: EligibilityInputs, d: DuplicateEntry, i: string, f: string, k: SearchKey): SummaryExtras {
  return {
    id: d.id,
    number: d.number,
    office: d.office,
    name: d.name,
    township: d.township,
    merged: d.merged,
    householdType: e.householdType,
    hukouRegistered: e.hukouRegistered,
    bothParentsAway: e.bothParentsAway,
    oneAwayOtherIncapable: e.oneAwayOtherIncapable,
    i,
    f,
    k,
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
    (x.merged ? MERGED : 0);
  return [
    s.id, s.name, s.key.name, s.key.initials, s.key.pinyin.slice(1), s.key.idNumber, s.sex, s.birthDate, s.idNumber,
    s.township, s.village, s.guardianKind, s.guardianshipType, s.assessment, s.schooling, s.riskLevel, s.status,
    s.guardianPhone, flags, x.householdType, s.lastVisitDate, s.createdDate, s.updated,
    x.name === s.name ? null : x.name, x.i === s.idNumber ? null : x.i, x.f, x.office,
  ];
}

/** The child a stored row is of. Throws on a row of another shape. */
export function rowId(row: unknown): string {
  if (!Array.isArray(row) || typeof row[0] !== 'string') throw new Error('row');
  return row[0];
}

/** The summary for the pass's day and its extras, from a stored row. Throws on a row of another shape. */
export function decodeRow(row: unknown, pass: DayPass): { s: ChildSummary; x: SummaryExtras } {
  if (!Array.isArray(row) || row.length !== 27) throw new Error('row');
  const r = row as Row;
  const flags = r[18];
  const s: ChildSummary = {
    id: r[0],
    name: r[1],
    key: { name: r[2], initials: r[3], pinyin: r[4] ? `\n${r[4]}` : '', idNumber: r[5] },
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
  const x: SummaryExtras = {
    id: s.id,
    number: s.key.idNumber,
    office: r[26],
    name: r[23] ?? s.name,
    township: s.township,
    merged: (flags & MERGED) !== 0,
    householdType: r[19],
    hukouRegistered: (flags & HUKOU) !== 0,
    bothParentsAway: (flags & BOTH_AWAY) !== 0,
    oneAwayOtherIncapable: (flags & ONE_AWAY) !== 0,
    i: r[24] ?? s.idNumber,
    f: r[25],
    k: s.key,
  };
  return { s: pass.apply(s, x), x };
}

export function isListSidecarMeta(meta: unknown, settings: LedgerSettings): meta is ListSidecarMeta {
  if (typeof meta !== 'object' || meta === null) return false;
  const m = meta as Partial<ListSidecarMeta>;
  return (
    typeof m.version === 'number' &&
    READABLE_VERSIONS.includes(m.version) &&
    m.settings?.visitPeriodDays === settings.visitPeriodDays &&
    m.settings?.turning16Days === settings.turning16Days
  );
}
