// The ledger's in-memory index, one per open store: a summary per child (search key with pinyin, age, alerts),
// the list's columns and sorted orders (domain/ledger/child-list-index), the office's code lists and settings. It
// follows the store through onChange, so a list query never recomputes pinyin or rescans visits; only the children
// that changed are summarised again and moved within the orders, and everything is recomputed once when the day
// turns (ages and alerts depend on the date).
import type { ChildListQuery, ChildRow, ChildSortField } from '../contract/schemas/ledger';
import { createChildSchema, createIncompleteChildSchema } from '../contract/schemas/child';
import { CHILD_ENTITY, childValue } from '../domain/ledger/child-fields';
import { ChildListIndex, type ListIndexStats } from '../domain/ledger/child-list-index';
import {
  decodeRow,
  encodeRow,
  isListSidecarMeta,
  LIST_SIDECAR,
  LIST_SIDECAR_VERSION,
  rowId,
  summaryExtras,
  type ListSidecarMeta,
  type SummaryExtras,
} from '../domain/ledger/list-sidecar';
import { DuplicateIndex, type DuplicateEntry } from '../domain/ledger/duplicate-index';
import { MERGED_INTO } from '../domain/ledger/merge-duplicates';
import { childOwnerOf } from '../sync/ownership';
import {
  DayPass,
  eligibilityInputs,
  DEFAULT_LEDGER_SETTINGS,
  summariseChild,
  type ChildSummary,
  type LedgerSettings,
} from '../domain/ledger/child-summary';
import { loadCodeLists, type CodeLists } from '../domain/ledger/codelists';
import ledgerCodeListsJson from '../../assets/codelists/ledger.json';
import { isoDateOf } from '../domain/ledger/dates';
import { normaliseIdNumber } from '../domain/ledger/id-number';
import { searchKey } from '../domain/ledger/pinyin';
import { familyNamesOf } from '../domain/ledger/search-names';
import { hlcDate } from '../store/hlc';
import type { EntityRecord } from '../store/state';
import { createdHlc, updatedHlc } from '../store/state';
import type { SidecarCapture, Store, StoredSidecar } from '../store/store';

export const CODE_ITEM_ENTITY = 'codeItem';
export const LEDGER_SETTINGS_ENTITY = 'ledgerSettings';
export const LEDGER_SETTINGS_ID = 'office';

/** Changed children that start a background summarising, and how many it does per turn. */
const DRAIN_FROM = 64;
const DRAIN_SLICE = 200;
/** More changed children than this when a snapshot begins: the stored summaries wait for the next one. */
const CAPTURE_MAX_DIRTY = 2000;
/** The stored summaries take additions (the changed children's) until these many rows were added since they were
 *  written whole: a quarter of the children, at least ADDS_MIN. A start after a crash reads the additions too. */
const ADDS_SHARE = 0.25;
const ADDS_MIN = 2000;

export class LedgerIndex {
  private readonly list = new ChildListIndex();
  private readonly dirty = new Set<string>();
  private allDirty = true;
  private day = '';
  private codeListsCache: CodeLists | null = null;
  private settingsCache: LedgerSettings | null = null;
  private byIdNumber: Map<string, string> | null = null;
  /** Each child's normalised ID number as last indexed, to move it in byIdNumber when it changes. */
  private readonly idNumberOf = new Map<string, string>();
  private readonly idDirty = new Set<string>();
  /** Two children share an ID number (possible after merging offices' edits): byIdNumber is rebuilt, not patched. */
  private duplicateIds = false;
  /** How often every child was summarised afresh (tests check that one edit does not do it). */
  rebuilds = 0;
  /** The child-record schemas for the code lists in force, built once per version of the lists (issue 13). */
  private schemas: {
    lists: CodeLists;
    complete?: ReturnType<typeof createChildSchema>;
    incomplete?: ReturnType<typeof createIncompleteChildSchema>;
  } | null = null;
  /** The date the cached schemas judge against: set by each caller just before it validates (synchronously). */
  private schemaToday = '';
  /** How often a child-record schema was built (tests check that an edit reuses it). */
  schemaBuilds = 0;
  /** ID number → live records, for possible duplicates; built on first use, then patched per changed child. */
  private dups: DuplicateIndex | null = null;
  /** The first page after a start had its duplicates judged without the index. */
  private pageJudged = false;
  private readonly dupDirty = new Set<string>();
  /** Per child, what its stored summary carries besides the summary (see list-sidecar.ts). */
  private readonly extras = new Map<string, SummaryExtras>();
  /** The stored summaries have been tried (once per run). */
  private sidecarTried = false;
  /** Children summarised since the summaries were last handed to a snapshot (none: the stored ones still hold). */
  private unstored = true;
  private draining = false;
  /** How many children were summarised from their records in the last refresh, and in this run (tests). */
  lastSummarised = 0;
  summarisedSinceStart = 0;

