// A strict check of the operations in a bundle's payload. Hand-written rather than zod because it runs on every
// operation of a bundle (zod took a second for 10,000); it accepts exactly what operationSchema accepts. The
// payload came from JSON.parse, so every value is JSON already: only shapes and formats need checking.
import { HLC_SOURCE, OFFICE_CODE_RE } from '../store/hlc';
import type { Operation } from '../store/operation';
import { isPrototypeKey } from '../store/state';

const OFFICE = OFFICE_CODE_RE;
const HLC = new RegExp(`^${HLC_SOURCE}$`);
const ENTITY = /^[a-zA-Z][a-zA-Z0-9_.-]{0,40}$/;
const KEYS = new Set(['office', 'seq', 'hlc', 'user', 'entity', 'id', 'set', 'sv', 'batch', 'base', 'res']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const posInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const str = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;

export function isOperation(v: unknown): v is Operation {
  if (!isObject(v)) return false;
  for (const k of Object.keys(v)) if (!KEYS.has(k)) return false;
  if (typeof v.office !== 'string' || !OFFICE.test(v.office)) return false;
  if (!posInt(v.seq) || !posInt(v.sv)) return false;
  if (typeof v.hlc !== 'string' || !HLC.test(v.hlc)) return false;
  if (!str(v.user, 1, 64) || !str(v.id, 1, 80)) return false;
  // `constructor`, `toString`… match the pattern but name members of every object, never a kind of record.
  if (typeof v.entity !== 'string' || !ENTITY.test(v.entity) || isPrototypeKey(v.entity)) return false;
  if (!isObject(v.set)) return false;
  if (v.batch !== undefined) {
    const b = v.batch;
    if (!Array.isArray(b) || b.length !== 3 || typeof b[0] !== 'string') return false;
    if (!Number.isSafeInteger(b[1]) || b[1] < 0 || !posInt(b[2])) return false;
  }
  if (v.base !== undefined) {
    if (!isObject(v.base)) return false;
    for (const s of Object.values(v.base)) if (typeof s !== 'string' || !HLC.test(s)) return false;
  }
  if (v.res !== undefined) {
    if (!isObject(v.res)) return false;
    for (const list of Object.values(v.res)) {
      if (!Array.isArray(list)) return false;
      for (const s of list) if (typeof s !== 'string' || !HLC.test(s)) return false;
    }
  }
  return true;
}

export function isOperationPayload(v: unknown, format: string): v is { format: string; ops: Operation[] } {
  if (!isObject(v) || Object.keys(v).length !== 2 || v.format !== format || !Array.isArray(v.ops)) return false;
  return v.ops.every(isOperation);
}
