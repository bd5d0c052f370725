// Applying one operation to the state. Pure and deterministic: the same operations in any order give the same state
// (per-field last-writer-wins by HLC; the HLC ends in the office code, so ties cannot happen between offices).
import type { Operation } from './operation';
import { type EntityRecord, type State, stampOf } from './state';

export function applyOperation(state: State, op: Operation): void {
  let table = state.entities[op.entity];
  if (!table) table = state.entities[op.entity] = {};
  const rec = table[op.id];
  if (!rec) {
    table[op.id] = { v: { ...op.set }, b: op.hlc, c: op.hlc, u: op.hlc };
    return;
  }
  if (op.hlc < rec.c) rec.c = op.hlc;
  if (op.hlc > rec.u) rec.u = op.hlc;
  for (const [field, value] of Object.entries(op.set)) {
    const stamp = stampOf(rec, field);
    if (stamp !== undefined && stamp >= op.hlc) continue;
    rec.v[field] = value;
    setStamp(rec, field, op.hlc);
  }
}

function setStamp(rec: EntityRecord, field: string, hlc: string): void {
  if (hlc === rec.b) {
    if (rec.m) {
      delete rec.m[field];
      if (Object.keys(rec.m).length === 0) delete rec.m;
    }
    return;
  }
  (rec.m ??= {})[field] = hlc;
}