  constructor(private readonly store: Store) {
    store.registerSidecar(LIST_SIDECAR, (stored) => this.capture(stored));
    store.onChange((ops) => {
      for (const op of ops) {
        if (op.entity === CHILD_ENTITY) {
          this.dirty.add(op.id);
          this.dupDirty.add(op.id);
          if ('child.idNumber' in op.set) this.idDirty.add(op.id);
          this.scheduleDrain();
        } else if (op.entity === CODE_ITEM_ENTITY) {
          this.codeListsCache = null;
        } else if (op.entity === LEDGER_SETTINGS_ENTITY) {
          this.settingsCache = null;
          this.allDirty = true;
        }
      }
    });
  }

  /**
   * Many children changed and nobody has listed them yet (an import, a bundle, a day of edits with the list closed):
   * they are summarised a few hundred per turn in the background, so neither the next list nor the next snapshot
   * (which stores the summaries) has thousands to do at once.
   */
  private scheduleDrain(): void {
    if (this.draining || this.allDirty || this.day === '' || this.dirty.size < DRAIN_FROM) return;
    this.draining = true;
    setImmediate(() => {
      this.draining = false;
      if (this.store.isClosed || this.allDirty || this.day === '') return;
      try {
        const pass = new DayPass(this.day, this.settings());
        let n = 0;
        for (const id of this.dirty) {
          if (n++ >= DRAIN_SLICE) break;
          this.dirty.delete(id);
          const rec = this.store.get(CHILD_ENTITY, id);
          if (rec) this.list.put(this.summarise(id, rec, pass));
        }
      } catch {
        return; // the next list call meets the same problem and reports it
      }
      this.scheduleDrain();
    });
  }

  codeLists(): CodeLists {
    if (!this.codeListsCache) {
      const ext: Record<string, Array<{ code: string; label: string; note?: string }>> = {};
      const items = Object.values(this.store.table(CODE_ITEM_ENTITY)).sort((a, b) => (createdHlc(a) < createdHlc(b) ? -1 : 1));
      for (const rec of items) {
        const { list, code, label, note } = rec.v;
        if (typeof list !== 'string' || typeof code !== 'string' || typeof label !== 'string') continue;
        (ext[list] ??= []).push(typeof note === 'string' && note ? { code, label, note } : { code, label });
      }
      this.codeListsCache = loadCodeLists(ledgerCodeListsJson, ext);
    }
    return this.codeListsCache;
  }

  /**
   * The full or the 待完善 schema of a child record for `today`, reused until an office code item changes the lists.
   * Use it at once: the schema reads the date given by the latest call.
   */
  childSchema(kind: 'complete', today: string): ReturnType<typeof createChildSchema>;
  childSchema(kind: 'incomplete', today: string): ReturnType<typeof createIncompleteChildSchema>;
  childSchema(kind: 'complete' | 'incomplete', today: string) {
    const lists = this.codeLists();
    if (this.schemas?.lists !== lists) this.schemas = { lists };
    this.schemaToday = today;
    const options = { today: () => this.schemaToday, codeLists: lists };
    if (kind === 'complete') {
      if (!this.schemas.complete) {
        this.schemas.complete = createChildSchema(options);
        this.schemaBuilds += 1;
      }
      return this.schemas.complete;
    }
    if (!this.schemas.incomplete) {
      this.schemas.incomplete = createIncompleteChildSchema(options);
      this.schemaBuilds += 1;
    }
    return this.schemas.incomplete;
  }

