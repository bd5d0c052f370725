// Walks the contract's zod schemas: which fields of a channel's argument carry an id-like string (an id, a kind, an
// entity name…), and a plain argument to put them in. Derived from the schemas so a new channel is covered the day
// it is added.
import type { z } from 'zod';

/** Field names that select something by key: what a probe with `constructor` or `__proto__` must not reach. */
export const ID_LIKE = /^(id|ids|kind|entity|field|list|code|login|importId|[a-z]+Id|[a-z]+Ids)$/;

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/default/pipe wrappers. */
export function core(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
}

const isOptional = (s: AnySchema): boolean => {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') return true;
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return false;
  }
};

export interface ProbeField {
  /** Path of the field inside the argument, e.g. ['source', 'importId']. */
  path: string[];
  /** The field holds a list of such strings. */
  list: boolean;
  schema: AnySchema;
}

/** Every id-like string field of an argument schema, at any depth of nested objects (and union options). */
export function probeFields(schema: AnySchema, prefix: string[] = []): ProbeField[] {
  const c = core(schema);
  const d = defOf(c);
  if (d.type === 'union') return (d.options ?? []).flatMap((o) => probeFields(o, prefix));
  if (d.type !== 'object' || !d.shape) return [];
  const out: ProbeField[] = [];
  for (const [name, field] of Object.entries(d.shape)) {
    const f = core(field);
    const fd = defOf(f);
    const path = [...prefix, name];
    if (ID_LIKE.test(name) && (fd.type === 'string' || fd.type === 'enum')) out.push({ path, list: false, schema: field });
    else if (ID_LIKE.test(name) && fd.type === 'array' && fd.element && ['string', 'enum'].includes(defOf(core(fd.element)).type)) {
      out.push({ path, list: true, schema: field });
    } else if (fd.type === 'object' || fd.type === 'union') out.push(...probeFields(f, path));
  }
  return out;
}

/** Strings that pass the usual rules of the contract: free text, a date, a date and time, an office code, a stamp. */
const STRING_CANDIDATES = ['x', '2026-11-01', '2026-11-01T10:00', '445202', '202611280200000-00000-445200', 'Abcdefg123'];

/** The first candidate the schema accepts (the first one when none is). */
const firstValid = (schema: AnySchema, candidates: unknown[]): unknown =>
  candidates.find((c) => schema.safeParse(c).success) ?? candidates[0];

/** A valid value for a schema where one is easy to make: required fields only, the first option that passes. */
export function sampleOf(schema: AnySchema): unknown {
  const c = core(schema);
  const d = defOf(c);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(d.shape ?? {})) if (!isOptional(f)) out[k] = sampleOf(f);
      return out;
    }
    case 'string':
      return firstValid(schema, STRING_CANDIDATES);
    case 'number':
    case 'int':
      return firstValid(schema, [1, 0, 10, 100]);
    case 'boolean':
      return false;
    case 'enum':
      return firstValid(schema, Object.values(d.entries ?? {}));
    case 'literal':
      return d.values?.[0];
    case 'array':
      return firstValid(schema, [[], [sampleOf(d.element!)]]);
    case 'record':
      return {};
    case 'union':
      return firstValid(schema, (d.options ?? []).map((o) => sampleOf(o)));
    default:
      return undefined;
  }
}

/** A copy of `base` with `value` at `path` (objects made on the way, for fields of an omitted optional object). */
export function withValue(base: unknown, path: string[], value: unknown): unknown {
  const root = structuredClone(base ?? {}) as Record<string, unknown>;
  let cur = root;
  for (const k of path.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  // defineProperty: `__proto__` must arrive as a key, as it does from JSON.parse over IPC or HTTP.
  Object.defineProperty(cur, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}
