// The statistics of the periods being looked at, one per period and township, kept up to date per change through
// store.onChange (issue 13): the first look at a period reads the children, visits and reports once; after that a
// call costs the records changed since the last one, not the ledger.
import type { StatsSummary } from '../../contract/schemas/stats';
import type { Store } from '../../store/store';
import { LedgerStats } from './summary';

export const STATS_CHILD = 'child';
export const STATS_VISIT = 'visit';
export const STATS_REPORT = 'report';
const ENTITIES = [STATS_CHILD, STATS_VISIT, STATS_REPORT] as const;
type Entity = (typeof ENTITIES)[number];

/** How many periods are kept (the page's and a print of another); the least recently used one goes first. */
const KEPT = 2;
/** A kept period behind by more changes than this is dropped, not patched: counting afresh costs about the same and
 *  the changed ids are not held meanwhile (an import of the whole ledger while the page is closed). */
const MOST_BEHIND = 20_000;

interface Kept {
  key: string;
  stats: LedgerStats;
  /** Records changed since the figures were last brought up to date. */
  dirty: Record<Entity, Set<string>>;
}

export class StatsIndex {
  private kept: Kept[] = [];
  /** How often a period's figures were computed from every record (tests check that an edit does not do it). */
  builds = 0;
  /** How many records were put again after changes. */
  patched = 0;
  /** Changes a kept period may fall behind by before it is dropped (tests lower it). */
  mostBehind = MOST_BEHIND;

  constructor(private readonly store: Store) {
    store.onChange((ops) => {
      if (this.kept.length === 0) return;
      for (const op of ops) {
        if (op.entity !== STATS_CHILD && op.entity !== STATS_VISIT && op.entity !== STATS_REPORT) continue;
        for (const k of this.kept) k.dirty[op.entity].add(op.id);
      }
      this.kept = this.kept.filter((k) => k.dirty.child.size + k.dirty.visit.size + k.dirty.report.size <= this.mostBehind);
    });
  }

  summary(period: { from: string; to: string }, township?: string | null): StatsSummary {
    const key = JSON.stringify([period.from, period.to, township || '']);
    const at = this.kept.findIndex((k) => k.key === key);
    let k: Kept;
    if (at >= 0) {
      k = this.kept[at]!;
      this.kept.splice(at, 1);
      for (const entity of ENTITIES) {
        for (const id of k.dirty[entity]) {
          const rec = this.store.get(entity, id);
          if (entity === STATS_CHILD) k.stats.putChild(id, rec);
          else if (entity === STATS_VISIT) k.stats.putVisit(id, rec);
          else k.stats.putReport(id, rec);
          this.patched += 1;
        }
        k.dirty[entity].clear();
      }
    } else {
      const stats = new LedgerStats(period, township);
      this.store.each(STATS_CHILD, (id, rec) => stats.putChild(id, rec));
      this.store.each(STATS_VISIT, (id, rec) => stats.putVisit(id, rec));
      this.store.each(STATS_REPORT, (id, rec) => stats.putReport(id, rec));
      this.builds += 1;
      k = { key, stats, dirty: { child: new Set(), visit: new Set(), report: new Set() } };
    }
    this.kept.unshift(k);
    this.kept.length = Math.min(this.kept.length, KEPT);
    return k.stats.summary();
  }
}

const indexes = new WeakMap<Store, StatsIndex>();

/** The statistics kept for an open store. */
export function statsIndex(store: Store): StatsIndex {
  let index = indexes.get(store);
  if (!index) indexes.set(store, (index = new StatsIndex(store)));
  return index;
}
