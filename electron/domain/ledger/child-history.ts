// A child's timeline, replayed from the store's operations on the record: who changed which field when, from what to
// what. Values read as people know them (labels, not codes; 是/否); ID numbers and phones stay masked here.
import type { HistoryChange, HistoryEntry } from '../../contract/schemas/ledger';
import { childFieldLabels } from '../../contract/schemas/child';
import type { JsonValue, Operation } from '../../store/operation';
import { hlcDate } from '../../store/hlc';
import { ownValue, setOwn } from '../../store/state';
import { CHILD_CODE_FIELDS, CHILD_DERIVED_FIELDS, isBooleanField, isIdNumberField, SENSITIVE_CHILD_FIELDS } from './child-fields';
import { codeLabel, type CodeLists } from './codelists';
import { maskIdNumber, maskPhone } from './mask';

const LABELS: Readonly<Record<string, string>> = { ...childFieldLabels, ...CHILD_DERIVED_FIELDS };
export const EMPTY_VALUE = '（空）';

export function formatChildValue(path: string, value: JsonValue | undefined, codeLists: CodeLists): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return isBooleanField(path) ? '否' : EMPTY_VALUE;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  // Field names come from operations (a bundle's too): own keys only.
  const list = Object.hasOwn(CHILD_CODE_FIELDS, path) ? CHILD_CODE_FIELDS[path as keyof typeof CHILD_CODE_FIELDS] : undefined;
  const label = (code: string) => (list ? (codeLabel(codeLists, list, code) ?? code) : code);
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join('、');
  const text = String(value);
  if (SENSITIVE_CHILD_FIELDS.has(path)) return isIdNumberField(path) ? maskIdNumber(text) : maskPhone(text);
  return label(text);
}

/** `nameOf` turns an operation's login into the person's name (histories show who, by name). */
export function childTimeline(ops: readonly Operation[], codeLists: CodeLists, nameOf: (login: string) => string = (l) => l): HistoryEntry[] {
  const current: Record<string, JsonValue> = {};
  // Own keys only: an operation's field may be named `constructor` or `__proto__`.
  const entries: HistoryEntry[] = [];
  ops.forEach((op, index) => {
    const changes: HistoryChange[] = [];
    for (const [field, value] of Object.entries(op.set)) {
      const label = ownValue(LABELS, field);
      const old = ownValue(current, field);
      setOwn(current, field, value);
      if (!label || index === 0) continue;
      const from = formatChildValue(field, old, codeLists);
      const to = formatChildValue(field, value, codeLists);
      if (from !== to) changes.push({ field, label, old: from, new: to });
    }
    if (index > 0 && changes.length === 0) return;
    const state = op.set['status.state'];
    const kind: HistoryEntry['kind'] =
      index === 0 ? 'created' : state === 'exited' ? 'exited' : state === 'active' ? 'reentered' : 'changed';
    entries.push({ at: hlcDate(op.hlc).toISOString(), user: nameOf(op.user), kind, changes });
  });
  return entries;
}
