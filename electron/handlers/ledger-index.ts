// The ledger's in-memory index, one per open store: a summary per child (search key with pinyin, age, alerts),
// sorted orders per sort field, the office's code lists and settings. It follows the store through onChange, so a
// list query never recomputes pinyin or rescans visits; only the children that changed are summarised again, and
// everything is recomputed once when the day turns (ages and alerts depend on the date).
import type { ChildSortField } from '../contract/schemas/ledger';
import { CHILD_ENTITY, childValue } from '../domain/ledger/child-fields';
import { comparators } from '../domain/ledger/child-query';
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
  key: SearchKey;
}

export class LedgerIndex {
  private summaries = new Map<string, ChildSummary>();
  private keys = new Map<string, KeyEntry>();
  private dirty = new Set<string>();
  private allDirty = true;
  private day = '';
  private orders = new Map<ChildSortField, ChildSummary[]>();
  private codeListsCache: CodeLists | null = null;
  private settingsCache: LedgerSettings | null = null;
  private byIdNumber: Map<string, string> | null = null;
  private placesCache: Map<string, Set<string>> | null = null;

  constructor(private readonly store: Store) {
    store.onChange((ops) => {
      for (const op of ops) {
        if (op.entity === CHILD_ENTITY) {
          this.dirty.add(op.id);
          this.orders.clear();
          this.placesCache = null;
          if ('child.idNumber' in op.set) this.byIdNumber = null;
        } else if (op.entity === CODE_ITEM_ENTITY) {
          this.codeListsCache = null;
        } else if (op.entity === LEDGER_SETTINGS_ENTITY) {
          this.settingsCache = null;
          this.allDirty = true;
          this.orders.clear();
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

  /** The child holding this ID number, if any (ID numbers are unique in a ledger). */
  childWithIdNumber(idNumber: string): string | undefined {
    if (!this.byIdNumber) {
      this.byIdNumber = new Map();
      for (const [id, rec] of Object.entries(this.store.table(CHILD_ENTITY))) {
        const n = childValue(rec.v, 'child.idNumber');
        if (n) this.byIdNumber.set(normaliseIdNumber(n), id);
      }
    }
    return this.byIdNumber.get(normaliseIdNumber(idNumber));
  }

  private keyFor(id: string, rec: EntityRecord): SearchKey {
    const name = childValue(rec.v, 'child.name');
    const idNumber = childValue(rec.v, 'child.idNumber');
    const hit = this.keys.get(id);
    if (hit && hit.name === name && hit.idNumber === idNumber) return hit.key;
    const key = searchKey({ name, idNumber });
    this.keys.set(id, { name, idNumber, key });
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

  /** Brings every summary up to date for `today`. */
  private refresh(today: string): void {
    const table = this.store.table(CHILD_ENTITY);
    if (this.allDirty || today !== this.day) {
      this.summaries.clear();
      for (const [id, rec] of Object.entries(table)) this.summaries.set(id, this.summarise(id, rec, today));
      this.day = today;
      this.allDirty = false;
      this.dirty.clear();
      this.orders.clear();
      return;
    }
    for (const id of this.dirty) {
      const rec = table[id];
      if (rec) this.summaries.set(id, this.summarise(id, rec, today));
    }
    this.dirty.clear();
  }

  summary(id: string, today: string): ChildSummary | undefined {
    this.refresh(today);
    return this.summaries.get(id);
  }

  all(today: string): Iterable<ChildSummary> {
    this.refresh(today);
    return this.summaries.values();
  }

  sorted(field: ChildSortField, today: string): ChildSummary[] {
    this.refresh(today);
    let order = this.orders.get(field);
    if (!order) {
      order = [...this.summaries.values()].sort(comparators[field]);
      this.orders.set(field, order);
    }
    return order;
  }

  /** Townships and their villages, for the list's filter selects. */
  places(today: string): Map<string, Set<string>> {
    this.refresh(today);
    if (!this.placesCache) {
      this.placesCache = new Map();
      for (const s of this.summaries.values()) {
        if (!s.township) continue;
        let villages = this.placesCache.get(s.township);
        if (!villages) this.placesCache.set(s.township, (villages = new Set()));
        if (s.village) villages.add(s.village);
      }
    }
    return this.placesCache;
  }
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
