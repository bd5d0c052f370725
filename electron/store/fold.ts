// Applying one operation to the state. Pure and deterministic: the same operations in any order give the same state.
// Per field, the value with the highest HLC wins everywhere (the HLC ends in the office code, so offices never tie).
// An operation made without having seen the value it now meets (its `base` differs) is concurrent with it: the
// losing value is kept in the record's conflict list, never dropped, until a person settles it.
import { hlcOffice } from './hlc';
import type { Operation } from './operation';
import { type ConflictLoser, type EntityRecord, type State, createdHlc, ownValue, setOwn, stampOf, updatedHlc } from './state';

export function applyOperation(state: State, op: Operation, offset?: number): void {
  // Own properties only (state.ts): an id or field named `__proto__` or `constructor` is an ordinary key here.
  const table = ownValue(state.entities, op.entity) ?? setOwn(state.entities, op.entity, {});
  applyToTable(table, op, offset);
}

/**
 * Applies one operation to its record in `table` (the record's own table or the part of it that holds this id).
 * The record is replaced, never changed in place: a snapshot being written holds the records as they were when it
 * began, and keeps them so while edits go on. Returns whether the record is new.
 */
export function applyToTable(table: Record<string, EntityRecord>, op: Operation, offset?: number): boolean {
  const old = ownValue(table, op.id);
  let rec: EntityRecord;
  if (!old) {
    rec = setOwn<EntityRecord>(table, op.id, { v: {}, b: op.hlc });
  } else {
    rec = { ...old, v: { ...old.v } };
    if (old.m) rec.m = { ...old.m };
    if (old.x) rec.x = [...old.x];
    setOwn(table, op.id, rec);
    if (op.hlc < createdHlc(rec)) rec.c = op.hlc;
    if (op.hlc > updatedHlc(rec)) rec.u = op.hlc;
    if (rec.c === rec.b) delete rec.c;
    if (rec.u === rec.b) delete rec.u;
  }
  if (offset !== undefined) rec.p = offset;

  for (const [field, value] of Object.entries(op.set)) {
    // The writer saw and replaced this value: if it was kept as a losing value here, it is settled by this edit.
    const seen = op.base && ownValue(op.base, field);
    if (seen && rec.x) rec.x = rec.x.filter((l) => !(l.field === field && l.hlc === seen));
    const current = stampOf(rec, field);
    const concurrent = current !== undefined && seen !== current;
    if (current === undefined || op.hlc > current) {
      // Kept even when equal to the new value: whether an equal value meets the winner before or after another
      // write must not decide whether it is kept (the conflicts list hides losers equal to the current value).
      if (concurrent) keepLoser(rec, field, current!, rec.v[field]!);
      setOwn(rec.v, field, value);
      setStamp(rec, field, op.hlc);
    } else if (concurrent && op.hlc !== current) {
      keepLoser(rec, field, op.hlc, value);
    }
  }
  if (op.res) settle(rec, op.res);
  if (rec.x?.length === 0) delete rec.x;
  return !old;
}

function keepLoser(rec: EntityRecord, field: string, hlc: string, value: ConflictLoser['value']) {
  const list = (rec.x ??= []);
  if (list.some((l) => l.field === field && l.hlc === hlc)) return;
  // Who wrote a losing value is in the history (find the operation by its stamp); the office is the stamp's end.
  list.push({ field, value, hlc, office: hlcOffice(hlc) });
  list.sort((a, b) => (a.field === b.field ? (a.hlc < b.hlc ? -1 : 1) : a.field < b.field ? -1 : 1));
}

function settle(rec: EntityRecord, res: Record<string, string[]>) {
  if (!rec.x) return;
  rec.x = rec.x.filter((l) => !(ownValue(res, l.field) ?? []).includes(l.hlc));
}

function setStamp(rec: EntityRecord, field: string, hlc: string): void {
  if (hlc === rec.b) {
    if (rec.m) {
      delete rec.m[field];
      if (Object.keys(rec.m).length === 0) delete rec.m;
    }
    return;
  }
  setOwn((rec.m ??= {}), field, hlc);
}

/** Whether a kept loser still differs from the current value: the ones a person has to look at. */
export function isOpenLoser(rec: EntityRecord, loser: ConflictLoser): boolean {
  const a = ownValue(rec.v, loser.field);
  return !(a === loser.value || JSON.stringify(a) === JSON.stringify(loser.value));
}
