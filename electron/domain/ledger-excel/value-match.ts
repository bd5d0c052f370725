// Choosing a column's field by its values as well as its header. Township sheets reuse the national form's header
// 监护类型 for what is really 监护人类型 (祖辈监护 / 亲友监护 / 父母一方监护 / 无人监护); the values say which list the
// column draws on. Only a choice made from the header text is reconsidered: the clerk's own choices and the office's
// remembered ones stand.
import type { ImportColumn } from '../../contract/schemas/ledger-excel';
import type { CodeLists } from '../ledger/codelists';
import type { SheetRow } from './read-sheet';
import { importTargets, targetByKey, type ImportTarget } from './targets';
import { cellText, fieldKind, parseCode } from './values';

/** A header's field is kept while at least this share of the values fits it… */
const KEEP_FIT = 0.5;
/** …and another field is taken only when nearly all of them fit that one. */
const TAKE_FIT = 0.8;
const MIN_VALUES = 3;
const MAX_VALUES = 30;

const codeTargets: readonly ImportTarget[] = importTargets.filter(
  (t) => t.fields.length === 1 && fieldKind(t.fields[0]!).kind === 'code',
);

function fit(lists: CodeLists, target: ImportTarget, values: readonly string[]): number {
  const kind = fieldKind(target.fields[0]!);
  if (kind.kind !== 'code') return 0;
  let n = 0;
  for (const v of values) if (parseCode(lists, kind.list, v) !== undefined) n += 1;
  return n / values.length;
}

/** Reconsiders, in place, the header-recognised code columns whose values belong to another field's list. */
export function refineByValues(columns: ImportColumn[], dataRows: readonly SheetRow[], lists: CodeLists): void {
  const owned = new Set(columns.map((c) => c.target).filter(Boolean));
  for (const c of columns) {
    if (c.how !== 'recognised') continue;
    const current = targetByKey.get(c.target);
    if (!current || !codeTargets.includes(current)) continue;
    const values: string[] = [];
    for (const row of dataRows) {
      const v = cellText(row.cells[c.index] ?? null);
      if (v !== '') values.push(v);
      if (values.length >= MAX_VALUES) break;
    }
    if (values.length < MIN_VALUES || fit(lists, current, values) >= KEEP_FIT) continue;
    let best: ImportTarget | undefined;
    let bestFit = 0;
    let tied = false;
    for (const t of codeTargets) {
      if (t === current || owned.has(t.key)) continue;
      const f = fit(lists, t, values);
      if (f > bestFit) [best, bestFit, tied] = [t, f, false];
      else if (f === bestFit && f > 0) tied = true;
    }
    // Two fields drawing on one list (父亲/母亲务工省份) cannot be told apart by values: the header's choice stays.
    if (!best || tied || bestFit < TAKE_FIT) continue;
    owned.delete(c.target);
    owned.add(best.key);
    const examples = [...new Set(values)].slice(0, 2).map((v) => `“${v}”`).join('');
    c.reason = `按列中的值判断为“${best.label}”：列中填的是${examples}等，属于“${best.label}”的选项，而不是表头所指的“${current.label}”`;
    c.target = best.key;
    c.how = 'values';
  }
}
