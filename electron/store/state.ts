// The current state: the fold of every operation, as forms and lists read it.
import type { JsonValue } from './operation';

/** One record's current values and the HLC stamp of each value (for last-writer-wins merges). */
export interface EntityRecord {
  /** Current values. */
  v: Record<string, JsonValue>;
  /** Stamp of every value not listed in `m`: most fields of a record are set once, together. */
  b: string;
  /** Stamps of the values that differ from `b`. */
  m?: Record<string, string>;
  /** HLC of the first operation on this record (its creation). */
  c: string;
  /** HLC of the latest operation applied. */
  u: string;
  /** Values that lost a concurrent edit: kept, never dropped, until a person resolves them. */
  x?: ConflictLoser[];
}

export interface ConflictLoser {
  field: string;
  value: JsonValue;
  hlc: string;
  office: string;
  user: string;
}

export interface State {
  entities: Record<string, Record<string, EntityRecord>>;
}

export const emptyState = (): State => ({ entities: {} });

export function stampOf(rec: EntityRecord, field: string): string | undefined {
  if (!(field in rec.v)) return undefined;
  return rec.m?.[field] ?? rec.b;
}
