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
  if (!Object.hasOwn(rec.v, field)) return undefined;
  return (rec.m && ownValue(rec.m, field)) ?? rec.b;
}

// Tables, records and their value maps are plain objects keyed by ids and field names that callers and bundles
// supply, and tables come back from JSON.parse with Object.prototype behind them: `table['constructor']` would
// answer with Object itself, and `table['__proto__'] = rec` would replace the table's prototype. So reads go
// through own properties only, and writes define own properties (JSON.stringify/parse keep those as plain keys).

/** The value held under `key` itself, never one inherited from Object.prototype. */
export const ownValue = <T>(obj: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(obj, key) ? obj[key] : undefined;

/** Sets `key` as an own property, even for `__proto__`. */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** Names Object.prototype answers to (`constructor`, `toString`, `__proto__`…): never a table's entity type. */
export const isPrototypeKey = (key: string): boolean => key in Object.prototype;
