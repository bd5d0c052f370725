// The dry run: fold the operations into COPIES of the records they touch and compare. Never touches the store.
import type { DryRunSummary, EntityCounts } from '../contract/schemas/exchange';
import { entityLabel } from '../contract/schemas/exchange';
import { applyOperation } from '../store/fold';
import { canonical } from '../store/integrity';
import type { Operation } from '../store/operation';
import { ownValue, setOwn, type EntityRecord, type State } from '../store/state';
import type { Store } from '../store/store';
import { WITHHELD_ENTITY } from './local-entities';

const zero = (): EntityCounts => ({ new: 0, updated: 0, unchanged: 0, conflicts: 0 });

export function dryRun(store: Store, ops: Operation[]): DryRunSummary {
  const temp: State = { entities: {} };
  const before = new Map<string, { entity: string; id: string; rec: EntityRecord | undefined }>();
  for (const op of ops) {
    if (op.entity === WITHHELD_ENTITY) continue;
    const key = `${op.entity}\u0000${op.id}`;
    if (!before.has(key)) {
      const rec = store.get(op.entity, op.id);
      before.set(key, { entity: op.entity, id: op.id, rec });
      // Ids come from the bundle: own properties only (an id `__proto__` must stay a record, see store/state.ts).
      if (rec) setOwn(ownValue(temp.entities, op.entity) ?? setOwn(temp.entities, op.entity, {}), op.id, structuredClone(rec));
    }
    applyOperation(temp, op);
  }
  const total = zero();
  const byEntity: DryRunSummary['byEntity'] = {};
  for (const { entity, id, rec } of before.values()) {
    const after = ownValue(ownValue(temp.entities, entity)!, id)!;
    const counts = ownValue(byEntity, entity) ?? setOwn(byEntity, entity, { label: entityLabel(entity), ...zero() });
    const kind = !rec ? 'new' : canonical(rec.v) !== canonical(after.v) ? 'updated' : 'unchanged';
    counts[kind]++;
    total[kind]++;
    const had = new Set((rec?.x ?? []).map((l) => `${l.field}\u0000${l.hlc}`));
    if ((after.x ?? []).some((l) => !had.has(`${l.field}\u0000${l.hlc}`))) {
      counts.conflicts++;
      total.conflicts++;
    }
  }
  return { ...total, byEntity, alreadyApplied: ops.length === 0, operations: ops.length };
}
