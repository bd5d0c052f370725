// The ledger list at city scale (50,000 children): each child's summary sits in a numbered slot, the filter columns
// are small integer codes in typed arrays, and the search keys are flat strings, so a query is one tight loop over
// an already sorted array of slots; row objects are built for the returned page only. One child's edit moves that
// slot within each cached order (binary search), it does not sort 50,000 rows again.
import type { ChildListQuery, ChildRow, ChildSortField } from '../../contract/schemas/ledger';
import { ALERT_ORDER, alertRank, type ChildSummary } from './child-summary';
import { comparators, compareByName, nameSortKey, riskRank, toRow } from './child-query';
import { prepareQuery } from './pinyin';

const FILTER_COLUMNS = ['township', 'village', 'guardianKind', 'assessment', 'schooling', 'riskLevel', 'status', 'ageBand'] as const;
type FilterColumn = (typeof FILTER_COLUMNS)[number];

/** Up to this many changed children (or a quarter of all, if more) a cached order is patched, not sorted afresh. */
const PATCH_LIMIT = 512;
/** Sort keys with at most this many distinct combinations are sorted by counting, not by comparing. */
const COUNTING_SORT_MAX_KEYS = 4096;
/** Up to this many changed children, each is found in an order by its slot rather than by a pass over all. */
const FEW_CHANGED = 16;

/** A column of codes: each distinct value gets a small number the first time it is seen. */
class CodeColumn {
  readonly codes = new Map<string, number>();
  values = new Int32Array(1024);

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) this.codes.set(value, (c = this.codes.size));
    return c;
  }

  grow(size: number): void {
    if (size <= this.values.length) return;
    const next = new Int32Array(Math.max(size, this.values.length * 2));
    next.set(this.values);
    this.values = next;
  }
}

/**
 * `order` without the changed slots, and the changed slots sorted by `cmp` merged in, each before the first kept
 * slot it does not sort after (where inserting it by binary search puts it).
 */
function mergeChanged(
  order: readonly number[],
  changed: ReadonlySet<number>,
  all: readonly ChildSummary[],
  cmp: (a: ChildSummary, b: ChildSummary) => number,
): number[] {
  const kept: number[] = [];
  for (let r = 0; r < order.length; r += 1) {
    const slot = order[r]!;
    if (!changed.has(slot)) kept.push(slot);
  }
  const moved = [...changed].sort((a, b) => cmp(all[a]!, all[b]!));
  // Each changed slot's place among the kept ones by binary search (k·log n comparisons, not one per child), then
  // the kept runs copied between them.
  const out = new Array<number>(kept.length + moved.length);
  let w = 0;
  let from = 0;
  for (const slot of moved) {
    const s = all[slot]!;
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(all[kept[mid]!]!, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    while (from < lo) out[w++] = kept[from++]!;
    out[w++] = slot;
  }
  while (from < kept.length) out[w++] = kept[from++]!;
  return out;
}

/** Ranks of strings as child-query's comparators order them: ascending, '' last. */
function stringRanks(values: readonly string[]): Float64Array {
  const distinct = [...new Set(values)].sort((x, y) => (x === y ? 0 : x === '' ? 1 : y === '' ? -1 : x < y ? -1 : 1));
  const rankOf = new Map<string, number>();
  distinct.forEach((v, i) => rankOf.set(v, i));
  return Float64Array.from(values, (v) => rankOf.get(v)!);
}

const column = (all: readonly ChildSummary[], f: (s: ChildSummary) => number) => Float64Array.from(all, f);

/** Numeric sort keys per field, before the name: must order exactly as `comparators` (a test holds them to it). */
const sortKeys: Readonly<Record<Exclude<ChildSortField, 'name'>, (all: readonly ChildSummary[]) => Float64Array[]>> = {
  alerts: (all) => [column(all, alertRank), column(all, (s) => -s.alerts.length)],
  age: (all) => [column(all, (s) => s.age ?? 999)],
  township: (all) => [stringRanks(all.map((s) => s.township)), stringRanks(all.map((s) => s.village))],
  riskLevel: (all) => [column(all, (s) => riskRank(s.riskLevel))],
  lastVisitDate: (all) => [stringRanks(all.map((s) => s.lastVisitDate))],
  updated: (all) => [stringRanks(all.map((s) => s.updated))],
};

const alertBit = (kind: string) => 1 << ALERT_ORDER.indexOf(kind as (typeof ALERT_ORDER)[number]);

const SEP = '\u0000';

function alertMaskOf(s: ChildSummary): number {
  let mask = 0;
  for (const a of s.alerts) mask |= alertBit(a.kind);
  return mask;
}



/**
 * One column of search strings joined into a single string, so a query finds every occurrence with a few native
 * indexOf calls instead of 50,000 includes calls. Slots changed since it was joined are checked one by one until
 * so many have changed that joining again is cheaper.
 */
class Haystack {
  private text = '';
  private starts = new Int32Array(0);
  private built = false;
  readonly stale = new Set<number>();

  constructor(private readonly values: string[]) {}

  touch(slot: number): void {
    if (this.built) this.stale.add(slot);
  }

  reset(): void {
    this.built = false;
    this.stale.clear();
  }

  private build(): void {
    const n = this.values.length;
    this.starts = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i += 1) {
      this.starts[i] = at;
      at += this.values[i]!.length + 1;
    }
    this.starts[n] = at;
    this.text = this.values.join(SEP) + SEP;
    this.built = true;
    this.stale.clear();
  }

  /** Marks every slot whose value contains `needle` (which holds no separator). */
  mark(needle: string, hits: Uint8Array): void {
    if (!this.built || this.stale.size > 1024 || this.starts.length !== this.values.length + 1) this.build();
    const { text, starts } = this;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at < 0) break;
      let lo = 0;
      let hi = starts.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid;
      }
      if (!this.stale.has(lo)) hits[lo] = 1;
      // The next match can only be in a later slot: this one is marked.
      from = starts[lo + 1]!;
    }
  }
}

