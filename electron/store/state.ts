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
  /** HLC of the first operation on this record, where it differs from `b` (use createdHlc()). */
  c?: string;
  /** HLC of the latest operation applied, where it differs from `b` (use updatedHlc()). */
  u?: string;
  /** Journal offset of the latest operation on this record in this office's journal (head of its history chain). */
  p?: number;
  /** Values that lost a concurrent edit: kept, never dropped, until a person resolves them. */
  x?: ConflictLoser[];
}

export interface ConflictLoser {
  field: string;
  value: JsonValue;
  hlc: string;
  office: string;
}

export interface State {
  entities: Record<string, Record<string, EntityRecord>>;
}

export const emptyState = (): State => ({ entities: {} });

export const createdHlc = (rec: EntityRecord): string => rec.c ?? rec.b;
export const updatedHlc = (rec: EntityRecord): string => rec.u ?? rec.b;

export function stampOf(rec: EntityRecord, field: string): string | undefined {
  if (!(field in rec.v)) return undefined;
  return rec.m?.[field] ?? rec.b;
}
