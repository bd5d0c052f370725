// Which office a ledger record belongs to. There is no county field on a child (the township is free text), so a
// record belongs to the office that created it — the office code that ends the stamp of its earliest operation —
// until a transfer names another one in `custodian`. Visits, assistance, assessments and mandatory reports belong to
// their child's office; a follow-up belongs to its report's.
import { hlcOffice } from '../store/hlc';
import { createdHlc, type EntityRecord } from '../store/state';
import type { Store } from '../store/store';

/** Field written by a transfer: the office code now responsible for the child. */
export const CUSTODIAN_FIELD = 'custodian';

/** The office a child's record belongs to: its custodian after a transfer, else the office that created it. */
export function childOwnerOf(rec: EntityRecord): string {
  const c = rec.v[CUSTODIAN_FIELD];
  return typeof c === 'string' && c !== '' ? c : hlcOffice(createdHlc(rec));
}

export type OwnerOf = (entity: string, id: string) => string | undefined;

export function ownerLookup(store: Store): OwnerOf {
  const cache = new Map<string, string | undefined>();
  const owner: OwnerOf = (entity, id) => {
    const key = `${entity}\u0000${id}`;
    if (cache.has(key)) return cache.get(key);
    cache.set(key, undefined); // a cycle of references ends here
    const rec = store.get(entity, id);
    let result: string | undefined;
    if (rec) {
      const v = rec.v;
      if (entity === 'child') {
        result = typeof v[CUSTODIAN_FIELD] === 'string' ? (v[CUSTODIAN_FIELD] as string) : undefined;
      } else if (typeof v.childId === 'string' && v.childId && store.get('child', v.childId)) {
        result = owner('child', v.childId);
      } else if (typeof v.reportId === 'string' && v.reportId && store.get('report', v.reportId)) {
        result = owner('report', v.reportId);
      }
      result ??= hlcOffice(createdHlc(rec));
    }
    cache.set(key, result);
    return result;
  };
  return owner;
}