export interface ListIndexStats {
  /** Orders sorted from scratch (each costs n·log n comparisons). */
  fullSorts: number;
  /** Slots moved within an order after an edit. */
  patches: number;
}

export class ChildListIndex {
  private summaries: ChildSummary[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly columns = Object.fromEntries(FILTER_COLUMNS.map((c) => [c, new CodeColumn()])) as Record<FilterColumn, CodeColumn>;
  private alertMasks = new Uint8Array(1024);
  /** 1 where the child's record is 待完善 (the 信息不完整 filter). */
  private incomplete = new Uint8Array(1024);
  private names: string[] = [];
  private initials: string[] = [];
  /** '\n' before each full-pinyin suffix: 张小明 → '\nzhangxiaoming\nxiaoming\nming'. */
  private pinyin: string[] = [];
  private idNumbers: string[] = [];
  /** The search columns as haystacks; an ID number is searched by its end, so each is followed by the separator. */
  private hay = this.haystacks();
  private searchCache = new Map<string, Uint8Array>();
  private readonly orders = new Map<ChildSortField, number[]>();
  private readonly sortedCache = new Map<ChildSortField, ChildSummary[]>();
  private changed = new Set<number>();
  private nameRank: Int32Array | null = null;
  private placesCache: Map<string, Set<string>> | null = null;
  readonly stats: ListIndexStats = { fullSorts: 0, patches: 0 };

  private haystacks() {
    return {
      names: new Haystack(this.names),
      initials: new Haystack(this.initials),
      pinyin: new Haystack(this.pinyin),
      idNumbers: new Haystack(this.idNumbers),
    };
  }

  /** One byte per slot: does the search find this child? (matchesKey, for every child at once.) */
  private searchHits(query: string): Uint8Array | null {
    const q = prepareQuery(query);
    if (q.text === '') return null;
    const cacheKey = q.text;
    const cached = this.searchCache.get(cacheKey);
    if (cached) return cached;
    const n = this.summaries.length;
    const hits = new Uint8Array(n);
    const afterBreak = q.letters === null ? '' : `\n${q.letters}`;
    const one = (slot: number) => {
      if (this.names[slot]!.includes(q.text)) return true;
      if (q.letters !== null && (this.initials[slot]!.includes(q.letters) || this.pinyin[slot]!.includes(afterBreak))) return true;
      const idn = this.idNumbers[slot]!;
      return q.idTail !== null && idn !== '' && idn.endsWith(q.idTail);
    };
    if (q.text.includes(SEP)) {
      for (let slot = 0; slot < n; slot += 1) if (one(slot)) hits[slot] = 1;
    } else {
      this.hay.names.mark(q.text, hits);
      if (q.letters !== null) {
        this.hay.initials.mark(q.letters, hits);
        this.hay.pinyin.mark(afterBreak, hits);
      }
      if (q.idTail !== null) this.hay.idNumbers.mark(q.idTail + SEP, hits);
      // Slots changed since a haystack was joined are judged directly.
      for (const h of Object.values(this.hay)) for (const slot of h.stale) hits[slot] = one(slot) ? 1 : 0;
    }
    if (this.searchCache.size >= 8) this.searchCache.clear();
    this.searchCache.set(cacheKey, hits);
    return hits;
  }

  get size(): number {
    return this.summaries.length;
  }

  /** Forgets everything (the day turned or the settings changed: every summary is recomputed). */
  reset(): void {
    this.summaries = [];
    this.slotOf.clear();
    for (const c of FILTER_COLUMNS) this.columns[c] = new CodeColumn();
    this.alertMasks = new Uint8Array(1024);
    this.incomplete = new Uint8Array(1024);
    this.names = [];
    this.initials = [];
    this.pinyin = [];
    this.idNumbers = [];
    this.hay = this.haystacks();
    this.searchCache.clear();
    this.orders.clear();
    this.sortedCache.clear();
    this.changed.clear();
    this.nameRank = null;
    this.placesCache = null;
  }

  get(id: string): ChildSummary | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.summaries[slot];
  }

