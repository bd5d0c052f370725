// One value for all rows, for a field the sheet has no column for: townships keep no 民族 or 户籍性质 column when
// every child is 汉族 and 农村户籍. The clerk sets it in the mapping step; it is remembered with the mapping (under
// DEFAULT_MEMORY_PREFIX + field path) and offered again for the next sheet that lacks the field.
import { AppError } from '../../contract/errors';
import { childFieldLabels, type ChildFieldPath } from '../../contract/schemas/child';
import type { AbsentField, ImportColumn, ImportDefaults } from '../../contract/schemas/ledger-excel';
import type { JsonValue } from '../../store/operation';
import { hasCode, type CodeLists } from '../ledger/codelists';
import { targetByKey } from './targets';
import { fieldKind, formatCode } from './values';

/**
 * Fields that may be set for a whole sheet: those every record needs that are often the same for all children of a
 * township. Not the child's own identity (姓名, 性别, 出生日期, 身份证号码) nor the address: those differ per child.
 */
export const DEFAULTABLE_FIELDS: readonly ChildFieldPath[] = [
  'child.ethnicity',
  'child.hukouRegistered',
  'child.householdType',
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

export const DEFAULT_MEMORY_PREFIX = 'default:';

const MAX_TEXT = 50;

/** The fields no mapped column provides. */
export function coveredFields(columns: readonly ImportColumn[]): Set<string> {
  return new Set(columns.flatMap((c) => targetByKey.get(c.target)?.fields ?? []));
}

/** A value as it is stored (code, boolean, trimmed text), or an error message in Chinese. */
function checkValue(lists: CodeLists, path: ChildFieldPath, value: string | boolean): { ok: true; value: JsonValue } | { ok: false; message: string } {
  const kind = fieldKind(path);
  const bad = { ok: false as const, message: `“${childFieldLabels[path]}”的统一填写值无效，请重新选择` };
  if (kind.kind === 'bool') return typeof value === 'boolean' ? { ok: true, value } : bad;
  if (typeof value !== 'string') return bad;
  const v = value.trim();
  if (kind.kind === 'code') return hasCode(lists, kind.list, v) ? { ok: true, value: v } : bad;
  if (v.length > MAX_TEXT) return { ok: false, message: `“${childFieldLabels[path]}”不能超过${MAX_TEXT}个字` };
  return { ok: true, value: v };
}

/**
 * The values in force for this sheet: the clerk's (when given, even empty), else the remembered ones; only for
 * fields the sheet lacks, and never an empty one. A value the clerk sent that cannot be right is an error to fix;
 * a remembered one that no longer fits (a code list changed) is dropped quietly.
 */
export function resolveDefaults(
  given: ImportDefaults | undefined,
  remembered: Readonly<Record<string, JsonValue>>,
  covered: ReadonlySet<string>,
  lists: CodeLists,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  if (given) {
    for (const [path, value] of Object.entries(given)) {
      if (!(DEFAULTABLE_FIELDS as readonly string[]).includes(path)) {
        throw new AppError('INVALID_ARGS', '统一填写的项目无效，请重新选择');
      }
      if (covered.has(path) || value === '') continue;
      const r = checkValue(lists, path as ChildFieldPath, value);
      if (!r.ok) throw new AppError('VALIDATION', r.message);
      out[path] = r.value;
    }
    return out;
  }
  for (const path of DEFAULTABLE_FIELDS) {
    const v = remembered[DEFAULT_MEMORY_PREFIX + path];
    if (covered.has(path) || (typeof v !== 'string' && typeof v !== 'boolean') || v === '') continue;
    const r = checkValue(lists, path, v);
    if (r.ok) out[path] = r.value;
  }
  return out;
}

/** What the mapping step offers: each defaultable field the sheet lacks, with the value in force. */
export function absentFields(covered: ReadonlySet<string>, defaults: Readonly<Record<string, JsonValue>>, lists: CodeLists): AbsentField[] {
  return DEFAULTABLE_FIELDS.filter((p) => !covered.has(p)).map((path) => {
    const kind = fieldKind(path);
    const value = defaults[path];
    const v = typeof value === 'string' || typeof value === 'boolean' ? value : null;
    const display = v === null ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : kind.kind === 'code' ? formatCode(lists, kind.list, v) : v;
    return {
      field: path,
      label: childFieldLabels[path],
      kind: kind.kind === 'code' ? 'code' : kind.kind === 'bool' ? 'bool' : 'text',
      options: kind.kind === 'code' ? lists.lists[kind.list].items.map((i) => ({ value: i.code, label: i.label })) : [],
      value: v,
      display,
    };
  });
}

/** The memory fields that remember this sheet's defaults: set ones, and '' for absent fields left without one. */
export function defaultsMemory(covered: ReadonlySet<string>, defaults: Readonly<Record<string, JsonValue>>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const path of DEFAULTABLE_FIELDS) {
    if (covered.has(path)) continue;
    out[DEFAULT_MEMORY_PREFIX + path] = defaults[path] ?? '';
  }
  return out;
}