  settings(): LedgerSettings {
    if (!this.settingsCache) {
      const v = this.store.get(LEDGER_SETTINGS_ENTITY, LEDGER_SETTINGS_ID)?.v ?? {};
      const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : d);
      this.settingsCache = {
        visitPeriodDays: num(v.visitPeriodDays, DEFAULT_LEDGER_SETTINGS.visitPeriodDays),
        turning16Days: num(v.turning16Days, DEFAULT_LEDGER_SETTINGS.turning16Days),
      };
    }
    return this.settingsCache;
  }

  private indexIdNumber(id: string, rec: EntityRecord | undefined): void {
    const n = rec ? childValue(rec.v, 'child.idNumber') : '';
    this.indexNumber(id, n ? normaliseIdNumber(n) : '');
  }

  private indexNumber(id: string, norm: string): void {
    const map = this.byIdNumber!;
    const before = this.idNumberOf.get(id);
    if (before !== undefined && map.get(before) === id) map.delete(before);
    if (!norm) {
      this.idNumberOf.delete(id);
      return;
    }
    const holder = map.get(norm);
    if (holder !== undefined && holder !== id) this.duplicateIds = true;
    map.set(norm, id);
    this.idNumberOf.set(id, norm);
  }

  /** The child holding this ID number, if any (ID numbers are unique in a ledger). */
  childWithIdNumber(idNumber: string): string | undefined {
    if (this.byIdNumber && this.idDirty.size > 0) {
      if (this.duplicateIds) this.byIdNumber = null;
      else for (const id of this.idDirty) this.indexIdNumber(id, this.store.get(CHILD_ENTITY, id));
    }
    this.idDirty.clear();
    if (!this.byIdNumber) {
      this.byIdNumber = new Map();
      this.idNumberOf.clear();
      this.duplicateIds = false;
      if (this.extrasComplete()) {
        // From what the summaries keep (children changed since are in idDirty and patched on the next call).
        for (const [id, extra] of this.extras) this.indexNumber(id, extra.number);
      } else {
        this.store.each(CHILD_ENTITY, (id, rec) => this.indexIdNumber(id, rec));
      }
    }
    return this.byIdNumber.get(normaliseIdNumber(idNumber));
  }

  /** Possible duplicates across offices, up to date. */
  duplicates(): DuplicateIndex {
    if (!this.dups) {
      const dups = (this.dups = new DuplicateIndex());
      // Each child's extras are its duplicate entry.
      if (this.extrasComplete()) dups.load(this.extras.values());
      else this.store.each(CHILD_ENTITY, (id, rec) => dups.put(id, duplicateEntry(id, rec)));
    }
    for (const id of this.dupDirty) {
      const rec = this.store.get(CHILD_ENTITY, id);
      this.dups.put(id, rec ? duplicateEntry(id, rec) : null);
    }
    this.dupDirty.clear();
    return this.dups;
  }

  private summarise(id: string, rec: EntityRecord, pass: DayPass): ChildSummary {
    const name = childValue(rec.v, 'child.name');
    const idNumber = childValue(rec.v, 'child.idNumber');
    const otherNames = familyNamesOf(rec.v);
    const family = otherNames.join('\n');
    // The search key (pinyin) is made again only when what it is made from changed.
    const hit = this.extras.get(id);
    const key =
      hit && hit.name === name && hit.i === idNumber && hit.f === family ? hit.k : searchKey({ name, idNumber, otherNames });
    this.extras.set(id, summaryExtras(eligibilityInputs(rec.v), duplicateEntry(id, rec), idNumber, family, key));
    this.lastSummarised += 1;
    this.summarisedSinceStart += 1;
    this.unstored = true;
    return summariseChild(
      id,
      rec.v,
      { createdDate: isoDateOf(hlcDate(createdHlc(rec))), updated: updatedHlc(rec), key },
      pass.today,
      pass.settings,
      pass,
    );
  }

  /**
   * The summaries as the last snapshot stored them, with the children changed since summarised again from their
   * records: a start reads one small file instead of every record. False when there is none (or it no longer fits).
   */
  private restore(today: string): boolean {
    this.sidecarTried = true;
    const stored = this.store.readSidecar(LIST_SIDECAR);
    const settings = this.settings();
    if (!stored || !isListSidecarMeta(stored.meta, settings)) return false;
    this.list.reset();
    const pass = new DayPass(today, settings);
    try {
      // Rows added since the first files stand for the rows of the same child there (the last one of each child).
      const added = new Map<string, unknown>();
      for (const row of stored.adds) added.set(rowId(row), row);
      const summaries: ChildSummary[] = [];
      const take = (row: unknown) => {
        const decoded = decodeRow(row, pass);
        summaries.push(decoded.s);
        this.extras.set(decoded.s.id, decoded.x);
      };
      for (const row of stored.items) {
        if (added.size === 0) take(row);
        else {
          const id = rowId(row);
          const newer = added.get(id);
          take(newer ?? row);
          if (newer !== undefined) added.delete(id);
        }
      }
      for (const row of added.values()) take(row);
      this.list.load(summaries);
    } catch {
      this.list.reset();
      this.extras.clear();
      return false;
    }
    this.unstored = false;
    for (const id of this.store.changedSince(CHILD_ENTITY, stored.at)) {
      this.dirty.add(id);
      this.dupDirty.add(id);
      this.idDirty.add(id);
    }
    this.day = today;
    this.allDirty = false;
    return true;
  }

  /** Every child has a summary and its extras (a full refresh or a restore happened): they can stand in for a scan. */
  private extrasComplete(): boolean {
    return !this.allDirty && this.extras.size === this.list.size && this.list.size > 0;
  }

  /**
   * What the snapshot beginning now stores, every summary brought up to date first (only the changed ones): the
   * summaries of the children changed since the stored ones, as additions to them, while those stay a small share
   * (at 200,000 children every snapshot rewrote 100 MB of summaries, and the disk's queue stalled the journal);
   * else every summary.
   */
  private capture(stored: StoredSidecar | null): SidecarCapture | null {
    if (this.allDirty || this.day === '' || this.dirty.size > CAPTURE_MAX_DIRTY) return null;
    this.refresh(this.day);
    // Nothing summarised since the last one: the stored summaries (with the changes since their offset) still hold.
    if (!this.unstored) return null;
    const meta: ListSidecarMeta = { version: LIST_SIDECAR_VERSION, settings: this.settings() };
    // Closing: the additions are folded in, so the next start reads one set of summaries.
    // Additions only to summaries this version wrote whole (a version-2 sidecar's readers would not read them).
    const sameVersion = stored !== null && (stored.meta as Partial<ListSidecarMeta> | null)?.version === LIST_SIDECAR_VERSION;
    if (stored && sameVersion && stored.rows !== null && !(stored.closing && stored.addRows > 0) && isListSidecarMeta(stored.meta, meta.settings)) {
      const changed = this.store.changedSince(CHILD_ENTITY, stored.at);
      if (stored.addRows + changed.size <= Math.max(ADDS_MIN, this.list.size * ADDS_SHARE)) {
        const items: ChildSummary[] = [];
        for (const id of changed) {
          const s = this.list.get(id);
          if (s && this.extras.has(id)) items.push(s);
        }
        this.unstored = false;
        return { meta: meta as unknown as SidecarCapture['meta'], items, encode: this.encodeRow, append: true };
      }
    }
    // Nearly in name order (see roughlyByName): restored into slots in that order, the next start's sort by name
    // (every other order's tie-break) meets an almost sorted array. Taken as an array of its own, encoded chunk by
    // chunk as it is written. A child changed after this moment may be encoded with its newer extras; it is after
    // the snapshot's journal offset, so the next start summarises it again anyway.
    const items = this.list.roughlyByName();
    if (this.extras.size < items.length) return null;
    this.unstored = false;
    return { meta: meta as unknown as SidecarCapture['meta'], items, encode: this.encodeRow };
  }

  private readonly encodeRow = (item: unknown) => {
    const s = item as ChildSummary;
    return encodeRow(s, this.extras.get(s.id)!);
  };

  /** Brings every summary up to date for `today`: all of them when the day or the settings changed, else only the
   *  children changed since the last call. */
  private refresh(today: string): ChildListIndex {
    this.lastSummarised = 0;
    if (this.allDirty && !this.sidecarTried && this.restore(today)) return this.refresh(today);
    if (!this.allDirty && today !== this.day && this.extras.size === this.list.size) {
      // A new day: ages, eligibility and alerts from what each summary keeps, without reading a record.
      // Loaded afresh: every slot changed, so every order would be sorted again anyway.
      const pass = new DayPass(today, this.settings());
      this.list.load(this.list.all().map((s) => pass.apply({ ...s }, this.extras.get(s.id)!)));
      this.day = today;
    }
    if (this.allDirty || today !== this.day) {
      const pass = new DayPass(today, this.settings());
      this.list.reset();
      this.store.each(CHILD_ENTITY, (id, rec) => this.list.put(this.summarise(id, rec, pass)));
      this.day = today;
      this.allDirty = false;
      this.dirty.clear();
      this.rebuilds += 1;
      return this.list;
    }
    const pass = this.dirty.size > 0 ? new DayPass(today, this.settings()) : null;
    for (const id of this.dirty) {
      const rec = this.store.get(CHILD_ENTITY, id);
      if (rec) this.list.put(this.summarise(id, rec, pass!));
    }
    this.dirty.clear();
    return this.list;
  }

  summary(id: string, today: string): ChildSummary | undefined {
    return this.refresh(today).get(id);
  }

  all(today: string): Iterable<ChildSummary> {
    return this.refresh(today).all();
  }

  sorted(field: ChildSortField, today: string): ChildSummary[] {
    return this.refresh(today).sorted(field);
  }

  /** The list's query: filters, search, sort and one page. */
  query(q: ChildListQuery, today: string): { total: number; rows: ChildRow[] } {
    const result = this.refresh(today).query(q);
    // The page's rows only: whether a row is a possible duplicate depends on other records, not on its summary.
    if (!this.dups && !this.pageJudged && this.extrasComplete()) {
      // Once: a second query before the index was built (calls back to back, no turn in between) builds it now rather
      // than passing over every child again.
      this.pageJudged = true;
      // Just after a start: the page's few rows are judged by one pass over the extras, and the duplicate index (two
      // maps of every child, a tenth of the first page at 200,000 children) is built after the page has gone.
      const duplicate = this.pageDuplicates(result.rows.map((row) => row.id));
      for (const row of result.rows) if (duplicate.has(row.id)) row.duplicate = true;
      this.buildDuplicatesSoon();
      return result;
    }
    const dups = this.duplicates();
    for (const row of result.rows) if (dups.isDuplicate(row.id)) row.duplicate = true;
    return result;
  }

  /**
   * Which of these children the duplicate index would call duplicates (a live record whose number two or more live
   * records hold), without building it: each child's entry is its extras, or, changed since, its record's.
   */
  private pageDuplicates(ids: readonly string[]): Set<string> {
    const entryOf = (id: string): DuplicateEntry | null => {
      if (!this.dupDirty.has(id)) return this.extras.get(id) ?? null;
      const rec = this.store.get(CHILD_ENTITY, id);
      return rec ? duplicateEntry(id, rec) : null;
    };
    const live = (e: DuplicateEntry | null): e is DuplicateEntry => e !== null && e.number !== '' && !e.merged;
    /** Number → how many live records hold it, for the page's numbers only. */
    const holders = new Map<string, number>();
    for (const id of ids) {
      const e = entryOf(id);
      if (live(e)) holders.set(e.number, 0);
    }
    const out = new Set<string>();
    if (holders.size === 0) return out;
    // A number's last characters, as a small integer: most of 200,000 numbers are told apart from the page's by it,
    // without the map lookup that would hash each of them (most of this pass's cost).
    const tail = (s: string) => {
      let f = s.length;
      for (let k = Math.max(0, s.length - 4); k < s.length; k += 1) f = (f * 31 + s.charCodeAt(k)) & 0xffff;
      return f;
    };
    const tails = new Uint8Array(0x10000);
    for (const number of holders.keys()) tails[tail(number)] = 1;
    const count = (e: DuplicateEntry | null) => {
      if (!live(e) || tails[tail(e.number)] === 0) return;
      const n = holders.get(e.number);
      if (n !== undefined) holders.set(e.number, n + 1);
    };
    const dirty = this.dupDirty;
    if (dirty.size === 0) for (const x of this.extras.values()) count(x);
    else {
      for (const [id, x] of this.extras) if (!dirty.has(id)) count(x);
      for (const id of dirty) count(entryOf(id));
    }
    for (const id of ids) {
      const e = entryOf(id);
      if (live(e) && holders.get(e.number)! >= 2) out.add(id);
    }
    return out;
  }

  private buildDuplicatesSoon(): void {
    setImmediate(() => {
      if (this.dups || this.store.isClosed) return;
      try {
        this.duplicates();
      } catch {
        // The next caller meets the same problem and reports it.
      }
    });
  }

  /** Orders sorted from scratch and slots patched, for tests. */
  listStats(): ListIndexStats {
    return { ...this.list.stats };
  }

  /** Townships and their villages, for the list's filter selects. */
  places(today: string): Map<string, Set<string>> {
    return this.refresh(today).places();
  }
}

function duplicateEntry(id: string, rec: EntityRecord) {
  const n = childValue(rec.v, 'child.idNumber');
  return {
    id,
    number: n ? normaliseIdNumber(n) : '',
    office: childOwnerOf(rec),
    name: childValue(rec.v, 'child.name'),
    township: childValue(rec.v, 'responsibility.township'),
    merged: typeof rec.v[MERGED_INTO] === 'string' && rec.v[MERGED_INTO] !== '',
  };
}

const indexes = new WeakMap<Store, LedgerIndex>();

export function ledgerIndex(store: Store): LedgerIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new LedgerIndex(store);
    indexes.set(store, index);
  }
  return index;
}