  /**
   * Fills the index afresh with many summaries at once (a start from the stored summaries): what put does per child
   * for an edit (stale haystack slots, changed slots, cache clears, columns grown step by step) is, at 200,000
   * children, most of a start's cost. The array becomes the index's own. Every order is sorted afresh when first asked.
   */
  load(all: ChildSummary[]): void {
    this.reset();
    const n = all.length;
    const size = Math.max(1024, n);
    for (const c of FILTER_COLUMNS) this.columns[c].values = new Int32Array(size);
    this.alertMasks = new Uint8Array(size);
    this.incomplete = new Uint8Array(size);
    const names: string[] = (this.names = new Array<string>(n));
    const initials: string[] = (this.initials = new Array<string>(n));
    const pinyin: string[] = (this.pinyin = new Array<string>(n));
    const idNumbers: string[] = (this.idNumbers = new Array<string>(n));
    this.hay = this.haystacks();
    const columns = FILTER_COLUMNS.map((c) => this.columns[c]);
    let repeated: ChildSummary[] | null = null;
    let slot = 0;
    for (let i = 0; i < n; i += 1) {
      const s = all[i]!;
      if (this.slotOf.has(s.id)) {
        // The same child twice: the later summary wins, in the first one's slot, as put does.
        (repeated ??= []).push(s);
        continue;
      }
      this.slotOf.set(s.id, slot);
      all[slot] = s;
      for (let k = 0; k < columns.length; k += 1) columns[k]!.values[slot] = columns[k]!.code(s[FILTER_COLUMNS[k]!] ?? '');
      this.alertMasks[slot] = alertMaskOf(s);
      this.incomplete[slot] = s.incomplete ? 1 : 0;
      names[slot] = s.key.name;
      initials[slot] = s.key.initials;
      pinyin[slot] = s.key.pinyin;
      idNumbers[slot] = s.key.idNumber;
      slot += 1;
    }
    all.length = slot;
    names.length = initials.length = pinyin.length = idNumbers.length = slot;
    this.summaries = all;
    if (repeated) for (const s of repeated) this.put(s);
  }

  /** Puts a child's current summary in its slot (a new child gets the next slot). */
  put(s: ChildSummary): void {
    let slot = this.slotOf.get(s.id);
    const old = slot === undefined ? undefined : this.summaries[slot];
    if (slot === undefined) {
      slot = this.summaries.length;
      this.slotOf.set(s.id, slot);
      for (const c of FILTER_COLUMNS) this.columns[c].grow(slot + 1);
      if (slot >= this.alertMasks.length) {
        const next = new Uint8Array(this.alertMasks.length * 2);
        next.set(this.alertMasks);
        this.alertMasks = next;
        const flags = new Uint8Array(next.length);
        flags.set(this.incomplete);
        this.incomplete = flags;
      }
    }
    this.summaries[slot] = s;
    for (const c of FILTER_COLUMNS) {
      const col = this.columns[c];
      col.values[slot] = col.code(s[c] ?? '');
    }
    this.alertMasks[slot] = alertMaskOf(s);
    this.incomplete[slot] = s.incomplete ? 1 : 0;
    this.names[slot] = s.key.name;
    this.initials[slot] = s.key.initials;
    this.pinyin[slot] = s.key.pinyin;
    this.idNumbers[slot] = s.key.idNumber;
    for (const h of Object.values(this.hay)) h.touch(slot);
    this.searchCache.clear();
    this.changed.add(slot);
    this.sortedCache.clear();
    if (!old || old.township !== s.township || old.village !== s.village) this.placesCache = null;
  }

