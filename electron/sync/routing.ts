// What one recipient should receive from this office, by the routing table and the two offices' levels.
import type { OfficeLevel } from '../contract/schemas/office';
import type { Operation } from '../store/operation';
import type { Store } from '../store/store';
import { ownerLookup } from './ownership';
import { routeClassOf } from './routing-table';
import { UNIT_UP_ENTITIES, unitIdOf, unitShareFilter } from './unit-share';

// Lower rank is higher up. A functional zone's committee (管委会) works at county level.
// A member unit's office (issue 14) stands beside its joint meeting's office, not in this ladder: see below.
const rank: Record<OfficeLevel, number> = { city: 0, county: 1, zone: 1, township: 2, unit: 3 };

export interface RouteParties {
  self: { code: string; level: OfficeLevel };
  peer: { code: string; level: OfficeLevel };
  /** A full copy: everything but local records. */
  full: boolean;
}

export function routeFilter(store: Store, { self, peer, full }: RouteParties): (op: Operation) => boolean {
  // To a unit office: its share, never more (a full copy included: it would carry the ledger).
  if (peer.level === 'unit') return unitShareFilter(store, unitIdOf(peer.code));
  // From a unit office: what it wrote itself, of the kinds a unit writes.
  if (self.level === 'unit') return (op) => op.office === self.code && UNIT_UP_ENTITIES.has(op.entity);
  const up = rank[peer.level] < rank[self.level];
  const down = rank[peer.level] > rank[self.level];
  const owner = ownerLookup(store);
  return (op) => {
    const cls = routeClassOf(op.entity);
    if (cls === 'local') return false;
    if (full) return true;
    switch (cls) {
      case 'ledger':
        return up || owner(op.entity, op.id) === peer.code;
      case 'upward':
        return up;
      case 'downward':
        return down;
      default:
        return false;
    }
  };
}
