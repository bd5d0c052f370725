// The conflicts list and its resolution. A resolution is an ordinary operation: it sets the chosen value and names
// the losing stamps it settles, so it travels like any edit and settles the same conflict at every office.
import { AppError } from '../contract/errors';
import type { ConflictItem, ConflictValue } from '../contract/schemas/exchange';
import { entityLabel } from '../contract/schemas/exchange';
import { childFieldLabels } from '../contract/schemas/child';
import { isOpenLoser } from '../store/fold';
import { hlcDate, hlcOffice } from '../store/hlc';
import type { EntityRecord } from '../store/state';
import { ownValue, stampOf } from '../store/state';
import type { Store } from '../store/store';

const fieldLabels: Record<string, string> = { ...childFieldLabels, title: '标题', name: '名称', date: '日期', note: '备注' };

function titleOf(entity: string, rec: EntityRecord, id: string): string {
  const v = rec.v;
  const t = entity === 'child' ? v['child.name'] : (v.title ?? v.name ?? v.subject);
  return typeof t === 'string' && t ? t : id.slice(0, 8);
}

export function listConflicts(store: Store, officeName: (code: string) => string): ConflictItem[] {
  const value = (v: unknown, hlc: string): ConflictValue => {
    const office = hlcOffice(hlc);
    return { value: v, hlc, office, officeName: officeName(office), at: hlcDate(hlc).toISOString() };
  };
  const items: ConflictItem[] = [];
  for (const { entity, id, record } of store.conflicts()) {
    const open = (record.x ?? []).filter((l) => isOpenLoser(record, l));
    for (const field of [...new Set(open.map((l) => l.field))]) {
      items.push({
        entity,
        entityLabel: entityLabel(entity),
        id,
        title: titleOf(entity, record, id),
        field,
        fieldLabel: ownValue(fieldLabels, field) ?? field,
        current: value(ownValue(record.v, field) ?? null, stampOf(record, field) ?? record.b),
        losers: open.filter((l) => l.field === field).map((l) => value(l.value, l.hlc)),
      });
    }
  }
  return items.sort((a, b) => (a.current.at < b.current.at ? 1 : -1));
}

/** Fields with a losing value that differs from the current one: what `guanai info` counts as open conflicts. */
export function openConflictCount(store: Store): number {
  let n = 0;
  for (const { record } of store.conflicts()) {
    n += new Set((record.x ?? []).filter((l) => isOpenLoser(record, l)).map((l) => l.field)).size;
  }
  return n;
}

export function resolveConflict(
  store: Store,
  user: string,
  args: { entity: string; id: string; field: string; choice: string },
): void {
  // Only kinds of record this store holds: reading an unknown kind would add an empty table for it.
  const rec = store.entityTypes().includes(args.entity) ? store.get(args.entity, args.id) : undefined;
  const losers = (rec?.x ?? []).filter((l) => l.field === args.field);
  if (!rec || losers.length === 0) throw new AppError('NOT_FOUND', '该冲突已经处理过，或记录已有新的修改。请刷新后再看。');
  const current = stampOf(rec, args.field);
  const chosen =
    args.choice === current ? (ownValue(rec.v, args.field) ?? null) : losers.find((l) => l.hlc === args.choice)?.value;
  if (chosen === undefined) throw new AppError('NOT_FOUND', '所选的值已不在该冲突中，请刷新后再选。');
  store.commit(
    [{ entity: args.entity, id: args.id, set: { [args.field]: chosen }, resolves: { [args.field]: losers.map((l) => l.hlc) } }],
    user,
  );
}
