// Possible duplicates across offices, where a clerk looks (list marker, record panel, home count; the exchange page's
// groups), and their merge. The groups come from the ledger index's ID-number map, patched per edit.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { ChildDuplicates, MergeRef } from '../contract/schemas/duplicates';
import type { DuplicateGroup } from '../contract/schemas/exchange';
import { CHILD_ENTITY, childValue } from '../domain/ledger/child-fields';
import { isoDateOf } from '../domain/ledger/dates';
import type { DuplicateEntry, DuplicateIndex } from '../domain/ledger/duplicate-index';
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
import type { Store } from '../store/store';
import { childOwnerOf } from '../sync/ownership';
import { PEER_ENTITY } from '../sync/local-entities';
import { readPeer } from '../sync/peers';
import { ledgerIndex } from './ledger-index';
import type { HandlerMap } from './types';

/** An office's name as this office knows it: itself, a trusted peer, else its code. */
export function officeNameOf(ctx: AppContext): (code: string) => string {
  const store = requireStore(ctx);
  return (code) => (code === ctx.office!.code ? ctx.office!.name : (readPeer(store, code)?.name ?? `单位 ${code}`));
}

const str = (v: Readonly<Record<string, JsonValue>>, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');

/**
 * The exchange page's groups, kept as the duplicate index changes (issue 13): a call after an edit redoes the groups
 * that edit touched, not every group; all of them only when an office's name may have changed (a card trusted).
 */
class GroupViews {
  /** Number → its group as shown. */
  private readonly views = new Map<string, DuplicateGroup>();
  /** The numbers shown, by masked number (then the number itself, so the order never depends on history). */
  private order: string[] = [];
  private names = '';
  private peersChanged = false;
  /** How often every group was made afresh (tests check that an edit does not do it). */
  rebuilds = 0;
  /** How many groups were made again after a change. */
  patched = 0;

  constructor(
    store: Store,
    private readonly dups: DuplicateIndex,
  ) {
    store.onChange((ops) => {
      // An office's name comes with its card; a bundle's counters on the peer record do not change it.
      if (ops.some((op) => op.entity === PEER_ENTITY && 'name' in op.set)) this.peersChanged = true;
    });
  }

  private view(number: string, records: DuplicateEntry[], name: (code: string) => string): DuplicateGroup {
    return {
      idNumberMasked: maskIdNumber(number),
      records: records.map((e) => ({ id: e.id, name: e.name, office: e.office, officeName: name(e.office) })),
    };
  }

  private place(number: string): number {
    // Binary search by (masked number, number): the masked number is a function of the number, never stale.
    const key = maskIdNumber(number);
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.order[mid]!;
      const k = maskIdNumber(other);
      if (k < key || (k === key && other < number)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  current(selfName: string, name: (code: string) => string): DuplicateGroup[] {
    const changed = this.dups.takeChanged();
    if (changed === 'all' || this.peersChanged || selfName !== this.names) {
      this.views.clear();
      for (const g of this.dups.groups()) this.views.set(g.number, this.view(g.number, g.records, name));
      const keyed = [...this.views.entries()].map(([n, v]) => [v.idNumberMasked, n] as const);
      keyed.sort(([ka, a], [kb, b]) => (ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0));
      this.order = keyed.map(([, n]) => n);
      this.names = selfName;
      this.peersChanged = false;
      this.rebuilds += 1;
    } else {
      for (const number of changed) {
        const had = this.views.has(number);
        const records = this.dups.group(number);
        if (records) this.views.set(number, this.view(number, records, name));
        else this.views.delete(number);
        if (had && !records) this.order.splice(this.place(number), 1);
        else if (!had && records) this.order.splice(this.place(number), 0, number);
        this.patched += 1;
      }
    }
    return this.order.map((n) => this.views.get(n)!);
  }
}

const groupViews = new WeakMap<DuplicateIndex, GroupViews>();

/** The kept groups of an open store (tests read its counters). */
export function duplicateGroupViews(store: Store): GroupViews {
  const dups = ledgerIndex(store).duplicates();
  let views = groupViews.get(dups);
  if (!views) groupViews.set(dups, (views = new GroupViews(store, dups)));
  return views;
}

/** Every group of live records sharing an ID number, names of offices resolved, numbers masked. */
export function duplicateGroups(ctx: AppContext): DuplicateGroup[] {
  return duplicateGroupViews(requireStore(ctx)).current(ctx.office!.name, officeNameOf(ctx));
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