  /** The slots in ascending order of `field`, patched for the children changed since the last call. */
  private order(field: ChildSortField): number[] {
    this.settle();
    let order = this.orders.get(field);
    if (!order) {
      order = field === 'name' ? this.sortByName() : this.sortByKeys(sortKeys[field](this.summaries));
      this.orders.set(field, order);
      this.stats.fullSorts += 1;
    }
    return order;
  }

  private sortByName(): number[] {
    const all = this.summaries;
    const order = Array.from({ length: all.length }, (_, i) => i);
    // comparators.name, with each child's first pinyin taken once rather than at every comparison.
    const keys = all.map(nameSortKey);
    order.sort((a, b) => compareByName(keys[a]!, all[a]!, keys[b]!, all[b]!));
    this.nameRank = null;
    return order;
  }

  /** Each slot's place in the name order: every other order breaks its ties by the name. */
  private nameRanks(): Int32Array {
    if (!this.nameRank) {
      const order = this.order('name');
      const rank = new Int32Array(this.summaries.length);
      for (let i = 0; i < order.length; i += 1) rank[order[i]!] = i;
      this.nameRank = rank;
    }
    return this.nameRank;
  }

  /** A full sort on numeric keys (ranks of the compared values), ties by the name: the comparator's order, computed
   *  with integer comparisons only. */
  private sortByKeys(keys: Float64Array[]): number[] {
    const counted = this.countingSort(keys);
    if (counted) return counted;
    const rank = this.nameRanks();
    const order = Array.from({ length: this.summaries.length }, (_, i) => i);
    const [k1, k2] = keys;
    if (k2) order.sort((a, b) => k1![a]! - k1![b]! || k2[a]! - k2[b]! || rank[a]! - rank[b]!);
    else order.sort((a, b) => k1![a]! - k1![b]! || rank[a]! - rank[b]!);
    return order;
  }

  /**
   * The same order for keys that are small whole numbers (alerts, age, risk level: a few distinct values each), in
   * one pass: the name order distributed into one bucket per key value, in the name order, is the order by key and
   * then by name. Null when the keys are not such numbers. At 200,000 children a comparison sort was a tenth of the
   * first page.
   */
  private countingSort(keys: Float64Array[]): number[] | null {
    const n = this.summaries.length;
    const [k1, k2] = keys as [Float64Array, Float64Array | undefined];
    const span = (k: Float64Array | undefined): [number, number] | null => {
      if (!k) return [0, 1];
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < n; i += 1) {
        const v = k[i]!;
        if (!Number.isInteger(v)) return null;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return n === 0 ? [0, 1] : [min, max - min + 1];
    };
    const s1 = span(k1);
    const s2 = s1 && span(k2);
    if (!s1 || !s2 || s1[1] * s2[1] > COUNTING_SORT_MAX_KEYS) return null;
    const [min1] = s1;
    const [min2, width2] = s2;
    const bucketOf = (slot: number) => (k1[slot]! - min1) * width2 + (k2 ? k2[slot]! - min2 : 0);
    const starts = new Int32Array(s1[1] * width2 + 1);
    for (let slot = 0; slot < n; slot += 1) starts[bucketOf(slot) + 1]! += 1;
    for (let b = 1; b < starts.length; b += 1) starts[b]! += starts[b - 1]!;
    const byName = this.order('name');
    const order = new Array<number>(n);
    for (let i = 0; i < n; i += 1) {
      const slot = byName[i]!;
      order[starts[bucketOf(slot)]!++] = slot;
    }
    return order;
  }

