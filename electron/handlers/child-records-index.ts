// A child's visits, assistance and assessments, found by index (issue 13): child id → record ids, built once with
// store.each on first use and patched through store.onChange, so a child's page costs what that child has, not what
// the office has. Who recorded each row is the first operation on it, read from the journal once per row and kept.
import type { EntityRecord } from '../store/state';
import type { Store } from '../store/store';

export class ChildRecordsIndex {
  /**
   * child id → ids of its records (one id alone, or several: most children have few, and 200,000 small sets would
   * weigh more than the ids). May hold a record that has since moved to another child: checked when read.
   */
  private byChild: Map<string, string | string[]> | null = null;
  /** Records whose childId may have changed since the index was last brought up to date. */
  private readonly dirty = new Set<string>();
  /** Record id → login of the person who created it (the first operation of its history never changes). */
  private readonly creators = new Map<string, string>();
  /** How often the whole table was read (tests check that an edit or a page view does not do it). */
  rebuilds = 0;
  /** How many records' histories were read from the journal (tests: only the rows of the child shown, once). */
  historyReads = 0;

  constructor(
    private readonly store: Store,
    readonly entity: string,
  ) {
    store.onChange((ops) => {
      if (!this.byChild) return;
      for (const op of ops) if (op.entity === entity && 'childId' in op.set) this.dirty.add(op.id);
    });
  }

  private add(map: Map<string, string | string[]>, childId: string, id: string): void {
    const held = map.get(childId);
    if (held === undefined) map.set(childId, id);
    else if (typeof held === 'string') {
      if (held !== id) map.set(childId, [held, id]);
    } else if (!held.includes(id)) held.push(id);
  }

  private index(): Map<string, string | string[]> {
    if (!this.byChild) {
      const map = new Map<string, string | string[]>();
      this.store.each(this.entity, (id, rec) => {
        if (typeof rec.v.childId === 'string' && rec.v.childId) this.add(map, rec.v.childId, id);
      });
      this.byChild = map;
      this.dirty.clear();
      this.rebuilds += 1;
      return map;
    }
    for (const id of this.dirty) {
      const childId = this.store.get(this.entity, id)?.v.childId;
      // The child it belonged to before drops it when read (its childId no longer matches).
      if (typeof childId === 'string' && childId) this.add(this.byChild, childId, id);
    }
    this.dirty.clear();
    return this.byChild;
  }

  /** The child's records as they stand now. */
  of(childId: string): Array<{ id: string; rec: EntityRecord }> {
    const map = this.index();
    const held = map.get(childId);
    if (held === undefined) return [];
    const out: Array<{ id: string; rec: EntityRecord }> = [];
    for (const id of typeof held === 'string' ? [held] : held) {
      const rec = this.store.get(this.entity, id);
      if (rec && rec.v.childId === childId) out.push({ id, rec });
    }
    // Records that moved to another child leave this one's list.
    if (out.length === 0) map.delete(childId);
    else if (out.length === 1) map.set(childId, out[0]!.id);
    else if (typeof held !== 'string' && out.length !== held.length) map.set(childId, out.map((x) => x.id));
    return out;
  }

  /** Login of the person who recorded this record ('' if the journal names nobody). */
  creatorOf(id: string): string {
    let login = this.creators.get(id);
    if (login === undefined) {
      this.historyReads += 1;
      login = this.store.history(this.entity, id)[0]?.user ?? '';
      this.creators.set(id, login);
    }
    return login;
  }
}

const indexes = new WeakMap<Store, Map<string, ChildRecordsIndex>>();

/** The index of one per-child record type (visit, assistance, assessment) of an open store. */
export function childRecordsIndex(store: Store, entity: string): ChildRecordsIndex {
  let byEntity = indexes.get(store);
  if (!byEntity) indexes.set(store, (byEntity = new Map()));
  let index = byEntity.get(entity);
  if (!index) byEntity.set(entity, (index = new ChildRecordsIndex(store, entity)));
  return index;
}
