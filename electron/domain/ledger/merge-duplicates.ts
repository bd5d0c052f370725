// Merging two records of one child (the same ID number, entered by two offices). Nothing is deleted: the record
// merged away keeps its fields, visits and history, is marked 已合并 and points to the record kept; the record kept
// keeps its own values (its office's), takes only what it lacks from the other, and says so in its history.
import type { JsonValue } from '../../store/operation';
import type { Change } from '../../store/store';
import { childFieldLabels, type ChildFieldPath } from '../../contract/schemas/child';
import { CHILD_ENTITY, CHILD_FIELD_PATHS, isBooleanField } from './child-fields';

export const MERGED_STATE = 'merged';
export const MERGED_INTO = 'mergedInto';
export const MERGED_INTO_OFFICE = 'mergedIntoOffice';
export const MERGED_INTO_OFFICE_NAME = 'mergedIntoOfficeName';
export const MERGED_FROM = 'mergedFrom';
export const MERGE_NOTE = 'mergeNote';

/** Fields a merge never copies: the record's own standing and who holds it. */
const NOT_COPIED = (path: string) => path.startsWith('status.') || path === 'child.idNumber';

const blank = (v: JsonValue | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export interface MergeSide {
  id: string;
  values: Readonly<Record<string, JsonValue>>;
  office: string;
  officeName: string;
}

export function mergeChanges(keep: MergeSide, away: MergeSide, date: string, note: string): { changes: Change[]; filled: string[] } {
  const fill: Record<string, JsonValue> = {};
  const filled: string[] = [];
  for (const path of CHILD_FIELD_PATHS) {
    // A no (false) is an answer, not a blank: booleans are never filled.
    if (NOT_COPIED(path) || isBooleanField(path)) continue;
    const mine = keep.values[path];
    const theirs = away.values[path];
    if (blank(mine) && !blank(theirs)) {
      fill[path] = theirs!;
      filled.push(childFieldLabels[path as ChildFieldPath]);
    }
  }
  const name = (v: Readonly<Record<string, JsonValue>>) => (typeof v['child.name'] === 'string' ? v['child.name'] : '');
  const before = Array.isArray(keep.values[MERGED_FROM]) ? (keep.values[MERGED_FROM] as JsonValue[]) : [];
  const kept = `以「${keep.officeName}」的档案为准`;
  const extra = filled.length > 0 ? `；本档案空缺的${filled.length}项取自「${away.officeName}」的档案（${filled.join('、')}）` : '';
  const why = note ? `；说明：${note}` : '';
  return {
    filled,
    changes: [
      {
        entity: CHILD_ENTITY,
        id: keep.id,
        set: {
          ...fill,
          [MERGED_FROM]: [...before.filter((x) => x !== away.id), away.id],
          [MERGE_NOTE]: `「${away.officeName}」的档案（${name(away.values)}）于${date}并入本档案，${kept}${extra}${why}`,
        },
      },
      {
        entity: CHILD_ENTITY,
        id: away.id,
        set: {
          'status.state': MERGED_STATE,
          'status.date': date,
          [MERGED_INTO]: keep.id,
          [MERGED_INTO_OFFICE]: keep.office,
          [MERGED_INTO_OFFICE_NAME]: keep.officeName,
          [MERGE_NOTE]: `于${date}并入「${keep.officeName}」的档案（${name(keep.values)}），${kept}；本档案及其走访、帮扶、评估记录全部保留${why}`,
        },
      },
    ],
  };
}