  /** Moves the changed slots to their new places in every cached order. */
  private settle(): void {
    if (this.changed.size === 0) return;
    const changed = this.changed;
    this.changed = new Set();
    // Past a quarter of the children, sorting afresh (when next asked) costs no more than merging.
    if (changed.size > Math.max(PATCH_LIMIT, this.summaries.length / 4)) {
      this.orders.clear();
      this.nameRank = null;
      return;
    }
    const all = this.summaries;
    // The name order first: the others' ties are broken by it.
    const fields = [...this.orders.keys()].sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : 0));
    for (const field of fields) {
      const order = this.orders.get(field)!;
      const cmp = comparators[field];
      if (changed.size <= FEW_CHANGED) {
        // One edit: find the slot where it stands (a native scan of a packed array), not a pass with a set lookup
        // per child (issue 13). A new child is in no order yet.
        for (const slot of changed) {
          const at = order.indexOf(slot);
          if (at >= 0) order.splice(at, 1);
        }
        for (const slot of changed) {
          const s = all[slot]!;
          let lo = 0;
          let hi = order.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (cmp(all[order[mid]!]!, s) < 0) lo = mid + 1;
            else hi = mid;
          }
          order.splice(lo, 0, slot);
          this.stats.patches += 1;
        }
      } else {
        // Many (a snapshot's worth of edits, a bundle): the others kept in order, the changed ones sorted, the two
        // merged in one pass. Inserting each by splice moved the whole array per child, and sorting 200,000 children
        // afresh stalled the app for a fifth of a second.
        this.orders.set(field, mergeChanged(order, changed, all, cmp));
        this.stats.patches += changed.size;
      }
      if (field === 'name') this.nameRank = null;
    }
  }

  /** Every summary in ascending order of `field` (alerts list, export). */
  sorted(field: ChildSortField): ChildSummary[] {
    const order = this.order(field);
    let out = this.sortedCache.get(field);
    if (!out) {
      out = order.map((slot) => this.summaries[slot]!);
      this.sortedCache.set(field, out);
    }
    return out;
  }

  /**
   * Every summary without sorting anything: the children unchanged since the name order was last asked for in that
   * order, then those changed or added since. A snapshot stores the summaries this way; moving thousands of changed
   * children into place then (every cached order, by comparisons) stalled the app for 0.4 s at 200,000 children,
   * and the next start's sort by name (a merge sort that finds runs) meets one long run and a short tail.
   */
  roughlyByName(): ChildSummary[] {
    const order = this.orders.get('name');
    if (!order) return [...this.summaries];
    const changed = this.changed;
    const out: ChildSummary[] = [];
    for (let i = 0; i < order.length; i += 1) if (!changed.has(order[i]!)) out.push(this.summaries[order[i]!]!);
    // Every slot not in the order (a new child) is among the changed ones.
    for (const slot of changed) out.push(this.summaries[slot]!);
    return out;
  }

  all(): readonly ChildSummary[] {
    return this.summaries;
  }

  /** Filter, search, sort and page: the same answer as queryChildren over the sorted summaries. */
  query(q: ChildListQuery): { total: number; rows: ChildRow[] } {
    const order = this.order(q.sort.field);
    const f = q.filters;
    const cols: Int32Array[] = [];
    const wanted: number[] = [];
    for (const c of FILTER_COLUMNS) {
      const value = f[c];
      if (!value) continue;
      const code = this.columns[c].codes.get(value);
      // A value no child has: nothing matches.
      if (code === undefined) return { total: 0, rows: [] };
      cols.push(this.columns[c].values);
      wanted.push(code);
    }
    const bit = f.alert ? alertBit(f.alert) : 0;
    const masks = this.alertMasks;
    const incomplete = f.incomplete ? this.incomplete : null;
    const hits = this.searchHits(q.search);

    const nc = cols.length;
    const desc = q.sort.dir === 'desc';
    const start = q.offset;
    const end = q.offset + q.limit;
    const page: number[] = [];
    let total = 0;
    const n = order.length;
    outer: for (let i = 0; i < n; i += 1) {
      const slot = order[desc ? n - 1 - i : i]!;
      for (let k = 0; k < nc; k += 1) if (cols[k]![slot] !== wanted[k]) continue outer;
      if (bit !== 0 && (masks[slot]! & bit) === 0) continue;
      if (incomplete !== null && incomplete[slot] === 0) continue;
      if (hits !== null && hits[slot] === 0) continue;
      if (total >= start && total < end) page.push(slot);
      total += 1;
    }
    return { total, rows: page.map((slot) => toRow(this.summaries[slot]!)) };
  }

  /** Townships and their villages, for the list's filter selects. */
  places(): Map<string, Set<string>> {
    if (!this.placesCache) {
      const places = new Map<string, Set<string>>();
      for (const s of this.summaries) {
        if (!s.township) continue;
        let villages = places.get(s.township);
        if (!villages) places.set(s.township, (villages = new Set()));
        if (s.village) villages.add(s.village);
      }
      this.placesCache = places;
    }
    return this.placesCache;
  }
}
