// Possible duplicates across offices, where a clerk looks (list marker, record panel, home count; the exchange page's
// groups), and their merge. The groups come from the ledger index's ID-number map, patched per edit.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { ChildDuplicates, MergeRef } from '../contract/schemas/duplicates';
import type { DuplicateGroup } from '../contract/schemas/exchange';
import { CHILD_ENTITY, childValue } from '../domain/ledger/child-fields';
import { isoDateOf } from '../domain/ledger/dates';
import type { DuplicateEntry } from '../domain/ledger/duplicate-index';
import { maskIdNumber } from '../domain/ledger/mask';
import {
  MERGE_NOTE,
  MERGED_FROM,
  MERGED_INTO,
  MERGED_INTO_OFFICE_NAME,
  mergeChanges,
} from '../domain/ledger/merge-duplicates';
import { normaliseIdNumber } from '../domain/ledger/id-number';
import { transferLockMessage, transferredOut } from '../domain/ledger/transfer-lock';
import type { JsonValue } from '../store/operation';
import type { EntityRecord } from '../store/state';
import { childOwnerOf } from '../sync/ownership';
import { readPeer } from '../sync/peers';
import { ledgerIndex } from './ledger-index';
import type { HandlerMap } from './types';

/** An office's name as this office knows it: itself, a trusted peer, else its code. */
export function officeNameOf(ctx: AppContext): (code: string) => string {
  const store = requireStore(ctx);
  return (code) => (code === ctx.office!.code ? ctx.office!.name : (readPeer(store, code)?.name ?? `单位 ${code}`));
}

const str = (v: Readonly<Record<string, JsonValue>>, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');

/** Every group of live records sharing an ID number, names of offices resolved, numbers masked. */
export function duplicateGroups(ctx: AppContext): DuplicateGroup[] {
  const name = officeNameOf(ctx);
  const view = (e: DuplicateEntry) => ({ id: e.id, name: e.name, office: e.office, officeName: name(e.office) });
  return ledgerIndex(requireStore(ctx))
    .duplicates()
    .groups()
    .map((g) => ({ idNumberMasked: maskIdNumber(g.number), records: g.records.map(view) }))
    .sort((a, b) => (a.idNumberMasked < b.idNumberMasked ? -1 : a.idNumberMasked > b.idNumberMasked ? 1 : 0));
}

function requireChild(ctx: AppContext, id: string): EntityRecord {
  const rec = requireStore(ctx).get(CHILD_ENTITY, id);
  if (!rec) throw new AppError('NOT_FOUND', '台账中没有这名儿童的记录，可能已被其他单位转出或编号有误。');
  return rec;
}

function mergeRef(id: string, officeName: string, rec: EntityRecord | undefined): MergeRef {
  return {
    id,
    name: rec ? childValue(rec.v, 'child.name') : '',
    officeName,
    date: rec ? childValue(rec.v, 'status.date') : '',
    note: rec ? str(rec.v, MERGE_NOTE) : '',
  };
}

export const duplicateHandlers = {
  async 'children.duplicates'(args, ctx) {
    const store = requireStore(ctx);
    const rec = requireChild(ctx, args.id);
    const name = officeNameOf(ctx);
    const office = childOwnerOf(rec);
    const others = ledgerIndex(store)
      .duplicates()
      .othersOf(args.id)
      .map((e) => ({ id: e.id, name: e.name, township: e.township, office: e.office, officeName: name(e.office) }));
    const into = str(rec.v, MERGED_INTO);
    const mergedInto: ChildDuplicates['mergedInto'] = into
      ? { ...mergeRef(into, str(rec.v, MERGED_INTO_OFFICE_NAME), store.get(CHILD_ENTITY, into)), date: childValue(rec.v, 'status.date'), note: str(rec.v, MERGE_NOTE) }
      : null;
    const from = Array.isArray(rec.v[MERGED_FROM]) ? (rec.v[MERGED_FROM] as JsonValue[]).filter((x): x is string => typeof x === 'string') : [];
    const mergedFrom = from.map((id) => {
      const other = store.get(CHILD_ENTITY, id);
      return mergeRef(id, other ? name(childOwnerOf(other)) : '', other);
    });
    return { office, officeName: name(office), others, mergedInto, mergedFrom };
  },

  async 'children.merge'(args, ctx) {
    const store = requireStore(ctx);
    if (args.keepId === args.mergeId) throw new AppError('REFUSED', '不能把一份档案合并到它自己。');
    const keep = requireChild(ctx, args.keepId);
    const away = requireChild(ctx, args.mergeId);
    const self = ctx.office!.code;
    for (const rec of [keep, away]) {
      if (str(rec.v, MERGED_INTO)) throw new AppError('REFUSED', '其中一份档案已经合并过，不能再次合并。');
      const trace = transferredOut(rec.v, self);
      if (trace) throw new AppError('REFUSED', transferLockMessage(trace));
    }
    const n = (rec: EntityRecord) => normaliseIdNumber(childValue(rec.v, 'child.idNumber'));
    if (!n(keep) || n(keep) !== n(away)) {
      throw new AppError('REFUSED', '只有身份证号码相同的两份档案才能合并，请先核对号码。');
    }
    const name = officeNameOf(ctx);
    const side = (id: string, rec: EntityRecord) => ({ id, values: rec.v, office: childOwnerOf(rec), officeName: name(childOwnerOf(rec)) });
    const keepSide = side(args.keepId, keep);
    const date = isoDateOf(new Date(ctx.clock()));
    const { changes, filled } = mergeChanges(keepSide, side(args.mergeId, away), date, args.note);
    // One batch: both records change together or not at all.
    store.commit(changes, ctx.user);
    return {
      id: args.keepId,
      mergedId: args.mergeId,
      keptOffice: keepSide.office,
      keptOfficeName: keepSide.officeName,
      filled,
      message: `已合并：以「${keepSide.officeName}」的档案为准${filled.length ? `，补充了${filled.length}项空缺信息` : ''}；另一份档案已标记为已合并，全部记录保留。`,
    };
  },
} satisfies HandlerMap<'children.duplicates' | 'children.merge'>;
