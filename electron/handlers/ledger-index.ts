// The ledger's in-memory index, one per open store: a summary per child (search key with pinyin, age, alerts),
// the list's columns and sorted orders (domain/ledger/child-list-index), the office's code lists and settings. It
// follows the store through onChange, so a list query never recomputes pinyin or rescans visits; only the children
// that changed are summarised again and moved within the orders, and everything is recomputed once when the day
// turns (ages and alerts depend on the date).
import type { ChildListQuery, ChildRow, ChildSortField } from '../contract/schemas/ledger';
import { createChildSchema, createIncompleteChildSchema } from '../contract/schemas/child';
import { CHILD_ENTITY, childValue } from '../domain/ledger/child-fields';
import { ChildListIndex, type ListIndexStats } from '../domain/ledger/child-list-index';
import { DuplicateIndex } from '../domain/ledger/duplicate-index';
import { MERGED_INTO } from '../domain/ledger/merge-duplicates';
import { childOwnerOf } from '../sync/ownership';
import {
  DEFAULT_LEDGER_SETTINGS,
  summariseChild,
  type ChildSummary,
  type LedgerSettings,
} from '../domain/ledger/child-summary';
import { loadCodeLists, type CodeLists } from '../domain/ledger/codelists';
import ledgerCodeListsJson from '../../assets/codelists/ledger.json';
import { isoDateOf } from '../domain/ledger/dates';
import { normaliseIdNumber } from '../domain/ledger/id-number';
import { searchKey, type SearchKey } from '../domain/ledger/pinyin';
import { familyNamesOf } from '../domain/ledger/search-names';
import { hlcDate } from '../store/hlc';
import type { EntityRecord } from '../store/state';
import { createdHlc, updatedHlc } from '../store/state';
import type { Store } from '../store/store';

export const CODE_ITEM_ENTITY = 'codeItem';
export const LEDGER_SETTINGS_ENTITY = 'ledgerSettings';
export const LEDGER_SETTINGS_ID = 'office';

interface KeyEntry {
  name: string;
  idNumber: string;
  /** The family's names joined, to see whether they changed. */
  family: string;
  key: SearchKey;
}

export class LedgerIndex {
  private readonly list = new ChildListIndex();
  private readonly keys = new Map<string, KeyEntry>();
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
  private readonly dupDirty = new Set<string>();

  constructor(private readonly store: Store) {
    store.onChange((ops) => {
      for (const op of ops) {
        if (op.entity === CHILD_ENTITY) {
          this.dirty.add(op.id);
          this.dupDirty.add(op.id);
          if ('child.idNumber' in op.set) this.idDirty.add(op.id);
        } else if (op.entity === CODE_ITEM_ENTITY) {
          this.codeListsCache = null;
        } else if (op.entity === LEDGER_SETTINGS_ENTITY) {
          this.settingsCache = null;
          this.allDirty = true;
        }
      }
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
    const map = this.byIdNumber!;
    const before = this.idNumberOf.get(id);
    if (before !== undefined && map.get(before) === id) map.delete(before);
    const n = rec ? childValue(rec.v, 'child.idNumber') : '';
    if (!n) {
      this.idNumberOf.delete(id);
      return;
    }
    const norm = normaliseIdNumber(n);
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
      this.store.each(CHILD_ENTITY, (id, rec) => this.indexIdNumber(id, rec));
    }
    return this.byIdNumber.get(normaliseIdNumber(idNumber));
  }

  /** Possible duplicates across offices, up to date. */
  duplicates(): DuplicateIndex {
    if (!this.dups) {
      const dups = (this.dups = new DuplicateIndex());
      this.store.each(CHILD_ENTITY, (id, rec) => dups.put(id, duplicateEntry(id, rec)));
    } else {
      for (const id of this.dupDirty) {
        const rec = this.store.get(CHILD_ENTITY, id);
        this.dups.put(id, rec ? duplicateEntry(id, rec) : null);
      }
    }
    this.dupDirty.clear();
    return this.dups;
  }

  private keyFor(id: string, rec: EntityRecord): SearchKey {
    const name = childValue(rec.v, 'child.name');
    const idNumber = childValue(rec.v, 'child.idNumber');
    const otherNames = familyNamesOf(rec.v);
    const family = otherNames.join('\n');
    const hit = this.keys.get(id);
    if (hit && hit.name === name && hit.idNumber === idNumber && hit.family === family) return hit.key;
    const key = searchKey({ name, idNumber, otherNames });
    this.keys.set(id, { name, idNumber, family, key });
    return key;
  }

  private summarise(id: string, rec: EntityRecord, today: string): ChildSummary {
    return summariseChild(
      id,
      rec.v,
      { createdDate: isoDateOf(hlcDate(createdHlc(rec))), updated: updatedHlc(rec), key: this.keyFor(id, rec) },
      today,
      this.settings(),
    );
  }

  /** Brings every summary up to date for `today`: all of them when the day or the settings changed, else only the
   *  children changed since the last call. */
  private refresh(today: string): ChildListIndex {
    if (this.allDirty || today !== this.day) {
      this.list.reset();
      this.store.each(CHILD_ENTITY, (id, rec) => this.list.put(this.summarise(id, rec, today)));
      this.day = today;
      this.allDirty = false;
      this.dirty.clear();
      this.rebuilds += 1;
      return this.list;
    }
    for (const id of this.dirty) {
      const rec = this.store.get(CHILD_ENTITY, id);
      if (rec) this.list.put(this.summarise(id, rec, today));
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
    const dups = this.duplicates();
    for (const row of result.rows) if (dups.isDuplicate(row.id)) row.duplicate = true;
    return result;
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
