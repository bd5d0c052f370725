// 待完善: which fields of the national registration form a record still lacks. Townships keep only part of the form,
// so a record may be stored with what it has; it is complete when nothing below is missing. The same rules make the
// full child schema refuse an empty field (child.ts), so "valid under the full schema" and "nothing missing" agree.
//
// Pure, and over one accessor (path → value), so it reads a stored flat record and a nested form record alike.
import type { ChildFieldPath } from '../../contract/schemas/child';

export type FieldGetter = (path: ChildFieldPath) => unknown;

/** Fields every record must have, whatever else it says. */
export const ALWAYS_REQUIRED: readonly ChildFieldPath[] = [
  'child.name',
  'child.sex',
  'child.ethnicity',
  'child.birthDate',
  'child.hukouRegistered',
  'child.householdType',
  'child.currentAddress',
  'child.health',
  'child.schooling',
  'guardianship.bothParentsAway',
  'guardianship.oneAwayOtherIncapable',
  'guardianship.hasEntrustedGuardian',
  'guardianship.guardianKind',
  'guardianship.guardianshipType',
  'guardianship.assessment',
  'responsibility.township',
  'responsibility.village',
];

/** Empty as the ledger stores it: never set, null, blank text, no items. `false` is an answer, not a blank. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export interface Requirement {
  path: ChildFieldPath;
  /** What the form says under the field when it is left empty. */
  message: string;
}

const PARENT = { father: '父亲', mother: '母亲' } as const;

/** Fields another field's value makes necessary (有委托监护人 → its name, phone and relationship…), still empty. */
export function conditionalRequirements(get: FieldGetter): Requirement[] {
  const out: Requirement[] = [];
  const need = (when: boolean, path: ChildFieldPath, message: string) => {
    if (when && isBlank(get(path))) out.push({ path, message });
  };
  // A child without a registered household may have no ID number; one registered, or not yet known to be, needs it.
  need(get('child.hukouRegistered') !== false, 'child.idNumber', '已登记户口的儿童请填写身份证号码');
  const health = get('child.health');
  need(health === 'disabled', 'child.disabilityCategory', '身体情况为残疾时，请选择残疾类别');
  need(health === 'disabled', 'child.disabilityGrade', '身体情况为残疾时，请选择残疾等级');
  need(health === 'ill', 'child.illnessType', '身体情况为患病时，请填写患病类型');
  for (const side of ['father', 'mother'] as const) {
    const who = PARENT[side];
    need(get(`${side}.deceased`) !== true, `${side}.name`, `请填写${who}姓名（${who}已去世的，请勾选「${who}已去世」）`);
  }
  need(get('guardianship.oneAwayOtherIncapable') === true, 'guardianship.incapableParent', '请选择无监护能力的是父亲还是母亲');
  const entrusted = get('guardianship.hasEntrustedGuardian') === true;
  need(entrusted, 'entrustedGuardian.name', '有委托监护人时，请填写委托监护人姓名');
  need(entrusted, 'entrustedGuardian.phone', '有委托监护人时，请填写委托监护人电话');
  need(entrusted, 'entrustedGuardian.relationship', '有委托监护人时，请选择与被监护人关系');
  need(get('guardianship.entrustmentSigned') === true, 'guardianship.entrustmentDate', '请填写确认书签订日期');
  return out;
}

/** The national-form fields a record lacks, in the form's order of sections (empty when the record is complete). */
export function missingFields(get: FieldGetter): ChildFieldPath[] {
  const missing = new Set<ChildFieldPath>();
  for (const path of ALWAYS_REQUIRED) if (isBlank(get(path))) missing.add(path);
  for (const r of conditionalRequirements(get)) missing.add(r.path);
  return ORDER.filter((p) => missing.has(p));
}

// The order the record page lists them in and the form visits them: the form's sections, top to bottom.
const ORDER: readonly ChildFieldPath[] = [
  'child.name',
  'child.idNumber',
  'child.birthDate',
  'child.sex',
  'child.ethnicity',
  'child.hukouRegistered',
  'child.householdType',
  'child.currentAddress',
  'child.health',
  'child.disabilityCategory',
  'child.disabilityGrade',
  'child.illnessType',
  'child.schooling',
  'father.name',
  'mother.name',
  'guardianship.bothParentsAway',
  'guardianship.oneAwayOtherIncapable',
  'guardianship.incapableParent',
  'guardianship.guardianKind',
  'guardianship.guardianshipType',
  'guardianship.assessment',
  'guardianship.hasEntrustedGuardian',
  'guardianship.entrustmentDate',
  'entrustedGuardian.name',
  'entrustedGuardian.phone',
  'entrustedGuardian.relationship',
  'responsibility.township',
  'responsibility.village',
];

/** A stored (flat) record's fields, as missingFields reads them. */
export const flatGetter =
  (values: Readonly<Record<string, unknown>>): FieldGetter =>
  (path) =>
    values[path];

/** A nested record's fields (form input, schema output). */
export function nestedGetter(record: unknown): FieldGetter {
  return (path) => {
    let cur: unknown = record;
    for (const part of path.split('.')) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
  };
}

/**
 * Does the record say which child it is? A (checked) ID number, or, without one, the name, birth date and township
 * together. A record may be kept 待完善 only when it does: anything less could not be found or told apart again.
 */
export function identifiesChild(get: FieldGetter): boolean {
  if (!isBlank(get('child.idNumber'))) return true;
  return !isBlank(get('child.name')) && !isBlank(get('child.birthDate')) && !isBlank(get('responsibility.township'));
}

export const NOT_IDENTIFIED_MESSAGE = '无法确认是哪名儿童：请填写身份证号码；没有身份证号码的，请填写姓名、出生日期和乡镇（街道）';
