// How a child record lives in the store: one field per form field, keyed by its path ('child.name', 'father.phone'),
// so the store merges edits field by field and a record's history says exactly which field changed. The nested
// ChildRecord (the schema's shape) is what forms, import and export see.
import { childFieldLabels, type ChildFieldPath, type ChildRecord, type IncompleteChildRecord } from '../../contract/schemas/child';
import type { JsonValue } from '../../store/operation';
import { codeForLabel, type CodeListKey, type CodeLists } from './codelists';
import { parseIdNumber } from './id-number';

export const CHILD_ENTITY = 'child';

export const CHILD_FIELD_PATHS = Object.keys(childFieldLabels) as ChildFieldPath[];

/**
 * Fields the ledger keeps beside the record, set in the same batch as the event that moves them, so lists and
 * alerts read them without scanning visits.
 */
export const CHILD_DERIVED_FIELDS = {
  lastVisitDate: '最近走访日期',
  nextVisitDue: '下次走访日期',
  lastAssessmentDate: '最近评估日期',
  reenteredDate: '重新纳入日期',
  /** Written on both records by a merge of duplicates: which record went into which, whose values were kept. */
  mergeNote: '档案合并',
} as const;

/** ID numbers and phones: masked in lists, timelines and printouts unless one record is revealed. */
export const SENSITIVE_CHILD_FIELDS: ReadonlySet<string> = new Set<ChildFieldPath>([
  'child.idNumber',
  'father.idNumber',
  'father.phone',
  'mother.idNumber',
  'mother.phone',
  'entrustedGuardian.idNumber',
  'entrustedGuardian.phone',
]);

export const isIdNumberField = (path: string) => path.endsWith('idNumber');

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** A validated record → the store's flat fields (an unanswered 是/否 of a 待完善 record → null). */
export function flattenChild(record: IncompleteChildRecord): Record<ChildFieldPath, JsonValue> {
  const flat = {} as Record<ChildFieldPath, JsonValue>;
  for (const path of CHILD_FIELD_PATHS) {
    const value = getPath(record, path);
    flat[path] = value === undefined ? null : (value as JsonValue);
  }
  return flat;
}

/** The store's flat fields → the nested record shape (fields never set are left out, so the schema's defaults apply). */
export function unflattenChild(values: Readonly<Record<string, JsonValue>>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const path of CHILD_FIELD_PATHS) {
    const value = values[path];
    if (value !== undefined && value !== null) setPath(nested, path, value);
  }
  return nested;
}

function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const norm = (v: JsonValue | undefined) => (v === undefined || v === null ? '' : v);
  const x = norm(a);
  const y = norm(b);
  if (Array.isArray(x) || Array.isArray(y)) return JSON.stringify(x) === JSON.stringify(y);
  return x === y;
}

/** Only the fields whose value differs from what is stored: an update writes these and nothing else. */
export function changedFields(
  current: Readonly<Record<string, JsonValue>>,
  next: Readonly<Record<string, JsonValue>>,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [path, value] of Object.entries(next)) {
    if (!sameValue(current[path], value)) out[path] = value;
  }
  return out;
}

export const childValue = (values: Readonly<Record<string, JsonValue>>, path: ChildFieldPath | keyof typeof CHILD_DERIVED_FIELDS) => {
  const v = values[path];
  return typeof v === 'string' ? v : '';
};

/** Fields that hold codes, and the code list each draws on (labels for timelines, lists and spreadsheets). */
export const CHILD_CODE_FIELDS: Readonly<Partial<Record<ChildFieldPath, CodeListKey>>> = {
  'child.sex': 'sex',
  'child.ethnicity': 'ethnicity',
  'child.householdType': 'householdType',
  'child.health': 'healthStatus',
  'child.disabilityCategory': 'disabilityCategory',
  'child.disabilityGrade': 'disabilityGrade',
  'child.schooling': 'schooling',
  'father.workProvince': 'province',
  'mother.workProvince': 'province',
  'guardianship.incapableParent': 'parentSide',
  'guardianship.guardianKind': 'guardianKind',
  'guardianship.guardianshipType': 'guardianshipType',
  'guardianship.assessment': 'guardianshipAssessment',
  'entrustedGuardian.relationship': 'relationship',
  'income.sources': 'incomeSource',
  'income.assistance': 'assistance',
  'income.povertyStatus': 'povertyStatus',
  riskLevel: 'riskLevel',
  'status.state': 'childStatus',
  'status.reason': 'exitReason',
};

const BOOLEAN_FIELDS: readonly ChildFieldPath[] = [
  'child.hukouRegistered',
  'child.boarding',
  'father.deceased',
  'mother.deceased',
  'guardianship.bothParentsAway',
  'guardianship.oneAwayOtherIncapable',
  'guardianship.hasEntrustedGuardian',
  'guardianship.entrustmentSigned',
];
const ARRAY_FIELDS: readonly ChildFieldPath[] = ['income.sources', 'income.assistance'];

export const isBooleanField = (path: string) => (BOOLEAN_FIELDS as readonly string[]).includes(path);

/** Every field at its empty value: what a new form starts from, and what a stored record is read over. */
export function emptyChildRecord(): ChildRecord {
  const flat: Record<string, JsonValue> = {};
  for (const path of CHILD_FIELD_PATHS) {
    flat[path] = isBooleanField(path) ? false : (ARRAY_FIELDS as readonly string[]).includes(path) ? [] : '';
  }
  flat['status.state'] = 'active';
  return unflattenAll(flat);
}

function unflattenAll(values: Readonly<Record<string, JsonValue>>): ChildRecord {
  const nested: Record<string, unknown> = {};
  for (const path of CHILD_FIELD_PATHS) setPath(nested, path, values[path]);
  return nested as unknown as ChildRecord;
}

/** A stored child as a complete record: fields never set read as empty. */
export function storedChildRecord(values: Readonly<Record<string, JsonValue>>): ChildRecord {
  const empty = flattenChild(emptyChildRecord());
  const merged: Record<string, JsonValue> = { ...empty };
  for (const path of CHILD_FIELD_PATHS) {
    const v = values[path];
    if (v !== undefined && v !== null) merged[path] = v;
  }
  return unflattenAll(merged);
}

/**
 * Fills the child's birth date and sex from a valid ID number where they are left empty (form and import alike);
 * where they are filled and disagree, the record schema flags them.
 */
export function fillFromIdNumber<T>(input: T, today: string, codeLists: CodeLists): T {
  if (input === null || typeof input !== 'object') return input;
  const rec = input as Record<string, unknown>;
  const c = rec.child;
  if (c === null || typeof c !== 'object') return input;
  const childPart = { ...(c as Record<string, unknown>) };
  const parsed = typeof childPart.idNumber === 'string' ? parseIdNumber(childPart.idNumber, today) : undefined;
  if (!parsed?.ok) return input;
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  if (blank(childPart.birthDate)) childPart.birthDate = parsed.birthDate;
  if (blank(childPart.sex)) childPart.sex = codeForLabel(codeLists, 'sex', parsed.sex) ?? '';
  return { ...rec, child: childPart } as T;
}
