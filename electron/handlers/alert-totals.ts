// The home page's alert figures (how many children have each kind of alert, how many records are 待完善), kept per
// change (issue 13): each child's part is remembered, and a changed child takes its old part back and adds its new
// one. Everything is counted again only when the ledger index summarised every child afresh (the day turned, the
// settings changed), which already cost that much.
import { ALERT_ORDER, type AlertKind, type ChildSummary } from '../domain/ledger/child-summary';
import { CHILD_ENTITY } from '../domain/ledger/child-fields';
import type { Store } from '../store/store';
import type { LedgerIndex } from './ledger-index';

const ANY = 1 << ALERT_ORDER.length;
const MOST_BEHIND = 20_000;
const INCOMPLETE = ANY << 1;

/** One child's part as bits: one per alert kind, one for any alert, one for an active record kept 待完善. */
function partOf(s: ChildSummary | undefined): number {
  if (!s) return 0;
  let bits = s.alerts.length > 0 ? ANY : 0;
  for (const a of s.alerts) {
    const i = ALERT_ORDER.indexOf(a.kind);
    if (i >= 0) bits |= 1 << i;
  }
  if (s.incomplete && s.status === 'active') bits |= INCOMPLETE;
  return bits;
}

export interface AlertFigures {
  total: number;
  counts: Record<AlertKind, number>;
  incomplete: number;
}

export class AlertTotals {
  /** Children with any part (the others count nothing). */
  private readonly parts = new Map<string, number>();
  private readonly counts = Object.fromEntries(ALERT_ORDER.map((k) => [k, 0])) as Record<AlertKind, number>;
  private total = 0;
  private incomplete = 0;
  private readonly dirty = new Set<string>();
  /** The index's rebuild count the figures were last counted from; -1: never. */
  private countedAt = -1;
  /** How often every child was counted (tests check that an edit does not do it). */
  builds = 0;

  constructor(
    store: Store,
    private readonly index: LedgerIndex,
  ) {
    store.onChange((ops) => {
      if (this.countedAt < 0) return;
      for (const op of ops) if (op.entity === CHILD_ENTITY) this.dirty.add(op.id);
      // Far behind (a whole import while the home page is closed): count afresh when asked, hold no ids meanwhile.
      if (this.dirty.size > MOST_BEHIND) {
        this.dirty.clear();
        this.countedAt = -1;
      }
    });
  }

  private add(bits: number, by: number): void {
    if (bits === 0) return;
    if (bits & INCOMPLETE) this.incomplete += by;
    if (bits & ANY) this.total += by;
    ALERT_ORDER.forEach((k, i) => {
      if (bits & (1 << i)) this.counts[k] += by;
    });
  }

  private put(id: string, s: ChildSummary | undefined): void {
    this.add(this.parts.get(id) ?? 0, -1);
    const bits = partOf(s);
    if (bits === 0) this.parts.delete(id);
    else this.parts.set(id, bits);
    this.add(bits, 1);
  }

  /** The figures for `today`. */
  figures(today: string): AlertFigures {
    // Brings the index up to date for today first: it may summarise every child afresh (a new day).
    const all = this.index.all(today);
    if (this.countedAt !== this.index.rebuilds) {
      this.parts.clear();
      this.total = 0;
      this.incomplete = 0;
      for (const k of ALERT_ORDER) this.counts[k] = 0;
      for (const s of all) this.put(s.id, s);
      this.countedAt = this.index.rebuilds;
      this.builds += 1;
    } else {
      for (const id of this.dirty) this.put(id, this.index.summary(id, today));
    }
    this.dirty.clear();
    return { total: this.total, counts: { ...this.counts }, incomplete: this.incomplete };
  }
}

const totals = new WeakMap<LedgerIndex, AlertTotals>();

/** The alert figures kept for an open store's ledger index. */
export function alertTotals(store: Store, index: LedgerIndex): AlertTotals {
  let t = totals.get(index);
  if (!t) totals.set(index, (t = new AlertTotals(store, index)));
  return t;
}
